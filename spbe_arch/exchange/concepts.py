"""An ArchiMate model in memory, between the workspace and a file format.

The export maps the workspace to these classes once; the exchange XML and Archi's CSV are two
writers of them, and the import reads a file into them before mapping back. Keeping the mapping
out of the writers is what makes the two formats agree on every identifier.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Property data types of the exchange format.
DataType = str  # "string" | "boolean" | "currency" | "date" | "time" | "number"


@dataclass
class Prop:
    key: str
    value: str
    type: DataType = "string"


class _WithProperties:
    """What elements, relationships and the model share: properties looked up by key."""

    properties: list[Prop]

    def prop(self, key: str) -> str | None:
        return next((p.value for p in self.properties if p.key == key), None)


@dataclass
class XElement(_WithProperties):
    id: str
    type: str
    name: str
    documentation: str | None = None
    properties: list[Prop] = field(default_factory=list)


@dataclass
class XRelationship(_WithProperties):
    id: str
    type: str
    source: str
    target: str
    name: str | None = None
    documentation: str | None = None
    properties: list[Prop] = field(default_factory=list)
    access_type: str | None = None  # Access relationships: Read, Write, ReadWrite, Access


@dataclass
class Folder:
    """An item of the exchange file's <organizations>: a labelled folder of concept references."""

    label: str
    refs: list[str] = field(default_factory=list)
    folders: list[Folder] = field(default_factory=list)


@dataclass
class ViewNode:
    id: str
    x: int
    y: int
    w: int
    h: int
    element: str | None = None  # the element shown; None for a labelled container
    label: str | None = None
    children: list[ViewNode] = field(default_factory=list)


@dataclass
class ViewConnection:
    id: str
    relationship: str
    source: str  # node ids
    target: str


@dataclass
class XView:
    id: str
    name: str
    documentation: str | None = None
    nodes: list[ViewNode] = field(default_factory=list)
    connections: list[ViewConnection] = field(default_factory=list)


@dataclass
class XModel(_WithProperties):
    id: str
    name: str
    documentation: str | None = None
    properties: list[Prop] = field(default_factory=list)
    elements: list[XElement] = field(default_factory=list)
    relationships: list[XRelationship] = field(default_factory=list)
    folders: list[Folder] = field(default_factory=list)
    views: list[XView] = field(default_factory=list)
    language: str = "id"

    def property_types(self) -> dict[str, DataType]:
        """Each property key with one data type; a key written with several types becomes a string."""
        types: dict[str, DataType] = {}
        holders: list[list[Prop]] = [self.properties]
        holders += [e.properties for e in self.elements]
        holders += [r.properties for r in self.relationships]
        for props in holders:
            for p in props:
                known = types.get(p.key)
                types[p.key] = p.type if known in (None, p.type) else "string"
        return types
