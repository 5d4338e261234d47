"""Plain values and their positions from PyYAML's C event stream, in one pass, without a node tree.

Composing PyYAML's node tree first costs about twenty times a file's size in memory (1.1 GB for a
50 MB file); reading the events one by one with an explicit stack keeps only the values being built.
Every check of a composed reading is kept, with the same messages and marks: duplicate keys, tags,
the depth limit, anchors and aliases (an alias replays the anchored events, within a budget that
stops an alias bomb), and the composer's own errors (undefined alias, duplicate anchor, a second
document). A YAML syntax error is raised as PyYAML raises it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import ComposerError

from spbe_arch.workspace import Path_

try:  # the C parser is in every PyYAML wheel; the pure one keeps source installs working
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 40

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SCALAR_TAGS = {_INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP}
_KIND_NAMES = {_INT: "whole number", _FLOAT: "number", _BOOL: "true or false", _TIMESTAMP: "date"}
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers  # the YAML 1.1 resolvers, by first character
_constructor = yaml.constructor.SafeConstructor()

_Scalar = yaml.ScalarEvent
_Alias = yaml.AliasEvent
_MapStart = yaml.MappingStartEvent
_SeqStart = yaml.SequenceStartEvent
_MapEnd = yaml.MappingEndEvent
_SeqEnd = yaml.SequenceEndEvent
_DocStart = yaml.DocumentStartEvent
_StreamEnd = yaml.StreamEndEvent
_NODE_STARTS = frozenset({_Scalar, _MapStart, _SeqStart})

# frame kinds
_DOC, _SEQ_F, _MAP_F, _TOP, _ITEMS = range(5)
_NOKEY = object()  # a mapping frame waiting for its next key

_BOMB = ("document expands to far more values than it has characters "
         "(an alias bomb?); anchors and aliases may not multiply content")
_KEY_NOT_PLAIN = "a key must be a plain value, not a list or mapping"


class YamlProblem(Exception):
    """A problem that makes (part of) a document unreadable, with its position."""

    def __init__(self, rule: str, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column


@dataclass
class Positions:
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Document:
    """What one YAML text holds: its value, the positions, and the problems found on the way.

    ``items`` holds the positions inside each item of a top-level list, relative to the item:
    (key, index) -> Positions, so that an element's positions are found without scanning the file's.
    ``fatal`` is the first problem that makes the document unreadable (then ``value`` is None);
    ``problems`` the duplicate keys, then the refused tags, of a readable one.
    """

    empty: bool = False
    value: Any = None
    positions: Positions = field(default_factory=Positions)
    items: dict[tuple[str, int], Positions] = field(default_factory=dict)
    problems: list[YamlProblem] = field(default_factory=list)
    fatal: YamlProblem | None = None


class _Frame:
    """One open collection: what it builds, where its children's positions go, and its state."""

    __slots__ = (
        "child_path",
        "depth",
        "dup",
        "key",
        "keys",
        "kind",
        "mark",
        "path",
        "pending",
        "pos",
        "value",
    )

    def __init__(self, kind: int, value: Any, path: Path_, pos: Positions | None, depth: int,
                 mark: tuple[int, int]) -> None:
        self.kind = kind
        self.value = value
        self.path = path
        self.pos = pos
        self.depth = depth
        self.mark = mark
        self.key: Any = _NOKEY
        self.child_path: Path_ = path
        self.dup = False  # the value of the current key is a duplicate's: skipped, not read
        # scalar keys as written, with their marks (a duplicate's message names the first one's line)
        self.keys: Any = [] if kind == _MAP_F else {}  # the top frame: key -> mark of its first use
        self.pending: list[tuple[YamlProblem, Any]] = []


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _resolve(event: Any) -> str:
    """The tag of a scalar event, resolved as PyYAML's resolver does (plain scalars only)."""
    tag = event.tag
    if tag is None or tag == "!":
        if event.implicit[0]:
            value = event.value
            for resolved, regexp in _IMPLICIT.get(value[:1], ()):
                if regexp.match(value):
                    return str(resolved)
        return _STR
    return str(tag)


