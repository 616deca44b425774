"""Analysis pages: Onzekerheid (uncertainty) and Scenario's."""

from __future__ import annotations

import os

import numpy as np
import panel as pn
import param
from bokeh.models import ColumnDataSource, NumeralTickFormatter, Span
from bokeh.plotting import figure
from panel.io.document import unlocked

from businesscase.text import formatting as fmt
from businesscase.allocation import method_name
from businesscase.model import UserError
from businesscase.scenarios import ScenarioStore, compare
from businesscase.scenarios import StoreError
from businesscase.uncertainty import break_even, monte_carlo, optimism_bias, tornado
from businesscase.uncertainty import load_optimism_bias

from .components import LazyPage, table
from .safe import esc, labels
from dashboards.state import PER_DRAW_METHODS, CaseState, problem_text
from businesscase.text import t

LINEAR_SPLITS = PER_DRAW_METHODS
TARGET_LABELS = {"social_npv": ("MKBA-saldo", "Social NPV"),
                 "net_position": ("Saldo van een partij", "A partner's net position"),
                 "financial_npv": ("Financiële NCW van een partij", "A partner's financial NPV")}




def _t(nl: str, en: str, lang: str) -> str:
    return en if lang == "en" else nl


def fault(exc: Exception, lang: str, doing: str = "analysis") -> str:
    """An inline message for a failed action, in the words of ``problem_text``."""
    return f"<p class='bc-neg' data-key='fault'>{esc(problem_text(exc, lang, doing))}</p>"


