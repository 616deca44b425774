"""A theme's case: the formula case of the theme with the theme's participants as its
partners."""

from __future__ import annotations

from collections.abc import Iterable

from businesscase.model import Case, Partner, UserError

from .model import Programme, Theme


def theme_case(programme: Programme, theme_id: str, absent: Iterable[str] = ()) -> Case:
    """The formula case of a theme, its partners the theme's participants.

    Each participant comes with its programme record (role, share, rate). One without a
    financial discount rate of its own takes the rate of the case's partner whose id is its
    role (the archetype corporation's rate, say). Participants whose role the case does not
    use have no flows in it and stay out (``Programme.flowless``), so adding or removing
    them changes nothing in the theme.

    absent : partner ids of the theme that leave it: they stay in the case with
    ``takes_part`` False, so their part of their role is lost and the shares of the others
    are not renormalised (the absent-partner game of a single case).
    """
    theme = programme.theme(theme_id)
    absent = set(absent)
    outside = sorted(absent - set(theme.participants))
    if outside:
        raise UserError(
            f"theme '{theme_id}': {', '.join(outside)} not among its participants "
            f"({', '.join(theme.participants)}); only a participant can leave a theme"
        )
    flowless = set(programme.flowless(theme_id))
    members = [
        _in_case(programme.partner(pid), theme, absent)
        for pid in theme.participants
        if pid not in flowless
    ]
    data = theme.base.model_dump(by_alias=True)
    data["partners"] = [p.model_dump(by_alias=True) for p in members]
    data["meta"]["name"] = f"{programme.meta.name}: {theme.name.nl}"
    return Case.model_validate(data)


def _in_case(partner: Partner, theme: Theme, absent: set[str]) -> Partner:
    update: dict = {"takes_part": partner.id not in absent}
    if partner.financial_discount_rate is None:
        archetype = next((p for p in theme.base.partners if p.id == partner.role_id), None)
        if archetype is not None and archetype.financial_discount_rate is not None:
            update["financial_discount_rate"] = archetype.financial_discount_rate
    return partner.model_copy(update=update, deep=True)


__all__ = ["theme_case"]
