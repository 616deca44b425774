"""The one text catalogue: every key in both languages, every key the code asks for known,
no language switch outside businesscase/text, and the one rule for formatting a metric."""

import ast
import math
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from businesscase.allocation import METHODS, BenefitBasis
from businesscase.engine.result import IRR_NOTES
from businesscase.model import FLOW_TYPES, Discounting
from businesscase.scenarios.database import FAULT_KINDS
from businesscase.text import TEXTS, MetricKind, format_metric, metric_kind, t, total_label

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    p for folder in ("businesscase", "dashboards") for p in (ROOT / folder).rglob("*.py")
)

# the ways a language switch was written inline before the catalogue held every text
SWITCH = re.compile(r"""[=!]=\s*["']en["']|["']en["']\s+if\b|\b_t\(""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_key_has_dutch_and_english_with_the_same_fields(key):
    entry = TEXTS[key]
    assert set(entry) == {"nl", "en"}, key
    assert entry["nl"].strip() and entry["en"].strip(), key
    assert _fields(entry["nl"]) == _fields(entry["en"]), key


def _literal_keys():
    """(file, line, key) of every text key the code names literally."""
    catalogue_of = {
        "t": "{}",
        "total_label": "{}",
        "flow_label": "flow_{}",
        "method_name": "method_{}",
        "method_description": "method_{}_about",
    }
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in catalogue_of
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                key = catalogue_of[node.func.id].format(node.args[0].value)
                yield _relative(path), node.lineno, node.func.id, key


def test_every_key_named_in_the_code_is_in_the_catalogue():
    found = list(_literal_keys())
    assert len(found) > 150  # the scan sees the calls (it would pass vacuously otherwise)
    missing = [
        (f, line, key)
        for f, line, name, key in found
        if key not in TEXTS and not (name == "total_label" and f"total_{key}" in TEXTS)
    ]
    assert not missing


def test_every_key_built_from_a_domain_value_is_in_the_catalogue():
    keys = (
        [f"method_{m}" for m in (*METHODS, "proposal")]
        + [f"method_{m}_about" for m in (*METHODS, "proposal")]
        + [f"flow_{f}" for f in FLOW_TYPES]
        + [f"irr_{n}" for n in IRR_NOTES]
        + [f"basis_{b.value}" for b in BenefitBasis]
        + [d.value for d in Discounting]
        + [f"store_{k}" for k in FAULT_KINDS]
    )
    assert [k for k in keys if k not in TEXTS] == []


def test_no_language_switch_outside_the_catalogue():
    switches = [
        f"{_relative(p)}:{n}: {line.strip()}"
        for p in SOURCES
        if not _relative(p).startswith("businesscase/text/")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
        if SWITCH.search(line)
    ]
    assert switches == []


def test_the_switch_pattern_finds_each_way_it_was_written():
    for line in (
        'x = en if lang == "en" else nl',
        "if lang != 'en':",
        'word = "en" if en else "nl"',
        '_t("Opgeslagen", "Saved", lang)',
    ):
        assert SWITCH.search(line), line
    for line in ('t("saved", lang)', "TEXTS[key][language(lang)]", '{"nl": "ja", "en": "yes"}'):
        assert not SWITCH.search(line), line


def test_the_allocation_carries_numbers_and_its_words_are_rendered_elsewhere():
    tree = ast.parse((ROOT / "businesscase/allocation/split.py").read_text(encoding="utf-8"))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {"explain", "businesscase.text"} & imported


# -- format_metric -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, value, nl, en",
    [
        ("sroi_ratio", 1.234, "1,23", "1.23"),
        ("benefit_cost_ratio", 12_345.678, "12.345,68", "12,345.68"),
        ("value_per_municipal_euro", -0.5, "-0,50", "-0.50"),
        ("payback_year", 2031.0, "2031", "2031"),
        ("payback_year", math.nan, "niet binnen de looptijd", "not within the horizon"),
        ("social_npv", -1_234_567.4, "-€ 1.234.567", "-€1,234,567"),
        ("net_position.gemeente", 1_499.6, "€ 1.500", "€1,500"),
        ("irr", 0.0512, "5,1%", "5.1%"),
        ("p_positive", 0.853, "85%", "85%"),
        ("sroi_ratio", math.nan, "–", "–"),
        ("pv_costs", None, "–", "–"),
    ],
)
def test_format_metric_by_hand(key, value, nl, en):
    assert format_metric(key, value, "nl") == nl
    assert format_metric(key, value, "en") == en


def test_an_undefined_irr_says_why():
    assert format_metric("irr", math.nan, "nl", note="no_root") == "niet gedefinieerd"
    assert (
        format_metric("irr", math.nan, "en", note="no_sign_change")
        == "no change of sign (only pays)"
    )


def test_which_metric_is_which_kind():
    assert metric_kind("sroi_ratio") is MetricKind.ratio
    assert metric_kind("payback_year") is MetricKind.year
    assert metric_kind("irr") is MetricKind.rate
    assert metric_kind("net_position.woningcorporatie") is MetricKind.euros
    assert metric_kind("social_npv") is MetricKind.euros


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_a_ratio_reads_the_same_in_both_languages_with_the_separators_swapped(x):
    swap = str.maketrans({",": ".", ".": ","})
    assert format_metric("sroi_ratio", x, "en").translate(swap) == format_metric(
        "sroi_ratio", x, "nl"
    )


def test_labels_of_totals_and_texts_with_fields():
    assert total_label("pv_costs", "en") == "Present value of costs (transfers excluded)"
    assert total_label("social_npv", "nl") == "MKBA-saldo (t.o.v. nulalternatief)"
    assert (
        t("transfer_sentence", "nl", payer="A", receiver="B", amount="€ 5")
        == "A betaalt B € 5 per jaar"
    )
    assert (
        t("transfer_sentence", "fr", payer="A", receiver="B", amount="€ 5")
        == "A betaalt B € 5 per jaar"
    )
