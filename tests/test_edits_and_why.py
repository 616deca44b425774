"""Editing a case as a user does, and the breakdown behind a figure."""

import pytest
from builders import ASSUMPTIONS

from businesscase import evaluate, load_case
from businesscase.engine.why import why
from businesscase.model.edits import (
    InvalidChange,
    apply_changes,
    check_value,
    parameter_table,
    parse_number,
)

CASE = ASSUMPTIONS / "meeting_space.yaml"


@pytest.mark.parametrize(
    "text,lang,expected",
    [
        ("2,25", "nl", 2.25),
        ("1.500", "nl", 1500.0),
        ("0.035", "nl", 0.035),
        ("-1.500", "nl", -1500.0),
        ("1.5", "nl", 1.5),
        ("1.234,5", "nl", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("1.500", "en", 1.5),
        ("40%", "nl", 0.4),
        ("€ 12.000", "nl", 12000.0),
        (7, "nl", 7.0),
    ],
)
def test_parse_number(text, lang, expected):
    assert parse_number(text, lang) == pytest.approx(expected)


def test_check_value_refuses_with_a_message_and_a_hint():
    case = load_case(CASE)
    with pytest.raises(InvalidChange) as err:
        check_value(case, "outcomes.less_loneliness.deadweight", "40")
    assert "fraction between 0 and 1" in err.value.message and "Write 0.4" in err.value.message
    with pytest.raises(InvalidChange, match="not a number"):
        check_value(case, "drivers.room_area", "abc")
    with pytest.raises(InvalidChange, match="no such parameter"):
        check_value(case, "drivers.nothing", "1")
    with pytest.raises(InvalidChange, match="whole number from 1 to 50"):
        check_value(case, "meta.horizon", "0")
    # Outside the documented range is allowed (a soft warning), inside the kind's limits.
    assert check_value(case, "drivers.room_area", "500") == 500.0


def test_apply_changes_leaves_the_base_untouched_and_flags_changes():
    base = load_case(CASE)
    changed = apply_changes(
        base,
        {"drivers.room_area": 80.0, "meta.horizon": 20},
        names={"gemeente": ("Gemeente Zwolle", "Municipality of Zwolle")},
        absent=["zorgaanbieder"],
    )
    assert base.drivers["room_area"].value == 60 and changed.drivers["room_area"].value == 80
    assert changed.meta.horizon == 20 and changed.partner("gemeente").name.nl == "Gemeente Zwolle"
    assert not changed.partner("zorgaanbieder").takes_part
    table = parameter_table(changed, base)
    assert table.loc[table.changed, "key"].tolist() == ["drivers.room_area"]
    assert {"unit", "source", "confidence", "low", "high", "estimate"} <= set(table.columns)


def test_why_lines_add_up_to_the_figure():
    r = evaluate(load_case(CASE))
    for metric in ("social_npv", "pv_benefits", "pv_costs"):
        frame = why(r, metric)
        sign = -1 if metric == "pv_costs" else 1
        assert sign * frame.value.sum() == pytest.approx(r.totals[metric], abs=0.01)
    host = why(r, "social_npv").set_index("item").loc["host"]
    # The host's hours and the shared welfare-staff chain behind its hourly price.
    assert "drivers.host_hours" in host.parameters
    assert "drivers.welfare_productive_hours_per_fte" in host.parameters
    assert "drivers.welfare_ikb_factor" in host.parameters
    corp = why(r, "financial_npv", partner="woningcorporatie")
    assert corp.value.sum() == pytest.approx(
        r.by_partner.loc["woningcorporatie", "financial_npv"], abs=0.01
    )
