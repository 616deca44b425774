"""The three formulas and the combined case: provenance, scaling, signs, overlap."""

import re

import numpy as np
import pandas as pd
import pytest

from builders import ASSUMPTIONS, ROOT
from businesscase import evaluate, load_case
from businesscase.io.provenance import provenance_problems

FORMULAS = ["meeting_space", "community_builder", "care_in_complex"]
COMBINED = "meeting_space_community_builder"
COMBINED_CARE = "meeting_space_care_in_complex"
ALL_FILES = sorted(ASSUMPTIONS.rglob("*.yaml"))


# -- provenance --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ALL_FILES, ids=[str(p.relative_to(ASSUMPTIONS)) for p in ALL_FILES])
def test_every_figure_has_provenance(path):
    problems = provenance_problems(path)
    assert not problems, "\n".join(map(str, problems))


def test_every_formula_has_a_case_file():
    for name in FORMULAS + [COMBINED, COMBINED_CARE]:
        assert (ASSUMPTIONS / f"{name}.yaml").exists(), name


@pytest.mark.parametrize("field,expected", [
    ("unit", "missing unit"), ("year", "missing year"), ("low", "missing low"),
    ("high", "missing high"), ("confidence", "missing confidence"),
    ("last_checked", "missing last_checked"), ("source", "no source"),
    ("reasoning", "an estimate needs its reasoning")])
def test_provenance_check_fails_with_one_field_removed(tmp_path, field, expected):
    text = (ASSUMPTIONS / "meeting_space.yaml").read_text()
    lines = text.splitlines(keepends=True)
    # Remove the first block-style occurrence of the field (and a folded value under it).
    start = next(i for i, ln in enumerate(lines) if re.match(rf"^\s+{field}:", ln))
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (len(lines[end]) - len(lines[end].lstrip())) > indent:
        end += 1
    path = tmp_path / "meeting_space.yaml"
    path.write_text("".join(lines[:start] + lines[end:]))
    problems = provenance_problems(path)
    assert len(problems) == 1 and expected in problems[0].message, problems
    assert problems[0].line is not None


def test_provenance_check_flags_a_value_outside_its_range_and_bare_numbers(tmp_path):
    text = (ASSUMPTIONS / "meeting_space.yaml").read_text()
    text = text.replace("    value: 0.35\n", "    value: 0.95\n", 1)
    text += "\nextra_figure: 12\n"
    path = tmp_path / "case.yaml"
    path.write_text(text)
    messages = [p.message for p in provenance_problems(path)]
    assert any("not within low 0.15 and high 0.6" in m for m in messages)
    assert any("bare number" in m for m in messages)


# -- each formula ---------------------------------------------------------------------------

def documented_signs(name: str) -> dict[str, str]:
    doc = (ROOT / "docs" / "formulas" / f"{name}.md").read_text()
    section = doc.split("## Saldo per partij", 1)[1]
    rows = re.findall(r"^\|\s*`?([a-z_]+)`?\s*\|\s*([+\-0−])\s*\|", section, flags=re.M)
    return {pid: sign.replace("−", "-") for pid, sign in rows}


@pytest.mark.parametrize("name", FORMULAS + [COMBINED, COMBINED_CARE])
def test_formula_evaluates_and_partner_signs_match_its_documentation(name):
    result = evaluate(load_case(ASSUMPTIONS / f"{name}.yaml"))
    net = result.by_partner.net_position
    assert net.sum() == pytest.approx(result.totals["social_npv"], abs=0.005)
    signs = documented_signs(name)
    assert set(signs) == set(result.partners), "the documentation lists every partner"
    for pid, sign in signs.items():
        actual = "0" if abs(net[pid]) < 0.005 else ("+" if net[pid] > 0 else "-")
        assert actual == sign, f"{name}: {pid} has net {net[pid]:,.0f}, documented {sign}"


def size_driven(case, item: str) -> bool:
    for section in (case.costs, case.revenues, case.outcomes):
        for x in section:
            if x.id == item:
                return "dwellings" in x.quantity
    raise KeyError(item)


@pytest.mark.parametrize("name", FORMULAS + [COMBINED])
def test_doubling_dwellings_scales_size_driven_flows_only(name):
    case = load_case(ASSUMPTIONS / f"{name}.yaml")
    n = case.drivers["dwellings"].value
    r = evaluate(case, draws={"drivers.dwellings": np.array([n, 2 * n])})
    base, doubled = r.nominal[0], r.nominal[1]
    groups = {o.id: o.overlap_group for o in case.outcomes}
    scaled = fixed = 0
    for i, line in enumerate(r.lines):
        driven = size_driven(case, line.item)
        if line.category == "overlap_correction":
            members = [o for o in case.outcomes if o.overlap_group == groups[line.item]]
            if len({size_driven(case, o.id) for o in members}) > 1:
                continue  # a group mixing fixed and size-driven members scales in between
        factor = 2.0 if driven else 1.0
        np.testing.assert_allclose(doubled[i], factor * base[i], rtol=1e-12, atol=1e-9,
                                   err_msg=f"{line.item} {line.category}")
        if np.any(base[i] != 0):
            scaled += driven
            fixed += not driven
    assert scaled > 0 and fixed > 0


# -- the combined case ----------------------------------------------------------------------

def group_overlap_pv(result) -> float:
    """Present value counted twice within overlap groups, computed from the gross lines."""
    case = result.case
    led = result.ledger[result.ledger.category == "outcome"]
    alpha = {g: grp.alpha.value for g, grp in case.overlap_groups.items()}
    group_of = {o.id: o.overlap_group for o in case.outcomes}
    led = led.assign(group=led["item"].map(group_of)).dropna(subset=["group"])
    total = 0.0
    for (group, t), rows in led.groupby(["group", "t"]):
        s, m = rows.real.sum(), rows.real.max()
        counted = m + alpha[group] * (s - m)
        total += (s - counted) * result.social_discount_factor[0][t]
    return total


def test_combined_case_counts_shared_outcomes_once():
    ms = evaluate(load_case(ASSUMPTIONS / "meeting_space.yaml"))
    cb = evaluate(load_case(ASSUMPTIONS / "community_builder.yaml"))
    both = evaluate(load_case(ASSUMPTIONS / f"{COMBINED}.yaml"))
    # Same gross outcomes and costs as the two formulas together.
    def gross(r):
        return r.ledger[r.ledger.category == "outcome"].pv_social.sum()

    assert gross(both) == pytest.approx(gross(ms) + gross(cb), abs=0.005)
    assert both.totals["pv_costs"] == pytest.approx(
        ms.totals["pv_costs"] + cb.totals["pv_costs"], abs=0.005)
    naive = ms.totals["pv_benefits"] + cb.totals["pv_benefits"]
    overlap = group_overlap_pv(both) - group_overlap_pv(ms) - group_overlap_pv(cb)
    assert overlap > 1_000  # the two formulas really do reach the same outcomes
    assert both.totals["pv_benefits"] < naive
    assert naive - both.totals["pv_benefits"] == pytest.approx(overlap, abs=0.005)
