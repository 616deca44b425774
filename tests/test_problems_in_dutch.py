"""Problems in the user's input speak the interface's language (issue 15, point 5): the
place (file, line, field) and, for the problems a case file most often has, the message
and what is allowed, from the catalogue in Dutch and English. The English message, which
the CLI prints, stays as it is."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase.io import load_case
from businesscase.io.validate import case_from_data
from businesscase.model import LoadError
from businesscase.model.problems import problem_message
from businesscase.programme.load import load_programme
from businesscase.text import TEXTS

BAD = sorted((Path(__file__).parent / "bad_inputs").glob("*.yaml"))
WORDED = {
    "out_of_range",
    "not_finite",
    "not_whole",
    "low_above_high",
    "no_source",
    "estimate_without_reasoning",
    "unknown_field",
    "missing_field",
    "not_a_parameter",
}
ENGLISH = ("is not allowed", "required field", "unknown field", "a parameter needs", "got ")


def problems(path):
    try:
        load_case(path)
    except LoadError as exc:
        return exc
    return None


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_every_problem_says_where_in_dutch(path):
    exc = problems(path)
    if exc is None:
        pytest.skip("a file the loader accepts")
    for p, dutch in zip(exc.problems, exc.text("nl").split("\n"), strict=True):
        assert dutch.startswith(p.file)
        if p.line:
            assert f", regel {p.line}" in dutch
        if p.field:
            assert f"veld {p.field}:" in dutch
        if p.kind in WORDED:
            assert not any(word in dutch for word in ENGLISH), dutch
            assert p.text("en").endswith(p.message) or p.kind == "out_of_range"


def test_a_fraction_typed_as_a_percentage_in_both_languages():
    exc = problems(Path(__file__).parent / "bad_inputs" / "deadweight_1_5.yaml")
    assert "1,5 mag niet: het moet een fractie tussen 0 en 1 (bijv. 0,4 voor 40%) zijn" in (
        exc.text("nl")
    )
    assert "Bedoelde u 1,5%? Schrijf 0,015." in exc.text("nl")
    assert "1.5 is not allowed: must be a fraction between 0 and 1" in exc.text("en")
    assert "Did you mean 1.5%? Write 0.015." in str(exc)  # the CLI's English, unchanged


@settings(max_examples=40, deadline=None)
@given(value=st.floats(1.01, 100, allow_nan=False).map(lambda v: round(v, 2)))
def test_any_percentage_where_a_fraction_belongs_gets_the_dutch_hint(value):
    from builders import base_case, outcome

    data = base_case()
    data["drivers"] = {
        "n": {
            "value": 1,
            "unit": "u",
            "year": 2024,
            "estimate": True,
            "reasoning": "test",
            "low": 1,
            "high": 1,
            "confidence": "low",
        }
    }
    data["outcomes"] = [outcome("o", "gem", ["n"], 10, deadweight=value)]
    with pytest.raises(LoadError) as err:
        case_from_data(data)
    dutch = err.value.text("nl")
    shown = f"{value:g}".replace(".", ",")
    assert f"{shown} mag niet" in dutch and f"Bedoelde u {shown}%?" in dutch


# -- every problem of every bad input is worded in Dutch from the catalogue -----------------

PROGRAMMES = sorted((Path(__file__).parent / "bad_programmes").glob("*.yaml"))
# words that give away an English message in a Dutch text (as whole words)
MARKERS = re.compile(
    r"\b(allowed|unknown|must|missing|duplicate|should|Input|got|cannot|required|"
    r"is not|does not|file not found|at most|at least)\b"
)


def assert_worded_in_dutch(problem) -> None:
    """The problem has a kind the catalogue words, and its Dutch is Dutch."""
    assert problem.kind and f"problem_{problem.kind}" in TEXTS, (problem.kind, str(problem))
    dutch = problem_message(problem.kind, problem.values, problem.message, "nl")
    english = problem_message(problem.kind, problem.values, problem.message, "en")
    assert dutch != english, dutch
    assert dutch != problem.message, dutch
    assert not MARKERS.search(dutch), dutch
    assert problem.text("nl").endswith(dutch)


def _load_problems(load, path):
    try:
        load(path)
    except LoadError as exc:
        return exc.problems
    return []


@pytest.mark.parametrize("path", BAD + PROGRAMMES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_problem_of_a_bad_file_is_worded_in_dutch(path):
    if path.name in ("expected.yaml", "valid_case.yaml", "valid_programme.yaml"):
        pytest.skip("not a bad input")
    load = load_programme if path.parent.name == "bad_programmes" else load_case
    found = _load_problems(load, path)
    assert found, path
    for problem in found:
        assert_worded_in_dutch(problem)


def test_the_overlap_conflict_includes_are_worded_in_dutch():
    found = _load_problems(
        load_case, Path(__file__).parent / "bad_inputs/overlap_conflict/case.yaml"
    )
    assert [p.kind for p in found] == ["defined_twice"]
    assert "ook, maar anders, gedefinieerd in" in found[0].text("nl")
    assert "also defined, differently, in" in str(found[0])  # the CLI's English, unchanged


def test_an_english_message_comes_from_the_same_entry_as_the_dutch():
    found = _load_problems(
        load_case, Path(__file__).parent / "bad_inputs/unknown_partner_payer.yaml"
    )
    [problem] = found
    assert problem.kind == "unknown_partner"
    assert problem.message == TEXTS["problem_unknown_partner"]["en"].format(
        ref="corporatie", allowed="woco, gem", roles="", external=""
    )
    assert "onbekende partner 'corporatie': geen partner heeft deze id of deze rol; " in (
        problem.text("nl")
    )


# -- a valid case broken at random -------------------------------------------------------------


def _valid_case() -> dict:
    from builders import base_case, cost, outcome, p

    data = base_case()
    data["drivers"] = {"n": p(10, 5, 20)}
    data["costs"] = [cost("c", "woco", 1000, quantity=["n"])]
    data["outcomes"] = [outcome("o", "gem", ["n"], 10)]
    return data


def _paths(node, trail=()):
    """Every (path, value) in the data, mappings and lists alike."""
    yield trail, node
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _paths(v, trail + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _paths(v, trail + (i,))


def _set(data, path, value):
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


WRONG = st.sampled_from(
    ["zestig", -1.0, -1e9, 1e15, 2.5, 0, True, None, [1, 2], {"x": 1}, "", "x" * 300, "Ünknown"]
)
REFERENCES = [
    ("costs", 0, "payer"),
    ("outcomes", 0, "pocket"),
    ("costs", 0, "quantity", 0),
    ("outcomes", 0, "quantity", 0),
    ("partners", 0, "role"),
]


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_case_broken_at_random_is_worded_in_dutch(data):
    case = _valid_case()
    case_from_data(copy.deepcopy(case))  # valid before it is broken
    how = data.draw(st.sampled_from(["wrong", "reference", "duplicate", "extra", "drop"]))
    leaves = [path for path, _ in _paths(case) if path]
    if how == "wrong":
        _set(case, data.draw(st.sampled_from(leaves)), data.draw(WRONG))
    elif how == "reference":
        ref = data.draw(st.sampled_from(["nobody", "gem", "woco", "n", "Not An Id"]))
        _set(case, data.draw(st.sampled_from(REFERENCES)), ref)
    elif how == "duplicate":
        section = data.draw(st.sampled_from(["partners", "costs", "outcomes"]))
        case[section].append(copy.deepcopy(case[section][0]))
    elif how == "extra":
        path = data.draw(st.sampled_from([p for p, v in _paths(case) if isinstance(v, dict)]))
        node = case
        for step in path:
            node = node[step]
        node[data.draw(st.sampled_from(["payr", "indexation", "unused"]))] = 1
    else:
        path = data.draw(st.sampled_from(leaves))
        node = case
        for step in path[:-1]:
            node = node[step]
        del node[path[-1]]
    try:
        case_from_data(case)
    except LoadError as exc:
        for problem in exc.problems:
            assert_worded_in_dutch(problem)
