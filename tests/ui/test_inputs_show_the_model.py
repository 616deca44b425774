"""Every input shows the model's value (issue 15, point 2), in a real browser: dwellings
typed in its number box, then another case file, then an upload; the slider, the box and
the title follow the case in force each time, and the headline is the core's for it."""

from __future__ import annotations

from playwright.sync_api import expect
from test_dashboard import Dashboard, app  # noqa: F401

from businesscase import default_case_path, evaluate, load_case
from businesscase.io.case_yaml import case_to_yaml
from businesscase.io.loader import assumptions_dir
from businesscase.model import apply_changes

DWELLINGS = "drivers.dwellings"
OTHER = assumptions_dir() / "community_builder.yaml"


def npv(path, changes=None) -> float:
    return float(evaluate(apply_changes(load_case(path), changes or {})).totals.social_npv)


def shows(app: Dashboard, dwellings: int):
    expect(app.page.locator(".bc-dwellings-box input")).to_have_value(str(dwellings))
    expect(app.page.locator(".bc-dwellings .bk-slider-value")).to_have_text(str(dwellings))
    expect(app.page.locator(".bc-title")).to_contain_text(f"{dwellings} woningen")


def test_the_inputs_and_title_follow_the_case_in_force(app: Dashboard, tmp_path, screenshot_dir):
    page = app.page
    app.tab("tab_setup")
    shows(app, 60)
    box = page.locator(".bc-dwellings-box input")
    box.click()
    box.press("Control+a")
    box.press_sequentially("80", delay=20)
    box.press("Enter")
    app.wait_for_bar("social_npv", npv(default_case_path(), {DWELLINGS: 80}))
    shows(app, 80)
    page.screenshot(path=str(screenshot_dir / "dwellings_80_1280.png"))

    # Another case file: its own 60 dwellings, not the 80 typed for the last one.
    other = load_case(OTHER)
    page.locator(".bc-case-file select").select_option(label=other.meta.name)
    app.wait_for_bar("social_npv", npv(OTHER))
    shows(app, round(other.drivers["dwellings"].value))

    # An upload with a size of its own.
    mine = load_case(OTHER)
    mine.drivers["dwellings"].value = 37
    upload = tmp_path / "mijn_complex.yaml"
    upload.write_text(case_to_yaml(mine), encoding="utf-8")
    assert load_case(upload).drivers["dwellings"].value == 37
    page.locator(".bc-upload input[type=file]").set_input_files(str(upload))
    app.wait_for_bar("social_npv", npv(upload))
    shows(app, 37)
    app.assert_clean()
