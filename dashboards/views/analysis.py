"""Analysis pages: Onzekerheid (uncertainty) and Scenario's. They show what the state
holds (its Monte Carlo run, tornado, break-even, store and comparison) and send the user's
clicks to the state's methods."""

from __future__ import annotations

import io

import numpy as np
import panel as pn
import param
from bokeh.models import ColumnDataSource
from bokeh.models.annotations import Span  # bokeh.models re-exports it past its stubs
from bokeh.plotting import figure
from panel.io.document import unlocked
from param.parameters import NoNone

from businesscase.text import formatting as fmt
from businesscase.text import method_name, t
from dashboards.state import BREAK_EVEN_TARGETS, CaseState

from .components import LazyPage, euro_ticks, set_axes, table
from .safe import esc, labels


def fault(text: str) -> str:
    """An inline message for a failed action (the state's sentence for it)."""
    return f"<p class='bc-neg' data-key='fault'>{esc(text)}</p>"


class UncertaintyPage(LazyPage):
    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        self.draws = pn.widgets.IntInput(
            value=2000, start=100, end=50_000, step=100, width=140, css_classes=["bc-mc-draws"]
        )
        self.seed = pn.widgets.IntInput(value=1, start=0, width=100)
        self.bias = pn.widgets.Checkbox(css_classes=["bc-mc-bias"])
        self.run = pn.widgets.Button(color="primary", css_classes=["bc-mc-run"])
        self.summary = pn.pane.HTML("", css_classes=["bc-mc-summary"], sizing_mode="stretch_width")
        self.hist_source = ColumnDataSource(dict(left=[], right=[], top=[]))
        self.hist = figure(height=280, sizing_mode="stretch_width", toolbar_location=None)
        self.hist.quad(
            left="left",
            right="right",
            top="top",
            bottom=0,
            source=self.hist_source,
            color="#3f51b5",
            alpha=0.7,
        )
        self.hist.xaxis.formatter = euro_ticks()
        self.hist.add_layout(Span(location=0, dimension="height", line_color="#c62828"))
        self.partner = pn.widgets.Select(width=260, css_classes=["bc-tornado-partner"])
        self.tornado_source = ColumnDataSource(dict(name=[], key=[], low=[], high=[], base=[]))
        self.tornado = figure(
            height=420, sizing_mode="stretch_width", toolbar_location=None, y_range=[]
        )
        self.tornado.hbar(
            y="name",
            left="base",
            right="low",
            height=0.6,
            color="#c62828",
            source=self.tornado_source,
            legend_label="low",
        )
        self.tornado.hbar(
            y="name",
            left="base",
            right="high",
            height=0.6,
            color="#2e7d32",
            source=self.tornado_source,
            legend_label="high",
        )
        self.tornado.legend.location = "bottom_right"
        self.tornado.xaxis.formatter = euro_ticks()
        self.be_param = pn.widgets.Select(width=420, css_classes=["bc-be-parameter"])
        self.be_target = pn.widgets.Select(width=260, css_classes=["bc-be-target"])
        self.be_partner = pn.widgets.Select(width=220, css_classes=["bc-be-partner"])
        self.be_run = pn.widgets.Button(css_classes=["bc-be-run"])
        self.be_answer = pn.pane.HTML("", css_classes=["bc-be-answer"])
        self.run.on_click(self._run_mc)
        self.partner.param.watch(self._choose_tornado, "value")
        self.be_run.on_click(self._run_be)
        self._watch_state(["version", "lang"])
        self._refresh()

    # -- clicks, forwarded to the state --------------------------------------------------------
    def _run_mc(self, _=None):
        self.summary.loading = True
        try:
            problem = self.state.run_monte_carlo(self.draws.value, self.seed.value, self.bias.value)
        finally:
            self.summary.loading = False
        if problem:  # shown as a sentence, the last results stay
            self.summary.object = fault(problem)
        else:
            self._show_mc()

    def _choose_tornado(self, event):
        if not self.rendering:
            self.state.tornado_partner = event.new or ""
            self._draw_tornado()

    def _run_be(self, _=None):
        problem = self.state.find_break_even(
            self.be_param.value, self.be_target.value, self.be_partner.value
        )
        if problem:
            self.be_answer.object = fault(problem)
        else:
            self._show_break_even()

    # -- rendering the state ---------------------------------------------------------------------
    def _show_mc(self):
        s, lang = self.state, self.state.lang
        run = s.montecarlo
        mc, method = run.result, run.method
        npv = mc.result.total_arrays["social_npv"]
        counts, edges = np.histogram(npv, bins=40)
        with unlocked():
            self.hist_source.data = dict(left=edges[:-1], right=edges[1:], top=counts)
        summary = mc.summary()
        better = mc.probability_better_off()
        rows = []
        for name, row in summary.iterrows():
            pid = name.split(".", 1)[1] if name.startswith("net_position.") else None
            label = (
                (t("net_position", lang) + ": " + s.result.partner_label(pid, lang))
                if pid
                else t(name, lang)
            )
            rows.append(
                {
                    "name": name,
                    "label": label,
                    "p10": row.p10,
                    "p50": row.p50,
                    "p90": row.p90,
                    "p_positive": fmt.percent(row.p_positive, 0, lang),
                    "better": fmt.percent(better[pid], 0, lang) if pid in better else "",
                }
            )
        cols = [
            ("label", ""),
            ("p10", "P10"),
            ("p50", "P50"),
            ("p90", "P90"),
            ("p_positive", t("mc_p_positive", lang)),
            ("better", t("mc_p_better", lang, method=method_name(method, lang))),
        ]
        note = s.optimism_note(lang) if run.bias else ""
        sroi = summary.loc["sroi_ratio"]
        stale = "" if run.version == s.version else " " + t("mc_stale", lang)
        self.summary.object = (
            f"<p data-key='mc-draws' data-value='{mc.n}'>"
            f"{esc(t('mc_ran', lang, n=fmt.number(mc.n, 0, lang), seed=mc.seed))} {esc(note)}"
            f"<b>{esc(stale)}</b></p>"
            f"<p>SROI P10–P90: {fmt.number(sroi.p10, 2, lang)} – "
            f"{fmt.number(sroi.p90, 2, lang)}</p>"
            + table(
                cols,
                [r for r in rows if r["name"] != "sroi_ratio"],
                "name",
                lang,
                money_columns={"p10", "p50", "p90"},
            )
        )

    def _draw_tornado(self):
        s, lang = self.state, self.state.lang
        tornado = s.tornado
        frame = tornado.frame
        keys = list(frame.index)[::-1]
        names = [s.parameter_name(k) for k in keys]
        pid = tornado.partner
        measure = (
            t("tornado_axis_partner", lang, partner=s.result.partner_label(pid, lang))
            if pid
            else t("tornado_axis_social", lang)
        )
        with unlocked():
            self.tornado.y_range.factors = names
            self.tornado_source.data = dict(
                name=names,
                key=keys,
                low=frame.at_low[::-1].to_numpy(),
                high=frame.at_high[::-1].to_numpy(),
                base=np.full(len(keys), tornado.base),
            )
            self.tornado.title.text = t("tornado_title", lang)
            for item, key in zip(self.tornado.legend.items, ("tornado_low", "tornado_high")):
                item.label = {"value": t(key, lang)}
            set_axes(self.tornado, lang, measure, "")

    def _show_break_even(self):
        answer, lang = self.state.break_even, self.state.lang
        if answer is None:
            self.be_answer.object = ""
        elif answer.value is None:
            text = t("no_break_even", lang, parameter=self.state.parameter_name(answer.key)) + "."
            self.be_answer.object = f"<p data-key='break-even' data-value=''>{esc(text)}</p>"
        else:
            text = t(
                "be_found",
                lang,
                target=t(f"be_target_{answer.target}", lang),
                parameter=self.state.parameter_name(answer.key),
                value=fmt.compact(answer.value, lang),
                now=fmt.compact(answer.now, lang),
            )
            self.be_answer.object = (
                f"<p data-key='break-even' data-value='{answer.value:.10g}'>{esc(text)}</p>"
            )

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        self.draws.name = t("mc_draws", lang)
        self.seed.name = t("mc_seed", lang)
        with unlocked():
            self.hist.title.text = t("mc_histogram", lang)
            set_axes(self.hist, lang, t("social_npv", lang) + " (€)", t("axis_draws", lang))
        self.bias.name = t("mc_bias", lang)
        self.run.name = t("mc_run", lang)
        partners = {s.result.partner_label(p, lang): p for p in s.case.partner_ids}
        self.partner.name = t("tornado_for", lang)
        self.partner.options = {t("social_npv", lang): "", **partners}
        self.partner.value = s.tornado.partner
        self.be_param.name = t("be_parameter", lang)
        keys = s.break_even_parameters()
        self.be_param.options = {s.parameter_name(k): k for k in keys}
        self.be_target.name = t("be_target", lang)
        self.be_target.options = {t(f"be_target_{k}", lang): k for k in BREAK_EVEN_TARGETS}
        self.be_partner.name = t("partner", lang)
        self.be_partner.options = partners
        self.be_run.name = t("be_run", lang)
        self._draw_tornado()
        self._show_break_even()
        if s.montecarlo is not None:
            self._show_mc()
        else:
            self.summary.object = "<p>" + esc(t("mc_help", lang)) + "</p>"

    def __panel__(self):
        return pn.Column(
            pn.Row(self.draws, self.seed, self.bias, self.run),
            self.hist,
            self.summary,
            self.partner,
            self.tornado,
            pn.Row(self.be_param, self.be_target, self.be_partner, self.be_run),
            self.be_answer,
            sizing_mode="stretch_width",
        )


