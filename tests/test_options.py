"""Options outside what is allowed: draws, correlations, tornado rows, break-even targets
and compare. Each is refused with the option and what is allowed, exit 2; none ends in a
MemoryError, a silently shrunk spread or a silently dropped row or case."""

import re
import resource
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from builders import ASSUMPTIONS
from hypothesis import given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.cli import main
from businesscase.model.problems import OptionError, UserError
from businesscase.scenarios import compare
from businesscase.scenarios.compare import unique_labels
from businesscase.uncertainty import (
    DrawsError,
    check_draws,
    max_draws,
    monte_carlo,
    sample_parameters,
)
from businesscase.uncertainty.limits import advised_draws, bytes_per_draw

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "bad_inputs" / "valid_case.yaml"
MS = ASSUMPTIONS / "meeting_space.yaml"
CASE = load_case(VALID)


def cli(*args, capsys):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def refused_by_argparse(args, capsys):
    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in args])
    return stop.value.code, capsys.readouterr().err


# -- draws ---------------------------------------------------------------------------------


@pytest.mark.parametrize("draws", [0, -1, -(10**6)])
def test_draws_below_one_are_refused(draws, capsys):
    code, out, err = cli("montecarlo", VALID, "--draws", draws, capsys=capsys)
    assert code == 2 and out == ""
    assert "--draws: the number of draws must be a whole number from 1 to" in err
    assert f"not {draws}" in err and "valid_case.yaml" in err


def test_export_draws_zero_means_none_and_negative_is_refused(tmp_path, capsys):
    code, _, _ = cli("export", VALID, "--draws", "0", "--xlsx", tmp_path / "a.xlsx", capsys=capsys)
    from openpyxl import load_workbook

    assert code == 0 and "Onzekerheid" not in load_workbook(tmp_path / "a.xlsx").sheetnames
    code, err = refused_by_argparse(
        ["export", VALID, "--draws", "-5", "--html", tmp_path / "r.html"], capsys
    )
    assert code == 2 and "argument --draws: must be 0 or more, not -5" in err
    assert not (tmp_path / "r.html").exists()


def test_draws_beyond_memory_are_refused_with_the_maximum(capsys):
    code, _, err = cli("montecarlo", VALID, "--draws", 10**12, capsys=capsys)
    assert code == 2
    top = advised_draws(max_draws(CASE))
    shown = int(re.search(r"at most ([\d,]+) draws fit", err).group(1).replace(",", ""))
    assert "--draws: 1,000,000,000,000 draws of this case need about" in err
    assert abs(shown - top) <= top * 0.1  # free memory moves a little between the two looks


@pytest.mark.parametrize(
    "top, advised",
    [(10_301, 9_200), (10_300, 9_200), (99, 99), (1_000, 900), (123_456_789, 110_000_000), (0, 0)],
)
def test_the_advised_maximum_leaves_room_for_free_memory_to_move(top, advised):
    # 10,301 × 0.9 = 9,270.9 → 9,270 → two digits: 9,200
    assert advised_draws(top) == advised


def run_limited(limit: int, *args):
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "businesscase.cli", "montecarlo", str(MS), *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=cap,
        timeout=300,
    )


def test_under_a_memory_limit_a_huge_run_is_refused_and_the_maximum_runs():
    """Before: MemoryError ('Unable to allocate 7.45 GiB'), exit 1."""
    limit = 3 << 29  # 1.5 GB of address space
    out = run_limited(limit, "--draws", 10**9)
    assert out.returncode == 2, out.stderr
    assert "MemoryError" not in out.stderr and "internal error" not in out.stderr
    top = int(re.search(r"at most ([\d,]+) draws fit", out.stderr).group(1).replace(",", ""))
    assert top >= 1000  # a useful run still fits
    ok = run_limited(limit, "--draws", top, "--json")
    assert ok.returncode == 0, ok.stderr[-500:]
    assert f'"draws": {top}' in ok.stdout


