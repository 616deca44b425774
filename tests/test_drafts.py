"""Work is never lost: a session's inputs are kept as a draft under a key, and a new
session with that key reopens exactly the same state."""

from __future__ import annotations

import pandas as pd
import pytest
from builders import ASSUMPTIONS
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from businesscase.model import UserError
from businesscase.scenarios import ScenarioStore
from dashboards.state import CaseState
from dashboards.state.drafts import DRAFT_INPUTS


@pytest.fixture
def store(tmp_path):
    return ScenarioStore(tmp_path / "scenarios.db")


def same_state(a: CaseState, b: CaseState):
    for name in DRAFT_INPUTS:
        assert getattr(a, name) == getattr(b, name), name
    assert b.result.totals.to_dict() == pytest.approx(a.result.totals.to_dict(), nan_ok=True)
    pd.testing.assert_frame_equal(b.allocation.table, a.allocation.table)


def test_a_new_session_with_the_key_reopens_the_inputs(store):
    a = CaseState(store=store)
    key = a.start_draft()
    a.set_value("drivers.dwellings", "80")
    a.set_value("economics.social_discount_rate", "3%")
    a.absent = ["zorgverzekeraar"]
    a.method, a.basis = "nucleolus", "societal"
    a.proposal_unit = "percent"
    a.proposal = {"gemeente": "40", "woningcorporatie": "60%"}
    a.rename("gemeente", "Gemeente Emmen", "Emmen")
    a.lang = "en"
    b = CaseState(store=store)
    assert b.start_draft(key) == key
    same_state(a, b)
    assert b.case.partner("gemeente").name("nl") == "Gemeente Emmen"


def test_a_draft_holds_an_uploaded_case_and_a_programme_theme(store):
    a = CaseState(store=store)
    key = a.start_draft()
    data = (ASSUMPTIONS / "community_builder.yaml").read_bytes()
    assert a.import_file(data, "mijn_wijk.yaml") is None or a.message
    a.set_value("drivers.cb_fte", "0,4")
    b = CaseState(store=store)
    b.start_draft(key)
    same_state(a, b)
    programme = next(v for v in a.files.values() if "programmes" in v)
    c = CaseState(store=store)
    key = c.start_draft()
    c.case_file = programme
    third = list(c.theme_options().values())[2]
    c.choose_theme(third)
    c.set_value("drivers.dwellings", "90")
    d = CaseState(store=store)
    d.start_draft(key)
    assert d.theme == third and d.case_file == programme
    same_state(c, d)


def test_a_draft_cannot_name_a_server_file(store, tmp_path):
    a = CaseState(store=store)
    key = a.start_draft()
    inputs = a.draft_inputs() | {"case_file": "/etc/passwd", "changes": {}}
    store.save_draft(key, inputs)
    b = CaseState(store=store)
    b.start_draft(key)
    assert b.case_file == a.case_file  # only an offered file is opened


def test_bad_keys_start_a_fresh_draft(store):
    for bad in ("", "short", "../../etc/passwd", "x" * 65, "a b c d e f g h i j"):
        s = CaseState(store=store)
        key = s.start_draft(bad)
        assert key != bad and len(key) >= 16
    with pytest.raises(UserError):
        store.save_draft("../../x", {})


def test_a_store_without_the_draft_table_still_opens_and_gets_it(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    ScenarioStore(path)
    with sqlite3.connect(path) as con:
        con.execute("DROP TABLE session_draft") if con.execute(
            "SELECT name FROM sqlite_master WHERE name='session_draft'"
        ).fetchone() else None
    store = ScenarioStore(path)
    assert store.open_draft("a" * 20) is None
    store.save_draft("a" * 20, {"changes": {}})
    assert store.open_draft("a" * 20).inputs == {"changes": {}}


@settings(
    max_examples=5,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_random_inputs_survive(store, data):
    a = CaseState(store=store)
    key = a.start_draft()
    partners = a.case.partner_ids
    a.absent = data.draw(st.lists(st.sampled_from(partners), max_size=2, unique=True))
    a.method = data.draw(st.sampled_from(["shapley", "nucleolus", "equal_surplus", "as_is"]))
    dwellings = data.draw(st.integers(30, 120))
    a.set_value("drivers.dwellings", str(dwellings))
    a.proposal = {p: str(data.draw(st.integers(0, 30_000))) for p in a.allocation.table.index}
    b = CaseState(store=store)
    b.start_draft(key)
    same_state(a, b)
