"""Write the results tables of each formula document from its case file.

The section between ``<!-- results:begin -->`` and ``<!-- results:end -->`` of
``docs/formulas/<case>.md`` is generated from ``assumptions/<case>.yaml`` (or, for a
programme, ``assumptions/programmes/<name>.yaml``) by the same engine as every other
figure, so the documents never show stale numbers; a test checks that they are current.
Run ``python docs/formulas/results.py`` after changing a figure.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from businesscase import evaluate, load_case
from businesscase.programme import load_programme, programme_split, theme_case
from businesscase.text import formatting as fmt
from businesscase.uncertainty import tornado

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "formulas"
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def _eur(x: float) -> str:
    return fmt.euro(x, 0, "nl")


def results_markdown(case_path: Path) -> str:
    case = load_case(case_path)
    r = evaluate(case)
    t, bp = r.totals, r.by_partner
    first, last = case.meta.start_year, case.meta.start_year + case.meta.horizon
    out = [
        f"Prices of {case.meta.price_year}, {first}–{last}, "
        f"{case.economics.discounting.value.replace('_', ' ')} discounting at the social rate of "
        f"{fmt.percent(case.economics.social_discount_rate.value, 2, 'en')} (real).",
        "",
        "| figure | value |",
        "|---|---|",
        f"| investment | {_eur(t['investment'])} |",
        f"| operating cost, first year | {_eur(t['operating_cost_first_year'])} |",
        f"| present value of costs (transfers excluded) | {_eur(t['pv_costs'])} |",
        f"| present value of benefits (transfers excluded) | {_eur(t['pv_benefits'])} |",
        f"| MKBA balance (social NPV) | {_eur(t['social_npv'])} |",
        f"| SROI ratio (benefits / costs) | {fmt.number(t['sroi_ratio'], 2, 'nl')} |",
        f"| transfers between pockets (cancel in the total) | {_eur(t['pv_transfers'])} |",
        "",
        "| partner | costs (PV) | benefits (PV) | net position | financial NPV |",
        "|---|---|---|---|---|",
    ]
    for pid, row in bp.iterrows():
        out.append(
            f"| {pid} | {_eur(row.pv_costs)} | {_eur(row.pv_benefits)} | "
            f"{_eur(row.net_position)} | {_eur(row.financial_npv)} |"
        )
    out += [
        "",
        "Partners' costs and benefits include the transfers they pay and receive; the "
        "societal totals do not. Financial NPV: cash, in-kind and cashable flows, nominal, at "
        "the partner's own rate.",
        "",
        "The five parameters that move the MKBA balance most (tornado, each at its low and "
        "high value):",
        "",
        "| parameter | range | MKBA balance at low / high |",
        "|---|---|---|",
    ]
    for key, row in tornado(case, "social_npv").head(5).iterrows():
        out.append(
            f"| `{key}` | {row['low']:g} – {row['high']:g} | "
            f"{_eur(row['at_low'])} / {_eur(row['at_high'])} |"
        )
    out += [
        "",
        "How each outcome behaves over time and where its gross lines land:",
        "",
        "| outcome | effect | gross lines: pocket, direction, flow type |",
        "|---|---|---|",
    ]
    for o in case.outcomes:
        lines = "; ".join(
            f"{c.pocket} {c.direction.value} {c.flow_type.replace('_', ' ')}"
            + (f" ({c.id})" if c.id else "")
            for _, c in o.gross_lines()
        )
        out.append(f"| `{o.id}` | {o.effect.value} | {lines} |")
    return "\n".join(out)


def programme_markdown(path: Path) -> str:
    """The programme's themes, its split per partner, who joins and pays what, how a role's
    flows are shared, and what one partner leaving one theme changes."""
    prog = load_programme(path)
    split = programme_split(prog)
    first = theme_case(prog, prog.theme_ids[0])
    econ = first.economics
    out = [
        f"Prices of {first.meta.price_year}, {first.meta.start_year}–"
        f"{first.meta.start_year + first.meta.horizon}, "
        f"{econ.discounting.value.replace('_', ' ')} discounting at the social rate of "
        f"{fmt.percent(econ.social_discount_rate.value, 2, 'en')} (real); split: Shapley value, "
        "financial basis (cash and cashable and non-cashable savings).",
        "",
        "| theme | case | changes | participants | of which without flows | "
        "net value v(N) | to cover a year |",
        "|---|---|---|---|---|---|---|",
    ]
    totals = split.totals
    for th in prog.themes:
        changes = ", ".join(
            f"`{k}` = {v['value'] if isinstance(v, dict) else v:g}" for k, v in th.changes.items()
        )
        row = totals.loc[th.id]
        out.append(
            f"| {th.name('en')} (`{th.id}`) | {th.case_file} | {changes or '–'} | "
            f"{len(th.participants)} | {', '.join(prog.flowless(th.id)) or '–'} | "
            f"{_eur(row['total_value'])} | {_eur(row['cost_to_cover_per_year'])} |"
        )
    row = totals.loc["programme"]
    out += [
        f"| programme | | | {int(row['partners_in_game'])} partners in a theme | | "
        f"{_eur(row['total_value'])} | {_eur(row['cost_to_cover_per_year'])} |",
        "",
        "Per partner, summed over the themes (euros a year; net after: present value):",
        "",
        "| partner | role | share | benefit | pays today | fair contribution | net after |",
        "|---|---|---|---|---|---|---|",
    ]
    status = split.status
    joined = [pid for pid in prog.partner_ids if (status.loc[pid] != "").any()]
    for pid in joined:
        p, r = prog.partner(pid), split.table.loc[pid]
        out.append(
            f"| {pid} | {p.role_id} | {p.share:g} | {_eur(r['benefit_per_year'])} | "
            f"{_eur(r['contribution_today_per_year'])} | {_eur(r['fair_contribution_per_year'])} | "
            f"{_eur(r['net_after'])} |"
        )
    outside = [pid for pid in prog.partner_ids if pid not in joined]
    out += [
        "",
        f"In no theme (nothing to pay or gain): {', '.join(outside) or 'none'}.",
        "",
        "Who joins and what each pays (fair contribution a year; T taking part, M member "
        "without flows in the theme, . not a member):",
        "",
        "| partner | " + " | ".join(f"`{tid}`" for tid in prog.theme_ids) + " | programme |",
        "|---|" + "---|" * (len(prog.theme_ids) + 1),
    ]
    pays = split.pays
    letters = {"taking part": "T", "member, no flows": "M", "left": "L", "": "."}
    for pid in joined:
        cells = [
            f"{letters[status.loc[pid, tid]]} {_eur(pays.loc[pid, tid])}"
            if status.loc[pid, tid]
            else "."
            for tid in prog.theme_ids
        ]
        out.append(f"| {pid} | " + " | ".join(cells) + f" | {_eur(pays.loc[pid, 'programme'])} |")
    cb = next(
        th.id
        for th in prog.themes
        if len({p for p in th.participants if prog.partner(p).role_id == "woningcorporatie"}) > 1
    )
    r = evaluate(theme_case(prog, cb))
    pv = r.line_pv[0]
    carried: dict[str, float] = {}
    for line, value in zip(r.lines, pv):
        if line.booked_to == "woningcorporatie":
            carried[line.partner] = carried.get(line.partner, 0.0) + value
    role_total = sum(carried.values())
    out += [
        "",
        f"How the corporation role's flows in `{cb}` are carried (present value of every "
        "line booked to the role, social rate):",
        "",
        "| partner | share | carries | fraction |",
        "|---|---|---|---|",
    ]
    for pid, value in carried.items():
        out.append(
            f"| {pid} | {prog.partner(pid).share:g} | {_eur(value)} | "
            f"{fmt.number(value / role_total if role_total else 0.0, 2, 'nl')} |"
        )
    out.append(f"| role woningcorporatie | | {_eur(role_total)} | 1,00 |")
    leaver = next(pid for pid in carried if pid != next(iter(carried)))
    left = programme_split(prog, absent={cb: [leaver]})
    unchanged = all(
        left.themes[tid].table.equals(split.themes[tid].table)
        for tid in prog.theme_ids
        if tid != cb
    )
    out += [
        "",
        f"If `{leaver}` leaves `{cb}`: that theme's net value goes from "
        f"{_eur(split.themes[cb].total_value)} to {_eur(left.themes[cb].total_value)} and its "
        f"cost to cover from {_eur(totals.loc[cb, 'cost_to_cover_per_year'])} to "
        f"{_eur(left.totals.loc[cb, 'cost_to_cover_per_year'])} a year; every other theme's "
        f"split is {'identical' if unchanged else 'CHANGED'}.",
    ]
    return "\n".join(out)


def updated(doc: Path) -> str:
    text = doc.read_text()
    programme = ROOT / "assumptions" / "programmes" / f"{doc.stem}.yaml"
    if programme.is_file():
        body = programme_markdown(programme)
    else:
        body = results_markdown(ROOT / "assumptions" / f"{doc.stem}.yaml")
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        raise ValueError(f"{doc.name}: no {BEGIN} … {END} section")
    return pattern.sub(lambda _: f"{BEGIN}\n{body}\n{END}", text)


def main() -> int:
    for doc in sorted(DOCS.glob("*.md")):
        doc.write_text(updated(doc))
        print(f"updated {doc.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
