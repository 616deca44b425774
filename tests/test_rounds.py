"""The confidential contribution round through the CLI and its store: the commands and
their output, who may do what with which code, the wait after wrong codes, what is kept
(hashes, never codes; limits never shown, logged or exported), and the migrations."""

import hashlib
import json
import sqlite3

import pytest

from businesscase.cli import commands as cli
from businesscase.io import default_case_path, load_case
from businesscase.scenarios import (
    FACILITATOR,
    RoundError,
    RoundStore,
    ScenarioStore,
    StoreError,
    Throttle,
)
from businesscase.scenarios.round_tables import RoundRow

CASE = str(default_case_path())
# the default case's partners in the shapley split of the financial basis
PARTNERS = [
    "woningcorporatie",
    "gemeente",
    "zorgverzekeraar",
    "zorgkantoor",
    "welzijnsorganisatie",
    "bewoners",
]


def run(capsys, *args):
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def opened(tmp_path, capsys):
    """A round opened by the CLI on the default case: (db, round id, facilitator code,
    partner → code)."""
    db = tmp_path / "rounds.db"
    code, out, err = run(capsys, "round", "open", CASE, "--name", "Buurtkamer", "--db", db)
    assert code == 0, err
    lines = out.strip().splitlines()
    round_id = int(lines[0])
    who, facilitator = lines[1].split()
    assert who == "facilitator"
    codes = dict(line.split() for line in lines[2:])
    return db, round_id, facilitator, codes


def snapshot(db):
    """Everything a round holds but the wrong-code count and the wait it sets."""
    con = sqlite3.connect(db)
    try:
        rounds = con.execute(
            "SELECT id, name, state, closed_at, outcome_json, case_sha256 FROM contribution_round"
        ).fetchall()
        entries = con.execute("SELECT * FROM round_entry ORDER BY partner_id").fetchall()
        partners = con.execute("SELECT * FROM round_partner ORDER BY partner_id").fetchall()
    finally:
        con.close()
    return rounds, entries, partners


def test_open_prints_the_id_the_facilitator_code_and_one_code_per_partner(opened, capsys):
    db, round_id, facilitator, codes = opened
    assert round_id == 1
    assert list(codes) == PARTNERS
    every = [facilitator, *codes.values()]
    assert len(set(every)) == len(every)
    assert all(len(c) == 20 and c.isalnum() for c in every)  # never a leading '-'
    raw = db.read_bytes() + b"".join(
        p.read_bytes() for p in db.parent.glob("rounds.db-*") if p.is_file()
    )
    assert not [c for c in every if c.encode() in raw]  # only hashes are kept


def test_the_links_and_the_privacy_promise_go_to_standard_error(tmp_path, capsys):
    code, out, err = run(
        capsys, "round", "open", CASE, "--name", "x", "--partners", "gemeente", "--db",
        tmp_path / "r.db",
    )  # fmt: skip
    assert code == 0
    facilitator = out.splitlines()[1].split()[1]
    assert f"/businesscase?ronde=1&code={facilitator}" in err
    assert "nobody sees what a partner states" in err
    assert out.splitlines()[2].split()[0] == "gemeente" and len(out.splitlines()) == 3


