"""The case: its meta data, economics, partners, drivers and line items, and the
cross-references that must resolve for it to be valid (with the order of its derived
drivers)."""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum

from pydantic import BaseModel, Field, model_validator

from .items import CostItem, DerivedDriver, Outcome, OverlapGroup, RevenueItem, WellbeingOutcome
from .parameters import (
    Amount,
    DiscountRate,
    Identifier,
    Label,
    Parameter,
    Rate,
    Strict,
    max_or,
    min_or,
)
from .partners import EXTERNAL, Partner
from .problems import part, worded


class RealIndexation(Strict):
    """Real yearly change per cost category, on top of general inflation.

    A flow indexed with category c is, in euros of year y,
    ``amount × (1 + real_c)^(y − price_year) × (1 + inflation)^(y − price_year)``; in real
    terms (price_year euros) the inflation factor drops out, so inflation alone never moves
    a real or social figure. Wages that rise 1% faster than prices: ``wages: 0.01``.
    """

    wages: Rate
    prices: Rate
    rents: Rate
    care_tariffs: Rate


class Discounting(str, Enum):
    end_of_year = "end_of_year"  # like a spreadsheet NPV
    first_year_undiscounted = "first_year_undiscounted"  # as some SROI studies do


class Economics(Strict):
    social_discount_rate: DiscountRate = Field(
        description="real rate for MKBA/SROI figures; Dutch standard 2.25% (2021)"
    )
    financial_discount_rate: DiscountRate = Field(
        description="nominal default for partners without a rate of their own"
    )
    inflation: Rate = Field(description="general price inflation, to turn real into nominal")
    real_indexation: RealIndexation = Field(
        description="real change per category on top of inflation (0 = follows inflation)"
    )
    discounting: Discounting = Discounting.end_of_year


class FormulaName(str, Enum):
    meeting_space = "meeting_space"
    community_builder = "community_builder"
    care_in_complex = "care_in_complex"


class Meta(Strict):
    name: str = Field(min_length=1)
    formulas: list[FormulaName] = Field(min_length=1)
    location: str = ""
    price_year: int = Field(ge=1990, le=2100)
    start_year: int = Field(ge=1990, le=2100)
    horizon: int = Field(ge=1, le=50, description="operating years after the investment year")
    description: str = ""
    zero_alternative: Label = Field(
        description="what happens without the facility: every result is the difference with it"
    )


def meta_bounds(key: str) -> tuple[int, int]:
    """(lowest, highest) whole number allowed for a meta field, as :class:`Meta` declares it.

    key : str  ["meta.horizon", "meta.start_year" or the bare field name]
    """
    field = Meta.model_fields[key.removeprefix("meta.")]
    low = next(m.ge for m in field.metadata if getattr(m, "ge", None) is not None)
    high = next(m.le for m in field.metadata if getattr(m, "le", None) is not None)
    return int(low), int(high)


class Case(Strict):
    meta: Meta
    economics: Economics
    partners: list[Partner] = Field(min_length=1, max_length=100)
    drivers: dict[Identifier, Amount] = Field(default_factory=dict)
    derived_drivers: dict[Identifier, DerivedDriver] = Field(default_factory=dict)
    costs: list[CostItem] = Field(default_factory=list)
    revenues: list[RevenueItem] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    wellbeing: list[WellbeingOutcome] = Field(
        default_factory=list,
        description="the optional wellbeing valuation: shown beside the balance, never in it",
    )
    overlap_groups: dict[Identifier, OverlapGroup] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _references(self) -> Case:
        problems = list(reference_problems(self))
        if problems:
            raise CaseReferenceError(problems)
        return self

    # -- lookups -------------------------------------------------------------------------
    def partner(self, partner_id: str) -> Partner:
        return next(p for p in self.partners if p.id == partner_id)

    @property
    def partner_ids(self) -> list[str]:
        return [p.id for p in self.partners]

    def carriers(self) -> dict[str, list[tuple[str, float]]]:
        """Who carries the flows a line books to each id, with what fraction.

        A line names a role (the ``role`` of one or more partners, which defaults to a
        partner's own id) or, directly, one partner. The partners of a role carry its
        flows in proportion to their ``share``, normalised within the role, so together
        they carry exactly what the role carried. Shares count over every partner of the
        role, whether it takes part or not: an absent partner's part is not realised, it
        does not move to the others.
        """
        return role_carriers(self.partners)

    def roles(self) -> list[str]:
        """The roles a partner may fill, sorted: the ids the case's lines name (but the
        money from outside) and the ids of partners that fill their own role."""
        named = set(line_references(self)) - {EXTERNAL}
        return sorted(named | {p.id for p in self.partners if p.role_id == p.id})

    def parameters(self) -> Iterator[tuple[str, Parameter]]:
        """Every parameter of the case with its dotted key."""
        yield from _walk_parameters(self, ())

    def out_of_range(self) -> list[tuple[str, Parameter]]:
        """Parameters whose value lies outside their own low–high range (a soft warning)."""
        return [
            (k, p)
            for k, p in self.parameters()
            if not (p.low <= float(min_or(p.value)) and float(max_or(p.value)) <= p.high)
        ]

    def price_year_mismatches(self) -> list[tuple[str, Parameter]]:
        """Money figures whose year is not the case's price year (a soft warning): the
        engine reads every amount at price_year prices and does not re-index it."""
        return [
            (k, p) for k, p in self.parameters() if "€" in p.unit and p.year != self.meta.price_year
        ]

    def parameter(self, key: str) -> Parameter:
        for k, p in self.parameters():
            if k == key:
                return p
        raise KeyError(f"no parameter {key!r}; see Case.parameters() for the keys")


