"""``businesscase round open|enter|status|close``: the confidential contribution round.

The codes go to standard output once, at opening (the round id, then ``facilitator CODE``,
then ``PARTNER_ID CODE`` per partner), the links and the privacy promise to standard error.
No output, message or log line carries a partner's limit: ``secret_values`` names what
the internal-error log must blank out.
"""

from __future__ import annotations

import contextlib
import json
import sys
from typing import TYPE_CHECKING

from businesscase.allocation import BASES, METHODS
from businesscase.io import load_case
from businesscase.model import OptionError
from businesscase.programme import is_programme_file
from businesscase.text import formatting as fmt
from businesscase.text import t

if TYPE_CHECKING:
    from businesscase.scenarios import RoundOutcome

LANG = "en"  # the CLI's messages are English, as the rest of the CLI's
DB_HELP = "database file or URL (default: scenarios.db, or $BUSINESSCASE_DATABASE_URL)"


def add_parsers(sub) -> None:
    rnd = sub.add_parser("round", help="the confidential contribution round")
    actions = rnd.add_subparsers(dest="round_command", required=True)
    op = actions.add_parser("open", help="open a round; prints its id and every code, once")
    op.add_argument("case", nargs="?", help="case file (YAML); or --scenario")
    op.add_argument("--name", required=True)
    op.add_argument("--method", default="shapley", choices=list(METHODS))
    op.add_argument("--basis", default="financial", choices=list(BASES))
    op.add_argument(
        "--partners", nargs="+", metavar="ID", help="the partners invited (default: all)"
    )
    op.add_argument("--scenario", type=int, help="open on a saved scenario instead of a file")
    op.add_argument("--version", type=int, help="the scenario's version (default: the latest)")
    op.add_argument(
        "--allow-include-outside",
        action="store_true",
        help="let the case include files outside its own folder and the assumptions folder",
    )
    en = actions.add_parser("enter", help="a partner enters (or changes) its maximum")
    en.add_argument("round", type=int, metavar="ROUND_ID")
    en.add_argument("--partner", required=True, metavar="ID")
    en.add_argument("--code", required=True)
    en.add_argument(
        "--max-per-year",
        required=True,
        metavar="EUROS",
        help="the most this partner would contribute, in euros a year at the case's prices",
    )
    en.add_argument("--condition", default="", help="an optional condition, in words")
    st = actions.add_parser("status", help="who has entered and when (never what)")
    st.add_argument("round", type=int, metavar="ROUND_ID")
    st.add_argument("--code", required=True, metavar="FACILITATOR_CODE")
    cl = actions.add_parser("close", help="close the round and show its outcome")
    cl.add_argument("round", type=int, metavar="ROUND_ID")
    cl.add_argument("--code", required=True, metavar="FACILITATOR_CODE")
    cl.add_argument("--json", action="store_true", help="machine-readable output")
    for parser in (op, en, st, cl):
        parser.add_argument("--db", help=DB_HELP)


def secret_values(args) -> list[str]:
    """What a round command was given that no log may keep: codes, a limit, a condition."""
    if getattr(args, "command", None) != "round":
        return []
    values = [getattr(args, name, None) for name in ("code", "max_per_year", "condition")]
    found = [v for v in values if isinstance(v, str) and v.strip()]
    with contextlib.suppress(AttributeError, TypeError, ValueError):
        found.append(repr(float(args.max_per_year)))  # as Python prints the number it read
    return found


def cmd_round(args) -> int:
    # The store (SQLAlchemy) is imported by the commands that use it: `businesscase run`
    # starts without it (issue 17).
    return {"open": _open, "enter": _enter, "status": _status, "close": _close}[args.round_command](
        args
    )


