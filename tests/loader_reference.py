"""The node-based YAML converter the loader used before its event-driven one, kept as a reference.

tests/test_loader_events.py checks that the event-driven ``spbe_arch.loader.parse_text`` gives the same
values, positions and findings as this one. It composes PyYAML's whole node tree first, so it needs
about twenty times a file's size in memory; do not use it outside tests.
"""

from __future__ import annotations

from typing import Any, cast

import yaml

from spbe_arch.loader import ParsedFile, _problem, _tab_in_indentation
from spbe_arch.workspace import Path_
from spbe_arch.yamlevents import MAX_DEPTH, Positions, YamlProblem

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_constructor = yaml.constructor.SafeConstructor()
_ScalarNode = yaml.ScalarNode
_SequenceNode = yaml.SequenceNode
_MappingNode = yaml.MappingNode


class _FastLoader(_Loader):
    """The C loader with a leaner tag resolver: no path resolvers, one dict lookup per plain scalar."""

    _implicit = yaml.resolver.Resolver.yaml_implicit_resolvers

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        if kind is _ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is _SequenceNode else _MAP



class _Converter:
    """Turns one composed document into plain Python values, recording positions per path."""

    def __init__(self, text_length: int) -> None:
        self.budget = text_length + 10_000  # more nodes than characters means alias expansion
        self.duplicates: list[YamlProblem] = []
        self.tag_problems: list[YamlProblem] = []

    def convert(self, node: yaml.Node, path: Path_, pos: Positions | None, depth: int = 0) -> Any:
        # The hot loop of loading: exact type checks and inlined marks keep it near libyaml's speed.
        self.budget -= 1
        if self.budget < 0:
            raise YamlProblem(
                "SC012", "document expands to far more values than it has characters "
                "(an alias bomb?); anchors and aliases may not multiply content", *_mark(node),
            )
        cls = type(node)
        if cls is _ScalarNode:
            if node.tag == _STR:
                return node.value
            return self._scalar(cast(yaml.ScalarNode, node))
        if depth > MAX_DEPTH:
            raise YamlProblem("SC012", f"document is nested deeper than {MAX_DEPTH} levels", *_mark(node))
        child_depth = depth + 1
        if cls is _SequenceNode:
            if node.tag != _SEQ:
                self._check_tag(node, _SEQ)
            if pos is None:
                return [self.convert(child, path, None, child_depth) for child in node.value]
            values = pos.values
            items = []
            for i, child in enumerate(node.value):
                child_path = (*path, i)
                mark = child.start_mark
                values[child_path] = (mark.line + 1, mark.column + 1)
                items.append(self.convert(child, child_path, pos, child_depth))
            return items
        if cls is _MappingNode:
            if node.tag != _MAP:
                self._check_tag(node, _MAP)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if type(key_node) is _ScalarNode and key_node.tag == _STR:
                    self.budget -= 1
                    key: Any = key_node.value
                else:
                    key = self.convert(key_node, path, None, child_depth)
                    if isinstance(key, list | dict):
                        raise YamlProblem("SC001", "a key must be a plain value, not a list or mapping",
                                          *_mark(key_node))
                if key in result:
                    self._duplicate(cast(yaml.MappingNode, node), key, key_node)
                    continue
                child_path = (*path, str(key))
                if pos is not None:
                    mark = key_node.start_mark
                    pos.keys[child_path] = (mark.line + 1, mark.column + 1)
                    if type(value_node) is _ScalarNode:
                        mark = value_node.start_mark
                        pos.values[child_path] = (mark.line + 1, mark.column + 1)
                result[key] = self.convert(value_node, child_path, pos, child_depth)
            return result
        raise YamlProblem("SC001", "unsupported YAML node", *_mark(node))  # pragma: no cover

    def _duplicate(self, mapping: yaml.MappingNode, key: Any, key_node: yaml.Node) -> None:
        first_line = next(
            (k.start_mark.line + 1 for k, _ in mapping.value if type(k) is _ScalarNode and k.value == str(key)), 0
        )
        self.duplicates.append(YamlProblem(
            "SC003", f"duplicate key {key!r} (first written at line {first_line}); "
            "YAML keeps only one of them, so remove or rename one", *_mark(key_node),
        ))

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag in _SCALAR_TAGS:
            try:
                if tag == "tag:yaml.org,2002:int":
                    return _constructor.construct_yaml_int(node)
                if tag == "tag:yaml.org,2002:float":
                    return _constructor.construct_yaml_float(node)
                if tag == "tag:yaml.org,2002:bool":
                    return _constructor.construct_yaml_bool(node)
                if tag == "tag:yaml.org,2002:null":
                    return None
                return _constructor.construct_yaml_timestamp(node)
            except (ValueError, yaml.YAMLError) as exc:
                raise YamlProblem("SC001", f"cannot read value {node.value!r}: {exc}", *_mark(node)) from exc
            except (KeyError, AttributeError, IndexError) as exc:
                kinds = {"tag:yaml.org,2002:int": "whole number", "tag:yaml.org,2002:float": "number",
                         "tag:yaml.org,2002:bool": "true or false", "tag:yaml.org,2002:timestamp": "date"}
                raise YamlProblem("SC001", f"cannot read value {node.value!r}: not a {kinds[tag]}",
                                  *_mark(node)) from exc
        self.tag_problems.append(YamlProblem(
            "SC011", f"tag {tag!r} is not allowed: workspace files hold plain YAML values only",
            *_mark(node),
        ))
        return node.value

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self.tag_problems.append(YamlProblem(
                "SC011", f"tag {node.tag!r} is not allowed: workspace files hold plain YAML values only",
                *_mark(node),
            ))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1



