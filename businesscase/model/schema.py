"""Pydantic models of a business case.

Every numeric input is a :class:`Parameter` carrying its provenance. Parameter
*kinds* (fraction, rate, money, count, years) fix the allowed range of the value and
of its low/high bounds, so an impossible value is rejected where it is written.

Parameter keys
--------------
Each parameter has a dotted key, e.g. ``drivers.dwellings``,
``outcomes.less_loneliness.deadweight`` or ``economics.indexation.wages``. The engine
accepts arrays for any key (a leading draw axis), see :func:`businesscase.evaluate`.
"""

from __future__ import annotations

import datetime as _dt
import math
import unicodedata
from enum import Enum
from typing import Annotated, ClassVar, Iterator, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from businesscase.text import language

EXTERNAL = "external"
"""Pseudo-partner for money coming from outside the partners (e.g. a national subsidy)."""

RESERVED_IDS = frozenset({EXTERNAL})
"""Ids no partner may have: the engine and the split give them their own meaning."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


class Confidence(str, Enum):
    high = "high"
    medium = "medium"
    low = "low"


def percent_hint(value: float) -> str:
    """A hint for a fraction typed as a percentage (40 → 40%, 225 → 2.25%)."""
    if 1 < abs(value) <= 100:
        return f" Did you mean {value:g}%? Write {value / 100:g}."
    if 100 < abs(value) <= 10_000:
        return f" Did you mean {value / 100:g}%? Write {value / 10_000:g}."
    return ""


class Parameter(Strict):
    """A numeric input with its provenance.

    ``value`` is normally a float; the engine also accepts a 1-D numpy array (one value
    per Monte Carlo draw) when a parameter is overridden at evaluation time.
    """

    value: float
    unit: str = Field(min_length=1)
    year: int = Field(ge=1900, le=2100, description="price or reference year of the value")
    source: str | None = Field(default=None, description="title and link or publication")
    estimate: bool = False
    reasoning: str | None = Field(default=None, description="why this estimate, if estimate")
    low: float
    high: float
    confidence: Confidence
    last_checked: _dt.date | None = None
    distribution: Literal["pert", "triangular", "uniform"] | None = Field(
        default=None, description="for Monte Carlo between low and high; default PERT")

    # Subclasses narrow these; the message says what is allowed.
    _min: ClassVar[float] = -math.inf
    _max: ClassVar[float] = math.inf
    _allowed: ClassVar[str] = "a finite number"
    _percent_like: ClassVar[bool] = False
    _integer: ClassVar[bool] = False

    @field_validator("value", "low", "high")
    @classmethod
    def _within_kind(cls, v: float) -> float:
        if not math.isfinite(v):
            raise PydanticCustomError("not_finite", "{v} is not allowed: must be {allowed}",
                                      {"v": v, "allowed": cls._allowed})
        lo, hi = cls._min, cls._max
        if not (lo <= v <= hi):
            hint = percent_hint(v) if cls._percent_like else ""
            raise PydanticCustomError(
                "out_of_range", "{v} is not allowed: must be {allowed}.{hint}",
                {"v": v, "allowed": cls._allowed, "hint": hint})
        if cls._integer and v != int(v):
            raise PydanticCustomError("not_whole", "{v} is not allowed: must be {allowed}",
                                      {"v": v, "allowed": cls._allowed})
        return v

    @model_validator(mode="after")
    def _provenance(self) -> "Parameter":
        if self.low > self.high:
            raise PydanticCustomError(
                "low_above_high", "low ({low}) is above high ({high}): low ≤ value ≤ high",
                {"low": self.low, "high": self.high})
        if self.estimate:
            if not (self.reasoning and self.reasoning.strip()):
                raise PydanticCustomError(
                    "estimate_without_reasoning",
                    "an estimate needs 'reasoning': say how the figure was arrived at", {})
        elif not (self.source and self.source.strip()):
            raise PydanticCustomError(
                "no_source",
                "a parameter needs a 'source' (title and link or publication), "
                "or 'estimate: true' with 'reasoning'", {})
        return self


class Fraction(Parameter):
    """A share between 0 and 1 (deadweight, attribution, share reached)."""
    _min = 0.0
    _max = 1.0
    _allowed = "a fraction between 0 and 1 (e.g. 0.4 for 40%)"
    _percent_like = True


class Rate(Parameter):
    """A yearly rate as a fraction (discount rate, indexation), between -0.5 and 1."""
    _min = -0.5
    _max = 1.0
    _allowed = "a yearly rate as a fraction between -0.5 and 1 (e.g. 0.0225 for 2.25%)"
    _percent_like = True


class DiscountRate(Rate):
    _min = 0.0
    _max = 0.5
    _allowed = "a yearly discount rate as a fraction between 0 and 0.5 (e.g. 0.0225 for 2.25%)"


class Amount(Parameter):
    """Money or a quantity: zero or more."""
    _min = 0.0
    _allowed = "zero or more"


class Years(Parameter):
    """A whole number of years, 0 to 100."""
    _min = 0.0
    _max = 100.0
    _allowed = "a whole number of years from 0 to 100"
    _integer = True


class Lifetime(Years):
    _min = 1.0
    _allowed = "a whole number of years from 1 to 100"


class Label(Strict):
    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def __call__(self, lang: str = "nl") -> str:
        return getattr(self, language(lang))


Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]


class PartnerType(str, Enum):
    corporation = "corporation"
    municipality = "municipality"
    health_insurer = "health_insurer"
    care_office = "care_office"
    care_provider = "care_provider"
    welfare_organisation = "welfare_organisation"
    residents = "residents"
    other = "other"


class Partner(Strict):
    id: Identifier
    name: Label
    type: PartnerType
    financial_discount_rate: DiscountRate | None = Field(
        default=None, description="nominal rate for this partner's financial view")
    takes_part: bool = True

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, v: str) -> str:
        if v in RESERVED_IDS:
            raise PydanticCustomError(
                "reserved_id", "'{v}' is reserved for money from outside the partnership "
                "(revenues say from: {v}); give the partner another id, e.g. {v}_partner",
                {"v": v})
        return v


def free_partner_id(name: str, taken) -> str:
    """A valid, unused, unreserved partner id made from a name ("External" → external_2)."""
    # Transliterated first, so that "Zorggroep Ümraniye" keeps its letters (umraniye).
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    ident = "".join(c if c.isalnum() else "_" for c in plain)
    ident = ident.strip("_")[:56].strip("_") or "partner"
    if not ident[0].isalpha():
        ident = "p_" + ident
    base, n = ident, 2
    while ident in taken or ident in RESERVED_IDS:
        ident, n = f"{base}_{n}", n + 1
    return ident


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


IndexCategory = Literal["wages", "prices", "rents", "care_tariffs"]


class Discounting(str, Enum):
    end_of_year = "end_of_year"                          # like a spreadsheet NPV
    first_year_undiscounted = "first_year_undiscounted"  # as some SROI studies do


class Economics(Strict):
    social_discount_rate: DiscountRate = Field(
        description="real rate for MKBA/SROI figures; Dutch standard 2.25% (2021)")
    financial_discount_rate: DiscountRate = Field(
        description="nominal default for partners without a rate of their own")
    inflation: Rate = Field(description="general price inflation, to turn real into nominal")
    real_indexation: RealIndexation = Field(
        description="real change per category on top of inflation (0 = follows inflation)")
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
        description="what happens without the facility: every result is the difference with it")


class CostKind(str, Enum):
    investment = "investment"
    operating = "operating"


class CostFlowType(str, Enum):
    cash = "cash"
    in_kind = "in_kind"


class Residual(str, Enum):
    linear = "linear"  # straight-line value of the unused lifetime at the horizon
    none = "none"


class CostItem(Strict):
    id: Identifier
    label: Label
    kind: CostKind
    payer: Identifier
    payer_reasoning: str | None = Field(
        default=None, description="why this partner pays (a stated choice, e.g. who employs "
                                  "and who funds a worker)")
    amount: Amount | None = Field(
        default=None, description="euros at price_year per unit of quantity (per year if operating)")
    amount_driver: Identifier | None = Field(
        default=None, description="a driver (or derived driver) that holds the amount")
    quantity: list[Identifier] = Field(default_factory=list, description="drivers multiplied")
    indexation: IndexCategory = "prices"
    flow_type: CostFlowType = CostFlowType.cash
    lifetime: Lifetime | None = None
    residual: Residual = Residual.linear
    provides: list[Identifier] = Field(
        default_factory=list, description="outcomes this cost is needed for (allocation)")

    @model_validator(mode="before")
    @classmethod
    def _driver_shorthand(cls, data):
        return _amount_or_driver(data, "amount", "amount_driver")

    @model_validator(mode="after")
    def _lifetime_for_investments(self) -> "CostItem":
        if (self.amount is None) == (self.amount_driver is None):
            raise PydanticCustomError(
                "one_amount", "give 'amount' as a parameter or as the name of a driver (one of them)", {})
        if self.kind is CostKind.investment and self.lifetime is None:
            raise PydanticCustomError(
                "lifetime_required", "an investment needs a 'lifetime' in years", {})
        if self.kind is CostKind.operating and self.lifetime is not None:
            raise PydanticCustomError(
                "lifetime_not_allowed", "'lifetime' is only for kind: investment", {})
        return self


class RevenueTiming(str, Enum):
    one_off = "one_off"  # at t = 0
    yearly = "yearly"    # t = 1..T


class RevenueItem(Strict):
    id: Identifier
    label: Label
    to: Identifier
    from_: Identifier = Field(default=EXTERNAL, alias="from")
    amount: Amount
    quantity: list[Identifier] = Field(default_factory=list)
    timing: RevenueTiming = RevenueTiming.yearly
    indexation: IndexCategory = "prices"

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class OutcomeFlowType(str, Enum):
    cashable_saving = "cashable_saving"
    non_cashable_saving = "non_cashable_saving"
    societal_value = "societal_value"


ComponentFlowType = Literal["cash", "in_kind", "cashable_saving", "non_cashable_saving",
                            "societal_value"]


class Effect(str, Enum):
    """How an outcome behaves over time (see :func:`businesscase.cashflow.outcome_profile`)."""
    recurring = "recurring"  # produced anew each year while the service runs; fades after it ends
    fading = "fading"        # a one-off effect that fades by drop_off a year from first_year


class Direction(str, Enum):
    saving = "saving"  # money or value the pocket gains
    cost = "cost"      # money or value the pocket loses because the outcome occurs


def _amount_or_driver(data, field: str, driver_field: str):
    """``field: <driver name>`` is short for ``driver_field: <driver name>``."""
    if isinstance(data, dict) and isinstance(data.get(field), str):
        data = dict(data)
        data[driver_field] = data.pop(field)
    return data


class OutcomeComponent(Strict):
    """One gross flow of an outcome, in the pocket that really pays or gains it.

    A proxy that is a difference between two parties' flows (nursing-home care avoided
    minus the extra care at home) is written as components, so the wrong-pocket view
    shows both sides.
    """
    id: Identifier
    label: Label | None = None
    pocket: Identifier
    direction: Direction
    flow_type: ComponentFlowType
    proxy: Amount | None = Field(default=None, description="euros at price_year per unit of quantity")
    proxy_driver: Identifier | None = Field(
        default=None, description="a driver (or derived driver) that holds the proxy")
    indexation: IndexCategory = "prices"
    reasoning: str | None = Field(default=None, description="why this pocket")

    @model_validator(mode="before")
    @classmethod
    def _driver_shorthand(cls, data):
        return _amount_or_driver(data, "proxy", "proxy_driver")

    @model_validator(mode="after")
    def _one_proxy(self) -> "OutcomeComponent":
        if (self.proxy is None) == (self.proxy_driver is None):
            raise PydanticCustomError(
                "one_proxy", "give 'proxy' as a parameter or as the name of a driver (one of them)", {})
        return self


class Outcome(Strict):
    """One effect of the social-return chain, booked as one or more gross lines.

    value(t) = quantity × proxy × (1 − deadweight) × (1 − attribution) ×
    (1 − displacement) × profile(t), profile as in :func:`~businesscase.cashflow.outcome_profile`
    for the outcome's ``effect`` (recurring or fading). With ``components`` every component
    carries its own pocket, direction and proxy and shares the rest of the chain.
    """
    id: Identifier
    label: Label
    effect: Effect = Field(description="recurring: produced each year while the service runs; "
                                       "fading: a one-off effect that fades")
    pocket: Identifier | None = Field(default=None, description="partner whose pocket receives the value")
    flow_type: OutcomeFlowType | None = None
    quantity: list[Identifier] = Field(min_length=1, description="drivers multiplied")
    proxy: Amount | None = Field(default=None, description="euros at price_year per unit of quantity per year")
    proxy_driver: Identifier | None = None
    indexation: IndexCategory = "prices"
    components: list[OutcomeComponent] = Field(default_factory=list)
    deadweight: Fraction
    attribution: Fraction
    displacement: Fraction
    drop_off: Fraction = Field(description="recurring: yearly fading after the service ends; "
                                           "fading: yearly fading from the first year")
    ramp_up_years: Years = Field(description="years until full effect, linear; 0 or 1 = at once")
    first_year: Years = Field(description="first operating year with an effect (1 = first)")
    duration: Years = Field(description="recurring: years the service produces the effect; "
                                        "fading: years the effect is counted")
    overlap_group: Identifier | None = None
    needs: list[Identifier] = Field(default_factory=list,
                                    description="partners without whom this outcome does not occur")

    @model_validator(mode="before")
    @classmethod
    def _driver_shorthand(cls, data):
        return _amount_or_driver(data, "proxy", "proxy_driver")

    @field_validator("first_year")
    @classmethod
    def _first_year_operating(cls, p: Years) -> Years:
        if p.value < 1 or p.low < 1:
            raise PydanticCustomError("first_year_zero",
                                      "first_year must be 1 or more (1 = first operating year)", {})
        return p

    @model_validator(mode="after")
    def _single_or_components(self) -> "Outcome":
        single = [f for f in ("pocket", "flow_type", "proxy", "proxy_driver")
                  if getattr(self, f) is not None]
        if self.components:
            if single:
                raise PydanticCustomError(
                    "single_and_components",
                    "an outcome with 'components' states pocket, flow_type and proxy per "
                    "component; remove {fields}", {"fields": ", ".join(single)})
            return self
        missing = [f for f in ("pocket", "flow_type") if getattr(self, f) is None]
        if missing or (self.proxy is None) == (self.proxy_driver is None):
            raise PydanticCustomError(
                "single_line_incomplete",
                "an outcome needs pocket, flow_type and proxy (a parameter or a driver name), "
                "or a list of 'components' each with its own", {})
        return self

    def gross_lines(self) -> list[tuple[str, "OutcomeComponent"]]:
        """(parameter key prefix, component) for each gross line; a single-line outcome
        is one component with the outcome's own pocket and proxy."""
        if self.components:
            return [(f"outcomes.{self.id}.components.{c.id}", c) for c in self.components]
        single = OutcomeComponent.model_construct(
            id="", label=None, pocket=self.pocket, direction=Direction.saving,
            flow_type=self.flow_type.value if self.flow_type else "societal_value",
            proxy=self.proxy, proxy_driver=self.proxy_driver, indexation=self.indexation,
            reasoning=None)
        return [(f"outcomes.{self.id}", single)]

    @property
    def pockets(self) -> list[str]:
        return [c.pocket for _, c in self.gross_lines()]


