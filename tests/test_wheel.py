"""The installed wheel works on its own: built from the work tree, installed into a fresh
venv, run from a folder that is not the checkout (so that neither the work tree nor the
editable install can stand in for it)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from businesscase import default_case_path, evaluate, load_case

ROOT = Path(__file__).resolve().parents[1]


def uv() -> str | None:
    local = ROOT / ".tools" / "uvpkg" / "bin" / "uv"
    return str(local) if local.exists() else shutil.which("uv")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tool = uv()
    if tool is None:
        if os.environ.get("CI"):  # CI must test the wheel, never skip it
            pytest.fail("uv is not available (make setup installs it)")
        pytest.skip("uv is not available (make setup installs it)")
    tmp = tmp_path_factory.mktemp("wheel")
    # sdist first, then the wheel from the sdist: what a fresh checkout builds, never a
    # stale build/ folder in the work tree.
    subprocess.run(
        [tool, "build", "--quiet", "-o", str(tmp / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return next((tmp / "dist").glob("businesscase-*.whl"))


def fresh_venv(tmp_path_factory, name: str, requirement: str) -> Path:
    """A new venv with `requirement` installed at the lock's versions (the lock constrains,
    it adds nothing): what `pip install businesscase[...]` gives a user."""
    tool = uv()
    assert tool is not None
    venv = tmp_path_factory.mktemp(name) / "venv"
    subprocess.run([tool, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    subprocess.run(
        [
            tool,
            "pip",
            "install",
            "--quiet",
            "--python",
            str(venv / "bin" / "python"),
            "-c",
            str(ROOT / "requirements.lock"),
            requirement,
        ],
        check=True,
    )
    return venv


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    extras = f"businesscase[dashboard,report] @ {wheel.as_uri()}"
    return fresh_venv(tmp_path_factory, "full", extras)


@pytest.fixture(scope="module")
def core_only(wheel, tmp_path_factory) -> Path:
    return fresh_venv(tmp_path_factory, "core", str(wheel))


def run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "BUSINESSCASE_ASSUMPTIONS", "VIRTUAL_ENV")
    }
    return subprocess.run(
        [str(venv / "bin" / "businesscase"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_installed_cli_runs_the_shipped_default_case(installed, tmp_path):
    out = run(installed, tmp_path, "run", "--json")
    assert out.returncode == 0, out.stderr
    figures = json.loads(out.stdout)
    expected = evaluate(load_case(default_case_path())).totals["social_npv"]
    assert figures["totals"]["social_npv"] == pytest.approx(expected, abs=0.01)


def test_the_installed_cli_allocates_and_exports(installed, tmp_path):
    out = run(installed, tmp_path, "allocate", "--method", "nucleolus", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)
    out = run(
        installed,
        tmp_path,
        "export",
        "--xlsx",
        "case.xlsx",
        "--html",
        "report.html",
        "--draws",
        "50",
    )
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "case.xlsx").stat().st_size > 0 and (tmp_path / "report.html").exists()
    # The workbook the installed tool wrote reads back in as the same case.
    out = run(installed, tmp_path, "run", "case.xlsx", "--json")
    assert out.returncode == 0, out.stderr


def test_the_wheel_carries_every_shipped_assumption_file(installed):
    site = next((installed / "lib").glob("python3*/site-packages"))
    shipped = sorted(
        p.relative_to(ROOT / "assumptions").as_posix()
        for p in (ROOT / "assumptions").rglob("*.yaml")
    )
    carried = sorted(
        p.relative_to(site / "businesscase" / "assumption_files").as_posix()
        for p in (site / "businesscase" / "assumption_files").rglob("*.yaml")
    )
    assert carried == shipped


def test_the_core_alone_runs_allocates_and_exports_a_workbook(core_only, tmp_path):
    out = run(core_only, tmp_path, "run", "--json")
    assert out.returncode == 0, out.stderr
    expected = evaluate(load_case(default_case_path())).totals["social_npv"]
    assert json.loads(out.stdout)["totals"]["social_npv"] == pytest.approx(expected, abs=0.01)
    out = run(core_only, tmp_path, "allocate", "--method", "shapley", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)
    out = run(core_only, tmp_path, "export", "--xlsx", "case.xlsx")
    assert out.returncode == 0, out.stderr
    out = run(core_only, tmp_path, "run", "case.xlsx", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["totals"]["social_npv"] == pytest.approx(expected, abs=0.01)


def test_the_core_alone_imports_no_dashboard_or_chart_library(core_only, tmp_path):
    probe = (
        "import importlib.util, sys\n"
        "import businesscase, businesscase.cli, businesscase.export, businesscase.scenarios\n"
        "libs = ('panel', 'bokeh', 'matplotlib')\n"
        "print(sorted(m for m in libs if m in sys.modules),"
        " sorted(m for m in libs if importlib.util.find_spec(m)))\n"
    )
    out = subprocess.run(
        [str(core_only / "bin" / "python"), "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    assert out.returncode == 0, out.stderr
    # None imported, and none installed: the core's metadata does not pull them in.
    assert out.stdout.split() == ["[]", "[]"]


def test_the_core_alone_says_which_extra_the_report_needs(core_only, tmp_path):
    out = run(core_only, tmp_path, "export", "--html", "report.html")
    assert out.returncode == 2, out.stderr
    assert "businesscase[report]" in out.stderr
    assert not (tmp_path / "report.html").exists()
