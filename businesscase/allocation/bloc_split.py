"""The split when partners negotiate as blocs (all corporations, all care providers, ...).

The partition: every partner in the game is in exactly one bloc. By default (``blocs`` is
None) the blocs are the roles: partners that fill the same role (``Partner.role_id``, by
default the partner's own id) form one bloc, so a case without shared roles has one bloc
per partner. A partition given by the user maps partner id → bloc id; a partner of the
game it does not name is a bloc of its own, named by its id (refused when a named bloc has
that id too, as the two would silently merge); a partner of the case that is not in the
game (absent, or left out by ``participants``) is ignored; any other id is refused.

Definitions, for a structured game v(S) = Σ_k B_k · 1[R_k ⊆ S] − Σ_j C_j · 1[S ∩ U_j ≠ ∅]
(:mod:`.structured`) and a partition of N into blocs; M(R) = {blocs that meet R}:

Quotient game (words): the game the blocs play, each bloc one player, a group of blocs
worth what all their members together are worth. (Formula) v_Q(Q) = v(∪_{b ∈ Q} b); on
the structure, a benefit needs the blocs M(R_k), a cost falls when any of M(U_j) takes part:

    v_Q(Q) = Σ_k B_k · 1[M(R_k) ⊆ Q] − Σ_j C_j · 1[Q ∩ M(U_j) ≠ ∅].

Owen value (words): the blocs arrive in random order and the members of each bloc
together, in random order among themselves; each partner gets its average marginal
contribution. It splits each benefit equally among the blocs it needs and, within each
of those blocs, equally among the members it needs; each cost the same way over the
partners that can incur it (the Owen value is self-dual, and the cost game 1[S ∩ U ≠ ∅]
is the dual of the unanimity game on U), so a cost with one payer stays with its payer:

    owen_i = Σ_{k: i ∈ R_k} B_k / (|M(R_k)| · |R_k ∩ b(i)|)
             − Σ_{j: i ∈ U_j} C_j / (|M(U_j)| · |U_j ∩ b(i)|),    b(i) the bloc of i.

Summed over a bloc it is the Shapley value of the quotient game; with one bloc per
partner, or one bloc of all, it is the Shapley value.

Nucleolus between blocs (words): the blocs split v(N) by the nucleolus of the quotient
game in which a group of blocs may also stay out, v_Q⁺(Q) = max(v_Q(Q), 0) for Q short of
all blocs (the convention of the case game's nucleolus); the pre-nucleolus when that game
has no imputation. Partners in no stream and no cost (null players) are left out first
and get 0; a bloc of only such partners gets 0.

Within a bloc, its amount y_b is split over its non-null members
- ``shares``: in proportion to their shares (``Partner.share``, normalised within the
  bloc; equally when all shares are 0), x_i = y_b · s_i / Σ_{l ∈ b} s_l. A bloc by role
  splits as the role's lines are carried; a given bloc that mixes roles compares the
  shares as typed, so they should then be in one unit (a partner without a role has 1);
- ``game``: by the nucleolus (same stay-out convention) of the game reduced to the bloc,
  which takes the partners outside the bloc as present and paid what the between-bloc
  split gives them, so that the bloc's amount is exactly what its members split:

    w_b(T) = v(T ∪ (N ∖ b)) − y(N ∖ b) for ∅ ≠ T ⊆ b,  w_b(∅) = 0,  w_b(b) = y_b.

  On the structure, a benefit with R_k ∩ b = ∅ and a cost with U_j ⊄ b are constants for
  every non-empty T; they and −y(N ∖ b) form one union stream over the whole bloc.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

import numpy as np
import pandas as pd

from businesscase.model import UserError

from .game import TUGame
from .structured import Stream, StructuredGame

MAX_EXPLICIT_BLOCS = 16
"""The nucleolus between blocs (and within a bloc, for ``within="game"``) enumerates every
group: 2^16 groups solve in about a second."""


class WithinBloc(StrEnum):
    """How a bloc's amount is split among its members (see the module docstring)."""

    shares = "shares"
    game = "game"


