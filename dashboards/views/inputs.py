"""Input pages: Opzet (set-up) and Aannames (assumptions)."""

from __future__ import annotations

from typing import ClassVar

import pandas as pd
import panel as pn
import param
from param.parameters import NoNone

from businesscase.model import matches_parameter, meta_bounds, parameter_table
from businesscase.text import formatting as fmt
from businesscase.text import t
from dashboards.state import CaseState

from .components import LazyPage
from .partners import PartnersPanel
from .safe import esc, notice
from .upload import CaseUpload

DWELLINGS, HORIZON, START_YEAR, RATE = (
    "drivers.dwellings",
    "meta.horizon",
    "meta.start_year",
    "economics.social_discount_rate",
)


def rate_text(fraction: float, lang: str) -> str:
    """A rate as a percentage with every digit it has (2,125%, not 2,13%): the box shows the
    value the figures are computed with."""
    return fmt.compact(fraction * 100, lang, 8) + "%"


def _show(slider, value: int) -> None:
    """A slider's value set by the page. Its throttled value (the one the browser's release
    sends, and the watchers follow) moves with it: else a user who drags to the value the
    slider held before would send no change."""
    with param.edit_constant(slider):
        slider.param.update(value=value, value_throttled=value)


class SetupPage(LazyPage):
    """The case file, its size and horizon, the discount rate and the partners. Every widget
    shows the state's current value (set in ``_refresh``, which the watchers ignore); only
    what the user does goes to the state."""

    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        self.case_select = pn.widgets.Select(css_classes=["bc-case-file"], width=480)
        self.dwellings = pn.widgets.IntSlider(
            start=5, end=400, step=1, css_classes=["bc-dwellings"], width=480
        )
        # A number box beside the slider: 80 typed is 80, where a slider drag lands near it.
        self.dwellings_box = pn.widgets.IntInput(
            start=1, end=100_000, step=1, css_classes=["bc-dwellings-box"], width=120
        )
        (years_low, years_high), (start_low, start_high) = map(
            meta_bounds, ("meta.horizon", "meta.start_year")
        )
        self.horizon = pn.widgets.IntSlider(
            start=years_low, end=years_high, css_classes=["bc-horizon"], width=480
        )
        self.start_year = pn.widgets.IntInput(
            start=start_low, end=start_high, css_classes=["bc-start-year"], width=160
        )
        self.rate = pn.widgets.TextInput(css_classes=["bc-discount-rate"], width=160)
        self.upload = CaseUpload(
            on_file=self._upload, on_refused=self._refused, css_classes=["bc-upload"]
        )
        self.feedback = pn.pane.HTML(
            "", visible=False, css_classes=["bc-setup-error"], sizing_mode="stretch_width"
        )
        self.partners = PartnersPanel(self.state, self._say)
        self.case_select.param.watch(self._choose_file, "value")
        self.dwellings.param.watch(lambda e: self._set(DWELLINGS, e.new), "value_throttled")
        self.dwellings_box.param.watch(lambda e: self._set(DWELLINGS, e.new), "value")
        self.horizon.param.watch(lambda e: self._set(HORIZON, e.new), "value_throttled")
        self.start_year.param.watch(lambda e: self._set(START_YEAR, e.new), "value")
        self.rate.param.watch(lambda e: self._set(RATE, e.new), "value")
        self._watch_state(["version", "lang", "locked"])
        self._refresh()

    def _say(self, error: str | None):
        self.feedback.object, self.feedback.visible = notice("warning", error or ""), bool(error)

    def _set(self, key, value):
        if not self.rendering:
            self._say(self.state.set_value(key, value))

    def _choose_file(self, event):
        if not self.rendering and event.new:
            self.state.case_file = event.new

    def _upload(self, data: bytes, filename: str):
        self._say(self.state.import_file(data, filename))

    def _refused(self, filename: str, size: int):
        self._say(self.state.refuse_upload(filename, size, self.upload.max_bytes))

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        self.case_select.name = t("case_file", lang)
        self.dwellings.name = t("dwellings", lang)
        self.dwellings_box.name = t("dwellings_box", lang)
        self.horizon.name = t("horizon", lang)
        self.start_year.name = t("start_year", lang)
        self.rate.name = t("discount_rate", lang)
        self._show_values()
        self.partners.refresh()
        for w in (
            self.case_select,
            self.dwellings,
            self.dwellings_box,
            self.horizon,
            self.start_year,
            self.rate,
        ):
            w.disabled = s.locked
        self.upload.locked = s.locked

    def _show_values(self):
        """The model's values in the widgets, for a new case or upload too; a case without
        a number of dwellings hides that slider."""
        s = self.state
        self.case_select.options = s.files
        if s.case_file in s.files.values():
            self.case_select.value = s.case_file
        has_dwellings = s.has_value(DWELLINGS)
        self.dwellings.visible = self.dwellings_box.visible = has_dwellings
        if has_dwellings:
            dwellings = round(s.current_value(DWELLINGS))
            # A case may hold more (or fewer) dwellings than the slider's usual range.
            self.dwellings.start = min(5, dwellings)
            self.dwellings.end = max(400, dwellings)
            _show(self.dwellings, dwellings)
            self.dwellings_box.value = dwellings
        _show(self.horizon, int(s.current_value(HORIZON)))
        self.start_year.value = int(s.current_value(START_YEAR))
        self.rate.value = rate_text(s.current_value(RATE), s.lang)

    def __panel__(self):
        return pn.Column(
            pn.Row(self.case_select, self.upload),
            pn.Row(self.dwellings, self.dwellings_box),
            self.horizon,
            pn.Row(self.start_year, self.rate),
            self.feedback,
            self.partners,
        )


