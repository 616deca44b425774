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

EXTERNAL = "external"
"""Pseudo-partner for money coming from outside the partners (e.g. a national subsidy)."""


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
        return self.en if lang == "en" else self.nl


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


class Indexation(Strict):
    """Nominal yearly growth per cost category."""
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
    inflation: Rate = Field(description="general price inflation, to turn nominal into real")
    indexation: Indexation
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
    amount: Amount = Field(description="euros at price_year, per unit of quantity (per year if operating)")
    quantity: list[Identifier] = Field(default_factory=list, description="drivers multiplied")
    indexation: IndexCategory = "prices"
    flow_type: CostFlowType = CostFlowType.cash
    lifetime: Lifetime | None = None
    residual: Residual = Residual.linear
    provides: list[Identifier] = Field(
        default_factory=list, description="outcomes this cost is needed for (allocation)")

    @model_validator(mode="after")
    def _lifetime_for_investments(self) -> "CostItem":
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


class Outcome(Strict):
    """One line of the social-return chain.

    value(t) = quantity × proxy × (1 − deadweight) × (1 − attribution) ×
    (1 − displacement) × (1 − drop_off)^(t − first_year) × ramp(t),
    for first_year ≤ t < first_year + duration and t ≤ horizon.
    """
    id: Identifier
    label: Label
    pocket: Identifier = Field(description="partner whose pocket receives the value")
    flow_type: OutcomeFlowType
    quantity: list[Identifier] = Field(min_length=1, description="drivers multiplied")
    proxy: Amount = Field(description="euros at price_year per unit of quantity per year")
    indexation: IndexCategory = "prices"
    deadweight: Fraction
    attribution: Fraction
    displacement: Fraction
    drop_off: Fraction
    ramp_up_years: Years = Field(description="years until full effect, linear; 0 or 1 = at once")
    first_year: Years = Field(description="first operating year with an effect (1 = first)")
    duration: Years = Field(description="years the effect lasts")
    overlap_group: Identifier | None = None
    needs: list[Identifier] = Field(default_factory=list,
                                    description="partners without whom this outcome does not occur")

    @field_validator("first_year")
    @classmethod
    def _first_year_operating(cls, p: Years) -> Years:
        if p.value < 1 or p.low < 1:
            raise PydanticCustomError("first_year_zero",
                                      "first_year must be 1 or more (1 = first operating year)", {})
        return p


class OverlapGroup(Strict):
    """Outcomes reaching the same saving: counted once.

    group value = largest member + alpha × (sum of the others), as in the Deccos
    meetstandaard (alpha 0, 0.5 or 1).
    """
    label: Label
    alpha: Fraction


class Case(Strict):
    meta: Meta
    economics: Economics
    partners: list[Partner] = Field(min_length=1, max_length=100)
    drivers: dict[Identifier, Amount] = Field(default_factory=dict)
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

    def partner_ref(loc: tuple, ref: str, allow_external: bool = False):
        if ref in partner_ids or (allow_external and ref == EXTERNAL):
            return
        extra = f" or '{EXTERNAL}'" if allow_external else ""
        yield loc, f"unknown partner '{ref}': allowed are {known}{extra}"

    def driver_refs(loc: tuple, names: list[str]):
        for j, name in enumerate(names):
            if name not in case.drivers:
                allowed = ", ".join(case.drivers) or "(no drivers defined)"
                yield loc + (j,), f"unknown driver '{name}': allowed are the drivers {allowed}"

    outcome_ids = [o.id for o in case.outcomes]
    for i, c in enumerate(case.costs):
        yield from partner_ref(("costs", i, "payer"), c.payer)
        yield from driver_refs(("costs", i, "quantity"), c.quantity)
        for j, o in enumerate(c.provides):
            if o not in outcome_ids:
                yield ("costs", i, "provides", j), (
                    f"unknown outcome '{o}': allowed are {', '.join(outcome_ids)}")
    for i, r in enumerate(case.revenues):
        yield from partner_ref(("revenues", i, "to"), r.to)
        yield from partner_ref(("revenues", i, "from"), r.from_, allow_external=True)
        yield from driver_refs(("revenues", i, "quantity"), r.quantity)
        if r.to == r.from_:
            yield ("revenues", i, "from"), "a revenue cannot come from the partner it goes to"
    for i, o in enumerate(case.outcomes):
        yield from partner_ref(("outcomes", i, "pocket"), o.pocket)
        for j, n in enumerate(o.needs):
            yield from partner_ref(("outcomes", i, "needs", j), n)
        yield from driver_refs(("outcomes", i, "quantity"), o.quantity)
        if o.overlap_group is not None and o.overlap_group not in case.overlap_groups:
            allowed = ", ".join(case.overlap_groups) or "(no overlap_groups defined)"
            yield ("outcomes", i, "overlap_group"), (
                f"unknown overlap group '{o.overlap_group}': allowed are {allowed}")
    if case.meta.price_year > case.meta.start_year + case.meta.horizon:
        yield ("meta", "price_year"), "price_year lies after the last year of the case"


def _duplicates(section: str, ids: list[str]) -> Iterator[tuple[tuple, str]]:
    seen: set[str] = set()
    for i, ident in enumerate(ids):
        if ident in seen:
            yield (section, i, "id"), f"duplicate id '{ident}': every id in {section} must be unique"
        seen.add(ident)