class _Reader:
    """One pass over the events of one document; see :func:`read_document`."""

    def __init__(self, text: str) -> None:
        self.loader = _Loader(text)
        self.budget = len(text) + 10_000  # more values than characters means alias expansion
        self.doc = Document()
        self.duplicates: list[YamlProblem] = []
        self.tag_problems: list[YamlProblem] = []
        self.anchors: dict[str, list[Any]] = {}
        self.recording: list[list[Any]] = []  # open anchored collections: [events, open count]
        self.replays: list[Iterator[Any]] = []
        self.fatal: YamlProblem | None = None
        # the same key in thousands of elements is one string and one path, not thousands
        self.names: dict[str, str] = {}
        self.paths: dict[str, Path_] = {}
        self.documents = 0
        self.root_mark: Any = None

    # --- the source: events in order, with the composer's checks ------------------------------

    def _check(self, event: Any, cls: type) -> None:
        """What the composer checks on a source event; recording of the anchored collections."""
        if self.recording:
            self._record(event, cls)
        if cls is _Alias:
            if event.anchor not in self.anchors:
                raise ComposerError(None, None, "found undefined alias", event.start_mark)
        elif (cls is _Scalar or cls is _MapStart or cls is _SeqStart) and event.anchor is not None:
            anchor = event.anchor
            if anchor in self.anchors:
                raise ComposerError("found duplicate anchor; first occurrence", self.anchors[anchor][0].start_mark,
                                    "second occurrence", event.start_mark)
            events = [event]
            self.anchors[anchor] = events
            if cls is not _Scalar and self.fatal is None:
                self.recording.append([events, 1])
        elif cls is _DocStart:
            self.documents += 1
            if self.documents > 1:
                raise ComposerError("expected a single document in the stream", self.root_mark,
                                    "but found another document", event.start_mark)

    def _record(self, event: Any, cls: type) -> None:
        step = 1 if cls is _MapStart or cls is _SeqStart else -1 if cls is _MapEnd or cls is _SeqEnd else 0
        still = []
        for entry in self.recording:
            entry[0].append(event)
            entry[1] += step
            if entry[1]:
                still.append(entry)
        self.recording = still

    def _stop(self, problem: YamlProblem) -> None:
        """The document is unreadable: keep parsing only for a YAML error further on (which wins)."""
        self.fatal = problem
        self.replays.clear()
        self.recording.clear()

    # --- the values ------------------------------------------------------------------------------

    def read(self) -> Document:
        stack: list[_Frame] = [_Frame(_DOC, None, (), None, 0, (1, 1))]
        skipping = 0  # open collections of a duplicate key's value, which is not read
        replays = self.replays
        get_event = self.loader.get_event
        check = self._check
        implicit = _IMPLICIT
        key_tags: dict[str, str] = {}
        names = self.names
        paths = self.paths
        while True:
            event: Any = None
            while replays:
                event = next(replays[-1], None)
                if event is not None:
                    break
                replays.pop()
            if event is None:
                event = get_event()
                cls = type(event)
                if self.recording or cls is _Alias or cls is _DocStart or (
                        cls in _NODE_STARTS and event.anchor is not None):
                    check(event, cls)
            else:
                cls = type(event)
            if cls is _StreamEnd:
                break
            if self.fatal is not None:
                continue
            if skipping:
                if cls is _MapStart or cls is _SeqStart:
                    skipping += 1
                elif cls is _MapEnd or cls is _SeqEnd:
                    skipping -= 1
                continue
            try:
                if cls is _Scalar:
                    frame = stack[-1]
                    if frame.kind == _MAP_F and event.tag is None:
                        # the hot path, a plain or quoted scalar in a mapping: what _node does, inlined
                        value = event.value
                        tag = _STR
                        if frame.key is _NOKEY:  # a key: few distinct ones, their tags are remembered
                            if event.implicit[0]:
                                tag = key_tags.get(value) or key_tags.setdefault(value, _resolve(event))
                            if tag == _STR:
                                self.budget -= 1
                                mark = event.start_mark
                                key_mark = (mark.line + 1, mark.column + 1)
                                frame.keys.append((value, key_mark))
                                key = names.get(value)
                                if key is None:
                                    key = names.setdefault(value, value)
                                frame.key = key
                                if key in frame.value:
                                    self._duplicate(frame, key, key_mark)
                                    continue
                                if frame.path:
                                    child_path: Path_ = (*frame.path, key)
                                else:
                                    child_path = paths.get(key) or paths.setdefault(key, (key,))
                                frame.child_path = child_path
                                if frame.pos is not None:
                                    frame.pos.keys[child_path] = key_mark
                                continue
                        else:
                            if event.implicit[0]:
                                for resolved, regexp in implicit.get(value[:1], ()):
                                    if regexp.match(value):
                                        tag = resolved
                                        break
                            mark = event.start_mark
                            if tag == _STR and not frame.dup:
                                self.budget -= 1
                                if self.budget < 0:
                                    raise YamlProblem("SC012", _BOMB, mark.line + 1, mark.column + 1)
                                if frame.pos is not None:
                                    frame.pos.values[frame.child_path] = (mark.line + 1, mark.column + 1)
                                frame.value[frame.key] = value
                                frame.key = _NOKEY
                                continue
                    self._node(event, cls, frame, stack)
                elif cls is _MapStart or cls is _SeqStart:
                    if self._node(event, cls, stack[-1], stack):
                        skipping = 1
                elif cls is _MapEnd or cls is _SeqEnd:
                    self._close(stack)
                elif cls is _Alias:
                    frame = stack[-1]
                    if frame.dup and frame.key is not _NOKEY:  # a duplicate key's value: not read
                        frame.key = _NOKEY
                        frame.dup = False
                    else:
                        replays.append(iter(self.anchors[event.anchor]))
            except YamlProblem as problem:
                self._stop(problem)
        doc = self.doc
        if self.fatal is not None:
            doc.fatal = self.fatal
            doc.value = None
        elif self.documents == 0:
            doc.empty = True
        else:
            doc.value = stack[0].value
            doc.problems = self.duplicates + self.tag_problems
        return doc

    def _node(self, event: Any, cls: type, frame: _Frame, stack: list[_Frame]) -> bool:
        """A node starts inside ``frame``; True when it is a collection to skip unread."""
        kind = frame.kind
        if kind == _MAP_F:
            if frame.key is _NOKEY:  # a key
                if cls is _Scalar and _resolve(event) == _STR:
                    self.budget -= 1
                    raw = event.value
                    self._map_key(frame, self.names.setdefault(raw, raw), _mark(event), raw)
                else:
                    self._enter(event, cls, frame.path, None, frame.depth + 1, stack)
                return False
            if frame.dup:
                frame.key = _NOKEY
                frame.dup = False
                return cls is not _Scalar
            pos = frame.pos
            if pos is not None and cls is _Scalar:
                pos.values[frame.child_path] = _mark(event)
            self._enter(event, cls, frame.child_path, pos, frame.depth + 1, stack)
            return False
        if kind == _SEQ_F:
            pos = frame.pos
            if pos is None:
                self._enter(event, cls, frame.path, None, frame.depth + 1, stack)
            else:
                child_path = (*frame.path, len(frame.value))
                pos.values[child_path] = _mark(event)
                self._enter(event, cls, child_path, pos, frame.depth + 1, stack)
            return False
        if kind == _ITEMS:
            index = len(frame.value)
            self.doc.positions.values[(*frame.path, index)] = _mark(event)
            item = Positions()
            self.doc.items[(str(frame.path[0]), index)] = item
            self._enter(event, cls, (), item, 2, stack)
            return False
        if kind == _TOP:
            if frame.key is _NOKEY:
                self._enter(event, cls, (), None, 1, stack)
                return False
            if frame.dup:
                frame.key = _NOKEY
                frame.dup = False
                return cls is not _Scalar
            if cls is _SeqStart and (event.tag is None or event.tag in ("!", _SEQ)):
                stack.append(_Frame(_ITEMS, [], frame.child_path, None, 1, _mark(event)))
                return False
            if cls is _Scalar:
                self.doc.positions.values[frame.child_path] = _mark(event)
            self._enter(event, cls, frame.child_path, self.doc.positions, 1, stack)
            return False
        # the document's root
        self.root_mark = event.start_mark
        if cls is _MapStart and (event.tag is None or event.tag in ("!", _MAP)):
            stack.append(_Frame(_TOP, {}, (), self.doc.positions, 0, _mark(event)))
        else:
            self._enter(event, cls, (), self.doc.positions, 0, stack)
        return False

    def _enter(self, event: Any, cls: type, path: Path_, pos: Positions | None, depth: int,
               stack: list[_Frame]) -> None:
        """Read a node as a value at ``path``: a scalar at once, a collection by opening a frame."""
        self.budget -= 1
        if self.budget < 0:
            raise YamlProblem("SC012", _BOMB, *_mark(event))
        if cls is _Scalar:
            tag = _resolve(event)
            value = event.value if tag == _STR else self._scalar(event, tag)
            self._deliver(stack[-1], value, _mark(event), event.value)
            return
        if depth > MAX_DEPTH:
            raise YamlProblem("SC012", f"document is nested deeper than {MAX_DEPTH} levels", *_mark(event))
        expected = _SEQ if cls is _SeqStart else _MAP
        tag = event.tag
        if tag is not None and tag != "!" and tag != expected:
            self.tag_problems.append(YamlProblem(
                "SC011", f"tag {tag!r} is not allowed: workspace files hold plain YAML values only",
                *_mark(event)))
        if cls is _SeqStart:
            stack.append(_Frame(_SEQ_F, [], path, pos, depth, _mark(event)))
        else:
            stack.append(_Frame(_MAP_F, {}, path, pos, depth, _mark(event)))

    def _scalar(self, event: Any, tag: str) -> Any:
        value = event.value
        if tag in _SCALAR_TAGS:
            if tag == _NULL:
                return None
            node = yaml.ScalarNode(tag, value)
            try:
                if tag == _INT:
                    return _constructor.construct_yaml_int(node)
                if tag == _FLOAT:
                    return _constructor.construct_yaml_float(node)
                if tag == _BOOL:
                    return _constructor.construct_yaml_bool(node)
                return _constructor.construct_yaml_timestamp(node)
            except (ValueError, yaml.YAMLError) as exc:
                raise YamlProblem("SC001", f"cannot read value {value!r}: {exc}", *_mark(event)) from exc
            except (KeyError, AttributeError, IndexError) as exc:  # an explicit tag on text not of its kind (or empty)
                raise YamlProblem("SC001", f"cannot read value {value!r}: not a {_KIND_NAMES[tag]}",
                                  *_mark(event)) from exc
        self.tag_problems.append(YamlProblem(
            "SC011", f"tag {tag!r} is not allowed: workspace files hold plain YAML values only",
            *_mark(event)))
        return value

    def _deliver(self, frame: _Frame, value: Any, mark: tuple[int, int], raw: str | None) -> None:
        """A value is complete: it is an item, a key or a value of ``frame``."""
        kind = frame.kind
        if kind in (_SEQ_F, _ITEMS):
            frame.value.append(value)
        elif kind == _MAP_F:
            if frame.key is _NOKEY:
                if isinstance(value, list | dict):
                    raise YamlProblem("SC001", _KEY_NOT_PLAIN, *mark)
                self._map_key(frame, value, mark, raw)
            else:
                frame.value[frame.key] = value
                frame.key = _NOKEY
        elif kind == _TOP:
            if frame.key is _NOKEY:
                self._top_key(frame, value, mark)
            else:
                frame.value[frame.key] = value
                frame.key = _NOKEY
        else:
            frame.value = value

    def _map_key(self, frame: _Frame, key: Any, mark: tuple[int, int], raw: str | None) -> None:
        if raw is not None:
            frame.keys.append((raw, mark))
        frame.key = key
        if key in frame.value:
            self._duplicate(frame, key, mark)
            return
        if frame.path:
            child_path: Path_ = (*frame.path, str(key))
        else:  # the keys of an element: one path tuple per name, shared by every element
            name = str(key)
            child_path = self.paths.get(name) or self.paths.setdefault(name, (name,))
        frame.child_path = child_path
        if frame.pos is not None:
            frame.pos.keys[child_path] = mark

    def _duplicate(self, frame: _Frame, key: Any, mark: tuple[int, int]) -> None:
        """A key given twice: its value is skipped; the message is written when the mapping closes."""
        problem = YamlProblem("SC003", "", *mark)
        self.duplicates.append(problem)
        frame.pending.append((problem, key))
        frame.dup = True

    def _top_key(self, frame: _Frame, key: Any, mark: tuple[int, int]) -> None:
        if isinstance(key, list | dict):
            raise YamlProblem("SC001", _KEY_NOT_PLAIN, *mark)
        frame.key = key
        seen = frame.keys
        if key in seen:
            self.duplicates.append(YamlProblem(
                "SC003", f"duplicate key {key!r} (first written at line {seen[key][0]}); "
                "YAML keeps only one of them, so merge the two lists", *mark))
            frame.dup = True
            return
        seen[key] = mark
        path: Path_ = (str(key),)
        frame.child_path = path
        self.doc.positions.keys[path] = mark

    def _close(self, stack: list[_Frame]) -> None:
        frame = stack.pop()
        for problem, key in frame.pending:  # now that every key of the mapping is known
            written = str(key)
            first = next((m[0] for raw, m in frame.keys if raw == written), 0)
            problem.message = (f"duplicate key {key!r} (first written at line {first}); "
                               "YAML keeps only one of them, so remove or rename one")
            problem.args = (problem.message,)
        self._deliver(stack[-1], frame.value, frame.mark, None)


def read_document(text: str) -> Document:
    """Read one YAML document. Raises :class:`yaml.YAMLError` when the text is not valid YAML
    (a syntax error, an undefined alias, a duplicate anchor, more than one document)."""
    reader = _Reader(text)
    try:
        return reader.read()
    finally:
        reader.loader.dispose()