def reference_parse_text(text: str, rel: str) -> ParsedFile:
    """Parse one YAML document held in ``text``; ``rel`` is the name used in messages."""
    parsed = ParsedFile(rel)
    if "\t" in text:
        tab = _tab_in_indentation(text)
        if tab is not None:
            parsed.problems.append(_problem(
                rel, "SC001", "a tab in the indentation: YAML indents with spaces only", *tab))
            parsed.readable = False
            return parsed
    try:
        node = yaml.compose(text, Loader=_FastLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        parsed.problems.append(_problem(rel, "SC001", f"not valid YAML: {what}", line, col))
        parsed.readable = False
        return parsed
    except yaml.YAMLError as exc:
        parsed.problems.append(_problem(rel, "SC001", f"not valid YAML: {exc}"))
        parsed.readable = False
        return parsed
    if node is None:
        parsed.problems.append(_problem(rel, "SC014", "file is empty", severity="info"))
        return parsed
    converter = _Converter(len(text))
    try:
        parsed.value = _convert_document(converter, node, parsed)
    except YamlProblem as exc:
        parsed.problems.append(_problem(rel, exc.rule, exc.message, exc.line, exc.column))
        parsed.readable = False
        parsed.value = None
        return parsed
    except RecursionError:
        parsed.problems.append(_problem(rel, "SC012", "document is nested too deeply"))
        parsed.readable = False
        return parsed
    for problem in converter.duplicates + converter.tag_problems:
        parsed.problems.append(_problem(rel, problem.rule, problem.message, problem.line, problem.column))
    return parsed


def _convert_document(converter: _Converter, node: yaml.Node, parsed: ParsedFile) -> Any:
    """Like ``convert``, but each item of a top-level list gets positions of its own, so that an
    element's positions are found without scanning the whole file's."""
    if not isinstance(node, yaml.MappingNode) or node.tag != _MAP:
        return converter.convert(node, (), parsed.positions)
    result: dict[Any, Any] = {}
    seen: dict[Any, yaml.Node] = {}
    for key_node, value_node in node.value:
        key = converter.convert(key_node, (), None, 1)
        if isinstance(key, list | dict):
            raise YamlProblem("SC001", "a key must be a plain value, not a list or mapping", *_mark(key_node))
        if key in seen:
            line, _ = _mark(seen[key])
            converter.duplicates.append(YamlProblem(
                "SC003", f"duplicate key {key!r} (first written at line {line}); "
                "YAML keeps only one of them, so merge the two lists", *_mark(key_node)))
            continue
        seen[key] = key_node
        path: Path_ = (str(key),)
        parsed.positions.keys[path] = _mark(key_node)
        if isinstance(value_node, yaml.SequenceNode) and value_node.tag == _SEQ:
            items = []
            for i, child in enumerate(value_node.value):
                parsed.positions.values[(*path, i)] = _mark(child)
                item_positions = Positions()
                parsed.items[(str(key), i)] = item_positions
                items.append(converter.convert(child, (), item_positions, 2))
            result[key] = items
        else:
            if isinstance(value_node, yaml.ScalarNode):
                parsed.positions.values[path] = _mark(value_node)
            result[key] = converter.convert(value_node, path, parsed.positions, 1)
    return result

