"""Plain names for parameters, shown instead of their dotted keys on every page and export.

A parameter's own ``label`` wins. A field of a line item, an overlap group or a partner is
named by its owner's label and the field's word from the catalogue ("Gastvrouw: bedrag"),
so a user-added line is named as soon as it has a label. A key with neither is shown as
the key itself, which is never wrong, only less plain.
"""

from __future__ import annotations

from collections import Counter

from businesscase.text import TEXTS, t

from .case import Case

__all__ = ["case_title", "parameter_label", "parameter_labels", "matches_parameter"]


def case_title(case: Case, lang: str = "nl") -> str:
    """The case as it now is: its name, place and size from the drivers in force
    ("Ontmoetingsruimte · Referentiecomplex · 80 woningen"), never a size frozen in a name."""
    parts = [case.meta.name]
    if case.meta.location and case.meta.location not in case.meta.name:
        parts.append(case.meta.location)
    if "dwellings" in case.drivers:
        parts.append(t("n_dwellings", lang, n=_whole(float(case.drivers["dwellings"].value))))
    return " · ".join(parts)


def _whole(value: float) -> str:
    return str(round(value)) if abs(value - round(value)) < 1e-9 else f"{value:g}"


def parameter_labels(case: Case, lang: str = "nl") -> dict[str, str]:
    """Key → plain name of every parameter of the case, in its order. Names are distinct:
    a name two keys share (two lines a user labelled alike) carries its key."""
    owners = owner_labels(case, lang)
    names = {
        key: _label(key, p.label(lang) if p.label else None, owners, lang)
        for key, p in case.parameters()
    }
    count = Counter(names.values())
    return {k: n if count[n] == 1 else f"{n} ({k})" for k, n in names.items()}


def parameter_label(case: Case, key: str, lang: str = "nl") -> str:
    """The plain name of one parameter (its key if the case has no such parameter)."""
    return parameter_labels(case, lang).get(key, key)


def matches_parameter(query: str, key: str, label: str) -> bool:
    """Whether a search finds a parameter: every word of the query in its label or key,
    ignoring case, so "maanden uitstel" finds drivers.cic_months_delayed."""
    words = query.casefold().split()
    haystack = f"{label} {key}".casefold()
    return all(w in haystack for w in words)


def owner_labels(case: Case, lang: str = "nl") -> dict[tuple[str, str], str]:
    """(section, id) → label of each line item, outcome component, overlap group and
    partner: the owners whose fields hold parameters."""
    owners: dict[tuple[str, str], str] = {}
    for section in ("costs", "revenues", "outcomes", "wellbeing"):
        for item in getattr(case, section):
            owners[(section, item.id)] = item.label(lang)
    for outcome in case.outcomes:
        for part in outcome.components:
            name = part.label(lang) if part.label else part.id
            owners[(f"outcomes.{outcome.id}", part.id)] = f"{outcome.label(lang)}, {name}"
    for gid, group in case.overlap_groups.items():
        owners[("overlap_groups", gid)] = group.label(lang)
    for partner in case.partners:
        owners[("partners", partner.id)] = partner.name(lang)
    return owners


def _label(key: str, own: str | None, owners: dict[tuple[str, str], str], lang: str) -> str:
    if own:
        return own
    owner, _, field = key.rpartition(".")
    section, _, ident = owner.rpartition(".")
    if (section, ident) in owners and f"field_{field}" in TEXTS:
        return f"{owners[(section, ident)]}: {t('field_' + field, lang)}"
    return key
