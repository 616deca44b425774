"""The line items of a case: costs, revenues, outcomes, overlap groups, derived drivers,
and the flow types that say what kind of money or value each line is."""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Literal, get_args

from pydantic import ConfigDict, Field, field_validator, model_validator

from .parameters import Amount, Fraction, Identifier, Label, Lifetime, Strict, Years, refusal
from .partners import EXTERNAL

IndexCategory = Literal["wages", "prices", "rents", "care_tariffs"]
INDEX_CATEGORIES: tuple[str, ...] = get_args(IndexCategory)
"""The cost categories with a real indexation of their own (``economics.real_indexation``)."""


class FlowType(StrEnum):
    """What kind of money or value a ledger line is; the one list of flow types."""

    cash = "cash"  # money paid or received
    in_kind = "in_kind"  # a contribution in staff time, rooms, goods
    cashable_saving = "cashable_saving"  # a saving that shows in a budget
    non_cashable_saving = "non_cashable_saving"  # capacity freed, not money
    societal_value = "societal_value"  # wellbeing valued by a proxy


FLOW_TYPES: tuple[str, ...] = tuple(f.value for f in FlowType)
FINANCIAL_FLOW_TYPES: frozenset[str] = frozenset(
    {FlowType.cash.value, FlowType.in_kind.value, FlowType.cashable_saving.value}
)
"""The flow types of a partner's financial view (its financial NPV, cash flow, IRR)."""


class CostKind(str, Enum):
    investment = "investment"
    operating = "operating"


class CostFlowType(str, Enum):
    """The flow types a cost item can have."""

    cash = FlowType.cash.value
    in_kind = FlowType.in_kind.value


class Residual(str, Enum):
    linear = "linear"  # straight-line value of the unused lifetime at the horizon
    none = "none"


class CostItem(Strict):
    id: Identifier
    label: Label
    kind: CostKind
    payer: Identifier
    payer_reasoning: str | None = Field(
        default=None,
        description="why this partner pays (a stated choice, e.g. who employs "
        "and who funds a worker)",
    )
    amount: Amount | None = Field(
        default=None, description="euros at price_year per unit of quantity (per year if operating)"
    )
    amount_driver: Identifier | None = Field(
        default=None, description="a driver (or derived driver) that holds the amount"
    )
    quantity: list[Identifier] = Field(default_factory=list, description="drivers multiplied")
    indexation: IndexCategory = "prices"
    flow_type: CostFlowType = CostFlowType.cash
    lifetime: Lifetime | None = None
    residual: Residual = Residual.linear
    provides: list[Identifier] = Field(
        default_factory=list, description="outcomes this cost is needed for (allocation)"
    )

    @model_validator(mode="before")
    @classmethod
    def _driver_shorthand(cls, data):
        return _amount_or_driver(data, "amount", "amount_driver")

    @model_validator(mode="after")
    def _lifetime_for_investments(self) -> CostItem:
        if (self.amount is None) == (self.amount_driver is None):
            raise refusal("one_amount")
        if self.kind is CostKind.investment and self.lifetime is None:
            raise refusal("lifetime_required")
        if self.kind is CostKind.operating and self.lifetime is not None:
            raise refusal("lifetime_not_allowed")
        return self


class RevenueTiming(str, Enum):
    one_off = "one_off"  # at t = 0
    yearly = "yearly"  # t = 1..T


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
    """The flow types of a single-line outcome."""

    cashable_saving = FlowType.cashable_saving.value
    non_cashable_saving = FlowType.non_cashable_saving.value
    societal_value = FlowType.societal_value.value


class Effect(str, Enum):
    """How an outcome behaves over time (see :func:`businesscase.cashflow.outcome_profile`)."""

    recurring = "recurring"  # produced anew each year while the service runs; fades after it ends
    fading = "fading"  # a one-off effect that fades by drop_off a year from first_year


