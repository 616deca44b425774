"""CLI commands for uncertainty and scenarios: montecarlo, tornado, breakeven, compare,
scenario save/list/versions/open/export/import."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from businesscase.allocation import BASES, METHODS, PER_DRAW_METHODS
from businesscase.io import default_case_path, load_case, outfile
from businesscase.model import OptionError, UserError
from businesscase.text import format_metric, t
from businesscase.text import formatting as fmt
from businesscase.uncertainty import (
    CHUNK,
    break_even,
    check_draws,
    load_optimism_bias,
    monte_carlo,
    optimism_bias,
    parse_correlation,
    tornado,
)


def at_least(minimum: int):
    """An argparse type: a whole number of at least `minimum` (argparse names the option)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {value}")
        return value

    return parse


def add_parsers(sub) -> None:
    mc = sub.add_parser("montecarlo", help="Monte Carlo over every parameter's range")
    mc.add_argument("case", nargs="?")
    mc.add_argument(
        "--draws",
        type=int,
        default=10_000,
        help="number of draws, 1 up to what fits in memory for this case",
    )
    mc.add_argument("--seed", type=at_least(0), default=0)
    mc.add_argument(
        "--correlate",
        nargs=3,
        action="append",
        default=[],
        metavar=("KEY1", "KEY2", "RHO"),
        help="correlate two parameters",
    )
    mc.add_argument(
        "--method",
        default="shapley",
        choices=list(PER_DRAW_METHODS),
        help="the fair split whose outcome per partner is reported per draw",
    )
    mc.add_argument(
        "--optimism-bias",
        action="store_true",
        help="raise costs, lower and delay benefits by each figure's confidence",
    )
    mc.add_argument("--lang", choices=["nl", "en"], default="nl")
    mc.add_argument("--json", action="store_true")

    tor = sub.add_parser("tornado", help="each parameter at its low and high value")
    tor.add_argument("case", nargs="?")
    tor.add_argument("--partner", help="effect on this partner's net position")
    tor.add_argument(
        "--top",
        type=at_least(1),
        default=15,
        help="show the N parameters with the largest swing (1 or more; more "
        "than there are shows all)",
    )
    tor.add_argument("--lang", choices=["nl", "en"], default="nl")

    be = sub.add_parser("breakeven", help="the value of a parameter at which a result is zero")
    be.add_argument("case", nargs="?")
    be.add_argument("--parameter", required=True, help="parameter key, e.g. drivers.dwellings")
    be.add_argument(
        "--target", default="social_npv", choices=["social_npv", "net_position", "financial_npv"]
    )
    be.add_argument("--partner")

    cmp_ = sub.add_parser("compare", help="compare 2 to 6 cases side by side")
    cmp_.add_argument("cases", nargs="+")
    cmp_.add_argument("--lang", choices=["nl", "en"], default="nl")

    ex = sub.add_parser(
        "export", help="Excel workbook, printable report (HTML/PDF), agreement sheets"
    )
    ex.add_argument("case", nargs="?")
    ex.add_argument("--xlsx")
    ex.add_argument("--html")
    ex.add_argument("--pdf")
    ex.add_argument("--agreements", help="agreement sheets of all partners (HTML)")
    ex.add_argument("--method", default="shapley", choices=list(METHODS))
    ex.add_argument("--basis", default="financial", choices=list(BASES))
    ex.add_argument(
        "--draws",
        type=at_least(0),
        default=2000,
        help="Monte Carlo draws (0: none, no uncertainty section)",
    )
    ex.add_argument("--lang", choices=["nl", "en"], default="nl")

    sc = sub.add_parser("scenario", help="save, list, open, export and import scenarios")
    sc.add_argument(
        "--db", help="database file or URL (default: scenarios.db, or $BUSINESSCASE_DATABASE_URL)"
    )
    ssub = sc.add_subparsers(dest="action", required=True)
    save = ssub.add_parser("save")
    save.add_argument("case")
    save.add_argument("--name", required=True)
    save.add_argument("--notes", default="")
    save.add_argument("--author", default="")
    save.add_argument("--scenario", type=int, help="save as a new version of this scenario")
    ssub.add_parser("list")
    ver = ssub.add_parser("versions")
    ver.add_argument("scenario", type=int)
    op = ssub.add_parser("open")
    op.add_argument("scenario", type=int)
    op.add_argument("--version", type=int)
    ex = ssub.add_parser("export")
    ex.add_argument("scenario", type=int)
    ex.add_argument("--version", type=int)
    ex.add_argument("--to", default=".")
    im = ssub.add_parser("import")
    im.add_argument("file")
    im.add_argument("--name")
    im.add_argument("--author", default="")


