"""A programme of themes: the file's shape (pydantic) and the loaded programme.

A programme holds the partners of a coalition once, and themes: each built from a formula
case with its own ``changes`` and its own willing ``participants``. The loaded programme
keeps, per theme, the base case with the changes applied; :mod:`.split` puts the theme's
participants into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import Field, ValidationError, field_validator

from businesscase.io import error_message
from businesscase.model import (
    Amount,
    Case,
    Identifier,
    Label,
    Partner,
    Strict,
    UserError,
    nested,
    refusal,
)

MAX_PARTNERS = 100


class ProgrammeMeta(Strict):
    name: str = Field(min_length=1)
    description: str = ""
    location: str = ""
    sources: list[str] = Field(default_factory=list)


class ProgrammePartner(Partner):
    """A partner of the programme: a case partner whose share may also be written as a
    parameter (value with unit, year, source or estimate, range, confidence), so that a
    shipped programme documents its shares like every other figure."""

    @field_validator("share", mode="before")
    @classmethod
    def _share_parameter(cls, v: Any) -> Any:
        if isinstance(v, dict):
            try:
                return Amount.model_validate(v).value
            except ValidationError as exc:
                err = exc.errors()[0]
                where = ".".join(map(str, err["loc"]))
                message, kind, values = error_message(err, Amount)
                problem = nested(kind, values, message)
                if where:
                    problem = nested("at_path", {"path": where, "problem": problem})
                raise refusal("share_parameter", problem=problem) from None
        return v

    def partner(self) -> Partner:
        return Partner.model_validate(self.model_dump(by_alias=True))


class ThemeSpec(Strict):
    id: Identifier
    name: Label
    case: str = Field(
        min_length=1,
        description="formula case file: relative to the programme file, else a shipped one",
    )
    description: str = ""
    changes: dict[str, Any] = Field(
        default_factory=dict,
        description="parameter key → number, or a whole parameter with its provenance",
    )
    participants: list[Identifier] = Field(min_length=1)


class ProgrammeFile(Strict):
    programme: ProgrammeMeta
    partners: list[ProgrammePartner] = Field(min_length=1, max_length=MAX_PARTNERS)
    themes: list[ThemeSpec] = Field(min_length=1)


@dataclass(frozen=True)
class Theme:
    """One theme of a loaded programme.

    base: the formula case with the theme's changes applied, its own partners still in;
    participants: the willing partners (programme partner ids); roles: the ids the case's
    lines name as payer, pocket or needed partner.
    """

    id: str
    name: Label
    case_file: str
    base: Case
    participants: tuple[str, ...]
    changes: dict[str, Any] = field(default_factory=dict)
    roles: frozenset[str] = frozenset()
    description: str = ""


@dataclass(frozen=True)
class Programme:
    meta: ProgrammeMeta
    partners: tuple[Partner, ...]
    themes: tuple[Theme, ...]
    file: str = "<programme>"

    @property
    def partner_ids(self) -> list[str]:
        return [p.id for p in self.partners]

    @property
    def theme_ids(self) -> list[str]:
        return [t.id for t in self.themes]

    def partner(self, partner_id: str) -> Partner:
        for p in self.partners:
            if p.id == partner_id:
                return p
        raise UserError(
            f"unknown partner '{partner_id}': partners are {', '.join(self.partner_ids)}"
        )

    def theme(self, theme_id: str) -> Theme:
        for t in self.themes:
            if t.id == theme_id:
                return t
        raise UserError(f"unknown theme '{theme_id}': themes are {', '.join(self.theme_ids)}")

    def flowless(self, theme_id: str) -> list[str]:
        """The theme's participants whose role its case does not use: they join the theme
        but have no flows in it, so they stay out of its case (null players)."""
        theme = self.theme(theme_id)
        return [
            pid
            for pid in theme.participants
            if self.partner(pid).role_id not in theme.roles and pid not in theme.roles
        ]


__all__ = [
    "MAX_PARTNERS",
    "Programme",
    "ProgrammeFile",
    "ProgrammeMeta",
    "ProgrammePartner",
    "Theme",
    "ThemeSpec",
]
