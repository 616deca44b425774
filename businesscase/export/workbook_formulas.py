"""The ledger as spreadsheet formulas: the calculation sheet of the living workbook.

One row per ledger line and one column per year t = 0..T; every cell is a formula on the
defined names of the assumptions sheet (:mod:`.names`), built line by line (here the
helper rows and the layout, in :mod:`.workbook_lines` each line's formula) in the
engine's own order and with the engine's own arithmetic (:mod:`businesscase.engine.lines`
and :mod:`~businesscase.engine.cashflow`):

- costs: ``−amount × quantity × index``; an investment at t = 0, its renewals at
  t = k × lifetime < T and its straight-line residual value at t = T;
- revenues: a transfer booked on both sides (received + paid = 0);
- outcomes: ``± quantity × (1 − deadweight) × (1 − attribution) × (1 − displacement) ×
  profile(t) × proxy × index``, with the profile (ramp-up, duration, drop-off) on a row of
  its own per outcome;
- overlap corrections: per group and year, largest member + alpha × the others, each
  member line corrected by ``−flow × (1 − scale)``;
- a line booked to a role is one row per partner of the role, times its share.

Where the engine drops a line that is zero in every year (a renewal that does not occur),
the sheet keeps it, so that changing a lifetime in the workbook still computes.
The helper rows (year, discount factor, price indices, derived drivers, profiles,
overlap scales, the yearly and cumulative balance) stand above the ledger.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from openpyxl.utils import get_column_letter

from businesscase.model import (
    EXTERNAL,
    INDEX_CATEGORIES,
    Case,
    Discounting,
    Effect,
    derived_order,
)

from .names import NameBook

__all__ = ["Calculation", "LedgerRow", "FIRST_YEAR_COLUMN", "HEAD_FIELDS"]

# columns A..I describe a row; the years start in column J
HEAD_FIELDS = (
    "category",
    "item",
    "label",
    "id",
    "partner",
    "role_code",
    "category_code",
    "flow_type",
    "share",
)
FIRST_YEAR_COLUMN = len(HEAD_FIELDS) + 1
ROW_T, ROW_YEAR, ROW_SINCE, ROW_DF = 2, 3, 4, 5  # the fixed helper rows
PAYBACK_TOLERANCE = "-0.005"  # half a cent, as metrics.payback_index

Cells = Callable[[int, str], "str | int"]  # (t, column letter) → formula text without "="


@dataclass
class LedgerRow:
    """One row of the calculation sheet: its describing cells and its formula per year."""

    head: list
    cells: str | Cells | None = None
    single: bool = False  # one value in the first year column only (a derived driver)
    ledger: bool = False
    pv: bool = False  # a present-value column at the end


@dataclass
class Calculation:
    """The rows of the calculation sheet of one case, numbered as they will be written
    (row 1 is the header). ``at[handle]`` is the row of a helper or ledger row."""

    case: Case
    names: NameBook
    lang: str
    words: Callable[[str], str]  # a catalogue key → its text in the workbook's language
    partner_name: Callable[[str], str]
    rows: list[LedgerRow] = field(default_factory=list)
    at: dict[str, int] = field(default_factory=dict)
    ledger_rows: list[int] = field(default_factory=list)

    # -- layout ------------------------------------------------------------------------------
    @property
    def horizon(self) -> int:
        return self.case.meta.horizon

    def column(self, t: int) -> str:
        return get_column_letter(FIRST_YEAR_COLUMN + t)

    @property
    def last_column(self) -> str:
        return self.column(self.horizon)

    @property
    def pv_column(self) -> str:
        return self.column(self.horizon + 1)

    def add(self, row: LedgerRow, handle: str | None = None) -> int:
        self.rows.append(row)
        number = len(self.rows) + 1
        if handle is not None:
            self.at[handle] = number
        if row.ledger:
            self.ledger_rows.append(number)
        return number

    def name(self, key: str) -> str:
        return self.names[key]

    def driver(self, name: str) -> str:
        return self.names[f"drivers.{name}"]

    def product(self, first: str, drivers: list[str]) -> str:
        return "(" + "*".join([first, *(self.driver(d) for d in drivers)]) + ")"

    def index(self, category: str) -> str:
        return f"${self.at[f'index.{category}']}"

    # -- building -----------------------------------------------------------------------------
    def helpers(self) -> None:
        """The rows above the ledger; the ledger lines follow (:mod:`.workbook_lines`)."""
        case, w = self.case, self.words
        self.add(LedgerRow([w("col_t")], lambda t, c: t), "t")
        self.add(LedgerRow([w("year")], lambda t, c: f"{self.name('meta.start_year')}+{c}${ROW_T}"))
        self.add(
            LedgerRow(
                [w("calc_years_since_price_year")],
                lambda t, c: f"{c}${ROW_YEAR}-{case.meta.price_year}",
            )
        )
        rate = self.name("economics.social_discount_rate")
        first_free = case.economics.discounting is Discounting.first_year_undiscounted
        self.add(
            LedgerRow(
                [w("calc_discount_factor")],
                lambda t, c: (
                    f"1/(1+{rate})^MAX({c}${ROW_T}-1,0)"
                    if first_free
                    else f"1/(1+{rate})^{c}${ROW_T}"
                ),
            )
        )
        for cat in INDEX_CATEGORIES:
            key = self.name(f"economics.real_indexation.{cat}")
            self.add(
                LedgerRow(
                    [w("calc_index"), w(f"field_{cat}")],
                    f"(1+{key})^{{c}}${ROW_SINCE}",
                ),
                f"index.{cat}",
            )
        for name in derived_order(case):
            d = case.derived_drivers[name]
            text = "*".join(self.driver(m) for m in d.product)
            text += "".join(f"/{self.driver(m)}" for m in d.divide_by)
            row = self.add(LedgerRow([w("calc_derived"), name], text, single=True))
            self.names.add(f"drivers.{name}")
            self.at[f"derived.{name}"] = row
        for outcome in case.outcomes:
            self.add(
                LedgerRow([w("calc_profile"), outcome.id], self._profile(outcome)),
                f"profile.{outcome.id}",
            )
        for group, members in self.groups().items():
            for member in members:
                self.add(
                    LedgerRow(
                        [w("calc_overlap_size"), member],
                        partial(self._size, member),
                    ),
                    f"size.{group}.{member}",
                )
            self.add(
                LedgerRow([w("calc_overlap_scale"), group], self._scale(group, members)),
                f"scale.{group}",
            )
        self.add(LedgerRow([w("calc_pv_per_year")], self._pv_per_year), "pv_year")
        self.add(LedgerRow([w("calc_cumulative")], self._cumulative), "cumulative")
        self.add(LedgerRow([w("calc_stays")], self._stays), "stays")
        self.add(LedgerRow([]))

    def at_all(self, handle: str) -> list[int]:
        return [r for h, r in self.at.items() if h.startswith(handle + "#")]

    def _size(self, member: str, t: int, c: str) -> str:
        return "+".join(f"{c}{r}" for r in self.at_all(f"out_benefit.{member}")) or "0"

    def formula(self, row: LedgerRow, t: int) -> str | int | None:
        """The cell of `row` in year t: formula text without "=", a number, or None."""
        c = self.column(t)
        if row.cells is None:
            return None
        if isinstance(row.cells, str):
            return row.cells.replace("{c}", c)
        return row.cells(t, c)

    def groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for o in self.case.outcomes:
            if o.overlap_group:
                groups.setdefault(o.overlap_group, []).append(o.id)
        return groups

    def _profile(self, outcome) -> Cells:
        prefix = f"outcomes.{outcome.id}"
        fy, dur = self.name(f"{prefix}.first_year"), self.name(f"{prefix}.duration")
        drop, ramp = self.name(f"{prefix}.drop_off"), self.name(f"{prefix}.ramp_up_years")
        recurring = outcome.effect is Effect.recurring

        def cells(t: int, c: str) -> str:
            k = f"({c}${ROW_T}-{fy})"
            ramped = f"MIN(1,(MAX({k},0)+1)/MAX({ramp},1))"
            running = f"AND({k}>=0,{k}<{dur})"
            if not recurring:  # 0^0 is 1 in numpy, an error in a spreadsheet
                fade = f"IF(MAX({k},0)=0,1,(1-{drop})^MAX({k},0))"
                return f"IF({running},{fade}*{ramped},0)"
            after = f"({k}-{dur}+1)"
            tail = f"MIN(1,MAX({dur},0)/MAX({ramp},1))*(1-{drop})^MAX({after},0)"
            return f"IF({running},{ramped},IF(AND({after}>=1,{dur}>0),{tail},0))"

        return cells

    def _scale(self, group: str, members: list[str]) -> Cells:
        alpha = self.name(f"overlap_groups.{group}.alpha")

        def cells(t: int, c: str) -> str:
            first = self.at[f"size.{group}.{members[0]}"]
            span = f"{c}{first}:{c}{first + len(members) - 1}"
            total, largest = f"SUM({span})", f"MAX({span})"
            return f"IF({total}>0,({largest}+{alpha}*({total}-{largest}))/{total},1)"

        return cells

    def _ledger_span(self, c: str) -> str:
        return f"{c}${self.ledger_rows[0]}:{c}${self.ledger_rows[-1]}"

    def _pv_per_year(self, t: int, c: str) -> str:
        if not self.ledger_rows:
            return "0"
        return f"SUM({self._ledger_span(c)})*{c}${ROW_DF}"

    def _cumulative(self, t: int, c: str) -> str:
        row = self.at["pv_year"]
        return f"{c}{row}" if t == 0 else f"{self.column(t - 1)}{self.at['cumulative']}+{c}{row}"

    def _stays(self, t: int, c: str) -> str:
        ok = f"{c}{self.at['cumulative']}>={PAYBACK_TOLERANCE}"
        return ok if t == self.horizon else f"AND({ok},{self.column(t + 1)}{self.at['stays']})"

    # -- ledger lines -------------------------------------------------------------------------
    def line(
        self,
        handle: str,
        category: str,
        item: str,
        label: str,
        partner: str,
        role: str,
        flow_type: str,
        expr: str,
    ) -> None:
        """The rows of one ledger line: one per partner carrying it (engine:
        ``carried_by_partners``), each ``share × expr``; ``{c}`` in `expr` stands for the
        year's column."""
        who = self.case.carriers().get(partner)
        if who is None or (len(who) == 1 and who[0][0] == partner):
            who = [(partner, 1.0)]
        for pid, share in who:
            number = len(self.rows) + 2

            cells = f"$I{number}*({expr})"

            head = [
                self.words(f"category_{category}"),
                item,
                label,
                pid,
                self.partner_name(pid),
                role,
                category,
                flow_type,
                share,
            ]
            self.add(LedgerRow(head, cells, ledger=True, pv=True), f"{handle}#{number}")

    @property
    def partners(self) -> list[str]:
        """The partners of the ledger, as :attr:`Result.partners`: the case's, and
        ``external`` when money comes from outside."""
        ids = list(self.case.partner_ids)
        if any(r.head[3] == EXTERNAL for r in self.rows if r.ledger):
            ids.append(EXTERNAL)
        return ids
