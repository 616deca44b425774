"""The formula of each ledger line on the calculation sheet, in the order and with the
arithmetic of :mod:`businesscase.engine.lines`: costs, revenues (a transfer on both sides),
outcomes (one line per gross component) and the overlap corrections. ``{c}`` in a
formula stands for the year's column; :meth:`.Calculation.line` spreads a line over the
partners of its role."""

from __future__ import annotations

from businesscase.model import CostKind, Direction, FlowType, Residual, RevenueTiming

from .workbook_formulas import ROW_T, Calculation, LedgerRow

__all__ = ["build", "cost_rows", "outcome_rows", "overlap_rows", "revenue_rows"]


def build(calc: Calculation) -> Calculation:
    """Every row of the calculation sheet: the helpers, then the ledger lines."""
    calc.helpers()
    cost_rows(calc)
    revenue_rows(calc)
    outcome_rows(calc)
    overlap_rows(calc)
    return calc


def cost_rows(calc: Calculation) -> None:
    T = calc.horizon
    for cost in calc.case.costs:
        prefix = f"costs.{cost.id}"
        amount = (
            calc.driver(cost.amount_driver) if cost.amount_driver else calc.name(f"{prefix}.amount")
        )
        base = calc.product(amount, cost.quantity)
        idx = calc.index(cost.indexation)
        label = cost.label(calc.lang)
        args = (cost.id, label, cost.payer, "cost", cost.flow_type.value)
        if cost.kind is CostKind.operating:
            calc.line(
                f"item.{cost.id}",
                "operating",
                *args,
                f"-{base}*({{c}}${ROW_T}>=1)*{{c}}{idx}",
            )
            continue
        life = calc.name(f"{prefix}.lifetime")
        calc.line(
            f"item.{cost.id}",
            "investment",
            *args,
            f"-{base}*({{c}}${ROW_T}=0)*{{c}}{idx}",
        )
        calc.line(
            f"item.{cost.id}",
            "replacement",
            *args,
            f"-{base}*AND({{c}}${ROW_T}>0,{{c}}${ROW_T}<{T},"
            f"MOD({{c}}${ROW_T},{life})=0)*{{c}}{idx}",
        )
        if cost.residual is Residual.linear:
            calc.line(
                f"item.{cost.id}",
                "residual_value",
                *args,
                f"{base}*(1-({T}-{life}*INT(({T}-1)/{life}))/{life})"
                f"*({{c}}${ROW_T}={T})*{{c}}{idx}",
            )


def revenue_rows(calc: Calculation) -> None:
    for rev in calc.case.revenues:
        base = calc.product(calc.name(f"revenues.{rev.id}.amount"), rev.quantity)
        idx = calc.index(rev.indexation)
        one_off = rev.timing is RevenueTiming.one_off

        profile = f"({{c}}${ROW_T}=0)" if one_off else f"({{c}}${ROW_T}>=1)"
        received = f"{base}*{profile}*{{c}}{idx}"

        label = rev.label(calc.lang)
        cash = FlowType.cash.value
        calc.line(f"rev.{rev.id}", "revenue", rev.id, label, rev.to, "benefit", cash, received)
        calc.line(
            f"rev.{rev.id}",
            "revenue",
            rev.id,
            label,
            rev.from_,
            "cost",
            cash,
            f"-({received})",
        )


def outcome_rows(calc: Calculation) -> None:
    for o in calc.case.outcomes:
        prefix = f"outcomes.{o.id}"
        impact = "*".join(
            f"(1-{calc.name(f'{prefix}.{f}')})"
            for f in ("deadweight", "attribution", "displacement")
        )
        quantity = calc.product("1", o.quantity)
        for key_prefix, comp in o.gross_lines():
            proxy = (
                calc.driver(comp.proxy_driver)
                if comp.proxy_driver
                else calc.name(f"{key_prefix}.proxy")
            )
            is_cost = comp.direction is Direction.cost
            label = (comp.label or o.label)(calc.lang)
            profile = calc.at[f"profile.{o.id}"]
            idx = calc.index(comp.indexation)

            body = f"{quantity}*{impact}*{{c}}${profile}*{proxy}*{{c}}{idx}"
            expr = f"-{body}" if is_cost else body

            role = "cost" if is_cost else "benefit"
            calc.line(
                f"out_{role}.{o.id}",
                "outcome",
                o.id,
                label,
                comp.pocket,
                role,
                FlowType(comp.flow_type).value,
                expr,
            )


def overlap_rows(calc: Calculation) -> None:
    for group, members in calc.groups().items():
        scale = calc.at[f"scale.{group}"]
        for member in members:
            gross = sorted(calc.at_all(f"out_benefit.{member}") + calc.at_all(f"out_cost.{member}"))
            for r in gross:
                src = calc.rows[r - 2]
                head = [calc.words("category_overlap_correction"), *src.head[1:]]
                head[6] = "overlap_correction"

                cells = f"-{{c}}{r}*(1-{{c}}${scale})"
                calc.add(LedgerRow(head, cells, ledger=True, pv=True))
