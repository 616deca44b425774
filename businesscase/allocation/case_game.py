"""The coalition game of a business case.

Definition (plain words): a coalition's value is what its members gain, in present value,
if only they take part. Taking part means bringing one's own cost items; an outcome is
realised only if every partner it needs takes part, and it counts for the coalition only
if the partner whose pocket receives it is a member too.

Definition (formula): with outcomes k (value B_k at the social discount rate, needing
partners R_k, received by p_k) and cost items j (cost C_j ≥ 0 paid by q_j),

    v(S) = Σ_k B_k · 1[R_k ∪ {p_k} ⊆ S] − Σ_j C_j · 1[q_j ∈ S],

a game with the business-case structure, so its Shapley value has a closed form:
each outcome's value is shared equally by the partners it needs and the one receiving it,
and each partner carries its own costs. Money from outside the partnership (a subsidy)
is a benefit needing only its receiver. An outcome booked gross, as a saving in one pocket
and an extra cost in another (a postponed nursing-home admission saves the nursing-home care
and costs the care at home, and leaves a dwelling occupied), is one stream per pocket, each
needing the outcome's partners and its own pocket; the cost side has B_k < 0.

Roles: a line booked to a role is carried by the role's partners, each its share σ_i of
it (see ``Case.carriers``). Such a part stands for that partner's dwellings or clients, and
of every other role the outcome needs, each partner brings its share of it, independently:
a stream B_k needing roles r_1..r_m becomes the streams B_k · σ_{i_1} ⋯ σ_{i_m}, one for
each choice of partners i_1 ∈ r_1, …, i_m ∈ r_m, each needing just those partners. A role
filled by one partner (every file without roles) gives the game above unchanged, and the
Shapley values of a role's partners add up to the role's Shapley value as one partner.
A partner that does not take part loses its part; the others do not take it over.

Payments between partners today (a room fee) are not part of the game: they are today's
split, which the allocation replaces. A payment whose counterpart does not take part does
not happen in that coalition, so it is left out of today's contribution on both sides:
the fair contributions then always add up to the cost to cover.

Who is in the game: the partners taking part (or the ones named in ``participants``). By
default a partner with no line in the ledger that no outcome needs is left out; named
explicitly, it stays in as a null player and gets nothing under every method but the
equal split of the surplus.

What counts as benefit (``basis``):
- ``cash``: cashable savings and cash received;
- ``financial``: also non-cashable savings (capacity freed);
- ``societal``: also societal value, assigned to the partner that holds it as a policy
  goal (by default residents' wellbeing to the municipality).
Overlap corrections are taken as computed for the whole partnership.

The Shapley value uses v as defined above (closed form). A group can also decide to stay
out and gain nothing, so the stability check, the equal split of the surplus and the
(pre-)nucleolus use v⁺(S) = max(v(S), 0) for the groups short of the whole partnership:
a split is stable when no group gains more by going its own way or by staying out.
The (pre-)nucleolus is computed on the game without the null players of v (partners in
no stream and paying no cost), who get 0: in v⁺ they would not be null any more, since
v⁺(N) = v(N) while the others alone may claim max(v(N ∖ null), 0).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from businesscase.engine import OUTCOME_CATEGORIES, Result
from businesscase.model import EXTERNAL, PartnerType, UserError

from . import bloc_split
from .game import TUGame
from .methods import CASHABLE, COUNTED, METHODS, PER_DRAW_METHODS, BenefitBasis, SplitMethod
from .structured import Stream, StructuredGame


@dataclass
class CaseGame:
    """The game of a case plus what the allocation needs to report per partner (PV, euros)."""

    game: StructuredGame
    basis: BenefitBasis
    benefit: pd.Series  # benefit received, as counted, per partner
    cashable_benefit: pd.Series  # cash and cashable savings received
    contribution_today: pd.Series  # own costs + payments to partners − payments received
    lost: list[Stream] = field(default_factory=list)  # value not realised without absentees
    holders: dict = field(default_factory=dict)
    annuity_factor: float = 1.0  # PV of 1 euro a year over the operating years
    horizon: tuple[int, int] = (0, 0)
    roles: dict[str, str] = field(default_factory=dict)  # every partner of the case → role
    shares: dict[str, float] = field(default_factory=dict)  # partner → share of its role

    def bloc_of(self, blocs: dict[str, str] | None = None) -> dict[str, str]:
        """Partner → bloc for the players: by role, or the partition given (bloc_split)."""
        return bloc_split.bloc_partition(self.players, self.roles, blocs)

    @property
    def players(self) -> list[str]:
        return self.game.players

    @property
    def total_value(self) -> float:
        return self.game.value(self.players)

    @property
    def cost_to_cover(self) -> float:
        return float(self.contribution_today.sum())

    @property
    def cost_to_cover_per_year(self) -> float:
        """The cost to cover a year [€ a year]: what the partners contribute today."""
        return self.cost_to_cover / self.annuity_factor

    def null_players(self) -> list[str]:
        """Partners who change no coalition's value (no stream, no cost)."""
        return self.game.null_players()

    def stay_out_game(self, players: list[str] | None = None) -> TUGame:
        """The explicit game in which a group may also stay out: v⁺(S) = max(v(S), 0) for
        every proper group S, v⁺(N) = v(N); optionally on a subset of the players (the
        subgame of v, then v⁺). Used for the nucleolus."""
        game = self.game if players is None else self.game.restricted(players)
        return game.to_tugame().stay_out()


