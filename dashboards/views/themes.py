"""The themes page of a programme: the partners × themes matrix (who joins, what each pays
and gains a year), the themes' totals, the programme's payments, and who takes part in the
theme the other pages show."""

from __future__ import annotations

import pandas as pd
import panel as pn
import param
from param.parameters import NoNone

from businesscase.text import formatting as fmt
from businesscase.text import t
from dashboards.state import CaseState

from .components import LazyPage, table
from .safe import esc, heading, labels, notice


class ThemesPage(LazyPage):
    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        self.intro = pn.pane.HTML("", sizing_mode="stretch_width")
        self.theme_select = pn.widgets.Select(width=360, css_classes=["bc-theme-select"])
        self.taking_part = pn.widgets.MultiChoice(
            options={},
            value=[],
            search_option_limit=40,
            max_width=900,
            sizing_mode="stretch_width",
            css_classes=["bc-theme-participants"],
        )
        self.totals = pn.pane.HTML(
            "", sizing_mode="stretch_width", css_classes=["bc-themes-totals"]
        )
        self.matrix_title = pn.pane.HTML("")
        self.matrix = pn.widgets.Tabulator(
            pd.DataFrame(),
            show_index=False,
            disabled=True,
            selectable=False,
            pagination=None,
            frozen_columns=["partner"],
            layout="fit_data_table",
            max_height=420,
            max_width=1180,
            sizing_mode="stretch_width",
            css_classes=["bc-themes-matrix"],
        )
        self.payments = pn.pane.HTML("", sizing_mode="stretch_width")
        self.feedback = pn.pane.HTML("", sizing_mode="stretch_width")
        self.theme_select.param.watch(self._on_theme, "value")
        self.taking_part.param.watch(self._on_taking_part, "value")
        self._watch_state(["version", "lang"])

    # -- user actions ------------------------------------------------------------------------
    def _on_theme(self, event):
        if self.rendering or not event.new:
            return
        self.state.choose_theme(event.new)

    def _on_taking_part(self, event):
        if self.rendering:
            return
        s = self.state
        programme = s.programme
        if programme is None:
            return
        members = set(programme.theme(s.theme).participants)
        keep = [p for p in s.case.partner_ids if p not in members or p in event.new]
        s.set_taking_part(keep)
        self.feedback.object = notice("danger", s.message) if s.message else ""

    # -- rendering ---------------------------------------------------------------------------
    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        split = s.programme_now() if s.programme is not None else None
        programme = s.programme
        shown = split is not None and programme is not None
        for widget in (self.theme_select, self.taking_part, self.matrix):
            widget.visible = shown
        if not shown:
            self.intro.object = notice("info", t("themes_no_programme", lang))
            self.totals.object = self.payments.object = self.matrix_title.object = ""
            return
        assert split is not None and programme is not None
        intro = t(
            "themes_intro", lang, themes=len(programme.themes), partners=len(programme.partners)
        )
        self.intro.object = (
            heading(f"{t('programme', lang)}: {programme.meta.name}") + f"<p>{esc(intro)}</p>"
        )
        self.theme_select.name = t("themes_shown", lang)
        self.theme_select.options = s.theme_options()
        self.theme_select.value = s.theme
        theme = programme.theme(s.theme)
        names = {programme.partner(p).name(lang): p for p in theme.participants}
        self.taking_part.name = t("themes_taking_part", lang, theme=theme.name(lang))
        self.taking_part.options = labels(names)
        self.taking_part.value = [p for p in theme.participants if p not in set(s.absent)]
        totals = split.totals
        rows = [
            {
                "theme": programme.theme(tid).name(lang)
                if tid in programme.theme_ids
                else t("programme_total", lang),
                "partners": str(int(row["partners_in_game"])),
                "value": float(row["total_value"]),
                "per_year": float(row["cost_to_cover_per_year"]),
            }
            for tid, row in totals.iterrows()
        ]
        self.totals.object = table(
            [
                ("theme", t("theme", lang)),
                ("partners", t("theme_partners", lang)),
                ("value", t("theme_value", lang)),
                ("per_year", t("theme_cost_per_year", lang)),
            ],
            rows,
            "theme",
            lang,
            money_columns={"value", "per_year"},
            label_column="theme",
        )
        self.matrix_title.object = heading(t("themes_matrix", lang), 4)
        matrix = s.theme_matrix(split)
        # Tabulator titles are HTML
        self.matrix.titles = {c: esc(t("partner", lang) if c == "partner" else c) for c in matrix}
        self.matrix.value = matrix
        outside = s.outside_every_theme(split)
        sentences = [
            t(
                "transfer_sentence",
                lang,
                payer=programme.partner(tr.payer).name(lang),
                receiver=programme.partner(tr.receiver).name(lang),
                amount=fmt.euro(tr.per_year, 0, lang),
            )
            for tr in split.transfers
        ]
        self.payments.object = (
            heading(t("themes_payments", lang), 4)
            + "".join(f"<p>{esc(x)}</p>" for x in sentences)
            + (
                f"<p>{esc(t('themes_outside', lang, names=', '.join(outside)))}</p>"
                if outside
                else ""
            )
        )

    def __panel__(self):
        return pn.Column(
            self.intro,
            pn.Row(self.theme_select, self.taking_part, sizing_mode="stretch_width"),
            self.feedback,
            self.totals,
            self.matrix_title,
            self.matrix,
            self.payments,
            sizing_mode="stretch_width",
        )
