"""The include policy: an uploaded case reads nothing from the server but the shipped shared
files; a case file given by path reads its own folder tree and the assumptions folder, and
elsewhere only with --allow-include-outside; only regular files, with a size limit."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import ClassVar

import pytest
from builders import ASSUMPTIONS, ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from businesscase import evaluate, load_case
from businesscase.io.loader import load_upload
from businesscase.model.problems import LoadError
from dashboards.state import CaseState

VALID = (Path(__file__).resolve().parent / "bad_inputs" / "valid_case.yaml").read_text()
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def upload(includes: list[str], body: str = VALID) -> str:
    text = "include:\n" + "".join(f"  - {json.dumps(inc)}\n" for inc in includes) + body
    return text


def test_an_upload_may_include_the_shipped_shared_files():
    """The shipped case uploaded as bytes is the shipped case (before: its includes were
    looked for next to a temp file, and not found)."""
    data = (ASSUMPTIONS / "meeting_space.yaml").read_bytes()
    uploaded = evaluate(load_upload(data, "meeting_space.yaml"))
    from_file = evaluate(load_case(ASSUMPTIONS / "meeting_space.yaml"))
    assert uploaded.totals["social_npv"] == pytest.approx(from_file.totals["social_npv"])
    assert uploaded.case.partner_ids == from_file.case.partner_ids


def test_an_upload_is_not_written_anywhere(monkeypatch):
    def no_temp(*args, **kwargs):
        raise AssertionError("an upload was written to a temporary file")

    monkeypatch.setattr(tempfile, "TemporaryDirectory", no_temp)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_temp)
    monkeypatch.setattr(tempfile, "mkstemp", no_temp)
    state = CaseState(case_file=str(ASSUMPTIONS / "meeting_space.yaml"))
    assert state.import_file(upload(["shared/partners.yaml"]).encode(), "mine.yaml") is None
    assert state.opened == "mine.yaml" and state.base.meta.name == "Kleine buurtkamer"


SERVER_FILES = [
    "/etc/passwd",
    "/etc/shadow",
    "/etc/hostname",
    "/dev/zero",
    "/dev/urandom",
    "/proc/self/environ",
    "../../../../../../../../etc/passwd",
    "~root/.bashrc",
    "shared/../../../../../etc/passwd",
    "shared/../../pyproject.toml",
    "../pyproject.toml",
    "../businesscase/model/case.py",
    "no_such_file.yaml",
    "shared/no_such_file.yaml",
    "shared",
    ".",
]


@pytest.mark.parametrize("include", SERVER_FILES)
def test_an_uploads_message_shows_no_server_path_and_no_server_file(include):
    state = CaseState(case_file=str(ASSUMPTIONS / "meeting_space.yaml"))
    before = state.result.totals["social_npv"]
    message = state.import_file(upload([include]).encode(), "case.yaml")
    assert message and message == state.message
    assert message.startswith("case.yaml, regel 2: veld include: "), message
    assert "een geüploade case mag alleen de gedeelde bestanden opnemen" in message
    for leak in (str(ROOT), "/work", tempfile.gettempdir(), "root:", "[tool", "PATH="):
        assert leak not in message, message
    assert state.result.totals["social_npv"] == before  # the current case stays


@pytest.fixture
def planted(tmp_path, monkeypatch):
    """An assumptions folder with traps: symlinks out of it, a FIFO, a secret beside it."""
    base = tmp_path
    shipped = base / "assumptions"
    shutil.copytree(ASSUMPTIONS / "shared", shipped / "shared")
    (base / "secret.yaml").write_text("secret: s3cret\n")
    (shipped / "shared" / "evil.yaml").symlink_to(base / "secret.yaml")
    (shipped / "shared" / "evil_dir").symlink_to(base)
    (shipped / "shared" / "etc").symlink_to("/etc")
    (shipped / "loop.yaml").symlink_to(shipped / "loop.yaml")
    os.mkfifo(shipped / "shared" / "pipe.yaml")
    (shipped / "shared" / "nested.yaml").write_text("include: [../../secret.yaml]\n")
    monkeypatch.setenv("BUSINESSCASE_ASSUMPTIONS", str(shipped))
    return shipped


class Opened:
    """Every file the process opens while recording (an audit hook sees builtin open,
    os.open and io.open_code alike, so no way of reading is missed)."""

    recording = False
    paths: ClassVar[list] = []

    @classmethod
    def hook(cls, event, args):
        if cls.recording and event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            cls.paths.append(os.fsdecode(args[0]))


sys.addaudithook(Opened.hook)

PARTS = st.sampled_from(
    [
        "..",
        ".",
        "shared",
        "partners.yaml",
        "economics.yaml",
        "evil.yaml",
        "evil_dir",
        "etc",
        "passwd",
        "secret.yaml",
        "pipe.yaml",
        "loop.yaml",
        "nested.yaml",
        "",
        "~",
        "/",
        "\\",
        "..\\..",
        "%2e%2e",
    ]
)
NAMES = st.one_of(
    st.lists(PARTS, min_size=1, max_size=5).map("/".join),
    st.lists(PARTS, min_size=1, max_size=5).map(lambda ps: "/" + "/".join(ps)),
    st.lists(st.one_of(PARTS, st.text(min_size=1, max_size=8)), min_size=1, max_size=6).map(
        "/".join
    ),
    st.text(max_size=30),
)


@SETTINGS
@given(includes=st.lists(NAMES, min_size=1, max_size=3))
@example(includes=["shared/evil.yaml"])
@example(includes=["shared/evil_dir/secret.yaml"])
@example(includes=["shared/partners.yaml", "shared/nested.yaml"])
def test_random_includes_of_an_upload_never_read_outside_the_assumptions_folder(planted, includes):
    load_upload(upload(["shared/partners.yaml"]).encode(), "warm.yaml")  # imports done
    Opened.paths = []
    Opened.recording = True
    try:
        load_upload(upload(includes).encode(), "case.yaml")
    except LoadError as exc:
        message = str(exc)
    else:
        message = ""
    finally:
        Opened.recording = False
    root = planted.resolve()
    for path in Opened.paths:
        assert Path(path).resolve().is_relative_to(root), (path, includes)
    assert "s3cret" not in message and str(planted.parent) not in message, message


def test_the_planted_traps_are_refused_by_name(planted):
    cases = {
        "shared/evil.yaml": "leads outside the assumptions folder",
        "shared/evil_dir/secret.yaml": "leads outside the assumptions folder",
        "shared/etc/passwd": "leads outside the assumptions folder",
        "shared/pipe.yaml": "shared/pipe.yaml: is a FIFO (named pipe), not a regular file",
        "loop.yaml": "cannot be",
    }
    for include, words in cases.items():
        with pytest.raises(LoadError) as err:
            load_upload(upload([include]).encode(), "case.yaml")
        assert str(err.value).startswith("case.yaml:2: include: ") and words in str(err.value), str(
            err.value
        )
    # An include inside a shipped file is held to the same folder, and named by its line.
    with pytest.raises(LoadError) as err:
        load_upload(upload(["shared/nested.yaml"]).encode(), "case.yaml")
    assert str(err.value).startswith(
        "shared/nested.yaml:1: include: '../../secret.yaml' leads outside"
    )


def _limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))


def test_dev_zero_is_refused_before_it_is_read_even_with_the_flag(tmp_path):
    """Before: 2.4 GB of memory, then MemoryError (exit 1). Run in a capped process."""
    path = tmp_path / "case.yaml"
    path.write_text("include: [/dev/zero]\n" + VALID)
    out = subprocess.run(
        [sys.executable, "-m", "businesscase.cli", "run", str(path), "--allow-include-outside"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
        cwd=ROOT,
    )
    assert out.returncode == 2, out.stderr
    assert (
        "case.yaml:1: include: /dev/zero: is a character device, not a regular file" in out.stderr
    )


def test_the_cli_refuses_an_include_outside_naming_the_file_line_and_flag(tmp_path, capsys):
    from businesscase.cli import main

    path = tmp_path / "case.yaml"
    path.write_text("# a comment\ninclude:\n  - ./case.yaml\n  - /etc/hostname\n" + VALID)
    assert main(["run", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:4: include: '/etc/hostname' leads outside the case's folder" in err
    assert "--allow-include-outside" in err


def test_a_case_file_may_include_its_own_folder_tree_by_any_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "extra.yaml").write_text(
        "partners:\n  - id: kerk\n    name: {nl: Kerk, en: Church}\n    type: other\n"
    )
    path = tmp_path / "case.yaml"
    path.write_text(
        f"include: [sub/extra.yaml, {ASSUMPTIONS / 'shared' / 'economics.yaml'}]\n" + VALID
    )
    assert "kerk" in load_case(path).partner_ids
    path.write_text(f"include: [{tmp_path / 'sub' / 'extra.yaml'}]\n" + VALID)
    assert "kerk" in load_case(path).partner_ids


def test_a_file_growing_past_the_limit_is_read_no_further(tmp_path, monkeypatch):
    """A file whose size says 0 (as /proc files do) is still cut off after the limit."""
    from businesscase.io import yaml_source

    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (yaml_source.MAX_FILE_BYTES * 3))
    real_stat, read = os.stat, []

    def small_stat(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if Path(path) == big:
            return os.stat_result(result[:6] + (0,) + result[7:])
        return result

    def counting_read(fd, n):
        chunk = real_read(fd, n)
        read.append(len(chunk))
        return chunk

    real_read = os.read
    monkeypatch.setattr(yaml_source.os, "stat", small_stat)
    monkeypatch.setattr(yaml_source.os, "read", counting_read)
    with pytest.raises(yaml_source.InputProblem) as err:
        yaml_source.read_bounded(big, "big.yaml")
    monkeypatch.undo()
    assert "at most 5 MB" in str(err.value)
    assert sum(read) == yaml_source.MAX_FILE_BYTES + 1