def test_a_whole_round_through_the_commands(opened, capsys):
    db, rid, facilitator, codes = opened
    # woningcorporatie may pay 15,000 a year; every other partner has room; bewoners wait
    amounts = {"woningcorporatie": "15000", "gemeente": "20000", "zorgverzekeraar": "20000"}
    amounts |= {"zorgkantoor": "20000", "welzijnsorganisatie": "23456.78"}
    for partner, amount in amounts.items():
        code, out, err = run(
            capsys, "round", "enter", rid, "--partner", partner, "--code", codes[partner],
            "--max-per-year", amount, "--db", db,
        )  # fmt: skip
        assert code == 0, err
        assert f"entered for {partner} in round {rid}" in out
    assert "5 of 6 partners have entered" in out
    code, out, err = run(capsys, "round", "status", rid, "--code", facilitator, "--db", db)
    assert code == 0, err
    assert "5 of 6 partners have entered" in out
    assert "bewoners" in out and "not entered yet" in out
    for amount in ("15000", "15,000", "23456", "23,456", "20000", "20,000"):
        assert amount not in out  # who and when, never what
    code, out, err = run(capsys, "round", "close", rid, "--code", facilitator, "--json", "--db", db)
    assert code == 0, err
    outcome = json.loads(out)
    assert outcome["deal"] is True and outcome["entered"] == 5
    proposed = outcome["contributions_per_year"]
    fair = outcome["fair_per_year"]
    assert list(proposed) == PARTNERS
    # woningcorporatie's fair share is above 15,000: it pays its limit, the gap is spread
    assert fair["woningcorporatie"] > 15_000
    assert proposed["woningcorporatie"] == pytest.approx(15_000, abs=0.01)
    assert sum(proposed.values()) == pytest.approx(outcome["cost_to_cover_per_year"], abs=0.01)
    assert proposed["bewoners"] <= 0.01  # not entered: a limit of 0
    assert "23456.78" not in out and "max_per_year" not in out
    assert (
        outcome["case_sha256"]
        == hashlib.sha256(
            sqlite3.connect(db)
            .execute("SELECT case_yaml FROM contribution_round")
            .fetchone()[0]
            .encode()
        ).hexdigest()
    )
    # the closed round shows the same outcome to the facilitator's status, and no longer moves
    code, out, _ = run(capsys, "round", "status", rid, "--code", facilitator, "--db", db)
    assert code == 0 and "(closed)" in out and "deal: the limits together cover" in out


def test_limits_short_of_the_cost_give_only_the_total_shortfall(opened, capsys):
    db, rid, facilitator, codes = opened
    for partner in ("woningcorporatie", "gemeente"):
        run(
            capsys, "round", "enter", rid, "--partner", partner, "--code", codes[partner],
            "--max-per-year", "1000", "--db", db,
        )  # fmt: skip
    code, out, _ = run(capsys, "round", "close", rid, "--code", facilitator, "--json", "--db", db)
    outcome = json.loads(out)
    assert code == 0 and outcome["deal"] is False
    assert outcome["shortfall_per_year"] == pytest.approx(outcome["cost_to_cover_per_year"] - 2000)
    assert outcome["contributions_per_year"] == {} and outcome["payments"] == []
    code, out, _ = run(capsys, "round", "status", rid, "--code", facilitator, "--db", db)
    assert "no deal" in out and "smaller scope" in out and "1,000" not in out


def enter(capsys, db, rid, partner, code, amount="5000"):
    return run(
        capsys, "round", "enter", rid, "--partner", partner, "--code", code,
        "--max-per-year", amount, "--db", db,
    )  # fmt: skip


def refused(capsys, db, args, words):
    before = snapshot(db)
    code, out, err = run(capsys, *args)
    assert code == 2, (out, err)
    assert words in err and "internal error" not in err
    assert snapshot(db) == before
    return err


def test_every_command_refuses_a_wrong_code_and_changes_nothing(opened, capsys):
    db, rid, _facilitator, codes = opened
    enter(capsys, db, rid, "gemeente", codes["gemeente"], "7000")
    wrong = "A" * 20
    for args, words in [
        (("round", "enter", rid, "--partner", "gemeente", "--code", wrong, "--max-per-year", 1),
         "not the code of gemeente"),
        (("round", "status", rid, "--code", wrong), "not the facilitator's code"),
        (("round", "close", rid, "--code", wrong), "not the facilitator's code"),
    ]:  # fmt: skip
        err = refused(capsys, db, (*args, "--db", db), words)
        assert wrong not in err


def test_a_partner_cannot_enter_for_another(opened, capsys):
    db, rid, _, codes = opened
    refused(
        capsys, db,
        ("round", "enter", rid, "--partner", "zorgkantoor", "--code", codes["gemeente"],
         "--max-per-year", "1", "--db", db),
        "not the code of zorgkantoor",
    )  # fmt: skip


def test_the_facilitator_code_is_no_partner_code_and_a_partner_code_no_facilitator_code(
    opened, capsys
):
    db, rid, facilitator, codes = opened
    refused(
        capsys, db,
        ("round", "enter", rid, "--partner", "gemeente", "--code", facilitator,
         "--max-per-year", "1", "--db", db),
        "not the code of gemeente",
    )  # fmt: skip
    for command in ("status", "close"):
        refused(
            capsys,
            db,
            ("round", command, rid, "--code", codes["gemeente"], "--db", db),
            "not the facilitator's code",
        )


