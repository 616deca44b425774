"""The split of a programme: a game per theme, summed per partner.

Each theme is its own coalition of the willing: its case (:func:`.themes.theme_case`) is
evaluated and split with :func:`businesscase.allocation.allocate`, as a single case would
be. The programme's figures per partner are the sums over its themes; what changes hands
between partners is settled once, on the summed change, so a partner that pays in one
theme and receives in another pays only the difference. A partner leaving a theme changes
that theme's game only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from businesscase.allocation import Allocation, allocate, default_participants, settle
from businesscase.engine import evaluate
from businesscase.model import OptionError

from .model import Programme
from .themes import theme_case

TAKING_PART = "taking part"
LEFT = "left"
NO_FLOWS = "member, no flows"
OUTSIDE = ""
STATUSES = (TAKING_PART, LEFT, NO_FLOWS, OUTSIDE)
"""A partner's place in a theme: taking part, left (a participant that leaves), a member
whose role the theme's case does not use, or not a member."""

SUMMED = (
    "benefit",
    "contribution_today",
    "net_before",
    "fair_contribution",
    "net_after",
    "change",
    "benefit_per_year",
    "contribution_today_per_year",
    "fair_contribution_per_year",
    "change_per_year",
)
"""The per-partner columns of the programme table (euros: PV unless per_year)."""

PROGRAMME_COLUMN = "programme"


@dataclass
class ProgrammeSplit:
    programme: Programme
    method: str
    basis: str
    themes: dict[str, Allocation]  # theme id → its split
    blocs: dict[str, dict[str, str]]  # theme id → partner → bloc, as the bloc methods use it
    bloc_rule: str  # "role", "none" (each partner alone) or "given" (a partition)
    absent: dict[str, list[str]]
    table: pd.DataFrame  # per programme partner, the sums of SUMMED over the themes
    transfers: list  # businesscase.allocation Transfer, settled on the summed change
    annuity_factor: float

    def theme_table(self, theme_id: str) -> pd.DataFrame:
        """The theme's allocation table with benefit and today's contribution per year."""
        a = self.themes[theme_id]
        table = a.table.copy()
        factor = a.case_game.annuity_factor
        table["benefit_per_year"] = table["benefit"] / factor
        table["contribution_today_per_year"] = table["contribution_today"] / factor
        return table

    @property
    def status(self) -> pd.DataFrame:
        """Partners × themes: taking part, left, member with no flows, or '' (outside)."""
        prog = self.programme
        cols = {}
        for theme in prog.themes:
            flowless = set(prog.flowless(theme.id))
            gone = set(self.absent.get(theme.id, ()))

            def place(pid: str, theme=theme, flowless=flowless, gone=gone) -> str:
                if pid not in theme.participants:
                    return OUTSIDE
                if pid in gone:
                    return LEFT
                return NO_FLOWS if pid in flowless else TAKING_PART

            cols[theme.id] = [place(pid) for pid in prog.partner_ids]
        return pd.DataFrame(cols, index=pd.Index(prog.partner_ids, name="partner"))

    def matrix(self, column: str) -> pd.DataFrame:
        """Partners × themes of one column of the theme tables (e.g.
        ``fair_contribution_per_year``: what each pays; ``benefit_per_year``: what each
        gains), 0 where a partner is not in a theme's game, with the programme total."""
        out = pd.DataFrame(
            {
                tid: self.theme_table(tid)[column].reindex(self.programme.partner_ids)
                for tid in self.themes
            }
        ).fillna(0.0)
        out[PROGRAMME_COLUMN] = out.sum(axis=1)
        out.index.name = "partner"
        return out

    @property
    def pays(self) -> pd.DataFrame:
        return self.matrix("fair_contribution_per_year")

    @property
    def gains(self) -> pd.DataFrame:
        return self.matrix("benefit_per_year")

    @property
    def totals(self) -> pd.DataFrame:
        """Per theme and for the programme: v(N), the cost to cover (PV) and per year."""
        rows = {
            tid: {
                "total_value": a.total_value,
                "cost_to_cover": a.case_game.cost_to_cover,
                "cost_to_cover_per_year": a.case_game.cost_to_cover / a.case_game.annuity_factor,
                "partners_in_game": len(a.case_game.players),
            }
            for tid, a in self.themes.items()
        }
        out = pd.DataFrame(rows).T
        out.loc[PROGRAMME_COLUMN] = out.sum()
        out.loc[PROGRAMME_COLUMN, "partners_in_game"] = float(
            (self.status != OUTSIDE).any(axis=1).sum()
        )
        return out


