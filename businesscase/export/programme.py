"""A programme's split as readable text and as a JSON-ready dict."""

from __future__ import annotations

import math

from businesscase.allocation import method_name
from businesscase.programme import LEFT, NO_FLOWS, TAKING_PART, ProgrammeSplit
from businesscase.text import formatting as fmt
from businesscase.text import t

from .summary import allocation_dict

BLOC_METHODS = ("owen", "bloc_nucleolus")  # the methods that read the blocs
PARTNER_COLUMNS = (
    "benefit_per_year",
    "contribution_today_per_year",
    "fair_contribution_per_year",
    "change_per_year",
    "net_after",
)
HEADERS = (
    "programme_benefit_per_year",
    "programme_today_per_year",
    "programme_fair_per_year",
    "change_per_year",
    "net_after",
)
SHORT = {
    TAKING_PART: "status_short_taking_part",
    LEFT: "status_short_left",
    NO_FLOWS: "status_short_no_flows",
}


def _label(split: ProgrammeSplit, pid: str, lang: str) -> str:
    return split.programme.partner(pid).name(lang)


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows + [headers]) for i in range(len(headers))]

    def render(r: list[str]) -> str:
        return (
            "  "
            + r[0].ljust(widths[0])
            + "".join(c.rjust(w + 2) for c, w in zip(r[1:], widths[1:]))
        )

    return [render(headers)] + [render(r) for r in rows]


def programme_text(split: ProgrammeSplit, lang: str = "nl") -> str:
    """The themes, the per-partner sums, who joins and who pays what, and the payments."""
    prog = split.programme
    eur = lambda x: fmt.euro(x, 0, lang)  # noqa: E731
    blocs = f"blocs_{split.bloc_rule}"
    out = [
        f"{t('programme', lang)}: {prog.meta.name}",
        f"{t('fair_split', lang)}: {method_name(split.method, lang)} ({split.basis})"
        + (f"; {t('blocs', lang)}: {t(blocs, lang)}" if split.method in BLOC_METHODS else ""),
        "",
        t("programme_themes", lang),
    ]
    totals = split.totals
    rows = [
        [prog.theme(tid).name(lang) if tid in prog.theme_ids else t("programme_total", lang)]
        + [
            str(int(row["partners_in_game"])),
            eur(row["total_value"]),
            eur(row["cost_to_cover_per_year"]),
        ]
        for tid, row in totals.iterrows()
    ]
    out += _table(
        [
            t("theme", lang),
            t("theme_partners", lang),
            t("theme_value", lang),
            t("theme_cost_per_year", lang),
        ],
        rows,
    )
    out += ["", t("programme_per_partner", lang)]
    status = split.status
    joined = [pid for pid in prog.partner_ids if (status.loc[pid] != "").any()]
    out += _table(
        [t("partner", lang)] + [t(c, lang) for c in HEADERS],
        [
            [_label(split, pid, lang)] + [eur(split.table.loc[pid, c]) for c in PARTNER_COLUMNS]
            for pid in joined
        ],
    )
    themes = prog.theme_ids
    out += ["", f"{t('programme_joins', lang)} ({t('programme_legend', lang)})"]
    out += _table(
        [t("partner", lang)] + themes,
        [
            [_label(split, pid, lang)] + [t(SHORT[s], lang) if s else "." for s in status.loc[pid]]
            for pid in prog.partner_ids
        ],
    )
    pays = split.pays
    out += ["", t("programme_pays", lang)]
    out += _table(
        [t("partner", lang)] + list(pays.columns),
        [[_label(split, pid, lang)] + [eur(v) for v in pays.loc[pid]] for pid in joined],
    )
    out += ["", t("transfers", lang)]
    out += [
        "  "
        + t(
            "transfer_sentence",
            lang,
            payer=_label(split, tr.payer, lang),
            receiver=_label(split, tr.receiver, lang),
            amount=eur(tr.per_year),
        )
        for tr in split.transfers
    ]
    return "\n".join(out)


def _clean(x):
    x = float(x)
    return round(x, 2) if math.isfinite(x) else None


def programme_dict(split: ProgrammeSplit) -> dict:
    """Themes with participants, blocs and their splits; the programme's sums per partner,
    the matrices and the payments (euros; PV unless per_year)."""
    prog = split.programme
    status = split.status
    pays, gains = split.pays, split.gains
    return {
        "programme": prog.meta.model_dump(),
        "method": split.method,
        "basis": split.basis,
        "bloc_rule": split.bloc_rule,
        "themes": [
            {
                "id": theme.id,
                "name": theme.name.model_dump(),
                "case": theme.case_file,
                "changes": {
                    k: (v if not isinstance(v, dict) else v.get("value"))
                    for k, v in theme.changes.items()
                },
                "participants": list(theme.participants),
                "status": {pid: s for pid, s in status[theme.id].items() if s},
                "absent": split.absent.get(theme.id, []),
                "blocs": split.blocs[theme.id],
                "split": allocation_dict(split.themes[theme.id]),
            }
            for theme in prog.themes
        ],
        "totals": {
            tid: {k: _clean(v) for k, v in row.items()} for tid, row in split.totals.iterrows()
        },
        "partners": [
            {
                "id": pid,
                "role": prog.partner(pid).role_id,
                "share": prog.partner(pid).share,
                "share_basis": prog.partner(pid).share_basis,
                **{k: _clean(v) for k, v in split.table.loc[pid].items()},
                "pays_per_year": {k: _clean(v) for k, v in pays.loc[pid].items()},
                "gains_per_year": {k: _clean(v) for k, v in gains.loc[pid].items()},
            }
            for pid in prog.partner_ids
        ],
        "transfers": [
            {
                "payer": tr.payer,
                "receiver": tr.receiver,
                "pv": _clean(tr.pv),
                "per_year": _clean(tr.per_year),
            }
            for tr in split.transfers
        ],
        "annuity_factor": _clean(split.annuity_factor),
    }


__all__ = ["programme_dict", "programme_text"]
