"""Reading a workspace: safe YAML (libyaml), every value with its position, every error collected.

:mod:`spbe_arch.yamlevents` turns libyaml's events into plain values with their positions in one
pass (no node tree is held), rejecting duplicate keys and unsafe tags and bounding alias expansion
and depth.
The result is validated by the pydantic classes of :mod:`spbe_arch.model`.
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import stat
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from spbe_arch.errors import WorkspaceError
from spbe_arch.findings import Finding, at
from spbe_arch.model import (
    COLLECTIONS,
    ELEMENT_CLASSES,
    FORMAT_VERSION,
    ID_RE,
    Element,
    Government,
    Manifest,
    PropertySpec,
    id_problem,
    slugify,
)
from spbe_arch.parallel import read_all
from spbe_arch.workspace import ElementSource, PackedPositions, Path_, Workspace, key_position, pack_positions
from spbe_arch.wspaths import is_outside
from spbe_arch.yamlevents import Positions, read_document
from spbe_arch.yamlfast import read_simple

MANIFEST_NAMES = ("spbe.yaml", "spbe.yml")
YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 64 * 1024 * 1024
# Top-level keys of workspace files that hold a section, not elements: file recorded in Workspace.sections.
SECTION_KEYS = frozenset({"indeks_spbe"})
_ID_PATH = ("id",)
_NO_POSITIONS: PackedPositions = (array("q"), 0, (), ())  # an item the reader recorded no positions for

@dataclass
class ParsedFile:
    path: str
    value: Any = None
    positions: Positions = field(default_factory=Positions)
    problems: list[Finding] = field(default_factory=list)
    readable: bool = True
    # positions inside each item of a top-level list, relative to the item: (key, index) -> Positions
    items: dict[tuple[str, int], Positions] = field(default_factory=dict)
    # the same, packed as elements keep them (see read_packed); then ``items`` is empty
    packed: dict[tuple[str, int], PackedPositions] = field(default_factory=dict)


def _problem(rel: str, rule: str, message: str, line: int = 1, column: int = 1,
             severity: str = "error") -> Finding:
    return Finding(rule=rule, severity=severity, message=message, file=rel, line=line,  # type: ignore[arg-type]
                   column=column)


def parse_text(text: str, rel: str) -> ParsedFile:
    """Parse one YAML document held in ``text``; ``rel`` is the name used in messages."""
    parsed = ParsedFile(rel)
    if "\t" in text:
        tab = _tab_in_indentation(text)
        if tab is not None:
            parsed.problems.append(_problem(
                rel, "SC001", "a tab in the indentation: YAML indents with spaces only", *tab))
            parsed.readable = False
            return parsed
    doc = read_simple(text)  # the plain block YAML of nearly every file, several times faster
    try:
        if doc is None:
            doc = read_document(text)
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
    if doc.empty:
        parsed.problems.append(_problem(rel, "SC014", "file is empty", severity="info"))
        return parsed
    if doc.fatal is not None:
        fatal = doc.fatal
        parsed.problems.append(_problem(rel, fatal.rule, fatal.message, fatal.line, fatal.column))
        parsed.readable = False
        return parsed
    parsed.value = doc.value
    parsed.positions = doc.positions
    parsed.items = doc.items
    for problem in doc.problems:
        parsed.problems.append(_problem(rel, problem.rule, problem.message, problem.line, problem.column))
    return parsed


def _tab_in_indentation(text: str) -> tuple[int, int] | None:
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        if stripped.startswith("\t"):
            return number, len(line) - len(stripped) + 1
    return None


class _NotReadable(Exception):
    """Not a regular file, or over the size limit: refused before reading."""


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_FILE_BYTES`. Opened without blocking and
    checked on the open descriptor, so a FIFO cannot hang the run and a device (``/dev/zero``)
    cannot fill the memory; at most the limit plus one byte is ever read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotReadable("not a regular file (a device, a pipe or a socket); it was not read")
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise _NotReadable(f"file is over the limit of {MAX_FILE_BYTES} bytes; split it")
    return raw


def read_file(path: Path, rel: str) -> ParsedFile:
    """Read and parse one file, turning every way it can be unreadable into a finding."""
    try:
        raw = _read_regular(path)
    except _NotReadable as exc:
        parsed = ParsedFile(rel, readable=False)
        parsed.problems.append(_problem(rel, "SC002", str(exc)))
        return parsed
    except OSError as exc:
        parsed = ParsedFile(rel, readable=False)
        parsed.problems.append(_problem(rel, "SC002", f"cannot read file: {exc.strerror or exc}"))
        return parsed
    if b"\x00" in raw:
        parsed = ParsedFile(rel, readable=False)
        parsed.problems.append(_problem(rel, "SC002", "file is binary, not YAML text"))
        return parsed
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        parsed = ParsedFile(rel, readable=False)
        parsed.problems.append(_problem(
            rel, "SC002", f"file is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            line, column))
        return parsed
    del raw  # the text is read from here on: one copy of the file in memory, not two
    return parse_text(text, rel)


def read_packed(path: Path, rel: str) -> ParsedFile:
    """:func:`read_file`, with the positions of each item packed as its element will hold them: done
    where the file is parsed (in a worker process when there are several), and smaller to send back."""
    parsed = read_file(path, rel)
    if parsed.items:
        marks: array[int] = array("q")  # one array for the file: one object to send back, not one per item
        parsed.packed = {key: pack_positions(item.keys, item.values, marks) for key, item in parsed.items.items()}
        parsed.items = {}
    return parsed


# --- pydantic errors as findings ------------------------------------------------------------


def _submodel(cls: type[BaseModel], loc: Iterable[str | int]) -> type[BaseModel] | None:
    """The pydantic class that holds the last key of ``loc``."""
    current: type[BaseModel] | None = cls
    parts = list(loc)
    for part in parts[:-1]:
        if current is None or isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _model_in(info.annotation)
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    if get_origin(annotation) is not None:
        return None
    return None


def _nearest(word: str, options: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def _dotted(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def describe_error(cls: type[BaseModel], error: Any, what: str) -> tuple[str, str, bool]:
    """(rule, message, point at key) for one pydantic error, with the suggestion a user needs."""
    loc: tuple[str | int, ...] = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
    kind = error["type"]
    where = _dotted(loc)
    if kind == "extra_forbidden":
        holder = _submodel(cls, loc)
        raw_loc = tuple(error["loc"])
        key = str(loc[-1] if loc else raw_loc[-1] if raw_loc else "?")  # a key may itself hold "["
        valid = [f for f in (holder.model_fields if holder else {}) if f != "COLLECTION"]
        guess = _nearest(key, valid)
        hint = f"; did you mean {guess!r}?" if guess else f"; valid keys: {', '.join(valid)}"
        return "SC005", f"unknown key {key!r} in {what}{hint}", True
    if kind == "missing":
        return "SC006", f"{what} is missing required key {where!r}", True
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        value = error.get("input")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        guess = _nearest(str(value), options) if isinstance(value, str) else None
        hint = f"; did you mean {guess!r}?" if guess else ""
        return "SC007", f"{what}: {where}: {value!r} is not valid; expected one of {expected}{hint}", False
    message = error["msg"]
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_RE.pattern:
        return "SC008", f"{what}: {where}: {id_problem(str(error.get('input')))}", False
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
        if "is not a valid id" in message:
            return "SC008", f"{what}: {where}: {message}", False
        return "SC006", f"{what}: {where}: {message}", False
    value = error.get("input")
    if kind == "string_type" and isinstance(value, bool | int | float):
        return "SC006", (f"{what}: {where}: expected text, got {_short(value)}; put the value in quotes "
                         "(YAML reads yes/no/on/off as true/false and digits as numbers)"), False
    return "SC006", f"{what}: {where}: {message} (got {_short(value)})", False


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- the workspace ---------------------------------------------------------------------------


@dataclass
class LoadResult:
    """What loading produced: the workspace (possibly partial) and every problem met."""

    workspace: Workspace | None
    findings: list[Finding]
    fatal: bool = False  # some input could not be read at all (exit code 2)


def _manifest_in(folder: Path) -> Path | None:
    for name in MANIFEST_NAMES:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def find_manifest(root: Path) -> Path:
    found = _manifest_in(root)
    if found is None:
        raise WorkspaceError(
            f"{root}: no spbe.yaml here nor in any folder above it, so this is not inside a workspace "
            f"(give the workspace folder, or run `spbe init {root}` to create one)"
        )
    return found


def enclosing_workspace(start: Path) -> Path | None:
    """The nearest folder above ``start`` (not ``start`` itself) that holds a manifest, if any."""
    for folder in start.resolve().parents:
        if _manifest_in(folder) is not None:
            return folder
    return None


def discover_root(start: Path) -> Path:
    """The workspace folder holding ``start``: ``start`` itself or the nearest folder above it with a
    manifest, as git finds its repository, so that every command works from any subfolder."""
    if _manifest_in(start) is not None:
        return start
    found = enclosing_workspace(start)
    if found is None:
        find_manifest(start)  # raises, naming the folder the user gave
    return found or start


def workspace_files(root: Path, manifest: Manifest | None, manifest_path: Path,
                    problems: list[Finding] | None = None) -> list[Path]:
    """Every YAML file below the root, sorted by relative path: the loading order.

    A folder that cannot be read, and a link that leads outside the workspace, are added to
    ``problems`` (never skipped in silence); such a link is not loaded."""
    found_problems: list[Finding] = problems if problems is not None else []

    def unreadable(exc: OSError) -> None:
        rel = Path(exc.filename or root).relative_to(root).as_posix() if exc.filename else "."
        found_problems.append(_problem(rel, "SC002", f"folder cannot be read: {exc.strerror or exc}; its "
                                       "elements are missing from the model"))

    skip: set[Path] = {manifest_path.resolve()}
    if manifest is not None and manifest.reference_extensions:
        skip.add((root / manifest.reference_extensions).resolve())
    patterns = list(manifest.exclude) if manifest else []
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=unreadable):
        dirnames[:] = [d for d in dirnames if not d.startswith((".", "_")) and d != "node_modules"]
        for name in filenames:
            if name.startswith(".") or not name.endswith(YAML_SUFFIXES):
                continue
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.resolve() in skip or any(fnmatch.fnmatch(rel, p) for p in patterns):
                continue
            if path.is_symlink() and is_outside(root, path):
                found_problems.append(_problem(rel, "SC002", "is a link to a file outside the workspace; "
                                               "it was not read"))
                continue
            found.append((rel, path))
    found.sort()
    return [p for _, p in found]


def load_manifest(root: Path) -> tuple[Manifest | None, list[Finding], Path, Positions]:
    path = find_manifest(root)
    if is_outside(root, path):
        raise WorkspaceError(f"{path}: is a link to a file outside the workspace; it was not read")
    rel = path.relative_to(root).as_posix()
    parsed = read_file(path, rel)
    findings = list(parsed.problems)
    manifest = _manifest_from(parsed, rel, findings)
    return manifest, findings, path, parsed.positions


def _manifest_from(parsed: ParsedFile, rel: str, findings: list[Finding]) -> Manifest | None:
    if not parsed.readable:
        return None
    data = parsed.value
    if not isinstance(data, dict):
        findings.append(_problem(rel, "SC010", "the manifest must be a mapping (spbe: 1, government: ...)"))
        return None
    version = data.get("spbe")
    if version != FORMAT_VERSION:
        line, col = parsed.positions.values.get(("spbe",), (1, 1))
        shown = "missing" if version is None else repr(version)
        findings.append(_problem(
            rel, "SC010", f"format version {shown} is not supported: this spbe-arch reads "
            f"`spbe: {FORMAT_VERSION}`", line, col))
        return None
    try:
        manifest = Manifest.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            rule, message, key = describe_error(Manifest, error, "the manifest")
            loc = tuple(error["loc"])
            line, col = _position(parsed.positions, loc, key)
            findings.append(_problem(rel, "SC010" if rule == "SC006" else rule, message, line, col))
        return None
    return manifest


def _position(positions: Positions, loc: tuple[Any, ...], key: bool) -> tuple[int, int]:
    probe = tuple(loc)
    while probe:
        if not key and probe in positions.values:
            return positions.values[probe]
        if probe in positions.keys:
            return positions.keys[probe]
        probe = probe[:-1]
    return 1, 1


def load_workspace(root: str | os.PathLike[str]) -> LoadResult:
    """Load every file of the workspace at ``root``; never raises for bad content, only for no
    manifest (:class:`WorkspaceError`)."""
    root_path = Path(root)
    if not root_path.exists():
        raise WorkspaceError(f"{root_path}: no such folder")
    if not root_path.is_dir():
        raise WorkspaceError(f"{root_path}: not a folder; give the workspace folder that holds spbe.yaml")
    root_path = discover_root(root_path)
    manifest, findings, manifest_path, manifest_positions = load_manifest(root_path)
    if manifest is None:
        # a broken manifest must not hide the other files' problems: load them against a stand-in
        stand_in = _stand_in_manifest(manifest_path, root_path)
        scratch = Workspace(root=root_path, manifest=stand_in)
        _load_files(root_path, stand_in, manifest_path, scratch, findings, {})
        return LoadResult(None, findings, fatal=True)
    workspace = Workspace(root=root_path, manifest=manifest,
                          manifest_file=manifest_path.relative_to(root_path).as_posix(),
                          manifest_keys=manifest_positions.keys)
    first_seen: dict[str, tuple[str, int, int]] = {}
    # The garbage collector is left as the caller set it: a library must not change process-wide state
    # (the ``spbe`` command raises its thresholds itself, see ``cli.configure_gc``).
    fatal = _load_files(root_path, manifest, manifest_path, workspace, findings, first_seen)
    findings.extend(_check_properties(workspace))
    return LoadResult(workspace, findings, fatal)


def _stand_in_manifest(manifest_path: Path, root: Path) -> Manifest:
    """A minimal manifest keeping what decides which files are workspace files (the local-codes file
    and `exclude`), read leniently from a manifest that did not validate."""
    parsed = read_file(manifest_path, manifest_path.relative_to(root).as_posix())
    data = parsed.value if parsed.readable and isinstance(parsed.value, dict) else {}
    extensions = data.get("reference_extensions")
    exclude = data.get("exclude")
    return Manifest(
        spbe=1, government=Government(name=root.name or "workspace"),
        reference_extensions=extensions if isinstance(extensions, str) else None,
        exclude=[p for p in exclude if isinstance(p, str)] if isinstance(exclude, list) else [],
    )


def _load_files(root_path: Path, manifest: Manifest, manifest_path: Path, workspace: Workspace,
                findings: list[Finding], first_seen: dict[str, tuple[str, int, int]]) -> bool:
    """Load every file into ``workspace``; True when some file could not be read at all."""
    walk_problems: list[Finding] = []
    files = workspace_files(root_path, manifest, manifest_path, walk_problems)
    findings.extend(walk_problems)
    fatal = bool(walk_problems)
    named = [(path, path.relative_to(root_path).as_posix()) for path in files]
    for parsed in read_all(named, read_packed):
        workspace.files.append(parsed.path)
        findings.extend(parsed.problems)
        fatal = fatal or not parsed.readable
        if not parsed.readable or parsed.value is None:
            continue
        findings.extend(_load_document(workspace, parsed, first_seen))
    return fatal


def _load_document(
    workspace: Workspace, parsed: ParsedFile, first_seen: dict[str, tuple[str, int, int]]
) -> list[Finding]:
    rel = parsed.path
    findings: list[Finding] = []
    data = parsed.value
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        return [_problem(rel, "SC004", f"the file holds {kind}; a workspace file is a mapping of "
                         f"collections ({', '.join(COLLECTIONS)})")]
    for collection, items in data.items():
        key_line, key_col = parsed.positions.keys.get((str(collection),), (1, 1))
        if collection in SECTION_KEYS:  # read by its own module (e.g. spbe_arch.indeks), not as elements
            first = workspace.sections.setdefault(str(collection), rel)
            if first != rel:
                findings.append(_problem(rel, "SC004", f"{collection!r} is already given in {first}; keep one",
                                         key_line, key_col))
            continue
        if collection not in ELEMENT_CLASSES:
            guess = _nearest(str(collection), COLLECTIONS)
            hint = f"did you mean {guess!r}?" if guess else f"expected one of {', '.join(COLLECTIONS)}"
            findings.append(_problem(rel, "SC004", f"unknown collection {collection!r}; {hint}",
                                     key_line, key_col))
            continue
        if items is None:
            continue
        if not isinstance(items, list):
            findings.append(_problem(rel, "SC004", f"{collection!r} must be a list of elements "
                                     "(each item starting with '- id: ...')", key_line, key_col))
            continue
        cls = ELEMENT_CLASSES[collection]
        for index, raw in enumerate(items):
            findings.extend(_load_element(workspace, parsed, cls, collection, index, raw, first_seen))
            # each item's raw values and positions are let go once it is an element: in a large file they
            # would otherwise stay beside all the elements until the end, doubling the peak memory
            items[index] = None
            parsed.packed.pop((collection, index), None)
    return findings


def _load_element(
    workspace: Workspace, parsed: ParsedFile, cls: type[Element], collection: str, index: int,
    raw: Any, first_seen: dict[str, tuple[str, int, int]],
) -> list[Finding]:
    rel = parsed.path
    base: Path_ = (collection, index)
    line, col = parsed.positions.values.get(base, (1, 1))
    if not isinstance(raw, dict):
        return [_problem(rel, "SC004", f"an item of {collection!r} must be a mapping with id, name, ...",
                         line, col)]
    raw_id = raw.get("id")
    packed = parsed.packed.get((collection, index), _NO_POSITIONS)
    element_line, element_col = key_position(packed, _ID_PATH) or (line, col)
    source = ElementSource(rel, element_line, element_col, packed=packed)
    findings: list[Finding] = []
    if isinstance(raw_id, str) and raw_id in first_seen:
        # both elements are reported and both kept out of the model: neither is "the" original, and
        # references to the id are not checked, so one copied id gives no cascade of findings
        other = first_seen[raw_id]
        findings.append(_problem(
            rel, "SC009", f"id {raw_id!r} is also used by the element at {other[0]}:{other[1]}:{other[2]}; "
            "ids must be unique across the workspace (rename one of them)", element_line, element_col))
        if raw_id not in workspace.duplicate_ids:
            findings.append(_problem(
                other[0], "SC009", f"id {raw_id!r} is also used by the element at {rel}:{element_line}:"
                f"{element_col}; ids must be unique across the workspace (rename one of them)", other[1], other[2]))
            workspace.duplicate_ids.add(raw_id)
            workspace.remove(raw_id)
            workspace.invalid_ids.pop(raw_id, None)
        return findings
    try:
        element = cls.__pydantic_validator__.validate_python(raw)  # model_validate without its wrapper
    except ValidationError as exc:
        errors = exc.errors()
        singular = _SINGULAR[collection]
        label = f"{singular} {raw_id!r}" if isinstance(raw_id, str) else f"{singular} #{index + 1}"
        element_id = raw_id if isinstance(raw_id, str) and ID_RE.match(raw_id) else None
        for error in errors:
            rule, message, key = describe_error(cls, error, label)
            loc = source.locate(tuple(error["loc"]), key=key)
            findings.append(Finding(rule=rule, severity="error", message=message, element=element_id,
                                    file=rel, line=loc.line, column=loc.column))
        partial = _without_bad_keys(cls, raw, errors)
        if element_id is None:
            return findings
        first_seen[element_id] = (rel, element_line, element_col)
        if partial is None:
            workspace.invalid_ids[element_id] = collection
            workspace.sources.setdefault(element_id, source)
            return findings
        element = partial
    first_seen[element.id] = (rel, element_line, element_col)
    workspace.add(element, source)
    return findings


def _without_bad_keys(cls: type[Element], raw: dict[str, Any], errors: list[Any]) -> Element | None:
    """The element with its invalid keys left out, so that the rest of it is still checked; None
    when what is left is not an element (no valid id, name or owner)."""
    bad = {error["loc"][0] for error in errors if error["loc"]}
    if bad & {"id", "name", "owner"}:
        return None
    try:
        return cls.model_validate({k: v for k, v in raw.items() if k not in bad})
    except ValidationError:
        return None


_SINGULAR = {
    "organizations": "organization", "processes": "process", "services": "service", "data": "data set",
    "applications": "application", "infrastructure": "infrastructure", "security": "security control",
    "roadmap": "roadmap activity",
}

_TYPE_CHECKS: dict[str, tuple[tuple[type, ...], str]] = {
    "string": ((str,), "text"),
    "number": ((int, float), "a number"),
    "integer": ((int,), "a whole number"),
    "boolean": ((bool,), "true or false"),
}


def _check_properties(workspace: Workspace) -> list[Finding]:
    """The manifest's typed properties: required ones present, values of the declared type."""
    findings: list[Finding] = []
    for collection, specs in workspace.manifest.properties.items():
        for element in workspace.collection(collection):
            for name, spec in specs.items():
                findings.extend(_check_property(workspace, element, name, spec))
    return findings


