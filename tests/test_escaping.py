"""One escaping rule (dashboards/views/safe.py, export/report_html._e): no user text becomes markup.

Each test renders the same session twice: once with a plain text in every text a user can
set, once with a random mix of HTML, Markdown and script fragments there. Escaping is
complete when the markup does not depend on the text: both runs give the same tags and
attributes, pane by pane, and the payload comes back, whole, as the text of the page.
This catches a new raw spot wherever it is added, not only the payloads tried here."""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import panel as pn
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent / "ui"))
from payloads import PAYLOADS, VALID, bad_key_yaml, payload_case_yaml

from businesscase import evaluate, load_case
from businesscase.allocation import allocate
from businesscase.export import agreements_html, html_to_pdf, report_html
from businesscase.export.report_html import chromium_path
from businesscase.uncertainty import monte_carlo

FRAGMENTS = PAYLOADS + (
    "<",
    ">",
    "&",
    '"',
    "'",
    "`",
    "$",
    "$$",
    "\\",
    "{",
    "}",
    "{0}",
    "[",
    "](",
    ")",
    "*",
    "_",
    "#",
    "!",
    "|",
    "&amp;",
    "&lt;",
    "&#60;",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "</p>",
    "</div>",
    "<b>",
    "<style>",
    "<textarea>",
    "<iframe src=x>",
    '" onmouseover=alert(9) x="',
    "' onfocus=alert(8) '",
    " ",
    "é",
    "€",
    "=",
    "%",
    ":",
    "@",
    "\t",
)
# No line breaks: names and labels are one line, and a blank line in a text would
# (rightly) make one more paragraph of an explanation.
CHARS = st.characters(
    blacklist_categories=("Cs", "Cc", "Co", "Cn", "Zl", "Zp"), blacklist_characters="\ufeff\x85"
)
RANDOM = st.lists(
    st.sampled_from(FRAGMENTS) | st.text(CHARS, min_size=1, max_size=4), min_size=1, max_size=6
).map("".join)


# Scenario names (73-75 share the form) and file names (77) hold no slash and no control
# character (the store refuses them, rightly, so the page would show a refusal instead).
NO_SLASH = {73, 74, 75, 77}


def texts(body: str):
    """The n-th field's text: a marker at both ends (nothing strips the payload away)."""

    def text(n: int) -> str:
        middle = re.sub(r"[/\\\t]", "", body) if n in NO_SLASH else body
        return f"Q{n:02d}{middle}Z{n:02d}"

    return text


PLAIN = texts("plain")


