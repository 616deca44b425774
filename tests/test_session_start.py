"""A session never starts on a traceback: a broken start file opens the default case and
says why, and a failure while building the page shows a sentence in both languages."""

from __future__ import annotations

from pathlib import Path

import panel as pn

import dashboards.app as app_module
from businesscase.io import default_case_path, load_case
from businesscase.text import t

BAD = Path(__file__).parent / "bad_inputs" / "low_above_high.yaml"


def texts(viewable) -> str:
    return " ".join(str(getattr(o, "object", "")) for o in viewable.select(pn.pane.HTML))


def test_a_broken_start_file_opens_the_default_case_and_names_the_problem(monkeypatch):
    monkeypatch.setenv("BUSINESSCASE_CASE", str(BAD))
    page = app_module.serve_app()
    state = page.state
    assert Path(state.case_file) == default_case_path()
    assert state.case.meta.name == load_case(default_case_path()).meta.name
    assert f"{BAD}, regel 26" in state.message and "drivers.dwellings" in state.message
    shown = texts(page)
    assert "drivers.dwellings" in shown and "Traceback" not in shown  # in the banner


def test_a_page_that_cannot_be_built_says_so_without_a_traceback(monkeypatch):
    def broken(*_, **__):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(app_module, "create_app", broken)
    shown = texts(app_module.serve_app())
    assert t("internal_error", "nl") in shown and t("internal_error", "en") in shown
    assert "secret internal detail" not in shown and "Traceback" not in shown


def test_the_case_list_is_read_once_per_version_of_the_files(monkeypatch, tmp_path):
    import shutil

    import dashboards.state.case as case_module

    folder = tmp_path / "assumptions"
    shutil.copytree(default_case_path().parent, folder)
    monkeypatch.setattr(case_module, "assumptions_dir", lambda: folder)
    reads = []
    real = case_module.load_case
    monkeypatch.setattr(case_module, "load_case", lambda p: reads.append(p) or real(p))
    first = case_module.case_files()
    n = len(reads)
    assert n >= 5 and case_module.case_files() == first and len(reads) == n
    meeting = folder / "meeting_space.yaml"
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace("name:", "name: Gewijzigd", 1),
        encoding="utf-8",
    )
    again = case_module.case_files()
    assert len(reads) == 2 * n and any(name.startswith("Gewijzigd") for name in again)
