"""The workspace as an ArchiMate model: elements, relationships, properties and folders.

Every collection becomes one element type (infrastructure by kind), every relation of
``spbe_arch.relations.iter_references`` one relationship chosen by :mod:`spbe_arch.exchange.mapping`.
Order and identifiers depend on the model only, so two runs give the same file.
"""

from __future__ import annotations

import json
from collections import defaultdict

from pydantic import BaseModel

from spbe_arch.exchange import mapping as mp
from spbe_arch.exchange.concepts import Folder, Prop, XElement, XModel, XRelationship
from spbe_arch.model import COLLECTION_LABELS, COLLECTIONS, Application, Element
from spbe_arch.relations import iter_references
from spbe_arch.workspace import Workspace


class BuildNote(BaseModel):
    """Something of the model that the export could not write as it is."""

    element: str
    message: str


def model_id(workspace: Workspace) -> str:
    government = workspace.manifest.government
    return "id-model--" + mp.ncname(government.code or government.name)


def ordered_elements(workspace: Workspace) -> list[Element]:
    order = {c: i for i, c in enumerate(COLLECTIONS)}
    return sorted(workspace.iter_elements(), key=lambda e: (order[e.COLLECTION], e.id))


def build_model(workspace: Workspace) -> tuple[XModel, list[BuildNote]]:
    """The ArchiMate model of the workspace (without views) and what could not be written."""
    manifest = workspace.manifest
    title = manifest.document.title or f"Arsitektur SPBE {manifest.government.name}"
    xmodel = XModel(id=model_id(workspace), name=title, documentation=manifest.document.background)
    xmodel.properties = _model_properties(workspace)
    elements = ordered_elements(workspace)
    types: dict[str, str] = {}
    for element in elements:
        types[element.id] = mp.element_type(element)
        xmodel.elements.append(XElement(
            id=mp.concept_id(element.id), type=types[element.id], name=element.name,
            documentation=element.description,
            properties=mp.element_properties(element, workspace.owner_label(element.id)),
        ))
    notes: list[BuildNote] = []
    xmodel.relationships = _relationships(workspace, elements, types, notes)
    xmodel.folders = _folders(workspace, elements, xmodel.relationships)
    return xmodel, notes


def _model_properties(workspace: Workspace) -> list[Prop]:
    manifest = workspace.manifest.model_dump(mode="json", exclude_defaults=True)
    props = [Prop(mp.MANIFEST_PROP, json.dumps(manifest, ensure_ascii=False))]
    codes = _local_codes(workspace)
    if codes:
        props.append(Prop(mp.LOCAL_CODES_PROP, json.dumps(codes, ensure_ascii=False)))
    return props


def _local_codes(workspace: Workspace) -> list[dict[str, str]]:
    """The workspace's valid local reference codes, so that an import can write them back."""
    if not workspace.manifest.reference_extensions:
        return []
    from spbe_arch.errors import SpbeError
    from spbe_arch.extensions import load_extensions
    from spbe_arch.reference import load_catalogue

    try:
        national = load_catalogue(workspace.manifest.reference)
    except SpbeError:
        return []
    local, _ = load_extensions(workspace, national)
    return [{"code": c.code, "name": c.name, **({"description": c.description} if c.description else {})}
            for c in local]


def _relationships(workspace: Workspace, elements: list[Element], types: dict[str, str],
                   notes: list[BuildNote]) -> list[XRelationship]:
    result: list[XRelationship] = []
    used: set[str] = set()
    vias: list[tuple[str, str]] = []

    def add(source: Element, field: str, label: str, target_id: str, extra: list[Prop],
            documentation: str | None = None, name: str | None = None) -> None:
        target = workspace.get(target_id)
        if target is None:
            notes.append(BuildNote(element=source.id, message=f"{field} names {target_id!r}, which is not in the "
                                   "model; no relationship written"))
            return
        candidate = mp.choose(source.COLLECTION, field, types[source.id], types[target.id])
        if candidate is None:  # pragma: no cover - Association joins any two elements in ArchiMate 3.1
            notes.append(BuildNote(element=source.id, message=f"ArchiMate allows no relationship from "
                                   f"{types[source.id]} to {types[target.id]}; {field} {target_id!r} left out"))
            return
        base = mp.concept_id(f"{source.id}--{label}--{target.id}")
        rel_id, n = base, 1
        while rel_id in used:
            n += 1
            rel_id = f"{base}--{n}"
        used.add(rel_id)
        src, tgt = (target, source) if candidate.reversed else (source, target)
        result.append(XRelationship(
            id=rel_id, type=candidate.type, source=mp.concept_id(src.id), target=mp.concept_id(tgt.id),
            name=name, documentation=documentation, properties=[Prop(mp.FIELD_PROP, field), *extra],
            access_type=candidate.access,
        ))

    for element in elements:
        seen: set[tuple[str, str]] = set()
        for ref in iter_references(element):
            if ref.edge is None or ref.field == "integrations":
                continue
            if (ref.field, ref.target) in seen:  # the same id twice in one list is one relation
                continue
            seen.add((ref.field, ref.target))
            add(element, ref.field, ref.field, ref.target, [])
        if isinstance(element, Application):
            for integration in element.integrations:
                extra = [Prop(mp.PROTOCOL_PROP, integration.protocol)]
                if integration.via is not None:
                    extra.append(Prop(mp.VIA_PROP, integration.via))
                    vias += [(integration.via, element.id), (integration.via, integration.target)]
                if integration.data:
                    extra.append(Prop(mp.DATA_PROP, mp.encode_list(integration.data)))
                via = workspace.display_name(integration.via) if integration.via else None
                name = f"{integration.protocol} via {via}" if via else integration.protocol
                add(element, "integrations", "integrates", integration.target, extra,
                    documentation=integration.description, name=name)
    for via_id, app_id in sorted(set(vias)):
        via_element, app = workspace.get(via_id), workspace.get(app_id)
        if via_element is None or app is None:
            continue
        add(via_element, mp.DERIVED_VIA, "serves", app_id, [])
    return result


def _folders(workspace: Workspace, elements: list[Element], relationships: list[XRelationship]) -> list[Folder]:
    """Folders per domain, and inside each domain one folder per OPD (the element's owner)."""
    folders: list[Folder] = []
    by_collection: dict[str, list[Element]] = defaultdict(list)
    for element in elements:
        by_collection[element.COLLECTION].append(element)
    for collection in COLLECTIONS:
        members = by_collection.get(collection, [])
        if not members:
            continue
        label = COLLECTION_LABELS[collection]
        if collection == "organizations":
            folders.append(Folder(label, refs=[mp.concept_id(e.id) for e in _by_name(members)]))
            continue
        per_owner: dict[str, list[Element]] = defaultdict(list)
        for element in members:
            per_owner[workspace.owner_label(element.id) or "(tanpa OPD)"].append(element)
        folders.append(Folder(label, folders=[
            Folder(opd, refs=[mp.concept_id(e.id) for e in _by_name(per_owner[opd])])
            for opd in sorted(per_owner, key=str.casefold)
        ]))
    per_field: dict[str, list[str]] = defaultdict(list)
    for rel in relationships:
        per_field[rel.prop(mp.FIELD_PROP) or "lainnya"].append(rel.id)
    if per_field:
        folders.append(Folder("Relasi", folders=[Folder(f, refs=per_field[f]) for f in sorted(per_field)]))
    return folders


def _by_name(elements: list[Element]) -> list[Element]:
    return sorted(elements, key=lambda e: (e.name.casefold(), e.id))