class Skeleton(HTMLParser):
    """The markup of an HTML string without its text: tags and attribute names; the text
    (entities decoded) separately."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple] = []
        self.text: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self._svg = 0

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, k, v or "") for k, v in attrs]
        if tag == "svg":  # a chart: its glyph paths follow the text it draws
            self._svg += 1
            self.tags.append(("svg",))
        elif not self._svg:
            self.tags.append((tag, *sorted(k for k, _ in attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "svg":
            self._svg -= 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg -= 1
        elif not self._svg:
            self.tags.append(("/" + tag,))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.tags.append(("<!--",))


def skeleton(markup: str) -> Skeleton:
    parser = Skeleton()
    parser.feed(markup)
    parser.close()
    return parser


def assert_only_text(payload_html: str, plain_html: str, text, where: str):
    """The payload run has the plain run's markup, nothing live, and every payload whose
    marker it shows, whole, as text."""
    got, want = skeleton(payload_html), skeleton(plain_html)
    assert got.tags == want.tags, f"{where}: the markup depends on the user text"
    live = [
        a
        for a in got.attributes
        if a[1].startswith("on") or re.match(r"\s*javascript:", a[2], re.IGNORECASE)
    ]
    assert not live, f"{where}: live attributes {live}"
    shown = "".join(got.text)
    for n in {int(m) for m in re.findall(r"Q(\d\d)", shown)}:
        assert text(n) in shown, f"{where}: field {n} is not shown whole as text"


# -- the dashboard ------------------------------------------------------------------------------

# What each kind of component does with a string. A component not listed here fails the
# test until someone decides which rule it needs (see dashboards/views/safe.py).
TEXT_WIDGETS = (
    pn.widgets.Select,
    pn.widgets.CheckBoxGroup,
    pn.widgets.RadioButtonGroup,
    pn.widgets.CheckButtonGroup,  # Bokeh writes button labels as text nodes
    pn.widgets.TextInput,
    pn.widgets.TextAreaInput,
    pn.widgets.IntSlider,
    pn.widgets.IntInput,
    pn.widgets.Button,
    pn.widgets.Toggle,
    pn.widgets.Checkbox,
    pn.widgets.FileDownload,
    pn.layout.ListPanel,
    pn.layout.Spacer,
    pn.layout.Tabs,
)
SAFE_FORMATTERS = (
    {"type": "tickCross"},
    {"type": "tickCross", "crossElement": False},
    {"type": "textarea"},
)


def render_session(text, tmp: Path) -> dict[str, str]:
    """A session where every text a user can set is text(n): loaded from a file, renamed,
    added, a stored scenario, a refused upload; every page shown. Pane → its HTML."""
    from dashboards.app import create_app

    path = tmp / "case.yaml"
    path.write_bytes(payload_case_yaml(text=text)[0])
    app = create_app(case_file=str(path))
    state, pages = app.state, app.pages
    setup, scenarios = pages[0], next(p for p in pages if type(p).__name__ == "ScenariosPage")
    state.rename(state.case.partner_ids[0], text(70), text(71))
    setup.partners.new_name.value = text(72)
    setup.partners._add(None)
    for widget, n in ((scenarios.name_input, 73), (scenarios.notes, 74), (scenarios.author, 75)):
        widget.value = text(n)
    scenarios._save()
    scenarios._save()  # a second scenario, so that the comparison has two
    scenarios.to_compare.value = list(scenarios.to_compare.options.values())[:2]
    scenarios._compare()
    setup._upload(bad_key_yaml(text(76)), text(77) + ".yaml")
    assert state.message, "the bad upload was not refused"
    tabs = app.select(pn.Tabs)[0]
    out = {}
    for i, page in enumerate(tabs):
        tabs.active = i  # a page refreshes when it is shown
        for j, obj in enumerate(page.select()):
            out.update(check_component(obj, f"tab {i} #{j} {type(obj).__name__}"))
    for j, obj in enumerate(o for part in app.objects[:-1] for o in part.select()):
        out.update(check_component(obj, f"top #{j} {type(obj).__name__}"))
    return out


_PLAIN = {}


def plain_session(tmp: Path) -> dict[str, str]:
    """The session with plain texts, rendered once: it does not change between examples."""
    if not _PLAIN:
        _PLAIN.update(render_session(PLAIN, tmp))
    return _PLAIN


def check_component(obj, where: str) -> dict[str, str]:
    """The rule for this kind of component; HTML to compare comes back."""
    from bokeh.models import HoverTool

    from dashboards.views.upload import CaseUpload

    if isinstance(obj, pn.pane.Markdown):  # Alert too
        assert not re.search(r"Q\d\d", obj.object or ""), f"{where}: user text in Markdown"
        return {}
    if isinstance(obj, pn.pane.HTML):
        return {where: obj.object or ""}
    if isinstance(obj, pn.widgets.Tabulator):
        for column, formatter in (obj.formatters or {}).items():
            assert formatter in SAFE_FORMATTERS, f"{where}: formatter {formatter} of {column}"
        for title in (obj.titles or {}).values():  # Tabulator titles are HTML
            assert html.escape(html.unescape(title)) == title, f"{where}: raw title {title!r}"
        return {}
    if isinstance(obj, pn.widgets.MultiChoice):  # Choices.js labels are HTML
        for label in obj.options:
            assert html.escape(html.unescape(label)) == label, f"{where}: raw label {label!r}"
        return {}
    if isinstance(obj, pn.pane.Bokeh):  # titles and factors are drawn on the canvas
        assert not obj.object.select(HoverTool), f"{where}: a tooltip needs its own rule"
        return {}
    assert isinstance(obj, (*TEXT_WIDGETS, CaseUpload)), (
        f"{where}: which escaping rule does a {type(obj).__name__} need?"
    )
    return {}


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=RANDOM)
@example(body="\t")  # a tab: refused in a scenario name, so kept out of it
def test_no_user_text_becomes_markup_on_any_page(body, tmp_path_factory, monkeypatch):
    tmp = tmp_path_factory.mktemp("esc")
    monkeypatch.setenv("BUSINESSCASE_DATABASE_URL", str(tmp / "plain.db"))
    plain = plain_session(tmp)
    monkeypatch.setenv("BUSINESSCASE_DATABASE_URL", str(tmp / "payload.db"))
    text = texts(body)
    attacked = render_session(text, tmp)
    assert attacked.keys() == plain.keys()
    for where, markup in attacked.items():
        assert_only_text(markup, plain[where], text, where)
    shown = "".join("".join(skeleton(m).text) for m in attacked.values())
    for n in (1, 70, 72, 76):  # case name, renamed and added partner, the refused key
        assert text(n) in shown, f"field {n} is shown nowhere"


def test_the_known_payloads_are_shown_as_text_on_every_page(tmp_path, monkeypatch):
    """The issue's payloads, each in every field; also where they sit in the page."""
    monkeypatch.setenv("BUSINESSCASE_DATABASE_URL", str(tmp_path / "s.db"))
    body = " " + " ".join(p.format(n=1) for p in PAYLOADS) + " "
    attacked = render_session(texts(body), tmp_path)
    title = next(m for w, m in attacked.items() if "Q01" in m and "bc-title-text" in m)
    assert "&lt;img src=x onerror=alert(1)&gt;" in title and "<img" not in title
    banner = next(m for m in attacked.values() if "bc-notice-danger" in m and "Q76" in m)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in banner and "<script" not in banner


