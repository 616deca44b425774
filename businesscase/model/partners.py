"""The partners of a case and the pseudo-partner for money from outside them."""

from __future__ import annotations

import unicodedata
from enum import Enum

from pydantic import Field, field_validator

from .parameters import DiscountRate, Identifier, Label, Strict, refusal

EXTERNAL = "external"
"""Pseudo-partner for money coming from outside the partners (e.g. a national subsidy)."""

RESERVED_IDS = frozenset({EXTERNAL})
"""Ids no partner may have: the engine and the split give them their own meaning."""


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
        default=None, description="nominal rate for this partner's financial view"
    )
    takes_part: bool = True
    role: Identifier | None = Field(
        default=None,
        description=(
            "the id that costs, revenues and outcomes name as payer, pocket or needed "
            "partner; defaults to the partner's own id"
        ),
    )
    share: float = Field(
        default=1.0,
        ge=0.0,
        allow_inf_nan=False,
        description="this partner's share of its role's flows; normalised within the role",
    )
    share_basis: str = Field(
        default="", description="what the share measures, e.g. 'dwellings owned in the area'"
    )

    @property
    def role_id(self) -> str:
        """The role this partner fills: its ``role``, or its own id."""
        return self.role or self.id

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, v: str) -> str:
        if v in RESERVED_IDS:
            raise refusal("reserved_id", v=v)
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
