"""How SPBE concepts map to ArchiMate: element types, relationships, properties and identifiers.

One table serves the export, the Archi CSV and the import, so that what is written can be read
back. Relationship choices are checked against the ArchiMate 3.1 table at run time: a mapping that
the table forbids for the two element types falls through to the next candidate, and finally to
Association (see docs/exchange.md for the reasons behind each choice).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import types
import typing
from dataclasses import dataclass

from spbe_arch.exchange.concepts import DataType, Prop
from spbe_arch.exchange.relationship_table import is_allowed
from spbe_arch.model import Element, Infrastructure
from spbe_arch.relations import RELATION_FIELDS

PREFIX = "spbe:"
ID_PROP = "spbe:id"
OPD_PROP = "spbe:opd"
FIELD_PROP = "spbe:field"
VIA_PROP = "spbe:via"
DATA_PROP = "spbe:data"
PROTOCOL_PROP = "spbe:protocol"
MANIFEST_PROP = "spbe:manifest"
LOCAL_CODES_PROP = "spbe:local-codes"
DERIVED_VIA = "integrations.via"  # Serving from an SPLP to the applications integrated through it

COLLECTION_TYPES: dict[str, str] = {
    "organizations": "BusinessActor",
    "processes": "BusinessProcess",
    "services": "BusinessService",
    "data": "DataObject",
    "applications": "ApplicationComponent",
    "security": "Requirement",
    "roadmap": "WorkPackage",
}

INFRASTRUCTURE_TYPES: dict[str, str] = {
    "pusat-data": "Node",
    "komputasi-awan": "Node",
    "server": "Node",
    "lainnya": "Node",
    "penyimpanan": "Device",
    "perangkat-keamanan": "Device",
    "jaringan-intra": "CommunicationNetwork",
    "internet": "CommunicationNetwork",
    "splp": "SystemSoftware",
    "sistem-operasi": "SystemSoftware",
    "basis-data": "SystemSoftware",
}

# ArchiMate types read back into a collection on import (the export's types, and a few whose
# meaning is clear enough), with the kind given to infrastructure when the file does not say.
IMPORT_TYPES: dict[str, str] = {
    "BusinessActor": "organizations",
    "BusinessProcess": "processes",
    "BusinessFunction": "processes",
    "BusinessService": "services",
    "DataObject": "data",
    "BusinessObject": "data",
    "ApplicationComponent": "applications",
    "Node": "infrastructure",
    "Device": "infrastructure",
    "CommunicationNetwork": "infrastructure",
    "SystemSoftware": "infrastructure",
    "Facility": "infrastructure",
    "Requirement": "security",
    "Constraint": "security",
    "WorkPackage": "roadmap",
}
IMPORT_INFRASTRUCTURE_KIND: dict[str, str] = {
    "Node": "server", "Device": "server", "CommunicationNetwork": "jaringan-intra", "SystemSoftware": "lainnya",
    "Facility": "pusat-data",
}


def element_type(element: Element) -> str:
    if isinstance(element, Infrastructure):
        return INFRASTRUCTURE_TYPES[element.kind]
    return COLLECTION_TYPES[element.COLLECTION]


@dataclass(frozen=True)
class Candidate:
    """One way to write a relation: an ArchiMate type, drawn from the target to the source when
    ``reversed`` (e.g. the server *serves* the application that is hosted on it)."""

    type: str
    reversed: bool = False
    access: str | None = None  # accessType of Access relationships


ASSOCIATION = Candidate("Association")

# Per (collection, field): the preferred relationships, best first; Association always closes the list.
CANDIDATES: dict[tuple[str, str], tuple[Candidate, ...]] = {
    ("*", "owner"): (Candidate("Assignment", reversed=True),),
    ("organizations", "parent"): (Candidate("Composition", reversed=True), Candidate("Aggregation", reversed=True)),
    ("processes", "parent"): (Candidate("Composition", reversed=True), Candidate("Aggregation", reversed=True)),
    ("processes", "services"): (Candidate("Realization"),),
    ("processes", "data"): (Candidate("Access", access="Read"),),
    ("services", "applications"): (Candidate("Realization", reversed=True), Candidate("Serving", reversed=True)),
    ("data", "steward"): (),
    ("applications", "users"): (Candidate("Serving"),),
    ("applications", "supports"): (Candidate("Serving"),),
    ("applications", "reads"): (Candidate("Access", access="Read"),),
    ("applications", "writes"): (Candidate("Access", access="Write"),),
    ("applications", "hosted_on"): (Candidate("Serving", reversed=True), Candidate("Realization", reversed=True)),
    ("applications", "replaces"): (),
    ("applications", "integrations"): (Candidate("Flow"),),
    ("infrastructure", "located_in"): (Candidate("Aggregation", reversed=True),),
    ("infrastructure", "connected_to"): (),
    ("security", "protects"): (Candidate("Realization", reversed=True), Candidate("Influence")),
    ("roadmap", "affects"): (Candidate("Realization"),),
    ("*", DERIVED_VIA): (Candidate("Serving"),),
}


def candidates(collection: str, field: str) -> tuple[Candidate, ...]:
    found = CANDIDATES.get((collection, field), CANDIDATES.get(("*", field), ()))
    return (*found, ASSOCIATION)


def choose(collection: str, field: str, source_type: str, target_type: str) -> Candidate | None:
    """The first candidate the ArchiMate 3.1 table allows between the two types, or None."""
    for candidate in candidates(collection, field):
        src, tgt = (target_type, source_type) if candidate.reversed else (source_type, target_type)
        if is_allowed(candidate.type, src, tgt):
            return candidate
    return None


def relation_fields(collection: str) -> list[str]:
    """The fields of a collection that become relationships (edge types of ``spbe_arch.relations``)."""
    fields = [r.field for r in RELATION_FIELDS
              if r.edge is not None and (r.collection == collection
                                         or (r.collection == "*" and collection != "organizations"))]
    if collection == "applications":
        fields.append("integrations")
    return fields


# --- identifiers --------------------------------------------------------------------------------

_NON_NCNAME = re.compile(r"[^A-Za-z0-9._-]")


def ncname(text: str) -> str:
    return _NON_NCNAME.sub("_", text)


def concept_id(model_id: str) -> str:
    """The exchange identifier of a model element: stable across runs, always an NCName."""
    return "id-" + ncname(model_id)


# --- property values ------------------------------------------------------------------------------

SKIPPED_FIELDS = frozenset({"id", "name", "description", "properties", "integrations"})


def attribute_fields(cls: type[Element]) -> list[str]:
    """Fields written as properties: everything but identity, text and relationships."""
    relations = set(relation_fields(cls.COLLECTION))
    return [name for name in cls.model_fields if name not in SKIPPED_FIELDS and name not in relations]


def encode_list(items: list[typing.Any]) -> str:
    """'a, b, c' as people write it in Archi; JSON when an item holds a comma itself."""
    texts = [str(i) for i in items]
    if any("," in t or t != t.strip() or t.startswith("[") for t in texts):
        return json.dumps(texts, ensure_ascii=False)
    return ", ".join(texts)


def decode_list(text: str) -> list[str]:
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            value = json.loads(stripped)
        except ValueError:
            value = None
        if isinstance(value, list):
            return [str(v) for v in value]
    return [part.strip() for part in stripped.split(",") if part.strip()]


def encode_scalar(value: typing.Any) -> tuple[str, DataType] | None:
    """A property value and its data type; None for a value that has no text (null)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return ("true" if value else "false"), "boolean"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value), "number"
    if isinstance(value, dt.date):
        return value.isoformat(), "date"
    return str(value), "string"