def _walk_parameters(obj: object, path: tuple[str, ...]) -> Iterator[tuple[str, Parameter]]:
    if isinstance(obj, Parameter):
        yield ".".join(path), obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk_parameters(getattr(obj, name), path + (name,))
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk_parameters(v, path + (str(k),))
    elif isinstance(obj, list):
        for item in obj:
            ident = getattr(item, "id", None)
            if ident is not None:
                yield from _walk_parameters(item, path + (ident,))


def role_carriers(partners: list[Partner]) -> dict[str, list[tuple[str, float]]]:
    """id a line may name → [(partner id, fraction of the line it carries)], in the order
    of ``partners``; the fractions of one id add up to 1 (see :meth:`Case.carriers`)."""
    members: dict[str, list[Partner]] = {}
    for p in partners:
        members.setdefault(p.role_id, []).append(p)
    out: dict[str, list[tuple[str, float]]] = {}
    for role, group in members.items():
        total = sum(p.share for p in group)
        out[role] = [(p.id, p.share / total if total > 0 else 1.0 / len(group)) for p in group]
    for p in partners:
        out.setdefault(p.id, [(p.id, 1.0)])  # named directly, outside its role
    return out


def line_references(case: Case) -> Iterator[str]:
    """Every id that a cost, revenue or outcome names as payer, pocket or needed partner."""
    for c in case.costs:
        yield c.payer
    for r in case.revenues:
        yield r.to
        yield r.from_
    for o in case.outcomes:
        if o.components:
            yield from (comp.pocket for comp in o.components)
        elif o.pocket:
            yield o.pocket
        yield from o.needs


# -- cross-references that must resolve ---------------------------------------------


Problem = tuple[tuple, str, dict]  # (location, kind, values): see InputProblem


