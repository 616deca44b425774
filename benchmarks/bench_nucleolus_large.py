"""The nucleolus above 16 partners (constraint generation, ``nucleolus_large``); prints a table.

Side by side in the same run: the enumeration of all 2^n groups (``TUGame.nucleolus``, the
project's exact method up to 16 partners) where it fits, and coopgame-py / tucoopy when
installed (``make bench-peers``; development-only) on the same explicit games.

Games:
- ``random``: the random case games of tests/test_nucleolus_large.py (2n benefit streams
  needing 1–4 partners, a quarter of them negative, a cost per partner, one shared cost);
  dense and hard: every partner is in several streams.
- ``case``: real case games: the default case with 28 partners added (19 with flows), per
  basis; the forty-partner case whose one outcome needs everyone; the same with 100; and
  the illustrative 35-partner programme with every partner in every theme (roles and
  shares: a line of a role becomes a stream per combination of its partners).

Goals (issue 14): 35 partners under 1 s, 40 under 2 s, 100 under 30 s.
Run: ``.venv/bin/python benchmarks/bench_nucleolus_large.py [--sizes 14 17 20 35 40]``
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from builders import partners35  # noqa: E402
from test_nucleolus_large import random_game, stay_out  # noqa: E402

from businesscase import evaluate, load_case  # noqa: E402
from businesscase.allocation import StructuredGame, case_game  # noqa: E402
from businesscase.allocation.nucleolus_large import structured_nucleolus  # noqa: E402
from businesscase.model import apply_changes  # noqa: E402
from businesscase.programme import load_programme, theme_case  # noqa: E402

try:
    import coopgame
except ImportError:  # development-only comparison
    coopgame = None

EXPLICIT_UP_TO = 18


def solve(game: StructuredGame):
    """(result, individually rational) as fair_split does: the pre-nucleolus when no
    imputation exists."""
    try:
        return structured_nucleolus(game, True), True
    except ValueError:
        return structured_nucleolus(game, False), False


def row(label: str, game: StructuredGame) -> list[str]:
    active = [p for p in game.players if p not in set(game.null_players())]
    game = game.restricted(active)
    start = time.perf_counter()
    found, ir = solve(game)
    took = time.perf_counter() - start
    explicit = peer = diff = "—"
    if game.n <= EXPLICIT_UP_TO:
        tu = stay_out(game)
        start = time.perf_counter()
        expected = tu.nucleolus() if ir else tu.prenucleolus()
        explicit = f"{time.perf_counter() - start:.2f}"
        diff = f"{float(np.max(np.abs(found.x.to_numpy() - expected.to_numpy()))):.1e}"
        if coopgame is not None and ir:
            start = time.perf_counter()
            coopgame.nucleolus(tu.n, tu.v.tolist())
            peer = f"{time.perf_counter() - start:.2f}"
    return [
        label,
        str(game.n),
        f"{took:.2f}",
        str(found.rounds),
        str(found.oracle_calls),
        str(found.lps),
        "yes" if found.certificate.certified else "NO",
        explicit,
        peer,
        diff,
    ]


def case_games(tmp: Path):
    import yaml

    case = apply_changes(
        load_case(ROOT / "assumptions" / "meeting_space.yaml"), {}, added=partners35()
    )
    result = evaluate(case)
    for basis in ("cash", "financial", "societal"):
        yield f"case: default + 28 partners, {basis}", case_game(result, basis=basis).game
    forty = ROOT / "tests" / "large" / "forty_partners.yaml"
    yield "case: forty partners, all needed", case_game(evaluate(load_case(forty))).game
    data = yaml.safe_load(forty.read_text())
    extra = [f"q{i:02d}" for i in range(60)]
    data["partners"] += [{"id": q, "name": {"nl": q, "en": q}, "type": "other"} for q in extra]
    data["outcomes"][0]["needs"] += extra
    path = tmp / "hundred.yaml"
    path.write_text(yaml.safe_dump(data))
    yield "case: 100 partners, all needed", case_game(evaluate(load_case(path))).game
    programme = ROOT / "assumptions" / "programmes" / "zuidoost_illustrative.yaml"
    data = yaml.safe_load(programme.read_text(encoding="utf-8"))
    everyone = [p["id"] for p in data["partners"]]
    for theme in data["themes"]:
        theme["participants"] = everyone
    path = tmp / "programme_everyone.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded = load_programme(path)  # its cases are found among the shipped ones
    for theme_id in loaded.theme_ids:
        result = evaluate(theme_case(loaded, theme_id))
        yield f"programme of 35, all in {theme_id}, societal", case_game(result, "societal").game


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[14, 17, 20, 35, 40])
    parser.add_argument("--seeds", type=int, default=1)
    args = parser.parse_args()
    head = ["game", "partners", "time s", "rounds", "MILPs", "LPs", "certified"]
    head += ["2^n enum. s", "coopgame s", "max |Δ| €"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, game in case_games(Path(tmp)):
            rows.append(row(label, game))
            print(" | ".join(rows[-1]), flush=True)
    for n in args.sizes:
        for seed in range(args.seeds):
            rows.append(row(f"random case game, seed {seed}", random_game(n, seed)))
            print(" | ".join(rows[-1]), flush=True)
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    print()
    for r in [head, ["-" * w for w in widths], *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    main()
