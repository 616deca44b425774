"""A projector layout (issue 15, point 3), in a real browser: at 1280×720 and 1920×1080 no
page is wider than the screen, the headline figures and the language switch stay in view,
and the charts take the width they are given. Screenshots of every page at both sizes."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from test_dashboard import TAB_KEYS, TAB_READY, Dashboard, app  # noqa: F401

SIZES = [(1280, 720), (1920, 1080)]


def in_view(app: Dashboard, selector: str, width: int, height: int) -> None:
    box = app.page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"{selector}: {box}"
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, f"{selector}: {box}"


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_page_fits_the_screen(app: Dashboard, screenshot_dir, width, height):
    page = app.page
    page.set_viewport_size({"width": width, "height": height})
    for i, key in enumerate(TAB_KEYS, start=1):
        app.tab(key)
        if key in TAB_READY:
            expect(page.locator(TAB_READY[key]).first).to_be_visible()
        page.wait_for_timeout(400)  # the charts take their width
        page.evaluate("window.scrollTo(0, 0)")
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{key}: the page is {wide} px wide in {width} px"
        in_view(app, ".bc-headline-bar .bc-figure[data-key='social_npv']", width, height)
        in_view(app, ".bc-lang", width, height)
        for canvas in page.locator(".bk-Canvas").all():
            box = canvas.bounding_box()
            if box is not None and box["width"] > 0:  # a chart on this page
                assert box["x"] + box["width"] <= width + 1, f"{key}: a chart runs off"
        page.screenshot(path=str(screenshot_dir / f"projector_{width}_{i}_{key}.png"))
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(150)
        in_view(app, ".bc-headline-bar .bc-figure[data-key='social_npv']", width, height)
        in_view(app, ".bc-lang", width, height)
    app.assert_clean()
