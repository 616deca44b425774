"""The dashboard. Serve with ``panel serve dashboards/app.py`` or ``python -m dashboards.app``.

Every browser session gets its own state (``create_app`` is the factory), so two people
on the same server never see each other's edits.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import panel as pn

if __package__ in (None, ""):  # run as a script by `panel serve dashboards/app.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "dashboards"

from businesscase.text import t
from dashboards.state import CaseState, problem_text
from dashboards.state.rounds import RoundState
from dashboards.views.analysis import ScenariosPage, UncertaintyPage
from dashboards.views.components import CSS, LazyPage
from dashboards.views.inputs import AssumptionsPage, SetupPage
from dashboards.views.meeting import MeetingPage
from dashboards.views.results import ResultsPage, SplitPage, WhyPage, headline_bar
from dashboards.views.rounds import round_page
from dashboards.views.safe import esc, notice
from dashboards.views.themes import ThemesPage

pn.extension("tabulator", raw_css=[CSS], throttled=True, notifications=False)

# The page refuses uploads above 5 MB before sending them (dashboards/views/upload.py), and the
# state refuses them again; the transport stops anything much larger (a client other than
# this page) before it is read into memory.
MAX_MESSAGE_BYTES = 10 * 1024 * 1024

TABS = (
    "tab_setup",
    "tab_assumptions",
    "tab_results",
    "tab_split",
    "tab_themes",
    "tab_uncertainty",
    "tab_scenarios",
    "tab_meeting",
    "tab_why",
)


# Locked, the room sees the meeting page only: the tab headers go, so no page with an edit is
# in reach (and the edits refuse besides). A changed stylesheet reaches the browser, where a
# changed class of the Tabs shown does not; a rebuilt Tabs raced a quick lock-unlock.
TABS_HIDDEN = ".bk-headers-wrapper { display: none; }"


class DashboardApp(pn.Column):
    """The whole page; it holds its session's state and pages for tests and the benchmark."""

    state: CaseState
    pages: list[LazyPage]
    round_state: RoundState


def create_app(case_file: str | None = None) -> DashboardApp:
    """One app instance (one state) per browser session; a round's link opens the round's
    page instead (:func:`round_app`)."""
    link = _round_asked()
    if link is not None:
        return round_app(*link)
    state = CaseState(case_file=case_file or os.environ.get("BUSINESSCASE_CASE") or None)
    asked = _draft_asked()
    key = state.start_draft(asked)  # before the pages: they open on the restored inputs
    if key != asked:
        # The URL carries the key from now on: a reload or a link reopens this work. The
        # page's location is in sync only once the page has loaded.
        def carry_key():
            if pn.state.location is not None:
                pn.state.location.search = f"?draft={key}"

        pn.state.onload(carry_key)
    pages = [
        SetupPage(state=state),
        AssumptionsPage(state=state),
        ResultsPage(state=state),
        SplitPage(state=state),
        ThemesPage(state=state),
        UncertaintyPage(state=state),
        ScenariosPage(state=state),
        MeetingPage(state=state),
        WhyPage(state=state),
    ]

    def make_tabs(active: int = 0) -> pn.Tabs:
        tabs = pn.Tabs(
            *[(t(tab, state.lang), p) for tab, p in zip(TABS, pages)],
            active=active,
            css_classes=["bc-tabs"],
            stylesheets=[TABS_HIDDEN] if state.locked else [],
            dynamic=False,
            sizing_mode="stretch_width",
        )
        tabs.param.watch(lambda e: show(e.new), "active")
        return tabs

    def show(active: int):
        for i, page in enumerate(pages):
            page.set_active(i == active)

    show(0)
    headline = pn.pane.HTML(headline_bar(state), css_classes=["bc-headline-bar"])

    holder = pn.Column(make_tabs(), sizing_mode="stretch_width")
    language = pn.widgets.RadioButtonGroup(
        options={"NL": "nl", "EN": "en"}, value=state.lang, css_classes=["bc-lang"], width=110
    )
    # The title takes the width the figures leave and wraps: a long case name must not
    # push the page past a 1280 px screen.
    title = pn.pane.HTML("", css_classes=["bc-title"], sizing_mode="stretch_width", min_width=240)
    banner = pn.pane.HTML("", visible=False, css_classes=["bc-banner"], sizing_mode="stretch_width")
    language.param.watch(lambda e: setattr(state, "lang", e.new), "value")

    def retitle(*_):
        title.object = (
            f'<h2 class="bc-title-text">{esc(t("title", state.lang))}: {esc(state.title)}</h2>'
        )
        headline.object = headline_bar(state)

    def relabel(*_):
        # Bokeh keeps a tab's title once rendered: a language switch (rare) rebuilds the tabs.
        active = holder.objects[0].active
        holder.objects = [make_tabs(active)]
        show(active)

    def show_message(*_):
        banner.object = notice("danger", state.message, t("error", state.lang))
        banner.visible = bool(state.message)

    def meeting(*_):
        tabs = holder.objects[0]
        tabs.stylesheets = [TABS_HIDDEN] if state.locked else []
        if state.locked:
            tabs.active = TABS.index("tab_meeting")

    state.param.watch(retitle, ["lang", "version"])
    state.param.watch(relabel, ["lang"])
    state.param.watch(show_message, ["message", "lang"])
    state.param.watch(meeting, ["locked"])
    retitle()
    show_message()  # a problem found while the session started (a broken start file)
    app = DashboardApp(
        # The title bar stays at the top while a page scrolls: the balance and the language
        # switch in view on a projector.
        pn.Row(
            title,
            headline,
            language,
            sizing_mode="stretch_width",
            css_classes=["bc-top"],
            styles={"position": "sticky", "top": "0", "z-index": "10", "background": "white"},
        ),
        banner,
        holder,
        sizing_mode="stretch_width",
    )
    app.state, app.pages = state, pages  # for tests and the benchmark
    return app


