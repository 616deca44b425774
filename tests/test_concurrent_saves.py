"""Several processes saving to one store at once: every save succeeds, version numbers are
exactly 1..N, none lost or given twice (before: about one save in five failed with
'UNIQUE constraint failed')."""

import multiprocessing as mp
import sqlite3
import threading
import time
from pathlib import Path

from businesscase import load_case
from businesscase.scenarios import ScenarioStore

VALID = Path(__file__).resolve().parent / "bad_inputs" / "valid_case.yaml"
PROCESSES, SAVES = 4, 15


def _saver(db: str, scenario_id, saves: int, start, results) -> None:
    """Save `saves` versions (scenario_id given) or new scenarios (None); report
    (scenario id, number) of each, or the error."""
    case = load_case(VALID)
    start.wait()  # all processes open the store and save at the same moment
    try:
        store = ScenarioStore(db)
    except Exception as exc:
        results.put([f"opening: {type(exc).__name__}: {exc}"] * saves)
        return
    out = []
    for i in range(saves):
        try:
            v = store.save(f"worker save {i}", case, {"i": i}, scenario_id=scenario_id)
            out.append((v.scenario_id, v.number))
        except Exception as exc:  # counted, so that the test says what went wrong
            out.append(f"{type(exc).__name__}: {exc}")
    results.put(out)


def run_savers(db: Path, scenario_id, processes: int = PROCESSES, saves: int = SAVES):
    ctx = mp.get_context("spawn")
    start, results = ctx.Barrier(processes), ctx.Queue()
    workers = [
        ctx.Process(target=_saver, args=(str(db), scenario_id, saves, start, results))
        for _ in range(processes)
    ]
    for w in workers:
        w.start()
    reports = [results.get(timeout=180) for _ in workers]
    for w in workers:
        w.join(timeout=60)
    return [r for report in reports for r in report]


def stored(db: Path) -> list[tuple[int, int]]:
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT scenario_id, number FROM scenario_version ORDER BY scenario_id, number"
        ).fetchall()


def test_concurrent_versions_of_one_scenario_are_numbered_1_to_n(tmp_path):
    db = tmp_path / "s.db"
    first = ScenarioStore(db).save("shared plan", load_case(VALID))
    saved = run_savers(db, first.scenario_id)
    failures = [r for r in saved if isinstance(r, str)]
    assert failures == [], failures[:3]
    n = 1 + PROCESSES * SAVES
    numbers = sorted(number for _, number in saved)
    assert numbers == list(range(2, n + 1))  # each number given to exactly one save
    assert stored(db) == [(first.scenario_id, k) for k in range(1, n + 1)]
    versions = ScenarioStore(db).versions(first.scenario_id)
    assert [v.number for v in versions] == list(range(1, n + 1))


def test_concurrent_new_scenarios_on_a_new_store(tmp_path):
    db = tmp_path / "fresh" / "s.db"
    db.parent.mkdir()
    saved = run_savers(db, None, processes=4, saves=10)  # every process creates the store
    failures = [r for r in saved if isinstance(r, str)]
    assert failures == [], failures[:3]
    ids = [sid for sid, _ in saved]
    assert len(set(ids)) == 40 and all(number == 1 for _, number in saved)
    assert stored(db) == sorted((sid, 1) for sid in ids)


def test_a_save_waits_for_a_short_lock_instead_of_failing(tmp_path):
    db = tmp_path / "s.db"
    store = ScenarioStore(db, lock_timeout=10)
    v = store.save("A", load_case(VALID))
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    t0 = time.monotonic()
    v2 = store.save("A", load_case(VALID), scenario_id=v.scenario_id)
    assert v2.number == 2 and time.monotonic() - t0 >= 0.4
    release.join()
    other.close()
