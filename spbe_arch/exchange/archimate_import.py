"""``spbe import archimate``: an ArchiMate exchange file into a workspace.

Elements whose type has a clear SPBE meaning become elements of that collection; relationships
become the relation fields that the export would have written for them. A file written by
``spbe export archimate`` carries its SPBE ids, attributes and relation names as properties, so
that a round trip gives back the same workspace; any other file (e.g. Archisurance) is mapped from
its types alone, and everything left out is listed in the report.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from spbe_arch.errors import SpbeError
from spbe_arch.exchange import mapping as mp
from spbe_arch.exchange.concepts import Prop, XElement, XModel, XRelationship
from spbe_arch.exchange.naming import IdAllocator, organization_kind
from spbe_arch.exchange.relationship_table import RELATIONSHIP_TYPES, element_types
from spbe_arch.exchange.workspace_writer import (
    ImportNote,
    ImportReport,
    count_by_collection,
    dump_yaml,
    render_workspace,
    write_workspace,
)
from spbe_arch.exchange.xmlsafe import ARCHIMATE_NS, XML_NS, XSI_NS, parse_untrusted, schema_errors
from spbe_arch.model import ELEMENT_CLASSES, Element, Manifest
from spbe_arch.relations import RELATION_FIELDS

_A = f"{{{ARCHIMATE_NS}}}"
_TYPE = f"{{{XSI_NS}}}type"
_LANG = f"{{{XML_NS}}}lang"
DEFAULT_OWNER = "pemilik-belum-ditentukan"
SCALAR_RELATIONS = frozenset({"owner", "parent", "steward", "located_in"})
KNOWN_NON_ELEMENT_TYPES = frozenset({"Junction", "Grouping", "Location"})
NOT_INFERRED = frozenset({"replaces"})  # an Association between two applications does not say "replaces"


# --- reading the file --------------------------------------------------------------------------

def read_exchange(data: bytes, name: str) -> tuple[XModel, list[str]]:
    """The model in an exchange document, and its XSD violations (read anyway when possible)."""
    root = parse_untrusted(data, name)
    if not isinstance(root.tag, str) or root.tag != _A + "model":
        namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
        if namespace.startswith("http://www.opengroup.org/xsd/archimate") and namespace != ARCHIMATE_NS:
            raise SpbeError(f"{name}: an ArchiMate exchange file of another version ({namespace}); "
                            "this reads ArchiMate 3.x (namespace http://www.opengroup.org/xsd/archimate/3.0/)")
        local = root.tag.split("}")[-1]
        raise SpbeError(f"{name}: not an ArchiMate exchange file: the root element is <{local}>, "
                        "expected <model> in the namespace http://www.opengroup.org/xsd/archimate/3.0/")
    problems = schema_errors(root)
    definitions: dict[str, tuple[str, str]] = {}
    for node in root.iterfind(f"{_A}propertyDefinitions/{_A}propertyDefinition"):
        definitions[node.get("identifier", "")] = (_lang_text(node, "name") or node.get("identifier", ""),
                                                   node.get("type", "string"))
    xmodel = XModel(id=root.get("identifier", "model"), name=_lang_text(root, "name") or "Model",
                    documentation=_lang_text(root, "documentation"),
                    properties=_props(root, definitions))
    for node in root.iterfind(f"{_A}elements/{_A}element"):
        xmodel.elements.append(XElement(
            id=node.get("identifier", ""), type=node.get(_TYPE, ""), name=_lang_text(node, "name") or "",
            documentation=_lang_text(node, "documentation"), properties=_props(node, definitions)))
    for node in root.iterfind(f"{_A}relationships/{_A}relationship"):
        xmodel.relationships.append(XRelationship(
            id=node.get("identifier", ""), type=node.get(_TYPE, ""), source=node.get("source", ""),
            target=node.get("target", ""), name=_lang_text(node, "name"),
            documentation=_lang_text(node, "documentation"), properties=_props(node, definitions),
            access_type=node.get("accessType")))
    views = root.findall(f"{_A}views/{_A}diagrams/{_A}view")
    if views:
        problems.append(f"{len(views)} view(s) not imported: spbe-arch generates its views from the model")
    return xmodel, problems


def _lang_text(node: Any, tag: str) -> str | None:
    """The text of the child ``tag`` in Indonesian if there is one, else the first one."""
    children = node.findall(_A + tag)
    if not children:
        return None
    preferred = next((c for c in children if (c.get(_LANG) or "").lower().startswith("id")), children[0])
    return "".join(preferred.itertext())


def _props(node: Any, definitions: dict[str, tuple[str, str]]) -> list[Prop]:
    props = []
    for prop in node.iterfind(f"{_A}properties/{_A}property"):
        key, data_type = definitions.get(prop.get("propertyDefinitionRef", ""),
                                         (prop.get("propertyDefinitionRef", ""), "string"))
        props.append(Prop(key, _lang_text(prop, "value") or "", data_type))
    return props


# --- mapping to the workspace ------------------------------------------------------------------

@dataclass
class _Draft:
    """An element being built: its collection, its raw fields, where it came from."""

    concept: XElement
    collection: str
    data: dict[str, Any]


@dataclass
class _Mapper:
    xmodel: XModel
    report: ImportReport
    drafts: dict[str, _Draft] = field(default_factory=dict)  # by concept id
    ids: IdAllocator = field(default_factory=IdAllocator)
    concepts: dict[str, XElement] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.concepts = {e.id: e for e in self.xmodel.elements}

    def note(self, section: list[ImportNote], where: str, message: str) -> None:
        section.append(ImportNote(where=where, message=message))

    # elements --------------------------------------------------------------------------------
    def map_elements(self) -> None:
        known = element_types() | KNOWN_NON_ELEMENT_TYPES
        pending: list[tuple[XElement, str]] = []
        for concept in self.xmodel.elements:
            collection = mp.IMPORT_TYPES.get(concept.type)
            if collection is None:
                if concept.type in known:
                    self.note(self.report.skipped_elements, concept.id,
                              f"{concept.type} {concept.name!r}: no SPBE collection for this type")
                else:
                    self.note(self.report.skipped_elements, concept.id,
                              f"unknown xsi:type {concept.type!r} ({concept.name!r}): "
                              "not an ArchiMate 3.1 element type")
                continue
            pending.append((concept, collection))
        # ids written by spbe-arch are claimed first, so that no name-made id takes one of them
        claimed: dict[str, str] = {}
        for concept, _ in pending:
            wanted = concept.prop(mp.ID_PROP)
            if wanted is not None and self.ids.take(wanted) is not None:
                claimed[concept.id] = wanted
        for concept, collection in pending:
            element_id = claimed.get(concept.id) or self.ids.make(concept.name, concept.id.removeprefix("id-"))
            draft = self._draft(concept, collection, element_id)
            if draft is not None:
                self.drafts[concept.id] = draft

    def _draft(self, concept: XElement, collection: str, element_id: str) -> _Draft | None:
        cls = ELEMENT_CLASSES[collection]
        name = concept.name.strip()
        data: dict[str, Any] = {"id": element_id, "name": name or element_id}
        if not name:
            self.note(self.report.assumptions, concept.id, f"has no name; named {element_id!r}")
        if concept.documentation and concept.documentation.strip():
            data["description"] = concept.documentation
        fields = set(mp.attribute_fields(cls))
        properties: dict[str, Any] = {}
        for prop in concept.properties:
            key = prop.key
            if key in (mp.OPD_PROP, mp.ID_PROP):
                continue  # the id is read above; the OPD follows from the owner
            bare = key.removeprefix(mp.PREFIX) if key.startswith(mp.PREFIX) else None
            if bare is not None and bare.startswith("technology.") and "technology" in fields:
                data.setdefault("technology", {})[bare.split(".", 1)[1]] = prop.value
            elif bare is not None and bare in fields:
                data[bare] = mp.decode_list(prop.value) if mp.is_list_field(cls, bare) else prop.value
            else:
                properties[key] = mp.decode_scalar(prop.value, prop.type)
        if properties:
            data["properties"] = properties
        self._default_kind(concept, collection, data)
        return self._checked(concept, collection, data)

    def _default_kind(self, concept: XElement, collection: str, data: dict[str, Any]) -> None:
        if "kind" in data:
            return
        if collection == "infrastructure":
            data["kind"] = mp.IMPORT_INFRASTRUCTURE_KIND.get(concept.type, "lainnya")
        elif collection == "organizations":
            data["kind"] = organization_kind(data["name"])

    def _checked(self, concept: XElement, collection: str, data: dict[str, Any]) -> _Draft | None:
        """Drop attribute values the model rejects (reported); None when the element cannot be made."""
        cls = ELEMENT_CLASSES[collection]
        for _ in range(len(data) + 1):
            probe = dict(data)
            if collection != "organizations":
                probe.setdefault("owner", DEFAULT_OWNER)
            try:
                cls.model_validate(probe)
                return _Draft(concept, collection, data)
            except ValidationError as exc:
                bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                droppable = bad & (set(data) - {"id", "name"})
                if not droppable:
                    missing = ", ".join(sorted(bad)) or "?"
                    self.note(self.report.skipped_elements, concept.id,
                              f"{concept.type} {concept.name!r}: cannot be a {collection} element "
                              f"(missing or invalid: {missing})")
                    return None
                for key in sorted(droppable):
                    self.note(self.report.warnings, concept.id,
                              f"value {data[key]!r} of {key!r} is not valid here; left out")
                    del data[key]
        return None  # pragma: no cover - every round drops at least one key

    # relationships -------------------------------------------------------------------------------
    def map_relationships(self) -> None:
        for rel in self.xmodel.relationships:
            if rel.prop(mp.FIELD_PROP) == mp.DERIVED_VIA:
                continue  # written again from the integration's `via`
            where = rel.id
            if rel.type not in RELATIONSHIP_TYPES:
                self.note(self.report.skipped_relationships, where, f"unknown xsi:type {rel.type!r}")
                continue
            source, target = self.drafts.get(rel.source), self.drafts.get(rel.target)
            if source is None or target is None:
                missing = rel.source if source is None else rel.target
                self.note(self.report.skipped_relationships, where,
                          f"{rel.type} between {self._label(rel.source)} and {self._label(rel.target)}: "
                          f"{self._label(missing)} was not imported")
                continue
            matches = self._fields_for(rel, source, target)
            if not matches:
                self.note(self.report.skipped_relationships, where,
                          f"{rel.type} from {source.collection} {source.data['name']!r} to {target.collection} "
                          f"{target.data['name']!r}: no SPBE relation of that kind")
                continue
            if len(matches) > 1 and len({f for _, f, _ in matches}) == 1:
                # a symmetric relation (connected_to) read both ways: the source holds it, as written
                matches = [m for m in matches if m[0] is source][:1] or matches[:1]
            if len(matches) > 1 and not _is_read_write(rel, matches):
                fields = ", ".join(sorted({f"{h.collection}.{f}" for h, f, _ in matches}))
                self.note(self.report.skipped_relationships, where,
                          f"{rel.type} from {source.data['name']!r} to {target.data['name']!r} is ambiguous "
                          f"({fields}); not imported")
                continue
            for holder, field_name, other in matches:
                self._apply(rel, holder, field_name, other)

    def _label(self, concept_id: str) -> str:
        found = self.concepts.get(concept_id)
        return f"{found.type} {found.name!r}" if found else repr(concept_id)

    def _fields_for(self, rel: XRelationship, source: _Draft, target: _Draft) -> list[tuple[_Draft, str, _Draft]]:
        """Which relation field(s) this relationship writes: named by the file, or inferred from types."""
        named = rel.prop(mp.FIELD_PROP)
        if named is not None:
            found = self._match(rel, source, target, named)
            if found:
                return found
        return self._match(rel, source, target, None)

    def _match(self, rel: XRelationship, source: _Draft, target: _Draft,
               named: str | None) -> list[tuple[_Draft, str, _Draft]]:
        found: list[tuple[_Draft, str, _Draft]] = []
        for reversed_ in (False, True):
            holder, other = (target, source) if reversed_ else (source, target)
            for field_name in mp.relation_fields(holder.collection):
                if named is not None and field_name != named:
                    continue
                if other.collection not in _targets(holder.collection, field_name):
                    continue
                for candidate in mp.candidates(holder.collection, field_name):
                    if candidate.type != rel.type:
                        continue
                    is_association = candidate == mp.ASSOCIATION
                    if named is None and is_association and (
                            len(mp.candidates(holder.collection, field_name)) > 1 or field_name in NOT_INFERRED):
                        continue  # Association is only a fallback there, or says too little to infer from
                    if candidate.reversed != reversed_ and not (is_association and named is None):
                        continue
                    if (candidate.access is not None and _reads_and_writes(holder.collection)
                            and not _access_matches(candidate.access, rel.access_type)):
                        continue
                    found.append((holder, field_name, other))
                    break
        unique: dict[tuple[int, str, int], tuple[_Draft, str, _Draft]] = {}
        for holder, field_name, other in found:
            unique.setdefault((id(holder), field_name, id(other)), (holder, field_name, other))
        return list(unique.values())

    def _apply(self, rel: XRelationship, holder: _Draft, field_name: str, other: _Draft) -> None:
        data = holder.data
        other_id = other.data["id"]
        if field_name == "integrations":
            data.setdefault("integrations", []).append(self._integration(rel, other_id))
        elif field_name in SCALAR_RELATIONS:
            current = data.get(field_name)
            if current is not None and current != other_id:
                self.note(self.report.skipped_relationships, rel.id,
                          f"{holder.data['name']!r} already has {field_name} {current!r}; "
                          f"{other_id!r} not imported")
                return
            data[field_name] = other_id
        else:
            values = data.setdefault(field_name, [])
            if other_id not in values:
                values.append(other_id)
        self.report.relations += 1

    def _integration(self, rel: XRelationship, target_id: str) -> dict[str, Any]:
        integration: dict[str, Any] = {"target": target_id}
        known = {d.data["id"] for d in self.drafts.values()}
        via = rel.prop(mp.VIA_PROP)
        if via is not None:
            if via in known:
                integration["via"] = via
            else:
                self.note(self.report.warnings, rel.id, f"integration via {via!r}, which was not imported; left out")
        data_ids = mp.decode_list(rel.prop(mp.DATA_PROP) or "")
        kept = [d for d in data_ids if d in known]
        if len(kept) != len(data_ids):
            self.note(self.report.warnings, rel.id, "integration data not imported: "
                      + ", ".join(repr(d) for d in data_ids if d not in known))
        if kept:
            integration["data"] = kept
        protocol = rel.prop(mp.PROTOCOL_PROP)
        if protocol in ("api", "file", "database", "manual"):
            integration["protocol"] = protocol
        if rel.documentation and rel.documentation.strip():
            integration["description"] = rel.documentation
        return integration

    # owners and the result -------------------------------------------------------------------
    def finish(self) -> list[Element]:
        needs_owner = [d for d in self.drafts.values() if d.collection != "organizations" and "owner" not in d.data]
        if needs_owner:
            default = self._default_owner()
            for draft in needs_owner:
                draft.data["owner"] = default
            self.note(self.report.assumptions, default,
                      f"{len(needs_owner)} element(s) had no owning organization in the file; they are owned by "
                      f"{default!r} until you set their owner")
        elements: list[Element] = []
        for draft in self.drafts.values():
            cls = ELEMENT_CLASSES[draft.collection]
            try:
                elements.append(cls.model_validate(draft.data))
            except ValidationError as exc:  # pragma: no cover - drafts were checked field by field
                self.note(self.report.skipped_elements, draft.concept.id, f"not valid: {exc.errors()[0]['msg']}")
        return elements

    def _default_owner(self) -> str:
        """An organization for elements the file gives no owner: created once, named for what it is."""
        existing = next((d for d in self.drafts.values() if d.data["id"] == DEFAULT_OWNER), None)
        if existing is not None and existing.collection == "organizations":
            return DEFAULT_OWNER
        owner_id = self.ids.make(DEFAULT_OWNER)
        concept = XElement(id="", type="BusinessActor", name="Pemilik belum ditentukan")
        self.drafts["(default owner)"] = _Draft(concept, "organizations", {
            "id": owner_id, "name": "Pemilik belum ditentukan (hasil impor ArchiMate)", "kind": "lainnya",
            "description": "Dibuat oleh spbe import archimate untuk elemen yang tidak menyebut pemiliknya."})
        return owner_id


def _targets(collection: str, field_name: str) -> tuple[str, ...]:
    if field_name == "integrations":
        return ("applications",)
    for rel in RELATION_FIELDS:
        if rel.field == field_name and (rel.collection == collection
                                        or (rel.collection == "*" and collection != "organizations")):
            return rel.targets
    return ()


def _reads_and_writes(collection: str) -> bool:
    """Whether the collection tells reading from writing (applications); processes only use data."""
    accesses = {c.access for f in mp.relation_fields(collection) for c in mp.candidates(collection, f) if c.access}
    return len(accesses) > 1


def _access_matches(wanted: str, access_type: str | None) -> bool:
    given = access_type or "Access"
    if given == "ReadWrite":
        return True
    if given == "Access":
        return wanted == "Read"
    return given == wanted


def _is_read_write(rel: XRelationship, matches: list[tuple[_Draft, str, _Draft]]) -> bool:
    """ReadWrite access is both a read and a write of the same data: two fields, not an ambiguity."""
    return rel.access_type == "ReadWrite" and {f for _, f, _ in matches} == {"reads", "writes"}


# --- the manifest and the files ------------------------------------------------------------------

def _manifest(xmodel: XModel, report: ImportReport) -> tuple[dict[str, Any], dict[str, str]]:
    """The manifest (from the file's spbe:manifest when it has one) and extra files (local codes)."""
    raw = xmodel.prop(mp.MANIFEST_PROP)
    manifest: dict[str, Any] | None = None
    if raw is not None:
        try:
            manifest = Manifest.model_validate(json.loads(raw)).model_dump(exclude_defaults=True)
        except (ValueError, ValidationError):
            report.warnings.append(ImportNote(where="model", message="spbe:manifest is not a valid manifest; "
                                              "a new one was written"))
    if manifest is None:
        manifest = {"spbe": 1, "government": {"name": xmodel.name.strip() or "Pemerintah Daerah"}}
        if xmodel.documentation and xmodel.documentation.strip():
            manifest["document"] = {"background": xmodel.documentation}
        report.assumptions.append(ImportNote(
            where="spbe.yaml", message=f"government named {manifest['government']['name']!r} after the model; "
            "set its code, kind and period"))
    extra: dict[str, str] = {}
    codes_raw = xmodel.prop(mp.LOCAL_CODES_PROP)
    extension = manifest.get("reference_extensions")
    if codes_raw is not None:
        try:
            codes = json.loads(codes_raw)
        except ValueError:
            codes = None
        safe_name = isinstance(extension, str) and not Path(extension).is_absolute() and ".." not in Path(
            extension).parts and extension.endswith((".yaml", ".yml"))
        if isinstance(codes, list) and codes:
            name = extension if safe_name else "local-codes.yaml"
            manifest["reference_extensions"] = name
            extra[str(name)] = "# Local reference codes, imported with the model\n" + dump_yaml({"codes": codes})
            return manifest, extra
    if extension is not None:
        manifest.pop("reference_extensions")
        report.warnings.append(ImportNote(where="spbe.yaml", message=f"reference_extensions {extension!r} was "
                                          "not in the file; local codes must be added again"))
    return manifest, extra


def import_archimate(source: str | os.PathLike[str], into: Path, force: bool = False) -> ImportReport:
    """Read the exchange file ``source`` and write it as a workspace into ``into``."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpbeError(f"{path}: cannot read: {exc.strerror or exc}") from None
    xmodel, problems = read_exchange(data, str(path))
    report = ImportReport(source=str(path), target=str(into))
    report.warnings += [ImportNote(where=path.name, message=p) for p in problems]
    mapper = _Mapper(xmodel, report)
    mapper.map_elements()
    mapper.map_relationships()
    elements = mapper.finish()
    manifest, extra = _manifest(xmodel, report)
    files = render_workspace(manifest, elements, f"Imported from {path.name} by spbe import archimate", extra)
    report.files = write_workspace(into, files, force)
    report.created = count_by_collection(elements)
    return report
