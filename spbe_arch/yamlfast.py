"""A line-by-line reader for the plain block YAML that nearly every workspace file holds.

Walking libyaml's event stream (:mod:`spbe_arch.yamlevents`) costs most of the time of validating a
large workspace, and libyaml alone spends half of it producing the events. Workspace files are
almost always simple block YAML: ``key: value``, ``key:`` with a nested block, ``- `` items (often
``- id: x``), one-line plain or quoted scalars, one-line flow collections, comments. For that subset
:func:`read_simple` builds the same :class:`~spbe_arch.yamlevents.Document` several times faster,
and returns None for anything it does not fully understand, so that the caller reads the text with
:func:`~spbe_arch.yamlevents.read_document`. Returning None is always safe; returning a different
document would be a defect, which the differential tests look for.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from spbe_arch.workspace import Path_
from spbe_arch.yamlevents import (
    _BOOL,
    _FLOAT,
    _IMPLICIT,
    _INT,
    _NULL,
    _TIMESTAMP,
    MAX_DEPTH,
    Document,
    Positions,
    _constructor,
)

# frame kinds: the root mapping, a mapping, a list, and a list that is the value of a root key
_TOP, _MAP, _SEQ, _ITEMS = range(4)

# characters libyaml refuses, reads as line breaks or byte-order marks, and tabs: left to the full reader
_BAD_ASCII = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_BAD = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# one row a line: indentation, a dash, a block key (plain, at most 250 characters: libyaml limits a
# simple key to 1024) with its colon and spaces, and the rest of the line
_LINE = re.compile(r"^( *)(-(?: +|$))?(?:([^ \-?:,\[\]{}#&*!|>'\"%@`\n](?:[^:#\n]{0,248}[^ :#\n])?)(: +|:$))?(.*)$",
                   re.MULTILINE)
_SQ = re.compile(r"'((?:[^']|'')*)'")
_DQ = re.compile(r'"([^"\\]*)"')
_TAIL = re.compile(r"(?: +#.*| *)$")  # what may follow a complete value on its line
# flow context: a plain scalar, a key with its ": ", and the spaces between
_FLOW_PLAIN = re.compile(r"(?:[^ ,\[\]{}#:?'\"&*!|>%@`\-]|-(?=[^ ,\[\]{}#:?]))[^,\[\]{}#:?]*")
_FLOW_KEY = re.compile(r"((?:[^ ,\[\]{}#:?'\"&*!|>%@`\-]|-(?=[^ ,\[\]{}#:?]))[^,\[\]{}#:?]{0,248}?) *: +")
_SPACES = re.compile(" *")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_SPECIAL = _INDICATORS | frozenset(_IMPLICIT)  # a plain value that may not be text, or not plain
_CONSTRUCT = {
    _INT: _constructor.construct_yaml_int,
    _FLOAT: _constructor.construct_yaml_float,
    _BOOL: _constructor.construct_yaml_bool,
    _TIMESTAMP: _constructor.construct_yaml_timestamp,
}


class _Unsupported(Exception):
    """The text holds something outside the subset: the full reader reads it."""


class _Frame:
    """One open block collection: its kind, the column of its keys or dashes, and where it goes."""

    __slots__ = ("depth", "indent", "indentless", "kind", "path", "pos", "value")

    def __init__(self, kind: int, indent: int, value: Any, path: Path_, pos: Positions | None, depth: int,
                 indentless: bool = False) -> None:
        if depth >= MAX_DEPTH:
            raise _Unsupported
        self.kind = kind
        self.indent = indent
        self.value = value
        self.path = path
        self.pos = pos
        self.depth = depth
        self.indentless = indentless  # a list whose dashes stand in its key's column


def _typed(text: str) -> Any:
    """A plain scalar typed as YAML 1.1 (PyYAML's resolvers and constructor) types it."""
    for tag, regexp in _IMPLICIT.get(text[:1], ()):
        if regexp.match(text):
            if tag == _NULL:
                return None
            construct = _CONSTRUCT.get(tag)
            if construct is None:  # `<<` or `=`: the full reader reports the tag
                raise _Unsupported
            try:
                return construct(yaml.ScalarNode(tag, text))
            except Exception as exc:  # the full reader reports what cannot be read
                raise _Unsupported from exc
    return text


def _key_ok(key: str) -> bool:
    """A plain key that YAML reads as text (not ``1``, ``yes``, ``null``, ``<<``)."""
    return not any(regexp.match(key) for _tag, regexp in _IMPLICIT.get(key[:1], ()))


def _scalar(val: str) -> Any:
    """A one-line block scalar (``val`` starts at its first character and runs to the line's end)."""
    first = val[0]
    if first == "'" or first == '"':
        match = (_SQ if first == "'" else _DQ).match(val)
        if match is None or _TAIL.match(val, match.end()) is None:
            raise _Unsupported
        return match.group(1).replace("''", "'") if first == "'" else match.group(1)
    if first in _INDICATORS and (first != "-" or len(val) == 1 or val[1] == " "):
        raise _Unsupported
    cut = val.find(" #")
    if cut >= 0:
        val = val[:cut]
    val = val.rstrip(" ")
    if ": " in val or val[-1] == ":":
        raise _Unsupported
    return _typed(val)


class _Reader:
    """The state of one reading: the document, interned names and paths, and the open frames."""

    def __init__(self) -> None:
        self.doc = Document()
        self.paths: dict[str, Path_] = {}

    def child(self, frame: _Frame, mark: tuple[int, int]) -> tuple[Path_, Positions]:
        """The next item of list ``frame`` starts at ``mark``: record it; the path and positions
        that its own content uses."""
        index = len(frame.value)
        if frame.kind == _ITEMS:
            path = (frame.path[0], index)
            self.doc.positions.values[path] = mark
            item = Positions()
            self.doc.items[(str(frame.path[0]), index)] = item
            return (), item
        path = (*frame.path, index)
        assert frame.pos is not None
        frame.pos.values[path] = mark
        return path, frame.pos

    def key_path(self, path: Path_, key: str) -> Path_:
        if path:
            return (*path, key)
        paths = self.paths
        return paths.get(key) or paths.setdefault(key, (key,))

    def flow(self, s: str, i: int, line: int, base: int, path: Path_, pos: Positions | None, depth: int,
             items_key: str | None) -> tuple[Any, int]:
        """A flow collection at ``s[i]`` (column ``base + i``); its value and where it ends.
        ``items_key``: it is the list of that root key, whose items have their own positions."""
        if depth >= MAX_DEPTH:
            raise _Unsupported
        spaces = _SPACES.match
        if s[i] == "[":
            out: list[Any] = []
            i = spaces(s, i + 1).end()
            if s[i:i + 1] == "]":
                return out, i + 1
            while True:
                mark = (line, base + i + 1)
                index = len(out)
                if items_key is not None:
                    self.doc.positions.values[(items_key, index)] = mark
                    item_pos = Positions()
                    self.doc.items[(items_key, index)] = item_pos
                    value, i = self.flow_item(s, i, line, base, (), item_pos, depth + 1)
                else:
                    child = (*path, index)
                    assert pos is not None
                    pos.values[child] = mark
                    value, i = self.flow_item(s, i, line, base, child, pos, depth + 1)
                out.append(value)
                i = spaces(s, i).end()
                nxt = s[i:i + 1]
                if nxt == "]":
                    return out, i + 1
                if nxt != ",":
                    raise _Unsupported
                i = spaces(s, i + 1).end()
                if s[i:i + 1] in ("]", ""):
                    raise _Unsupported
        assert pos is not None
        mapping: dict[str, Any] = {}
        i = spaces(s, i + 1).end()
        if s[i:i + 1] == "}":
            return mapping, i + 1
        while True:
            match = _FLOW_KEY.match(s, i)
            if match is None:
                raise _Unsupported
            key = match.group(1)
            if not _key_ok(key) or key in mapping:
                raise _Unsupported
            child = self.key_path(path, key)
            pos.keys[child] = (line, base + i + 1)
            i = match.end()
            if s[i:i + 1] not in ("[", "{"):
                pos.values[child] = (line, base + i + 1)
            mapping[key], i = self.flow_item(s, i, line, base, child, pos, depth + 1)
            i = spaces(s, i).end()
            nxt = s[i:i + 1]
            if nxt == "}":
                return mapping, i + 1
            if nxt != ",":
                raise _Unsupported
            i = spaces(s, i + 1).end()
            if s[i:i + 1] in ("}", ""):
                raise _Unsupported

    def flow_item(self, s: str, i: int, line: int, base: int, path: Path_, pos: Positions,
                  depth: int) -> tuple[Any, int]:
        """One value inside a flow collection; its value and where it ends."""
        first = s[i:i + 1]
        if first == "[" or first == "{":
            return self.flow(s, i, line, base, path, pos, depth, None)
        if first == "'" or first == '"':
            match = (_SQ if first == "'" else _DQ).match(s, i)
            if match is None:
                raise _Unsupported
            text = match.group(1)
            return (text.replace("''", "'") if first == "'" else text), match.end()
        match = _FLOW_PLAIN.match(s, i)
        if match is None:
            raise _Unsupported
        return _typed(match.group().rstrip(" ")), match.end()

    def value(self, val: str, line: int, col: int, path: Path_, pos: Positions | None, depth: int,
              items_key: str | None) -> tuple[Any, bool]:
        """A value that starts on a block line at ``col``: (value, whether it is a scalar)."""
        if val[0] == "[" or val[0] == "{":
            result, end = self.flow(val, 0, line, col, path, pos, depth, items_key if val[0] == "[" else None)
            if _TAIL.match(val, end) is None:
                raise _Unsupported
            return result, False
        return _scalar(val), True

    def read(self, text: str) -> Document:  # noqa: C901 - one loop keeps the hot path inline
        rows = _LINE.findall(text)
        if len(rows) != text.count("\n") + 1:  # one row a line, or the line numbers would be wrong
            raise _Unsupported
        doc = self.doc
        positions = doc.positions
        names: dict[str, str] = {}
        paths = self.paths
        special = _SPECIAL
        stack: list[_Frame] = []
        root: _Frame | None = None
        pending = 0  # 1: a key waits for its value, 2: an item waits for its value
        pending_key = ""
        pending_path: Path_ = ()
        pending_mark = (0, 0)
        # the mapping that takes the next key; cur_indent is -1 when none may (a list, a waiting value)
        cur: _Frame | None = None
        cur_indent = -1
        cur_map: dict[str, Any] = {}
        cur_path: Path_ = ()
        cur_keys: dict[Path_, tuple[int, int]] = {}
        cur_values: dict[Path_, tuple[int, int]] = {}
        line = 0
        for indent, dash, key, sep, val in rows:
            line += 1
            if not key or dash or len(indent) != cur_indent:
                # everything but a key line of the current mapping: blank lines, comments, items,
                # a change of level, a waiting value
                if not dash and not key:
                    if not val or val[0] == "#":
                        continue
                    raise _Unsupported  # a scalar alone on its line, a document marker, ...
                col = len(indent)
                if pending:
                    frame = stack[-1]
                    if col > frame.indent or (col == frame.indent and dash and pending == 1):
                        # the waiting value is a block collection that starts on this line
                        mark = (line, col + 1)
                        if pending == 1:
                            if frame.kind == _TOP and dash:
                                new = _Frame(_ITEMS, col, [], pending_path, None, 1, col == frame.indent)
                            else:
                                new = _Frame(_SEQ if dash else _MAP, col, [] if dash else {}, pending_path,
                                             frame.pos, frame.depth + 1, col == frame.indent)
                            frame.value[pending_key] = new.value
                        else:
                            path, pos = self.child(frame, mark)
                            new = _Frame(_SEQ if dash else _MAP, col, [] if dash else {}, path, pos,
                                         frame.depth + 1)
                            frame.value.append(new.value)
                        stack.append(new)
                    elif pending == 1:  # an empty value: null, placed just after the colon
                        assert frame.pos is not None
                        frame.pos.values[pending_path] = pending_mark
                    else:
                        self.child(frame, pending_mark)
                        frame.value.append(None)
                    pending = 0
                while stack and col < stack[-1].indent:
                    stack.pop()
                if not stack:
                    if root is not None:
                        raise _Unsupported
                    root = (_Frame(_SEQ, col, [], (), positions, 0) if dash
                            else _Frame(_TOP, col, {}, (), positions, 0))
                    stack.append(root)
                frame = stack[-1]
                if col != frame.indent:
                    raise _Unsupported
                if frame.kind >= _SEQ:
                    if not dash:
                        if not frame.indentless:
                            raise _Unsupported
                        stack.pop()  # a key of the mapping whose value the list was
                        frame = stack[-1]
                    else:
                        item_col = col + len(dash)
                        if not key:
                            cur_indent = -1
                            if not val or val[0] == "#":
                                pending = 2
                                pending_mark = (line, col + 2)
                                continue
                            if val[0] == "-" and (len(val) == 1 or val[1] == " "):
                                raise _Unsupported  # `- - x`
                            path, pos = self.child(frame, (line, item_col + 1))
                            frame.value.append(self.value(val, line, item_col, path, pos, frame.depth + 1,
                                                          None)[0])
                            continue
                        # `- key: ...`: a mapping whose keys stand in this column
                        path, pos = self.child(frame, (line, item_col + 1))
                        frame = _Frame(_MAP, item_col, {}, path, pos, frame.depth + 1)
                        stack[-1].value.append(frame.value)
                        stack.append(frame)
                elif dash:
                    raise _Unsupported
                cur = frame
                cur_indent = frame.indent
                cur_map = frame.value
                cur_path = frame.path
                assert frame.pos is not None
                cur_keys = frame.pos.keys
                cur_values = frame.pos.values
            # a key of the current mapping, at column cur_indent
            interned = names.get(key)
            if interned is None:
                if key[0] in special and (key.startswith("...") or not _key_ok(key)):
                    raise _Unsupported
                interned = names[key] = key
            key = interned
            if key in cur_map:
                raise _Unsupported  # a duplicate key: the full reader reports it
            if cur_path:
                child = (*cur_path, key)
            else:
                child = paths.get(key)  # type: ignore[assignment]
                if child is None:
                    child = paths[key] = (key,)
            cur_keys[child] = (line, cur_indent + 1)
            if not val or val[0] == "#":
                cur_map[key] = None
                pending = 1
                pending_key = key
                pending_path = child
                pending_mark = (line, cur_indent + len(key) + 2)
                cur_indent = -1
                continue
            if val[0] in special:
                assert cur is not None
                value, is_scalar = self.value(val, line, cur_indent + len(key) + len(sep), child,
                                              cur.pos, cur.depth + 1, key if cur.kind == _TOP else None)
                cur_map[key] = value
                if is_scalar:
                    cur_values[child] = (line, cur_indent + len(key) + len(sep) + 1)
                continue
            # the hot path: plain text
            cut = val.find(" #")
            if cut >= 0:
                val = val[:cut]
            if val[-1] == " ":
                val = val.rstrip(" ")
            if ": " in val or val[-1] == ":":
                raise _Unsupported
            cur_map[key] = val
            cur_values[child] = (line, cur_indent + len(key) + len(sep) + 1)
        if pending:
            frame = stack[-1]
            if pending == 1:
                assert frame.pos is not None
                frame.pos.values[pending_path] = pending_mark
            else:
                self.child(frame, pending_mark)
                frame.value.append(None)
        if root is None:
            doc.empty = True
        else:
            doc.value = root.value
        return doc


def read_simple(text: str) -> Document | None:
    """The document of ``text`` exactly as :func:`~spbe_arch.yamlevents.read_document` reads it, or
    None when the text holds anything outside the simple subset (then read it in full)."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):  # a lone CR is a line break to YAML
            return None
        text = text.replace("\r\n", "\n")
    if (_BAD_ASCII if text.isascii() else _BAD).search(text) is not None:
        return None
    try:
        return _Reader().read(text)
    except _Unsupported:
        return None