def default_holders(result: Result) -> dict[str, str]:
    """Residents' societal value counts for the municipality role (of the first partner of
    type municipality), if there is one: role → role, each carried by its partners' shares."""
    case = result.case
    municipality = next(
        (p.role_id for p in case.partners if p.type is PartnerType.municipality), None
    )
    if municipality is None:
        return {}
    return {p.role_id: municipality for p in case.partners if p.type is PartnerType.residents}


def default_participants(
    result: Result,
    basis: BenefitBasis | str = BenefitBasis.financial,
    holders: dict[str, str] | None = None,
) -> list[str]:
    """The partners in the game when none are named: those taking part that have a line in
    the ledger, are needed by an outcome, or hold another partner's value (``holders``,
    by default as in ``case_game``)."""
    case = result.case
    if holders is None:
        holders = default_holders(result) if BenefitBasis(basis) is BenefitBasis.societal else {}
    carriers = case.carriers()
    with_lines = {ln.partner for ln in result.lines}
    keys_with_lines = with_lines | {ln.role_key for ln in result.lines}
    relevant = with_lines | {
        c for o in case.outcomes for n in o.needs for c, _ in carriers.get(n, [(n, 1.0)])
    }
    relevant |= {
        c
        for key, h in holders.items()
        if key in keys_with_lines
        for c, _ in carriers.get(h, [(h, 1.0)])
    }
    return [p.id for p in case.partners if p.takes_part and p.id in relevant]


def case_game(
    result: Result,
    basis: BenefitBasis | str = BenefitBasis.financial,
    participants: list[str] | None = None,
    holders: dict[str, str] | None = None,
) -> CaseGame:
    """Build the coalition game of an evaluated case (single evaluation).

    participants: the partners in the coalition (those not taking part are dropped);
    by default the ones of ``default_participants``.
    """
    if result.n_draws != 1:
        raise ValueError("allocation works on a single evaluation, not on draws")
    basis = BenefitBasis(basis)
    case = result.case
    if holders is None:
        holders = default_holders(result) if basis is BenefitBasis.societal else {}
    if participants is None:
        players = default_participants(result, basis, holders)
    else:
        players = [p.id for p in case.partners if p.takes_part and p.id in participants]
    if not players:
        raise UserError("no partner takes part: leave at least one partner in the coalition")
    present = set(players)
    pv = result.line_pv[0]
    benefit = pd.Series(0.0, index=players)
    cashable = pd.Series(0.0, index=players)
    today = pd.Series(0.0, index=players)
    streams: dict[tuple, float] = {}
    stream_flows: dict[tuple, set] = {}
    costs: dict[tuple, float] = {}
    carriers = case.carriers()
    for line, parts, value in zip(result.lines, _classify_lines(result, basis, holders), pv):
        for kind, key, fraction in parts:
            if kind == "stream":
                streams[key] = streams.get(key, 0.0) + value * fraction
                stream_flows.setdefault(key, set()).add(line.flow_type)
            elif kind == "cost" and key[1] in present:
                costs[key] = costs.get(key, 0.0) - value
            elif kind == "transfer" and key[0] in present:
                # paid (value < 0) raises, received (value > 0) lowers it, for the part of
                # the counterpart role that takes part
                today[key[0]] -= value * _present_part(carriers, key[1], present)
    game_benefits, lost = [], []
    for (item, pocket, required), value in streams.items():
        stream = Stream(item, value, required)
        if required <= present:
            game_benefits.append(stream)
            benefit[pocket] += value
            if stream_flows[(item, pocket, required)] <= CASHABLE:
                cashable[pocket] += value
        else:
            lost.append(stream)
    game_costs = []
    for (item, payer), value in costs.items():
        game_costs.append(Stream(item, value, frozenset({payer})))
        today[payer] += value
    operating = result.t >= 1
    annuity = float(result.social_discount_factor[0][operating].sum())
    start = case.meta.start_year
    return CaseGame(
        StructuredGame(players, game_benefits, game_costs),
        basis,
        benefit,
        cashable,
        today,
        lost,
        holders,
        annuity,
        (start, start + case.meta.horizon),
        {p.id: p.role_id for p in case.partners},
        {p.id: p.share for p in case.partners},
    )


