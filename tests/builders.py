"""Shared helpers: small cases built in code, with honest 'test' provenance."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSUMPTIONS = ROOT / "assumptions"


def p(value, low=None, high=None, unit="test unit"):
    """A parameter for tests: an estimate whose reasoning says it is a test figure."""
    return {
        "value": value,
        "unit": unit,
        "year": 2024,
        "estimate": True,
        "reasoning": "figure made up for a test",
        "low": value if low is None else low,
        "high": value if high is None else high,
        "confidence": "low",
    }


def label(text):
    return {"nl": text, "en": text}


def economics(
    rate=0.0225,
    convention="end_of_year",
    inflation=0.0,
    prices=0.0,
    wages=0.0,
    rents=0.0,
    care=0.0,
    financial=0.05,
):
    return {
        "social_discount_rate": p(rate),
        "financial_discount_rate": p(financial),
        "inflation": p(inflation),
        "real_indexation": {
            "wages": p(wages),
            "prices": p(prices),
            "rents": p(rents),
            "care_tariffs": p(care),
        },
        "discounting": convention,
    }


def partner(pid, ptype="other", **extra):
    return {"id": pid, "name": label(pid), "type": ptype, **extra}


def base_case(horizon=3, price_year=2025, start_year=2025, **econ):
    return {
        "meta": {
            "name": "test",
            "formulas": ["meeting_space"],
            "price_year": price_year,
            "start_year": start_year,
            "horizon": horizon,
            "zero_alternative": label("nothing changes"),
        },
        "economics": economics(**econ),
        "partners": [partner("woco", "corporation"), partner("gem", "municipality")],
        "drivers": {},
        "costs": [],
        "revenues": [],
        "outcomes": [],
    }


def outcome(
    oid,
    pocket,
    quantity,
    proxy,
    *,
    deadweight=0.0,
    attribution=0.0,
    displacement=0.0,
    drop_off=0.0,
    ramp_up=0,
    first_year=1,
    duration=50,
    flow_type="societal_value",
    indexation="prices",
    effect="fading",
    **extra,
):
    return {
        "id": oid,
        "label": label(oid),
        "effect": effect,
        "pocket": pocket,
        "flow_type": flow_type,
        "quantity": quantity,
        "proxy": p(proxy),
        "indexation": indexation,
        "deadweight": p(deadweight),
        "attribution": p(attribution),
        "displacement": p(displacement),
        "drop_off": p(drop_off),
        "ramp_up_years": p(ramp_up),
        "first_year": p(first_year),
        "duration": p(duration),
        **extra,
    }


def cost(cid, payer, amount, kind="operating", lifetime=None, quantity=(), **extra):
    out = {
        "id": cid,
        "label": label(cid),
        "kind": kind,
        "payer": payer,
        "amount": p(amount),
        "quantity": list(quantity),
        **extra,
    }
    if lifetime is not None:
        out["lifetime"] = p(lifetime)
    return out


# Roles of the default case (assumptions/meeting_space.yaml) and how many partners are
# added to each: 7 + 28 = 35 partners. Care providers and the ten without a role have no
# ledger line: they show how a large partnership with passive members looks.
PARTNERS35 = (
    ("woningcorporatie", 2, "corporation"),
    ("gemeente", 2, "municipality"),
    ("zorgverzekeraar", 1, "health_insurer"),
    ("zorgkantoor", 1, "care_office"),
    ("zorgaanbieder", 5, "care_provider"),
    ("welzijnsorganisatie", 3, "welfare_organisation"),
    ("bewoners", 4, "residents"),
    (None, 10, "other"),
)


def partners35() -> list[dict]:
    """The 28 partners that make the default case a 35-partner one, as the dashboard's
    ``added`` entries: each role's newcomers get shares 0.5, 0.75, 1.0, ... (the role's
    original partner has share 1)."""
    out = []
    for role, n, ptype in PARTNERS35:
        for i in range(n):
            pid = f"{role or 'partner'}_{i + 2}"
            name = pid.replace("_", " ").capitalize()
            entry = {"id": pid, "name": label(name), "type": ptype, "share": 0.5 + 0.25 * i}
            if role:
                entry["role"] = role
            out.append(entry)
    return out
