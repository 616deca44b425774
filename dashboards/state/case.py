"""The one state object of a dashboard session: what the user chose and changed, and the
core's answers to it. It computes no figure itself: every number comes from the core
(`apply_changes`, `evaluate`, `allocate`, `check_proposal`, and the analyses and store of
its parts in this package)."""

from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd
import param
from panel.io.document import hold

from businesscase.allocation import (
    METHODS,
    PROPOSAL_UNITS,
    ProposalCheck,
    ProposalError,
    allocate,
    check_proposal,
    contribution_per_year,
    default_participants,
    explanation,
    in_unit,
    proposal_per_year,
    transfer_sentences,
)
from businesscase.engine import (
    FigureExplanation,
    WellbeingLayer,
    evaluate,
    wellbeing_layer,
    why,
    why_figure,
)
from businesscase.io import assumptions_dir, default_case_path, load_case, load_upload, upload_name
from businesscase.model import (
    Case,
    InvalidChange,
    LoadError,
    PartnerType,
    apply_changes,
    case_title,
    check_value,
    free_partner_id,
    parameter_labels,
)
from businesscase.programme import is_programme_file, load_programme
from businesscase.scenarios import ScenarioStore
from businesscase.text import formatting as fmt
from businesscase.text import t

from .drafts import SESSION_INPUTS, DraftMixin
from .exports import ExportsMixin
from .partners import PartnersMixin
from .problems import problem_text
from .programme import ProgrammeMixin
from .scenarios import ScenarioState
from .uncertainty import UncertaintyState
from .vocabulary import BASES

log = logging.getLogger(__name__)


def case_files() -> dict[str, str]:
    """Case files in assumptions/ by name, for the formula choice, then the programmes.

    Read once per version of the files, not once per session: reading them all took 1.3 s
    of a new session's 2 s."""
    folder = assumptions_dir()
    stats = [(p, p.stat()) for p in sorted(folder.rglob("*.yaml"))]
    stamp = tuple((str(p), st.st_mtime_ns, st.st_size) for p, st in stats)
    if _CASE_FILES.get("stamp") != stamp:
        _CASE_FILES.update(stamp=stamp, files=_read_case_files())
    return dict(_CASE_FILES["files"])


_CASE_FILES: dict = {}


def _read_case_files() -> dict[str, str]:
    out = {}
    for path in sorted(assumptions_dir().glob("*.yaml")):
        try:
            out[load_case(path).meta.name] = str(path)
        except LoadError:  # a broken file is not offered; the CLI reports it
            log.warning("skipping invalid case file %s", path)
    for path in sorted((assumptions_dir() / "programmes").glob("*.yaml")):
        try:
            out[load_programme(path).meta.name] = str(path)
        except LoadError:
            log.warning("skipping invalid programme file %s", path)
    return out


