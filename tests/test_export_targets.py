"""Export targets that cannot be written: a message naming the option, the path and what
to do, exit 2, and no half-written file (an older file at the path stays as it was)."""

import importlib
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import load_case
from businesscase.cli import main
from businesscase.io.outfile import replaced
from businesscase.scenarios import ScenarioStore

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "bad_inputs" / "valid_case.yaml"
OPTIONS = ["--xlsx", "--html", "--agreements"]
NAMES = {
    "--xlsx": "plan.xlsx",
    "--html": "report.html",
    "--agreements": "sheets.html",
    "--pdf": "report.pdf",
}


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def export(option, target, capsys, *extra):
    code = main(["export", str(VALID), "--draws", "0", option, str(target), *extra])
    return code, capsys.readouterr()


@pytest.mark.parametrize("option", OPTIONS + ["--pdf"])
def test_a_folder_that_does_not_exist(option, tmp_path, capsys):
    target = tmp_path / "missing" / NAMES[option]
    code, out = export(option, target, capsys)
    assert code == 2 and out.out == ""
    assert f"{option}: the folder {target.parent} does not exist" in out.err
    assert "create it first" in out.err and tree(tmp_path) == []


@pytest.mark.parametrize("option", OPTIONS)
def test_a_file_where_a_folder_should_be(option, tmp_path, capsys):
    (tmp_path / "notes").write_text("keep me")
    code, out = export(option, tmp_path / "notes" / NAMES[option], capsys)
    assert code == 2 and f"{option}: {tmp_path / 'notes'} is a file, not a folder" in out.err
    assert (tmp_path / "notes").read_text() == "keep me" and tree(tmp_path) == ["notes"]


@pytest.mark.parametrize("option", OPTIONS)
def test_a_folder_given_as_the_file(option, tmp_path, capsys):
    code, out = export(option, tmp_path, capsys)
    assert code == 2 and f"{option}: {tmp_path} is a folder; give a file name in it" in out.err
    assert tree(tmp_path) == []


def test_every_target_is_checked_before_anything_is_written(tmp_path, capsys):
    code = main(
        [
            "export",
            str(VALID),
            "--draws",
            "0",
            "--html",
            str(tmp_path / "ok.html"),
            "--xlsx",
            str(tmp_path / "no" / "plan.xlsx"),
        ]
    )
    assert code == 2 and "--xlsx: the folder" in capsys.readouterr().err
    assert tree(tmp_path) == []  # not even the HTML that could have been written


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(
        st.text(
            st.characters(whitelist_categories=("L", "N"), whitelist_characters="-_ ."),
            min_size=1,
            max_size=12,
        ).filter(lambda s: s not in (".", "..")),
        min_size=1,
        max_size=4,
    ),
    option=st.sampled_from(OPTIONS),
)
def test_any_missing_folder_is_refused_and_nothing_is_created(
    parts, option, tmp_path_factory, capsys
):
    base = tmp_path_factory.mktemp("exp")
    target = base.joinpath(*parts, NAMES[option])
    code, out = export(option, target, capsys)
    assert code == 2 and option in out.err and "does not exist" in out.err
    assert tree(base) == []


def test_scenario_export_to_a_bad_folder(tmp_path, capsys):
    db = tmp_path / "s.db"
    ScenarioStore(db).save("Plan A", load_case(VALID))
    (tmp_path / "afile").write_text("x")
    for to, words in (
        (tmp_path / "missing", "does not exist"),
        (tmp_path / "afile", "is a file, not a folder"),
    ):
        code = main(["scenario", "--db", str(db), "export", "1", "--to", str(to)])
        err = capsys.readouterr().err
        assert code == 2 and "--to: " in err and str(to) in err and words in err, err
    assert (tmp_path / "afile").read_text() == "x"


def test_an_export_writes_the_whole_file_with_the_usual_mode(tmp_path, capsys):
    target = tmp_path / "report.html"
    code, _ = export("--html", target, capsys)
    assert code == 0 and target.read_text().rstrip().endswith("</html>")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600
    assert tree(tmp_path) == ["report.html"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "report.html"
    target.write_text("the report of last week")
    with pytest.raises(RuntimeError), replaced(target, "--html") as tmp:
        tmp.write_text("half of a new rep")
        raise RuntimeError("the writer broke down")
    assert target.read_text() == "the report of last week" and tree(tmp_path) == ["report.html"]


def _small_files():  # a full disk, as far as this process can tell
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


@pytest.mark.parametrize("option", OPTIONS)
def test_a_disk_that_fills_up_leaves_no_half_written_file(option, tmp_path):
    target = tmp_path / NAMES[option]
    target.write_bytes(b"last week's export")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "businesscase.cli",
            "export",
            str(VALID),
            "--draws",
            "0",
            option,
            str(target),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        preexec_fn=_small_files,
        timeout=120,
    )
    assert out.returncode == 2, out.stderr
    assert (
        f"{option}: could not write {target}" in out.stderr and "nothing was written" in out.stderr
    )
    assert target.read_bytes() == b"last week's export"
    assert tree(tmp_path) == [target.name]


def test_a_folder_without_write_permission(tmp_path):
    from test_store_faults import unprivileged

    folder = tmp_path / "locked"
    folder.mkdir()
    db = tmp_path / "s.db"
    ScenarioStore(db).save("Plan A", load_case(VALID))
    folder.chmod(0o555)
    runs = [
        (["export", VALID, "--draws", "0", "--xlsx", folder / "p.xlsx"], "--xlsx"),
        (["export", VALID, "--draws", "0", "--html", folder / "r.html"], "--html"),
        (["scenario", "--db", db, "export", "1", "--to", folder], "--to"),
    ]
    try:
        results = unprivileged([args for args, _ in runs], tmp_path)
    finally:
        folder.chmod(0o755)
    for (code, _, err), (_, option) in zip(results, runs):
        assert code == 2, err
        assert f"{option}: no permission to write in the folder {folder}" in err
    assert tree(folder) == []


def test_pdf_without_chromium_says_how_to_get_it(tmp_path, capsys, monkeypatch):
    report = importlib.import_module("businesscase.export.report_html")
    monkeypatch.delenv("BUSINESSCASE_CHROMIUM", raising=False)
    monkeypatch.setattr(report.shutil, "which", lambda _name: None)
    code, out = export("--pdf", tmp_path / "r.pdf", capsys)
    assert code == 2 and "--pdf: PDF export needs Chromium" in out.err
    assert "internal error" not in out.err and tree(tmp_path) == []
