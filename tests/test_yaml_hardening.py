"""YAML that is odd, hostile or broken ends in a located LoadError, never in another
exception, a crash of the process or a silently ignored tag."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from builders import ROOT
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from businesscase.io.loader import load_upload
from businesscase.io.yaml_source import MAX_DEPTH
from businesscase.model.problems import LoadError

VALID = (Path(__file__).resolve().parent / "bad_inputs" / "valid_case.yaml").read_text()
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(data: bytes):
    """Load an upload; only a Case or a LoadError naming the upload may come out."""
    try:
        return load_upload(data, "case.yaml")
    except LoadError as exc:
        assert all(p.file == "case.yaml" or p.file.startswith("shared/") for p in exc.problems), exc
        return exc


@SETTINGS
@given(st.binary(max_size=3000))
@example(b"\x00")
@example(b"a: 2025-13-45")
@example(b"a: " + b"9" * 5000)
@example(b"? [a, b]\n: c")
@example(b"a: &x [*x]")
def test_random_bytes_give_a_case_or_a_load_error(data):
    outcome(data)


FRAGMENTS = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        "- ",
        "a: ",
        "? ",
        ": ",
        ", ",
        "\n",
        "  ",
        "&a ",
        "*a",
        "&b ",
        "*b",
        "<<: ",
        "!!str ",
        "!!map ",
        "!!seq ",
        "!foo ",
        "!!python/object:os.system ",
        "! ",
        "'",
        '"',
        "#",
        "---\n",
        "...\n",
        "%TAG ! tag:yaml.org,2002:\n",
        "2025-01-01",
        "1e999",
        "0x1F",
        "~",
        "null",
        "yes",
        "-.inf",
        "|\n",
        ">\n",
        "\t",
        "x",
        "meta",
        "include: ",
        "partners: ",
        "2025-13-45",
        "9" * 5000,
    ]
)


@SETTINGS
@given(st.lists(FRAGMENTS, max_size=200).map("".join))
@example("a: [2025-13-45]")
def test_random_yaml_fragments_give_a_case_or_a_load_error(text):
    outcome(text.encode())


NESTINGS = {
    "flow list": ("[", "]"),
    "flow mapping": ("{a: ", "}"),
    "list of mappings": ("[{b: ", "}]"),
    "block list": ("- ", ""),
    "explicit key": ("{? k : ", "}"),
}


@SETTINGS
@given(
    kinds=st.lists(st.sampled_from(sorted(NESTINGS)), min_size=1, max_size=8),
    repeat=st.integers(1, 400),
)
@example(kinds=["flow list"], repeat=MAX_DEPTH)
def test_random_deep_nesting_is_refused_by_file_and_line(kinds, repeat):
    """Well-formed nesting of every kind; before, past about 330 levels, a RecursionError
    without a file (and the C composer's crash further on)."""
    opens = "".join(NESTINGS[k][0] for k in kinds) * repeat
    closes = "".join(NESTINGS[k][1] for k in reversed(kinds)) * repeat
    depth = (
        sum(
            NESTINGS[k][0].count("[") + NESTINGS[k][0].count("{") + (k == "block list")
            for k in kinds
        )
        * repeat
    )
    result = outcome(
        ("meta: " + opens + "x" + closes + "\n").encode()
        if "block list" not in kinds
        else (opens + "x\n").encode()
    )
    assert isinstance(result, LoadError)
    if depth + 1 > MAX_DEPTH and "block list" not in kinds:
        assert str(result).startswith(f"case.yaml:1: nested deeper than {MAX_DEPTH} levels"), str(
            result
        )


@pytest.mark.parametrize("levels", [20_000, 100_000])
def test_very_deep_nesting_names_the_file_and_does_not_crash_the_process(tmp_path, levels):
    """Before: 20,000 gave "maximum recursion depth exceeded" without a file; 100,000
    killed the process (a segmentation fault in the C composer). In a subprocess so that a
    regression fails this test instead of ending the test run."""
    path = tmp_path / "deep.yaml"
    path.write_text("meta: " + "[" * levels + "]" * levels + "\n")
    out = subprocess.run(
        [sys.executable, "-m", "businesscase.cli", "run", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert out.returncode == 2, (out.returncode, out.stderr[-500:])
    assert f"deep.yaml:1: nested deeper than {MAX_DEPTH} levels" in out.stderr


ALLOWED = {"!", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!seq", "!!map"}
TAGS = st.one_of(
    st.from_regex(r"\A!![a-z][a-z/:._]{0,20}\Z"),
    st.from_regex(r"\A![a-z][a-z0-9_]{0,12}\Z"),
    st.sampled_from(
        [
            "!!python/name:os.system",
            "!!python/object:os.system",
            "!!python/object/apply:os.system",
            "!!python/module:os",
            "!!binary",
            "!!set",
            "!!omap",
            "!!pairs",
            "!!merge",
            "!include",
            "!!str",
        ]
    ),
).filter(lambda t: t not in ALLOWED)
PLACES = {  # where the tag goes, and the line it is on in the valid case
    "mapping": ("meta:\n", "meta: {tag}\n", 2),
    "sequence": ("  formulas: [meeting_space]", "  formulas: {tag} [meeting_space]", 4),
    "block sequence": ("partners:\n", "partners: {tag}\n", 19),
    "scalar": ("  name: Kleine buurtkamer", "  name: {tag} Kleine buurtkamer", 3),
    "key": ("  horizon: 10", "  {tag} horizon: 10", 7),
    "number": ("  horizon: 10", "  horizon: {tag} 10", 7),
}


@SETTINGS
@given(tag=TAGS, place=st.sampled_from(sorted(PLACES)))
@example(tag="!!python/name:os.system", place="mapping")
def test_unknown_tags_are_refused_with_file_line_and_tag(tag, place):
    old, new, line = PLACES[place]
    assert old in VALID
    result = outcome(VALID.replace(old, new.format(tag=tag), 1).encode())
    assert isinstance(result, LoadError)
    assert str(result).startswith(f"case.yaml:{line}: the YAML tag '{tag}' is not allowed"), str(
        result
    )


def test_the_core_tags_still_work():
    text = (
        VALID.replace("  horizon: 10", "  horizon: !!int 10")
        .replace("  name: Kleine buurtkamer", "  name: !!str Kleine buurtkamer")
        .replace("meta:\n", "meta: !!map\n", 1)
    )
    case = load_upload(text.encode(), "case.yaml")
    assert case.meta.horizon == 10 and case.meta.name == "Kleine buurtkamer"


@pytest.mark.parametrize(
    "bad, words",
    [
        ("\x00", "U+0000 (a NUL byte)"),
        ("\x07", "U+0007 (a control character)"),
        ("\x1b[31m", "U+001B (a control character)"),
        ("\ufffe", "U+FFFE"),
    ],
)
def test_control_characters_are_named_by_their_line(bad, words):
    text = VALID.replace("  horizon: 10", f"  horizon: 10 # {bad}")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if bad in ln)
    with pytest.raises(LoadError) as err:
        load_upload(text.encode(), "case.yaml")
    assert str(err.value).startswith(f"case.yaml:{line}: character {words}"), str(err.value)


def test_values_python_cannot_build_are_named_by_their_line():
    """Before: "month must be in 1..12" and an int-conversion ValueError, without a file."""
    for value in ("2025-13-45", "9" * 5000):
        text = VALID.replace("  name: Kleine buurtkamer", f"  name: {value}")
        with pytest.raises(LoadError) as err:
            load_upload(text.encode(), "case.yaml")
        assert str(err.value).startswith("case.yaml:3: this value cannot be read"), str(err.value)


def test_a_list_as_a_key_is_not_built():
    """A key holding a billion-laughs list was built and printed (str of 10^9 items) to say
    that keys must be text."""
    anchors = ["&a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        anchors.append(f"&{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    text = "? [" + ", ".join(anchors) + "]\n: 1\n"
    with pytest.raises(LoadError) as err:
        load_upload(text.encode(), "case.yaml")
    assert str(err.value) == "case.yaml:1: keys must be text (write the key as a word)"
