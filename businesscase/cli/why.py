"""``businesscase why CASE --figure KEY [--partner ID]``: the lines, parameters and formula
behind one figure; ``businesscase musttrue CASE``: what must be true to break even."""

from __future__ import annotations

import json
import math

from businesscase.engine import LINE_FILTERS, PARTNER_FIGURES, evaluate, why_figure
from businesscase.io import default_case_path, load_case
from businesscase.model import OptionError
from businesscase.text import formatting as fmt
from businesscase.text import t
from businesscase.uncertainty import what_must_be_true

from .analysis import _names_the_case

FIGURES = tuple(dict.fromkeys([*LINE_FILTERS, *PARTNER_FIGURES]))


def add_parsers(sub) -> None:
    why = sub.add_parser("why", help="the lines, parameters and formula behind a figure")
    why.add_argument("case", nargs="?")
    why.add_argument("--figure", required=True, choices=FIGURES)
    why.add_argument("--partner", help="a partner's figure (net_position, irr, ...)")
    why.add_argument("--lang", choices=["nl", "en"], default="nl")
    why.add_argument("--json", action="store_true", help="machine-readable output")
    must = sub.add_parser("musttrue", help="the values at which the balance breaks even")
    must.add_argument("case", nargs="?")
    must.add_argument("--top", type=int, default=5, help="the N strongest drivers (default 5)")
    must.add_argument("--lang", choices=["nl", "en"], default="nl")
    must.add_argument("--json", action="store_true", help="machine-readable output")


def cmd_why(args) -> int:
    result = evaluate(load_case(args.case or default_case_path()))
    partner = args.partner
    if partner is None and args.figure not in LINE_FILTERS:
        raise OptionError(
            "--partner",
            f"--figure {args.figure} is a partner's figure: give --partner, one of "
            f"{', '.join(result.partners)}",
        )
    if partner is not None and partner not in result.partners:
        raise OptionError(
            "--partner", f"unknown partner {partner!r}; partners are {', '.join(result.partners)}"
        )
    if partner is not None and args.figure not in PARTNER_FIGURES:
        raise OptionError(
            "--figure",
            f"{args.figure!r} is not a partner's figure; with --partner choose from "
            f"{', '.join(PARTNER_FIGURES)}",
        )
    e = why_figure(result, args.figure, partner, args.lang)
    if args.json:
        out = {
            "figure": e.figure,
            "partner": e.partner,
            "value": _clean(e.value),
            "formula": e.text,
            "numerator": e.numerator,
            "denominator": e.denominator,
            "lines": e.lines.to_dict(orient="records"),
            "parameters": e.parameters.to_dict(orient="records"),
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    lang = args.lang
    print(e.text)
    print()
    print(t("why_lines", lang))
    for row in e.lines.itertuples():
        who = result.partner_label(row.partner, lang)
        print(f"  {fmt.euro(row.value, 0, lang):>14}  {row.label} ({who})")
        if row.formula:
            print(f"  {'':>14}  {row.formula}")
    print()
    print(t("why_parameters", lang))
    for row in e.parameters.itertuples():
        source = row.source.strip().splitlines()[0] if row.source else ""
        grade = t(f"confidence_{row.confidence}", lang)
        print(f"  {row.label} ({row.key}): {fmt.compact(row.value, lang)} {row.unit} ({grade})")
        if source:
            print(f"      {source[:160]}")
    return 0


def cmd_musttrue(args) -> int:
    case = load_case(args.case or default_case_path())
    table = what_must_be_true(case, top=args.top)
    if args.json:
        rows = [{k: _clean(v) for k, v in r.items()} for r in table.to_dict(orient="records")]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    lang = args.lang
    for row in table.itertuples():
        target = t("social_npv", lang) if row.target == "social_npv" else row.target
        at = fmt.compact(row.break_even, lang) if math.isfinite(row.break_even) else "–"
        outside = "" if row.in_range or not math.isfinite(row.break_even) else " !"
        print(
            f"  {row.parameter:<44} {fmt.compact(row.value, lang):>10} → {at:>12}{outside:<2}"
            f"  [{fmt.compact(row.low, lang)}–{fmt.compact(row.high, lang)}]  {target}"
        )
    return 0


def _clean(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


COMMANDS = {"why": _names_the_case(cmd_why), "musttrue": _names_the_case(cmd_musttrue)}
