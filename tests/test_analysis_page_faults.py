"""The Scenario's and Onzekerheid pages when the store or a setting cannot be used: the page
opens, shows the reason inline (in Dutch, or English), and keeps what it had."""

import sqlite3
from pathlib import Path

import pytest

from businesscase import load_case
from businesscase.scenarios import ScenarioStore, database
from dashboards.state import CaseState
from dashboards.views.analysis import ScenariosPage, UncertaintyPage

VALID = Path(__file__).resolve().parent / "bad_inputs" / "valid_case.yaml"


@pytest.fixture
def state():
    return CaseState(case_file=str(VALID))


def store_url(tmp_path, kind):
    if kind == "text_file":
        path = tmp_path / "scenarios.db"
        path.write_text("geen database")
        return str(path), f"{path} is geen scenariodatabase"
    if kind == "missing_folder":
        path = tmp_path / "weg" / "scenarios.db"
        return str(path), f"de map {tmp_path / 'weg'} bestaat niet"
    if kind == "no_driver":
        return "postgresql://ans@db.example/plans", "pip install psycopg"
    return "nonsense://x", "database-URL nonsense://x is onbruikbaar"


@pytest.mark.parametrize("kind", ["text_file", "missing_folder", "no_driver", "bad_url"])
def test_a_store_that_cannot_be_opened_leaves_the_page_working(kind, state, tmp_path, monkeypatch):
    """Before: the page (and so the dashboard) failed to build."""
    url, words = store_url(tmp_path, kind)
    monkeypatch.setenv("BUSINESSCASE_DATABASE_URL", url)
    page = ScenariosPage(state=state)
    assert words in page.feedback.object and "bc-neg" in page.feedback.object
    assert page.listing.options == {} and page.save_new.disabled and page.save_version.disabled
    page.name_input.value = "Plan A"
    page._save()  # a click that got through says the same, nothing else happens
    assert words in page.feedback.object
    state.lang = "en"
    page._refresh()
    assert "scenario database" in page.feedback.object or "database URL" in page.feedback.object


def test_a_locked_store_is_said_inline_and_loses_nothing(state, tmp_path):
    path = tmp_path / "s.db"
    state = CaseState(case_file=str(VALID), store=ScenarioStore(path, lock_timeout=0.3))
    page = ScenariosPage(state=state)
    page.name_input.value = "Plan A"
    page._save()
    assert "data-key='saved'" in page.feedback.object
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        page._save(as_new_version=True)
        assert f"scenariodatabase {path} is vergrendeld" in page.feedback.object
        assert "niets opgeslagen" in page.feedback.object
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [v.number for v in state.store.versions(state.scenario_id)] == [1]


def test_a_full_store_is_said_inline(state, tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    state = CaseState(case_file=str(VALID), store=ScenarioStore(path))
    page = ScenariosPage(state=state)
    page.name_input.value = "Plan A"
    page._save()
    plain = database.sqlite_pragmas

    def no_room(con, writable):
        plain(con, writable)
        con.execute(f"PRAGMA max_page_count={con.execute('PRAGMA page_count').fetchone()[0]}")

    monkeypatch.setattr(database, "sqlite_pragmas", no_room)
    state.store.engine.dispose()  # new connections get the limit
    page._save(as_new_version=True)
    assert "de schijf is vol" in page.feedback.object
    assert "eerdere versies zijn intact" in page.feedback.object


def test_two_scenarios_of_one_name_both_show_and_compare(state, tmp_path):
    state = CaseState(case_file=str(VALID), store=ScenarioStore(tmp_path / "s.db"))
    page = ScenariosPage(state=state)
    page.name_input.value = "Plan"
    page._save()
    first = state.scenario_id
    page._save()  # the same name, the same minute
    assert len(page.listing.options) == 2
    page.to_compare.value = list(page.listing.options.values())
    page._compare()
    assert page.comparison.object.count('data-col="social_npv"') == 2
    assert f"#{first} " in page.comparison.object


@pytest.mark.parametrize("draws", [None, 0, -5, 10**12])
def test_draws_outside_the_rule_are_refused_inline_and_the_last_run_stays(
    draws, state, monkeypatch
):
    import businesscase.uncertainty.limits as limits

    monkeypatch.setattr(limits, "available_memory", lambda: 2 << 30)  # 2 GB free
    top = limits.advised_draws(limits.max_draws(state.case, 2 << 30))
    assert top > 1000
    page = UncertaintyPage(state=state)
    page.draws.value = 150
    page._run_mc()
    last = state.montecarlo
    page.draws.value = draws  # an emptied field, or a value sent past the widget's limits
    page._run_mc()
    shown = page.summary.object
    assert "bc-neg" in shown and "trekkingen" in shown, shown
    assert f"{top:,}".replace(",", ".") in shown  # the maximum for this case, in Dutch
    assert state.montecarlo is last and state.current_montecarlo() is last.result


def test_a_bug_in_a_run_is_a_sentence_and_a_log_line(state, monkeypatch, caplog):
    import dashboards.state.uncertainty as analyses

    def broken(*_a, **_k):
        raise KeyError("planted")

    monkeypatch.setattr(analyses, "monte_carlo", broken)
    page = UncertaintyPage(state=state)
    page._run_mc()
    assert "intern iets mis" in page.summary.object and "planted" not in page.summary.object
    assert any("planted" in (r.exc_text or "") or r.exc_info for r in caplog.records)


def test_the_store_in_use_is_read_after_a_fault(state, tmp_path):
    path = tmp_path / "s.db"
    store = ScenarioStore(path)
    store.save("Plan A", load_case(VALID))
    page = ScenariosPage(state=CaseState(case_file=str(VALID), store=store))
    assert list(page.listing.options) and "bc-neg" not in page.feedback.object


def test_a_read_only_store_lists_and_opens_but_offers_no_save(state, tmp_path, monkeypatch):
    path = tmp_path / "s.db"
    ScenarioStore(path).save("Plan A", load_case(VALID), notes="agreed")
    before = path.read_bytes()
    # As if the file were not ours to write (root may write anything): sqlite's mode=ro
    # then holds even for root.
    monkeypatch.setattr(database.os, "access", lambda _p, mode: not mode & database.os.W_OK)
    state = CaseState(case_file=str(VALID), store=ScenarioStore(path))
    page = ScenariosPage(state=state)
    assert state.store.read_only
    assert "is alleen-lezen: bekijken, openen en exporteren werken" in page.feedback.object
    assert page.save_new.disabled and page.save_version.disabled
    assert list(page.listing.options.values()) == [1]
    page.listing.value = 1
    page.versions.value = (1, 1)
    page._open()
    assert "data-key='opened'" in page.feedback.object
    page.name_input.value = "Plan B"
    page._save()  # a click that got through
    assert "is alleen-lezen, dus er is niets opgeslagen" in page.feedback.object
    assert path.read_bytes() == before


def test_the_whole_dashboard_builds_with_a_broken_store(tmp_path, monkeypatch):
    """Before: building a session failed with 'file is not a database'."""
    import dashboards.app as app_module

    made = []

    class Recorded(ScenariosPage):
        def __init__(self, **params):
            super().__init__(**params)
            made.append(self)

    monkeypatch.setattr(app_module, "ScenariosPage", Recorded)
    bad = tmp_path / "scenarios.db"
    bad.write_text("dit is een notitie, geen database")
    monkeypatch.setenv("BUSINESSCASE_DATABASE_URL", str(bad))
    assert app_module.create_app(str(VALID)) is not None
    assert len(made) == 1 and "geen scenariodatabase" in made[0].feedback.object
    assert bad.read_text() == "dit is een notitie, geen database"