def test_a_code_works_only_in_its_own_round(opened, capsys):
    db, first, facilitator, codes = opened
    _code, out, _ = run(capsys, "round", "open", CASE, "--name", "second", "--db", db)
    second = int(out.splitlines()[0])
    assert second == first + 1
    refused(capsys, db, ("round", "status", second, "--code", facilitator, "--db", db), "not the")
    refused(
        capsys, db,
        ("round", "enter", second, "--partner", "gemeente", "--code", codes["gemeente"],
         "--max-per-year", "1", "--db", db),
        "not the code of gemeente",
    )  # fmt: skip


def test_after_closing_a_replayed_code_changes_nothing(opened, capsys):
    db, rid, facilitator, codes = opened
    enter(capsys, db, rid, "gemeente", codes["gemeente"])
    assert run(capsys, "round", "close", rid, "--code", facilitator, "--db", db)[0] == 0
    refused(
        capsys, db,
        ("round", "enter", rid, "--partner", "gemeente", "--code", codes["gemeente"],
         "--max-per-year", "9", "--db", db),
        "is closed",
    )  # fmt: skip
    refused(
        capsys, db, ("round", "close", rid, "--code", facilitator, "--db", db), "already closed"
    )


@pytest.mark.parametrize(
    ("amount", "words"),
    [("-5", "cannot be negative"), ("abc", "as a number of euros"), ("nan", "as a number"),
     ("inf", "as a number"), ("12,5", "as a number")],
)  # fmt: skip
def test_a_negative_or_non_numeric_amount_is_refused_without_repeating_it(
    opened, capsys, amount, words
):
    db, rid, _, codes = opened
    err = refused(
        capsys, db,
        ("round", "enter", rid, "--partner", "gemeente", "--code", codes["gemeente"],
         "--max-per-year", amount, "--db", db),
        words,
    )  # fmt: skip
    assert amount not in err.replace("--max-per-year", "")


def test_an_unknown_round_an_uninvited_partner_and_a_missing_store(opened, capsys, tmp_path):
    db, rid, facilitator, codes = opened
    refused(capsys, db, ("round", "status", 99, "--code", facilitator, "--db", db), "round 99")
    refused(
        capsys, db,
        ("round", "enter", rid, "--partner", "nobody", "--code", codes["gemeente"],
         "--max-per-year", "1", "--db", db),
        "nobody is not invited",
    )  # fmt: skip
    missing = tmp_path / "typo.db"
    code, _, err = run(capsys, "round", "status", rid, "--code", facilitator, "--db", missing)
    assert code == 2 and "no scenario store" in err and not missing.exists()


def test_open_refuses_unknown_partners_and_programmes(tmp_path, capsys):
    db = tmp_path / "r.db"
    code, _, err = run(capsys, "round", "open", CASE, "--name", "x", "--partners", "zz", "--db", db)
    assert code == 2 and "zz is not in the split" in err
    programme = next((default_case_path().parent / "programmes").glob("*.yaml"))
    code, _, err = run(capsys, "round", "open", programme, "--name", "x", "--db", db)
    assert code == 2 and "programme" in err


def test_a_partner_may_change_its_entry_until_the_round_closes(opened, capsys):
    db, rid, _facilitator, codes = opened
    enter(capsys, db, rid, "gemeente", codes["gemeente"], "100")
    code, out, _ = enter(capsys, db, rid, "gemeente", codes["gemeente"], "60000")
    assert code == 0 and "1 of 6 partners have entered" in out
    con = sqlite3.connect(db)
    assert con.execute("SELECT max_per_year, changes FROM round_entry").fetchall() == [(60000.0, 1)]


def test_wrong_codes_lock_the_round_for_a_growing_wait_across_store_openings(opened):
    db, rid, facilitator, codes = opened
    now = [1_000.0]
    throttle = Throttle(free=2, first_wait=10.0, longest_wait=40.0)

    def store():  # a new opening each time, as each CLI process makes its own
        return RoundStore(db, throttle=throttle, clock=lambda: now[0])

    for _ in range(2):
        with pytest.raises(RoundError, match="not the facilitator"):
            store().status(rid, "wrong")
    with pytest.raises(RoundError, match="not the facilitator"):
        store().status(rid, "wrong")  # the third: the round is locked for 10 s
    with pytest.raises(RoundError, match="try again in 10 s"):
        store().status(rid, facilitator)  # even the right code waits
    now[0] += 10.5
    assert store().status(rid, facilitator).entered == 0
    with pytest.raises(RoundError, match="not the code"):
        store().enter(rid, "gemeente", "wrong", 5)  # the fourth: 20 s
    now[0] += 15
    with pytest.raises(RoundError, match="try again in 5 s"):
        store().enter(rid, "gemeente", codes["gemeente"], 5)
    assert [throttle.wait_after(k) for k in range(1, 8)] == [0, 0, 10, 20, 40, 40, 40]


