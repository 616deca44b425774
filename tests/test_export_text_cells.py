"""No formula comes from user text: every text the workbook export writes is a string
cell, whatever it starts with, and a re-import gives the case back unchanged."""

import io
import math
import re
import string

import pytest
import yaml
from builders import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from businesscase import evaluate, load_case
from businesscase.allocation import allocate
from businesscase.export import workbook_bytes
from businesscase.export.cells import Formula, put_row, put_text_row
from businesscase.io.case_yaml import case_to_yaml
from businesscase.io.validate import case_from_data
from businesscase.io.workbook import case_from_workbook
from businesscase.text import LANGUAGES, format_metric, t

LANGS = tuple(LANGUAGES)

VALID = ROOT / "tests" / "bad_inputs" / "valid_case.yaml"
ATTACKS = [
    '=HYPERLINK("http://x","y")',
    "=cmd|' /C calc'!A0",
    "=1+1",
    "=",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\r\n=1",
    "#N/A",
    "#DIV/0!",
    "#REF!",
    "_x0041_",
    "'=1",
    '=HYPERLINK("javascript:alert(1)")',
    "=\u00a0SUM(1)",
    "\x01=x",
    "\u2028=x",
]
PREFIXES = ["", "=", "+", "-", "@", "\t", "\r", "\n", " ", "#", "'", '"']
# any unicode except surrogates, control characters included (YAML escapes them)
texts = st.one_of(
    st.sampled_from(ATTACKS),
    st.builds(str.__add__, st.sampled_from(PREFIXES), st.text(max_size=30)),
    st.builds(str.__add__, st.sampled_from(ATTACKS), st.text(string.printable, max_size=10)),
).filter(lambda t: t.strip())  # names, labels and reasoning must say something


def shown(text: str) -> str:
    """What a visible cell reads back as: XML turns CR and CRLF into LF, and XML 1.0 cannot
    hold most control characters (shown as U+FFFD)."""
    text = re.sub(r"\r\n?", "\n", text)
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "\ufffd", text)


def base_data() -> dict:
    return yaml.safe_load(case_to_yaml(load_case(VALID)))


def inject(data: dict, draw) -> tuple[str, list[str]]:
    """Random texts in every place a user writes text; returns the language to export in
    and the texts its cells show."""
    visible = []

    def text():
        t = draw(texts)
        visible.append(t)
        return t

    data["meta"]["name"] = text()
    data["meta"]["description"] = draw(texts)
    data["meta"]["zero_alternative"] = {"nl": draw(texts), "en": draw(texts)}
    lang = draw(st.sampled_from(["nl", "en"]))
    taken: dict[str, set] = {"nl": set(), "en": set()}
    for partner in data["partners"]:
        # every partner needs a name of its own (the case refuses duplicates)
        names = {
            lang_: draw(
                texts.filter(
                    lambda t, lang_=lang_: " ".join(t.split()).casefold() not in taken[lang_]
                )
            )
            for lang_ in ("nl", "en")
        }
        for lang_ in names:
            taken[lang_].add(" ".join(names[lang_].split()).casefold())
        partner["name"] = names
        visible.append(names[lang])
    for item in data["costs"] + data["outcomes"]:
        labels = {"nl": draw(texts), "en": draw(texts)}
        item["label"] = labels
        visible.append(labels[lang])

    def parameters(node):
        if isinstance(node, dict):
            if "value" in node and "unit" in node:
                node["unit"] = text()
                node["reasoning" if node.get("estimate") else "source"] = text()
            else:
                for v in node.values():
                    parameters(v)
        elif isinstance(node, list):
            for v in node:
                parameters(v)

    parameters({k: v for k, v in data.items() if k != "meta"})
    return lang, visible


FORMULA_SHEETS = {t(k, lang) for k in ("sheet_calculation", "sheet_results") for lang in LANGS}
LITERAL = re.compile(r'"(?:[^"]|"")*"')
# what the living workbook's own formulas are made of: names, references, numbers, operators
GRAMMAR = re.compile(r"^=[A-Za-z0-9_.$:+\-*/^(),<>=' !]*$")
ALLOWED_LITERALS = {"benefit", "cost", "revenue"} | {
    format_metric(k, math.nan, lang) for k in ("payback_year", "sroi_ratio") for lang in LANGS
}


def exporter_formula(cell) -> bool:
    """A formula the exporter wrote: on the calculation or results sheet, made of names,
    references and operators only, with no string in it but the exporter's own."""
    text = cell.value
    literals = {m[1:-1].replace('""', '"') for m in LITERAL.findall(text)}
    return (
        cell.parent.title in FORMULA_SHEETS
        and literals <= ALLOWED_LITERALS
        and GRAMMAR.match(LITERAL.sub("", text)) is not None
    )


