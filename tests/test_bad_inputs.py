"""The bad-input catalogue: every file in tests/bad_inputs/ gets a message naming file, line
and field and saying what is allowed; exit code 2 from the CLI; an inline message in the
dashboard with the last good state kept; no file or stored scenario changed."""

import hashlib
import os
import tempfile
import threading
import time
from pathlib import Path

import pytest
import yaml

from businesscase import evaluate, load_case
from businesscase.allocation import allocate
from businesscase.cli import main
from businesscase.export import workbook
from businesscase.io.loader import assumptions_dir
from businesscase.scenarios import ScenarioStore
from dashboards.state import CaseState

HERE = Path(__file__).resolve().parent / "bad_inputs"
EXPECTED = yaml.safe_load((HERE / "expected.yaml").read_text())
VALID = HERE / "valid_case.yaml"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_catalogue_has_at_least_thirty_cases():
    assert len(EXPECTED) + len(GENERATED) >= 30
    assert all((HERE / e["file"]).exists() for e in EXPECTED.values())


def test_the_valid_case_is_valid():
    assert evaluate(load_case(VALID)).totals["social_npv"] != 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_names_file_line_and_field(name, capsys):
    e = EXPECTED[name]
    path = HERE / e["file"]
    before = digest(path)
    code = main([*(e.get("command") or ["run"]), str(path)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert e["message"] in err, err
    shown = e.get("reported_file", e["file"].split("/")[-1])
    where = f"{shown}:{e['line']}:" if e["line"] else shown
    assert where in err, err
    if e["field"]:
        assert f" {e['field']}" in err, err
    assert digest(path) == before  # the user's file is untouched


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dashboard_shows_the_message_and_keeps_the_last_good_state(name):
    e = EXPECTED[name]
    if e.get("command"):  # valid to load; the nucleolus refusal is checked below
        return
    # In English the expected messages are the CLI's words; the Dutch frame is checked below.
    state = CaseState(case_file=str(VALID), lang="en")
    good = state.result.totals["social_npv"]
    path = HERE / e["file"]
    if "/" in e["file"]:  # a case with includes is chosen from its folder, not uploaded
        state.case_file = str(path)
        error = state.message
        message = e["message"]
    else:
        error = state.import_file(path.read_bytes(), path.name)
        message = e.get("upload_message", e["message"])
        assert_no_server_path(error)
    assert error and message in error and e.get("reported_file", path.name) in error, error
    if e["line"] and "/" not in e["file"]:
        assert f"{path.name}:{e['line']}:" in error, error
        state.lang = "nl"
        dutch = state.import_file(path.read_bytes(), path.name)
        assert f"{path.name}, regel {e['line']}:" in dutch, dutch
    assert state.result.totals["social_npv"] == good and state.base.meta.name == "Kleine buurtkamer"


def assert_no_server_path(message: str) -> None:
    """An upload's message names the upload and the shipped files, never where they lie,
    and quotes no server file (the include the user wrote may be echoed)."""
    for server_path in (
        "/tmp",
        "/work",
        str(assumptions_dir().resolve()),
        str(HERE),
        tempfile.gettempdir(),
        "root:x:0:0",
    ):
        assert server_path not in message, message


# -- generated bad inputs (too big, binary or not YAML to keep as files) ---------------------


def make_big(tmp):
    path = tmp / "big.yaml"
    with path.open("w") as f:
        f.write("meta:\n  name: " + "x" * (50 * 1024 * 1024) + "\n")
    return path, None, "at most 5 MB"


def make_bomb(tmp):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    path = tmp / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path, None, "alias bomb"


def make_latin1(tmp):
    path = tmp / "latin1.yaml"
    path.write_bytes(
        VALID.read_text().replace("Kleine buurtkamer", "Café de Buurt").encode("cp1252")
    )
    return path, 3, "not UTF-8"


def make_excel_text(tmp):
    result = evaluate(load_case(VALID))
    path = tmp / "case.xlsx"
    wb = workbook(result, allocate(result))
    ws = wb["Aannames"]
    row = next(
        r for r in range(2, ws.max_row + 1) if ws.cell(row=r, column=1).value == "drivers.dwellings"
    )
    ws.cell(row=row, column=5).value = "zestig"
    wb.save(path)
    return path, f"cell E{row}", "'zestig' is not a number"


def make_deep(tmp):
    path = tmp / "deep_nesting.yaml"
    path.write_text("meta: " + "[" * 20_000 + "]" * 20_000 + "\n")
    return path, 1, "nested deeper than 64 levels"


def make_deep_aliases(tmp):
    # Each anchor nests 40 levels and holds the one before: the text nests only 41
    # levels, but the built data 400.
    lines = ["a0: &a0 " + "[" * 40 + "x" + "]" * 40]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} " + "[" * 40 + f"*a{i - 1}" + "]" * 40)
    path = tmp / "deep_aliases.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path, 2, "nested deeper than 64 levels (through aliases)"


GENERATED = {
    "file_of_50_mb": make_big,
    "alias_bomb": make_bomb,
    "non_utf8_bytes": make_latin1,
    "excel_text_in_number_cell": make_excel_text,
    "deep_nesting": make_deep,
    "deep_nesting_through_aliases": make_deep_aliases,
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_bad_inputs(name, tmp_path, capsys):
    path, where, message = GENERATED[name](tmp_path)
    before = digest(path)
    code = main(["run", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and path.name in err, err
    if isinstance(where, int):
        assert f"{path.name}:{where}:" in err
    elif where:
        assert where in err and "drivers.dwellings" in err
    assert digest(path) == before
    # the expected words are the CLI's English: the dashboard in English shows them too
    if name != "file_of_50_mb":
        state = CaseState(case_file=str(VALID), lang="en")
        error = state.import_file(path.read_bytes(), path.name)
        assert error and message in error and state.base.meta.name == "Kleine buurtkamer"
        assert_no_server_path(error)
    else:
        state = CaseState(case_file=str(VALID), lang="en")
        assert "at most 5 MB" in state.import_file(path.read_bytes(), path.name)


def test_scenario_name_with_path_separators(tmp_path, capsys):
    db = tmp_path / "s.db"
    store = ScenarioStore(db)
    store.save("Plan A", load_case(VALID))
    before = [(v.scenario_id, v.number) for v in store.scenarios()]
    code = main(["scenario", "--db", str(db), "save", str(VALID), "--name", "../../etc/passwd"])
    err = capsys.readouterr().err
    assert code == 2 and "cannot contain / or" in err
    assert [(v.scenario_id, v.number) for v in ScenarioStore(db).scenarios()] == before
    assert not (tmp_path.parent / "etc").exists()


# -- generated includes: special files and files outside the case's folder -------------------

SECRET = "root_password: s3cret-hash-do-not-show\n"


def case_including(folder: Path, target: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "case.yaml"
    path.write_text(f"include: [{target}]\n" + VALID.read_text())
    return path


def unblock_fifo_after(fifo: Path, seconds: float) -> threading.Thread:
    """Without the policy, reading a FIFO blocks until a writer comes; this writer comes
    late so that a regression fails the test instead of hanging it."""

    def write():
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(0.2)
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # no reader: the FIFO was refused, as it should be
            return
        os.write(fd, b"meta: {}\n")
        os.close(fd)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def test_include_of_a_fifo_is_refused_without_blocking(tmp_path, capsys):
    fifo = tmp_path / "case" / "pipe.yaml"
    path = case_including(tmp_path / "case", "pipe.yaml")
    os.mkfifo(fifo)
    unblock_fifo_after(fifo, 10)
    started = time.monotonic()
    code = main(["run", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and time.monotonic() - started < 8, err
    assert "case.yaml:1: include: pipe.yaml: is a FIFO (named pipe), not a regular file" in err


def test_symlink_out_of_the_case_folder_needs_the_flag_and_its_content_stays_hidden(
    tmp_path, capsys
):
    (tmp_path / "outside").mkdir()
    secret = tmp_path / "outside" / "secret.yaml"
    secret.write_text(SECRET)
    path = case_including(tmp_path / "case", "link.yaml")
    (tmp_path / "case" / "link.yaml").symlink_to(secret)
    assert main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert "case.yaml:1: include: 'link.yaml' leads outside the case's folder" in err
    assert "--allow-include-outside" in err and "s3cret" not in err
    assert main(["run", str(path), "--allow-include-outside"]) == 2
    err = capsys.readouterr().err
    assert "link.yaml:1: not a valid case file (its content is not shown" in err, err
    assert "s3cret" not in err and "root_password" not in err


@pytest.mark.parametrize(
    "content",
    [
        SECRET,
        "s3cret: [unclosed\n",
        "s3cret: !!binary aGk=\n",
        "- s3cret\n",
        "partners: [{id: s3cret}]\n",
        "s3cret: 1\ns3cret: 2\n",
        "2025-13-45 s3cret: 1\n",
        "s3cret\x00\n",
    ],
)
def test_a_server_file_included_with_the_flag_is_never_quoted(tmp_path, capsys, content):
    (tmp_path / "server").mkdir()
    (tmp_path / "server" / "shadow").write_text(content)
    path = case_including(tmp_path / "case", str(tmp_path / "server" / "shadow"))
    assert main(["run", str(path), "--allow-include-outside"]) == 2
    err = capsys.readouterr().err
    assert "shadow" in err and "s3cret" not in err and "root_password" not in err, err
    assert "its content is not shown" in err


def test_include_outside_the_folder_is_read_with_the_flag(tmp_path, capsys):
    """The flag is a real way out: a partners file kept elsewhere is used."""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "extra.yaml").write_text(
        "partners:\n  - id: kerk\n    name: {nl: Kerk, en: Church}\n    type: other\n"
    )
    path = case_including(tmp_path / "case", "../elsewhere/extra.yaml")
    for command in ("run", "allocate"):
        assert main([command, str(path)]) == 2
        assert "run with --allow-include-outside" in capsys.readouterr().err
        assert main([command, str(path), "--allow-include-outside", "--json"]) == 0
        out = capsys.readouterr().out
        assert (
            command == "allocate" or '"kerk"' in out
        )  # a split leaves out a partner without stake