class UncertaintyPage(LazyPage):
    state = param.ClassSelector(class_=CaseState)

    def __init__(self, **params):
        super().__init__(**params)
        self.draws = pn.widgets.IntInput(value=2000, start=100, end=50_000, step=100, width=140,
                                         css_classes=["bc-mc-draws"])
        self.seed = pn.widgets.IntInput(value=1, start=0, width=100)
        self.bias = pn.widgets.Checkbox(css_classes=["bc-mc-bias"])
        self.run = pn.widgets.Button(color="primary", css_classes=["bc-mc-run"])
        self.summary = pn.pane.HTML("", css_classes=["bc-mc-summary"], sizing_mode="stretch_width")
        self.hist_source = ColumnDataSource(dict(left=[], right=[], top=[]))
        self.hist = figure(height=280, sizing_mode="stretch_width", toolbar_location=None)
        self.hist.quad(left="left", right="right", top="top", bottom=0, source=self.hist_source,
                       color="#3f51b5", alpha=0.7)
        self.hist.xaxis.formatter = NumeralTickFormatter(format="0,0", language="nl-nl")
        self.hist.add_layout(Span(location=0, dimension="height", line_color="#c62828"))
        self.partner = pn.widgets.Select(width=260, css_classes=["bc-tornado-partner"])
        self.tornado_source = ColumnDataSource(dict(key=[], low=[], high=[], base=[]))
        self.tornado = figure(height=420, sizing_mode="stretch_width", toolbar_location=None,
                              y_range=[])
        self.tornado.hbar(y="key", left="base", right="low", height=0.6, color="#c62828",
                          source=self.tornado_source)
        self.tornado.hbar(y="key", left="base", right="high", height=0.6, color="#2e7d32",
                          source=self.tornado_source)
        self.tornado.xaxis.formatter = NumeralTickFormatter(format="0,0", language="nl-nl")
        self.be_param = pn.widgets.Select(width=420, css_classes=["bc-be-parameter"])
        self.be_target = pn.widgets.Select(width=260, css_classes=["bc-be-target"])
        self.be_partner = pn.widgets.Select(width=220)
        self.be_run = pn.widgets.Button(css_classes=["bc-be-run"])
        self.be_answer = pn.pane.HTML("", css_classes=["bc-be-answer"])
        self.run.on_click(self._run_mc)
        self._mc = None  # the last run: its table follows the language, not later edits
        self.partner.param.watch(self._draw_tornado, "value")
        self.be_run.on_click(self._run_be)
        self._watch_state(["version", "lang"])
        self._refresh()

    def _run_mc(self, _=None):
        s, lang = self.state, self.state.lang
        self.summary.loading = True
        try:
            case = optimism_bias(s.case) if self.bias.value else s.case
            method = s.method if s.method in LINEAR_SPLITS else "shapley"
            # The core checks draws and seed (one rule with the CLI); an emptied field is None.
            mc = monte_carlo(case, self.draws.value, self.seed.value, basis=s.basis,
                             method=method)
        except Exception as exc:  # shown as a sentence, the last results stay
            self.summary.object = fault(exc, lang)
            return
        finally:
            self.summary.loading = False
        self._mc, self._mc_version, self._mc_method = mc, s.version, method
        s.montecarlo = (s.version, mc)
        self._show_mc()

    def _show_mc(self):
        s, lang = self.state, self.state.lang
        mc, method = self._mc, self._mc_method
        npv = mc.result.total_arrays["social_npv"]
        counts, edges = np.histogram(npv, bins=40)
        with unlocked():
            self.hist_source.data = dict(left=edges[:-1], right=edges[1:], top=counts)
        summary = mc.summary()
        better = mc.probability_better_off()
        rows = []
        for name, row in summary.iterrows():
            pid = name.split(".", 1)[1] if name.startswith("net_position.") else None
            label = (t("net_position", lang) + ": " + s.result.partner_label(pid, lang)) if pid \
                else t(name, lang)
            rows.append({"name": name, "label": label, "p10": row.p10, "p50": row.p50,
                         "p90": row.p90, "p_positive": fmt.percent(row.p_positive, 0, lang),
                         "better": fmt.percent(better[pid], 0, lang) if pid in better else ""})
        cols = [("label", ""), ("p10", "P10"), ("p50", "P50"), ("p90", "P90"),
                ("p_positive", _t("Kans > 0", "P(> 0)", lang)),
                ("better", _t(f"Kans beter af ({method_name(method, lang)})",
                              f"P(better off, {method_name(method, lang)})", lang))]
        note = load_optimism_bias().describe(lang) if self.bias.value else ""
        sroi = summary.loc["sroi_ratio"]
        stale = "" if self._mc_version == s.version else " " + _t(
            "De businesscase is sindsdien gewijzigd: start opnieuw voor de nieuwe cijfers.",
            "The case has changed since: run again for the new figures.", lang)
        self.summary.object = (
            f"<p data-key='mc-draws' data-value='{mc.n}'>{fmt.number(mc.n, 0, lang)} "
            f"{_t('trekkingen', 'draws', lang)}, seed {mc.seed}. {esc(note)}"
            f"<b>{esc(stale)}</b></p>"
            f"<p>SROI P10–P90: {fmt.number(sroi.p10, 2, lang)} – {fmt.number(sroi.p90, 2, lang)}</p>"
            + table(cols, [r for r in rows if r["name"] != "sroi_ratio"], "name", lang,
                    money_columns={"p10", "p50", "p90"}))

    def _draw_tornado(self, *_):
        s, lang = self.state, self.state.lang
        pid = self.partner.value or None
        frame = tornado(s.case, "net_position" if pid else "social_npv", pid).head(15)
        base = (s.result.by_partner.loc[pid, "net_position"] if pid
                else s.result.totals["social_npv"])
        keys = list(frame.index)[::-1]
        with unlocked():
            self.tornado.y_range.factors = keys
            self.tornado_source.data = dict(key=keys, low=frame.at_low[::-1].to_numpy(),
                                            high=frame.at_high[::-1].to_numpy(),
                                            base=np.full(len(keys), float(base)))
            self.tornado.title.text = _t("Tornado: laag (rood) en hoog (groen), top 15",
                                         "Tornado: low (red) and high (green), top 15", lang)

    def _run_be(self, _=None):
        s, lang = self.state, self.state.lang
        key, target, pid = self.be_param.value, self.be_target.value, self.be_partner.value
        try:
            value = break_even(s.case, key, target, None if target == "social_npv" else pid)
        except Exception as exc:
            self.be_answer.object = fault(exc, lang)
            return
        if value is None:
            text = _t(f"{key}: geen omslagpunt binnen het toegestane bereik.",
                      f"{key}: no break-even within its allowed range.", lang)
            self.be_answer.object = f"<p data-key='break-even' data-value=''>{esc(text)}</p>"
            return
        now = s.case.parameter(key).value
        what = TARGET_LABELS[target][1 if lang == "en" else 0]
        text = _t(f"{what} wordt nul bij {key} = {fmt.compact(value, lang)} (nu {fmt.compact(now, lang)}).",
                  f"{what} turns zero at {key} = {fmt.compact(value, lang)} (now {fmt.compact(now, lang)}).",
                  lang)
        self.be_answer.object = (f"<p data-key='break-even' data-value='{value:.10g}'>"
                                 f"{esc(text)}</p>")

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        self.draws.name = _t("Aantal trekkingen", "Draws", lang)
        self.seed.name = _t("Startgetal (seed)", "Seed", lang)
        with unlocked():
            self.hist.title.text = _t("Verdeling van het MKBA-saldo over de trekkingen",
                                      "Distribution of the social NPV over the draws", lang)
        self.bias.name = _t("Correctie voor optimisme", "Optimism bias", lang)
        self.run.name = _t("Start Monte Carlo", "Run Monte Carlo", lang)
        partners = {s.result.partner_label(p, lang): p for p in s.case.partner_ids}
        self.partner.name = _t("Tornado voor", "Tornado for", lang)
        self.partner.options = {t("social_npv", lang): "", **partners}
        self.be_param.name = _t("Parameter", "Parameter", lang)
        self.be_param.options = [k for k, p in s.case.parameters() if p.high > p.low]
        self.be_target.name = _t("Wat moet nul worden", "What should reach zero", lang)
        self.be_target.options = {v[1 if lang == "en" else 0]: k for k, v in TARGET_LABELS.items()}
        self.be_partner.name = t("partner", lang)
        self.be_partner.options = partners
        self.be_run.name = _t("Zoek omslagpunt", "Find break-even", lang)
        self._draw_tornado()
        if self._mc is not None:
            self._show_mc()
        else:
            self.summary.object = "<p>" + esc(_t(
                "Kies het aantal trekkingen en start de Monte Carlo-analyse.",
                "Choose the number of draws and run the Monte Carlo analysis.", lang)) + "</p>"

    def __panel__(self):
        return pn.Column(
            pn.Row(self.draws, self.seed, self.bias, self.run), self.hist, self.summary,
            self.partner, self.tornado,
            pn.Row(self.be_param, self.be_target, self.be_partner, self.be_run), self.be_answer,
            sizing_mode="stretch_width")


