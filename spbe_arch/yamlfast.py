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
# a line: indentation, a dash, a block key with its colon and spaces, and the rest of the line
# (a key over 250 characters is refused later: libyaml limits a simple key to 1024)
_LINE = re.compile(r" *(-(?: +|$))?(?:([^ \-?:,\[\]{}#&*!|>'\"%@`][^:#]*)(: +|:$))?(.*)")
_SQ = re.compile(r"'((?:[^']|'')*)'")
_DQ = re.compile(r'"([^"\\]*)"')
_TAIL = re.compile(r"(?: +#.*| *)$")  # what may follow a complete value on its line
# flow context: a plain scalar, a key with its ": ", and the spaces between
_FLOW_PLAIN = re.compile(r"(?:[^ ,\[\]{}#:?'\"&*!|>%@`\-]|-(?=[^ ,\[\]{}#:?]))[^,\[\]{}#:?]*")
_FLOW_KEY = re.compile(r"((?:[^ ,\[\]{}#:?'\"&*!|>%@`\-]|-(?=[^ ,\[\]{}#:?]))[^,\[\]{}#:?]{0,248}?) *: +")
# a flow list of plain values only (no quotes, no nesting, no `:`, `?` or `#`), `[a, b c, 2]`
_FLOW_TEXT = r"[^ \[\]{},#:?'\"&*!|>%@`\-][^\[\]{},#:?'\"]*"
_FLOW_TEXTS = re.compile(rf"\[({_FLOW_TEXT}(?:, *{_FLOW_TEXT})*)\]")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# a value that may not be plain text (or, a space, not where the hot path expects it)
_SPECIAL = _INDICATORS | frozenset(_IMPLICIT) | {" "}
_CONSTRUCT = {
    _INT: _constructor.construct_yaml_int,
    _FLOAT: _constructor.construct_yaml_float,
    _BOOL: _constructor.construct_yaml_bool,
    _TIMESTAMP: _constructor.construct_yaml_timestamp,
}


# a key as written -> its path inside an element, for every key known to be a plain text key: one
# string and one path for each key name across all documents
_PATHS: dict[str, tuple[str]] = {}


class _Unsupported(Exception):
    """The text holds something outside the subset: the full reader reads it."""


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


