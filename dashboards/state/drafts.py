"""Work is never lost: the session's inputs are kept as a draft in the scenario store as
the user works, under a key the page's URL carries, so that a reload, a second tab or a
link sent to a colleague reopens the same state.

A draft names its case by one of the offered files (never a path from the URL or the
draft itself: a draft cannot make the server read another file), or holds the case when it
came from no file (an upload, an opened scenario)."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from pathlib import Path

import param

from businesscase.model import Case, UserError
from businesscase.scenarios import Draft, ScenarioStore, check_draft_key

from .problems import problem_text

log = logging.getLogger(__name__)

SESSION_INPUTS = (
    "changes",
    "names",
    "absent",
    "added",
    "removed",
    "roles",
    "proposal",
    "proposal_unit",
    "method",
    "basis",
)
"""The session's inputs on its case: a change to any of them recomputes the results."""

DRAFT_INPUTS = (*SESSION_INPUTS, "lang")
"""The session's inputs a draft keeps, besides its case and a programme's theme."""


def new_draft_key() -> str:
    return secrets.token_urlsafe(18)


class DraftMixin(param.Parameterized):
    # Held by CaseState; declared (not assigned, so nothing is shadowed) for the type checker.
    lang: str
    base: Case
    opened: str
    case_file: str
    files: dict[str, str]
    theme: str
    kept: dict
    store: ScenarioStore | None
    use_case: Callable[[Case, str], None]
    choose_theme: Callable[[str], None]

    draft_key = param.String(default="", doc="the key of this session's draft ('' : none)")
    draft_problem = param.String(default="", doc="why the draft cannot be kept")
    _restoring = False

    def draft_inputs(self) -> dict:
        """The session's inputs as JSON, with its case file (if it came from one)."""
        out = {name: getattr(self, name) for name in DRAFT_INPUTS}
        out["case_file"] = "" if self.opened else self._offered_name(self.case_file)
        out["opened"] = self.opened
        out["theme"], out["kept"] = self.theme, self.kept
        return out

    def _offered_name(self, path: str) -> str:
        """The offered file's name (its key in ``files``) for a path, '' if not offered."""
        resolved = str(Path(path).resolve())
        return next((n for n, p in self.files.items() if str(Path(p).resolve()) == resolved), "")

    def start_draft(self, key: str | None = None) -> str:
        """Reopen the draft under ``key`` if there is one, else start a new draft (under
        ``key`` when it is a valid key, so that a link keeps working); returns the key."""
        if key:
            try:
                check_draft_key(key)
            except UserError:
                key = None
        key = key or new_draft_key()
        draft = self._open_draft(key)
        if not self.draft_key:  # every later input (and the language) is kept as it comes
            self.param.watch(self.keep_draft, ["version", "lang", "proposal_unit"])
        self.draft_key = key
        if draft is not None:
            self.restore(draft)
        else:
            self.keep_draft()
        return key

    def _open_draft(self, key: str) -> Draft | None:
        store = self.store
        if store is None:
            return None
        try:
            return store.open_draft(key)
        except Exception as exc:  # a draft that cannot be read must not stop the dashboard
            self.draft_problem = problem_text(exc, self.lang, "store")
            return None

    def restore(self, draft: Draft) -> None:
        """Put a draft's inputs back: its case first, then the inputs on it."""
        inputs = draft.inputs
        self._restoring = True
        try:
            if draft.case is not None:
                self.use_case(draft.case, str(inputs.get("opened", "")))
            elif inputs.get("case_file") in self.files:
                path = self.files[inputs["case_file"]]
                if str(Path(path).resolve()) != str(Path(self.case_file).resolve()):
                    self.case_file = path
            theme = inputs.get("theme") or ""
            if theme and theme != self.theme:
                self.choose_theme(theme)
            with param.parameterized.batch_call_watchers(self):
                for name in DRAFT_INPUTS:
                    if name in inputs:
                        setattr(self, name, _from_json(name, inputs[name]))
                if inputs.get("kept"):
                    self.kept = {
                        k: {n: _from_json(n, v) for n, v in d.items()}
                        for k, d in inputs["kept"].items()
                    }
        except Exception as exc:  # a draft from an older version or edited by hand
            log.warning("draft %s could not be restored: %s", draft.key, exc)
            self.draft_problem = problem_text(exc, self.lang, "store")
        finally:
            self._restoring = False
        self.keep_draft()

    def keep_draft(self, *_) -> None:
        """Save the inputs under the draft key (nothing without a key or a store)."""
        if not self.draft_key or self._restoring:
            return
        store = self.store
        if store is None or store.read_only:
            return
        try:
            store.save_draft(
                self.draft_key, self.draft_inputs(), self.base if self.opened else None
            )
        except Exception as exc:
            self.draft_problem = problem_text(exc, self.lang, "store")
        else:
            self.draft_problem = ""


def _from_json(name: str, value):
    """JSON has lists where the state holds tuples (names and roles)."""
    if name in ("names", "roles") and isinstance(value, dict):
        return {k: tuple(v) if isinstance(v, list) else v for k, v in value.items()}
    return value


__all__ = ["DRAFT_INPUTS", "SESSION_INPUTS", "DraftMixin", "new_draft_key"]