class CaseState(
    DraftMixin, ProgrammeMixin, PartnersMixin, ExportsMixin, UncertaintyState, ScenarioState
):
    lang: param.Selector[str] = param.Selector(default="nl", objects=["nl", "en"])
    case_file = param.String(default="")
    method: param.Selector[str] = param.Selector(default="shapley", objects=list(METHODS))
    basis: param.Selector[str] = param.Selector(default="financial", objects=list(BASES))
    changes = param.Dict(default={}, doc="parameter key → value (valid values only)")
    names = param.Dict(default={}, doc="partner id → (Dutch name, English name)")
    absent = param.List(default=[], doc="partners that do not take part")
    added = param.List(default=[], doc="partners added in the dashboard")
    removed = param.List(default=[], doc="partners removed in the dashboard")
    roles = param.Dict(default={}, doc="partner id → (role id or '' for its own, share)")
    proposal = param.Dict(
        default={}, doc="partner id → contribution as typed, in proposal_unit (text or number)"
    )
    proposal_unit: param.Selector[str] = param.Selector(
        default="euro", objects=list(PROPOSAL_UNITS), doc="euros a year, or percent of the cost"
    )
    proposal_problem = param.String(default="", doc="why the proposal cannot be read")
    locked = param.Boolean(default=False, doc="meeting mode: inputs locked")
    message = param.String(default="", doc="the last problem, for the user")
    version = param.Integer(default=0, doc="bumped after every successful recomputation")

    # The core's answers, set by _load and _recompute (case, result and allocation are
    # declared by the parts that read them).
    base: Case
    proposal_check: ProposalCheck | None

    def __init__(self, case_file: str | None = None, store: ScenarioStore | None = None, **params):
        super().__init__(**params)
        self.files = case_files()
        self.opened = ""
        self._init_store(store)  # opened on first use unless given
        self.case_file = case_file or str(default_case_path())  # loads it (the watcher)
        if not hasattr(self, "base"):
            self._load()

    # -- loading and recomputing ----------------------------------------------------------------
    def _load(self):
        """Load the chosen file; a broken file leaves the current case in force."""
        path = Path(self.case_file)
        try:
            if is_programme_file(path):
                base = self._open_programme(path)
            else:
                base = load_case(path)
                self._close_programme()
        except LoadError as exc:
            message = exc.text(self.lang)
            default = str(default_case_path())
            if not hasattr(self, "base"):
                if self.case_file == default:
                    raise  # nothing to fall back on: the installation is broken
                # A session asked to start on a broken file (BUSINESSCASE_CASE) opens on
                # the default case and says why, instead of a page with a traceback.
                self.case_file = default  # loads it (the watcher below)
            self.message = message
            return
        self.base = base
        self.case = base
        self._recompute()

    @param.depends("case_file", watch=True)
    def _on_case_file(self):
        with param.parameterized.batch_call_watchers(self):
            self.changes, self.names, self.absent, self.added, self.removed = {}, {}, [], [], []
            self.proposal, self.roles = {}, {}
        self._load()

    @param.depends(*SESSION_INPUTS, watch=True)
    def _on_inputs(self):
        self._recompute()

    def _recompute(self):
        """Recompute everything; on failure keep the last good state and say why."""
        try:
            case = apply_changes(
                self.base,
                self.changes,
                self.names,
                self.absent,
                self.added,
                self.removed,
                self.roles,
            )
            result = evaluate(case)
            participants = default_participants(result, self.basis)
            allocation = allocate(result, self.method, self.basis, participants)
            proposal, problem = self._check_proposal(result, allocation, participants)
        except Exception as exc:
            self.message = problem_text(exc, self.lang, "recomputation")
            return False
        self.case, self.result, self.allocation, self.proposal_check = (
            case,
            result,
            allocation,
            proposal,
        )
        with hold():  # every page's changes go to the browser as one message
            self.message = ""
            self.proposal_problem = problem
            self.version += 1
        return True

    def _check_proposal(self, result, allocation, participants):
        """(the check of the proposal or None, why it cannot be read or ""). Percentages
        are of the cost to cover a year, so they follow the case when it changes."""
        entries = {p: v for p, v in self.proposal.items() if p in participants}
        if not any(str(v).strip() for v in entries.values()):
            return None, ""
        labels = {p: allocation.label(p, self.lang) for p in entries}
        try:
            per_year = proposal_per_year(
                entries,
                self.proposal_unit,
                allocation.case_game.cost_to_cover_per_year,
                labels,
                self.lang,
            )
        except ProposalError as exc:
            return None, exc.message
        return check_proposal(result, per_year, self.basis, participants), ""

    def proposal_together(self) -> tuple[float, float, float] | None:
        """(the proposal's contributions together [€ a year], as a fraction of the cost to
        cover, the cost to cover [€ a year]); None without a readable proposal."""
        check = self.proposal_check
        if check is None:
            return None
        cost = check.allocation.case_game.cost_to_cover_per_year
        return check.together_per_year, check.share_of_cost, cost

    def set_proposal_unit(self, unit: str) -> None:
        """Switch the proposal's unit, converting what can be read (whole euros, percents
        to four decimals); an entry that cannot be read is kept as typed."""
        if unit == self.proposal_unit:
            return
        cost = self.allocation.case_game.cost_to_cover_per_year
        converted = {}
        for p, v in self.proposal.items():
            try:
                per_year = contribution_per_year(p, p, v, self.proposal_unit, cost, self.lang)
            except ProposalError:
                converted[p] = v
                continue
            value = in_unit(per_year, unit, cost)
            converted[p] = round(value, 4) if unit == "percent" else round(value)
        with param.parameterized.batch_call_watchers(self):
            self.proposal_unit, self.proposal = unit, converted

    def use_case(self, case, label: str = ""):
        """Work on a case that does not come from a file (an opened scenario)."""
        with param.parameterized.batch_call_watchers(self):
            self.changes, self.names, self.absent, self.added, self.removed = {}, {}, [], [], []
            self.proposal, self.roles = {}, {}
        self._close_programme()
        self.base = case
        self.opened = label
        self._recompute()

    def import_file(self, data: bytes, filename: str) -> str | None:
        """Open an uploaded case (YAML or an exported workbook); on a problem keep the
        current case and return the message (file, line or cell, field). The upload is
        read from memory: it has no folder on the server, and may include only the
        shipped shared files. Locked (meeting mode), no file is taken."""
        if self.locked:
            return t("locked_no_upload", self.lang)
        try:
            case = load_upload(data, filename)
        except LoadError as exc:
            self.message = exc.text(self.lang)
            return self.message
        self.use_case(case, upload_name(filename))
        return None

    def refuse_upload(self, filename: str, size: int, limit: int) -> str:
        """A file the browser did not send because it is over the cap: say so, keep the case."""
        mb = 1024 * 1024
        self.message = t(
            "upload_too_big",
            self.lang,
            name=Path(filename or "upload").name,
            size=fmt.number(size / mb, 1, self.lang),
            max=fmt.compact(limit / mb, self.lang),
        )
        return self.message

    # -- user actions (each returns an error message or None) ---------------------------------
    def set_value(self, key: str, text) -> str | None:
        if self.locked:
            return None
        try:
            value = check_value(self.base, key, text, self.lang)
        except InvalidChange as exc:
            self.message = exc.message
            return exc.message
        changes = dict(self.changes)
        if value == self._base_value(key):
            changes.pop(key, None)
        else:
            changes[key] = value
        self.changes = changes
        return self.message or None

    def _base_value(self, key: str) -> float:
        if key.startswith("meta."):
            return getattr(self.base.meta, key.split(".", 1)[1])
        return float(self.base.parameter(key).value)

    def has_value(self, key: str) -> bool:
        """Whether the case has that parameter (``drivers.dwellings`` is optional)."""
        try:
            self._base_value(key)
        except (KeyError, AttributeError):
            return False
        return True

    def current_value(self, key: str) -> float:
        """The value in force: the user's change, else the loaded case's (KeyError if the
        case has no such parameter; see ``has_value``)."""
        return self.changes.get(key, self._base_value(key))

    # -- derived for the pages -----------------------------------------------------------------
    @property
    def corporation(self) -> str | None:
        """The partner whose own figures (financial NPV, IRR) head the results: the first
        housing corporation in the case, if any."""
        return next(
            (p.id for p in self.result.case.partners if p.type is PartnerType.corporation), None
        )

    @property
    def wellbeing(self) -> WellbeingLayer | None:
        """The wellbeing layer of the current result (None for a case without one)."""
        cached = getattr(self, "_wellbeing_cache", None)
        if cached is None or cached[0] is not self.result:
            cached = (self.result, wellbeing_layer(self.result))
            self._wellbeing_cache = cached
        return cached[1]

    @property
    def title(self) -> str:
        """The case as it now is, its size from the drivers in force ("80 woningen")."""
        return case_title(self.case, self.lang)

    def parameter_name(self, key: str) -> str:
        """The plain name of a parameter of the current case, in the session's language."""
        cached = getattr(self, "_names_cache", None)
        if cached is None or cached[0] != (self.version, self.lang):
            cached = ((self.version, self.lang), parameter_labels(self.case, self.lang))
            self._names_cache = cached
        return cached[1].get(key, key)

    def explanation(self, lang: str) -> str:
        """The current split explained in words, from its numbers."""
        return explanation(self.allocation, lang)

    def transfer_sentences(self, lang: str) -> list[str]:
        """The payments between partners that the current split asks, one sentence each."""
        return transfer_sentences(self.allocation, lang)

    def why_figure(self, figure: str, partner: str | None = None) -> FigureExplanation:
        """The formula, lines and parameters behind a figure of the current result."""
        return why_figure(self.result, figure, partner, self.lang)

    def why_lines(self, metric: str) -> pd.DataFrame:
        """The ledger lines behind a headline figure of the current result."""
        return why(self.result, metric, lang=self.lang)

    def reset(self, key: str | None = None):
        if key is None:
            self.changes = {}
        elif key in self.changes:
            self.changes = {k: v for k, v in self.changes.items() if k != key}

    def set_taking_part(self, partner_ids: list[str]):
        self.absent = [p for p in self.case.partner_ids if p not in partner_ids]

    def rename(self, partner_id: str, nl: str, en: str):
        self.names = {**self.names, partner_id: (nl, en)}

    def add_partner(self, name: str) -> str | None:
        ident = free_partner_id(name, self.case.partner_ids)
        entry = {"id": ident, "name": {"nl": name, "en": name}, "type": "other"}
        return self._undoable("added", self.added + [entry])

    def remove_partner(self, partner_id: str) -> str | None:
        return self._undoable("removed", self.removed + [partner_id])

    def _undoable(self, name: str, value) -> str | None:
        """Set an input; when the case refuses it (a partner still used somewhere, a role
        with shares adding up to 0), put the old value back, or every later edit fails on
        it too, and return the message."""
        before, old = self.version, getattr(self, name)
        setattr(self, name, value)
        if self.version == before:
            message = self.message
            setattr(self, name, old)
            self.message = message
            return message
        return None
