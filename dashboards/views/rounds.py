"""The page a round's link opens, instead of the dashboard: a partner's page (the case for
it, its entry, the count of entries, the outcome once closed) or the facilitator's (who has
entered and when, the reminder, closing, the outcome). It renders :class:`RoundState` and
forwards the clicks; the privacy promise stands at the top of every variant."""

from __future__ import annotations

import panel as pn

from businesscase.text import formatting as fmt
from businesscase.text import t
from dashboards.state.rounds import RoundState

from .safe import esc, heading, notice, paragraphs


def _lines(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"


def outcome_html(state: RoundState) -> str:
    """The outcome as the proposed split itself shows it, the same for every holder."""
    o, lang = state.outcome, state.lang
    if o is None:
        return ""
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    cost = eur(o.cost_to_cover_per_year)
    if not o.deal:
        text = t(
            "round_no_deal",
            lang,
            shortfall=eur(o.shortfall_per_year),
            cost=cost,
            price_year=o.price_year,
        )
        return heading(t("round_page_outcome", lang), 3) + notice("warning", text)
    rows = []
    for p, x in o.contributions_per_year.items():
        own = " ←" if p == state.holder else ""
        held = f" {t('round_held_at_fair', lang)}" if p in o.held_at_fair else ""
        rows.append(
            f"<tr><td>{esc(state.name_of(p))}{esc(own)}</td><td class='bc-num'>{esc(eur(x))}"
            f"</td><td class='bc-num'>{esc(eur(o.fair_per_year.get(p, x)))}{esc(held)}</td></tr>"
        )
    table = (
        f"<table class='bc-round-table'><tr><th>{esc(t('round_page_partner', lang))}</th>"
        f"<th>{esc(t('round_page_proposed', lang))}</th><th>{esc(t('round_page_fair_all', lang))}"
        f"</th></tr>{''.join(rows)}</table>"
    )
    stable = (
        t("round_stable_yes", lang)
        if o.stable
        else t(
            "round_stable_no",
            lang,
            group=", ".join(map(state.name_of, o.core_group)),
            excess=eur(o.core_excess_per_year),
        )
    )
    pays = [
        t(
            "round_payment",
            lang,
            payer=state.name_of(p.payer),
            receiver=state.name_of(p.receiver),
            amount=eur(p.per_year),
        )
        for p in o.payments
    ]
    return (
        heading(t("round_page_outcome", lang), 3)
        + notice("success", t("round_deal", lang, cost=cost, price_year=o.price_year))
        + f"<p>{esc(t('round_proposed_head', lang, method=o.method))}</p>"
        + table
        + f"<p>{esc(stable)}</p>"
        + (
            f"<p>{esc(t('round_payments_head', lang))}</p>" + _lines(pays)
            if pays
            else f"<p>{esc(t('round_no_payments', lang))}</p>"
        )
        + f"<p>{esc(t('round_scope_single_case', lang))}</p>"
    )


def partner_html(state: RoundState) -> str:
    v, lang = state.view, state.lang
    if v is None:
        return ""
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    terms = v.terms
    rows = [
        (t("round_page_today", lang), terms.today_per_year, terms.today_pv),
        (t("round_page_gains", lang), terms.benefit_per_year, terms.benefit_pv),
        (t("round_page_fair", lang), terms.fair_per_year, terms.fair_pv),
    ]
    table = (
        f"<table class='bc-round-table'><tr><th></th><th>{esc(t('round_page_per_year', lang))}"
        f"</th><th>{esc(t('round_page_pv', lang))}</th></tr>"
        + "".join(
            f"<tr><td>{esc(label)}</td><td class='bc-num'>{esc(eur(y))}</td>"
            f"<td class='bc-num'>{esc(eur(pv))}</td></tr>"
            for label, y, pv in rows
        )
        + "</table>"
    )
    count = t("round_page_count", lang, entered=v.entered, invited=v.invited)
    own = (
        t("round_page_own_entered", lang, when=v.own_entered_at)
        if v.own_entered_at
        else t("round_page_own_waiting", lang)
    )
    typed = (
        f"<p class='bc-round-typed'>{esc(t('round_page_typed', lang, amount=state.typed))}"
        + (
            f" {esc(t('round_page_typed_condition', lang))} {esc(state.typed_condition)}"
            if state.typed_condition
            else ""
        )
        + "</p>"
        if state.typed
        else ""
    )
    return (
        heading(
            t("round_page_partner_head", lang, partner=state.name_of(v.partner), name=v.name), 2
        )
        + f"<p>{esc(t('round_page_method', lang, method=v.method, basis=v.basis))}</p>"
        + table
        + f"<details><summary>{esc(t('round_page_explanation', lang))}</summary>"
        + paragraphs(terms.explanation.get(lang, ""))
        + "</details>"
        + f"<p class='bc-round-count'>{esc(count)}</p><p>{esc(own)}</p>"
        + typed
    )


def facilitator_html(state: RoundState) -> str:
    s, lang = state.status, state.lang
    if s is None:
        return ""
    rows = "".join(
        f"<tr><td>{esc(state.name_of(p.partner))}</td><td>"
        + esc(
            t("round_partner_entered", lang, when=p.entered_at)
            if p.entered_at
            else t("round_partner_waiting", lang)
        )
        + "</td></tr>"
        for p in s.partners
    )
    head = t(
        "round_status_head",
        lang,
        round=s.round_id,
        name=s.name,
        state=t(f"round_state_{s.state}", lang),
        entered=s.entered,
        invited=len(s.partners),
    )
    missing = state.not_entered()
    remind = (
        f"<p>{esc(t('round_page_remind', lang))}</p>" + _lines(missing)
        if missing and s.state == "open"
        else ""
    )
    return (
        heading(t("round_page_facilitator_head", lang), 2)
        + f"<p class='bc-round-count'>{esc(head)}</p>"
        + f"<table class='bc-round-table'>{rows}</table>"
        + remind
    )


ROUND_CSS = """
.bc-round-table td, .bc-round-table th { padding: 2px 12px; text-align: left; }
.bc-round-table .bc-num { text-align: right; }
"""


def round_page(state: RoundState) -> pn.Column:
    """The whole page for the holder of the link's code."""
    language = pn.widgets.RadioButtonGroup(
        options={"NL": "nl", "EN": "en"}, value=state.lang, css_classes=["bc-lang"], width=110
    )
    language.param.watch(lambda e: setattr(state, "lang", e.new), "value")
    privacy = pn.pane.HTML("", sizing_mode="stretch_width", css_classes=["bc-round-privacy"])
    body = pn.pane.HTML(
        "", sizing_mode="stretch_width", css_classes=["bc-round-body"], stylesheets=[ROUND_CSS]
    )
    problem = pn.pane.HTML("", sizing_mode="stretch_width", css_classes=["bc-round-problem"])
    amount = pn.widgets.TextInput(css_classes=["bc-round-amount"], width=220)
    condition = pn.widgets.TextAreaInput(
        css_classes=["bc-round-condition"], height=80, sizing_mode="stretch_width"
    )
    submit = pn.widgets.Button(color="primary", css_classes=["bc-round-submit"])
    refresh = pn.widgets.Button(css_classes=["bc-round-refresh"])
    close = pn.widgets.Button(color="danger", css_classes=["bc-round-close"])
    form = pn.Column(amount, condition, submit, visible=False, sizing_mode="stretch_width")

    def render(*_):
        lang = state.lang
        privacy.object = notice("info", t("round_privacy", lang))
        problem.object = notice("danger", state.message(), t("error", lang))
        amount.label = t("round_page_amount", lang)
        amount.placeholder = t("round_page_amount_hint", lang)
        condition.label = t("round_page_condition", lang)
        submit.label = t("round_page_submit", lang)
        refresh.label = t("round_page_refresh", lang)
        close.label = t("round_page_close", lang)
        if not state.opened:
            body.object = ""
        elif state.is_facilitator:
            body.object = facilitator_html(state) + outcome_html(state)
        else:
            body.object = partner_html(state) + outcome_html(state)
        form.visible = state.opened and not state.is_facilitator and not state.closed
        close.visible = state.is_facilitator and not state.closed
        refresh.visible = state.opened

    def on_submit(_):
        if state.enter(amount.value_input or amount.value or "", condition.value_input or ""):
            amount.value = amount.value_input = ""

    submit.on_click(on_submit)
    refresh.on_click(lambda _: state.refresh())

    def on_close(_):
        state.close()

    close.on_click(on_close)
    state.param.watch(render, ["lang", "version", "problem", "saved"])
    render()
    return pn.Column(
        pn.Row(
            pn.pane.HTML(
                heading(t("round_page_title", "nl") + " / " + t("round_page_title", "en"), 2)
            ),
            language,
        ),
        privacy,
        problem,
        body,
        form,
        pn.Row(refresh, close),
        sizing_mode="stretch_width",
        css_classes=["bc-round-page"],
    )