class ScenariosPage(LazyPage):
    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        self.name_input = pn.widgets.TextInput(width=300, css_classes=["bc-sc-name"])
        self.notes = pn.widgets.TextInput(width=400, css_classes=["bc-sc-notes"])
        self.author = pn.widgets.TextInput(width=200, css_classes=["bc-sc-author"])
        self.save_new = pn.widgets.Button(color="primary", css_classes=["bc-sc-save"])
        self.save_version = pn.widgets.Button(css_classes=["bc-sc-save-version"])
        self.feedback = pn.pane.HTML("", css_classes=["bc-sc-feedback"])
        self.listing = pn.widgets.Select(width=520, size=8, css_classes=["bc-sc-list"])
        self.versions = pn.widgets.Select(width=520, size=6, css_classes=["bc-sc-versions"])
        self.open_button = pn.widgets.Button(css_classes=["bc-sc-open"])
        self.to_compare = pn.widgets.MultiChoice(
            width=620, max_items=6, css_classes=["bc-sc-compare"]
        )
        self.compare_button = pn.widgets.Button(css_classes=["bc-sc-compare-run"])
        self.comparison = pn.pane.HTML(
            "", css_classes=["bc-sc-comparison"], sizing_mode="stretch_width"
        )
        self.comparison_download = pn.widgets.FileDownload(
            callback=self._comparison_file,
            filename="vergelijking.xlsx",
            css_classes=["bc-sc-download"],
            color="light",
            embed=False,
            disabled=True,
        )
        self.bar_source = ColumnDataSource(dict(name=[], npv=[]))
        self.bar = figure(
            height=260, sizing_mode="stretch_width", toolbar_location=None, x_range=[]
        )
        self.bar.vbar(x="name", top="npv", width=0.6, source=self.bar_source, color="#3f51b5")
        self.bar.yaxis.formatter = euro_ticks()
        self.save_new.on_click(lambda _: self._save(as_new_version=False))
        self.save_version.on_click(lambda _: self._save(as_new_version=True))
        self.listing.param.watch(self._list_versions, "value")
        self.open_button.on_click(self._open)
        self.compare_button.on_click(self._compare)
        self._watch_state(["lang"])
        self._refresh()

    # -- clicks, forwarded to the state --------------------------------------------------------
    def _save(self, as_new_version: bool = False):
        s = self.state
        problem = s.save_scenario(
            self.name_input.value, self.notes.value, self.author.value, as_new_version
        )
        if problem:
            self.feedback.object = fault(problem)
            return
        v = s.scenario
        assert v is not None  # a save that returns no problem has set the scenario
        self.feedback.object = (
            f"<p data-key='saved' data-value='{v.scenario_id}.{v.number}'>"
            f"{esc(t('sc_saved', s.lang))}: {esc(v.label)}</p>"
        )
        self._refresh()

    def _open(self, _=None):
        choice = self.versions.value
        if not choice:
            return
        problem = self.state.open_scenario(*choice)
        if problem:
            self.feedback.object = fault(problem)
            return
        v, lang = self.state.scenario, self.state.lang
        self.save_version.disabled = not self.state.can_save
        self.feedback.object = (
            f"<p data-key='opened' data-value='{v.scenario_id}.{v.number}'>"
            f"{esc(t('sc_opened', lang))}: {esc(v.label)}</p>"
        )

    def _compare(self, _=None):
        problem = self.state.compare_scenarios(list(self.to_compare.value))
        if problem:
            self.comparison.object = fault(problem)
        else:
            self._show_comparison()

    def _comparison_file(self):
        return io.BytesIO(self.state.comparison_workbook())

    # -- rendering the state ---------------------------------------------------------------------
    def _list_versions(self, *_):
        options, problem = self.state.version_listing(self.listing.value)
        self.versions.options = options
        if problem:
            self.feedback.object = fault(problem)

    def _show_comparison(self):
        frame, lang = self.state.comparison, self.state.lang
        self.comparison_download.label = t("sc_download", lang)
        self.comparison_download.disabled = frame is None
        if frame is None:
            return
        rows = [
            {
                "name": n,
                "label": f"{int(r['rank'])}. {n}",
                **r.to_dict(),
                "sroi": fmt.number(r.sroi_ratio, 2, lang),
                "per_euro": fmt.number(r.value_per_municipal_euro, 2, lang),
            }
            for n, r in frame.iterrows()
        ]
        cols = [
            ("label", t("sc_scenario", lang)),
            ("social_npv", t("social_npv", lang)),
            ("sroi", t("sroi_ratio", lang)),
            ("municipal_cost", t("sc_municipal_cost", lang)),
            ("per_euro", t("sc_value_per_municipal_euro", lang)),
            ("social_npv_with_wellbeing", t("social_npv_with_wellbeing", lang)),
        ]
        partner_cols = [c for c in frame.columns if c.startswith("net.")]
        names = {p.id: p.name(lang) for p in self.state.case.partners}
        cols += [(c, f"{t('net_position', lang)}: {names.get(c[4:], c[4:])}") for c in partner_cols]
        self.comparison.object = table(
            cols,
            rows,
            "name",
            lang,
            money_columns={
                "social_npv",
                "municipal_cost",
                "social_npv_with_wellbeing",
                *partner_cols,
            },
        )
        names = [r["label"] for r in rows]
        with unlocked():
            self.bar.x_range.factors = names
            self.bar_source.data = dict(name=names, npv=frame.social_npv.to_numpy())

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        self.name_input.name = t("sc_name", lang)
        self.notes.name = t("sc_notes", lang)
        self.author.name = t("sc_author", lang)
        self.save_new.name = t("sc_save_new", lang)
        self.save_version.name = t("sc_save_version", lang)
        listing, problem = s.scenario_listing()
        problem = s.store_problem() or problem
        if problem:
            self.feedback.object = fault(problem)
        self.save_new.disabled = not s.can_save
        self.save_version.disabled = s.scenario_id is None or not s.can_save
        self.listing.name = t("sc_scenarios", lang)
        self.listing.options = listing
        self.versions.name = t("sc_versions", lang)
        self.open_button.name = t("sc_open", lang)
        self.to_compare.name = t("sc_compare_choice", lang)
        self.to_compare.options = labels(listing)  # Choices.js renders labels as HTML
        self.compare_button.name = t("sc_compare", lang)
        with unlocked():
            set_axes(self.bar, lang, t("sc_scenario", lang), t("social_npv", lang) + " (€)")
        self._list_versions()  # the chosen scenario may have a new version now
        self._show_comparison()

    def __panel__(self):
        return pn.Column(
            pn.Row(self.name_input, self.author, self.notes),
            pn.Row(self.save_new, self.save_version),
            self.feedback,
            pn.Row(self.listing, self.versions),
            self.open_button,
            pn.Row(self.to_compare, self.compare_button),
            self.bar,
            self.comparison,
            self.comparison_download,
            sizing_mode="stretch_width",
        )


__all__ = ["ScenariosPage", "UncertaintyPage"]