class AssumptionsPage(LazyPage):
    """Every parameter in one editable table: unit, source, confidence and range beside it."""

    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    COLUMNS: ClassVar[list[str]] = [
        "changed",
        "group",
        "name",
        "value",
        "unit",
        "low",
        "high",
        "confidence",
        "estimate",
        "source",
        "key",
    ]

    def __init__(self, **params):
        super().__init__(**params)
        self.filter = pn.widgets.TextInput(css_classes=["bc-param-filter"], width=360)
        self.table = pn.widgets.Tabulator(
            pd.DataFrame(columns=self.COLUMNS),
            show_index=False,
            layout="fit_columns",
            height=560,
            sizing_mode="stretch_width",
            # Without a minimum, Panel makes the columns' widths (1,900 px) the table's: the
            # page then overflows a 1280 px screen; the table scrolls sideways instead.
            min_width=600,
            css_classes=["bc-assumptions"],
            buttons={"reset": "↺"},
            selectable=False,
            pagination=None,
            formatters={
                "estimate": {"type": "tickCross", "crossElement": False},
                "changed": {"type": "tickCross", "crossElement": False},
                "source": {"type": "textarea"},
            },
            widths={
                "changed": 80,
                "group": 100,
                "name": 340,
                "value": 90,
                "unit": 170,
                "low": 70,
                "high": 70,
                "confidence": 90,
                "estimate": 85,
                "source": 400,
                "key": 320,
            },
        )
        self.error = pn.pane.HTML(
            "", visible=False, css_classes=["bc-edit-error"], sizing_mode="stretch_width"
        )
        self.summary = pn.pane.Markdown("", css_classes=["bc-changed-count"])
        self.reset_all = pn.widgets.Button(css_classes=["bc-reset-all"])
        self.filter.param.watch(self._refresh, "value_input")
        self.table.on_edit(self._on_edit)
        self.table.on_click(self._on_click)
        self.reset_all.on_click(lambda _: self.state.reset())
        self._watch_state(["version", "lang", "locked"])
        self._refresh()

    def _rows(self) -> pd.DataFrame:
        s = self.state
        df = parameter_table(s.case, s.base, s.lang)
        query = (self.filter.value_input or "").strip()
        if query:
            df = df[
                [
                    matches_parameter(query, k, f"{n} {g}")
                    for k, n, g in zip(df.key, df.name, df.group, strict=True)
                ]
            ]
        return df.reset_index(drop=True)

    def _on_edit(self, event):
        if event.column != "value":
            return
        key = self.table.value.iloc[event.row]["key"]
        error = self.state.set_value(key, event.value)
        if error:
            self.error.object = notice("danger", f"({key}) {error}", t("error", self.state.lang))
            self.error.visible = True
            self._refresh()  # show the last valid value again
        else:
            self.error.visible = False

    def _on_click(self, event):
        if event.column == "reset":
            self.state.reset(self.table.value.iloc[event.row]["key"])

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        df = self._rows()
        # Values as text in the interface's number format: what a person types (0,5 or
        # 40%) reaches the validation as typed, instead of being coerced by the browser.
        for column in ("value", "low", "high"):
            df[column] = [fmt.compact(v, lang, 6) for v in df[column]]
        self.table.value = df[self.COLUMNS]
        self.table.titles = {c: esc(t(c, lang)) for c in self.COLUMNS}  # HTML in Tabulator
        editors = {c: None for c in self.COLUMNS}
        if not s.locked:
            editors["value"] = {"type": "input"}
        self.table.editors = editors  # one assignment: the browser sees every change
        self.filter.placeholder = t("filter", lang)
        self.reset_all.name = t("reset_all", lang)
        self.reset_all.disabled = s.locked
        self.summary.object = t("changed_count", lang, n=len(s.changes))

    def __panel__(self):
        return pn.Column(pn.Row(self.filter, self.reset_all, self.summary), self.error, self.table)