Part = tuple[str, tuple, float]
"""What (a fraction of) a ledger line is in the game: ("stream", (item, pocket, required
partners), fraction), ("cost", (item, payer), 1), ("transfer", (partner, counterpart), 1)
for a payment between partners, or ("none", (), 0) outside the game."""


def _classify_lines(
    result: Result, basis: BenefitBasis, holders: dict[str, str]
) -> list[list[Part]]:
    """The parts each ledger line is in the game (see :data:`Part`).

    An outcome line is a stream whatever its role: the cost side of an outcome booked
    gross (role "cost", negative values) is a stream with a negative amount.

    A line a partner carries for its role stands for that partner's part of the outcome
    (its dwellings, its clients). Of every other role the outcome needs, each partner
    brings its share of that part, independently of the first: the line becomes one stream
    per combination of the needed roles' partners, with the product of their shares. A
    role filled by one partner gives one stream, as before roles existed.
    """
    case = result.case
    carriers = case.carriers()
    needs = {o.id: o.needs for o in case.outcomes}
    revenues = {r.id: r for r in case.revenues}
    none: list[Part] = [("none", (), 0.0)]
    out: list[list[Part]] = []
    for line in result.lines:
        is_revenue = line.category == "revenue"
        if line.partner == EXTERNAL:
            out.append(none)
        elif is_revenue and not (line.role == "benefit" and _payer_is_external(result, line.item)):
            r = revenues[line.item]
            counterpart = r.from_ if line.role == "benefit" else r.to
            out.append([("transfer", (line.partner, counterpart), 1.0)])
        elif line.category in OUTCOME_CATEGORIES or is_revenue:
            if line.flow_type not in COUNTED[basis]:
                out.append(none)
                continue
            out.append(_stream_parts(line, needs.get(line.item, []), holders, carriers))
        else:
            out.append([("cost", (line.item, line.partner), 1.0)])
    return out


def _stream_parts(line, needed: list[str], holders: dict[str, str], carriers) -> list[Part]:
    """The streams one outcome (or external revenue) line splits into (see _classify_lines)."""
    own = line.role_key
    holder = holders.get(own, holders.get(line.partner))
    combos: list[tuple[tuple[str, ...], float]]  # (pocket, needed partners...), fraction
    if holder is None:
        combos = [((line.partner,), 1.0)]
    else:
        combos = [((h,), share) for h, share in carriers.get(holder, [(holder, 1.0)])]
    assigned = {own: line.partner}  # this line's part of its own role is this partner's
    for ref in dict.fromkeys(needed):
        if ref == holder:
            continue  # the holder chosen for the pocket is the one this part needs
        if ref in assigned:
            combos = [((*who, assigned[ref]), f) for who, f in combos]
            continue
        combos = [
            ((*who, c), f * share)
            for who, f in combos
            for c, share in carriers.get(ref, [(ref, 1.0)])
        ]
    parts: dict[tuple, float] = {}
    for who, fraction in combos:
        key = (line.item, who[0], frozenset(who))
        parts[key] = parts.get(key, 0.0) + fraction
    return [("stream", key, fraction) for key, fraction in parts.items()]


def _present_part(carriers, ref: str, present: set) -> float:
    """The fraction of a role (or partner) that takes part."""
    return sum(share for c, share in carriers.get(ref, [(ref, 1.0)]) if c in present)


