"""Invalid input through the real CLI: exit code 2, file, line and field named, no traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

PARAM = (
    "{{value: {v}, unit: u, year: 2024, estimate: true, reasoning: test figure, "
    "low: {lo}, high: {hi}, confidence: low}}"
)


def prm(v, lo=None, hi=None):
    return PARAM.format(v=v, lo=v if lo is None else lo, hi=v if hi is None else hi)


VALID = f"""\
meta:
  name: Small case
  formulas: [meeting_space]
  price_year: 2024
  start_year: 2025
  horizon: 10
  zero_alternative: {{nl: Geen buurtkamer, en: No meeting room}}
economics:
  social_discount_rate: {prm(0.0225, 0.015, 0.03)}
  financial_discount_rate: {prm(0.04)}
  inflation: {prm(0.02)}
  real_indexation:
    wages: {prm(0.01)}
    prices: {prm(0.0)}
    rents: {prm(0.005)}
    care_tariffs: {prm(0.005)}
  discounting: end_of_year
partners:
  - id: woco
    name: {{nl: Woningcorporatie, en: Housing corporation}}
    type: corporation
  - id: gem
    name: {{nl: Gemeente, en: Municipality}}
    type: municipality
drivers:
  dwellings: {prm(60)}
costs:
  - id: fit_out
    label: {{nl: Inrichting, en: Fit-out}}
    kind: investment
    payer: woco
    lifetime: {prm(15)}
    amount: {prm(50000)}
outcomes:
  - id: less_loneliness
    label: {{nl: Minder eenzaamheid, en: Less loneliness}}
    pocket: gem
    flow_type: societal_value
    quantity: [dwellings]
    proxy: {prm(300)}
    deadweight: {prm(0.25)}
    attribution: {prm(0.25)}
    displacement: {prm(0.0)}
    drop_off: {prm(0.1)}
    ramp_up_years: {prm(2)}
    first_year: {prm(1)}
    duration: {prm(10)}
    overlap_group: null
    effect: recurring
