"""The user's mistakes and bugs take different paths: a UserError is exit 2 with its
message; any other exception is an internal error, exit 1, one sentence on stderr and
the traceback in a log file named in that sentence."""

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from businesscase.cli import commands as cli
from businesscase.cli.analysis import COMMANDS as ANALYSIS
from businesscase.model.problems import OptionError, UserError

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def state_home(tmp_path, monkeypatch):
    home = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(home))
    return home


def failing(exc):
    def command(_args):
        raise exc

    return command


@pytest.mark.parametrize(
    "exc",
    [
        KeyError("drivers.x"),
        ValueError("bad value"),
        RuntimeError("no luck"),
        TypeError("int() of None"),
        IndexError("index 0 is out of bounds"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_a_bug_is_an_internal_error_with_a_logged_traceback(exc, monkeypatch, capsys, state_home):
    monkeypatch.setattr(cli, "cmd_run", failing(exc))
    code = cli.main(["run"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "internal error" in err and type(exc).__name__ in err
    assert len(err.strip().splitlines()) == 1  # one sentence, not a traceback
    assert "Traceback" not in err
    log = state_home / "businesscase" / "errors.log"
    assert str(log) in err
    text = log.read_text()
    assert "Traceback (most recent call last)" in text and type(exc).__name__ in text
    assert "failing" in text or "command" in text  # the frame that raised is in the log


def test_an_analysis_command_bug_is_an_internal_error_too(monkeypatch, capsys, state_home):
    monkeypatch.setitem(ANALYSIS, "tornado", failing(KeyError("oops")))
    assert cli.main(["tornado"]) == 1
    assert "internal error" in capsys.readouterr().err


@pytest.mark.parametrize(
    "exc",
    [UserError("scenario 9 does not exist in x.db"), OptionError("--draws", "must be 1 or more")],
    ids=["UserError", "OptionError"],
)
def test_a_user_mistake_is_exit_2_with_its_message(exc, monkeypatch, capsys, state_home):
    monkeypatch.setattr(cli, "cmd_run", failing(exc))
    code = cli.main(["run"])
    err = capsys.readouterr().err
    assert code == 2
    assert str(exc) in err and "internal error" not in err
    assert not (state_home / "businesscase" / "errors.log").exists()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    message=st.text(min_size=1, max_size=80).filter(lambda s: s.strip()),
    user=st.booleans(),
    kind=st.sampled_from([KeyError, ValueError, RuntimeError, ZeroDivisionError, AttributeError]),
)
def test_only_a_user_error_is_the_users_mistake(
    message, user, kind, monkeypatch, capsys, state_home
):
    exc = UserError(message) if user else kind(message)
    monkeypatch.setattr(cli, "cmd_run", failing(exc))
    code = cli.main(["run"])
    err = capsys.readouterr().err
    assert code == (2 if user else 1)
    assert ("internal error" in err) is not user


def test_the_log_falls_back_to_the_temp_folder(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "a_file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocked))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    monkeypatch.setattr(cli, "cmd_run", failing(RuntimeError("boom")))
    assert cli.main(["run"]) == 1
    log = tmp_path / "businesscase-errors.log"
    assert str(log) in capsys.readouterr().err and "RuntimeError: boom" in log.read_text()


def test_the_real_cli_reports_a_bug_in_one_line(tmp_path):
    """In a fresh process: a bug planted in the engine surfaces as exit 1, one line."""
    script = (
        "import sys, businesscase.cli.commands as c\n"
        "def boom(args): raise KeyError('planted')\n"
        "c.cmd_run = boom\n"
        "sys.exit(c.main(['run']))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "XDG_STATE_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert out.returncode == 1
    assert out.stderr.count("\n") == 1 and "internal error (KeyError: 'planted')" in out.stderr
    assert "planted" in (tmp_path / "businesscase" / "errors.log").read_text()