@pytest.mark.parametrize(
    "name", ["meeting_space", "care_in_complex", "meeting_space_care_in_complex"]
)
def test_the_memory_estimate_covers_the_peak_of_a_run(name):
    case = load_case(ASSUMPTIONS / f"{name}.yaml")
    n = 3000
    tracemalloc.start()
    try:
        mc = monte_carlo(case, n, seed=1)
        mc.summary(), mc.probability_better_off()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < n * bytes_per_draw(case)
    assert peak > n * bytes_per_draw(case) / 3  # an estimate, not an arbitrary cap


@settings(max_examples=30, deadline=None)
@given(
    n=st.one_of(
        st.integers(max_value=0),
        st.none(),
        st.floats(allow_nan=True),
        st.text(max_size=5),
        st.booleans(),
    )
)
def test_check_draws_refuses_anything_but_a_positive_whole_number(n):
    with pytest.raises(DrawsError) as info:
        check_draws(CASE, n)
    assert info.value.option == "--draws" and info.value.maximum == pytest.approx(
        max_draws(CASE), rel=0.05
    )
    assert "1 tot" in info.value.text("nl") and "from 1 to" in info.value.text("en")


def test_monte_carlo_itself_keeps_the_rule(monkeypatch):
    with pytest.raises(DrawsError):
        monte_carlo(CASE, 0)
    import businesscase.uncertainty.limits as limits

    monkeypatch.setattr(limits, "available_memory", lambda: 10 * bytes_per_draw(CASE))
    with pytest.raises(DrawsError, match="at most 5 draws fit"):
        monte_carlo(CASE, 6)
    assert monte_carlo(CASE, 5).n == 5


def test_a_negative_seed_is_refused(capsys):
    code, err = refused_by_argparse(["montecarlo", VALID, "--seed", "-1"], capsys)
    assert code == 2 and "argument --seed: must be 0 or more, not -1" in err
    with pytest.raises(OptionError, match="--seed"):
        monte_carlo(CASE, 10, seed=-1)


# -- correlations --------------------------------------------------------------------------

K1, K2 = "drivers.dwellings", "outcomes.less_loneliness.proxy"


def test_a_parameter_correlated_with_itself_is_refused(capsys):
    """Before: accepted, and the parameter's spread shrank (std 132 → 98 hours)."""
    code, _, err = cli(
        "montecarlo", VALID, "--draws", 10, "--correlate", K1, K1, "0.5", capsys=capsys
    )
    assert code == 2 and f"--correlate: {K1} is correlated with itself" in err
    assert "two different parameters" in err


@pytest.mark.parametrize("rho", ["abc", "", "0,5", "1e999x"])
def test_a_correlation_that_is_not_a_number(rho, capsys):
    code, _, err = cli(
        "montecarlo", VALID, "--draws", 10, "--correlate", K1, K2, rho, capsys=capsys
    )
    assert code == 2 and "--correlate:" in err
    assert "must be a number strictly between -1 and 1" in err and repr(rho) in err


@pytest.mark.parametrize("rho", ["1", "-1", "1.5", "-1.0001", "nan", "inf"])
def test_a_correlation_outside_minus_one_to_one(rho, capsys):
    code, _, err = cli(
        "montecarlo", VALID, "--draws", 10, "--correlate", K1, K2, rho, capsys=capsys
    )
    assert code == 2 and "must lie strictly between -1 and 1" in err


def test_a_pair_given_twice_and_an_unknown_parameter(capsys):
    code, _, err = cli(
        "montecarlo",
        VALID,
        "--draws",
        10,
        "--correlate",
        K1,
        K2,
        "0.5",
        "--correlate",
        K2,
        K1,
        "0.2",
        capsys=capsys,
    )
    assert code == 2 and "is given twice" in err
    code, _, err = cli(
        "montecarlo", VALID, "--draws", 10, "--correlate", K1, "drivers.x", "0.5", capsys=capsys
    )
    assert code == 2 and "'drivers.x' is not a parameter with a range" in err


@settings(max_examples=30, deadline=None)
@given(rho=st.floats(allow_nan=True, allow_infinity=True))
def test_correlations_inside_the_open_interval_hold_and_others_are_refused(rho):
    if -1 < rho < 1:
        draws = sample_parameters(CASE, 4000, 1, {(K1, K2): rho})
        assert np.corrcoef(draws[K1], draws[K2])[0, 1] == pytest.approx(rho, abs=0.08)
    else:
        with pytest.raises(OptionError, match="strictly between -1 and 1"):
            sample_parameters(CASE, 10, 1, {(K1, K2): rho})


