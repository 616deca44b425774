"""Vergadermodus: the page a programme manager projects at the table. Large type, the
headline figures, the yearly chart, who pays and who gains, the split with its payments,
the live check of the proposal and who takes part; locked, the other pages and every
edit are out of reach and only who takes part can still be changed, live."""

from __future__ import annotations

import panel as pn
import param
from param.parameters import NoNone

from businesscase.text import method_name, t
from dashboards.state import CaseState

from .components import LazyPage, PartnerChart, YearChart
from .results import (
    allocation_html,
    draw_partner_chart,
    draw_year_chart,
    headline_cards,
    partner_rows,
    proposal_html,
    transfers_html,
    wellbeing_html,
)
from .safe import esc


class MeetingPage(LazyPage):
    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        self.lock = pn.widgets.Toggle(
            value=self.state.locked, css_classes=["bc-lock"], color="warning", width=260
        )
        self.top = pn.pane.HTML("", css_classes=["bc-meeting"], sizing_mode="stretch_width")
        self.wellbeing = pn.pane.HTML(
            "", css_classes=["bc-meeting-wellbeing"], sizing_mode="stretch_width"
        )
        self.year_chart, self.partner_chart = YearChart(), PartnerChart()
        self.partner_pane = pn.pane.Bokeh(self.partner_chart.fig, sizing_mode="stretch_width")
        self.taking_part = pn.widgets.CheckButtonGroup(
            css_classes=["bc-meeting-takes-part"],
            color="success",
            sizing_mode="stretch_width",
            # 35 partners wrap onto lines instead of widening the page past the screen.
            stylesheets=[".bk-btn-group { flex-wrap: wrap; row-gap: 4px; }"],
        )
        self.taking_title = pn.pane.HTML("", css_classes=["bc-meeting"])
        self.split = pn.pane.HTML("", css_classes=["bc-meeting"], sizing_mode="stretch_width")
        self.proposal = pn.pane.HTML(
            "", css_classes=["bc-meeting", "bc-meeting-proposal"], sizing_mode="stretch_width"
        )
        self.lock.param.watch(self._on_lock, "value")
        self.taking_part.param.watch(self._on_taking_part, "value")
        self._watch_state(["version", "lang", "locked"])
        self._refresh()

    def _on_lock(self, event):
        if not self.rendering:
            self.state.locked = event.new

    def _on_taking_part(self, event):
        if not self.rendering:
            shown = {pid for _, pid in self.taking_part.options.items()}
            self.state.set_participants({p: p in event.new for p in shown})

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        self.lock.name = t("unlock" if s.locked else "lock", lang)
        self.lock.value = s.locked
        self.top.object = headline_cards(s)  # the title is in the bar above
        self.wellbeing.object = wellbeing_html(s)
        draw_year_chart(self.year_chart, s)
        draw_partner_chart(self.partner_chart, self.partner_pane, s, partner_rows(s))
        participants = s.participant_rows()
        self.taking_title.object = f"<h3>{esc(t('participants', lang))}</h3>"
        self.taking_part.options = {name: pid for pid, name, _ in participants}
        self.taking_part.value = [pid for pid, _, yes in participants if yes]
        self.split.object = (
            f"<h3>{esc(method_name(s.method, lang))}</h3>"
            + allocation_html(s, lang, "bc-table bc-allocation-meeting")
            + f"<h3>{esc(t('transfers', lang))}</h3>"
            + transfers_html(s, lang)
        )
        self.proposal.object = f"<h3>{esc(t('proposal', lang))}</h3>" + proposal_html(s, lang)

    def __panel__(self):
        return pn.Column(
            self.lock,
            self.top,
            self.wellbeing,
            pn.Row(
                pn.pane.Bokeh(self.year_chart.fig),
                self.partner_pane,
                sizing_mode="stretch_width",
            ),
            self.taking_title,
            self.taking_part,
            self.split,
            self.proposal,
            sizing_mode="stretch_width",
        )
