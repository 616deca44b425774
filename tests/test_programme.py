"""A programme of themes: conservation of role flows to the cent, efficiency per theme and
for the programme, null players across themes, leaving a theme changes that theme only
(also over random variants), the programme's figures as sums of the themes', and bad
programme files named by file, line and field."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter

import numpy as np
import pandas as pd
import pytest
import yaml
from builders import ASSUMPTIONS, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase.allocation import allocate
from businesscase.cli import main
from businesscase.engine import evaluate
from businesscase.model import LoadError, Partner, UserError
from businesscase.programme import (
    LEFT,
    NO_FLOWS,
    TAKING_PART,
    load_programme,
    programme_split,
    theme_case,
)

ILLUSTRATIVE = ASSUMPTIONS / "programmes" / "zuidoost_illustrative.yaml"
BAD = ROOT / "tests" / "bad_programmes"
EXPECTED = yaml.safe_load((BAD / "expected.yaml").read_text())
PROGRAMME = load_programme(ILLUSTRATIVE)
SPLIT = programme_split(PROGRAMME)
CENT = 0.005


# -- the illustrative programme ------------------------------------------------------------


def test_the_illustrative_programme_has_the_stated_coalition():
    types = Counter(p.type.value for p in PROGRAMME.partners)
    assert types == {
        "municipality": 3,
        "corporation": 3,
        "care_provider": 6,
        "health_insurer": 2,
        "care_office": 1,
        "welfare_organisation": 8,
        "residents": 12,
    }
    assert len(PROGRAMME.partners) == 35 and len(PROGRAMME.themes) == 4
    assert all("estimate" in p.share_basis or "only" in p.share_basis for p in PROGRAMME.partners)
    corporations = {p.id: p.share for p in PROGRAMME.partners if p.role == "woningcorporatie"}
    assert corporations == {"corporatie_a": 0.5, "corporatie_b": 0.3, "corporatie_c": 0.2}
    # every theme has participants of its own
    assert len({th.participants for th in PROGRAMME.themes}) == 4


def test_three_corporations_carry_the_role_50_30_20_where_all_take_part_and_all_where_one_does():
    r = evaluate(theme_case(PROGRAMME, "community_builder_wijk"))
    shares = {(ln.partner, ln.share) for ln in r.lines if ln.booked_to == "woningcorporatie"}
    assert shares == {("corporatie_a", 0.5), ("corporatie_b", 0.3), ("corporatie_c", 0.2)}
    r = evaluate(theme_case(PROGRAMME, "ontmoeting_complex_a"))
    assert {ln.partner for ln in r.lines if ln.role_key == "woningcorporatie"} == {"corporatie_a"}
    assert all(ln.share == 1.0 for ln in r.lines if ln.role_key == "woningcorporatie")


def test_a_theme_change_is_applied_with_its_provenance():
    case = theme_case(PROGRAMME, "ontmoeting_complex_b")
    dwellings = case.parameter("drivers.dwellings")
    assert dwellings.value == 40 and dwellings.estimate and "Illustrative" in dwellings.reasoning
    assert theme_case(PROGRAMME, "ontmoeting_complex_a").parameter("drivers.dwellings").value == 60
    assert theme_case(PROGRAMME, "community_builder_wijk").parameter("drivers.cb_fte").value == 0.4


# -- conservation of a role's flows ------------------------------------------------------


def merged(case, role: str):
    """The same case with the partners of a role replaced by one partner named the role."""
    data = case.model_dump(by_alias=True)
    members = [p for p in data["partners"] if (p["role"] or p["id"]) == role]
    data["partners"] = [p for p in data["partners"] if p not in members] + [
        {
            "id": role,
            "name": {"nl": role, "en": role},
            "type": members[0]["type"],
            "financial_discount_rate": members[0]["financial_discount_rate"],
        }
    ]
    return type(case).model_validate(data)


def role_lines(result, role: str) -> pd.DataFrame:
    """Real values per year of the lines booked to a role, summed over who carries them."""
    keys = [
        (ln.item, ln.component, ln.category, ln.role, ln.flow_type)
        for ln in result.lines
        if ln.role_key == role
    ]
    values = result.real[0][[i for i, ln in enumerate(result.lines) if ln.role_key == role]]
    frame = pd.DataFrame(values, index=pd.MultiIndex.from_tuples(keys))
    return frame.groupby(level=[0, 1, 2, 3, 4]).sum().sort_index()


@pytest.mark.parametrize("theme_id", PROGRAMME.theme_ids)
def test_a_roles_flows_are_conserved_to_the_cent_across_its_partners(theme_id):
    case = theme_case(PROGRAMME, theme_id)
    result = evaluate(case)
    roles = Counter(p.role_id for p in case.partners)
    shared = [role for role, n in roles.items() if n > 1]
    assert shared, "the theme has a role filled by more than one partner"
    split = allocate(result)
    for role in shared:
        one = evaluate(merged(case, role))
        ours, theirs = role_lines(result, role), role_lines(one, role)
        assert list(ours.index) == list(theirs.index)
        assert np.abs(ours.to_numpy() - theirs.to_numpy()).max() < CENT, role
        # and the game: the role's partners together get what the one partner gets
        members = [p.id for p in case.partners if p.role_id == role]
        together = split.table.reindex(members).fillna(0.0)["net_after"].sum()
        alone = allocate(one).table["net_after"].get(role, 0.0)
        assert together == pytest.approx(alone, abs=0.01), role


# -- efficiency, null players, sums --------------------------------------------------------


def test_each_themes_net_positions_add_up_to_its_value_and_fair_contributions_to_its_cost():
    for theme_id, a in SPLIT.themes.items():
        assert a.table["net_after"].sum() == pytest.approx(a.total_value, abs=0.01), theme_id
        assert a.table["fair_contribution"].sum() == pytest.approx(
            a.case_game.cost_to_cover, abs=0.01
        )
    costs = sum(a.case_game.cost_to_cover for a in SPLIT.themes.values())
    assert SPLIT.table["fair_contribution"].sum() == pytest.approx(costs, abs=0.01)
    value = sum(a.total_value for a in SPLIT.themes.values())
    assert SPLIT.table["net_after"].sum() == pytest.approx(value, abs=0.01)
    assert SPLIT.totals.loc["programme", "total_value"] == pytest.approx(value, abs=0.01)


def test_the_programme_figures_are_the_sums_of_the_theme_figures():
    for pid in PROGRAMME.partner_ids:
        for column in ("benefit", "contribution_today", "fair_contribution", "net_after"):
            by_hand = sum(float(a.table[column].get(pid, 0.0)) for a in SPLIT.themes.values())
            assert SPLIT.table.loc[pid, column] == pytest.approx(by_hand, abs=1e-6)
        per_year = sum(
            float(a.table["fair_contribution_per_year"].get(pid, 0.0))
            for a in SPLIT.themes.values()
        )
        assert SPLIT.pays.loc[pid, "programme"] == pytest.approx(per_year, abs=1e-6)
        gains = sum(
            float(a.table["benefit"].get(pid, 0.0)) / a.case_game.annuity_factor
            for a in SPLIT.themes.values()
        )
        assert SPLIT.gains.loc[pid, "programme"] == pytest.approx(gains, abs=1e-6)


def test_the_payments_settle_the_summed_change():
    moved = pd.Series(0.0, index=PROGRAMME.partner_ids)
    for tr in SPLIT.transfers:
        moved[tr.payer] += tr.pv
        moved[tr.receiver] -= tr.pv
    assert np.abs(moved - SPLIT.table["change"]).max() < 2 * len(PROGRAMME.partners)


def test_a_partner_without_flows_in_any_theme_gets_nothing_and_members_without_flows_stay_out():
    outside = [pid for pid in PROGRAMME.partner_ids if (SPLIT.status.loc[pid] == "").all()]
    assert "zorgaanbieder_6" in outside and "clientenraad_4" in outside
    assert (SPLIT.table.loc[outside].abs() < 1e-9).all().all()
    assert SPLIT.status.loc["zorgaanbieder_1", "ontmoeting_complex_a"] == NO_FLOWS
    assert SPLIT.status.loc["gemeente_a", "zorg_complex_a"] == NO_FLOWS
    assert "zorgaanbieder_1" not in SPLIT.themes["ontmoeting_complex_a"].table.index
    assert "zorgaanbieder_1" not in theme_case(PROGRAMME, "ontmoeting_complex_a").partner_ids


def test_a_partner_with_share_zero_is_a_null_player_in_its_theme():
    extra = Partner(
        id="corporatie_d",
        name={"nl": "Woningcorporatie D", "en": "Housing corporation D"},
        type="corporation",
        role="woningcorporatie",
        share=0.0,
    )
    themes = tuple(
        dataclasses.replace(th, participants=th.participants + ("corporatie_d",))
        if th.id == "community_builder_wijk"
        else th
        for th in PROGRAMME.themes
    )
    variant = dataclasses.replace(PROGRAMME, partners=PROGRAMME.partners + (extra,), themes=themes)
    split = programme_split(variant)
    table = split.themes["community_builder_wijk"].table
    assert table.loc["corporatie_d"].abs().max() < 1e-6
    for tid in PROGRAMME.theme_ids:
        pd.testing.assert_frame_equal(
            split.themes[tid].table.drop(index="corporatie_d", errors="ignore"),
            SPLIT.themes[tid].table,
            atol=1e-6,
            rtol=0,
        )


# -- leaving a theme ---------------------------------------------------------------------


def test_leaving_a_theme_changes_that_theme_only_and_loses_the_partners_part():
    left = programme_split(PROGRAMME, absent={"community_builder_wijk": ["corporatie_b"]})
    for tid in PROGRAMME.theme_ids:
        if tid != "community_builder_wijk":
            pd.testing.assert_frame_equal(left.themes[tid].table, SPLIT.themes[tid].table)
    assert left.status.loc["corporatie_b", "community_builder_wijk"] == LEFT
    assert left.status.loc["corporatie_b", "ontmoeting_complex_b"] == TAKING_PART
    assert "corporatie_b" not in left.themes["community_builder_wijk"].table.index
    # shares are not renormalised: the others carry what they carried
    case = theme_case(PROGRAMME, "community_builder_wijk", ["corporatie_b"])
    assert dict(case.carriers()["woningcorporatie"]) == {
        "corporatie_a": 0.5,
        "corporatie_b": 0.3,
        "corporatie_c": 0.2,
    }


def test_only_a_participant_can_leave_a_theme():
    with pytest.raises(UserError, match="not among its participants"):
        theme_case(PROGRAMME, "zorg_complex_a", ["welzijn_1"])
    with pytest.raises(UserError, match="unknown theme"):
        programme_split(PROGRAMME, absent={"nowhere": ["welzijn_1"]})


@st.composite
def variants(draw):
    """The illustrative programme with shuffled partners and participants, random shares,
    added partners without flows, and a random set of leavers per theme."""
    rng = np.random.default_rng(draw(st.integers(0, 2**31 - 1)))
    random_shares = draw(st.booleans())
    partners = [
        p.model_copy(update={"share": float(rng.uniform(0.05, 3.0))}) if random_shares else p
        for p in PROGRAMME.partners
    ]
    flowless = [
        Partner(
            id=f"extra_{k}",
            name={"nl": f"Extra {k}", "en": f"Extra {k}"},
            type="other",
            role="zorgaanbieder",
        )
        for k in range(draw(st.integers(0, 3)))
    ]
    partners = [partners[i] for i in rng.permutation(len(partners))] + flowless
    themes = []
    for th in PROGRAMME.themes:
        extra = tuple(p.id for p in flowless) if "zorgaanbieder" not in th.roles else ()
        order = list(th.participants + extra)
        themes.append(
            dataclasses.replace(
                th, participants=tuple(order[i] for i in rng.permutation(len(order)))
            )
        )
    variant = dataclasses.replace(PROGRAMME, partners=tuple(partners), themes=tuple(themes))
    absent = {}
    for th in PROGRAMME.themes:
        leavers = draw(st.lists(st.sampled_from(th.participants), max_size=3, unique=True))
        if leavers:
            absent[th.id] = leavers
    return variant, absent, random_shares


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(variants(), st.sampled_from(PROGRAMME.theme_ids))
def test_over_random_variants_leaving_one_theme_changes_only_that_theme(drawn, theme_id):
    variant, absent, random_shares = drawn
    try:
        base = programme_split(variant, absent=absent)
    except UserError:
        return  # every partner of a theme left: refused, nothing to compare
    more = dict(absent)
    more[theme_id] = sorted(
        set(absent.get(theme_id, [])) | {variant.theme(theme_id).participants[0]}
    )
    try:
        changed = programme_split(variant, absent=more)
    except UserError:
        return
    for tid in variant.theme_ids:
        if tid != theme_id:
            pd.testing.assert_frame_equal(changed.themes[tid].table, base.themes[tid].table)
    # partners without flows are never in a game; the sums stay the sums
    for split in (base, changed):
        assert not any(
            pid.startswith("extra_") for a in split.themes.values() for pid in a.table.index
        )
        costs = sum(a.case_game.cost_to_cover for a in split.themes.values())
        assert split.table["fair_contribution"].sum() == pytest.approx(costs, abs=0.01)
    extras = [p.id for p in variant.partners if p.id.startswith("extra_")]
    assert (base.table.loc[extras].abs() < 1e-12).all().all()
    # with the original shares, order and partners without flows change nothing
    if not random_shares:
        for tid in variant.theme_ids:
            left = set(absent.get(tid, ()))
            if not left:
                pd.testing.assert_frame_equal(
                    base.themes[tid].table.sort_index(),
                    SPLIT.themes[tid].table.sort_index(),
                    check_exact=False,
                    rtol=0,
                    atol=1e-6,
                )


# -- bad programme files -----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_bad_programme_is_named_by_file_line_and_field(name, capsys):
    e = EXPECTED[name]
    path = BAD / f"{name}.yaml"
    with pytest.raises(LoadError) as info:
        load_programme(path)
    text = str(info.value)
    assert f"{name}.yaml:{e['line']}: {e['field']}: " in text, text
    assert e["message"] in text, text
    code = main(["allocate", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert f"{name}.yaml:{e['line']}: {e['field']}: " in err and e["message"] in err, err


def test_more_than_100_partners_are_refused(tmp_path):
    data = yaml.safe_load((BAD / "valid_programme.yaml").read_text())
    data["partners"] += [
        {"id": f"p{k:03d}", "name": {"nl": f"P{k}", "en": f"P{k}"}, "type": "other"}
        for k in range(100)
    ]
    path = tmp_path / "big.yaml"
    text = yaml.safe_dump(data)
    path.write_text(text)
    line = text.splitlines().index("partners:") + 2  # where the list begins
    with pytest.raises(LoadError) as info:
        load_programme(path)
    assert f"big.yaml:{line}: partners: List should have at most 100 items" in str(info.value)


def test_the_valid_fixture_loads_and_a_number_change_keeps_the_provenance():
    prog = load_programme(BAD / "valid_programme.yaml")
    base = theme_case(prog, "room_a").parameter("drivers.dwellings")
    changed = theme_case(prog, "room_b").parameter("drivers.dwellings")
    assert changed.value == 40 and changed.reasoning == base.reasoning
    assert prog.flowless("room_a") == ["zorg"]


# -- the command line ----------------------------------------------------------------------


def test_the_cli_prints_the_programme_split_and_its_json(capsys):
    assert main(["allocate", str(ILLUSTRATIVE), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Care in complex A" in out and "Who joins" in out and "Housing corporation C" in out
    assert main(["allocate", str(ILLUSTRATIVE), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [th["id"] for th in data["themes"]] == PROGRAMME.theme_ids
    assert data["themes"][0]["participants"] == list(PROGRAMME.themes[0].participants)
    assert data["bloc_rule"] == "role"  # read by the bloc methods only
    assert all(
        set(th["blocs"])
        == set(th["split"]["partners"][i]["id"] for i in range(len(th["split"]["partners"])))
        for th in data["themes"]
    )
    assert data["themes"][0]["status"]["zorgaanbieder_1"] == NO_FLOWS
    by_id = {p["id"]: p for p in data["partners"]}
    assert by_id["corporatie_a"]["fair_contribution"] == pytest.approx(
        SPLIT.table.loc["corporatie_a", "fair_contribution"], abs=0.01
    )
    total = sum(th["split"]["total_value"] for th in data["themes"])
    assert data["totals"]["programme"]["total_value"] == pytest.approx(total, abs=0.05)


def test_the_cli_shows_one_theme_and_takes_the_method_and_leavers(capsys):
    assert main(["allocate", str(ILLUSTRATIVE), "--theme", "zorg_complex_a", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Care in complex A (care_in_complex.yaml)") and "Care provider 4" in out
    args = ["allocate", str(ILLUSTRATIVE), "--json", "--method", "equal_surplus"]
    assert main([*args, "--without", "community_builder_wijk:corporatie_b"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["method"] == "equal_surplus"
    theme = next(th for th in data["themes"] if th["id"] == "community_builder_wijk")
    assert theme["absent"] == ["corporatie_b"] and theme["status"]["corporatie_b"] == LEFT
    expected = programme_split(
        PROGRAMME, "equal_surplus", absent={"community_builder_wijk": ["corporatie_b"]}
    )
    by_id = {p["id"]: p for p in data["partners"]}
    for pid in ("gemeente_c", "corporatie_a", "welzijn_3"):
        assert by_id[pid]["net_after"] == pytest.approx(
            expected.table.loc[pid, "net_after"], abs=0.01
        )


@pytest.mark.parametrize(
    "args,message",
    [
        (["--theme", "nowhere"], "--theme: unknown theme 'nowhere'"),
        (["--without", "nobody"], "--without: unknown partner 'nobody'"),
        (["--without", "zorg_complex_a:welzijn_1"], "the partner is not in that theme"),
    ],
)
def test_the_cli_refuses_bad_programme_options_in_one_line(args, message, capsys):
    assert main(["allocate", str(ILLUSTRATIVE), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_blocs_are_passed_on_per_theme_restricted_to_its_game(capsys):
    # each partner its own bloc: the Owen value is the Shapley value
    alone = programme_split(PROGRAMME, "owen", blocs="none")
    for tid in PROGRAMME.theme_ids:
        pd.testing.assert_series_equal(
            alone.themes[tid].table["net_after"], SPLIT.themes[tid].table["net_after"], atol=1e-6
        )
    assert (
        main(["allocate", str(ILLUSTRATIVE), "--method", "owen", "--blocs", "role", "--json"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["bloc_rule"] == "role"
    by_role = programme_split(PROGRAMME, "owen", blocs="role")
    for theme in data["themes"]:
        players = list(SPLIT.themes[theme["id"]].table.index)
        assert theme["blocs"] == {pid: PROGRAMME.partner(pid).role_id for pid in players}
        a = by_role.themes[theme["id"]]
        assert a.table["net_after"].sum() == pytest.approx(a.total_value, abs=0.01)
    # a partition given for the programme reaches each theme restricted to its players
    given = [PROGRAMME.partner_ids[:10], PROGRAMME.partner_ids[10:]]
    split = programme_split(PROGRAMME, "owen", blocs=given)
    assert split.blocs["zorg_complex_a"]["corporatie_a"] == "bloc_1"
    assert split.blocs["zorg_complex_a"]["zorgkantoor_regio"] == "bloc_2"
    assert "zorgaanbieder_1" not in split.blocs["ontmoeting_complex_a"]  # no flows there
    with pytest.raises(UserError, match="in no bloc: clientenraad_4"):
        programme_split(PROGRAMME, "owen", blocs=[PROGRAMME.partner_ids[:-1]])
    # leaving a theme changes only that theme under the bloc methods too
    left = programme_split(
        PROGRAMME, "owen", blocs="role", absent={"zorg_complex_a": ["zorgaanbieder_2"]}
    )
    for tid in PROGRAMME.theme_ids[:3]:
        pd.testing.assert_frame_equal(left.themes[tid].table, by_role.themes[tid].table)


def test_a_case_file_allocates_as_before_and_refuses_programme_options(capsys):
    case = ASSUMPTIONS / "meeting_space.yaml"
    assert main(["allocate", str(case), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    from businesscase import load_case

    expected = allocate(evaluate(load_case(case)))
    assert data["total_value"] == pytest.approx(expected.total_value, abs=0.01)
    assert main(["allocate", str(case), "--theme", "x"]) == 2
    assert "--theme: is for a programme file" in capsys.readouterr().err
    assert main(["allocate", str(case), "--blocs", "none"]) == 2
    assert "--blocs: is for a programme file" in capsys.readouterr().err


def test_themes_of_different_horizons_put_the_payments_per_year_with_the_summed_costs(tmp_path):
    text = (BAD / "valid_programme.yaml").read_text()
    path = tmp_path / "horizons.yaml"
    path.write_text(
        text.replace("drivers.dwellings: 40", "drivers.dwellings: 40\n      meta.horizon: 10")
    )
    split = programme_split(load_programme(path))
    factors = {tid: a.case_game.annuity_factor for tid, a in split.themes.items()}
    assert factors["room_a"] > factors["room_b"]  # 15 and 10 operating years
    costs = {tid: a.case_game.cost_to_cover for tid, a in split.themes.items()}
    expected = sum(costs.values()) / sum(costs[tid] / factors[tid] for tid in costs)
    assert split.annuity_factor == pytest.approx(expected, rel=1e-12)
    assert all(tr.per_year == pytest.approx(tr.pv / expected) for tr in split.transfers)
    path.write_text(text.replace("drivers.dwellings: 40", "meta.horizon: 99"))
    with pytest.raises(LoadError) as info:
        load_programme(path)
    assert "themes[room_b].changes.meta.horizon: 99 is not allowed: a whole number" in str(
        info.value
    )
