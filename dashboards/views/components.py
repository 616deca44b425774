"""Rendering helpers: HTML cards and tables with the raw numbers in data attributes (for
people: formatted; for tests and screen readers: exact), and Bokeh charts updated in place.

Bokeh models changed from a Panel callback must be changed inside ``unlocked()``: the
callback runs outside the document lock, and Panel then sends the changes to the session
itself (without it the server raises "_pending_writes should be non-None")."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from collections.abc import Set as AbstractSet

import numpy as np
import panel as pn
from bokeh.models import ColumnDataSource, CustomJSTickFormatter
from bokeh.models.annotations import Span  # bokeh.models re-exports it past its stubs
from bokeh.plotting import figure
from panel.io.document import unlocked

from businesscase.text import formatting as fmt
from dashboards.state import CaseState

from .safe import NOTICE_CSS, esc

CSS = (
    """
.bc-cards { display: flex; flex-wrap: wrap; gap: 12px; }
.bc-card { background: #f4f6f8; border-radius: 8px; padding: 10px 16px; min-width: 180px; }
.bc-card .bc-label { font-size: 0.85em; color: #455; }
.bc-card .bc-figure { font-size: 1.6em; font-weight: 600; }
.bc-neg { color: #b3261e; } .bc-pos { color: #1b6e3a; }
table.bc-table { border-collapse: collapse; font-size: 0.95em; }
table.bc-table th, table.bc-table td { padding: 4px 10px; border-bottom: 1px solid #dde; }
table.bc-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.bc-table th { text-align: right; } table.bc-table th:first-child { text-align: left; }
.bc-meeting { font-size: 1.35em; line-height: 1.35; }
.bc-meeting h2 { font-size: 1.4em; margin: 0.2em 0; }
.bc-meeting .bc-figure { font-size: 1.9em; }
.bc-meeting table.bc-table { font-size: 1em; }
.bc-estimate { color: #8a5a00; font-weight: 600; }
.bc-outside { color: #b3261e; font-weight: 600; }
.bc-title-text { margin: 0.4em 0; }
"""
    + NOTICE_CSS
)


class LazyPage(pn.viewable.Viewer):
    """A page that refreshes at once while it is shown and, while hidden, only when it is
    shown again: an edit then costs one page's refresh, not eight. Pages define
    ``_refresh``."""

    _active = False
    _stale = False
    _rendering = 0

    # Every page holds the session's state and defines _refresh; declared (not assigned,
    # so the pages' own parameter and method are not shadowed) for the type checker. The
    # pages declare ``state`` with ``allow_None=NoNone``: param then types it as required
    # (every page is built with one), and at run time it is the same parameter as without.
    state: CaseState
    _refresh: Callable[[], None]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "_refresh" in cls.__dict__:
            cls._refresh = _rendering(cls.__dict__["_refresh"])

    @property
    def rendering(self) -> bool:
        """True while the page shows the state (inside ``_refresh``): a widget's event then
        comes from the page itself, and a watcher must not send it to the state as an edit."""
        return self._rendering > 0

    def _watch_state(self, names: list[str]) -> None:
        self.state.param.watch(self._on_state, names)

    def _on_state(self, *_):
        if self._active:
            self._refresh()
        else:
            self._stale = True

    def set_active(self, active: bool) -> None:
        self._active = active
        if active and self._stale:
            self._stale = False
            self._refresh()


def _rendering(refresh):
    @functools.wraps(refresh)
    def wrapped(self, *args, **kwargs):
        self._rendering += 1
        try:
            return refresh(self, *args, **kwargs)
        finally:
            self._rendering -= 1

    return wrapped


def money(value: float, lang: str) -> str:
    return fmt.euro(value, 0, lang)


def card(key: str, label: str, shown: str, value: float | None, signed: bool = False) -> str:
    """A headline figure; signed figures (balances) are coloured by their sign."""
    if value is None or not math.isfinite(value):
        raw, sign = "", ""
    else:
        raw = f"{value:.6f}"
        sign = ("bc-neg" if value < 0 else "bc-pos") if signed else ""
    return (
        f'<div class="bc-card"><div class="bc-label">{esc(label)}</div>'
        f'<div class="bc-figure {sign}" data-key="{esc(key)}" data-value="{raw}">'
        f"{esc(shown)}</div></div>"
    )


def cards(items: list[str]) -> str:
    return '<div class="bc-cards">' + "".join(items) + "</div>"


def table(
    columns: list[tuple[str, str]],
    rows: list[dict],
    row_key: str,
    lang: str,
    css: str = "bc-table",
    money_columns: AbstractSet[str] = frozenset(),
    label_column: str = "label",
) -> str:
    """An HTML table; money cells carry data-partner/data-col/data-value attributes."""
    head = "".join(f"<th>{esc(title)}</th>" for _, title in columns)
    body = []
    for row in rows:
        cells = []
        for col, _ in columns:
            value = row.get(col, "")
            if col in money_columns:
                raw = (
                    ""
                    if not isinstance(value, (int, float)) or not math.isfinite(value)
                    else f"{value:.6f}"
                )
                cells.append(
                    f'<td class="num" data-row="{esc(row[row_key])}" data-col="{esc(col)}" '
                    f'data-value="{raw}">{esc(money(value, lang))}</td>'
                )
            else:
                cells.append(f"<td>{esc(value)}</td>")
        body.append(f'<tr data-row="{esc(row[row_key])}">' + "".join(cells) + "</tr>")
    return (
        f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


# -- charts -------------------------------------------------------------------------------------


# The rule of businesscase.text.formatting.euro_axis, run by the browser for every tick with
# the language's style as args; tests/ui/test_chart_axes.py checks the two agree.
AXIS_EURO_JS = """
if (!Number.isFinite(tick)) { return "–"; }
const sign = tick < 0 ? "-" : "";
const a = Math.abs(tick);
if (a < 999950) {
  const digits = Math.round(a).toString().replace(/\\B(?=(\\d{3})+(?!\\d))/g, thousands);
  return (digits === "0" ? "" : sign) + euro + digits;
}
const m = (a / 1e6).toFixed(1).replace(/\\.0$/, "").replace(".", decimal);
return sign + euro + m + millions;
"""


def euro_ticks() -> CustomJSTickFormatter:
    """Axis ticks in euros, Dutch until ``set_axes`` gives the session's language."""
    return CustomJSTickFormatter(code=AXIS_EURO_JS, args=fmt.euro_axis_style(), name="bc-euro-axis")


def set_axes(fig, lang: str, x: str, y: str) -> None:
    """Axis titles with their units, and euro ticks in the language."""
    fig.xaxis.axis_label, fig.yaxis.axis_label = x, y
    for axis in (*fig.xaxis, *fig.yaxis):
        if isinstance(axis.formatter, CustomJSTickFormatter):
            axis.formatter.args = fmt.euro_axis_style(lang)


def _fig(title: str, **kw):
    f = figure(title=title, height=300, sizing_mode="stretch_width", toolbar_location=None, **kw)
    f.yaxis.formatter = euro_ticks()
    return f


class YearChart:
    """Costs (down) and benefits (up) per year, with the net as a line."""

    def __init__(self):
        self.source = ColumnDataSource(dict(year=[], costs=[], benefits=[], net=[]))
        self.fig = _fig("")
        self.fig.vbar(
            x="year",
            top="benefits",
            width=0.7,
            color="#2e7d32",
            source=self.source,
            legend_label="+",
        )
        self.fig.vbar(
            x="year", top="costs", width=0.7, color="#c62828", source=self.source, legend_label="-"
        )
        self.fig.line(x="year", y="net", color="#1a237e", line_width=2, source=self.source)
        self.fig.legend.location = "top_left"

    def update(self, per_year, title: str, labels: tuple[str, str]):
        with unlocked():
            self.source.data = dict(
                year=per_year.index.to_numpy(),
                costs=-per_year.costs.to_numpy(),
                benefits=per_year.benefits.to_numpy(),
                net=per_year.net.to_numpy(),
            )
            self.fig.title.text = title
            for item, label in zip(self.fig.legend.items, labels):
                item.label = {"value": label}


class CumulativeChart:
    def __init__(self):
        self.source = ColumnDataSource(dict(year=[], cumulative=[]))
        self.fig = _fig("")
        self.fig.line(x="year", y="cumulative", line_width=3, color="#1a237e", source=self.source)
        self.zero = Span(location=0, dimension="width", line_color="#888", line_dash="dashed")
        self.payback = Span(
            location=0, dimension="height", line_color="#2e7d32", line_width=2, visible=False
        )
        self.fig.add_layout(self.zero)
        self.fig.add_layout(self.payback)

    def update(self, years, cumulative, payback_year: float, title: str):
        with unlocked():
            self.source.data = dict(year=np.asarray(years), cumulative=np.asarray(cumulative))
            self.fig.title.text = title
            self.payback.visible = bool(np.isfinite(payback_year))
            if self.payback.visible:
                self.payback.location = float(payback_year)


class PartnerChart:
    """Horizontal bars per partner: what it pays (left) against what it gains (right)."""

    def __init__(self):
        self.source = ColumnDataSource(dict(partner=[], costs=[], benefits=[]))
        self.fig = figure(
            height=320, sizing_mode="stretch_width", toolbar_location=None, y_range=[]
        )
        self.fig.hbar(
            y="partner", right="benefits", height=0.6, color="#2e7d32", source=self.source
        )
        self.fig.hbar(y="partner", right="costs", height=0.6, color="#c62828", source=self.source)
        self.fig.xaxis.formatter = euro_ticks()

    def update(self, labels, costs, benefits, title: str):
        with unlocked():
            self.fig.y_range.factors = list(labels)[::-1]
            self.fig.height = max(320, 60 + 22 * len(labels))  # a bar stays readable
            self.source.data = dict(
                partner=list(labels), costs=-np.asarray(costs), benefits=np.asarray(benefits)
            )
            self.fig.title.text = title