class Direction(str, Enum):
    saving = "saving"  # money or value the pocket gains
    cost = "cost"  # money or value the pocket loses because the outcome occurs


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
    flow_type: FlowType
    proxy: Amount | None = Field(
        default=None, description="euros at price_year per unit of quantity"
    )
    proxy_driver: Identifier | None = Field(
        default=None, description="a driver (or derived driver) that holds the proxy"
    )
    indexation: IndexCategory = "prices"
    reasoning: str | None = Field(default=None, description="why this pocket")

    @model_validator(mode="before")
    @classmethod
    def _driver_shorthand(cls, data):
        return _amount_or_driver(data, "proxy", "proxy_driver")

    @model_validator(mode="after")
    def _one_proxy(self) -> OutcomeComponent:
        if (self.proxy is None) == (self.proxy_driver is None):
            raise refusal("one_proxy")
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
    effect: Effect = Field(
        description="recurring: produced each year while the service runs; "
        "fading: a one-off effect that fades"
    )
    pocket: Identifier | None = Field(
        default=None, description="partner whose pocket receives the value"
    )
    flow_type: OutcomeFlowType | None = None
    quantity: list[Identifier] = Field(min_length=1, description="drivers multiplied")
    proxy: Amount | None = Field(
        default=None, description="euros at price_year per unit of quantity per year"
    )
    proxy_driver: Identifier | None = None
    indexation: IndexCategory = "prices"
    components: list[OutcomeComponent] = Field(default_factory=list)
    deadweight: Fraction
    attribution: Fraction
    displacement: Fraction
    drop_off: Fraction = Field(
        description="recurring: yearly fading after the service ends; "
        "fading: yearly fading from the first year"
    )
    ramp_up_years: Years = Field(description="years until full effect, linear; 0 or 1 = at once")
    first_year: Years = Field(description="first operating year with an effect (1 = first)")
    duration: Years = Field(
        description="recurring: years the service produces the effect; "
        "fading: years the effect is counted"
    )
    overlap_group: Identifier | None = None
    needs: list[Identifier] = Field(
        default_factory=list, description="partners without whom this outcome does not occur"
    )

    @model_validator(mode="before")
    @classmethod
    def _driver_shorthand(cls, data):
        return _amount_or_driver(data, "proxy", "proxy_driver")

    @field_validator("first_year")
    @classmethod
    def _first_year_operating(cls, p: Years) -> Years:
        if p.value < 1 or p.low < 1:
            raise refusal("first_year_zero")
        return p

    @model_validator(mode="after")
    def _single_or_components(self) -> Outcome:
        single = [
            f
            for f in ("pocket", "flow_type", "proxy", "proxy_driver")
            if getattr(self, f) is not None
        ]
        if self.components:
            if single:
                raise refusal("single_and_components", fields=", ".join(single))
            return self
        missing = [f for f in ("pocket", "flow_type") if getattr(self, f) is None]
        if missing or (self.proxy is None) == (self.proxy_driver is None):
            raise refusal("single_line_incomplete")
        return self

    def gross_lines(self) -> list[tuple[str, OutcomeComponent]]:
        """(parameter key prefix, component) for each gross line; a single-line outcome
        is one component with the outcome's own pocket and proxy."""
        if self.components:
            return [(f"outcomes.{self.id}.components.{c.id}", c) for c in self.components]
        # _single_or_components has refused a single-line outcome without a pocket.
        assert self.pocket is not None
        single = OutcomeComponent.model_construct(
            id="",
            label=None,
            pocket=self.pocket,
            direction=Direction.saving,
            flow_type=FlowType(self.flow_type.value if self.flow_type else FlowType.societal_value),
            proxy=self.proxy,
            proxy_driver=self.proxy_driver,
            indexation=self.indexation,
            reasoning=None,
        )
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


class WellbeingOutcome(Outcome):
    """A wellbeing value (a QALY gain valued at a reference value per QALY, say): the same
    chain as an outcome, evaluated as its own layer ("met welzijnswaarde") beside the
    balance and never in it. ``replaces`` names the outcomes whose proxies already value
    the same wellbeing; the layer takes their value out, so nothing counts twice."""

    replaces: list[Identifier] = Field(
        default_factory=list, description="outcomes this value takes the place of"
    )