class OverlapGroup(Strict):
    """Outcomes reaching the same saving: counted once.

    group value = largest member + alpha × (sum of the others), as in the Deccos
    meetstandaard (alpha 0, 0.5 or 1). Membership is stated on both sides: the group
    lists its members and each member names the group, and the two must agree.
    """
    label: Label
    alpha: Fraction
    members: list[Identifier] = Field(min_length=1, description="outcomes in the group")


class DerivedDriver(Strict):
    """A driver computed from others: product of ``product`` divided by product of ``divide_by``.

    States a chain once (e.g. the integral hourly cost of a welfare worker from the cao
    salary, IKB, employer charges, overhead and productive hours) so that every formula
    that uses it prices it the same.
    """
    unit: str = Field(min_length=1)
    product: list[Identifier] = Field(min_length=1)
    divide_by: list[Identifier] = Field(default_factory=list)
    description: str = ""


class Case(Strict):
    meta: Meta
    economics: Economics
    partners: list[Partner] = Field(min_length=1, max_length=100)
    drivers: dict[Identifier, Amount] = Field(default_factory=dict)
    derived_drivers: dict[Identifier, DerivedDriver] = Field(default_factory=dict)
    costs: list[CostItem] = Field(default_factory=list)
    revenues: list[RevenueItem] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    overlap_groups: dict[Identifier, OverlapGroup] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _references(self) -> "Case":
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

    def parameters(self) -> Iterator[tuple[str, Parameter]]:
        """Every parameter of the case with its dotted key."""
        yield from _walk_parameters(self, ())

    def out_of_range(self) -> list[tuple[str, Parameter]]:
        """Parameters whose value lies outside their own low–high range (a soft warning)."""
        return [(k, p) for k, p in self.parameters()
                if not (p.low <= float(min_or(p.value)) and float(max_or(p.value)) <= p.high)]

    def price_year_mismatches(self) -> list[tuple[str, Parameter]]:
        """Money figures whose year is not the case's price year (a soft warning): the
        engine reads every amount at price_year prices and does not re-index it."""
        return [(k, p) for k, p in self.parameters()
                if "€" in p.unit and p.year != self.meta.price_year]

    def parameter(self, key: str) -> Parameter:
        for k, p in self.parameters():
            if k == key:
                return p
        raise KeyError(f"no parameter {key!r}; see Case.parameters() for the keys")