def _check_property(workspace: Workspace, element: Element, name: str, spec: PropertySpec) -> list[Finding]:
    import datetime as dt

    value = element.properties.get(name)
    if value is None:
        if spec.required:
            return [at("SC013", "error", f"property {name!r} is required on every {element.COLLECTION} "
                       "element (see properties in spbe.yaml)",
                       workspace.locate(element.id, ("properties",), key=True), element.id)]
        return []
    location = workspace.locate(element.id, ("properties", name))
    if spec.type == "date":
        ok = isinstance(value, dt.date)
        expected = "a date (YYYY-MM-DD)"
    else:
        types, expected = _TYPE_CHECKS[spec.type]
        ok = isinstance(value, types) and not (spec.type != "boolean" and isinstance(value, bool))
    if not ok:
        return [at("SC013", "error", f"property {name!r} must be {expected}, got {value!r}", location,
                   element.id)]
    if spec.values is not None and value not in spec.values:
        allowed = ", ".join(repr(v) for v in spec.values)
        return [at("SC013", "error", f"property {name!r}: {value!r} is not one of {allowed}", location,
                   element.id)]
    return []


def suggest_id(workspace: Workspace, wrong: str, collections: Iterable[str] | None = None,
               limit: int = 3) -> list[str]:
    """The existing ids nearest to ``wrong`` (in the given collections), best first."""
    from rapidfuzz import fuzz, process

    wanted = set(collections) if collections is not None else None
    candidates = [
        i for i, e in workspace.elements.items() if wanted is None or e.COLLECTION in wanted
    ]
    if not candidates:
        return []
    matches = process.extract(wrong, candidates, scorer=fuzz.WRatio, limit=limit, score_cutoff=60)
    return [m[0] for m in matches]


__all__ = [
    "LoadResult", "ParsedFile", "discover_root", "enclosing_workspace", "find_manifest", "load_workspace",
    "parse_text", "read_file", "slugify", "suggest_id",
]


def open_workspace(root: str | os.PathLike[str]) -> tuple[Workspace, list[Finding]]:
    """Load a workspace for a command that uses the model (stats, impact, diagrams, ...).

    Content problems are returned, not raised: a model with findings is still worth a diagram.
    Only a workspace that cannot be read at all raises :class:`WorkspaceError`, naming the problems.
    """
    result = load_workspace(root)
    if result.workspace is None or result.fatal:
        problems = [f for f in result.findings if f.severity == "error"]
        shown = "\n".join(f.format_line() for f in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise WorkspaceError(f"{root}: the workspace cannot be loaded:\n{shown}{more}")
    return result.workspace, result.findings