class ScenariosPage(LazyPage):
    state = param.ClassSelector(class_=CaseState)

    def __init__(self, store: ScenarioStore | None = None, **params):
        super().__init__(**params)
        self.store, self._store_fault = store, None
        if store is None:
            try:
                self.store = ScenarioStore(os.environ.get("BUSINESSCASE_DATABASE_URL"))
            except UserError as exc:  # the page opens and says why it cannot save or list
                self._store_fault = exc
        self.name_input = pn.widgets.TextInput(width=300, css_classes=["bc-sc-name"])
        self.notes = pn.widgets.TextInput(width=400, css_classes=["bc-sc-notes"])
        self.author = pn.widgets.TextInput(width=200, css_classes=["bc-sc-author"])
        self.save_new = pn.widgets.Button(color="primary", css_classes=["bc-sc-save"])
        self.save_version = pn.widgets.Button(css_classes=["bc-sc-save-version"])
        self.feedback = pn.pane.HTML("", css_classes=["bc-sc-feedback"])
        self.listing = pn.widgets.Select(width=520, size=8, css_classes=["bc-sc-list"])
        self.versions = pn.widgets.Select(width=520, size=6, css_classes=["bc-sc-versions"])
        self.open_button = pn.widgets.Button(css_classes=["bc-sc-open"])
        self.to_compare = pn.widgets.MultiChoice(width=620, max_items=6, css_classes=["bc-sc-compare"])
        self.compare_button = pn.widgets.Button(css_classes=["bc-sc-compare-run"])
        self.comparison = pn.pane.HTML("", css_classes=["bc-sc-comparison"], sizing_mode="stretch_width")
        self.bar_source = ColumnDataSource(dict(name=[], npv=[]))
        self.bar = figure(height=260, sizing_mode="stretch_width", toolbar_location=None, x_range=[])
        self.bar.vbar(x="name", top="npv", width=0.6, source=self.bar_source, color="#3f51b5")
        self.bar.yaxis.formatter = NumeralTickFormatter(format="0,0", language="nl-nl")
        self.current: int | None = None
        self.save_new.on_click(lambda _: self._save(None))
        self.save_version.on_click(lambda _: self._save(self.current))
        self.listing.param.watch(self._list_versions, "value")
        self.open_button.on_click(self._open)
        self.compare_button.on_click(self._compare)
        self._watch_state(["lang"])
        self._refresh()

    def _save(self, scenario_id):
        s, lang = self.state, self.state.lang
        if self.store is None:
            self.feedback.object = fault(self._store_fault, lang)
            return
        try:
            v = self.store.save(self.name_input.value, s.case, s.changes, self.notes.value,
                                self.author.value, scenario_id)
        except Exception as exc:
            self.feedback.object = fault(exc, lang)
            return
        self.current = v.scenario_id
        self.feedback.object = (f"<p data-key='saved' data-value='{v.scenario_id}.{v.number}'>"
                                f"{esc(_t('Opgeslagen', 'Saved', lang))}: {esc(v.label)}</p>")
        self._refresh()

    def _list_versions(self, *_):
        sid = self.listing.value
        try:
            self.versions.options = {v.label: (v.scenario_id, v.number)
                                     for v in self.store.versions(sid)} if sid else {}
        except Exception as exc:
            self.versions.options = {}
            self.feedback.object = fault(exc, self.state.lang)

    def _open(self, _=None):
        choice = self.versions.value
        if not choice:
            return
        try:
            case, v = self.store.open(*choice)
        except Exception as exc:
            self.feedback.object = fault(exc, self.state.lang)
            return
        self.current = v.scenario_id
        self.state.use_case(case, v.label)
        self.feedback.object = (f"<p data-key='opened' data-value='{v.scenario_id}.{v.number}'>"
                                f"{esc(_t('Geopend', 'Opened', self.state.lang))}: {esc(v.label)}</p>")

    def _compare(self, _=None):
        lang = self.state.lang
        chosen = self.to_compare.value
        try:
            opened = [self.store.open(sid) for sid in chosen]
            # Two scenarios may share a name and a minute: the number tells them apart.
            cases = [(f"#{version.scenario_id} {version.label}", case) for case, version in opened]
            frame = compare(cases, self.state.method, self.state.basis)
        except Exception as exc:
            self.comparison.object = fault(exc, lang)
            return
        frame = frame.sort_values("rank")
        rows = [{"name": n, "label": f"{int(r['rank'])}. {n}", **r.to_dict(),
                 "sroi": fmt.number(r.sroi_ratio, 2, lang),
                 "per_euro": fmt.number(r.value_per_municipal_euro, 2, lang)}
                for n, r in frame.iterrows()]
        cols = [("label", "Scenario"), ("social_npv", t("social_npv", lang)),
                ("sroi", t("sroi_ratio", lang)),
                ("municipal_cost", _t("Kosten gemeente", "Cost to the municipality", lang)),
                ("per_euro", _t("Maatschappelijke waarde per gemeente-euro",
                                "Social value per municipal euro", lang))]
        partner_cols = [c for c in frame.columns if c.startswith("net.")]
        cols += [(c, c.split(".", 1)[1]) for c in partner_cols]
        self.comparison.object = table(cols, rows, "name", lang,
                                       money_columns={"social_npv", "municipal_cost", *partner_cols})
        names = [r["label"] for r in rows]
        with unlocked():
            self.bar.x_range.factors = names
            self.bar_source.data = dict(name=names, npv=frame.social_npv.to_numpy())

    def _refresh(self, *_):
        lang = self.state.lang
        self.name_input.name = _t("Naam", "Name", lang)
        self.notes.name = _t("Notities", "Notes", lang)
        self.author.name = _t("Auteur", "Author", lang)
        self.save_new.name = _t("Opslaan als nieuw scenario", "Save as a new scenario", lang)
        self.save_version.name = _t("Opslaan als nieuwe versie", "Save as a new version", lang)
        self.save_version.disabled = self.current is None
        listing = {}
        if self.store is None:
            self.feedback.object = fault(self._store_fault, lang)
        else:
            try:
                listing = _unique_options(self.store.scenarios())
            except Exception as exc:
                self.feedback.object = fault(exc, lang)
            if self.store.read_only:
                self.feedback.object = fault(StoreError(self.store.database, "opened_read_only"),
                                             lang)
        self.save_new.disabled = self.store is None or self.store.read_only
        self.save_version.disabled |= self.save_new.disabled
        self.listing.name = _t("Scenario's", "Scenarios", lang)
        self.listing.options = listing
        self.versions.name = _t("Versies", "Versions", lang)
        self.open_button.name = _t("Open versie", "Open version", lang)
        self.to_compare.name = _t("Vergelijk (2 tot 6)", "Compare (2 to 6)", lang)
        self.to_compare.options = labels(listing)  # Choices.js renders labels as HTML
        self.compare_button.name = _t("Vergelijk", "Compare", lang)
        self._list_versions()  # the chosen scenario may have a new version now

    def __panel__(self):
        return pn.Column(
            pn.Row(self.name_input, self.author, self.notes),
            pn.Row(self.save_new, self.save_version), self.feedback,
            pn.Row(self.listing, self.versions), self.open_button,
            pn.Row(self.to_compare, self.compare_button), self.bar, self.comparison,
            sizing_mode="stretch_width")


def _unique_options(versions) -> dict[str, int]:
    """Label → scenario id; two scenarios saved under one name in the same minute get their
    number added, so that neither disappears from the list."""
    labels = [v.label for v in versions]
    return {(lb if labels.count(lb) == 1 else f"{lb} #{v.scenario_id}"): v.scenario_id
            for lb, v in zip(labels, versions)}


__all__ = ["ScenariosPage", "UncertaintyPage"]
