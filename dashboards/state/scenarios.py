"""The scenario part of a session's state: the store (opened once, on first use), the
scenario being worked on, and the last comparison. Pages list, save, open and compare
through these methods; each returns None or the sentence for the user."""

from __future__ import annotations

import os
from collections.abc import Callable

import param

from businesscase.export import comparison_workbook_bytes
from businesscase.model import Case, UserError
from businesscase.scenarios import ScenarioStore, StoreError, Version, compare

from .problems import problem_text

DATABASE_ENV = "BUSINESSCASE_DATABASE_URL"


class ScenarioState(param.Parameterized):
    # Held by CaseState; declared (not assigned, so nothing is shadowed) for the type checker.
    lang: str
    method: str
    basis: str
    case: Case
    changes: dict[str, float]
    use_case: Callable[[Case, str], None]

    _store: ScenarioStore | None
    _store_fault: UserError | None  # why the store could not be opened
    _store_tried: bool

    scenario = param.ClassSelector(
        class_=Version, default=None, allow_None=True, doc="the version last saved or opened"
    )
    comparison = param.DataFrame(
        default=None, allow_None=True, doc="the last comparison, best first, rows '#id label'"
    )

    def _init_store(self, store: ScenarioStore | None) -> None:
        self._store, self._store_fault, self._store_tried = store, None, store is not None

    @property
    def store(self) -> ScenarioStore | None:
        """The session's store; None when it cannot be opened (``store_problem`` says why)."""
        if not self._store_tried:
            self._store_tried = True
            try:
                self._store = ScenarioStore(os.environ.get(DATABASE_ENV))
            except UserError as exc:  # the dashboard opens and says why it cannot save or list
                self._store_fault = exc
        return self._store

    @property
    def scenario_id(self) -> int | None:
        return None if self.scenario is None else self.scenario.scenario_id

    @property
    def can_save(self) -> bool:
        return self.store is not None and not self.store.read_only

    def store_problem(self) -> str | None:
        """Why saving (or also listing) does not work, in the interface's language."""
        if self.store is None:
            # The store is None only once opening it failed, and that failure is kept.
            assert self._store_fault is not None
            return problem_text(self._store_fault, self.lang, "store")
        if self.store.read_only:
            return problem_text(
                StoreError(self.store.database, "opened_read_only"), self.lang, "store"
            )
        return None

    def scenario_listing(self) -> tuple[dict[str, int], str | None]:
        """Label → scenario id, and the problem if the store cannot list."""
        if self.store is None:
            return {}, self.store_problem()
        try:
            return unique_options(self.store.scenarios()), None
        except Exception as exc:
            return {}, problem_text(exc, self.lang, "store")

    def version_listing(
        self, scenario_id: int | None
    ) -> tuple[dict[str, tuple[int, int]], str | None]:
        """Label → (scenario id, number) of a scenario's versions, and a problem."""
        if not scenario_id or self.store is None:
            return {}, None
        try:
            return {
                v.label: (v.scenario_id, v.number) for v in self.store.versions(scenario_id)
            }, None
        except Exception as exc:
            return {}, problem_text(exc, self.lang, "store")

    def save_scenario(
        self, name: str, notes: str = "", author: str = "", as_new_version: bool = False
    ) -> str | None:
        """Save the current case as a new scenario, or as a new version of the current one."""
        if self.store is None:
            return self.store_problem()
        try:
            self.scenario = self.store.save(
                name,
                self.case,
                self.changes,
                notes,
                author,
                self.scenario_id if as_new_version else None,
            )
        except Exception as exc:
            return problem_text(exc, self.lang, "store")
        return None

    def open_scenario(self, scenario_id: int, number: int | None = None) -> str | None:
        if self.store is None:
            return self.store_problem()
        try:
            case, version = self.store.open(scenario_id, number)
        except Exception as exc:
            return problem_text(exc, self.lang, "store")
        self.scenario = version
        self.use_case(case, version.label)
        return None

    def compare_scenarios(self, scenario_ids: list[int]) -> str | None:
        """Compare stored scenarios (latest versions) under the current method and basis."""
        if self.store is None:
            return self.store_problem()
        try:
            opened = [self.store.open(sid) for sid in scenario_ids]
            # Two scenarios may share a name and a minute: the number tells them apart.
            cases = [(f"#{v.scenario_id} {v.label}", case) for case, v in opened]
            frame = compare(cases, self.method, self.basis)
        except Exception as exc:
            return problem_text(exc, self.lang, "analysis")
        self.comparison = frame.sort_values("rank")
        return None

    def comparison_workbook(self) -> bytes:
        """The last comparison as its own workbook (empty bytes before a comparison)."""
        if self.comparison is None:
            return b""
        names = {p.id: p.name(self.lang) for p in self.case.partners}
        return comparison_workbook_bytes(self.comparison, names, self.lang)


def unique_options(versions: list[Version]) -> dict[str, int]:
    """Label → scenario id; two scenarios saved under one name in the same minute get their
    number added, so that neither disappears from the list."""
    labels = [v.label for v in versions]
    return {
        (lb if labels.count(lb) == 1 else f"{lb} #{v.scenario_id}"): v.scenario_id
        for lb, v in zip(labels, versions)
    }


__all__ = ["ScenarioState", "unique_options"]
