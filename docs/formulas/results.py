"""Write the results tables of each formula document from its case file.

The section between ``<!-- results:begin -->`` and ``<!-- results:end -->`` of
``docs/formulas/<case>.md`` is generated from ``assumptions/<case>.yaml`` by the same
engine as every other figure, so the documents never show stale numbers; a test checks
that they are current. Run ``python docs/formulas/results.py`` after changing a figure.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from businesscase import evaluate, load_case
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


def updated(doc: Path) -> str:
    text = doc.read_text()
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