def _open(args) -> int:
    from businesscase.scenarios import RoundError, RoundStore

    if (args.case is None) == (args.scenario is None):
        raise RoundError("case_or_scenario")
    if args.version is not None and args.scenario is None:
        raise OptionError("--version", "goes with --scenario")
    if args.case is not None and is_programme_file(args.case):
        raise RoundError("programme")
    options = dict(method=args.method, basis=args.basis, partners=args.partners)
    if args.case is not None:
        case = load_case(args.case, allow_include_outside=args.allow_include_outside)
        store = RoundStore(args.db)
        opened = store.open_round(case, args.name, **options)
    else:
        store = RoundStore(args.db)
        opened = store.open_round_on_version(args.scenario, args.version, args.name, **options)
    print(opened.round_id)
    print(f"facilitator {opened.facilitator_code}")
    for partner, code in opened.partner_codes.items():
        print(f"{partner} {code}")
    _note(t("round_privacy", LANG))
    _note(t("round_codes_once", LANG))
    for who, link in opened.links().items():
        _note(f"  {who} {link}")
    return 0


def _enter(args) -> int:
    from businesscase.scenarios import RoundStore

    store = RoundStore(args.db, must_exist=True)
    receipt = store.enter(args.round, args.partner, args.code, args.max_per_year, args.condition)
    print(
        t(
            "round_entry_saved",
            LANG,
            partner=receipt.partner,
            round=receipt.round_id,
            when=receipt.entered_at,
            entered=receipt.entered,
            invited=receipt.invited,
        )
    )
    return 0


def _status(args) -> int:
    from businesscase.scenarios import RoundStore

    status = RoundStore(args.db, must_exist=True).status(args.round, args.code)
    print(
        t(
            "round_status_head",
            LANG,
            round=status.round_id,
            name=status.name,
            state=t(f"round_state_{status.state}", LANG),
            entered=status.entered,
            invited=len(status.partners),
        )
    )
    width = max(len(p.partner) for p in status.partners)
    for p in status.partners:
        when = (
            t("round_partner_entered", LANG, when=p.entered_at)
            if p.entered_at
            else t("round_partner_waiting", LANG)
        )
        print(f"  {p.partner:<{width}}  {when}")
    if status.outcome is not None:
        print()
        print(outcome_text(status.outcome))
    print()
    print(t("round_privacy", LANG))
    return 0


def _close(args) -> int:
    from businesscase.scenarios import RoundStore

    outcome = RoundStore(args.db, must_exist=True).close(args.round, args.code)
    if args.json:
        print(json.dumps(outcome.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(outcome_text(outcome))
        print()
        print(t("round_privacy", LANG))
    return 0


def outcome_text(outcome: RoundOutcome) -> str:
    """The outcome in words and figures: what the proposed split shows, nothing more."""

    def euro(value: float) -> str:
        return fmt.euro(value, 0, LANG)

    cost = euro(outcome.cost_to_cover_per_year)
    if not outcome.deal:
        return "\n".join(
            [
                t(
                    "round_no_deal",
                    LANG,
                    shortfall=euro(outcome.shortfall_per_year),
                    cost=cost,
                    price_year=outcome.price_year,
                ),
                t("round_scope_single_case", LANG),
            ]
        )
    lines = [
        t("round_deal", LANG, cost=cost, price_year=outcome.price_year),
        t("round_proposed_head", LANG, method=outcome.method),
    ]
    width = max(len(p) for p in outcome.contributions_per_year)
    for p, x in outcome.contributions_per_year.items():
        note = f"  {t('round_held_at_fair', LANG)}" if p in outcome.held_at_fair else ""
        fair = euro(outcome.fair_per_year[p])
        lines.append(f"  {p:<{width}}  {euro(x):>12}  ({fair}){note}")
    if outcome.stable:
        lines.append(t("round_stable_yes", LANG))
    else:
        lines.append(
            t(
                "round_stable_no",
                LANG,
                group=", ".join(outcome.core_group),
                excess=euro(outcome.core_excess_per_year),
            )
        )
    if outcome.payments:
        lines.append(t("round_payments_head", LANG))
        lines += [
            "  "
            + t("round_payment", LANG, payer=p.payer, receiver=p.receiver, amount=euro(p.per_year))
            for p in outcome.payments
        ]
    else:
        lines.append(t("round_no_payments", LANG))
    return "\n".join(lines)


def _note(text: str) -> None:
    print(text, file=sys.stderr)


COMMANDS = {"round": cmd_round}