def all_cells(data: bytes):
    wb = load_workbook(io.BytesIO(data))
    return [cell for ws in wb.worksheets for row in ws.iter_rows() for cell in row]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_user_text_is_never_a_formula_and_comes_back_unchanged(data):
    case_data = base_data()
    lang, visible = inject(case_data, data.draw)
    case = case_from_data(case_data)
    result = evaluate(case)
    exported = workbook_bytes(result, allocate(result), lang=lang)
    cells = all_cells(exported)
    # no error values; the only formulas are the living workbook's own
    assert not [c.coordinate for c in cells if c.data_type == "e"]
    assert not [c.coordinate for c in cells if c.data_type == "f" and not exporter_formula(c)]
    texts = [c for c in cells if isinstance(c.value, str) and c.data_type != "f"]
    assert all(c.data_type == "s" for c in texts)
    values = {c.value for c in texts}
    missing = [t for t in visible if shown(t) not in values]
    assert not missing, missing
    assert case_from_workbook(io.BytesIO(exported)) == case  # every text, unchanged


@pytest.mark.parametrize("attack", ATTACKS)
def test_each_attack_as_case_and_partner_name(attack):
    """The issue's payloads where they were found: case name (summary), partner name
    (per-partner sheet, split explanation), item label and source (assumptions)."""
    data = base_data()
    data["meta"]["name"] = attack
    data["partners"][0]["name"] = {"nl": attack, "en": attack}
    data["costs"][0]["label"] = {"nl": attack, "en": attack}
    data["costs"][0]["amount"]["unit"] = attack
    data["costs"][0]["amount"]["reasoning"] = attack
    case = case_from_data(data)
    result = evaluate(case)
    exported = workbook_bytes(result, allocate(result))
    cells = all_cells(exported)
    mine = [
        c
        for c in cells
        if isinstance(c.value, str) and c.data_type != "f" and shown(attack) in c.value
    ]
    assert len(mine) >= 5
    assert all(exporter_formula(c) for c in cells if c.data_type == "f")
    assert {c.data_type for c in mine} == {"s"}
    assert case_from_workbook(exported) == case


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(texts, st.text(), st.integers(-(2**53), 2**53), st.floats(-1e15, 1e15)),
        max_size=6,
    )
)
def test_put_row_writes_every_text_as_text(values):
    wb = Workbook()
    ws = wb.active
    row = put_row(ws, values)
    buffer = io.BytesIO()
    wb.save(buffer)
    back = load_workbook(buffer).active
    for column, value in enumerate(values, start=1):
        cell = back.cell(row=row, column=column)
        if value == "":  # openpyxl writes an empty text as an empty cell
            assert cell.value is None and cell.data_type != "f"
        elif isinstance(value, str):
            assert cell.data_type == "s" and cell.value == shown(value)
        else:
            assert cell.value == pytest.approx(value, rel=1e-15) and cell.data_type == "n"


@settings(max_examples=30, deadline=None)
@given(
    st.builds(
        lambda t, n: t * (n // len(t) + 1),
        st.text(st.characters(blacklist_categories=["Cs", "Cc"]), min_size=1, max_size=40),
        st.integers(30_000, 80_000),
    )
    | st.text(max_size=50).filter(lambda t: not re.search(r"[\x00-\x08\x0b-\x1f]", t))
)
@example("x" * 40_000)
def test_a_text_row_keeps_any_length(text):
    """The hidden case sheet: a line longer than a cell holds is spread over cells."""
    wb = Workbook()
    ws = wb.active
    put_text_row(ws, text)
    buffer = io.BytesIO()
    wb.save(buffer)
    row = next(load_workbook(buffer, read_only=True).active.iter_rows(values_only=True))
    assert "".join(v or "" for v in row) == re.sub(r"\r\n?", "\n", text)


def test_a_long_text_is_cut_in_a_visible_cell_and_kept_in_the_case():
    data = base_data()
    data["meta"]["name"] = "Lange naam " + "x" * 40_000
    case = case_from_data(data)
    exported = workbook_bytes(evaluate(case))
    summary = load_workbook(io.BytesIO(exported))["Samenvatting"]
    assert summary["B1"].value == case.meta.name[:32_766] + "…"
    assert case_from_workbook(exported) == case


def test_the_exporters_own_formula_stays_a_formula():
    """Only a Formula is written as one (the export has none today; this is the way in)."""
    wb = Workbook()
    ws = wb.active
    put_row(ws, [2, 3, Formula("=SUM(A1:B1)"), "=SUM(A1:B1)"])
    buffer = io.BytesIO()
    wb.save(buffer)
    back = load_workbook(buffer).active
    assert (back["C1"].data_type, back["C1"].value) == ("f", "=SUM(A1:B1)")
    assert (back["D1"].data_type, back["D1"].value) == ("s", "=SUM(A1:B1)")
