"""The scenario store when its database cannot be used as asked: a message naming the
database and what to do, exit 2 from the CLI, and nothing lost or changed."""

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase import load_case
from businesscase.cli import main
from businesscase.scenarios import ScenarioStore, database
from businesscase.scenarios import store as store_module
from businesscase.scenarios.database import FAULT_KINDS, StoreError

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "bad_inputs" / "valid_case.yaml"
CASE = load_case(VALID)
# Root ignores file permissions; drop the capabilities that let it, where capsh exists.
CAPSH = shutil.which("capsh")
NO_OVERRIDE = "cap_dac_override,cap_dac_read_search,cap_fowner"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def cli(*args, capsys):
    code = main(list(map(str, args)))
    out = capsys.readouterr()
    return code, out.out, out.err


def made_store(path: Path, versions: int = 3) -> list[tuple[int, int]]:
    store = ScenarioStore(path)
    v = store.save("Plan A", CASE, notes="first")
    for _ in range(versions - 1):
        store.save("Plan A", CASE, scenario_id=v.scenario_id)
    store.save("Plan B", CASE)
    store.engine.dispose()
    return held(path)


def held(path: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return con.execute(
            "SELECT scenario_id, number FROM scenario_version ORDER BY scenario_id, number"
        ).fetchall()


# -- files and URLs that are no scenario store ------------------------------------------------


def test_a_missing_folder_is_named_and_nothing_is_created(tmp_path, capsys):
    db = tmp_path / "not_there" / "deeper" / "s.db"
    code, out, err = cli("scenario", "--db", db, "list", capsys=capsys)
    assert code == 2 and out == ""
    assert str(db) in err and f"the folder {tmp_path / 'not_there'} does not exist" in err
    assert "create it" in err and listing(tmp_path) == []


def test_a_file_where_the_folder_should_be(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine")
    code, _, err = cli("scenario", "--db", tmp_path / "notes.txt" / "s.db", "list", capsys=capsys)
    assert code == 2 and "notes.txt is a file, not a folder" in err
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_folder_given_as_the_database(tmp_path, capsys):
    code, _, err = cli("scenario", "--db", tmp_path, "list", capsys=capsys)
    assert code == 2 and f"{tmp_path} is a folder, not a file" in err
    assert f"{tmp_path}/scenarios.db" in err and listing(tmp_path) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    content=st.binary(min_size=1, max_size=5000).filter(
        lambda b: not b.startswith(b"SQLite format 3")
    )
)
def test_a_file_that_is_not_a_database_is_left_untouched(content, tmp_path_factory, capsys):
    folder = tmp_path_factory.mktemp("notdb")
    path = folder / "scenarios.db"
    path.write_bytes(content)
    for action in (["list"], ["save", VALID, "--name", "X"]):
        code, _, err = cli("scenario", "--db", path, *action, capsys=capsys)
        assert code == 2, err
        assert f"{path} is not a scenario database" in err and "left untouched" in err
    assert path.read_bytes() == content and listing(folder) == ["scenarios.db"]


def test_a_text_file(tmp_path, capsys):
    path = tmp_path / "scenarios.db"
    path.write_text("Scenario's van de buurtkamer:\n- plan A\n")
    before = digest(path)
    code, _, err = cli("scenario", "--db", path, "versions", "1", capsys=capsys)
    assert code == 2 and "is not a scenario database (not an SQLite file)" in err
    assert digest(path) == before


def test_a_database_of_another_program_gets_no_tables(tmp_path, capsys):
    path = tmp_path / "address_book.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE contacts (name TEXT)")
    before = digest(path)
    code, _, err = cli("scenario", "--db", path, "save", VALID, "--name", "A", capsys=capsys)
    assert code == 2 and "is a database of another program (tables: contacts)" in err
    assert digest(path) == before


def test_a_damaged_store_is_named_with_a_way_out(tmp_path, capsys):
    path = tmp_path / "s.db"
    made_store(path, versions=40)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # every page after the first: garbage
        data[start + 8 : start + 64] = os.urandom(56)
    path.write_bytes(bytes(data))
    before = digest(path)
    code, _, err = cli("scenario", "--db", path, "list", capsys=capsys)
    assert code == 2, err
    assert f"scenario database {path} is damaged" in err and ".recover" in err
    assert digest(path) == before


@pytest.mark.parametrize(
    "url,words,todo",
    [
        (
            "postgresql://ans@db.example/plans",
            "needs the Python package psycopg",
            "pip install psycopg",
        ),
        (
            "postgresql://ans:secret@db.example/plans",
            "needs the Python package psycopg",
            "pip install psycopg",
        ),
        ("nonsense://x", "no kind of database called 'nonsense'", "sqlite:///"),
        ("://x", "Could not parse", "sqlite:///"),
    ],
)
def test_a_bad_database_url(url, words, todo, capsys):
    code, _, err = cli("scenario", "--db", url, "list", capsys=capsys)
    assert code == 2 and words in err and todo in err, err
    assert "secret" not in err  # a password in the URL is never shown
    assert f"database URL {url.replace(':secret', ':***')}" in err


def test_every_fault_has_both_languages_and_names_the_database():
    fields = dict(folder="/f", tables="t", detail="d", seconds=1.0, module="m")
    for kind in FAULT_KINDS:
        exc = StoreError("/data/s.db", kind, **fields)
        assert "/data/s.db" in exc.text("en") and "/data/s.db" in exc.text("nl"), kind
        assert exc.text("en") != exc.text("nl") and str(exc) == exc.text("en")


# -- a store that is locked or full --------------------------------------------------------


