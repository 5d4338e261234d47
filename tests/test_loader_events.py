"""The event-driven YAML reading gives what the node-based one gave: values, positions and findings.

``loader_reference`` is the converter the loader used before (it composed PyYAML's node tree); every
generated document and every YAML file of the repository must read the same through both.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from spbe_arch.loader import ParsedFile, parse_text, read_file

sys.path.insert(0, str(Path(__file__).parent))
from loader_reference import reference_parse_text

ROOT = Path(__file__).resolve().parents[1]

SCALARS = [
    "plain", "two words", "1", "-7", "0o17", "017", "0x1F", "0x_", "1_000", "0b101", "190:20:30", "1.5", "1e3",
    ".nan", ".inf", "-.Inf", "yes", "No", "on", "true", "False", "~", "null", "", "2024-01-02", "2024-02-30",
    "2001-12-14t21:59:43.10-05:00", "'quoted'", "'1'", '"2"', '"esc\\tape"', "'it''s'", "!!int 3", "!!str 3",
    "!!float '2.5'", "!!bool maybe", "!!bool yes", "!!int abc", "!!null x", "!foo bar", "!!binary aGk=",
    "! 12", "&a1 anchored", "&a2 5", "*a1", "*a2", "*a3", "id", "app-1", "RAA.02.02", ": x", "a: b",
]
KEYS = ["a", "b", "id", "1", "'1'", '"a"', "true", "1.0", "~", "name", "*a1", "&a3 c", "!!str d", "!k e"]
PROPS = ["", "", "", "", "&a1 ", "&a3 ", "!!seq ", "!!map ", "!x ", "!!set ", "!!omap ", "! "]

Node = Any  # ("s", text) | ("l", props, [nodes]) | ("m", props, [(key, node)])


def _nodes() -> st.SearchStrategy[Node]:
    scalar = st.sampled_from(SCALARS).map(lambda s: ("s", s))
    return st.recursive(
        scalar,
        lambda children: st.one_of(
            st.tuples(st.just("l"), st.sampled_from(PROPS), st.lists(children, max_size=4)),
            st.tuples(st.just("m"), st.sampled_from(PROPS),
                      st.lists(st.tuples(st.sampled_from(KEYS), children), max_size=4)),
        ),
        max_leaves=25,
    )


def _flow(node: Node) -> str:
    if node[0] == "s":
        return str(node[1])
    props = node[1]
    if node[0] == "l":
        return props + "[" + ", ".join(_flow(child) for child in node[2]) + "]"
    return props + "{" + ", ".join(f"{key}: {_flow(child)}" for key, child in node[2]) + "}"


def _block(node: Node, indent: int, flow_at: int) -> list[str]:
    """Lines of ``node`` in block style below a parent line; collections deeper than ``flow_at`` in flow."""
    pad = " " * indent
    if node[0] == "s" or not node[2] or indent // 2 >= flow_at:
        return [pad + _flow(node)]
    lines = [pad + node[1].strip()] if node[1].strip() else []
    for entry in node[2]:
        head, child = (pad + "-", entry) if node[0] == "l" else (pad + f"{entry[0]}:", entry[1])
        if child[0] == "s" or not child[2] or (indent + 2) // 2 >= flow_at:
            lines.append(f"{head} {_flow(child)}")
        else:
            lines.append(head)
            lines.extend(_block(child, indent + 2, flow_at))
    return lines


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A YAML text: a mapping of collections like a workspace file, or any node; sometimes spoilt."""
    if draw(st.booleans()):
        root: Node = ("m", draw(st.sampled_from(["", "", "&a1 ", "!!map ", "!t "])),
                      draw(st.lists(st.tuples(st.sampled_from(["applications", "data", "a", "1", "a"]), _nodes()),
                                    max_size=4)))
    else:
        root = draw(_nodes())
    text = "\n".join(_block(root, 0, draw(st.integers(0, 4)))) + "\n"
    spoil = draw(st.sampled_from(["none", "none", "none", "tab", "cut", "insert", "document", "deep"]))
    if spoil == "tab":
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = "\t" + lines[at]
        text = "\n".join(lines)
    elif spoil == "cut" and len(text) > 1:
        at = draw(st.integers(0, len(text) - 1))
        text = text[:at] + text[at + 1:]
    elif spoil == "insert":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(["[", "]", "{", ":", "- ", "&a1 ", "*a1", "'", "\n  "])) + text[at:]
    elif spoil == "document":
        text += "---\nb: 1\n"
    elif spoil == "deep":
        depth = draw(st.integers(35, 45))
        text += "deep: " + "[" * depth + "x" + "]" * depth + "\n"
    return text


