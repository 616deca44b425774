"""The themes page's state: a programme opened in a session, one theme on the pages, each
theme keeping its own inputs, and the matrix of every theme split with its own inputs."""

from __future__ import annotations

import pandas as pd
import pytest

from businesscase import evaluate
from businesscase.io import assumptions_dir
from businesscase.programme import load_programme, programme_split, theme_case
from businesscase.text import t
from dashboards.state import CaseState, case_files

FILE = assumptions_dir() / "programmes" / "zuidoost_illustrative.yaml"
PROGRAMME = load_programme(FILE)
FIRST, SECOND = PROGRAMME.theme_ids[:2]
RATE = "economics.social_discount_rate"


def npv(case) -> float:
    return float(evaluate(case).totals["social_npv"])


@pytest.fixture
def state() -> CaseState:
    return CaseState(case_file=str(FILE))


def a_leaver(theme_id: str) -> str:
    return next(
        p for p in PROGRAMME.theme(theme_id).participants if p not in PROGRAMME.flowless(theme_id)
    )


def test_the_programme_is_offered_and_opens_on_its_first_theme(state):
    assert case_files()[PROGRAMME.meta.name] == str(FILE)
    assert state.programme is not None and state.theme == FIRST
    assert state.case.partner_ids == theme_case(PROGRAMME, FIRST).partner_ids
    assert state.result.totals["social_npv"] == pytest.approx(npv(theme_case(PROGRAMME, FIRST)))


def test_leaving_a_theme_and_switching_themes_keeps_each_themes_inputs(state):
    leaver = a_leaver(FIRST)
    state.set_taking_part([p for p in state.case.partner_ids if p != leaver])
    gone = npv(theme_case(PROGRAMME, FIRST, [leaver]))
    assert state.result.totals["social_npv"] == pytest.approx(gone)
    state.choose_theme(SECOND)
    assert state.absent == []
    assert state.result.totals["social_npv"] == pytest.approx(npv(theme_case(PROGRAMME, SECOND)))
    state.set_value(RATE, "3%")
    state.choose_theme(FIRST)
    assert state.absent == [leaver] and RATE not in state.changes
    assert state.result.totals["social_npv"] == pytest.approx(gone)
    split = state.programme_now()
    expected = programme_split(PROGRAMME, absent={FIRST: [leaver]})
    pd.testing.assert_frame_equal(split.themes[FIRST].table, expected.themes[FIRST].table)
    for tid in PROGRAMME.theme_ids[2:]:
        pd.testing.assert_frame_equal(split.themes[tid].table, expected.themes[tid].table)
    # The second theme is split with its own 3% rate, which the plain programme has not.
    assert (
        not split.themes[SECOND]
        .table["net_after"]
        .equals(expected.themes[SECOND].table["net_after"])
    )


def test_the_matrix_says_who_joins_pays_and_gains(state):
    leaver = a_leaver(FIRST)
    state.set_taking_part([p for p in state.case.partner_ids if p != leaver])
    split = state.programme_now()
    matrix = state.theme_matrix(split).set_index("partner")
    in_a_theme = [
        p for p in PROGRAMME.partner_ids if any(p in th.participants for th in PROGRAMME.themes)
    ]
    assert len(matrix) == len(in_a_theme)
    first = PROGRAMME.theme(FIRST).name("nl")
    joins = f"{first} · {t('theme_joins', 'nl')}"
    assert matrix.loc[PROGRAMME.partner(leaver).name("nl"), joins] == t("theme_status_left", "nl")
    outside = [p for p in PROGRAMME.partner_ids if p not in in_a_theme]
    assert state.outside_every_theme(split) == [PROGRAMME.partner(p).name("nl") for p in outside]


def test_a_case_file_after_a_programme_is_a_plain_case_again(state):
    state.case_file = str(assumptions_dir() / "meeting_space.yaml")
    assert state.programme is None and state.theme == "" and state.programme_now() is None
