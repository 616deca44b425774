"""The state of a round's pages (no browser): what each code opens, and that no holder can
ever read a limit that is not its own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from businesscase.io import default_case_path, load_case
from businesscase.scenarios import RoundStore, Throttle

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # dashboards/ is not an installed package
    sys.path.insert(0, str(ROOT))

from dashboards.state.rounds import RoundState, parse_amount  # noqa: E402


@pytest.fixture
def rnd(tmp_path):
    store = RoundStore(tmp_path / "r.db", throttle=Throttle(free=1000))
    opened = store.open_round(load_case(default_case_path()), "Buurtkamer")
    return store, opened


def words(state: RoundState) -> str:
    """Everything the state could put on a page, as text."""
    return repr(vars(state)) + repr(state.view) + repr(state.status) + state.message()


def test_dutch_amounts_are_read_and_bad_ones_refused_without_repeating_them():
    assert parse_amount("12.345") == 12345
    assert parse_amount("12.345,50") == 12345.5
    assert parse_amount("12345,5") == 12345.5
    assert parse_amount(" € 8000 ") == 8000
    assert parse_amount("12.5") == 12.5
    for bad, kind in (
        ("-5", "page_amount_negative"),
        ("twaalf", "page_amount_not_number"),
        ("", "page_amount_not_number"),
        ("1e9", "page_amount_not_number"),
    ):
        with pytest.raises(Exception) as info:
            parse_amount(bad)
        assert info.value.kind == kind
        assert bad.strip() not in info.value.text("nl") or not bad.strip()


def test_a_wrong_code_and_an_unknown_round_get_the_same_plain_message(rnd):
    store, opened = rnd
    wrong = RoundState(str(opened.round_id), "X" * 20, store=store)
    unknown = RoundState("999", "X" * 20, store=store)
    garbage = RoundState("1; drop", "", store=store)
    assert not wrong.opened and not unknown.opened and not garbage.opened
    assert wrong.message() == unknown.message() == garbage.message()
    assert "X" * 20 not in wrong.message()


def test_a_partner_sees_its_own_terms_and_counts_never_another_limit(rnd):
    store, opened = rnd
    partners = list(opened.partner_codes)
    first, second = partners[0], partners[1]
    a = RoundState(str(opened.round_id), opened.partner_codes[first], store=store)
    b = RoundState(str(opened.round_id), opened.partner_codes[second], store=store)
    assert a.holder == first and b.holder == second
    assert a.enter("98.765,43", "alleen als de gemeente meedoet")
    assert b.enter("54321")
    b.refresh()
    assert b.view.entered == 2 and b.view.own_entered_at
    assert (
        "98765" not in words(b) and "98.765" not in words(b) and "gemeente meedoet" not in words(b)
    )
    # a third partner's page, with its own code, sees neither
    c = RoundState(str(opened.round_id), opened.partner_codes[partners[2]], store=store)
    assert "98765" not in words(c) and "54321" not in words(c)
    assert c.view.terms.fair_per_year != 0


def test_refused_amounts_say_so_inline_and_change_nothing(rnd):
    store, opened = rnd
    p = next(iter(opened.partner_codes))
    s = RoundState(str(opened.round_id), opened.partner_codes[p], store=store)
    assert not s.enter("-100")
    assert "negatief" in s.message()
    assert not s.enter("veel")
    assert "veel" not in s.message()
    assert s.view.entered == 0


def test_the_facilitator_sees_who_and_when_never_what_and_cannot_enter(rnd):
    store, opened = rnd
    p = next(iter(opened.partner_codes))
    RoundState(str(opened.round_id), opened.partner_codes[p], store=store).enter("77.777")
    f = RoundState(str(opened.round_id), opened.facilitator_code, store=store)
    assert f.is_facilitator and f.status.entered == 1
    assert "77777" not in words(f) and "77.777" not in words(f)
    assert not f.enter("5")
    assert p not in f.not_entered() and len(f.not_entered()) == len(opened.partner_codes) - 1


def test_after_closing_a_replayed_code_shows_only_the_outcome_and_cannot_enter(rnd):
    store, opened = rnd
    codes = opened.partner_codes
    pages = {p: RoundState(str(opened.round_id), c, store=store) for p, c in codes.items()}
    for p, page in pages.items():
        assert page.enter(str(100_000 + len(p)))  # far above any fair share: no limit binds
    f = RoundState(str(opened.round_id), opened.facilitator_code, store=store)
    assert f.close() and f.closed
    outcome = f.outcome
    assert outcome.deal
    for p, c in codes.items():
        again = RoundState(str(opened.round_id), c, store=store)
        assert again.closed and again.outcome == outcome
        assert not again.enter("1")
        assert "gesloten" in again.message()
        assert str(100_000 + len(p)) not in words(again)
    assert not f.close()
