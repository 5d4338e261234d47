"""``spbe export archimate``: the workspace as an ArchiMate 3.1 Open Exchange Format file.

The file opens in Archi (File > Import > Open Exchange XML Model) and in any tool that reads the
standard. Before it is written it is checked against the bundled XSDs and every relationship against
the ArchiMate relationship table, so a file we hand over is never one a tool rejects.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from spbe_arch import textsafe
from spbe_arch.errors import SpbeError
from spbe_arch.exchange import mapping as mp
from spbe_arch.exchange.concepts import Folder, Prop, ViewNode, XModel, XView
from spbe_arch.exchange.model_builder import BuildNote, build_model
from spbe_arch.exchange.relationship_table import is_allowed
from spbe_arch.exchange.xmlsafe import ARCHIMATE_NS, XML_NS, XSI_NS, schema_errors
from spbe_arch.fileio import atomic_path
from spbe_arch.workspace import Workspace

SCHEMA_LOCATION = f"{ARCHIMATE_NS} http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd"
_A = f"{{{ARCHIMATE_NS}}}"
_LANG = f"{{{XML_NS}}}lang"
_TYPE = f"{{{XSI_NS}}}type"


class ArchimateExport(BaseModel):
    """What was written: counts, and what the model held that the file could not."""

    output: str
    elements: int
    relationships: int
    views: int
    property_definitions: int
    notes: list[BuildNote]


def exchange_model(workspace: Workspace, with_views: bool = True) -> tuple[XModel, list[BuildNote]]:
    """The ArchiMate model of the workspace, with laid-out views unless ``with_views`` is False."""
    xmodel, notes = build_model(workspace)
    if with_views:
        from spbe_arch.exchange.views import build_views

        xmodel.views = build_views(workspace, xmodel.relationships)
    return xmodel, notes


def to_xml(xmodel: XModel) -> bytes:
    """The exchange document of the model (UTF-8, indented, deterministic)."""
    return _serialize(build_tree(xmodel))


def _serialize(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def build_tree(xmodel: XModel) -> Any:
    """The exchange document as an lxml tree."""
    from lxml import etree

    lang = xmodel.language
    root = etree.Element(_A + "model", nsmap={None: ARCHIMATE_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    root.set("identifier", xmodel.id)
    _text(root, "name", xmodel.name, lang)
    if xmodel.documentation:
        _text(root, "documentation", xmodel.documentation, lang)
    definitions = _property_definitions(xmodel)
    _properties(root, xmodel.properties, definitions, lang)
    if xmodel.elements:
        elements = etree.SubElement(root, _A + "elements")
        for element in xmodel.elements:
            node = etree.SubElement(elements, _A + "element", identifier=element.id)
            node.set(_TYPE, element.type)
            _text(node, "name", element.name, lang)
            if element.documentation:
                _text(node, "documentation", element.documentation, lang)
            _properties(node, element.properties, definitions, lang)
    if xmodel.relationships:
        relationships = etree.SubElement(root, _A + "relationships")
        for rel in xmodel.relationships:
            node = etree.SubElement(relationships, _A + "relationship", identifier=rel.id, source=rel.source,
                                    target=rel.target)
            node.set(_TYPE, rel.type)
            if rel.access_type:
                node.set("accessType", rel.access_type)
            if rel.name:
                _text(node, "name", rel.name, lang)
            if rel.documentation:
                _text(node, "documentation", rel.documentation, lang)
            _properties(node, rel.properties, definitions, lang)
    if xmodel.folders or xmodel.views:
        organizations = etree.SubElement(root, _A + "organizations")
        folders = list(xmodel.folders)
        if xmodel.views:
            folders.append(Folder("Views", refs=[v.id for v in xmodel.views]))
        for folder in folders:
            _folder(organizations, folder, lang)
    if definitions:
        defs = etree.SubElement(root, _A + "propertyDefinitions")
        types = xmodel.property_types()
        for key, identifier in definitions.items():
            node = etree.SubElement(defs, _A + "propertyDefinition", identifier=identifier, type=types[key])
            _text(node, "name", key, None)
    if xmodel.views:
        diagrams = etree.SubElement(etree.SubElement(root, _A + "views"), _A + "diagrams")
        for view in xmodel.views:
            _view(diagrams, view, lang)
    return root


def _clean(text: str) -> str:
    return textsafe.xml_chars(text)


def _text(parent: Any, tag: str, text: str, lang: str | None) -> Any:
    from lxml import etree

    node = etree.SubElement(parent, _A + tag)
    if lang:
        node.set(_LANG, lang)
    node.text = _clean(text)
    return node


def _property_definitions(xmodel: XModel) -> dict[str, str]:
    """Property key -> definition identifier, in a stable order (SPBE keys first, then others)."""
    keys = sorted(xmodel.property_types(), key=lambda k: (not k.startswith(mp.PREFIX), k))
    result: dict[str, str] = {}
    used: set[str] = set()
    for key in keys:
        base = "id-propdef--" + mp.ncname(key)
        identifier, n = base, 1
        while identifier in used:
            n += 1
            identifier = f"{base}--{n}"
        used.add(identifier)
        result[key] = identifier
    return result


def _properties(parent: Any, props: list[Prop], definitions: dict[str, str], lang: str) -> None:
    from lxml import etree

    if not props:
        return
    holder = etree.SubElement(parent, _A + "properties")
    for prop in props:
        node = etree.SubElement(holder, _A + "property", propertyDefinitionRef=definitions[prop.key])
        _text(node, "value", prop.value, lang if prop.type == "string" else None)


def _folder(parent: Any, folder: Folder, lang: str) -> None:
    from lxml import etree

    item = etree.SubElement(parent, _A + "item")
    _text(item, "label", folder.label, lang)
    for child in folder.folders:
        _folder(item, child, lang)
    for ref in folder.refs:
        etree.SubElement(item, _A + "item", identifierRef=ref)


def _view(parent: Any, view: XView, lang: str) -> None:
    from lxml import etree

    node = etree.SubElement(parent, _A + "view", identifier=view.id)
    node.set(_TYPE, "Diagram")
    _text(node, "name", view.name, lang)
    if view.documentation:
        _text(node, "documentation", view.documentation, lang)
    for child in view.nodes:
        _view_node(node, child, lang)
    for connection in view.connections:
        conn = etree.SubElement(node, _A + "connection", identifier=connection.id,
                                relationshipRef=connection.relationship, source=connection.source,
                                target=connection.target)
        conn.set(_TYPE, "Relationship")


def _view_node(parent: Any, view_node: ViewNode, lang: str) -> None:
    from lxml import etree

    node = etree.SubElement(parent, _A + "node", identifier=view_node.id)
    if view_node.element is not None:
        node.set(_TYPE, "Element")
        node.set("elementRef", view_node.element)
    else:
        node.set(_TYPE, "Container")
    for attr in ("x", "y", "w", "h"):
        node.set(attr, str(getattr(view_node, attr)))
    if view_node.element is None:
        _text(node, "label", view_node.label or "", lang)
    for child in view_node.children:
        _view_node(node, child, lang)


def forbidden_relationships(xmodel: XModel) -> list[str]:
    """Relationships the ArchiMate 3.1 table does not allow between their two element types."""
    types = {e.id: e.type for e in xmodel.elements}
    return [
        f"{r.id}: {r.type} from {types.get(r.source)} to {types.get(r.target)}"
        for r in xmodel.relationships
        if not is_allowed(r.type, types.get(r.source, ""), types.get(r.target, ""))
    ]


def export_archimate(root: str | os.PathLike[str], output: Path, with_views: bool = True) -> ArchimateExport:
    """Write the exchange file of the workspace at ``root`` to ``output``, checked before writing."""
    from spbe_arch.loader import open_workspace

    if output.is_dir():
        raise SpbeError(f"{output}: is a folder; give the name of the .xml file to write")
    workspace, _ = open_workspace(root)
    xmodel, notes = exchange_model(workspace, with_views)
    del workspace  # a national model is large: keep only what the file is made of
    result = ArchimateExport(
        output=str(output), elements=len(xmodel.elements), relationships=len(xmodel.relationships),
        views=len(xmodel.views), property_definitions=len(xmodel.property_types()), notes=notes,
    )
    bad = forbidden_relationships(xmodel)
    if bad:
        raise RuntimeError("the ArchiMate export is invalid: " + "; ".join(bad[:5]))
    tree = build_tree(xmodel)
    del xmodel
    if result.elements + result.relationships <= XSD_CHECK_LIMIT:
        _check(tree)  # validated in memory: no second parse of the written bytes
    _write_tree(tree, output)
    return result


# Above this many concepts the in-memory XSD check would need more memory than the export itself
# (national scale: +600 MB); the same code is XSD-checked on every smaller model and in the tests.
XSD_CHECK_LIMIT = 100_000


def _write_tree(tree: Any, output: Path) -> None:
    """Serialise straight into the temporary file of an atomic write (no copy of the document in memory)."""
    from lxml import etree

    try:
        with atomic_path(output) as tmp:
            etree.ElementTree(tree).write(str(tmp), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    except OSError as exc:
        raise SpbeError(f"{output}: cannot write: {exc.strerror or exc}") from None


def _check(tree: Any) -> None:
    """A file that breaks the XSD is our bug: never hand it out."""
    errors = schema_errors(tree)
    if errors:
        raise RuntimeError("the ArchiMate export is invalid: " + "; ".join(errors[:5]))


def export_text(result: ArchimateExport) -> str:
    lines = [f"wrote {result.output}: {result.elements} elements, {result.relationships} relationships, "
             f"{result.views} views, {result.property_definitions} property definitions"]
    lines += [f"  not exported: {n.element}: {n.message}" for n in result.notes]
    return "\n".join(lines) + "\n"