# -- tornado and break-even ----------------------------------------------------------------


@pytest.mark.parametrize("top", ["-1", "0", "x"])
def test_tornado_top_below_one_is_refused(top, capsys):
    """Before: --top -1 silently dropped the last row, --top 0 printed nothing."""
    code, err = refused_by_argparse(["tornado", VALID, "--top", top], capsys)
    assert code == 2 and "argument --top:" in err


def test_tornado_top_shows_that_many_rows_or_all(capsys):
    ranged = sum(1 for _, p in CASE.parameters() if p.high > p.low)
    for top, rows in ((1, 1), (ranged, ranged), (ranged + 50, ranged)):
        code, out, _ = cli("tornado", VALID, "--top", top, capsys=capsys)
        assert code == 0 and out.count("→") == 2 * rows


@pytest.mark.parametrize(
    "args,words",
    [
        (
            ["tornado", "--partner", "nobody"],
            "--partner: unknown partner 'nobody'; partners are woco, gem",
        ),
        (
            ["breakeven", "--parameter", "drivers.nothing"],
            "--parameter: no parameter 'drivers.nothing'",
        ),
        (
            ["breakeven", "--parameter", K1, "--target", "net_position"],
            "--partner: --target net_position needs a partner; partners are woco, gem",
        ),
        (
            ["breakeven", "--parameter", K1, "--target", "financial_npv", "--partner", "x"],
            "--partner: unknown partner 'x'",
        ),
    ],
)
def test_options_that_do_not_fit_the_case(args, words, capsys):
    code, _, err = cli(*args[:1], VALID, *args[1:], capsys=capsys)
    assert code == 2 and words in err and "valid_case.yaml" in err, err


# -- compare ---------------------------------------------------------------------------------


def test_compare_refuses_the_same_file_twice(capsys):
    """Before: one row, exit 0: the second case silently disappeared."""
    code, out, err = cli("compare", VALID, VALID, capsys=capsys)
    assert code == 2 and out == ""
    assert f"{VALID} is given twice" in err and "give different files" in err


def test_compare_shows_two_files_of_one_name_labelled_by_folder(tmp_path, capsys):
    """Before: one row, exit 0."""
    small = VALID.read_text()
    big = small.replace("value: 60,", "value: 120,")
    assert big != small
    for folder, text in (("north", small), ("south", big)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.yaml").write_text(text)
    code, out, _ = cli(
        "compare", tmp_path / "north" / "plan.yaml", tmp_path / "south" / "plan.yaml", capsys=capsys
    )
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert set(rows) == {"north/plan", "south/plan"}
    from businesscase.text import formatting as fmt

    for folder in ("north", "south"):
        npv = evaluate(load_case(tmp_path / folder / "plan.yaml")).totals["social_npv"]
        assert fmt.euro(npv, 0, "nl") in rows[f"{folder}/plan"]


def test_compare_refuses_two_cases_of_one_name():
    with pytest.raises(UserError, match="the name 'plan' is given to more than one case"):
        compare([("plan", CASE), ("plan", CASE)])


segment = st.text(
    st.characters(whitelist_categories=("L", "N"), whitelist_characters="-_"),
    min_size=1,
    max_size=6,
)


@settings(max_examples=100, deadline=None)
@given(
    paths=st.lists(
        st.lists(segment, min_size=1, max_size=4).map(
            lambda parts: "/base/" + "/".join(parts) + ".yaml"
        ),
        min_size=2,
        max_size=6,
        unique=True,
    )
)
def test_unique_labels_tell_every_file_apart_by_its_shortest_tail(paths):
    labels = unique_labels(paths)
    assert len(set(labels)) == len(labels)
    for path, label in zip(paths, labels):
        without = path[: -len(".yaml")]
        assert without.endswith(label) and label.endswith(Path(path).stem)
        others = [p[: -len(".yaml")] for p in paths if p != path]
        shorter = "/".join(label.split("/")[1:])
        if shorter:  # one folder less would no longer tell it apart
            assert any(o.endswith("/" + shorter) for o in others)