def bloc_partition(
    players: Sequence[str],
    roles: Mapping[str, str] | None = None,
    blocs: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Partner id → bloc id for every player of the game (see the module docstring).

    roles: partner id → role id for every partner of the case (absent ones included);
    a partner missing from it fills its own role. blocs: the user's partition, or None.
    """
    roles = dict(roles or {})
    if blocs is None:
        return {p: roles.get(p, p) for p in players}
    known = set(players) | set(roles)
    unknown = sorted(set(blocs) - known)
    if unknown:
        raise UserError(f"blocs name partners that are not in the case: {', '.join(unknown)}")
    named = set(blocs.values())
    out = {}
    for p in players:
        if p in blocs:
            out[p] = blocs[p]
        elif p in named:
            raise UserError(
                f"partner {p!r} is in no bloc, and a bloc is called {p!r}: "
                f"name the bloc of {p!r}, or give the bloc another name"
            )
        else:
            out[p] = p
    return out


def _groups(players, bloc_of: Mapping[str, str]) -> dict[str, list[str]]:
    """The players grouped by bloc, blocs in order of first appearance."""
    groups: dict[str, list[str]] = {}
    for p in players:
        groups.setdefault(bloc_of[p], []).append(p)
    return groups


def stream_split(players: frozenset, bloc_of: Mapping[str, str]) -> dict[str, float]:
    """The fraction of one stream each of its players gets under the Owen value: equal
    over the blocs it meets, then equal over its players in each bloc."""
    groups = _groups(sorted(players), bloc_of)
    return {p: 1.0 / (len(groups) * len(g)) for g in groups.values() for p in g}


def owen(game: StructuredGame, bloc_of: Mapping[str, str]) -> pd.Series:
    """Exact Owen value of a structured game, any number of players (closed form)."""
    phi = dict.fromkeys(game.players, 0.0)
    for sign, streams in ((1.0, game.benefits), (-1.0, game.costs)):
        for s in streams:
            for p, fraction in stream_split(s.players, bloc_of).items():
                phi[p] += sign * s.amount * fraction
    return pd.Series(phi, dtype=float).rename_axis("player")


def quotient(game: StructuredGame, bloc_of: Mapping[str, str]) -> StructuredGame:
    """The quotient game as a structured game whose players are the bloc ids."""

    def lift(s: Stream) -> Stream:
        return Stream(s.name, s.amount, frozenset(bloc_of[p] for p in s.players))

    return StructuredGame(
        list(_groups(game.players, bloc_of)),
        [lift(b) for b in game.benefits],
        [lift(c) for c in game.costs],
    )


def reduced(game: StructuredGame, bloc: Sequence[str], paid_outside: float) -> StructuredGame:
    """The game reduced to a bloc, w_b (module docstring); paid_outside = y(N ∖ b)."""
    inside = set(bloc)
    benefits, costs = [], []
    constant = -paid_outside
    for b in game.benefits:
        if b.players & inside:
            benefits.append(Stream(b.name, b.amount, b.players & inside))
        else:
            constant += b.amount
    for c in game.costs:
        if c.players <= inside:
            costs.append(c)
        else:
            constant -= c.amount
    costs.append(Stream("outside the bloc", -constant, frozenset(inside)))
    return StructuredGame(list(bloc), benefits, costs)


def stay_out_nucleolus(game: StructuredGame) -> pd.Series:
    """Nucleolus of v⁺ (v⁺(S) = max(v(S), 0) short of all players); the pre-nucleolus when
    it has no imputation."""
    tu = game.to_tugame()
    values = np.maximum(tu.v, 0.0)
    values[-1] = tu.v[-1]
    plus = TUGame(tu.players, values)
    try:
        return plus.nucleolus()
    except ValueError:
        return plus.prenucleolus()


def bloc_nucleolus(
    game: StructuredGame,
    bloc_of: Mapping[str, str],
    shares: Mapping[str, float] | None = None,
    within: WithinBloc | str = WithinBloc.shares,
) -> pd.Series:
    """Net position per player: between blocs by the nucleolus of the quotient game,
    within each bloc as ``within`` says (module docstring). shares: partner id → share
    (any non-negative unit; 1 when missing)."""
    within = within_bloc(within)
    out = pd.Series(0.0, index=pd.Index(game.players, name="player"))
    null = set(game.null_players())
    active = [p for p in game.players if p not in null]
    if not active:
        return out
    live = game.restricted(active)
    groups = _groups(active, bloc_of)
    if len(groups) > MAX_EXPLICIT_BLOCS:
        raise UserError(
            f"the nucleolus between blocs is computed exactly for up to {MAX_EXPLICIT_BLOCS} "
            f"blocs; this coalition has {len(groups)}: group the partners in fewer blocs, "
            "or use owen"
        )
    between = stay_out_nucleolus(quotient(live, bloc_of))
    total = float(between.sum())
    for bloc, members in groups.items():
        amount = float(between[bloc])
        if within is WithinBloc.shares:
            weight = np.array([float((shares or {}).get(p, 1.0)) for p in members])
            if weight.sum() <= 0:
                weight = np.ones(len(members))
            out[members] = amount * weight / weight.sum()
            continue
        if len(members) > MAX_EXPLICIT_BLOCS:
            raise UserError(
                f"the split within a bloc by its game is computed exactly for up to "
                f"{MAX_EXPLICIT_BLOCS} partners; bloc {bloc!r} has {len(members)}: "
                "split it by shares"
            )
        inner = stay_out_nucleolus(reduced(live, members, total - amount))
        out[members] = inner[members].to_numpy()
    return out


def within_bloc(within: WithinBloc | str) -> WithinBloc:
    """The choice of split within a bloc, refused with the allowed ones when unknown."""
    try:
        return WithinBloc(within)
    except ValueError:
        allowed = ", ".join(w.value for w in WithinBloc)
        raise UserError(f"unknown split within blocs {within!r}; allowed: {allowed}") from None