def round_app(round_text: str, code: str) -> DashboardApp:
    """The page of a round's link: only the round, none of the dashboard's tabs (a
    DashboardApp without a case state or pages, so that one factory serves both)."""
    state = RoundState(round_text, code)
    page = DashboardApp(round_page(state), sizing_mode="stretch_width")
    page.round_state = state  # for tests

    def forget_code():
        # the code stays out of the address bar (and so out of a screenshot or a shoulder)
        if pn.state.location is not None:
            pn.state.location.search = ""

    pn.state.onload(forget_code)
    return page


def serve_app() -> pn.viewable.Viewable:
    """A session's page; if it cannot be built, a page that says so in both languages
    instead of Panel's traceback (the log has the traceback)."""
    try:
        return create_app()
    except Exception as exc:  # the page must never show a traceback
        text = problem_text(exc, "nl", "starting a session")
        english = problem_text(exc, "en", "starting a session")
        return pn.Column(
            pn.pane.HTML(notice("danger", text, t("error", "nl")), sizing_mode="stretch_width"),
            pn.pane.HTML(notice("danger", english, t("error", "en")), sizing_mode="stretch_width"),
            css_classes=["bc-start-failed"],
            sizing_mode="stretch_width",
        )


def _round_asked() -> tuple[str, str] | None:
    """The round and code in the page's URL (``?ronde=ID&code=CODE``), if both are there."""
    args = pn.state.session_args or {}
    try:
        found = [(args.get(k) or [b""])[0].decode("ascii") for k in ("ronde", "code")]
    except UnicodeDecodeError:
        return "", ""  # a round link, but not a readable one: the page says it opens nothing
    if "ronde" in args and "code" in args:
        return found[0], found[1]
    return None


def _draft_asked() -> str | None:
    """The draft key in the page's URL (``?draft=...``), if any."""
    args = pn.state.session_args or {}
    values = args.get("draft") or []
    try:
        return values[0].decode("ascii") if values else None
    except UnicodeDecodeError:
        return None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Start the businesscase dashboard.")
    parser.add_argument("--port", type=int, default=5006)
    parser.add_argument(
        "--address",
        default="localhost",
        help="interface to listen on; localhost unless you put it behind a proxy",
    )
    parser.add_argument("--show", action="store_true", help="open a browser")
    args = parser.parse_args(argv)
    pn.serve(
        {"businesscase": serve_app},
        port=args.port,
        address=args.address,
        show=args.show,
        title="businesscase",
        websocket_max_message_size=MAX_MESSAGE_BYTES,
        websocket_origin=[f"localhost:{args.port}", f"127.0.0.1:{args.port}"],
    )


if __name__ == "__main__":
    main()
elif __name__.startswith("bokeh_app"):  # `panel serve dashboards/app.py`
    serve_app().servable(title="businesscase")
