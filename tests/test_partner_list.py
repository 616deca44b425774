"""The bulk partner list: pasted text, CSV and Excel; every problem names its line and field."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from businesscase.io import PartnerRow, parse_partner_file, parse_partner_text, partner_text
from businesscase.model import LoadError, PartnerType

ROLES = ("woningcorporatie", "gemeente", "zorgkantoor")


def problems(exc: LoadError) -> list[tuple[int | None, str]]:
    return [(p.line, p.field) for p in exc.problems]


def test_excel_paste_with_tabs_and_dutch_decimal():
    text = "Woonstad\twoningcorporatie\t0,5\nGemeente Oost\tgemeente\t30%\nBuurtclub\t\t\n"
    rows = parse_partner_text(text, ROLES)
    assert rows == [
        PartnerRow("Woonstad", "woningcorporatie", 0.5),
        PartnerRow("Gemeente Oost", "gemeente", 0.3),
        PartnerRow("Buurtclub", "", 1.0),
    ]


def test_semicolons_header_in_dutch_and_type_column():
    text = "Naam;Soort;Rol;Aandeel\nZorg BV;care_provider;ZorgKantoor;2\n\n"
    assert parse_partner_text(text, ROLES) == [
        PartnerRow("Zorg BV", "zorgkantoor", 2.0, "care_provider")
    ]


def test_commas_with_quoted_name():
    text = '"Smit, Jansen & Co",gemeente,1.5\n'
    assert parse_partner_text(text, ROLES) == [PartnerRow("Smit, Jansen & Co", "gemeente", 1.5)]


def test_errors_name_line_and_field_and_what_is_allowed():
    text = (
        "A,gemeente,1\n\nB,bank,1\nC,gemeente,-2\n,gemeente,1\na,gemeente,x\nD,gemeente,1,robot\n"
    )
    with pytest.raises(LoadError) as err:
        parse_partner_text(text, ROLES, source="lijst")
    assert problems(err.value) == [
        (3, "role"),
        (4, "share"),
        (5, "name"),
        (6, "name"),  # 'a' is 'A' again
        (6, "share"),
        (7, "type"),
    ]
    message = str(err.value)
    assert "lijst:3: role: unknown role 'bank': allowed are gemeente, woningcorporatie" in message
    assert "lijst:4: share: '-2' is not allowed: a number ≥ 0" in message
    assert "allowed are corporation, municipality" in message


def test_names_taken_by_existing_partners_and_too_many_fields():
    with pytest.raises(LoadError) as err:
        parse_partner_text(
            "gemeente  oost;gemeente\nX;gemeente;1;other;extra", ROLES, ["Gemeente Oost"]
        )
    assert problems(err.value) == [(1, "name"), (2, "")]
    assert "an existing partner" in str(err.value)


def test_bounded():
    with pytest.raises(LoadError, match="too many partners: at most 200"):
        parse_partner_text("\n".join(f"P{i}" for i in range(201)), ROLES)
    with pytest.raises(LoadError, match="too long"):
        parse_partner_text("x" * 300_000, ROLES)


def test_csv_and_excel_files():
    assert parse_partner_file("naam;rol\nA;gemeente\n".encode("utf-8-sig"), "p.csv", ROLES) == [
        PartnerRow("A", "gemeente")
    ]
    wb = Workbook()
    ws = wb.active
    ws.append(["name", "role", "share", "type"])
    ws.append(["Corp Één", "woningcorporatie", 0.25, "corporation"])
    ws.append([None, None, None, None])
    ws.append(["Bewonersgroep", None, 3, None])
    ws.append(["Fout", "gemeente", "veel", None])
    buffer = io.BytesIO()
    wb.save(buffer)
    with pytest.raises(LoadError) as err:
        parse_partner_file(buffer.getvalue(), "lijst.xlsx", ROLES)
    assert problems(err.value) == [(5, "share")]
    assert str(err.value.problems[0]).startswith("lijst.xlsx:5: share:")
    ws.delete_rows(5)
    buffer = io.BytesIO()
    wb.save(buffer)
    assert parse_partner_file(buffer.getvalue(), "lijst.xlsx", ROLES) == [
        PartnerRow("Corp Één", "woningcorporatie", 0.25, "corporation"),
        PartnerRow("Bewonersgroep", "", 3.0),
    ]
    with pytest.raises(LoadError, match=r"allowed are \.csv, \.txt, \.xlsx"):
        parse_partner_file(b"x", "p.pdf", ROLES)
    with pytest.raises(LoadError, match=r"not a readable|damaged|zip"):
        parse_partner_file(b"PK\x03\x04 no zip", "p.xlsx", ROLES)


# Names as people write them: letters of any script, digits, the separators and quotes.
name_chars = st.characters(
    categories=("L", "N", "P", "S", "Zs"), include_characters="\t;,\"'", exclude_characters="\x85"
)
names = st.text(name_chars, min_size=1, max_size=40).map(lambda s: " ".join(s.split())).filter(bool)
rows = st.lists(
    st.builds(
        PartnerRow,
        name=names,
        role=st.sampled_from(("",) + ROLES),
        share=st.floats(0, 1e6, allow_nan=False) | st.sampled_from([0.0, 0.5, 1.125, 1.5e-5]),
        type=st.sampled_from([t.value for t in PartnerType]),
    ),
    max_size=30,
    unique_by=lambda r: r.name.casefold(),
)


@settings(max_examples=150, deadline=None)
@given(rows, st.sampled_from(["\t", ";", ","]))
def test_round_trip(partners, sep):
    # A row is a header only when every cell is a header word: a share and a type never are.
    assert parse_partner_text(partner_text(partners, sep), ROLES) == partners


@settings(max_examples=100, deadline=None)
@given(st.lists(names, min_size=1, max_size=10, unique_by=str.casefold), st.data())
def test_a_bad_share_is_reported_on_its_own_line(partner_names, data):
    bad = data.draw(st.integers(0, len(partner_names) - 1))
    lines = [
        partner_text([PartnerRow(n, "gemeente", -1.0 if i == bad else 1.0)], "\t")
        for i, n in enumerate(partner_names)
    ]
    with pytest.raises(LoadError) as err:
        parse_partner_text("".join(lines), ROLES)
    assert problems(err.value) == [(bad + 1, "share")]