def programme_split(
    programme: Programme,
    method: str = "shapley",
    basis: str = "financial",
    absent: Mapping[str, Sequence[str]] | None = None,
    blocs: str | Sequence[Sequence[str]] | None = None,
    within: str = "shares",
) -> ProgrammeSplit:
    """Split every theme with ``method`` and sum per partner.

    absent : theme id → the participants that leave that theme (they keep their role's
        share: their part is lost, not passed to the others).
    blocs : None (no blocs), ``"role"`` (one bloc per role) or a partition of the
        programme's partners (lists of partner ids); each theme gets it restricted to the
        partners in its game, passed on to ``allocate`` as partner → bloc; ``"none"``: each
        partner a bloc of its own (the bloc methods then give the Shapley value). The blocs
        are read by the bloc methods (``owen``, ``bloc_nucleolus``) only; with None they
        partition by role, as ``allocate`` does.
    """
    gone: dict[str, list[str]] = {tid: list(ids) for tid, ids in (absent or {}).items()}
    unknown = sorted(set(gone) - set(programme.theme_ids))
    if unknown:
        raise OptionError(
            "absent",
            f"unknown theme(s) {', '.join(unknown)}; themes are {', '.join(programme.theme_ids)}",
        )
    allocations: dict[str, Allocation] = {}
    used: dict[str, dict[str, str]] = {}
    for theme in programme.themes:
        result = evaluate(theme_case(programme, theme.id, gone.get(theme.id, ())))
        players = default_participants(result, basis)
        if not players:
            raise OptionError("absent", f"theme '{theme.id}': no partner is left to take part")
        theme_blocs = _blocs(programme, players, blocs)
        allocation = allocate(result, method, basis, players, blocs=theme_blocs, within=within)
        allocations[theme.id] = allocation
        used[theme.id] = allocation.case_game.bloc_of(theme_blocs)
    table = _summed(programme, allocations)
    annuity = _annuity(allocations)
    return ProgrammeSplit(
        programme,
        method,
        basis,
        allocations,
        used,
        blocs if isinstance(blocs, str) else ("role" if blocs is None else "given"),
        gone,
        table,
        settle(table["change"], annuity),
        annuity,
    )


def _summed(programme: Programme, allocations: dict[str, Allocation]) -> pd.DataFrame:
    ids = programme.partner_ids
    total = pd.DataFrame(0.0, index=pd.Index(ids, name="partner"), columns=list(SUMMED))
    for a in allocations.values():
        factor = a.case_game.annuity_factor
        t = a.table.reindex(ids).fillna(0.0)
        t["benefit_per_year"] = t["benefit"] / factor
        t["contribution_today_per_year"] = t["contribution_today"] / factor
        total += t[list(SUMMED)]
    return total


def _annuity(allocations: dict[str, Allocation]) -> float:
    """The annuity factor the programme's payments are put per year with: the themes'
    common one; for themes of different horizons, the one that turns the summed cost to
    cover (PV) into the sum of the themes' costs per year."""
    factors = [a.case_game.annuity_factor for a in allocations.values()]
    if max(factors) - min(factors) <= 1e-12 * max(factors):
        return factors[0]
    pv = sum(a.case_game.cost_to_cover for a in allocations.values())
    per_year = sum(
        a.case_game.cost_to_cover / a.case_game.annuity_factor for a in allocations.values()
    )
    return pv / per_year if per_year else factors[0]


def _blocs(
    programme: Programme, players: list[str], blocs: str | Sequence[Sequence[str]] | None
) -> dict[str, str] | None:
    """The partition of a theme's players, partner → bloc, in allocate's form."""
    if blocs is None:
        return None
    if isinstance(blocs, str):
        if blocs == "role":
            return {pid: programme.partner(pid).role_id for pid in players}
        if blocs == "none":
            return {pid: pid for pid in players}
        raise OptionError(
            "blocs", f"'{blocs}' is not allowed: write role or none, or give a partition"
        )
    seen = [pid for bloc in blocs for pid in bloc]
    wrong = sorted({pid for pid in seen if seen.count(pid) > 1 or pid not in programme.partner_ids})
    missing = sorted(set(programme.partner_ids) - set(seen))
    if wrong or missing:
        raise OptionError(
            "blocs",
            "must name every partner of the programme once"
            + (f"; twice or unknown: {', '.join(wrong)}" if wrong else "")
            + (f"; in no bloc: {', '.join(missing)}" if missing else ""),
        )
    present = set(players)
    return {pid: f"bloc_{k + 1}" for k, bloc in enumerate(blocs) for pid in bloc if pid in present}


__all__ = [
    "LEFT",
    "NO_FLOWS",
    "OUTSIDE",
    "PROGRAMME_COLUMN",
    "ProgrammeSplit",
    "STATUSES",
    "SUMMED",
    "TAKING_PART",
    "programme_split",
]
