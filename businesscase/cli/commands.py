"""Command line: ``businesscase run|allocate|provenance``; see ``businesscase --help``.

Exit codes: 0 done; 2 the user's mistake (a :class:`~businesscase.errors.UserError`: the
message names the file, option or database and says what is allowed, never a traceback);
1 an internal error (a bug): one sentence on stderr, the traceback in a log file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
import tempfile
import traceback
from pathlib import Path

from businesscase.allocation import BASES, METHODS, allocate, default_participants
from businesscase.engine import evaluate
from businesscase.export import allocation_dict, allocation_text, summary_dict, summary_text
from businesscase.io import default_case_path, load_case, provenance_problems
from businesscase.model import InputProblem, LoadError, OptionError, UserError
from businesscase.programme import is_programme_file

from .analysis import COMMANDS as ANALYSIS_COMMANDS
from .analysis import add_parsers as add_analysis_parsers
from .programme import cmd_allocate_programme
from .rounds import COMMANDS as ROUND_COMMANDS
from .rounds import add_parsers as add_round_parsers
from .rounds import secret_values
from .why import COMMANDS as WHY_COMMANDS
from .why import add_parsers as add_why_parsers

EXIT_INVALID = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="businesscase", description="Social business case for shared facilities."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="evaluate a case and print its summary")
    run.add_argument("case", nargs="?", help="case file (YAML); default: the meeting space case")
    run.add_argument("--lang", choices=["nl", "en"], default="nl")
    run.add_argument("--json", action="store_true", help="machine-readable output")
    _include_flag(run)
    alloc = sub.add_parser("allocate", help="split the bill fairly between the partners")
    alloc.add_argument(
        "case",
        nargs="?",
        help="case or programme file (YAML); default: the meeting space case",
    )
    alloc.add_argument("--method", default="shapley", choices=list(METHODS))
    alloc.add_argument(
        "--basis",
        default="financial",
        choices=list(BASES),
        help="what counts as benefit: cash, financial (default) or societal",
    )
    alloc.add_argument(
        "--without",
        nargs="*",
        default=[],
        metavar="PARTNER",
        help="partners that do not take part (coalition of the willing); for a programme "
        "PARTNER leaves every theme, THEME:PARTNER one theme",
    )
    alloc.add_argument("--theme", help="a programme: show one theme's split")
    alloc.add_argument(
        "--blocs",
        choices=["role", "none"],
        default="role",
        help="a programme: the blocs of the bloc methods (owen, bloc_nucleolus): one per "
        "role (default), or none (each partner alone)",
    )
    alloc.add_argument("--lang", choices=["nl", "en"], default="nl")
    alloc.add_argument("--json", action="store_true", help="machine-readable output")
    _include_flag(alloc)
    add_analysis_parsers(sub)
    add_why_parsers(sub)
    add_round_parsers(sub)
    check = sub.add_parser("provenance", help="check that every figure in files is documented")
    check.add_argument("files", nargs="+")
    return parser


def _include_flag(parser) -> None:
    parser.add_argument(
        "--allow-include-outside",
        action="store_true",
        help="let the case include files outside its own folder and the assumptions folder",
    )


def cmd_run(args) -> int:
    case = load_case(
        args.case or default_case_path(), allow_include_outside=args.allow_include_outside
    )
    result = evaluate(case)
    if args.json:
        print(json.dumps(summary_dict(result), indent=2, ensure_ascii=False))
    else:
        print(summary_text(result, args.lang))
    return 0


def cmd_allocate(args) -> int:
    if args.case and is_programme_file(args.case):
        return cmd_allocate_programme(args)
    for option, value in (("--theme", args.theme), ("--blocs", args.blocs != "role" or None)):
        if value is not None:
            raise OptionError(option, "is for a programme file (a file with themes)")
    case = load_case(
        args.case or default_case_path(), allow_include_outside=args.allow_include_outside
    )
    unknown = set(args.without) - set(case.partner_ids)
    if unknown:
        raise OptionError(
            "--without",
            f"unknown partner(s) {', '.join(sorted(unknown))}; "
            f"partners are {', '.join(case.partner_ids)}",
        )
    result = evaluate(case)
    participants = [p for p in default_participants(result, args.basis) if p not in args.without]
    if args.without and not participants:
        raise OptionError(
            "--without", "leaves no partner in the coalition; leave out fewer partners"
        )
    try:
        allocation = allocate(result, args.method, args.basis, participants)
    except UserError as exc:  # e.g. a method that cannot handle this many partners
        raise LoadError(
            [InputProblem(str(args.case or default_case_path()), None, "--method", str(exc))]
        ) from None
    if args.json:
        print(json.dumps(allocation_dict(allocation), indent=2, ensure_ascii=False))
    else:
        print(allocation_text(allocation, args.lang))
    return 0


def cmd_provenance(args) -> int:
    problems = [pr for f in args.files for pr in provenance_problems(f)]
    for pr in problems:
        print(pr)
    print(f"{len(problems)} provenance problem(s) in {len(args.files)} file(s)")
    return EXIT_INVALID if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    commands = {
        "run": cmd_run,
        "allocate": cmd_allocate,
        "provenance": cmd_provenance,
        **ANALYSIS_COMMANDS,
        **WHY_COMMANDS,
        **ROUND_COMMANDS,
    }
    try:
        return commands[args.command](args)
    except (LoadError, InputProblem) as exc:
        print(f"businesscase: invalid input\n{exc}", file=sys.stderr)
        return EXIT_INVALID
    except UserError as exc:
        print(f"businesscase: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: the user sees a sentence, the log keeps the traceback
        secrets = secret_values(args)
        where = log_internal_error(
            exc, ["businesscase", *(sys.argv[1:] if argv is None else argv)], secrets
        )
        first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        first = redacted(first, secrets)
        where = f"; the details are in {where}" if where else ""
        print(
            f"businesscase: internal error ({type(exc).__name__}{': ' + first if first else ''})"
            f"{where}; this is a bug, please report it with the case file",
            file=sys.stderr,
        )
        return 1


def log_files() -> list[Path]:
    """Where internal errors are logged: $XDG_STATE_HOME/businesscase (XDG default
    ~/.local/state), or the temp folder when that cannot be written."""
    try:
        state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
        first = [Path(state) / "businesscase" / "errors.log"]
    except RuntimeError:  # no home folder
        first = []
    return first + [Path(tempfile.gettempdir()) / "businesscase-errors.log"]


def redacted(text: str, secrets: list[str]) -> str:
    """``text`` with every secret (a round's code or limit) blanked out, longest first."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def log_internal_error(
    exc: BaseException, argv: list[str], secrets: list[str] | None = None
) -> str | None:
    """Append the traceback to the error log, without ``secrets``; the path written to, or
    None."""
    record = (
        f"{dt.datetime.now().astimezone().isoformat(timespec='seconds')} internal error "
        f"in: {' '.join(argv)}\n" + "".join(traceback.format_exception(exc))
    )
    record = redacted(record, secrets or [])
    for path in log_files():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(path, encoding="utf-8")
        except OSError:
            continue
        logger = logging.getLogger("businesscase.internal")
        logger.propagate = False
        logger.addHandler(handler)
        try:
            logger.error(record)
        finally:
            logger.removeHandler(handler)
            handler.close()
        return str(path)
    return None
