"""Worked examples as data: every file in tests/examples/ is a small case with the figures
a hand computation gives, checked to the cent. An economist adds a check by adding a file;
tests/examples/README.md says how one is written."""

from __future__ import annotations

import ast
import math
import operator
import types
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from businesscase import evaluate
from businesscase.io.validate import case_from_data
from businesscase.model import Case, Parameter

EXAMPLES = Path(__file__).resolve().parent / "examples"
FILES = sorted(EXAMPLES.glob("*.yaml"))
CENT = 0.005


# -- the case: numbers written bare become parameters with a worked-example provenance ----
def _parameter(value: float, year: int) -> dict:
    return {
        "value": value,
        "unit": "worked example",
        "year": year,
        "estimate": True,
        "reasoning": "a figure of a worked example",
        "low": value,
        "high": value,
        "confidence": "low",
    }


def _model_of(annotation) -> type | None:
    """The pydantic model a field holds (through Optional, list and dict), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list, dict):
        for arg in typing.get_args(annotation):
            model = _model_of(arg)
            if model is not None:
                return model
    return None


def with_parameters(data, model: type[BaseModel], year: int):
    """data with every bare number in a parameter field written out as a parameter."""
    if isinstance(data, list):
        return [with_parameters(x, model, year) for x in data]
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in out:
            continue
        inner = _model_of(field.annotation)
        value = out[key]
        if inner is not None and issubclass(inner, Parameter):
            if isinstance(value, dict) and typing.get_origin(field.annotation) is dict:
                out[key] = {
                    k: _parameter(v, year) if _is_number(v) else v for k, v in value.items()
                }
            elif _is_number(value):
                out[key] = _parameter(value, year)
        elif inner is not None:
            if isinstance(value, dict) and typing.get_origin(field.annotation) is dict:
                out[key] = {k: with_parameters(v, inner, year) for k, v in value.items()}
            else:
                out[key] = with_parameters(value, inner, year)
    return out


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def example_case(data: dict) -> Case:
    case = data["case"]
    return case_from_data(with_parameters(case, Case, case["meta"]["price_year"]))


# -- the expected figures: a number or the arithmetic of a hand computation ---------------
_OPERATORS = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Pow: operator.pow,
    ast.USub: operator.neg,
    ast.UAdd: operator.pos,
}


def arithmetic(expression) -> float:
    """The value of a number or of an expression of numbers, + − × / ** and brackets."""
    if _is_number(expression):
        return float(expression)

    def value(node):
        if isinstance(node, ast.Constant) and _is_number(node.value):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](value(node.left), value(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in _OPERATORS:
            return _OPERATORS[type(node.op)](value(node.operand))
        raise ValueError(
            f"not arithmetic: {ast.unparse(node)!r} (numbers, + - * / ** and brackets only)"
        )

    return float(value(ast.parse(str(expression), mode="eval").body))


def figure(result, address: str, where: dict | None) -> float:
    """totals.<metric>, partners.<partner>.<metric> or ledger.<column> summed over the rows
    that match ``where`` (item, category, partner, component, t)."""
    kind, _, rest = address.partition(".")
    if kind == "totals":
        return float(result.totals[rest])
    if kind == "partners":
        partner, _, metric = rest.partition(".")
        return float(result.by_partner.loc[partner, metric])
    if kind == "ledger":
        rows = result.ledger
        for column, wanted in (where or {}).items():
            rows = rows[rows[column] == wanted]
        if rows.empty:
            raise KeyError(f"no ledger row where {where}")
        return float(rows[rest].sum())
    raise KeyError(
        f"{address}: a figure is totals.<metric>, partners.<partner>.<metric> or ledger.<column>"
    )


def check_example(path: Path) -> list[str]:
    """What is wrong with one example: a message per figure that does not match."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("title", "source", "case", "expected"):
        if key not in data:
            return [f"{path.name}: missing '{key}'"]
    result = evaluate(example_case(data))
    failures = []
    for i, item in enumerate(data["expected"]):
        address = item["figure"]
        where = item.get("where")
        label = f"{address}" + (f" where {where}" if where else "")
        expected = arithmetic(item["value"])
        actual = figure(result, address, where)
        if "rel" in item:
            ok = math.isclose(actual, expected, rel_tol=float(item["rel"]), abs_tol=0.0)
            allowed = f"relative {item['rel']}"
        else:
            tolerance = float(item.get("abs", CENT))
            ok = abs(actual - expected) <= tolerance
            allowed = f"± {tolerance:g}"
        if not ok:
            failures.append(
                f"{path.name}: expected[{i}] {label}: expected {expected!r} "
                f"({item['value']}), got {actual!r} ({allowed})"
            )
    return failures


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_worked_example(path):
    failures = check_example(path)
    assert not failures, "\n".join(failures)


# -- the runner itself -------------------------------------------------------------------
def test_there_are_worked_examples():
    assert len(FILES) >= 5


def test_a_wrong_expected_figure_fails_and_names_the_file_and_the_figure(tmp_path):
    source = EXAMPLES / "hand_worked_case.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    index = next(
        i for i, item in enumerate(data["expected"]) if item["figure"] == "totals.social_npv"
    )
    data["expected"][index]["value"] = f"({data['expected'][index]['value']}) + 0.01"
    tampered = tmp_path / "tampered.yaml"
    tampered.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert check_example(source) == []
    failures = check_example(tampered)
    assert len(failures) == 1
    assert failures[0].startswith(f"tampered.yaml: expected[{index}] totals.social_npv: ")


def test_a_wrong_ledger_figure_and_a_wrong_ratio_fail_too(tmp_path):
    data = yaml.safe_load((EXAMPLES / "public_value_crate_end_of_year.yaml").read_text())
    for item in data["expected"]:
        item["value"] = f"({item['value']}) * (1 + 1e-9)"  # within a cent, not within rel
    path = tmp_path / "ratio.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert any("totals.sroi_ratio" in f for f in check_example(path))
    data = yaml.safe_load((EXAMPLES / "short_lifetime_replacement.yaml").read_text())
    ledger = next(item for item in data["expected"] if item["figure"] == "ledger.real")
    ledger["value"] = f"({ledger['value']}) - 0.01"
    path = tmp_path / "ledger.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert [f for f in check_example(path) if "ledger.real where" in f]


def test_bare_numbers_become_parameters_only_in_parameter_fields():
    data = {
        "meta": {"horizon": 3, "start_year": 2025},
        "drivers": {"residents": 50},
        "costs": [{"id": "x", "amount": 10.0, "lifetime": 5, "quantity": ["residents"]}],
    }
    out = with_parameters(data, Case, 2024)
    assert out["meta"] == {"horizon": 3, "start_year": 2025}
    assert out["drivers"]["residents"]["value"] == 50
    assert out["costs"][0]["amount"]["value"] == 10.0
    assert out["costs"][0]["lifetime"]["year"] == 2024
    assert out["costs"][0]["quantity"] == ["residents"]


def test_an_expected_figure_is_arithmetic_and_nothing_else():
    assert arithmetic("10_000 - 4_000 / 1.0225 ** 3") == pytest.approx(6_258.29, abs=0.01)
    assert arithmetic(-2.5) == -2.5
    with pytest.raises(ValueError, match="not arithmetic"):
        arithmetic("__import__('os').getcwd()")