def decode_scalar(text: str, data_type: DataType) -> typing.Any:
    """A free property's value typed by its property definition (what ``encode_scalar`` wrote)."""
    if data_type == "boolean" and text.strip().lower() in ("true", "false"):
        return text.strip().lower() == "true"
    if data_type in ("number", "currency"):
        cleaned = text.strip()
        if re.fullmatch(r"-?\d+", cleaned):
            return int(cleaned)
        try:
            return float(cleaned)
        except ValueError:
            return text
    if data_type == "date":
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            return text
    return text


def element_properties(element: Element, owner_label: str | None) -> list[Prop]:
    """The element's SPBE attributes and free properties as ArchiMate properties."""
    props = [Prop(ID_PROP, element.id)]
    if owner_label is not None:
        props.append(Prop(OPD_PROP, owner_label))
    for name in attribute_fields(type(element)):
        value = getattr(element, name)
        if name == "technology":
            if value is not None:
                for sub, sub_value in value.model_dump(exclude_none=True).items():
                    props.append(Prop(f"{PREFIX}technology.{sub}", str(sub_value)))
            continue
        if isinstance(value, list):
            if value:
                props.append(Prop(PREFIX + name, encode_list(value)))
            continue
        encoded = encode_scalar(value)
        if encoded is not None:
            props.append(Prop(PREFIX + name, encoded[0], encoded[1]))
    for key in sorted(element.properties):
        encoded = encode_scalar(element.properties[key])
        if encoded is not None:
            props.append(Prop(key, encoded[0], encoded[1]))
    return props


def is_list_field(cls: type[Element], name: str) -> bool:
    annotation = cls.model_fields[name].annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(typing.get_origin(a) is list for a in typing.get_args(annotation))
    return typing.get_origin(annotation) is list
