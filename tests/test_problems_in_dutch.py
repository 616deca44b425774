"""Problems in the user's input speak the interface's language (issue 15, point 5): the
place (file, line, field) and, for the problems a case file most often has, the message
and what is allowed, from the catalogue in Dutch and English. The English message, which
the CLI prints, stays as it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase.io import load_case
from businesscase.io.validate import case_from_data
from businesscase.model import LoadError

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
