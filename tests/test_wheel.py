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
def installed(tmp_path_factory) -> Path:
    tool = uv()
    if tool is None:
        pytest.skip("uv is not available (make setup installs it)")
    tmp = tmp_path_factory.mktemp("wheel")
    # sdist first, then the wheel from the sdist: what a fresh checkout builds, never a
    # stale build/ folder in the work tree.
    subprocess.run([tool, "build", "--quiet", "-o", str(tmp / "dist"), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next((tmp / "dist").glob("businesscase-*.whl"))
    venv = tmp / "venv"
    subprocess.run([tool, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
    subprocess.run([tool, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
                    "-r", str(ROOT / "requirements.lock"), str(wheel)], check=True)
    return venv


def run(venv: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "BUSINESSCASE_ASSUMPTIONS", "VIRTUAL_ENV")}
    return subprocess.run([str(venv / "bin" / "businesscase"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


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
    out = run(installed, tmp_path, "export", "--xlsx", "case.xlsx", "--html", "report.html",
              "--draws", "50")
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "case.xlsx").stat().st_size > 0 and (tmp_path / "report.html").exists()
    # The workbook the installed tool wrote reads back in as the same case.
    out = run(installed, tmp_path, "run", "case.xlsx", "--json")
    assert out.returncode == 0, out.stderr


def test_the_wheel_carries_every_shipped_assumption_file(installed):
    site = next((installed / "lib").glob("python3*/site-packages"))
    shipped = sorted(p.relative_to(ROOT / "assumptions").as_posix()
                     for p in (ROOT / "assumptions").rglob("*.yaml"))
    carried = sorted(p.relative_to(site / "businesscase" / "assumption_files").as_posix()
                     for p in (site / "businesscase" / "assumption_files").rglob("*.yaml"))
    assert carried == shipped