def split_weights(
    result: Result,
    basis: BenefitBasis | str = BenefitBasis.financial,
    participants: list[str] | None = None,
    holders: dict[str, str] | None = None,
    blocs: dict[str, str] | None = None,
) -> tuple[dict[str, np.ndarray], list[str]]:
    """Matrices (L, P) that turn line present values into per-partner quantities, any draws.

    ``shapley`` and ``owen`` (for the partition ``blocs``, by default by role): net position
    after that split (both closed forms are linear in the streams); ``benefit``: benefit
    received as counted; ``today``: today's contribution; ``alone``: v({i}), what a
    partner realises on its own. Monte Carlo gets the split of every draw from matrix
    products.
    """
    basis = BenefitBasis(basis)
    cg = case_game(
        result if result.n_draws == 1 else _first_draw(result), basis, participants, holders
    )
    players = cg.players
    present = set(players)
    index = {p: i for i, p in enumerate(players)}
    shape = (len(result.lines), len(players))
    W = {name: np.zeros(shape) for name in ("shapley", "owen", "benefit", "today", "alone")}
    bloc_of = cg.bloc_of(blocs)
    carriers = result.case.carriers()
    for line_index, parts in enumerate(_classify_lines(result, basis, cg.holders)):
        for kind, key, fraction in parts:
            if kind == "stream" and key[2] <= present:
                for p in key[2]:
                    W["shapley"][line_index, index[p]] += fraction / len(key[2])
                for p, part in bloc_split.stream_split(key[2], bloc_of).items():
                    W["owen"][line_index, index[p]] += fraction * part
                W["benefit"][line_index, index[key[1]]] += fraction
                if len(key[2]) == 1:
                    W["alone"][line_index, index[key[1]]] += fraction
            elif kind == "cost" and key[1] in index:
                for name in ("shapley", "owen", "alone"):
                    W[name][line_index, index[key[1]]] = 1.0
                W["today"][line_index, index[key[1]]] = -1.0
            elif kind == "transfer" and key[0] in index:
                W["today"][line_index, index[key[0]]] = -_present_part(carriers, key[1], present)
    return W, players


def net_after_draws(
    pv_lines: np.ndarray, weights: dict[str, np.ndarray], method: str
) -> np.ndarray:
    """(D, P) net position after the split for each draw; linear methods only."""
    benefit = pv_lines @ weights["benefit"]
    today = pv_lines @ weights["today"]
    if method in (SplitMethod.shapley, SplitMethod.owen):
        return pv_lines @ weights[method]
    if method == SplitMethod.as_is:
        return benefit - today
    total = (benefit - today).sum(axis=1, keepdims=True)  # v(N) = benefits − costs
    if method == SplitMethod.proportional_benefit:
        weight = np.maximum(benefit, 0.0)  # as fair_split: no share for a net loss
        total_weight = weight.sum(1, keepdims=True)
        share = weight / np.where(total_weight > 0, total_weight, 1)
        return benefit - today.sum(1, keepdims=True) * share
    if method == SplitMethod.equal_surplus:
        alone = np.maximum(pv_lines @ weights["alone"], 0.0)
        return alone + (total - alone.sum(1, keepdims=True)) / alone.shape[1]
    raise UserError(
        f"per-draw splits are available for {', '.join(PER_DRAW_METHODS)}, not {method!r}"
    )


def shapley_weights(
    result: Result,
    basis: BenefitBasis | str = BenefitBasis.financial,
    participants: list[str] | None = None,
    holders: dict[str, str] | None = None,
) -> tuple[np.ndarray, list[str]]:
    """(L, P) matrix W with Shapley net positions = line present values @ W."""
    weights, players = split_weights(result, basis, participants, holders)
    return weights["shapley"], players


def _first_draw(result: Result) -> Result:
    from dataclasses import replace

    return replace(
        result,
        nominal=result.nominal[:1],
        real=result.real[:1],
        pv_social=result.pv_social[:1],
        pv_financial=result.pv_financial[:1],
        social_discount_factor=result.social_discount_factor[:1],
    )


def _payer_is_external(result: Result, item: str) -> bool:
    return any(r.id == item and r.from_ == EXTERNAL for r in result.case.revenues)


