"""``spbe classify --write``: accepted RAA codes into the workspace's YAML files, layout kept.

ruamel.yaml (round-trip) finds each application and the position of its keys; a ``reference:`` key
is then inserted into the text after ``name``, so that comments, key order, flow or block style,
quoting and line wrapping stay exactly as the user wrote them. Every file is written atomically and
only inside the workspace.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spbe_arch.classify import Confidence, Suggestion, at_least
from spbe_arch.errors import SpbeError
from spbe_arch.fileio import write_text_atomic
from spbe_arch.workspace import Workspace


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line the user wrote
    return yaml


def _inside(workspace: Workspace, rel: str) -> Path:
    root = workspace.root.resolve()
    path = (root / rel).resolve()
    if not path.is_relative_to(root):
        raise SpbeError(f"{rel}: outside the workspace {root}; not written")
    return path


def _find(document: Any, app_id: str) -> Any:
    """The mapping of application ``app_id`` in a loaded file (a collection list, or one element)."""
    candidates: list[Any] = []
    if isinstance(document, dict):
        if document.get("id") == app_id:
            return document
        for value in document.values():
            if isinstance(value, list):
                candidates.extend(value)
    elif isinstance(document, list):
        candidates = document
    return next((item for item in candidates if isinstance(item, dict) and item.get("id") == app_id), None)


def _insertion(mapping: Any, code: str) -> tuple[int, int, str] | None:
    """Where and what to insert so that ``reference`` follows ``name``: before the key after ``name``
    (or before ``name`` when it is the last key), in the mapping's own style, flow or block."""
    keys = list(mapping.keys())
    if "name" not in keys:
        return None
    index = keys.index("name")
    flow = mapping.fa.flow_style()
    if index + 1 < len(keys):
        line, column = mapping.lc.key(keys[index + 1])
    else:
        line, column = mapping.lc.key("name")
    text = f"reference: {code}, " if flow else f"reference: {code}\n{' ' * column}"
    return line, column, text


def write_references(workspace: Workspace, suggestions: list[Suggestion], floor: Confidence) -> list[str]:
    """Add the suggested RAA code of each application whose suggestion is at least ``floor`` confident
    and that has none yet; return the files written (relative to the workspace).

    The text is edited in place, at the positions the round-trip parser reports, so that every other
    byte of the file (comments, wrapping, quoting, flow or block style) stays as it was."""
    accepted = [s for s in suggestions if at_least(s.raa.confidence, floor)]
    by_file: dict[str, list[Suggestion]] = {}
    for suggestion in accepted:
        source = workspace.sources.get(suggestion.application)
        if source is not None:
            by_file.setdefault(source.file, []).append(suggestion)
    written: list[str] = []
    yaml = _yaml()
    for rel, items in sorted(by_file.items()):
        path = _inside(workspace, rel)
        text = path.read_text(encoding="utf-8")
        document = yaml.load(text)
        edits: list[tuple[int, int, str]] = []
        for suggestion in items:
            mapping = _find(document, suggestion.application)
            if mapping is None or mapping.get("reference"):
                continue
            edit = _insertion(mapping, suggestion.raa.code)
            if edit is not None:
                edits.append(edit)
        if not edits:
            continue
        lines = text.splitlines(keepends=True)
        for line, column, insert in sorted(edits, reverse=True):
            lines[line] = lines[line][:column] + insert + lines[line][column:]
        new_text = "".join(lines)
        yaml.load(new_text)  # still YAML: never write a file that no longer parses
        write_text_atomic(path, new_text)
        written.append(rel)
    return written
