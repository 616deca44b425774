"""Output pages: Resultaat, Verdeling, Vergadermodus and "Waarom dit getal?"."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import panel as pn
import param
from param.parameters import NoNone

from businesscase.text import (
    TEXTS,
    flow_label,
    format_metric,
    irr_text,
    method_description,
    method_name,
    t,
    total_label,
)
from businesscase.text import formatting as fmt
from dashboards.state import (
    ALLOCATION_COLUMNS,
    BASES,
    FLOW_TYPES,
    METHODS,
    PARTNER_FIGURES,
    WELLBEING_TOTALS,
    WHY_METRICS,
    CaseState,
)

from .components import (
    CumulativeChart,
    LazyPage,
    PartnerChart,
    YearChart,
    card,
    cards,
    money,
    set_axes,
    table,
)
from .safe import esc, notice, paragraphs

HEADLINES = ("social_npv", "sroi_ratio", "pv_benefits", "pv_costs", "payback_year")


def headline_cards(state: CaseState) -> str:
    r, lang = state.result, state.lang
    totals = r.totals
    items = []
    for key in HEADLINES:
        value = float(totals[key])
        shown = format_metric(key, value, lang)
        items.append(card(key, total_label(key, lang), shown, value, signed=key == "social_npv"))
    corp = state.corporation
    if corp is not None:
        row = r.by_partner.loc[corp]
        items.append(
            card(
                "corporation_npv",
                t("corporation_npv", lang),
                money(row.financial_npv, lang),
                float(row.financial_npv),
                signed=True,
            )
        )
        items.append(
            card(
                "corporation_irr",
                t("corporation_irr", lang),
                irr_text(row.irr, row.irr_note, lang),
                float(row.irr),
            )
        )
    return cards(items)


def wellbeing_html(state: CaseState) -> str:
    """The wellbeing layer beside the balance: its own heading, cards and what it is; ''
    for a case without one."""
    layer, lang = state.wellbeing, state.lang
    if layer is None:
        return ""
    items = [
        card(
            key,
            t(key, lang),
            format_metric(key, layer.total(key), lang),
            layer.total(key),
            signed=key == "social_npv_with_wellbeing",
        )
        for key in WELLBEING_TOTALS
    ]
    return (
        f'<div class="bc-wellbeing"><h4>{esc(t("wellbeing_title", lang))}</h4>'
        + cards(items)
        + f'<p class="bc-wellbeing-about">{esc(t("wellbeing_about", lang))}</p></div>'
    )


def draw_year_chart(chart: YearChart, state: CaseState) -> None:
    """Costs and benefits per year of the current result, real, with titled axes."""
    r, lang = state.result, state.lang
    y = r.case.meta.price_year
    chart.update(
        r.per_year("real"),
        t("costs_benefits_year", lang, y=y),
        (t("benefits", lang), t("costs", lang)),
    )
    set_axes(chart.fig, lang, t("axis_year", lang), t("axis_euro_year", lang, y=y))


def draw_partner_chart(
    chart: PartnerChart, pane: pn.pane.Bokeh, state: CaseState, rows: list[dict]
) -> None:
    """Who pays and who gains (the partners' rows of ``partner_rows``), with a titled axis."""
    lang = state.lang
    chart.update(
        [x["label"] for x in rows],
        [x["pv_costs"] for x in rows],
        [x["pv_benefits"] for x in rows],
        t("who_pays", lang),
    )
    set_axes(chart.fig, lang, t("axis_euro_pv", lang), "")
    # The pane holds the chart's height, which grows with the number of partners.
    if pane.height != chart.fig.height:
        pane.height = chart.fig.height


def text_table(head: list[str], rows: list[list[str]], css: str = "bc-table") -> str:
    """A table of texts the core worded (every cell escaped)."""
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{css}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'


def must_be_true_html(state: CaseState) -> str:
    """What must be true for a negative case, each break-even with its raw value."""
    lang, frame = state.lang, state.must_be_true
    intro = f"<h3>{esc(t('mbt_title', lang))}</h3><p>{esc(t('mbt_about', lang))}</p>"
    if not len(frame):
        return intro + f"<p>{esc(t('mbt_positive', lang))}</p>"
    head, rows = state.must_be_true_rows()
    th = "".join(f"<th>{esc(h)}</th>" for h in head)
    body = []
    for r, cells in zip(frame.itertuples(), rows, strict=True):
        raw = f"{r.break_even:.10g}" if np.isfinite(r.break_even) else ""
        marked = " bc-outside" if np.isfinite(r.break_even) and not r.in_range else ""
        tds = "".join(f"<td>{esc(c)}</td>" for c in cells[:-1])
        body.append(
            f'<tr data-row="{esc(r.parameter)}|{esc(r.target)}" data-value="{raw}">{tds}'
            f'<td class="bc-break-even{marked}">{esc(cells[-1])}</td></tr>'
        )
    return intro + (
        f'<table class="bc-table bc-mbt"><thead><tr>{th}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def headline_bar(state: CaseState) -> str:
    """The figures that stay in view on every page: MKBA balance and SROI ratio."""
    totals, lang = state.result.totals, state.lang
    npv, sroi = float(totals["social_npv"]), float(totals["sroi_ratio"])
    return cards(
        [
            card(
                "social_npv",
                t("social_npv", lang),
                format_metric("social_npv", npv, lang),
                npv,
                signed=True,
            ),
            card(
                "sroi_ratio", t("sroi_ratio", lang), format_metric("sroi_ratio", sroi, lang), sroi
            ),
        ]
    )


FLOW_COLUMNS = [f"benefits_{ft}" for ft in FLOW_TYPES] + [f"costs_{ft}" for ft in FLOW_TYPES]


def partner_rows(state: CaseState) -> list[dict]:
    r, lang = state.result, state.lang
    return [
        {
            "partner": pid,
            "label": r.partner_label(pid, lang),
            **dict.fromkeys(FLOW_COLUMNS, 0.0),
            **row.to_dict(),
            "irr_text": irr_text(row.irr, row.irr_note, lang),
        }
        for pid, row in r.shown_by_partner.iterrows()
    ]


def without_flows_html(state: CaseState) -> str:
    """The partners left out of the per-partner charts and tables, named once."""
    names = state.without_flows_names()
    if not names:
        return ""
    text = t("without_flows", state.lang, names=", ".join(names))
    return f'<p class="bc-without-flows-text">{esc(text)}</p>'


def zero_alternative_html(state: CaseState) -> str:
    """The case's zero alternative, the user's own text shown as text, never as HTML."""
    text = state.case.meta.zero_alternative(state.lang).strip()
    return (
        f'<p class="bc-zero-alternative"><strong>{esc(t("zero_alternative", state.lang))}:'
        f"</strong> {esc(text)}</p>"
    )


def _download(callback, filename: str, css: str) -> pn.widgets.FileDownload:
    """A download that builds a fresh file on every click."""

    def fresh():
        buffer = io.BytesIO(callback())
        buffer.seek(0)
        return buffer

    return pn.widgets.FileDownload(
        callback=fresh, filename=filename, css_classes=[css], color="light", embed=False
    )


class ResultsPage(LazyPage):
    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        s = self.state
        self.downloads = pn.Row(
            _download(s.workbook_bytes, "businesscase.xlsx", "bc-download-xlsx"),
            _download(lambda: s.report_html().encode("utf-8"), "rapport.html", "bc-download-html"),
            _download(s.report_pdf, "rapport.pdf", "bc-download-pdf"),
            _download(
                lambda: s.agreements_html().encode("utf-8"),
                "afsprakenbladen.html",
                "bc-download-agreements",
            ),
        )
        self.headlines = pn.pane.HTML("", css_classes=["bc-headlines"], sizing_mode="stretch_width")
        self.wellbeing = pn.pane.HTML(
            "", css_classes=["bc-wellbeing-layer"], sizing_mode="stretch_width"
        )
        self.zero_alternative = pn.pane.HTML(
            "", css_classes=["bc-zero-alt"], sizing_mode="stretch_width"
        )
        self.year_chart, self.cumulative, self.partner_chart = (
            YearChart(),
            CumulativeChart(),
            PartnerChart(),
        )
        self.partner_table = pn.pane.HTML("", css_classes=["bc-partner-table"])
        self.flow_table = pn.pane.HTML("", css_classes=["bc-flow-table"])
        self.flow_title = pn.pane.Markdown("")
        self.without_flows = pn.pane.HTML(
            "", css_classes=["bc-without-flows"], sizing_mode="stretch_width"
        )
        self.partner_pane = pn.pane.Bokeh(self.partner_chart.fig, sizing_mode="stretch_width")
        self.must_be_true = pn.pane.HTML(
            "", css_classes=["bc-must-be-true"], sizing_mode="stretch_width"
        )
        self.investor = pn.widgets.Select(css_classes=["bc-investor"], width=320)
        self.investor_view = pn.pane.HTML(
            "", css_classes=["bc-investor-view"], sizing_mode="stretch_width"
        )
        self.investor.param.watch(self._show_investor, "value")
        self._watch_state(["version", "lang"])
        self._refresh()

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        r = s.result
        self.headlines.object = headline_cards(s)
        self.wellbeing.object = wellbeing_html(s)
        self.zero_alternative.object = zero_alternative_html(s)
        names = (
            "download_excel",
            "download_report_html",
            "download_report_pdf",
            "download_agreements",
        )
        for widget, name in zip(self.downloads, names):
            widget.label = t(name, lang)
        self.flow_title.object = f"#### {t('by_flow_type', lang)}"
        draw_year_chart(self.year_chart, s)
        pv = r.per_year("pv_social")
        self.cumulative.update(
            pv.index, pv.cumulative, float(r.totals["payback_year"]), t("cumulative", lang)
        )
        set_axes(self.cumulative.fig, lang, t("axis_year", lang), t("axis_euro_cumulative", lang))
        rows = partner_rows(s)
        draw_partner_chart(self.partner_chart, self.partner_pane, s, rows)
        self.must_be_true.object = must_be_true_html(s)
        investing = s.investors()
        self.investor.name = t("inv_title", lang)
        self.investor.options = {r.partner_label(p, lang): p for p in investing}
        self.investor.visible = bool(investing)
        if investing and self.investor.value not in investing:
            self.investor.value = investing[0]
        self._show_investor()
        cols = [
            ("label", t("partner", lang)),
            ("pv_costs", t("pv_costs", lang)),
            ("pv_benefits", t("pv_benefits", lang)),
            ("net_position", t("net_position", lang)),
            ("financial_npv", t("financial_npv", lang)),
            ("irr_text", t("irr", lang)),
        ]
        self.partner_table.object = table(
            cols,
            rows,
            "partner",
            lang,
            money_columns={"pv_costs", "pv_benefits", "net_position", "financial_npv"},
        )
        present = set(r.by_partner.columns)
        flow_cols = (
            [("label", t("partner", lang))]
            + [
                (f"benefits_{ft}", flow_label(ft, lang))
                for ft in FLOW_TYPES
                if f"benefits_{ft}" in present
            ]
            + [
                (f"costs_{ft}", f"{t('costs', lang)}: {flow_label(ft, lang).lower()}")
                for ft in FLOW_TYPES
                if f"costs_{ft}" in present
            ]
        )
        self.flow_table.object = table(
            flow_cols, rows, "partner", lang, money_columns={c for c, _ in flow_cols[1:]}
        )
        self.without_flows.object = without_flows_html(s)

    def _show_investor(self, *_):
        s, partner = self.state, self.investor.value
        if not partner or partner not in s.investors():
            self.investor_view.object = ""
            return
        lang = s.lang
        name = s.result.partner_label(partner, lang)
        head = [t("name", lang), t("range", lang), t("inv_low", lang), t("inv_high", lang)]
        self.investor_view.object = (
            f"<p>{esc(t('inv_about', lang))}</p>"
            + text_table(["", ""], s.investor_rows(partner), "bc-table bc-investor-figures")
            + f"<h4>{esc(t('inv_tornado', lang, partner=name))}</h4>"
            + text_table(head, s.investor_tornado_rows(partner), "bc-table bc-investor-tornado")
        )

    def __panel__(self):
        return pn.Column(
            self.headlines,
            self.wellbeing,
            self.zero_alternative,
            self.downloads,
            pn.Row(
                pn.pane.Bokeh(self.year_chart.fig),
                pn.pane.Bokeh(self.cumulative.fig),
                sizing_mode="stretch_width",
            ),
            pn.Row(self.partner_pane, self.partner_table, sizing_mode="stretch_width"),
            self.without_flows,
            self.must_be_true,
            self.investor,
            self.investor_view,
            self.flow_title,
            self.flow_table,
            sizing_mode="stretch_width",
        )


def allocation_html(state: CaseState, lang: str, css: str = "bc-table bc-allocation") -> str:
    a = state.allocation
    rows = [
        {"partner": pid, "label": a.label(pid, lang), **row.to_dict()}
        for pid, row in a.table.iterrows()
    ]
    cols = [("label", t("partner", lang))] + [(c, t(c, lang)) for c in ALLOCATION_COLUMNS]
    return table(cols, rows, "partner", lang, css=css, money_columns={c for c, _ in cols[1:]})


def transfers_html(state: CaseState, lang: str) -> str:
    sentences = state.transfer_sentences(lang)
    if not sentences:
        return f"<p>{esc(t('no_transfers', lang))}</p>"
    return '<ul class="bc-transfers">' + "".join(f"<li>{esc(s)}</li>" for s in sentences) + "</ul>"


def proposal_html(state: CaseState, lang: str) -> str:
    """The live check of the proposal typed: does it cover the cost, who is worse off, is it
    stable, how far from each method."""
    check = state.proposal_check
    if state.proposal_problem:
        return notice("danger", state.proposal_problem, t("error", lang))
    if check is None:
        return f"<p>{esc(t('proposal_help', lang))}</p>"
    a = check.allocation
    worse = ", ".join(a.label(p, lang) for p in check.worse_off) or t("nobody", lang)
    stable = (
        t("yes", lang)
        if a.is_stable
        else ", ".join(a.label(p, lang) for p in sorted(a.core_group))
        + f" ({money(a.core_excess, lang)})"
    )
    distances = "; ".join(
        f"{method_name(m, lang)}: {money(d, lang)}" for m, d in check.distance_per_year.items()
    )
    together, share, cost = state.proposal_together() or (0.0, 0.0, 0.0)
    summary = t(
        "proposal_together",
        lang,
        percent=fmt.percent(share, 0, lang),
        amount=money(together, lang),
        cost=money(cost, lang),
    )
    return (
        f'<table class="bc-table"><tr><td>{esc(t("covers", lang))}</td>'
        f'<td data-key="covers">{esc(t("yes" if check.covers_cost else "no", lang))}'
        f" ({esc(t('shortfall', lang))}: {esc(money(max(check.shortfall, 0), lang))})</td></tr>"
        f"<tr><td>{esc(t('worse_off', lang))}</td><td>{esc(worse)}</td></tr>"
        f"<tr><td>{esc(t('stability', lang))}</td><td>{esc(stable)}</td></tr>"
        f"<tr><td>{esc(t('distance', lang))}</td><td>{esc(distances)}</td></tr></table>"
        f'<p data-key="proposal-together">{esc(summary)}</p>'
    )


class SplitPage(LazyPage):
    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        s = self.state
        self.method = pn.widgets.Select(value=s.method, css_classes=["bc-method"], width=320)
        self.basis = pn.widgets.RadioButtonGroup(value=s.basis, css_classes=["bc-basis"])
        # A searchable list with a tick column: 35 partners fit in 300 px, not a row of boxes.
        self.participants = pn.widgets.Tabulator(
            pd.DataFrame(columns=["id", "partner", "takes_part"]),
            show_index=False,
            hidden_columns=["id"],
            css_classes=["bc-participants"],
            selectable=False,
            pagination=None,
            layout="fit_data_table",
            max_height=260,
            width=420,
            formatters={"takes_part": {"type": "tickCross"}},
        )
        self.participants_title = pn.pane.Markdown("", css_classes=["bc-participants-title"])
        self.description = pn.pane.Markdown("", css_classes=["bc-method-description"])
        self.table = pn.pane.HTML("", sizing_mode="stretch_width")
        self.transfers = pn.pane.HTML("")
        self.stability = pn.pane.HTML("", css_classes=["bc-stability"], sizing_mode="stretch_width")
        self.explanation = pn.pane.HTML(
            "", css_classes=["bc-explanation"], sizing_mode="stretch_width"
        )
        self.proposal = pn.widgets.Tabulator(
            pd.DataFrame(columns=["id", "partner", "per_year"]),
            show_index=False,
            css_classes=["bc-proposal"],
            selectable=False,
            hidden_columns=["id"],
        )
        self.proposal_result = pn.pane.HTML("", css_classes=["bc-proposal-result"])
        self.proposal_title = pn.pane.Markdown("")
        self.proposal_unit = pn.widgets.RadioButtonGroup(
            options={"€": "euro", "%": "percent"},
            value=s.proposal_unit,
            css_classes=["bc-proposal-unit"],
            width=260,
        )
        self.proposal_unit.param.watch(lambda e: self._user(s.set_proposal_unit, e.new), "value")
        self.method.param.watch(lambda e: self._user(setattr, s, "method", e.new), "value")
        self.basis.param.watch(lambda e: self._user(setattr, s, "basis", e.new), "value")
        self.participants.on_edit(self._on_participant)
        self.proposal.on_edit(self._on_proposal)
        self._watch_state(["version", "lang", "locked"])
        self._refresh()

    def _user(self, action, *args):
        if not self.rendering:  # the page's own refresh is no edit
            action(*args)

    def _on_participant(self, event):
        if event.column == "takes_part" and not self.rendering:
            df = self.participants.value
            self.state.set_participants(dict(zip(df["id"], df["takes_part"].astype(bool))))

    def _on_proposal(self, event):
        # Kept as typed: the state reads it in the proposal's unit and says what it refuses.
        df = self.proposal.value
        self.state.proposal = {
            row["id"]: ("" if pd.isna(row["per_year"]) else row["per_year"])
            for _, row in df.iterrows()
        }

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        a = s.allocation
        self.method.name = t("method", lang)
        self.method.options = {method_name(m, lang): m for m in METHODS}
        self.basis.options = {t(f"basis_{b}", lang): b for b in BASES}
        self._show_participants(lang)
        self.description.object = (
            f"**{method_name(s.method, lang)}.** {method_description(s.method, lang)}"
        )
        self.table.object = allocation_html(s, lang)
        self.transfers.object = f"<h4>{esc(t('transfers', lang))}</h4>" + transfers_html(s, lang)
        if a.is_stable:
            self.stability.object = notice("success", t("no_group_does_better", lang) + ".")
        else:
            names = ", ".join(a.label(p, lang) for p in sorted(a.core_group))
            self.stability.object = notice(
                "warning", t("unstable_split", lang, names=names, excess=money(a.core_excess, lang))
            )
        # The method is described above the table already: skip the explanation's first line.
        self.explanation.object = paragraphs(s.explanation(lang).split("\n\n", 1)[-1])
        current = dict(s.proposal)
        self.proposal.value = pd.DataFrame(
            {
                "id": list(a.table.index),
                "partner": [a.label(p, lang) for p in a.table.index],
                "per_year": [str(current.get(p, "")) for p in a.table.index],
            }
        )
        unit_label = t(f"proposal_unit_{s.proposal_unit}", lang)
        self.proposal.titles = {
            "partner": esc(t("partner", lang)),  # HTML in Tabulator
            "per_year": esc(f"{t('proposal', lang)} ({unit_label})"),
        }
        self.proposal.editors = {
            "id": None,
            "partner": None,
            "per_year": None if s.locked else {"type": "input"},
        }
        self.proposal_unit.options = {
            t("proposal_unit_euro", lang): "euro",
            t("proposal_unit_percent", lang): "percent",
        }
        self.proposal_unit.value = s.proposal_unit
        self.proposal_unit.disabled = s.locked
        self.proposal_result.object = proposal_html(s, lang)
        self.proposal_title.object = f"#### {t('proposal', lang)}"
        for w in (self.method, self.basis, self.participants):
            w.disabled = s.locked

    def _show_participants(self, lang: str):
        rows = self.state.participant_rows()
        taking = sum(yes for _, _, yes in rows)
        self.participants_title.object = f"#### {t('participants', lang)}\n" + t(
            "participants_count", lang, n=taking, total=len(rows)
        )
        df = pd.DataFrame(rows, columns=["id", "partner", "takes_part"])
        if not df.equals(self.participants.value):
            self.participants.value = df
        titles = {"partner": esc(t("partner", lang)), "takes_part": esc(t("takes_part", lang))}
        if titles != self.participants.titles:
            self.participants.titles = titles
            self.participants.header_filters = {
                "partner": {
                    "type": "input",
                    "func": "like",
                    "placeholder": t("search_participants", lang),
                }
            }
        self.participants.editors = {
            "id": None,
            "partner": None,
            "takes_part": None if self.state.locked else {"type": "tickCross"},
        }

    def __panel__(self):
        return pn.Column(
            pn.Row(self.method, self.basis),
            self.description,
            pn.Row(pn.Column(self.participants_title, self.participants), self.stability),
            self.table,
            self.transfers,
            self.explanation,
            self.proposal_title,
            self.proposal_unit,
            pn.Row(self.proposal, self.proposal_result),
            sizing_mode="stretch_width",
        )


class WhyPage(LazyPage):
    """The formula, ledger lines and parameters behind any figure: a headline total or one
    partner's figure."""

    state = param.ClassSelector(class_=CaseState, allow_None=NoNone)

    def __init__(self, **params):
        super().__init__(**params)
        self.partner = pn.widgets.Select(css_classes=["bc-why-partner"], width=260)
        self.metric = pn.widgets.Select(css_classes=["bc-why-metric"], width=360)
        self.formula = pn.pane.HTML("", css_classes=["bc-why-formula"], sizing_mode="stretch_width")
        self.lines = pn.pane.HTML("", css_classes=["bc-why-lines"], sizing_mode="stretch_width")
        self.parameters = pn.pane.HTML(
            "", css_classes=["bc-why-parameters"], sizing_mode="stretch_width"
        )
        self.metric.param.watch(self._render, "value")
        self.partner.param.watch(self._refresh, "value")
        self._watch_state(["version", "lang"])
        self._refresh()

    def _refresh(self, *_):
        s, lang = self.state, self.state.lang
        self.partner.name = t("partner", lang)
        whole = t("why_whole_case", lang)
        chosen = self.partner.value or ""
        partners = [p for p in s.result.partners if p in set(s.result.shown_by_partner.index)]
        self.partner.options = {whole: "", **{s.result.partner_label(p, lang): p for p in partners}}
        self.partner.value = chosen if chosen in partners else ""
        figures = PARTNER_FIGURES if self.partner.value else WHY_METRICS
        self.metric.name = t("why_metric", lang)
        value = self.metric.value if self.metric.value in figures else figures[0]
        self.metric.options = {t(k, lang): k for k in figures}
        self.metric.value = value
        self._render()

    def _render(self, *_):
        s, lang = self.state, self.state.lang
        figure = self.metric.value or "social_npv"
        e = s.why_figure(figure, self.partner.value or None)
        self.formula.object = (
            f'<p class="bc-why-text" data-key="why-formula" data-value="{e.value:.6f}">'
            f"{esc(e.text)}</p>"
        )
        rows = [
            {
                "row": i,
                "label": r.label,
                "partner": s.result.partner_label(r.partner, lang),
                "value": r.value,
                "formula": r.formula,
            }
            for i, r in e.lines.iterrows()
        ]
        cols = [
            ("label", t("item", lang)),
            ("partner", t("partner", lang)),
            ("value", t("value", lang)),
            ("formula", t("why_formula", lang)),
        ]
        total = float(np.sum(e.lines.value)) if len(e.lines) else 0.0
        self.lines.object = (
            f"<h4>{esc(t('why_lines', lang))}</h4>"
            + table(cols, rows, "row", lang, money_columns={"value"})
            + f'<p data-key="why-total" data-value="{total:.6f}">Σ = '
            f"{esc(money(total, lang))}</p>"
        )
        params = [
            {
                "row": r.key,
                "key": f"{r.label} ({r.key})" if r.label != r.key else r.key,
                "value": f"{fmt.compact(r.value, lang)} {r.unit}",
                "confidence": t(f"confidence_{r.confidence}", lang)
                if f"confidence_{r.confidence}" in TEXTS
                else r.confidence,
                "source": r.source.strip().splitlines()[0][:200] if r.source else "",
            }
            for r in e.parameters.itertuples()
        ]
        pcols = [
            ("key", t("field", lang)),
            ("value", t("value", lang)),
            ("confidence", t("confidence", lang)),
            ("source", t("source", lang)),
        ]
        self.parameters.object = f"<h4>{esc(t('why_parameters', lang))}</h4>" + table(
            pcols, params, "row", lang
        )

    def __panel__(self):
        return pn.Column(
            pn.Row(self.partner, self.metric),
            self.formula,
            self.lines,
            self.parameters,
            sizing_mode="stretch_width",
        )
