"""The dashboard's state derives, its views render (issue 13, point 3).

The set-up page shows the model's values and never turns its own display into an edit; the
analyses, the store and the comparison belong to the session's state; and no view imports a
core package that computes."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import param
import pytest
import yaml
from builders import ASSUMPTIONS, ROOT, base_case, cost
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.scenarios import ScenarioStore, compare
from businesscase.uncertainty import break_even, monte_carlo, tornado
from dashboards.state import CaseState
from dashboards.views.inputs import SetupPage

RATE, HORIZON, START_YEAR, DWELLINGS = (
    "economics.social_discount_rate",
    "meta.horizon",
    "meta.start_year",
    "drivers.dwellings",
)
CASES = sorted(str(p) for p in ASSUMPTIONS.glob("*.yaml"))
MEETING = str(ASSUMPTIONS / "meeting_space.yaml")
SLOW = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# A horizon and a start year a case may have: the shipped cases' price year (2024) must lie
# within the years of the case, or the core refuses them (which another test covers).
META = st.integers(1, 50).flatmap(
    lambda h: st.tuples(st.just(h), st.integers(max(1990, 2025 - h), 2100))
)


def shown_setup(case_file: str | None = None, **state_params) -> tuple[CaseState, SetupPage]:
    state = CaseState(case_file=case_file or MEETING, **state_params)
    page = SetupPage(state=state)
    page.set_active(True)  # the page on screen refreshes at once
    return state, page


def move_slider(slider, value: int) -> None:
    """What the browser sends when the user lets go of a slider (Panel's throttled mode:
    both values, as Panel applies a browser event, past the throttled value's constancy)."""
    with param.edit_constant(slider):
        slider.param.update(value=value, value_throttled=value)


def case_with(path: str, **fields):
    """The loaded case with some values set directly on it: the expected case, built
    without the dashboard's edits."""
    case = load_case(path)
    for key, value in fields.items():
        if key.startswith("meta."):
            setattr(case.meta, key.split(".", 1)[1], value)
        else:
            case.parameter(key).value = value
    return case


def widget_values(page: SetupPage) -> dict:
    return {
        HORIZON: page.horizon.value,
        START_YEAR: page.start_year.value,
        DWELLINGS: page.dwellings.value,
        RATE: page.rate.value,
    }


def model_values(path: str) -> dict:
    case = load_case(path)
    return {
        HORIZON: case.meta.horizon,
        START_YEAR: case.meta.start_year,
        DWELLINGS: int(case.parameter(DWELLINGS).value),
        RATE: None,
    }  # the rate's text is checked by its round trip below


# -- the discount rate round trip ---------------------------------------------------------------


def test_a_rate_of_0_02125_stays_0_02125_and_the_npv_is_the_cores():
    """Before: the page showed 2,13% (two decimals), its watcher took that back as the
    user's value, and the NPV was computed at 0,0212."""
    state, page = shown_setup()
    page.rate.value = "2,125%"  # typed by the user
    assert state.changes == {RATE: 0.02125}
    assert state.current_value(RATE) == 0.02125
    expected = evaluate(case_with(MEETING, **{RATE: 0.02125})).totals["social_npv"]
    assert state.result.totals["social_npv"] == expected
    assert page.rate.value == "2,125%"
    version = state.version
    page._refresh()
    state.lang = "en"  # a refresh in another number format is no edit either
    assert page.rate.value == "2.125%"
    assert state.changes == {RATE: 0.02125} and state.version == version


@SLOW
@given(rate=st.floats(0.001, 0.09, allow_nan=False), lang=st.sampled_from(["nl", "en"]))
def test_any_typed_rate_is_kept_exactly_and_refreshing_changes_nothing(rate, lang):
    state, page = shown_setup()
    state.lang = lang
    typed = repr(rate).replace(".", ",") if lang == "nl" else repr(rate)
    page.rate.value = typed
    assert state.current_value(RATE) == rate
    version, changes = state.version, dict(state.changes)
    page._refresh()
    state.lang = "en" if lang == "nl" else "nl"
    assert state.version == version and state.changes == changes
    assert (
        state.result.totals["social_npv"]
        == evaluate(case_with(MEETING, **{RATE: rate})).totals["social_npv"]
    )


def test_showing_the_page_makes_no_change():
    state, page = shown_setup()
    version = state.version
    page._refresh()
    state.lang = "en"
    page.set_active(False)
    page.set_active(True)
    assert state.changes == {} and state.version == version


# -- the stale set-up page ------------------------------------------------------------------------


@SLOW
@given(files=st.permutations(CASES).map(lambda c: c[:2]), meta=META, dwellings=st.integers(5, 400))
def test_after_another_case_is_opened_every_widget_shows_its_values(files, meta, dwellings):
    """Before: horizon, start year and dwellings kept case A's edited values."""
    (a, b), (horizon, start_year) = files, meta
    state, page = shown_setup(a)
    move_slider(page.horizon, horizon)
    page.start_year.value = start_year
    move_slider(page.dwellings, dwellings)
    page.rate.value = "3,1%"
    assert state.current_value(HORIZON) == horizon
    assert state.current_value(DWELLINGS) == dwellings
    page.case_select.value = b  # the user picks case B
    assert state.case_file == b and state.changes == {}
    expected = model_values(b)
    shown = widget_values(page)
    assert {k: shown[k] for k in (HORIZON, START_YEAR, DWELLINGS)} == {
        k: expected[k] for k in (HORIZON, START_YEAR, DWELLINGS)
    }
    assert page.rate.value == "2,25%" and state.current_value(RATE) == 0.0225
    assert page.case_select.value == b


def shipped_with(path: str, horizon: int, start_year: int) -> bytes:
    """A shipped case with its own horizon and start year (a combined case, which takes
    them from the cases it includes, gets them in its own meta)."""
    text = Path(path).read_text(encoding="utf-8")
    for field, value in (("horizon", horizon), ("start_year", start_year)):
        text, found = re.subn(rf"(?m)^  {field}: \d+$", f"  {field}: {value}", text)
        if not found:
            text = re.sub(r"(?m)^meta:\n", f"meta:\n  {field}: {value}\n", text, count=1)
    return text.encode("utf-8")


@SLOW
@given(path=st.sampled_from(CASES), meta=META, edited=st.integers(1, 50))
def test_after_an_upload_every_widget_shows_the_uploaded_values(path, meta, edited):
    (horizon, start_year) = meta
    state, page = shown_setup()
    move_slider(page.horizon, edited)
    page._upload(shipped_with(path, horizon, start_year), "plan.yaml")
    assert state.message == "" and state.base.meta.horizon == horizon
    assert page.horizon.value == horizon and page.start_year.value == start_year
    assert state.current_value(HORIZON) == horizon and state.changes == {}
    # A value the user then picks is what the model gets, and what the widget keeps.
    move_slider(page.horizon, edited)
    assert state.current_value(HORIZON) == edited == page.horizon.value


@pytest.fixture
def case_without_dwellings(tmp_path) -> str:
    data = base_case(horizon=7, start_year=2031)
    data["costs"] = [cost("rent", "woco", 1000)]
    path = tmp_path / "no_dwellings.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_a_case_without_dwellings_shows_the_set_up_page(case_without_dwellings):
    """Before: SetupPage raised KeyError: 'drivers.dwellings'."""
    state, page = shown_setup(case_without_dwellings)
    assert not page.dwellings.visible
    assert page.horizon.value == 7 and page.start_year.value == 2031
    move_slider(page.horizon, 9)
    assert state.changes == {HORIZON: 9}
    assert (
        state.result.totals["social_npv"]
        == evaluate(case_with(case_without_dwellings, **{HORIZON: 9})).totals["social_npv"]
    )


def test_dwellings_come_back_with_a_case_that_has_them(case_without_dwellings):
    state, page = shown_setup(MEETING)
    move_slider(page.dwellings, 120)
    state.case_file = case_without_dwellings
    assert not page.dwellings.visible and page.horizon.value == 7
    state.case_file = MEETING
    assert page.dwellings.visible and page.dwellings.value == 60 and state.changes == {}


# -- the analyses, the store and the comparison are the state's ------------------------------------


def test_the_analyses_are_the_states_and_two_sessions_share_none(tmp_path):
    a = CaseState(case_file=MEETING, store=ScenarioStore(tmp_path / "a.db"))
    b = CaseState(case_file=MEETING, store=ScenarioStore(tmp_path / "b.db"))
    assert a.run_monte_carlo(300, 7) is None
    expected = monte_carlo(a.case, 300, 7, basis=a.basis, method=a.method).summary()
    assert a.current_montecarlo().summary().equals(expected)
    assert b.montecarlo is None and b.current_montecarlo() is None

    a.tornado_partner = "gemeente"
    core = tornado(a.case, "net_position", "gemeente").head(15)
    assert a.tornado.frame.equals(core) and a.tornado.partner == "gemeente"
    assert a.tornado.base == float(a.result.by_partner.loc["gemeente", "net_position"])
    assert b.tornado.partner == "" and b.tornado.base == float(b.result.totals["social_npv"])

    key = "outcomes.less_loneliness.deadweight"
    assert a.find_break_even(key, "social_npv", None) is None
    assert a.break_even.value == break_even(a.case, key, "social_npv", None)
    assert b.break_even is None

    a.set_value("drivers.room_area", "90")
    assert a.save_scenario("Plan A") is None and a.scenario_id is not None
    assert a.save_scenario("Plan A", as_new_version=True) is None
    assert a.scenario.number == 2
    a.reset()
    assert a.save_scenario("Plan B") is None
    listing, problem = a.scenario_listing()
    assert problem is None and len(listing) == 2
    assert b.scenario_listing() == ({}, None) and b.scenario is None
    assert a.compare_scenarios(list(listing.values())) is None
    opened = [a.store.open(sid) for sid in listing.values()]
    core = compare([(f"#{v.scenario_id} {v.label}", c) for c, v in opened], a.method, a.basis)
    assert a.comparison.equals(core.sort_values("rank"))
    assert b.comparison is None
    # A new Monte Carlo run in one session leaves the other's alone.
    assert b.run_monte_carlo(200, 1) is None
    assert a.montecarlo.result.n == 300 and b.montecarlo.result.n == 200


def test_the_headline_corporation_is_decided_by_the_state(case_without_dwellings):
    assert CaseState(case_file=MEETING).corporation == "woningcorporatie"
    assert CaseState(case_file=case_without_dwellings).corporation == "woco"


def test_the_exports_come_from_the_state():
    s = CaseState(case_file=MEETING)
    assert s.workbook_bytes()[:2] == b"PK"  # a zip: the xlsx
    assert "<html" in s.report_html().lower() and "<html" in s.agreements_html().lower()


# -- no view computes ---------------------------------------------------------------------------

COMPUTING = ("engine", "allocation", "uncertainty", "scenarios", "io", "export", "cli")


def forbidden_imports(path: Path) -> list[str]:
    """Imports of a view that reach the core past the state: the package root (it re-exports
    the engine and the loader) or a computing package."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] != "businesscase":
                continue
            if len(parts) == 1 or parts[1] in COMPUTING:
                found.append(f"{path.name}:{node.lineno} {name}")
    return found


def test_no_view_imports_a_computing_core_package():
    views = sorted((ROOT / "dashboards" / "views").glob("*.py"))
    assert len(views) >= 6
    assert [f for v in views for f in forbidden_imports(v)] == []


def test_the_import_rule_sees_every_form(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import businesscase.engine\nfrom businesscase import evaluate\n"
        "from businesscase.uncertainty import tornado\n"
        "from businesscase.text import t\nfrom businesscase.model import Case\n"
        "from dashboards.state import CaseState\nfrom .safe import esc\n"
    )
    assert [f.split(" ")[1] for f in forbidden_imports(sample)] == [
        "businesscase.engine",
        "businesscase",
        "businesscase.uncertainty",
        "businesscase.uncertainty.tornado",
    ]