class CaseReferenceError(ValueError):
    """Cross-references that do not resolve; each problem carries its own location, its
    kind and its values (worded from the catalogue, see :class:`InputProblem`)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            "; ".join(f"{'.'.join(map(str, loc))}: {worded(k, v)}" for loc, k, v in problems)
        )


def _listed(ids, none: str) -> object:
    """Ids as a list for a message, or the piece that says there are none."""
    return list(ids) if ids else part(none)


def reference_problems(case: Case) -> Iterator[Problem]:
    """(location, kind, values) for every reference in the case that does not resolve."""
    partner_ids = case.partner_ids
    roles = sorted({p.role_id for p in case.partners} - set(partner_ids))
    known = {"allowed": partner_ids, "roles": part("part_roles", roles=roles) if roles else ""}
    yield from _duplicates("partners", [p.id for p in case.partners])
    yield from _partner_role_problems(case)
    yield from _duplicates("costs", [c.id for c in case.costs])
    yield from _duplicates("revenues", [r.id for r in case.revenues])
    yield from _duplicates("outcomes", [o.id for o in case.outcomes])
    driver_names = list(case.drivers) + list(case.derived_drivers)

    def partner_ref(loc: tuple, ref: str, allow_external: bool = False):
        if ref in partner_ids or ref in roles or (allow_external and ref == EXTERNAL):
            return
        extra = part("part_or_external", external=EXTERNAL) if allow_external else ""
        yield loc, "unknown_partner", {"ref": ref, **known, "external": extra}

    def driver_ref(loc: tuple, name: str):
        if name not in driver_names:
            allowed = _listed(driver_names, "part_no_drivers")
            yield loc, "unknown_driver", {"name": name, "allowed": allowed}

    def driver_refs(loc: tuple, names: list[str]):
        for j, name in enumerate(names):
            yield from driver_ref(loc + (j,), name)

    for name in case.derived_drivers:
        if name in case.drivers:
            yield ("derived_drivers", name), "derived_and_driver", {"name": name}
    for name, d in case.derived_drivers.items():
        yield from driver_refs(("derived_drivers", name, "product"), d.product)
        yield from driver_refs(("derived_drivers", name, "divide_by"), d.divide_by)
        for j, div in enumerate(d.divide_by):
            p = case.drivers.get(div)
            if p is not None and min(p.low, float(min_or(p.value))) <= 0:
                yield ("derived_drivers", name, "divide_by", j), "divisor_zero", {"name": div}
    yield from _derived_cycles(case)

    outcome_ids = [o.id for o in case.outcomes]
    outcomes = _listed(outcome_ids, "part_no_outcomes")
    for i, c in enumerate(case.costs):
        yield from partner_ref(("costs", i, "payer"), c.payer)
        yield from driver_refs(("costs", i, "quantity"), c.quantity)
        if c.amount_driver is not None:
            yield from driver_ref(("costs", i, "amount"), c.amount_driver)
        for j, provided_id in enumerate(c.provides):
            if provided_id not in outcome_ids:
                loc: tuple = ("costs", i, "provides", j)
                yield loc, "unknown_outcome", {"id": provided_id, "allowed": outcomes}
    for i, r in enumerate(case.revenues):
        yield from partner_ref(("revenues", i, "to"), r.to)
        yield from partner_ref(("revenues", i, "from"), r.from_, allow_external=True)
        yield from driver_refs(("revenues", i, "quantity"), r.quantity)
        if r.to == r.from_:
            yield ("revenues", i, "from"), "revenue_to_itself", {}
    sections = (("outcomes", case.outcomes), ("wellbeing", case.wellbeing))
    for section, i, o in ((sec, i, o) for sec, items in sections for i, o in enumerate(items)):
        if o.components:
            yield from _duplicates_at((section, i, "components"), [c.id for c in o.components])
            for j, comp in enumerate(o.components):
                yield from partner_ref((section, i, "components", j, "pocket"), comp.pocket)
                if comp.proxy_driver is not None:
                    yield from driver_ref((section, i, "components", j, "proxy"), comp.proxy_driver)
        else:
            yield from partner_ref((section, i, "pocket"), o.pocket or "")
            if o.proxy_driver is not None:
                yield from driver_ref((section, i, "proxy"), o.proxy_driver)
        for j, n in enumerate(o.needs):
            yield from partner_ref((section, i, "needs", j), n)
        yield from driver_refs((section, i, "quantity"), o.quantity)
        if o.overlap_group is not None:
            group = case.overlap_groups.get(o.overlap_group)
            where: tuple = (section, i, "overlap_group")
            if group is None:
                allowed = _listed(case.overlap_groups, "part_no_overlap_groups")
                yield where, "unknown_overlap_group", {"group": o.overlap_group, "allowed": allowed}
            elif o.id not in group.members:
                values: dict = {"id": o.id, "group": o.overlap_group, "members": group.members}
                yield where, "group_misses_outcome", values
    yield from _duplicates("wellbeing", [w.id for w in case.wellbeing])
    for i, w in enumerate(case.wellbeing):
        if w.id in outcome_ids:
            yield ("wellbeing", i, "id"), "wellbeing_is_outcome", {"id": w.id}
        if w.overlap_group is not None:
            yield ("wellbeing", i, "overlap_group"), "wellbeing_in_group", {}
        for j, replaced in enumerate(w.replaces):
            if replaced not in outcome_ids:
                yield (
                    ("wellbeing", i, "replaces", j),
                    "unknown_outcome",
                    {
                        "id": replaced,
                        "allowed": outcomes,
                    },
                )
    by_id = {o.id: o for o in case.outcomes}
    for name, group in case.overlap_groups.items():
        for j, member in enumerate(group.members):
            loc = ("overlap_groups", name, "members", j)
            if member not in by_id:
                yield loc, "member_not_outcome", {"member": member, "allowed": outcomes}
            elif by_id[member].overlap_group != name:
                declared = by_id[member].overlap_group or part("part_none")
                values = {"member": member, "declared": declared, "group": name}
                yield loc, "member_not_declared", values
        yield from _duplicates_at(("overlap_groups", name, "members"), group.members)
    if case.meta.price_year > case.meta.start_year + case.meta.horizon:
        yield ("meta", "price_year"), "price_year_after_end", {}


def _partner_role_problems(case: Case) -> Iterator[Problem]:
    """Duplicate names, roles no line names, and ids that mean two things."""
    for lang in ("nl", "en"):
        seen: dict[str, str] = {}
        for i, p in enumerate(case.partners):
            name = " ".join(getattr(p.name, lang).split()).casefold()
            if name in seen:
                values = {"name": getattr(p.name, lang), "other": seen[name]}
                yield ("partners", i, "name", lang), "duplicate_name", values
            seen.setdefault(name, p.id)
    named = set(line_references(case))
    by_id = {p.id: p for p in case.partners}
    for i, p in enumerate(case.partners):
        if p.role is None or p.role == p.id:
            continue
        other = by_id.get(p.role)
        if other is not None and other.role_id != p.role:
            values = {"role": p.role, "own": other.role_id}
            yield ("partners", i, "role"), "role_is_partner_id", values
        elif p.role not in named and other is None:
            allowed = _listed(sorted(named - {EXTERNAL}), "part_no_lines")
            yield ("partners", i, "role"), "unknown_role", {"role": p.role, "allowed": allowed}
        sharing = [q.id for q in case.partners if q.role_id == p.id]
        if sharing:
            values = {"id": p.id, "holders": sharing, "role": p.role}
            yield ("partners", i, "id"), "id_is_role", values
    totals: dict[str, float] = {}
    for p in case.partners:
        totals[p.role_id] = totals.get(p.role_id, 0.0) + p.share
    for role, total in totals.items():
        if total <= 0:
            i = next(j for j, p in enumerate(case.partners) if p.role_id == role)
            yield ("partners", i, "share"), "role_shares_zero", {"role": role}


def _derived_cycles(case: Case) -> Iterator[Problem]:
    graph = {n: d.product + d.divide_by for n, d in case.derived_drivers.items()}
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> list[str] | None:
        state[n] = 1
        for m in graph.get(n, []):
            if m in graph and state.get(m) == 1:
                return path + [n, m]
            if m in graph and m not in state:
                found = visit(m, path + [n])
                if found:
                    return found
        state[n] = 2
        return None

    for n in graph:
        if n not in state:
            cycle = visit(n, [])
            if cycle:
                yield ("derived_drivers", cycle[0]), "derived_cycle", {"cycle": " → ".join(cycle)}
                return


def driver_inputs(case: Case, name: str) -> list[str]:
    """The ordinary drivers a driver is computed from (itself if it is not derived)."""
    d = case.derived_drivers.get(name)
    if d is None:
        return [name]
    out: list[str] = []
    for m in d.product + d.divide_by:
        out += [x for x in driver_inputs(case, m) if x not in out]
    return out


def derived_order(case: Case) -> list[str]:
    """Derived drivers in an order where each comes after the derived drivers it uses."""
    done: list[str] = []

    def visit(n: str):
        if n in done:
            return
        d = case.derived_drivers[n]
        for m in d.product + d.divide_by:
            if m in case.derived_drivers:
                visit(m)
        done.append(n)

    for n in case.derived_drivers:
        visit(n)
    return done


def _duplicates_at(loc: tuple, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield loc + (i,), "duplicate_here", {"id": ident}
        seen.add(ident)


def _duplicates(section: str, ids: list[str]) -> Iterator[Problem]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield (section, i, "id"), "duplicate_id", {"id": ident, "section": section}
        seen.add(ident)