def fair_split(
    cg: CaseGame,
    method: str,
    blocs: dict[str, str] | None = None,
    within: str = "shares",
) -> pd.Series:
    """Net position after the split (PV) per partner, for a named method.

    blocs (partner id → bloc id; None: by role) and within (``shares`` or ``game``) are
    read by the bloc methods only, ``owen`` and ``bloc_nucleolus`` (see :mod:`.bloc_split`).
    """
    game, players = cg.game, cg.players
    if method == SplitMethod.owen:
        return bloc_split.owen(game, cg.bloc_of(blocs)).reindex(players)
    if method == SplitMethod.bloc_nucleolus:
        return bloc_split.bloc_nucleolus(game, cg.bloc_of(blocs), cg.shares, within)
    total = cg.total_value
    if method == SplitMethod.as_is:
        return cg.benefit - cg.contribution_today
    if method in (SplitMethod.proportional_benefit, SplitMethod.proportional_cashable):
        received = cg.benefit if method == SplitMethod.proportional_benefit else cg.cashable_benefit
        weights = received.clip(lower=0.0)  # a partner left with a net loss takes no share
        if weights.sum() <= 0:
            raise UserError(
                f"{method}: no benefit to be proportional to (no partner gains); "
                "choose another method, such as shapley"
            )
        return cg.benefit - cg.cost_to_cover * weights / weights.sum()
    if method == SplitMethod.equal_surplus:
        alone = pd.Series({p: max(game.value([p]), 0.0) for p in players})
        return alone + (total - alone.sum()) / len(players)
    if method == SplitMethod.shapley:
        return game.shapley().reindex(players)
    if method in (SplitMethod.nucleolus, SplitMethod.prenucleolus):
        null = set(cg.null_players())
        active = [p for p in players if p not in null]
        out = pd.Series(0.0, index=pd.Index(players, name="player"))
        if active:
            out[active] = _nucleolus(cg, active, method)[active].to_numpy()
        return out
    raise UserError(f"unknown method {method!r}; allowed: {', '.join(METHODS)}")


MAX_ENUMERATED = 16
"""Up to this many the 2^n groups are enumerated; above, constraint generation
(:mod:`.nucleolus_large`) finds the same nucleolus and certifies it."""


def _nucleolus(cg: CaseGame, active: list[str], method: str) -> pd.Series:
    """The (pre-)nucleolus of the stay-out game among the active partners; the nucleolus
    falls back to the pre-nucleolus when no imputation exists (Σ v⁺(i) > v(N))."""
    # Constraint generation (HiGHS, scipy) is imported only when a split needs it, so that
    # a command that never splits starts without them (issue 17).
    from .nucleolus_large import MAX_PLAYERS, structured_nucleolus

    if len(active) > MAX_PLAYERS:
        raise UserError(
            f"the {method} is computed exactly for up to {MAX_PLAYERS} "
            f"partners; this coalition has {len(active)}: use shapley"
        )
    individually_rational = method == SplitMethod.nucleolus
    if len(active) <= MAX_ENUMERATED:
        tu = cg.stay_out_game(active)
        if individually_rational:
            try:
                return tu.nucleolus()
            except ValueError:
                pass
        return tu.prenucleolus()
    game = cg.game.restricted(active)
    try:
        found = structured_nucleolus(game, individually_rational)
    except ValueError:
        if not individually_rational:
            raise
        found = structured_nucleolus(game, False)
    if not found.certificate.certified:
        raise UserError(
            f"the {method} for {len(active)} partners could not be certified exactly "
            f"(largest deviation €{found.certificate.max_deviation:,.2f}): use shapley"
        )
    return found.x


def core_violation(cg: CaseGame, net_after: pd.Series) -> tuple[frozenset, float]:
    """The group that would do best by going its own way, and by how much (PV).

    A group may work on its own (value v(S)) or stay out altogether (value 0), so its
    claim is max(v(S), 0); the largest max(v(S), 0) − x(S) over proper groups is returned.
    """
    x = net_after.reindex(cg.players)
    if len(cg.players) == 1:
        return frozenset(), 0.0
    group, excess = cg.game.max_excess(x)
    negative = frozenset(p for p in cg.players if x[p] < 0)
    if negative and len(negative) < len(cg.players):
        walk_away = -float(x[list(negative)].sum())
        if walk_away > excess:
            return negative, walk_away
    return group, excess
