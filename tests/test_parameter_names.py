"""Parameters are named in words, not keys: an own label wins, a line's field is named by
its line and the field's word, names are distinct, and a search finds a name's words."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase.io import load_case
from businesscase.io.loader import default_case_path
from businesscase.model import Label, matches_parameter, parameter_label, parameter_labels
from businesscase.model.edits import parameter_table
from businesscase.text import t

CASE = load_case(default_case_path())
# A line with an amount of its own (others take theirs from a driver).
LINE = next(c for c in CASE.costs if any(k == f"costs.{c.id}.amount" for k, _ in CASE.parameters()))


def test_a_line_field_is_named_by_its_line_and_the_field_word():
    line = LINE
    assert parameter_label(CASE, f"costs.{line.id}.amount") == (
        f"{line.label('nl')}: {t('field_amount', 'nl')}"
    )
    assert parameter_label(CASE, f"costs.{line.id}.amount", "en") == (
        f"{line.label('en')}: {t('field_amount', 'en')}"
    )


def test_an_own_label_wins_and_an_unknown_key_is_itself():
    case = CASE.model_copy(deep=True)
    case.drivers["dwellings"].label = Label(nl="Aantal woningen", en="Number of dwellings")
    assert parameter_label(case, "drivers.dwellings") == "Aantal woningen"
    assert parameter_label(case, "drivers.dwellings", "en") == "Number of dwellings"
    assert parameter_label(case, "drivers.no_such_thing") == "drivers.no_such_thing"


words = st.text(alphabet="abcdé XY", min_size=1, max_size=8).filter(str.strip)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(words, min_size=len(CASE.costs), max_size=len(CASE.costs)))
def test_names_are_distinct_whatever_the_user_calls_the_lines(names):
    """Users label lines alike ("Huur", "Huur"): every parameter still gets its own name,
    and each name still contains its line's label."""
    case = CASE.model_copy(deep=True)
    for line, name in zip(case.costs, names, strict=True):
        line.label = Label(nl=name, en=name)
    shown = parameter_labels(case)
    assert len(set(shown.values())) == len(shown)
    for key, name in shown.items():
        if key.startswith("costs."):
            assert (
                case.costs[[c.id for c in case.costs].index(key.split(".")[1])].label("nl") in name
            )


def test_search_matches_every_word_of_the_name_or_the_key():
    assert matches_parameter("maanden UITSTEL", "drivers.x", "Maanden uitstel van opname")
    assert matches_parameter("drivers.x", "drivers.x", "Iets anders")
    assert not matches_parameter("maanden jaren", "drivers.x", "Maanden uitstel")


def test_the_assumption_table_shows_names_and_dutch_grades():
    table = parameter_table(CASE, CASE, "nl")
    row = table.set_index("key").loc[f"costs.{LINE.id}.amount"]
    assert row["name"].startswith(LINE.label("nl"))
    assert set(table.confidence) <= {"hoog", "midden", "laag"}
    assert set(parameter_table(CASE, CASE, "en").confidence) <= {"high", "medium", "low"}


def test_searching_a_dutch_word_finds_the_parameter_by_its_label():
    """The reviewer's case: "maanden" found nothing while only keys were searched."""
    case = load_case(default_case_path().parent / "care_in_complex.yaml")
    table = parameter_table(case, case, "nl")
    found = {
        k
        for k, n, g in zip(table.key, table.name, table.group)
        if matches_parameter("maanden", k, f"{n} {g}")
    }
    assert "drivers.cic_months_delayed" in found
    assert all("maanden" in parameter_label(case, k).lower() for k in found)