def _skip(s: str, i: int) -> int:
    """The index of the first character at or after ``i`` that is not a space."""
    while s[i:i + 1] == " ":
        i += 1
    return i


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
    """One reading: the document being built and the paths of flow mappings' keys."""

    def __init__(self) -> None:
        self.doc = Document()
        self.paths: dict[str, Path_] = {}

    def child(self, frame: list[Any], mark: tuple[int, int]) -> tuple[Path_, Positions]:
        """The next item of block list ``frame`` starts at ``mark``: record it; the path and
        positions that its own content uses."""
        index = len(frame[2])
        if frame[0] == _ITEMS:
            path = (frame[3][0], index)
            self.doc.positions.values[path] = mark
            item = self.doc.items[path] = Positions()
            return (), item
        path = (*frame[3], index)
        frame[4].values[path] = mark
        return path, frame[4]

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
        if s[i] == "[":
            out: list[Any] = []
            simple = _FLOW_TEXTS.match(s, i)
            if simple is not None:  # the common list of plain values, `[a, b c, 2]`
                at = i + 1
                for part in simple.group(1).split(","):
                    text = part.lstrip(" ")
                    mark = (line, base + at + len(part) - len(text) + 1)
                    at += len(part) + 1
                    text = text.rstrip(" ")
                    index = len(out)
                    if items_key is not None:
                        self.doc.positions.values[(items_key, index)] = mark
                        self.doc.items[(items_key, index)] = Positions()
                    else:
                        assert pos is not None
                        pos.values[(*path, index)] = mark
                    out.append(_typed(text) if text[0] in _IMPLICIT else text)
                return out, simple.end()
            i = _skip(s, i + 1)
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
                closed, i = _after_flow_item(s, i, "]")
                if closed:
                    return out, i
        assert pos is not None
        mapping: dict[str, Any] = {}
        i = _skip(s, i + 1)
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
            closed, i = _after_flow_item(s, i, "}")
            if closed:
                return mapping, i

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

    def read(self, text: str) -> Document:
        """One pass over the lines. Most lines take a hot path by plain string operations: a key
        already known, in the current mapping; a text item of the current list; the next ``- key:``
        element of a list; the first text item of a key's list. Every other line takes the general
        path (the line's regex, changes of level, values that wait for the next line, new keys).
        Anything outside the subset raises :class:`_Unsupported`."""
        doc = self.doc
        positions = doc.positions
        items = doc.items
        paths = _PATHS
        if len(paths) > 100_000:  # a bound on what arbitrary keys may fill
            paths.clear()
        special = _SPECIAL
        # the open block collections: [kind, indent, value, path, positions, depth, indentless]
        stack: list[list[Any]] = []
        root: list[Any] | None = None
        pending = 0  # 1: a key waits for its value, 2: an item waits for its value
        pending_key = ""
        pending_path: Path_ = ()
        pending_mark = (0, 0)
        pending_indent = -1  # the column of a waiting key of a mapping (not the root one)
        # the mapping that takes the next key; cur_indent is -1 when none may (a list, a waiting value)
        cur: list[Any] = []
        cur_indent = -1
        cur_map: dict[str, Any] = {}
        cur_path: Path_ = ()
        cur_keys: dict[Path_, tuple[int, int]] = {}
        cur_values: dict[Path_, tuple[int, int]] = {}
        # the list that takes the next plain item; seq_indent is -1 when none may
        seq_indent = -1
        seq_list: list[Any] = []
        seq_path: Path_ = ()
        seq_values: dict[Path_, tuple[int, int]] = {}
        lazy: list[Any] | None = None  # a list opened on the hot path, not yet on the stack
        path: Path_ = ()
        # the list (its column, its place on the stack) whose last element was a `- key:` mapping
        list_indent = -1
        list_level = 0
        for line, text_line in enumerate(text.split("\n"), 1):
            rest = text_line.lstrip(" ")
            col = len(text_line) - len(rest)
            entry: tuple[str] | None = None
            if col == cur_indent:  # the hot path of mappings: a key seen before, in the current mapping
                key, sep, val = rest.partition(": ")
                if sep:
                    entry = paths.get(key)
                elif rest[-1:] == ":":
                    key = rest[:-1]
                    entry = paths.get(key)
            elif rest[:2] == "- ":
                val = rest[2:]
                text_item: str | None = None
                if val:
                    if val[0] not in special:
                        if ": " not in val and " #" not in val and val[-1] not in ": ":
                            text_item = val
                    elif val[0] == "'" and val[-1] == "'" and len(val) > 1 and "'" not in val[1:-1]:
                        text_item = val[1:-1]
                if text_item is not None:
                    if col == seq_indent:  # the hot path of lists: a text item
                        seq_values[(*seq_path, len(seq_list))] = (line, col + 3)
                        seq_list.append(text_item)
                        continue
                    if pending == 1 and col == pending_indent:
                        # a key's list of plain text, its dashes in the key's column: the list is
                        # opened without leaving the mapping (a key line in the column closes it)
                        frame = stack[-1]
                        if frame[5] + 1 >= MAX_DEPTH:
                            raise _Unsupported
                        seq_list = [text_item]
                        seq_path = pending_path
                        seq_values = cur_values
                        seq_indent = cur_indent = col
                        cur_map[pending_key] = seq_list
                        seq_values[(*seq_path, 0)] = (line, col + 3)
                        lazy = [_SEQ, col, seq_list, seq_path, frame[4], frame[5] + 1, True]
                        pending = 0
                        continue
                elif col == list_indent and not pending:
                    # the hot path of elements: `- key: ...` starts the next mapping of the list whose
                    # last element began the same way (its key is read as on the mapping hot path above,
                    # inline like it: the hot paths make no call per line)
                    key, sep, val = val.partition(": ")
                    if sep:
                        entry = paths.get(key)
                    elif val[-1:] == ":":
                        key = val[:-1]
                        entry = paths.get(key)
                    if entry is not None:
                        del stack[list_level + 1:]
                        frame = stack[list_level]
                        index = len(frame[2])
                        if frame[0] == _ITEMS:
                            element = (frame[3][0], index)
                            positions.values[element] = (line, col + 3)
                            pos = items[element] = Positions()
                            path = ()
                        else:
                            path = (*frame[3], index)
                            pos = frame[4]
                            pos.values[path] = (line, col + 3)
                        cur = [_MAP, col + 2, {}, path, pos, frame[5] + 1, False]
                        frame[2].append(cur[2])
                        stack.append(cur)
                        cur_indent = col + 2
                        cur_map = cur[2]
                        cur_path = path
                        cur_keys = pos.keys
                        cur_values = pos.values
            if entry is None:
                # everything else: blank lines, comments, items, a change of level, a waiting value,
                # a key not seen before, and whatever is outside the subset
                if not rest or rest[0] == "#":
                    continue
                match = _LINE.match(text_line)
                if match is None:
                    raise _Unsupported
                dash, key, sep, val = match.groups("")
                if not dash and not key:
                    raise _Unsupported  # a scalar alone on its line, a document marker, ...
                if lazy is not None:  # the list opened on the hot path is a frame from here on
                    stack.append(lazy)
                    lazy = None
                cur_indent = seq_indent = list_indent = -1
                if pending:
                    frame = stack[-1]
                    if col > frame[1] or (col == frame[1] and dash and pending == 1):
                        # the waiting value is a block collection that starts on this line
                        depth = frame[5] + 1
                        if depth >= MAX_DEPTH:
                            raise _Unsupported
                        if pending == 1:
                            if dash and frame[0] == _TOP:
                                new = [_ITEMS, col, [], pending_path, None, 1, col == frame[1]]
                            elif dash:
                                new = [_SEQ, col, [], pending_path, frame[4], depth, col == frame[1]]
                            else:
                                new = [_MAP, col, {}, pending_path, frame[4], depth, False]
                            frame[2][pending_key] = new[2]
                        else:
                            path, pos = self.child(frame, (line, col + 1))
                            new = [_SEQ, col, [], path, pos, depth, False] if dash else [
                                _MAP, col, {}, path, pos, depth, False]
                            frame[2].append(new[2])
                        stack.append(new)
                    elif pending == 1:  # an empty value: null, placed just after the colon
                        frame[4].values[pending_path] = pending_mark
                    else:
                        self.child(frame, pending_mark)
                        frame[2].append(None)
                    pending = 0
                while stack and col < stack[-1][1]:
                    stack.pop()
                if not stack:
                    if root is not None:
                        raise _Unsupported
                    root = [_SEQ, col, [], (), positions, 0, False] if dash else [
                        _TOP, col, {}, (), positions, 0, False]
                    stack.append(root)
                frame = stack[-1]
                if col != frame[1]:
                    raise _Unsupported
                kind = frame[0]
                if kind >= _SEQ:
                    if not dash:
                        if not frame[6]:
                            raise _Unsupported
                        stack.pop()  # a key of the mapping whose value the list was
                        frame = stack[-1]
                    else:
                        if not key and (not val or val[0] == "#"):
                            pending = 2
                            pending_mark = (line, col + 2)
                            continue
                        item_col = col + len(dash)
                        index = len(frame[2])
                        if kind == _SEQ:
                            path = (*frame[3], index)
                            pos = frame[4]
                            pos.values[path] = (line, item_col + 1)
                        else:  # an element of a root key's list: its positions are its own
                            element = (frame[3][0], index)
                            positions.values[element] = (line, item_col + 1)
                            pos = items[element] = Positions()
                            path = ()
                        if not key:
                            first = val[0]
                            if first == "-" and (len(val) == 1 or val[1] == " "):
                                raise _Unsupported  # `- - x`
                            if (first not in special and ": " not in val and " #" not in val
                                    and val[-1] not in ": "):
                                frame[2].append(val)
                            else:
                                frame[2].append(self.value(val, line, item_col, path, pos, frame[5] + 1,
                                                           None)[0])
                            if kind == _SEQ:
                                seq_indent = col
                                seq_list = frame[2]
                                seq_path = frame[3]
                                seq_values = frame[4].values
                            continue
                        # `- key: ...`: a mapping whose keys stand in this column
                        if frame[5] + 1 >= MAX_DEPTH:
                            raise _Unsupported
                        if item_col == col + 2:
                            list_indent = col
                            list_level = len(stack) - 1
                        new = [_MAP, item_col, {}, path, pos, frame[5] + 1, False]
                        frame[2].append(new[2])
                        stack.append(new)
                        frame = new
                elif dash:
                    raise _Unsupported
                cur = frame
                cur_indent = frame[1]
                cur_map = frame[2]
                cur_path = frame[3]
                cur_keys = frame[4].keys
                cur_values = frame[4].values
                entry = paths.get(key)
                if entry is None:
                    if len(key) > 250 or key[-1] == " " or (key[0] in special and (
                            key.startswith("...") or not _key_ok(key))):
                        raise _Unsupported
                    entry = paths[key] = (key,)
            # a key of the current mapping, at column cur_indent; it closes a list opened on the hot path
            lazy = None
            seq_indent = -1
            key = entry[0]  # one string for every use of a key
            if key in cur_map:
                raise _Unsupported  # a duplicate key: the full reader reports it
            child: Path_ = (*cur_path, key) if cur_path else entry
            cur_keys[child] = (line, cur_indent + 1)
            if not val or val[0] in special:
                if val[:1] == " ":  # more than one space after the colon
                    stripped = val.lstrip(" ")
                    sep += val[:len(val) - len(stripped)]
                    val = stripped
                if not val or val[0] == "#":
                    cur_map[key] = None
                    pending = 1
                    pending_key = key
                    pending_path = child
                    pending_mark = (line, cur_indent + len(key) + 2)
                    pending_indent = cur_indent if cur[0] == _MAP else -1
                    cur_indent = -1
                    continue
                value, is_scalar = self.value(val, line, cur_indent + len(key) + len(sep), child,
                                              cur[4], cur[5] + 1, key if cur[0] == _TOP else None)
                cur_map[key] = value
                if is_scalar:
                    cur_values[child] = (line, cur_indent + len(key) + len(sep) + 1)
                continue
            # the hot path of mappings: plain text
            if ": " in val or " #" in val or val[-1] in ": ":
                val = _scalar(val)  # a comment, trailing spaces, or not plain text
            cur_map[key] = val
            cur_values[child] = (line, cur_indent + len(key) + len(sep) + 1)
        if pending:
            frame = stack[-1]
            if pending == 1:
                frame[4].values[pending_path] = pending_mark
            else:
                self.child(frame, pending_mark)
                frame[2].append(None)
        if root is None:
            doc.empty = True
        else:
            doc.value = root[2]
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


def _after_flow_item(s: str, i: int, closer: str) -> tuple[bool, int]:
    """After an item of a one-line flow collection: (True, the index past ``closer``) at its end, else
    (False, the index of the next item); anything else is not for this reader."""
    i = _skip(s, i)
    following = s[i:i + 1]
    if following == closer:
        return True, i + 1
    if following != ",":
        raise _Unsupported
    i = _skip(s, i + 1)
    if s[i:i + 1] in (closer, ""):
        raise _Unsupported
    return False, i
