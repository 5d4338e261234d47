"""A loaded workspace: the manifest, every element by id, and where each was written."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from spbe_arch.findings import Location
from spbe_arch.model import (
    COLLECTIONS,
    Application,
    DataSet,
    Element,
    Infrastructure,
    Manifest,
    Organization,
    Process,
    RoadmapActivity,
    Security,
    Service,
)

Path_ = tuple[str | int, ...]
E = TypeVar("E", bound=Element)
T = TypeVar("T")
ContainerField = Literal["parent", "located_in"]  # the fields that place an element inside another


class ElementSource:
    """File and position of an element, and of every key and list item inside it.

    The positions are held packed: the paths in two tuples, their line and column pairs in one integer
    array shared by every element of the file (from ``start``: the keys', then the values'), rather
    than as two dictionaries of tuples per element: a fraction of the memory, which counts with a
    hundred thousand elements, and one object to send back from a worker process per file, not one
    per element. They are read only to place a finding.
    """

    __slots__ = ("_key_paths", "_marks", "_start", "_value_paths", "column", "file", "line")

    def __init__(self, file: str, line: int, column: int, keys: dict[Path_, tuple[int, int]] | None = None,
                 values: dict[Path_, tuple[int, int]] | None = None, *, packed: PackedPositions | None = None) -> None:
        self.file = file
        self.line = line
        self.column = column
        if packed is None:
            marks = array("q")
            packed = pack_positions(keys or {}, values or {}, marks)
        self._marks, self._start, self._key_paths, self._value_paths = packed

    @property
    def keys(self) -> dict[Path_, tuple[int, int]]:
        """The position of each key inside the element, by path."""
        return _unpack(self._key_paths, self._marks, self._start)

    @property
    def values(self) -> dict[Path_, tuple[int, int]]:
        """The position of each value (and list item) inside the element, by path."""
        return _unpack(self._value_paths, self._marks, self._start + 2 * len(self._key_paths))

    def locate(self, path: Path_ = (), *, key: bool = False) -> Location:
        """The most precise known position of ``path``: its value, else its key, else a parent's."""
        probe = path
        marks, start, key_paths = self._marks, self._start, self._key_paths
        while probe:
            found = None if key else _position(marks, start + 2 * len(key_paths), self._value_paths, probe)
            found = found or _position(marks, start, key_paths, probe)
            if found is not None:
                return Location(file=self.file, line=found[0], column=found[1])
            probe = probe[:-1]
        return Location(file=self.file, line=self.line, column=self.column)


# the file's shared array of line and column pairs, where this element's begin, its key paths, its value paths
PackedPositions = tuple["array[int]", int, tuple[Path_, ...], tuple[Path_, ...]]


def pack_positions(keys: dict[Path_, tuple[int, int]], values: dict[Path_, tuple[int, int]],
                   marks: array[int]) -> PackedPositions:
    """One element's positions appended to ``marks`` (the array of its file), as
    :class:`ElementSource` holds them; made where the file is parsed, in a worker when there are several."""
    start = len(marks)
    marks.fromlist([*chain.from_iterable(keys.values()), *chain.from_iterable(values.values())])
    if len(_SHAPES) > 50_000:  # a bound on what arbitrary keys may fill
        _SHAPES.clear()
    key_paths, value_paths = tuple(keys), tuple(values)
    return marks, start, _SHAPES.setdefault(key_paths, key_paths), _SHAPES.setdefault(value_paths, value_paths)


# one tuple of paths for all elements written with the same keys and list lengths (most elements of a
# workspace share a handful of shapes): shared in memory, and sent once per run by a worker
_SHAPES: dict[tuple[Path_, ...], tuple[Path_, ...]] = {}


def key_position(packed: PackedPositions, path: Path_) -> tuple[int, int] | None:
    """Line and column of the key at ``path`` in packed positions, if the reader recorded it."""
    marks, start, key_paths, _ = packed
    return _position(marks, start, key_paths, path)


def _position(marks: array[int], start: int, paths: tuple[Path_, ...], path: Path_) -> tuple[int, int] | None:
    if path not in paths:
        return None
    index = start + 2 * paths.index(path)
    return marks[index], marks[index + 1]


def _unpack(paths: tuple[Path_, ...], marks: array[int], start: int) -> dict[Path_, tuple[int, int]]:
    return {path: (marks[start + 2 * i], marks[start + 2 * i + 1]) for i, path in enumerate(paths)}


