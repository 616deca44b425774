"""Chart axes in a real browser: euro ticks in Dutch format (€ 20.000, € 1,2 mln), the same
as the core's rule, titled with their unit, and English after the switch."""

from __future__ import annotations

from test_dashboard import TAB_KEYS, TABS_EN, Dashboard, app  # noqa: F401

from businesscase.text.formatting import euro_axis

TICKS = [0, 5_000, -20_000, 250_000, 1_234_567, -2_500_000, 12_000_000]

# Every euro axis Bokeh holds in the page: what its formatter writes for TICKS, and the
# title of the axis it formats.
READ_AXES = """(ticks) => {
  const out = [];
  for (const doc of Bokeh.documents) {
    for (const m of doc._all_models.values()) {
      if (m.type !== "LinearAxis" || !m.formatter || m.formatter.name !== "bc-euro-axis") continue;
      out.push({title: m.axis_label, ticks: ticks.map((v) => m.formatter.compute(v))});
    }
  }
  return out;
}"""


def axes(app: Dashboard) -> list[dict]:
    return app.page.evaluate(READ_AXES, TICKS)


def test_euro_axes_read_dutch_and_say_their_unit(app: Dashboard, screenshot_dir):
    app.tab("tab_results")
    app.wait_until(lambda: len(axes(app)) >= 3 or axes(app), "no euro axes on the page")
    expected = [euro_axis(v, "nl") for v in TICKS]
    assert expected[2] == "-€ 20.000" and expected[4] == "€ 1,2 mln"  # worked by hand
    for axis in axes(app):
        assert axis["ticks"] == expected
        assert axis["title"], f"a euro axis without a title: {axes(app)}"
    titles = " | ".join(a["title"] for a in axes(app))
    assert "€ per jaar" in titles and "contante waarde" in titles
    app.page.screenshot(path=str(screenshot_dir / "axes_nl_results.png"), full_page=True)
    app.language("EN", TABS_EN)
    for tab in TAB_KEYS:  # a page renders when it is shown
        app.tab(tab)
        # As a person reads a page before the next: tabs clicked faster than the server
        # answers can leave a chart unrendered (noted on issue 15).
        app.page.wait_for_timeout(800)
    app.wait_until(
        lambda: (
            all(a["ticks"] == [euro_axis(v, "en") for v in TICKS] for a in axes(app)) or axes(app)
        ),
        "the axes did not switch to English",
    )
    assert "€ a year" in " | ".join(a["title"] for a in axes(app))
    app.assert_clean()