def test_the_default_throttle_holds_across_cli_calls(opened, capsys):
    db, rid, facilitator, _ = opened
    for _ in range(Throttle().free + 1):
        run(capsys, "round", "status", rid, "--code", "wrong", "--db", db)
    code, _, err = run(capsys, "round", "status", rid, "--code", facilitator, "--db", db)
    assert code == 2 and "too many wrong codes" in err
    failed = sqlite3.connect(db).execute("SELECT failed_attempts FROM contribution_round")
    assert failed.fetchone()[0] == Throttle().free + 1


def test_the_status_carries_no_limit(opened):
    db, rid, facilitator, codes = opened
    store = RoundStore(db)
    store.enter(rid, "gemeente", codes["gemeente"], 98765.43, "only with a host")
    status = store.status(rid, facilitator)
    assert "98765" not in repr(status) and "host" not in repr(status)
    assert [p.partner for p in status.partners if p.entered_at] == ["gemeente"]


def test_a_code_tells_whose_it_is(opened):
    db, rid, facilitator, codes = opened
    store = RoundStore(db)
    assert store.identify(rid, codes["zorgkantoor"]) == "zorgkantoor"
    assert store.identify(rid, facilitator) == FACILITATOR
    with pytest.raises(RoundError, match="not the facilitator"):
        store.identify(rid, "wrong")


def test_an_internal_error_logs_neither_the_code_nor_the_limit(
    opened, capsys, monkeypatch, tmp_path
):
    db, rid, _, codes = opened
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(self, round_id, partner, code, max_per_year, condition=""):
        raise RuntimeError(f"bug with {code} and {max_per_year} and {float(max_per_year)!r}")

    monkeypatch.setattr(RoundStore, "enter", broken)
    code, _, err = run(
        capsys, "round", "enter", rid, "--partner", "gemeente", "--code", codes["gemeente"],
        "--max-per-year", "4321.5", "--condition", "secret plan", "--db", db,
    )  # fmt: skip
    assert code == 1 and "internal error" in err
    log = (tmp_path / "state" / "businesscase" / "errors.log").read_text()
    assert "RuntimeError" in log and "***" in log
    for secret in (codes["gemeente"], "4321.5", "secret plan"):
        assert secret not in log and secret not in err


def test_a_round_on_a_saved_scenario_version_records_it(tmp_path, capsys):
    db = tmp_path / "r.db"
    case = load_case(CASE)
    store = ScenarioStore(db)
    first = store.save("plan", case)
    store.save("plan", case, scenario_id=first.scenario_id)
    code, _out, err = run(
        capsys, "round", "open", "--scenario", first.scenario_id, "--version", 1,
        "--name", "on v1", "--db", db,
    )  # fmt: skip
    assert code == 0, err
    row = (
        sqlite3.connect(db)
        .execute("SELECT scenario_id, scenario_number FROM contribution_round")
        .fetchone()
    )
    assert row == (first.scenario_id, 1)


def test_an_older_store_gets_the_round_tables_and_a_newer_one_is_refused(tmp_path):
    db = tmp_path / "old.db"
    ScenarioStore(db).save("plan", load_case(CASE))
    RoundStore(db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT version FROM round_schema").fetchall() == [(1,)]
    assert {RoundRow.__tablename__, "round_partner", "round_entry"} <= {
        r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    con.execute("UPDATE round_schema SET version = 99")
    con.commit()
    with pytest.raises(RoundError, match="newer version"):
        RoundStore(db)
    assert len(ScenarioStore(db).scenarios()) == 1  # the scenarios open as before


def test_a_store_fault_is_still_a_store_error(tmp_path):
    folder = tmp_path / "no" / "such"
    with pytest.raises(StoreError, match="does not exist"):
        RoundStore(folder / "r.db")