# -- the exports --------------------------------------------------------------------------------


def evaluated(text, tmp: Path):
    path = tmp / f"case{abs(hash(text(1))) % 10**8}.yaml"
    path.write_bytes(payload_case_yaml(text=text)[0])
    result = evaluate(load_case(path))
    return result, allocate(result), monte_carlo(result.case, 40, seed=1)


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=RANDOM, lang=st.sampled_from(["nl", "en"]))
def test_report_and_agreement_sheets_hold_no_markup_from_user_text(body, lang, tmp_path):
    text = texts(body)
    plain, attacked = evaluated(PLAIN, tmp_path), evaluated(text, tmp_path)
    for build in (
        lambda r, a, mc: report_html(r, a, mc, lang),
        lambda r, a, mc: agreements_html(r, a, lang),
    ):
        got = build(*attacked)
        assert_only_text(got, build(*plain), text, "report")
        assert text(1) in "".join(skeleton(got).text)
        assert got.index("Content-Security-Policy") < got.index("<title>")


def test_a_dollar_in_a_name_does_not_break_the_report_charts(tmp_path):
    """matplotlib reads $...$ as mathtext; `$\\foo$` used to raise ValueError."""
    result, allocation, _ = evaluated(texts(r" $\foo$ $x^$ "), tmp_path)
    assert r"$\foo$" in report_html(result, allocation)


def test_pdf_printing_runs_no_script_and_reads_no_other_file(tmp_path):
    chromium_path()  # a missing browser is a failure here, not a skip
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-FILE-CONTENT")
    page = (
        "<!DOCTYPE html><html><head><title>t</title></head><body><p>STATIC-TEXT</p>"
        "<script>document.body.insertAdjacentHTML('beforeend', '<p>SCRIPT-RAN</p>')</script>"
        f"<iframe src='{secret.as_uri()}'></iframe><iframe src='secret.txt'></iframe>"
        f"<object data='{secret.as_uri()}'></object></body></html>"
    )
    text = " ".join(
        p.extract_text() for p in PdfReader(html_to_pdf(page, tmp_path / "o.pdf")).pages
    )
    assert "STATIC-TEXT" in text
    assert "SCRIPT-RAN" not in text and "SECRET-FILE-CONTENT" not in text


@settings(max_examples=25, deadline=None)
@given(name=st.text(CHARS, min_size=1, max_size=120).filter(str.strip))
def test_any_name_can_be_added_as_a_partner_and_later_edits_still_work(name):
    """A long or non-Latin name used to make an id the schema refuses (over 64 characters,
    or letters outside a-z), and the refused partner stayed: every later edit failed."""
    from dashboards.state import CaseState

    state = _STATE.setdefault("state", CaseState(case_file=str(VALID)))
    state.added, state.changes = [], {}
    assert state.add_partner(name) is None, state.message
    assert state.case.partner(state.added[-1]["id"]).name.nl == name
    assert (
        state.set_value("drivers.dwellings", 61) is None
        and state.case.drivers["dwellings"].value == 61
    )


_STATE = {}


# -- the one error path: a bug is a sentence on the page and a traceback in the log ------------


@pytest.mark.parametrize(
    "bug", [RuntimeError, TypeError, ZeroDivisionError, AttributeError, IndexError, AssertionError]
)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_bug_in_a_recomputation_shows_a_sentence_and_logs_the_traceback(
    bug, lang, monkeypatch, caplog
):
    import dashboards.state.case as state_module  # where the state calls the engine
    from businesscase.text import t as ui

    state = _STATE.setdefault("plain", state_module.CaseState(case_file=str(VALID)))
    state.added, state.changes, state.lang = [], {}, lang
    good = state.result.totals["social_npv"]

    def broken(case):
        raise bug("internal detail at 0xdeadbeef")

    monkeypatch.setattr(state_module, "evaluate", broken)
    with caplog.at_level("ERROR", logger="dashboards.state"):
        state.set_value("drivers.dwellings", 61)
    assert state.message == ui("internal_error", lang)
    assert bug.__name__ not in state.message and "0xdeadbeef" not in state.message
    assert any(r.exc_info and r.exc_info[0] is bug for r in caplog.records), "no traceback logged"
    assert state.result.totals["social_npv"] == good  # the last good result stays
