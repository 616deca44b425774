"""An allocation in words: the explanation a board member can follow and the payments as
sentences, rendered from the numbers of one allocation in Dutch (default) or English. The
words themselves are in the text catalogue; the allocation carries only numbers."""

from __future__ import annotations

from businesscase.text import formatting as fmt
from businesscase.text import method_description, method_name, t

from .split import Allocation


def transfer_sentences(a: Allocation, lang: str = "nl") -> list[str]:
    """One sentence per payment: who pays whom how much a year."""
    return [
        t(
            "transfer_sentence",
            lang,
            payer=a.label(tr.payer, lang),
            receiver=a.label(tr.receiver, lang),
            amount=fmt.euro(tr.per_year, 0, lang),
        )
        for tr in a.transfers
    ]


def explanation(a: Allocation, lang: str = "nl") -> str:
    """A few paragraphs, built from the numbers, that a board member can follow."""
    cg = a.case_game
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    first, last = cg.horizon
    out = [
        t(
            "explain_method",
            lang,
            name=method_name(a.method, lang),
            about=method_description(a.method, lang),
        ),
        t(
            "explain_totals",
            lang,
            benefits=eur(float(cg.benefit.sum())),
            costs=eur(cg.cost_to_cover),
            first=first,
            last=last,
            balance=eur(a.total_value),
        ),
    ]
    if a.is_negative:
        gap = -a.total_value
        out.append(
            t("explain_negative", lang, gap=eur(gap), gap_per_year=eur(gap / cg.annuity_factor))
        )
    lines = []
    for pid, row in a.table.sort_values("change", ascending=False).iterrows():
        if abs(row.change) < 1:
            continue
        fair, now = row.fair_contribution_per_year, row.contribution_today / cg.annuity_factor
        does = (
            t("explain_pays", lang, amount=eur(fair))
            if fair >= 0
            else t("explain_receives", lang, amount=eur(-fair))
        )
        lines.append(
            t(
                "explain_pays_more" if row.change > 0 else "explain_pays_less",
                lang,
                name=a.label(pid, lang),
                does=does,
                now=eur(now),
                change=eur(abs(row.change_per_year)),
            )
        )
    if lines:
        out.append(" ".join(lines))
    if a.transfers:
        out.append(t("explain_payments", lang, payments="; ".join(transfer_sentences(a, lang))))
    if a.is_stable:
        out.append(f"{t('no_group_does_better', lang)}: {t('split_is_stable', lang)}.")
    else:
        names = ", ".join(a.label(p, lang) for p in sorted(a.core_group))
        out.append(t("explain_unstable", lang, names=names, excess=eur(a.core_excess)))
    if cg.lost:
        out.append(t("explain_lost", lang, lost=eur(sum(s.amount for s in cg.lost))))
    return "\n\n".join(out)


__all__ = ["explanation", "method_description", "method_name", "transfer_sentences"]
