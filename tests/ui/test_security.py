"""The dashboard attacked as a coalition member could: script payloads in every text a user
can set (an uploaded case's names, labels, sources and units; a renamed and an added
partner; a stored scenario opened by someone else; a refused upload's key and file name),
and files over the upload cap. A real Chromium counts dialogs (there must be none) and
searches the DOM, shadow roots included, for elements built from a payload."""

from __future__ import annotations

from payloads import (
    LIVE_ELEMENTS_JS,
    PAGE_TEXT_JS,
    PAYLOADS,
    SLASHLESS,
    VALID,
    bad_key_yaml,
    payload,
    payload_case_yaml,
)
from playwright.sync_api import expect
from test_dashboard import TABS_EN, TABS_NL, Dashboard, app, core_headlines  # noqa: F401

from businesscase.io.yaml_source import MAX_FILE_BYTES
from businesscase.text import t as ui

YAML = "application/x-yaml"


class Watch:
    """Dialogs and live payload elements of one page, step by step; the text it showed."""

    def __init__(self, page):
        self.page, self.dialogs, self.live, self.shown = page, [], {}, ""
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def look(self, step: str):
        found = self.page.evaluate(LIVE_ELEMENTS_JS)
        if found:
            self.live[step] = sorted(set(found))
        self.shown += " " + self.page.evaluate(PAGE_TEXT_JS)

    def tour(self, dash: Dashboard, titles: list[str], step: str):
        for title in titles:
            dash.tab(title)
            dash.page.wait_for_timeout(150)  # the page refreshes when shown
            self.look(f"{step} / {title}")

    def assert_safe(self):
        self.page.wait_for_timeout(300)  # a late image error would fire now
        assert not self.dialogs, f"{len(self.dialogs)} dialogs opened: {self.dialogs[:10]}"
        assert not self.live, f"elements built from a payload: {self.live}"


def upload(dash: Dashboard, name: str, data: bytes):
    dash.tab("tab_setup")
    dash.page.locator(".bc-upload input[type=file]").set_input_files(
        {"name": name, "mimeType": YAML, "buffer": data}
    )


def test_no_payload_runs_or_becomes_an_element_on_any_page(
    app: Dashboard, browser, app_server, screenshot_dir
):
    watch = Watch(app.page)
    data, fields = payload_case_yaml()
    upload(app, "case.yaml", data)
    title = app.page.locator(".bc-title")
    app.wait_until(lambda: "Q01" in app.text(title) or app.text(title), "the case did not open")
    watch.tour(app, TABS_NL, "uploaded case")
    app.page.screenshot(path=str(screenshot_dir / "security_nl_verdeling.png"), full_page=True)
    app.language("EN", TABS_EN)
    watch.tour(app, TABS_EN, "uploaded case, EN")
    watch.assert_safe()
    app.language("NL", TABS_NL)

    # Rename a partner in the table, add one: the Dutch names everywhere
    app.tab("tab_setup")
    cell = app.page.locator(".bc-partners .tabulator-row").first.locator(
        ".tabulator-cell[tabulator-field='name_nl']"
    )
    app.settle(cell)
    cell.click()
    editor = cell.locator("input")
    editor.fill(payload(60))  # pasted: Tabulator takes some typed keys for navigation
    editor.press("Enter")
    expect(editor).to_have_count(0)
    app.page.get_by_placeholder(ui("new_partner_name")).fill(payload(61))
    app.page.locator("button", has_text=ui("add_partner")).click()
    app.wait_until(
        lambda: app.page.locator(".bc-partners .tabulator-row").count() == 3 or "not added",
        "the partner was not added",
    )
    watch.tour(app, TABS_NL, "renamed and added partner")
    app.page.screenshot(path=str(screenshot_dir / "security_nl_vergadermodus.png"), full_page=True)

    # A stored scenario with payload texts (its name may hold no slash)
    app.tab("tab_scenarios")
    app.page.locator(".bc-sc-name input").fill(payload(62, SLASHLESS))
    app.page.locator(".bc-sc-notes input").fill(payload(63))
    app.page.locator(".bc-sc-author input").fill(payload(64))
    app.page.locator(".bc-sc-save button").click()
    expect(app.page.locator("[data-key='saved']")).to_be_attached()
    watch.look("scenario saved")

    # Refused uploads: an unknown key and a file name, both payloads, in the messages
    upload(app, "bad.yaml", bad_key_yaml(payload(65)))
    banner = app.page.locator(".bc-banner")
    app.wait_until(lambda: "Q65" in app.text(banner) or app.text(banner), "no message for the key")
    watch.look("refused key")
    upload(app, payload(66, SLASHLESS) + ".yaml", b"meta: [\n")
    app.wait_until(lambda: "Q66" in app.text(banner) or app.text(banner), "no message for the file")
    watch.look("refused file name")
    app.page.screenshot(path=str(screenshot_dir / "security_nl_refused_upload.png"), full_page=True)
    watch.assert_safe()

    # Someone else opens the stored scenario: the stored attack
    other = browser.new_context(base_url=app_server.url, viewport={"width": 1400, "height": 900})
    try:
        second = Dashboard(other.new_page(), app_server).open()
        watch2 = Watch(second.page)
        second.tab("tab_scenarios")
        listing = second.page.locator(".bc-sc-list select")
        expect(listing.locator("option", has_text="Q62")).to_have_count(1)
        listing.select_option(label=listing.locator("option", has_text="Q62").inner_text())
        second.page.locator(".bc-sc-versions select").select_option(index=0)
        second.page.locator(".bc-sc-open button").click()
        second.wait_until(
            lambda: "Q01" in second.text(second.page.locator(".bc-title")) or "not opened",
            "the stored scenario did not open",
        )
        second.page.locator(".bc-sc-compare input").first.click()  # the list of scenarios
        second.page.wait_for_timeout(300)
        watch2.look("stored scenario, compare list")
        second.page.screenshot(
            path=str(screenshot_dir / "security_nl_stored_scenario.png"), full_page=True
        )
        watch2.tour(second, TABS_NL, "stored scenario")
        watch2.assert_safe()
        second.assert_clean()
    finally:
        other.close()

    # Not vacuous: the payloads were shown, as text, in every kind of place
    shown = watch.shown + watch2.shown
    for where in (
        "meta.name",
        "meta.zero_alternative.nl",
        "meta.zero_alternative.en",
        "partner woco en",
        "partner gem nl",
        "partner gem en",
        "fit_out label nl",
        "less_loneliness label nl",
        "less_loneliness label en",
        "economics.social_discount_rate unit",
        "economics.social_discount_rate source",
    ):
        assert payload(fields[where]) in shown, f"{where} was not shown as text"
    for n, kinds in ((60, PAYLOADS), (61, PAYLOADS), (62, SLASHLESS), (65, PAYLOADS)):
        assert payload(n, kinds) in shown, f"text {n} was not shown"
    app.assert_clean()


