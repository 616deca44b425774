"""Many partners in a session: added in bulk with a role and share, flowless ones kept out of
the per-partner views and sheets, and the participants list. Expected figures come from the
core on the case without the added partners (a role's flows split by hand by the shares)."""

import pytest
from builders import ASSUMPTIONS, partners35
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.allocation import allocate, default_participants
from businesscase.export import agreements_html
from businesscase.model.edits import apply_changes
from dashboards.state import CaseState

CASE = str(ASSUMPTIONS / "meeting_space.yaml")
BASE = evaluate(load_case(CASE)).by_partner


def test_a_pasted_partner_with_a_role_carries_its_share_of_the_role_at_once():
    s = CaseState(case_file=CASE)
    # Woningcorporatie keeps share 1; Woonstad 0,5: a third of the corporation's flows.
    assert s.import_partner_text("Woonstad\twoningcorporatie\t0,5\nBuurtclub\t\t\n") is None
    bp = s.result.by_partner
    corp = BASE.loc["woningcorporatie"]
    for column in ("pv_costs", "pv_benefits", "net_position"):
        assert bp.loc["woonstad", column] == pytest.approx(corp[column] / 3, abs=0.01)
        assert bp.loc["woningcorporatie", column] == pytest.approx(2 * corp[column] / 3, abs=0.01)
    assert s.result.totals["social_npv"] == pytest.approx(BASE.net_position.sum(), abs=0.01)
    # The default case's care provider has no line either; both are listed once.
    assert s.result.without_flows == ["zorgaanbieder", "buurtclub"]
    assert s.without_flows_names() == ["Zorgaanbieder", "Buurtclub"]


def test_a_bad_list_adds_nobody_and_names_line_and_field():
    s = CaseState(case_file=CASE)
    error = s.import_partner_text("Woonstad;woningcorporatie;1\nBank;bank;1\nGemeente;gemeente")
    assert error is not None
    assert "lijst, regel 2: veld role: onbekende rol 'bank': toegestaan zijn " in error
    assert "lijst, regel 3: veld name: 'Gemeente' is al in gebruik (een bestaande partner)" in error
    assert s.added == [] and len(s.case.partners) == 7


def test_changing_role_and_share_of_a_partner_is_an_input_and_a_zero_role_is_refused():
    s = CaseState(case_file=CASE)
    s.import_partner_text("Gemeente Oost;gemeente;1")
    gem = BASE.loc["gemeente", "net_position"]
    assert s.set_role("gemeente_oost", "gemeente", 3.0) is None
    assert s.roles == {"gemeente_oost": ("gemeente", 3.0)}
    assert s.result.by_partner.loc["gemeente_oost", "net_position"] == pytest.approx(
        0.75 * gem, abs=0.01
    )
    assert s.set_role("gemeente_oost", "gemeente", 0.0) is None
    error = s.set_role("gemeente", "", 0.0)  # both shares 0: refused, the last one kept
    assert error and "add up to 0" in error
    assert s.roles == {"gemeente_oost": ("gemeente", 0.0)}
    assert s.result.by_partner.loc["gemeente", "net_position"] == pytest.approx(gem, abs=0.01)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(0.01, 100), min_size=1, max_size=4))
def test_the_partners_of_a_role_carry_it_in_proportion_to_their_shares(shares):
    s = CaseState(case_file=CASE)
    text = "".join(f"Welzijn {i}\twelzijnsorganisatie\t{v!r}\n" for i, v in enumerate(shares))
    assert s.import_partner_text(text) is None
    total = 1.0 + sum(shares)  # the original partner keeps share 1
    whole = BASE.loc["welzijnsorganisatie", "net_position"]
    bp = s.result.by_partner.net_position
    for i, v in enumerate(shares):
        assert bp[f"welzijn_{i}"] == pytest.approx(whole * v / total, rel=1e-9, abs=1e-6)
    assert bp["welzijnsorganisatie"] == pytest.approx(whole / total, rel=1e-9, abs=1e-6)


def big_session():
    from dashboards.app import create_app

    app = create_app(case_file=CASE)
    app.state.added = partners35()
    assert not app.state.message
    return app


def test_flowless_partners_are_kept_out_of_charts_tables_meeting_and_sheets():
    app = big_session()
    s = app.state
    assert len(s.case.partners) == 35
    hidden = s.result.without_flows
    # 5 added care providers and the original, and the 10 without a role.
    assert len(hidden) == 16 and "partner_2" in hidden and "zorgaanbieder_6" in hidden
    results = app.pages[2]
    results.set_active(True)
    shown = set(results.partner_chart.source.data["partner"])
    names = {s.case.partner(p).name("nl") for p in hidden}
    assert len(shown) == 35 - 16 + 1  # and the money from outside
    assert not shown & names
    assert 'data-row="partner_2"' not in results.partner_table.object
    assert "Zonder geldstromen: Zorgaanbieder, " in results.without_flows.object
    meeting = next(p for p in app.pages if type(p).__name__ == "MeetingPage")
    meeting.set_active(True)
    sheets = agreements_html(s.result, s.allocation, "nl")
    for pid in hidden:
        assert f'data-row="{pid}"' not in meeting.split.object
        assert pid not in meeting.taking_part.options.values()
        assert s.case.partner(pid).name("nl") not in meeting.partner_chart.source.data["partner"]
        assert s.case.partner(pid).name("nl") not in sheets
    assert s.case.partner("bewoners_3").name("nl") in sheets


def test_the_participants_list_holds_the_partners_with_flows_and_an_untick_counts():
    app = big_session()
    s, split = app.state, app.pages[3]
    split.set_active(True)
    df = split.participants.value
    assert len(df) == 19 and df.takes_part.all()
    assert not set(df.id) & set(s.result.without_flows)
    before = s.allocation.table.fair_contribution.copy()
    df = df.copy()
    df.loc[df.id == "welzijnsorganisatie_2", "takes_part"] = False
    split.participants.value = df
    split._on_participant(type("Edit", (), {"column": "takes_part"})())
    assert s.absent == ["welzijnsorganisatie_2"]
    expected = evaluate(
        apply_changes(load_case(CASE), {}, added=partners35(), absent=["welzijnsorganisatie_2"])
    )
    # Who takes part changes the split, not the societal balance (the case's flows stay).
    assert s.result.totals["social_npv"] == pytest.approx(expected.totals["social_npv"], abs=0.005)
    assert "welzijnsorganisatie_2" in before.index
    assert "welzijnsorganisatie_2" not in s.allocation.table.index
    want = allocate(expected, s.method, s.basis, default_participants(expected, s.basis))
    assert (s.allocation.table.fair_contribution - want.table.fair_contribution).abs().max() < 0.005
    assert "18 van 19 partijen doen mee" in split.participants_title.object