def _case(path):
    return load_case(path or default_case_path())


def _names_the_case(command):
    """An option that does not fit the case (a partner, parameter or number of draws it
    does not have) is reported with the case file, as the loader reports its fields."""

    def run(args) -> int:
        try:
            return command(args)
        except OptionError as exc:
            raise UserError(f"{args.case or default_case_path()}: {exc}") from exc

    run.__name__ = command.__name__
    return run


def _progress(done: int, total: int) -> None:
    """A progress line on standard error for a run of more than one chunk (standard output
    stays the result, --json included)."""
    if total <= CHUNK:
        return
    end = "\n" if done == total else ""
    print(f"\rdraws {done:,} of {total:,} ({100 * done // total}%)", end=end, file=sys.stderr)
    sys.stderr.flush()


def cmd_montecarlo(args) -> int:
    case = _case(args.case)
    if args.optimism_bias:
        case = optimism_bias(case)
    corr = {}
    for a, b, r in args.correlate:
        if (a, b) in corr or (b, a) in corr:
            raise OptionError(
                "--correlate", f"the pair {a} and {b} is given twice; give each pair once"
            )
        corr[(a, b)] = parse_correlation(r, a, b)
    mc = monte_carlo(
        case, args.draws, args.seed, corr or None, method=args.method, progress=_progress
    )
    summary = mc.summary()
    better = mc.probability_better_off()
    if args.json:
        print(
            json.dumps(
                {
                    "draws": mc.n,
                    "seed": args.seed,
                    "optimism_bias": args.optimism_bias,
                    "summary": {
                        k: {c: _clean(v) for c, v in row.items()} for k, row in summary.iterrows()
                    },
                    "method": args.method,
                    "p_better_off": {k: float(v) for k, v in better.items()},
                },
                indent=2,
            )
        )
        return 0
    lang = args.lang
    print(
        f"Monte Carlo: {mc.n:,} draws, seed {args.seed}"
        + (f"; {load_optimism_bias().describe(lang)}" if args.optimism_bias else "")
    )
    print(f"  {'':<36}{'P10':>14}{'P50':>14}{'P90':>14}{'P(>0)':>8}")
    for name, row in summary.iterrows():
        p10, p50, p90 = (format_metric(name, row[c], lang) for c in ("p10", "p50", "p90"))
        print(
            f"  {name:<36}{p10:>14}{p50:>14}{p90:>14}"
            f"{format_metric('p_positive', row.p_positive, lang):>8}"
        )
    chances = ", ".join(f"{p} {format_metric('p_positive', v, lang)}" for p, v in better.items())
    print("  " + t("chance_better_off_split", lang, method=args.method, chances=chances))
    return 0


def cmd_tornado(args) -> int:
    case = _case(args.case)
    table = tornado(case, "net_position" if args.partner else "social_npv", args.partner)
    lang = args.lang
    for key, row in table.head(args.top).iterrows():
        print(
            f"  {key:<52}{fmt.compact(row.low, lang):>10} → {fmt.euro(row.at_low, 0, lang):>14}"
            f"   {fmt.compact(row.high, lang):>10} → {fmt.euro(row.at_high, 0, lang):>14}"
        )
    return 0


def cmd_breakeven(args) -> int:
    case = _case(args.case)
    value = break_even(case, args.parameter, args.target, args.partner)
    if value is None:
        print(t("no_break_even", "en", parameter=args.parameter))
        return 0
    print(f"{args.parameter}: {value:.6g} (now {case.parameter(args.parameter).value:g})")
    return 0