def _reference(text: str) -> ParsedFile | None:
    """The node-based reading; None where it crashed (an explicit tag on text not of its kind)."""
    try:
        return reference_parse_text(text, "f.yaml")
    except (KeyError, AttributeError):
        return None


def assert_same(text: str) -> None:
    new = parse_text(text, "f.yaml")
    old = _reference(text)
    if old is None:  # the old reading raised a traceback here; the new one reports the value
        assert not new.readable
        assert [p.rule for p in new.problems] == ["SC001"]
        assert "cannot read value" in new.problems[0].message
        return
    assert new.problems == old.problems
    assert new.readable == old.readable
    assert repr(new.value) == repr(old.value)  # repr: nan equals nan, and key order counts
    if old.readable:  # an unreadable file's positions are never used
        assert new.positions == old.positions
        assert new.items == old.items
        assert list(new.positions.keys) == list(old.positions.keys)
        assert list(new.positions.values) == list(old.positions.values)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
@example("a: &a [*a]\n")
@example("&r\na: *r\n")
@example("x:\n  k: 1\n  k: 2\n  1: a\n  '1': b\n  \"1\": c\n  true: 3\n  1: 4\n")
@example("x: {a: 1, a: &k [1], b: *k}\n")
@example("a: !!bool maybe\n")
@example("a: !!timestamp nope\n")
@example("a: 1\n---\nb: 2\n")
@example("&a1\n- 017\n- true\n- !!null x\n- !!int \n")  # an explicit tag on an empty value
def test_generated_documents_read_the_same(text: str) -> None:
    assert_same(text)


def _repository_yaml() -> list[Path]:
    found: list[Path] = []
    for folder in ("models", "tests/fixtures", "tests/data"):
        found.extend(p for p in (ROOT / folder).rglob("*") if p.suffix in (".yaml", ".yml"))
    return sorted(found)


def test_repository_has_yaml_files() -> None:
    assert len(_repository_yaml()) > 20


@pytest.mark.parametrize("path", _repository_yaml(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_repository_files_read_the_same(path: Path) -> None:
    assert_same(path.read_text(encoding="utf-8-sig"))


def test_alias_bomb_is_stopped_at_the_same_place() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    text = "\n".join(lines) + "\n"
    assert_same(text)
    parsed = parse_text(text, "f.yaml")
    assert [p.rule for p in parsed.problems] == ["SC012"]
    assert "alias bomb" in parsed.problems[0].message


def test_a_syntax_error_after_a_fatal_problem_wins_as_before() -> None:
    text = "a: " + "[" * 45 + "]" * 45 + "\nb: [unclosed\n"
    assert_same(text)
    assert parse_text(text, "f.yaml").problems[0].message.startswith("not valid YAML")


@settings(max_examples=150, deadline=None)
@given(documents(), st.integers(0, 10_000), st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xe2\x82"]))
def test_bad_bytes_are_refused_before_reading(text: str, where: int, bad: bytes) -> None:
    raw = text.encode("utf-8")
    at = where % (len(raw) + 1)
    spoilt = raw[:at] + bad + raw[at:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.yaml"
        path.write_bytes(spoilt)
        parsed = read_file(path, "f.yaml")
    assert not parsed.readable
    assert [p.rule for p in parsed.problems] == ["SC002"]
    message = parsed.problems[0].message
    assert message == "file is binary, not YAML text" if bad == b"\x00" else message.startswith("file is not UTF-8")
