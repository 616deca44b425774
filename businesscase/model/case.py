"""The case: its meta data, economics, partners, drivers and line items."""

from __future__ import annotations

from enum import Enum
from typing import Iterator

from pydantic import BaseModel, Field, model_validator

from .items import CostItem, DerivedDriver, OverlapGroup, Outcome, RevenueItem
from .parameters import (Amount, DiscountRate, Identifier, Label, Parameter, Rate, Strict,
                         max_or, min_or)
from .partners import Partner
from .references import CaseReferenceError, reference_problems


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