def frames_sent(page) -> list[int]:
    sizes: list[int] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framesent",
            lambda data: sizes.append(len(data if isinstance(data, (bytes, str)) else "")),
        ),
    )
    return sizes


def test_a_file_over_the_cap_is_refused_in_the_browser_and_the_session_stays(page, app_server):
    """6 MB (over the 5 MB cap) and 12 MB (over the websocket's 10 MB, which used to close
    the session without a word): refused before sending, in the language shown."""
    sizes = frames_sent(page)  # before the page opens its websocket
    app = Dashboard(page, app_server).open()
    app.tab("tab_setup")
    feedback = app.page.locator(".bc-setup-error")
    app.page.locator(".bc-upload input[type=file]").set_input_files(
        {"name": "groot.yaml", "mimeType": YAML, "buffer": b"x" * (6 * 2**20)}
    )
    dutch = (
        f"groot.yaml: 6,0 MB; een bestand mag hoogstens {MAX_FILE_BYTES // 2**20} MB zijn. "
        "Het is niet verstuurd"
    )
    app.wait_until(
        lambda: dutch in app.text(feedback) or app.text(feedback),
        "no Dutch message for the file over the cap",
    )
    assert max(sizes) < 100_000, f"the file was sent anyway: a frame of {max(sizes)} bytes"
    # The session is alive: an edit still reaches the server and the figures follow.
    app.set_rate("3%")
    app.wait_for_bar(
        "social_npv", core_headlines({"economics.social_discount_rate": 0.03})["social_npv"]
    )
    app.language("EN", TABS_EN)
    app.tab("tab_setup")
    app.page.locator(".bc-upload input[type=file]").set_input_files(
        {"name": "big.yaml", "mimeType": YAML, "buffer": b"x" * (12 * 2**20)}
    )
    app.wait_until(
        lambda: (
            "big.yaml: 12.0 MB; a file can be at most 5 MB" in app.text(feedback)
            or app.text(feedback)
        ),
        "no English message for the file over the cap",
    )
    assert max(sizes) < 100_000
    app.set_rate("2%")
    app.wait_for_bar(
        "social_npv", core_headlines({"economics.social_discount_rate": 0.02})["social_npv"]
    )
    app.assert_clean()


def test_a_file_just_under_the_cap_is_sent_and_read(app: Dashboard):
    """The cap refuses only what is over it: a case padded to just under 5 MB opens."""
    data = VALID.read_bytes().replace(b"Kleine buurtkamer", b"Net onder de grens")
    padded = data + b"\n" + b"#" * (MAX_FILE_BYTES - len(data) - 2) + b"\n"
    assert len(padded) == MAX_FILE_BYTES
    upload(app, "padded.yaml", padded)
    title = app.page.locator(".bc-title")
    app.wait_until(
        lambda: "Net onder de grens" in app.text(title) or app.text(title),
        "the case did not open",
        timeout=30,
    )
    app.assert_clean()