"""


def run_cli(path: Path, *extra):
    return subprocess.run(
        [sys.executable, "-m", "businesscase.cli", "run", str(path), *extra],
        capture_output=True,
        text=True,
        timeout=120,
    )


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


def test_valid_small_case_runs(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text(VALID)
    out = run_cli(path)
    assert out.returncode == 0, out.stderr
    assert "MKBA-saldo" in out.stdout


# (name, old, new, text on the reported line, field named, words saying what is allowed)
CASES = [
    (
        "unknown partner",
        "    pocket: gem",
        "    pocket: nobody",
        "pocket: nobody",
        "outcomes[less_loneliness].pocket",
        "allowed are woco, gem",
    ),
    (
        "share above 1",
        f"    deadweight: {prm(0.25)}",
        f"    deadweight: {prm(1.5, 0, 1)}",
        "deadweight:",
        "outcomes[less_loneliness].deadweight.value",
        "a fraction between 0 and 1",
    ),
    (
        "horizon of 0",
        "  horizon: 10",
        "  horizon: 0",
        "horizon: 0",
        "meta.horizon",
        "greater than or equal to 1",
    ),
    (
        "horizon of 500",
        "  horizon: 10",
        "  horizon: 500",
        "horizon: 500",
        "meta.horizon",
        "less than or equal to 50",
    ),
    (
        "percentage as 225",
        f"  social_discount_rate: {prm(0.0225, 0.015, 0.03)}",
        f"  social_discount_rate: {prm(225, 0.015, 0.03)}",
        "social_discount_rate:",
        "economics.social_discount_rate.value",
        "Did you mean 2.25%? Write 0.0225",
    ),
    (
        "unknown key",
        "    payer: woco",
        "    payer: woco\n    payr: woco",
        "payr: woco",
        "costs[fit_out].payr",
        "allowed are id, label, kind, payer",
    ),
    (
        "duplicate key",
        "  horizon: 10",
        "  horizon: 10\n  horizon: 12",
        "horizon: 12",
        "horizon",
        "first given on line 6",
    ),
    (
        "missing required field",
        "  price_year: 2024\n",
        "",
        "meta:",
        "meta.price_year",
        "required field 'price_year' is missing",
    ),
    (
        "wrong type",
        "  horizon: 10",
        "  horizon: ten",
        "horizon: ten",
        "meta.horizon",
        "valid integer",
    ),
    (
        "negative amount",
        f"    amount: {prm(50000)}",
        f"    amount: {prm(-5, -10, 0)}",
        "amount:",
        "costs[fit_out].amount.value",
        "zero or more",
    ),
    (
        "unknown driver",
        "    quantity: [dwellings]",
        "    quantity: [dwelings]",
        "quantity: [dwelings]",
        "outcomes[less_loneliness].quantity[0]",
        "allowed are the drivers dwellings",
    ),
    (
        "not a finite number",
        f"  dwellings: {prm(60)}",
        "  dwellings: {value: .nan, unit: u, year: 2024, estimate: true, reasoning: t, low: 0, "
        "high: 1, confidence: low}",
        "dwellings:",
        "drivers.dwellings.value",
        "zero or more",
    ),
    (
        "low above high",
        f"  dwellings: {prm(60)}",
        f"  dwellings: {prm(60, 80, 40)}",
        "dwellings:",
        "drivers.dwellings",
        "low ≤ value ≤ high",
    ),
    (
        "estimate without reasoning",
        f"    proxy: {prm(300)}",
        "    proxy: {value: 300, unit: u, year: 2024, estimate: true, low: 1, high: 500, "
        "confidence: low}",
        "proxy:",
        "outcomes[less_loneliness].proxy",
        "needs 'reasoning'",
    ),
    (
        "investment without lifetime",
        f"    lifetime: {prm(15)}\n",
        "",
        "- id: fit_out",
        "costs[fit_out]",
        "an investment needs a 'lifetime'",
    ),
    (
        "bare number as parameter",
        f"    attribution: {prm(0.25)}",
        "    attribution: 0.25",
        "attribution: 0.25",
        "outcomes[less_loneliness].attribution",
        "a parameter is a mapping",
    ),
    (
        "unknown flow type",
        "    flow_type: societal_value",
        "    flow_type: happiness",
        "flow_type: happiness",
        "outcomes[less_loneliness].flow_type",
        "'cashable_saving'",
    ),
    (
        "unknown overlap group",
        "    overlap_group: null",
        "    overlap_group: care",
        "overlap_group: care",
        "outcomes[less_loneliness].overlap_group",
        "no overlap_groups defined",
    ),
    (
        "malformed YAML",
        "    kind: investment",
        "    kind: [investment",
        "kind: [investment",
        "",
        "not valid YAML",
    ),
    (
        "unknown confidence grade",
        f"  dwellings: {prm(60)}",
        "  dwellings: {value: 60, unit: u, year: 2024, estimate: true, reasoning: t, low: 1, "
        "high: 90, confidence: sure}",
        "dwellings:",
        "drivers.dwellings.confidence",
        "'high', 'medium' or 'low'",
    ),
]


@pytest.mark.parametrize("name,old,new,line_text,field,allowed", CASES, ids=[c[0] for c in CASES])
def test_invalid_input_is_reported_with_file_line_and_field(
    tmp_path, name, old, new, line_text, field, allowed
):
    assert old in VALID, "test setup: the text to replace must exist"
    text = VALID.replace(old, new, 1)
    path = tmp_path / "bad_case.yaml"
    path.write_text(text)
    out = run_cli(path)
    assert out.returncode == 2, out.stdout + out.stderr
    assert "Traceback" not in out.stderr
    expected_line = line_of(text, line_text)
    if name == "malformed YAML":  # the parser notices a flow sequence left open a line later
        assert (
            f"bad_case.yaml:{expected_line}" in out.stderr
            or f"bad_case.yaml:{expected_line + 1}" in out.stderr
        ), out.stderr
    else:
        assert f"bad_case.yaml:{expected_line}: {field}" in out.stderr, out.stderr
    assert allowed in out.stderr, out.stderr


def test_non_utf8_bytes_name_the_line(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(VALID.replace("Small case", "Caf\u00e9").encode("latin-1"))
    out = run_cli(path)
    assert out.returncode == 2
    assert "latin1.yaml:2:" in out.stderr and "not UTF-8" in out.stderr


def test_missing_file_and_missing_include(tmp_path):
    out = run_cli(tmp_path / "nope.yaml")
    assert out.returncode == 2 and "file not found" in out.stderr
    path = tmp_path / "inc.yaml"
    path.write_text("include: [shared/partners.yaml]\n" + VALID)
    out = run_cli(path)
    assert out.returncode == 2 and "partners.yaml: file not found" in out.stderr


def test_several_problems_are_all_reported(tmp_path):
    text = VALID.replace("    pocket: gem", "    pocket: nobody").replace(
        "    payer: woco", "    payer: nobody"
    )
    path = tmp_path / "two.yaml"
    path.write_text(text)
    out = run_cli(path)
    assert out.returncode == 2
    assert f"two.yaml:{line_of(text, 'pocket: nobody')}:" in out.stderr
    assert f"two.yaml:{line_of(text, 'payer: nobody')}:" in out.stderr


def test_alias_bomb_is_refused(tmp_path):
    bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        prev = chr(ord("a") + i - 1)
        cur = chr(ord("a") + i)
        bomb.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(bomb) + "\n")
    out = run_cli(path)
    assert out.returncode == 2 and "alias bomb" in out.stderr
