"""Every driver and economics figure of a shipped case has a plain label in Dutch and English
(short, the same for a key in every file, never two keys under one Dutch name), and every
unit of the shipped assumption files is in the unit catalogue."""

from __future__ import annotations

from collections import defaultdict

import pytest
import yaml
from builders import ASSUMPTIONS

from businesscase.io import load_case
from businesscase.programme import load_programme
from businesscase.text import UNITS, unit_text

CASE_FILES = sorted(ASSUMPTIONS.glob("*.yaml"))
YAML_FILES = sorted(ASSUMPTIONS.rglob("*.yaml"))
PROGRAMME_FILES = sorted((ASSUMPTIONS / "programmes").glob("*.yaml"))
LABELLED = ("drivers", "economics")
MAX_LABEL = 70


def _name(path) -> str:
    return path.relative_to(ASSUMPTIONS).as_posix()


def _labelled(case):
    return [(k, p) for k, p in case.parameters() if k.split(".")[0] in LABELLED]


CASES = {_name(f): load_case(f) for f in CASE_FILES}
PROGRAMMES = {_name(f): load_programme(f) for f in PROGRAMME_FILES}
# the case of each theme, with the theme's changes (parameters written in the programme file)
THEME_CASES = {
    f"{name}:{theme.id}": theme.base for name, prog in PROGRAMMES.items() for theme in prog.themes
}


def test_the_shipped_cases_are_found():
    assert len(CASES) >= 5
    assert all(_labelled(case) for case in CASES.values())


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_driver_and_economics_figure_has_a_short_label_in_both_languages(name):
    problems = []
    for key, p in _labelled(CASES[name]):
        if p.label is None:
            problems.append(f"{key}: no label")
            continue
        for lang in ("nl", "en"):
            text = p.label(lang)
            if not text.strip() or len(text) > MAX_LABEL:
                problems.append(f"{key}.{lang}: {text!r} ({len(text)} characters)")
    assert problems == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_two_keys_of_a_case_share_a_dutch_label(name):
    keys_of = defaultdict(list)
    for key, p in _labelled(CASES[name]):
        if p.label is not None:
            keys_of[p.label.nl.strip().lower()].append(key)
    assert {label: keys for label, keys in keys_of.items() if len(keys) > 1} == {}


def test_a_key_has_the_same_label_in_every_case_and_programme_theme():
    seen = defaultdict(set)
    for case in [*CASES.values(), *THEME_CASES.values()]:
        for key, p in _labelled(case):
            if p.label is not None:
                seen[key].add((p.label.nl, p.label.en))
    assert {key: labels for key, labels in seen.items() if len(labels) > 1} == {}


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_unit_of_a_case_is_in_the_unit_catalogue(name):
    units = {p.unit for _, p in CASES[name].parameters()}
    assert sorted(units - set(UNITS)) == []


def _units(node):
    """Every unit text written anywhere in a parsed YAML file (parameters and derived drivers)."""
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "unit" and isinstance(v, str):
                yield v
            else:
                yield from _units(v)
    elif isinstance(node, list):
        for v in node:
            yield from _units(v)


@pytest.mark.parametrize("path", YAML_FILES, ids=_name)
def test_every_unit_written_in_a_shipped_file_is_in_the_unit_catalogue(path):
    units = set(_units(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert sorted(units - set(UNITS)) == []


@pytest.mark.parametrize("path", PROGRAMME_FILES, ids=_name)
def test_a_programme_keeps_the_labels_and_labels_its_partner_shares(path):
    for theme in PROGRAMMES[_name(path)].themes:
        assert [k for k, p in _labelled(theme.base) if p.label is None] == [], theme.id
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    shares = [p["share"] for p in raw["partners"] if isinstance(p.get("share"), dict)]
    unlabelled = [s for s in shares if not (s.get("label") or {}).get("nl")]
    assert unlabelled == []


def test_the_unit_catalogue_has_both_languages_and_english_as_written():
    assert all(set(entry) == {"nl", "en"} for entry in UNITS.values())
    assert all(entry["nl"].strip() for entry in UNITS.values())
    assert [unit for unit, entry in UNITS.items() if entry["en"] != unit] == []


def test_unit_text_in_dutch_and_english_and_an_unknown_unit_as_written():
    assert unit_text("years", "nl") == "jaren"
    assert unit_text("years") == "jaren"
    assert unit_text("years", "en") == "years"
    assert unit_text("fraction of residents", "nl") == "aandeel van de bewoners"
    assert unit_text("kilo's compost per week", "nl") == "kilo's compost per week"
    assert unit_text("kilo's compost per week", "en") == "kilo's compost per week"