@dataclass
class Workspace:
    """The model of one government, as loaded from a workspace folder."""

    root: Path
    manifest: Manifest
    manifest_file: str = "spbe.yaml"
    elements: dict[str, Element] = field(default_factory=dict)
    sources: dict[str, ElementSource] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    invalid_ids: dict[str, str] = field(default_factory=dict)  # id -> collection, elements that failed
    duplicate_ids: set[str] = field(default_factory=set)  # ids of several elements, all kept out of the model
    manifest_keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)  # positions in spbe.yaml
    sections: dict[str, str] = field(default_factory=dict)  # section key (e.g. indeks_spbe) -> file holding it

    def __post_init__(self) -> None:
        self._by_collection: dict[str, list[Element]] | None = None
        self._derived: dict[Hashable, Any] = {}

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What ``compute`` makes of this workspace (its graph, its duplicate report), made once and shared
        by every analysis that asks under the same ``key``; adding an element forgets them all."""
        if key not in self._derived:
            self._derived[key] = compute()
        return cast(T, self._derived[key])

    # -- lookup ------------------------------------------------------------------------------
    def add(self, element: Element, source: ElementSource) -> None:
        self.elements[element.id] = element
        self.sources[element.id] = source
        self._by_collection = None
        self._derived.clear()

    def remove(self, element_id: str) -> None:
        """Take an element out of the model (its source stays, so findings can still point at it)."""
        if self.elements.pop(element_id, None) is not None:
            self._by_collection = None

    def get(self, element_id: str) -> Element | None:
        return self.elements.get(element_id)

    def is_central(self, org_id: str | None) -> bool:
        """Whether ``org_id`` names a central government agency of the model (see Organization.central)."""
        org = self.elements.get(org_id) if org_id else None
        return isinstance(org, Organization) and org.central

    def collection(self, name: str) -> list[Element]:
        if self._by_collection is None:
            grouped: dict[str, list[Element]] = {c: [] for c in COLLECTIONS}
            for element in self.elements.values():
                grouped[element.COLLECTION].append(element)
            self._by_collection = grouped
        return self._by_collection[name]

    def of(self, cls: type[E]) -> list[E]:
        return cast(list[E], self.collection(cls.COLLECTION))

    def iter_elements(self) -> Iterator[Element]:
        return iter(self.elements.values())

    @property
    def organizations(self) -> list[Organization]:
        return self.of(Organization)

    @property
    def processes(self) -> list[Process]:
        return self.of(Process)

    @property
    def services(self) -> list[Service]:
        return self.of(Service)

    @property
    def data(self) -> list[DataSet]:
        return self.of(DataSet)

    @property
    def applications(self) -> list[Application]:
        return self.of(Application)

    @property
    def infrastructure(self) -> list[Infrastructure]:
        return self.of(Infrastructure)

    @property
    def security(self) -> list[Security]:
        return self.of(Security)

    @property
    def roadmap(self) -> list[RoadmapActivity]:
        return self.of(RoadmapActivity)

    def collection_of(self, element_id: str) -> str | None:
        element = self.elements.get(element_id)
        if element is not None:
            return element.COLLECTION
        return self.invalid_ids.get(element_id)

    # -- containment: the one cycle-safe walk up ``parent`` / ``located_in`` -------------------
    def _climb(self, element_id: str, field: ContainerField) -> tuple[list[Element], bool]:
        """The element and its containers, and whether the walk stopped at a repeated element (a cycle)."""
        start = self.elements.get(element_id)
        if start is None:
            return [], False
        chain = [start]
        seen = {start.id}
        current = start
        while (next_id := getattr(current, field, None)) is not None:
            found = self.elements.get(next_id)
            if found is None or found.COLLECTION != start.COLLECTION:
                return chain, False
            if found.id in seen:
                return chain, True
            chain.append(found)
            seen.add(found.id)
            current = found
        return chain, False

    def lineage(self, element_id: str, field: ContainerField) -> list[Element]:
        """The element, then what it sits in, following ``field`` (``parent`` for organizations and processes,
        ``located_in`` for infrastructure) until an element names none, names an unknown id or an element of
        another collection, or would come round again (a cycle: each element appears once)."""
        return self._climb(element_id, field)[0]

    def contained_in_cycle(self, element_id: str, field: ContainerField) -> bool:
        """Whether following ``field`` up from the element runs into a cycle (which rules report)."""
        return self._climb(element_id, field)[1]

    def locate(self, element_id: str, path: Path_ = (), *, key: bool = False) -> Location | None:
        source = self.sources.get(element_id)
        return source.locate(path, key=key) if source else None

    def display_name(self, element_id: str) -> str:
        element = self.elements.get(element_id)
        return element.name if element is not None else element_id

    def owner_label(self, element_id: str) -> str | None:
        element = self.elements.get(element_id)
        owner = element.owner_id if element is not None else None
        if owner is None:
            return None
        org = self.elements.get(owner)
        return org.label if isinstance(org, Organization) else owner