def test_a_locked_store_waits_then_says_so_and_loses_nothing(tmp_path, capsys, monkeypatch):
    path = tmp_path / "s.db"
    before = made_store(path)
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.5)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        code, _, err = cli(
            "scenario", "--db", path, "save", VALID, "--name", "C", "--scenario", "1", capsys=capsys
        )
        assert code == 2 and f"scenario database {path} is locked" in err
        assert "nothing was saved" in err and "try again" in err
        code, out, _ = cli("scenario", "--db", path, "versions", "1", capsys=capsys)
        assert code == 0 and out.count("Plan A") == 3  # reading works meanwhile
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert held(path) == before
    code, _, _ = cli(
        "scenario", "--db", path, "save", VALID, "--name", "C", "--scenario", "1", capsys=capsys
    )
    assert code == 0 and held(path) == sorted(before + [(1, 4)])


def test_a_full_disk_says_so_and_keeps_every_earlier_version(tmp_path, capsys, monkeypatch):
    path = tmp_path / "s.db"
    before = made_store(path)
    plain = database.sqlite_pragmas

    def no_room(con, writable):  # sqlite's own size limit: SQLITE_FULL, as on a full disk
        plain(con, writable)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(database, "sqlite_pragmas", no_room)
    for extra in ([], ["--scenario", "1"]):
        code, _, err = cli(
            "scenario", "--db", path, "save", VALID, "--name", "Big", *extra, capsys=capsys
        )
        assert code == 2 and f"scenario database {path}: the disk is full" in err, err
        assert "earlier versions are intact" in err
    monkeypatch.setattr(database, "sqlite_pragmas", plain)
    assert held(path) == before
    with sqlite3.connect(path) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- a read-only store: reading works, saving says why not ---------------------------------

# Several CLI runs in one process without the right to override file permissions; each
# run's (exit code, stdout, stderr) as JSON.
RUNS = """
import contextlib, io, json, sys
from businesscase.cli import main
out = []
for args in json.loads(sys.argv[1]):
    o, e = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(o), contextlib.redirect_stderr(e):
        code = main(args)
    out.append([code, o.getvalue(), e.getvalue()])
print(json.dumps(out))
"""


def unprivileged(runs: list[list], cwd: Path) -> list[tuple[int, str, str]]:
    command = [sys.executable, "-c", RUNS, json.dumps([[str(a) for a in r] for r in runs])]
    if os.geteuid() == 0:
        if CAPSH is None:
            pytest.skip("running as root without capsh: file permissions do not apply")
        command = [CAPSH, f"--drop={NO_OVERRIDE}", "--", "-c", shlex.join(command)]
    out = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=180,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert out.returncode == 0, out.stderr
    return [tuple(r) for r in json.loads(out.stdout)]


@pytest.mark.parametrize("folder_writable", [True, False], ids=["file_0444", "file_and_folder_ro"])
def test_a_read_only_store_can_be_read_but_not_written(tmp_path, folder_writable):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "s.db"
    before = made_store(path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    path.chmod(0o444)
    if not folder_writable:
        folder.chmod(0o555)
    try:
        before_bytes = digest(path)
        db = ["scenario", "--db", path]
        listed, versions, opened, exported, saved = unprivileged(
            [
                db + ["list"],
                db + ["versions", "1"],
                db + ["open", "1", "--version", "2"],
                db + ["export", "1", "--to", out_dir],
                db + ["save", VALID, "--name", "C"],
            ],
            tmp_path,
        )
        assert listed[0] == 0, listed[2]
        assert "Plan A" in listed[1] and "Plan B" in listed[1]
        assert versions[0] == 0 and versions[1].count("Plan A") == 3
        assert opened[0] == 0 and "MKBA" in opened[1]
        assert exported[0] == 0, exported[2]
        assert load_case(exported[1].strip()).meta.name == CASE.meta.name
        assert saved[0] == 2, saved[2]
        assert f"scenario database {path} is read-only" in saved[2]
        assert "write permission" in saved[2] and "Traceback" not in saved[2]
        assert digest(path) == before_bytes
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)
    assert held(path) == before


def test_a_new_store_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        [(code, _, err)] = unprivileged([["scenario", "--db", folder / "s.db", "list"]], tmp_path)
    finally:
        folder.chmod(0o755)
    assert code == 2
    assert f"cannot create the scenario database {folder / 's.db'}" in err
    assert "no write permission" in err and listing(folder) == []


# -- unknown scenarios and versions -------------------------------------------------------


@pytest.mark.parametrize(
    "action",
    [
        ["versions", "999"],
        ["open", "999"],
        ["export", "999"],
        ["open", "1", "--version", "7"],
        ["export", "1", "--version", "7"],
        ["save", str(VALID), "--name", "X", "--scenario", "999"],
    ],
)
def test_a_scenario_or_version_that_does_not_exist(action, tmp_path, capsys, monkeypatch):
    path = tmp_path / "s.db"
    before = made_store(path)
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("scenario", "--db", path, *action, capsys=capsys)
    assert code == 2 and out == ""
    what = "scenario 1 version 7" if "--version" in action else "scenario 999"
    assert f"{what} does not exist in {path}" in err and "scenario list" in err
    assert held(path) == before
    assert set(listing(tmp_path)) <= {"s.db", "s.db-wal", "s.db-shm"}  # no export written


def test_versions_of_a_scenario_lists_them(tmp_path, capsys):
    path = tmp_path / "s.db"
    made_store(path)
    code, out, _ = cli("scenario", "--db", path, "versions", "1", capsys=capsys)
    assert code == 0 and [ln.split()[0] for ln in out.splitlines()] == ["v1", "v2", "v3"]
