"""The fast line reader returns exactly what the full event reader returns, or None.

Differential tests: on every YAML file of the repository, on a generated national model, on documents
generated from a grammar of the simple subset and of hostile text around it, and on arbitrary text.
"""

from __future__ import annotations

import importlib.util
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_arch.loader import parse_text
from spbe_arch.yamlevents import MAX_DEPTH, Document, read_document
from spbe_arch.yamlfast import read_simple

ROOT = Path(__file__).resolve().parent.parent


def same_value(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (True is not 1), in the same key order."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def check(text: str) -> Document | None:
    """read_simple(text) is None, or the very document that read_document gives; returns it."""
    fast = read_simple(text)
    if fast is None:
        return None
    full = read_document(text)  # the fast reader accepted it: the full one must read it too
    assert full.fatal is None and not full.problems
    assert fast.empty == full.empty
    assert same_value(fast.value, full.value), (fast.value, full.value)
    assert fast.positions.keys == full.positions.keys
    assert fast.positions.values == full.positions.values
    assert fast.items == full.items
    assert not fast.problems and fast.fatal is None
    return fast


def check_any(text: str) -> Document | None:
    """Like :func:`check` for any text: when the full reader raises, the fast one gave up."""
    try:
        read_document(text)
    except Exception:  # a YAML error, or whatever else libyaml refuses
        assert read_simple(text) is None
        return None
    return check(text)


# --- files -------------------------------------------------------------------------------------

REPO_FILES = sorted(p for d in ("models", "tests", "docs") for p in (ROOT / d).rglob("*.y*ml") if p.is_file())


@pytest.mark.parametrize("path", REPO_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_repository_files(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    check_any(text)


def test_most_example_files_take_the_fast_path() -> None:
    files = sorted((ROOT / "models").rglob("*.yaml"))
    accepted = [p for p in files if read_simple(p.read_text(encoding="utf-8-sig")) is not None]
    assert len(files) >= 10
    assert len(accepted) >= 0.8 * len(files)
    assert ROOT / "models" / "kabupaten-pasuruan" / "organisasi.yaml" in accepted


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("generate_national", ROOT / "benchmarks" / "generate_national.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_national_model_files_all_take_the_fast_path(tmp_path: Path) -> None:
    _generator().generate(tmp_path / "nat", 0.02)
    files = sorted((tmp_path / "nat").rglob("*.yaml"))
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.name == "spbe.yaml":
            check(text)
            continue
        assert check(text) is not None, path


# --- what the subset holds, one case at a time --------------------------------------------------

ACCEPTED = [
    "",
    "# only a comment\n\n",
    "a: b\n",
    "a:\n",
    "a:   # nothing\nb: 1\n",
    "a: b # c\nd: 'e # f'  # g\n",
    "items:\n- id: x\n  name: y\n  tags:\n  - t\n  - u\n  n: 1\n- id: z\n",
    "items:\n  - id: x\n    list:\n      - 1\n      - two\n    map:\n      k: v\n  -\n  - plain\n",
    "- a\n- b: c\n  d: [1, 'x', \"y\"]\n-\n  e: f\n- {g: h, i: [j, k]}\n",
    "a: yes\nb: 0x1F\nc: 1_000\nd: ~\ne: 2024-01-31\nf: .5\ng: -3\nh: 2001-12-14 21:59:43.10 -5\n",
    "a: 'it''s'\nb: \"x: y\"\nc: []\nd: {}\ne: [ a , b ]\n",
    "a:\r\n  b: c\r\n",
    "top:\n  inner:\n    deep: [x, {y: z}]\n",
    "a: b:c\nd: e#f\ng: -x\nh: x [y] {z}\n",
    "a:  x\nb:   # c\nc:  'q'  # c\n",
    "- a:  x\n  b:\n- c\n-   d: 1\n    e: 2\n",
    "x:\n  k:\n  - a\n  - b\n  j: 1\n  l:\n  - 'q'\n  - ''\n",
    "items:\n- id: a\n  tags:\n  - x\n  - y\n- id: b\n  tags:\n  - z\n  extra: 1\n- id: c\n",
    "items:\n- id: a\n  sub:\n    - id: x\n    - id: y\n      deep:\n        - id: q\n- id: b\n",
    "a: é中\nb: x\u00a0\nc: 1:20\nd: 0o17\ne: +.5\n",
    "k: [😀, a, é中, b]\n😀: {😀: 1, b: 2}\n",
]


@pytest.mark.parametrize("text", ACCEPTED)
def test_subset_is_read_fast_and_exactly(text: str) -> None:
    assert check(text) is not None


REFUSED = [
    "a:\tb\n",
    "\ufeffa: b\n",
    "---\na: b\n",
    "a: b\n...\n",
    "%YAML 1.1\n---\na: b\n",
    "a: &x b\nc: *x\n",
    "a: !!str b\n",
    "? a\n: b\n",
    "a: |\n  text\n",
    "a: >\n  text\n",
    "a: b\n  c\n",
    "1: a\n",
    "yes: a\n",
    "null: a\n",
    "<<: a\n",
    "a: 1\na: 2\n",
    "a:\n  b: 1\n  b: 2\n",
    "a: 'b\n  c'\n",
    'a: "b\\n"\n',
    "a: b: c\n",
    "a: [b,\n  c]\n",
    "a: {b: c\n",
    "- - a\n",
    "a\n",
    "a: b\n- c\n",
    "a: @b\n",
    "a: `b\n",
    "a: =\n",
    "a: 1\r2\n",
    "a: x\u2028y\n",
    "a:\n  - b\n  c: d\n",
    "x" * 300 + ": a\n",
]


@pytest.mark.parametrize("text", REFUSED)
def test_outside_the_subset_the_fast_reader_gives_up(text: str) -> None:
    assert read_simple(text) is None
    check_any(text)


def test_deep_nesting_is_left_to_the_full_reader() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + " " * (MAX_DEPTH + 5) + "x: 1\n"
    assert read_simple(text) is None
    shallow = "".join(" " * i + f"k{i}:\n" for i in range(10)) + " " * 10 + "x: 1\n"
    assert check(shallow) is not None


def test_loader_reads_the_same_either_way() -> None:
    text = "applications:\n- id: a\n  name: A\n  since: 2020\n"
    parsed = parse_text(text, "x.yaml")
    assert parsed.readable and parsed.value == {"applications": [{"id": "a", "name": "A", "since": 2020}]}
    assert parsed.items[("applications", 0)].keys[("since",)] == (4, 3)
    assert parsed.positions.values[("applications", 0)] == (2, 3)
    duplicate = parse_text("a: 1\na: 2\n", "x.yaml")  # left to the full reader, which reports it
    assert [p.rule for p in duplicate.problems] == ["SC003"]


# --- generated documents --------------------------------------------------------------------------

HOSTILE = "ab yz09:#'\"-[]{},&*!|>%@`?.~\\é中_\t+=<"
TOKENS = ["yes", "no", "on", "Off", "true", "null", "Null", "~", "", "0x1F", "0o17", "017", "1_000", "-1", "+1",
          ".5", "1e3", "1.0e+3", ".inf", "-.Inf", ".nan", "2024-01-31", "2024-13-45", "2001-12-14t21:59:43.10-05:00",
          "12:30:00", "190:20:30", "<<", "=", "'q'", "'it''s'", "\"dq\"", "\"a\\tb\"", "'a", "[a, b]", "[]", "{}",
          "{a: 1}", "[a, [b, c]]", "{a: [1, 2], b: {c: d}}", "[a,]", "[a: b]", "{a}", "&a x", "*a", "!t x", "|",
          ">-", "%x", "@x", "`x", "-", "- x", "-x", "--- x", "...", "a: b", "a:b", "a #b", "a# b", "é中", "x ",
          "? x", ": x", ":x", "?x", ",x", "a, b", "a ,b", "#", "x\\y"]
scalars = st.one_of(
    st.sampled_from(TOKENS),
    st.text(alphabet=HOSTILE, max_size=10),
    st.from_regex(r"\A[a-zA-Z][a-zA-Z0-9 .-]{0,12}\Z"),
    st.integers(-10**9, 10**9).map(str),
    st.dates().map(str),
)
keys = st.one_of(
    st.from_regex(r"\A[a-z_][a-z0-9_ ]{0,8}\Z"),
    st.sampled_from(["id", "name", "yes", "1", "null", "~", "-x", "a#b", "a:b", "...", "a b", "'q'", "<<", "é"]),
    st.text(alphabet=HOSTILE, min_size=1, max_size=6),
)


@st.composite
def flows(draw: st.DrawFn, depth: int = 0) -> str:
    sep = draw(st.sampled_from([", ", ",", " , ", ",  "]))
    if depth < 2 and draw(st.booleans()):
        parts = draw(st.lists(st.one_of(scalars, flows(depth + 1)), max_size=3))
        return "[" + sep.join(parts) + draw(st.sampled_from(["]", " ]", ",]"]))
    pairs = draw(st.lists(st.tuples(keys, st.one_of(scalars, flows(depth + 1)) if depth < 2 else scalars),
                          max_size=3))
    inner = sep.join(f"{k}{draw(st.sampled_from([': ', ':', ' : ', ':  ']))}{v}" for k, v in pairs)
    return "{" + inner + draw(st.sampled_from(["}", " }"]))


@st.composite
def documents(draw: st.DrawFn, clean: bool = False) -> str:
    """A block YAML text: the simple subset, or (``clean`` False) hostile text around it."""
    lines: list[str] = []
    scalar = st.from_regex(r"\A[a-zA-Z][a-zA-Z0-9.-]{0,8}( [a-zA-Z0-9]{1,4})?\Z") if clean else scalars

    def noise(indent: int) -> None:
        roll = draw(st.integers(0, 12))
        if roll == 0:
            lines.append(" " * draw(st.integers(0, indent + 3)) + "# " + draw(scalar))
        elif roll == 1:
            lines.append(" " * draw(st.integers(0, 3)))
        elif roll == 2 and not clean:
            lines.append(" " * draw(st.integers(0, indent + 4)) + draw(scalars))

    def value(head: str, indent: int, depth: int) -> None:
        roll = draw(st.integers(0, 9)) if depth < 5 else 0
        if roll <= 4:
            gap = " " if clean else draw(st.sampled_from([" ", " ", "  ", ""]))
            tail = "" if clean else draw(st.sampled_from(["", "", "", " # c", "  ", "#c", " #"]))
            lines.append(head + gap + draw(scalar) + tail)
        elif roll == 5:
            lines.append(head)
        elif roll == 6:
            lines.append(head + " " + draw(flows()) if not clean else head + " [" + draw(scalar) + "]")
        elif roll <= 8:
            lines.append(head)
            mapping(indent + draw(st.integers(1, 4)), depth + 1, None)
        else:
            lines.append(head)
            sequence(indent + draw(st.integers(0, 3)), depth + 1, None)

    def mapping(indent: int, depth: int, first: str | None) -> None:
        names = draw(st.lists(st.from_regex(r"\Ak[a-z0-9_]{0,5}\Z"), min_size=1, max_size=4, unique=True)
                     if clean else st.lists(keys, min_size=1, max_size=4))
        for number, name in enumerate(names):
            if number or first is None:
                noise(indent)
            shift = 0 if clean else draw(st.sampled_from([0] * 12 + [-1, 1]))
            head = first if number == 0 and first is not None else " " * max(indent + shift, 0)
            value(head + name + ":", indent, depth)

    def sequence(indent: int, depth: int, first: str | None) -> None:
        for number in range(draw(st.integers(1, 4))):
            if number or first is None:
                noise(indent)
            head = (first if number == 0 and first is not None else " " * indent) + "-"
            roll = draw(st.integers(0, 7)) if depth < 5 else 0
            if roll <= 2:
                lines.append(head + " " + draw(scalar))
            elif roll <= 4:
                mapping(indent + 2, depth + 1, head + " ")
            elif roll == 5:
                lines.append(head)
            elif roll == 6:
                lines.append(head)
                block = draw(st.integers(1, 3))
                if draw(st.booleans()):
                    mapping(indent + block, depth + 1, None)
                else:
                    sequence(indent + block, depth + 1, None)
            else:
                lines.append(head + " " + (draw(flows()) if not clean else "[" + draw(scalar) + "]"))

    start = draw(st.integers(0, 1)) if clean else draw(st.integers(0, 4))
    if start <= 0 or start == 2:
        mapping(0 if start == 0 else 1, 0, None)
    elif start in (1, 3):
        sequence(0, 0, None)
    else:
        lines.append(draw(scalars))
    ending = "\n" if clean else draw(st.sampled_from(["\n", "", "\r\n", "\n\n"]))
    return ending.join(lines) + ending if ending != "\r\n" else "\r\n".join(lines)


EXAMPLES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(documents(clean=True))
@EXAMPLES
def test_generated_subset_is_read_fast_and_exactly(text: str) -> None:
    assert check(text) is not None, text


@given(documents())
@EXAMPLES
def test_generated_hostile_documents_are_refused_or_read_exactly(text: str) -> None:
    check_any(text)


@given(st.text(max_size=200))
@EXAMPLES
def test_arbitrary_text_is_refused_or_read_exactly(text: str) -> None:
    check_any(text)


@pytest.mark.slow
@given(documents())
@MANY
def test_many_generated_documents(text: str) -> None:
    check_any(text)


@pytest.mark.slow
@given(documents(clean=True))
@MANY
def test_many_generated_subset_documents(text: str) -> None:
    assert check(text) is not None, text


# --- real files, slightly broken ----------------------------------------------------------------------

SNIPPETS = [path.read_text(encoding="utf-8")[:1500] for path in sorted((ROOT / "models").rglob("*.yaml"))[:12]]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A piece of an example file with a few characters or lines changed."""
    text = draw(st.sampled_from(SNIPPETS))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        roll = draw(st.integers(0, 4))
        if roll == 0:
            text = text[:at] + draw(st.sampled_from([*HOSTILE, "\n", "  ", "- ", ": ", "\n  "])) + text[at:]
        elif roll == 1:
            text = text[:at] + text[at + draw(st.integers(1, 3)):]
        elif roll == 2:
            start = text.rfind("\n", 0, at) + 1
            text = text[:start] + " " + text[start:]
        elif roll == 3:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            end = len(text) if end < 0 else end + 1
            text = text[:end] + text[start:end] + text[end:]  # a line twice
        else:
            text = text[:at] + draw(scalars) + text[at:]
    return text


@given(mutated())
@EXAMPLES
def test_mutated_example_files_are_refused_or_read_exactly(text: str) -> None:
    check_any(text)


@pytest.mark.slow
@given(mutated())
@MANY
def test_many_mutated_example_files(text: str) -> None:
    check_any(text)