def cmd_compare(args) -> int:
    from businesscase.scenarios import compare, unique_labels

    seen: dict[Path, str] = {}
    for p in args.cases:
        key = Path(p).resolve()
        if key in seen:
            also = "" if seen[key] == p else f" (also as {seen[key]})"
            raise UserError(
                f"compare: {p} is given twice{also}; the same case twice has "
                "nothing to compare: give different files"
            )
        seen[key] = p
    cases = [(label, load_case(p)) for label, p in zip(unique_labels(args.cases), args.cases)]
    frame = compare(cases)
    lang = args.lang
    cols = ["rank", "social_npv", "sroi_ratio", "municipal_cost", "value_per_municipal_euro"]
    print(f"  {'scenario':<40}" + "".join(f"{c:>26}" for c in cols))
    for name, row in frame.sort_values("rank").iterrows():
        cells = [str(int(row["rank"]))] + [format_metric(c, row[c], lang) for c in cols[1:]]
        print(f"  {name:<40}" + "".join(f"{c:>26}" for c in cells))
    return 0


def cmd_export(args) -> int:
    from businesscase.allocation import allocate
    from businesscase.engine import evaluate
    from businesscase.export import (
        agreements_html,
        chromium_path,
        html_to_pdf,
        report_html,
        workbook,
    )

    targets = {
        "--xlsx": args.xlsx,
        "--html": args.html,
        "--pdf": args.pdf,
        "--agreements": args.agreements,
    }
    if not any(targets.values()):
        raise UserError("say what to export: --xlsx, --html, --pdf and/or --agreements")
    for option, path in targets.items():  # every target checked before anything is written
        if path:
            outfile.check_target(path, option)
    if args.pdf:
        try:
            chromium_path()
        except RuntimeError as exc:  # no browser here: the user can install one
            raise UserError(f"--pdf: {exc}") from None
    import importlib.util

    if (args.html or args.pdf) and importlib.util.find_spec("matplotlib") is None:
        raise UserError(
            "--html/--pdf: the report's charts need matplotlib, which this "
            "installation lacks; install businesscase[report]"
        )
    case = _case(args.case)
    if args.draws:
        check_draws(case, args.draws)
    result = evaluate(case)
    allocation = allocate(result, args.method, args.basis)
    mc = monte_carlo(case, args.draws, 0, basis=args.basis) if args.draws else None
    if args.xlsx:
        with outfile.replaced(args.xlsx, "--xlsx") as tmp:
            workbook(result, allocation, mc, args.lang).save(tmp)
        print(args.xlsx)
    if args.html or args.pdf:
        text = report_html(result, allocation, mc, args.lang)
        if args.html:
            outfile.write_text(args.html, text, "--html")
            print(args.html)
        if args.pdf:
            with outfile.replaced(args.pdf, "--pdf") as tmp:
                html_to_pdf(text, tmp)
            print(Path(args.pdf).resolve())
    if args.agreements:
        outfile.write_text(
            args.agreements, agreements_html(result, allocation, args.lang), "--agreements"
        )
        print(args.agreements)
    return 0


def cmd_scenario(args) -> int:
    # The store (SQLAlchemy) only for the commands that use it: a fast start for the rest.
    from businesscase.scenarios import ScenarioStore

    store = ScenarioStore(args.db)
    if args.action == "save":
        v = store.save(
            args.name,
            load_case(args.case),
            notes=args.notes,
            author=args.author,
            scenario_id=args.scenario,
        )
        print(f"saved scenario {v.scenario_id} version {v.number}: {v.name}")
    elif args.action == "list":
        for v in store.scenarios():
            print(f"  {v.scenario_id:>4}  v{v.number:<3} {v.created_at}  {v.name}")
    elif args.action == "versions":
        for v in store.versions(args.scenario):
            print(f"  v{v.number:<3} {v.created_at}  {v.author:<16} {v.name}  {v.notes}")
    elif args.action == "open":
        from businesscase.engine import evaluate
        from businesscase.export import summary_text

        case, _ = store.open(args.scenario, args.version)
        print(summary_text(evaluate(case)))
    elif args.action == "export":
        print(store.export_yaml(args.scenario, args.to, args.version))
    elif args.action == "import":
        v = store.import_yaml(args.file, args.name, args.author)
        print(f"imported as scenario {v.scenario_id} version {v.number}: {v.name}")
    return 0


COMMANDS = {
    "export": _names_the_case(cmd_export),
    "montecarlo": _names_the_case(cmd_montecarlo),
    "tornado": _names_the_case(cmd_tornado),
    "breakeven": _names_the_case(cmd_breakeven),
    "compare": cmd_compare,
    "scenario": cmd_scenario,
}


def _clean(v):
    v = float(v)
    return v if math.isfinite(v) else None
