"""The results page answers the sceptic and the asset manager (issue 15, points 8 and 9),
in a real browser on the default case: "what must be true" with every break-even the
core's, marked where it lies outside its range, and the investor's onrendabele top."""

from __future__ import annotations

import math

from playwright.sync_api import expect
from test_dashboard import Dashboard, app, core_result  # noqa: F401

from businesscase import default_case_path, load_case
from businesscase.engine import investor_view
from businesscase.text import formatting as fmt
from businesscase.text import t as ui
from businesscase.uncertainty import what_must_be_true


def test_what_must_be_true_and_the_investors_view(app: Dashboard, screenshot_dir):
    page = app.page
    page.set_viewport_size({"width": 1280, "height": 720})
    app.tab("tab_results")
    expected = what_must_be_true(load_case(default_case_path()))
    assert len(expected) >= 5  # the default case is negative: there is something to find
    rows = page.locator(".bc-mbt tbody tr")
    expect(rows).to_have_count(len(expected))
    shown = rows.evaluate_all(
        "els => els.map(e => [e.dataset.row, e.dataset.value,"
        " e.querySelector('.bc-break-even').className])"
    )
    for (row, value, css), r in zip(shown, expected.itertuples(), strict=True):
        assert row == f"{r.parameter}|{r.target}"
        if math.isfinite(r.break_even):
            assert abs(float(value) - r.break_even) <= 1e-6 * max(1.0, abs(r.break_even))
            assert ("bc-outside" in css) == (not r.in_range)
        else:
            assert value == ""
    expect(page.locator(".bc-mbt")).not_to_contain_text("drivers.")  # names, not keys
    page.locator(".bc-mbt").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "must_be_true_1280.png"))

    view = investor_view(core_result(), "woningcorporatie")
    figures = page.locator(".bc-investor-figures")
    expect(figures).to_contain_text(ui("unprofitable_top", "nl"))
    expect(figures).to_contain_text(fmt.euro(view.unprofitable_top, 0, "nl"))
    expect(page.locator(".bc-investor-tornado tbody tr")).to_have_count(5)
    page.locator(".bc-investor-view").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "investor_view_1280.png"))
    app.assert_clean()