def min_or(value):
    return value.min() if hasattr(value, "min") else value


def max_or(value):
    return value.max() if hasattr(value, "max") else value


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


class CaseReferenceError(ValueError):
    """Cross-references that do not resolve; each problem carries its own location."""

    def __init__(self, problems: list[tuple[tuple, str]]):
        self.problems = problems
        super().__init__("; ".join(f"{'.'.join(map(str, loc))}: {msg}" for loc, msg in problems))


def reference_problems(case: Case) -> Iterator[tuple[tuple, str]]:
    """(location, message) for every reference in the case that does not resolve."""
    partner_ids = case.partner_ids
    known = ", ".join(partner_ids)
    yield from _duplicates("partners", [p.id for p in case.partners])
    yield from _duplicates("costs", [c.id for c in case.costs])
    yield from _duplicates("revenues", [r.id for r in case.revenues])
    yield from _duplicates("outcomes", [o.id for o in case.outcomes])
    driver_names = list(case.drivers) + list(case.derived_drivers)

    def partner_ref(loc: tuple, ref: str, allow_external: bool = False):
        if ref in partner_ids or (allow_external and ref == EXTERNAL):
            return
        extra = f" or '{EXTERNAL}'" if allow_external else ""
        yield loc, f"unknown partner '{ref}': allowed are {known}{extra}"

    def driver_ref(loc: tuple, name: str):
        if name not in driver_names:
            allowed = ", ".join(driver_names) or "(no drivers defined)"
            yield loc, f"unknown driver '{name}': allowed are the drivers {allowed}"

    def driver_refs(loc: tuple, names: list[str]):
        for j, name in enumerate(names):
            yield from driver_ref(loc + (j,), name)

    for name in case.derived_drivers:
        if name in case.drivers:
            yield ("derived_drivers", name), (
                f"'{name}' is also an ordinary driver: a name is either a driver or derived")
    for name, d in case.derived_drivers.items():
        yield from driver_refs(("derived_drivers", name, "product"), d.product)
        yield from driver_refs(("derived_drivers", name, "divide_by"), d.divide_by)
        for j, div in enumerate(d.divide_by):
            p = case.drivers.get(div)
            if p is not None and min(p.low, float(min_or(p.value))) <= 0:
                yield ("derived_drivers", name, "divide_by", j), (
                    f"driver '{div}' can be 0 (its value or low is 0): a divisor must be above 0")
    yield from _derived_cycles(case)

    outcome_ids = [o.id for o in case.outcomes]
    for i, c in enumerate(case.costs):
        yield from partner_ref(("costs", i, "payer"), c.payer)
        yield from driver_refs(("costs", i, "quantity"), c.quantity)
        if c.amount_driver is not None:
            yield from driver_ref(("costs", i, "amount"), c.amount_driver)
        for j, ref in enumerate(c.provides):
            if ref not in outcome_ids:
                yield ("costs", i, "provides", j), (
                    f"unknown outcome '{ref}': allowed are {', '.join(outcome_ids)}")
    for i, r in enumerate(case.revenues):
        yield from partner_ref(("revenues", i, "to"), r.to)
        yield from partner_ref(("revenues", i, "from"), r.from_, allow_external=True)
        yield from driver_refs(("revenues", i, "quantity"), r.quantity)
        if r.to == r.from_:
            yield ("revenues", i, "from"), "a revenue cannot come from the partner it goes to"
    for i, o in enumerate(case.outcomes):
        if o.components:
            yield from _duplicates_at(("outcomes", i, "components"), [c.id for c in o.components])
            for j, comp in enumerate(o.components):
                yield from partner_ref(("outcomes", i, "components", j, "pocket"), comp.pocket)
                if comp.proxy_driver is not None:
                    yield from driver_ref(("outcomes", i, "components", j, "proxy"), comp.proxy_driver)
        else:
            yield from partner_ref(("outcomes", i, "pocket"), o.pocket or "")
            if o.proxy_driver is not None:
                yield from driver_ref(("outcomes", i, "proxy"), o.proxy_driver)
        for j, n in enumerate(o.needs):
            yield from partner_ref(("outcomes", i, "needs", j), n)
        yield from driver_refs(("outcomes", i, "quantity"), o.quantity)
        if o.overlap_group is not None:
            group = case.overlap_groups.get(o.overlap_group)
            if group is None:
                allowed = ", ".join(case.overlap_groups) or "(no overlap_groups defined)"
                yield ("outcomes", i, "overlap_group"), (
                    f"unknown overlap group '{o.overlap_group}': allowed are {allowed}")
            elif o.id not in group.members:
                yield ("outcomes", i, "overlap_group"), (
                    f"outcome '{o.id}' names overlap group '{o.overlap_group}', but the group's "
                    f"members ({', '.join(group.members)}) do not list it: add it to "
                    f"overlap_groups.{o.overlap_group}.members")
    by_id = {o.id: o for o in case.outcomes}
    for name, group in case.overlap_groups.items():
        for j, member in enumerate(group.members):
            loc = ("overlap_groups", name, "members", j)
            if member not in by_id:
                yield loc, (f"member '{member}' is not an outcome of this case: allowed are "
                            f"{', '.join(outcome_ids) or '(no outcomes)'}")
            elif by_id[member].overlap_group != name:
                declared = by_id[member].overlap_group
                yield loc, (f"member '{member}' does not declare this group: it says "
                            f"overlap_group: {declared or '(none)'}; write overlap_group: "
                            f"{name} on the outcome, or remove it from the members")
        yield from _duplicates_at(("overlap_groups", name, "members"), group.members)
    if case.meta.price_year > case.meta.start_year + case.meta.horizon:
        yield ("meta", "price_year"), "price_year lies after the last year of the case"


def _derived_cycles(case: Case) -> Iterator[tuple[tuple, str]]:
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
                yield ("derived_drivers", cycle[0]), (
                    f"derived drivers refer to each other in a circle: {' → '.join(cycle)}")
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


def _duplicates_at(loc: tuple, ids: list[str]) -> Iterator[tuple[tuple, str]]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield loc + (i,), f"duplicate '{ident}': must be unique here"
        seen.add(ident)


def _duplicates(section: str, ids: list[str]) -> Iterator[tuple[tuple, str]]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield (section, i, "id"), f"duplicate id '{ident}': every id in {section} must be unique"
        seen.add(ident)
