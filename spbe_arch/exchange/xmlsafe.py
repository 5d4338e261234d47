"""Untrusted XML read safely, and exchange files checked against the bundled XSDs, offline.

A file to import may come from anywhere: entity definitions (billion laughs, external entities that
read local files or fetch URLs) are refused outright rather than expanded or resolved, and the
schemas are resolved from the package, never from the network.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import IO, Any

from spbe_arch.errors import SpbeError

MAX_XML_BYTES = 64 * 1024 * 1024
ARCHIMATE_NS = "http://www.opengroup.org/xsd/archimate/3.0/"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
DC_NS = "http://purl.org/dc/elements/1.1/"

_WRAPPER = f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:spbe-arch:wrapper">
  <xs:import namespace="{ARCHIMATE_NS}" schemaLocation="archimate3_Diagram.xsd"/>
  <xs:import namespace="{DC_NS}" schemaLocation="dc.xsd"/>
</xs:schema>"""


class UnsafeXmlError(SpbeError):
    """The document declares a DTD or entities, which an exchange file never needs."""


def data_path(*parts: str) -> Path:
    """A file bundled in ``spbe_arch/exchange/data`` (works from a checkout and from the wheel)."""
    return Path(str(resources.files("spbe_arch.exchange").joinpath("data", *parts)))


def xsd_dir() -> Path:
    return data_path("archimate-xsd")


def parse_untrusted(data: bytes, name: str) -> Any:
    """The root element of ``data``; refuses DTDs and entities, never touches the network."""
    from lxml import etree

    if len(data) > MAX_XML_BYTES:
        raise SpbeError(f"{name}: {len(data) // (1024 * 1024)} MiB is more than an exchange file may hold "
                        f"({MAX_XML_BYTES // (1024 * 1024)} MiB)")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                             dtd_validation=False, remove_comments=True, remove_pis=True)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        if b"<!ENTITY" in data or b"<!DOCTYPE" in data:
            raise UnsafeXmlError(f"{name}: refused: the document declares a DTD or entities "
                                 "(entity-expansion and external-entity payloads are never read)") from None
        raise SpbeError(f"{name}: not well-formed XML: {exc.msg}") from None
    info = tree.docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise UnsafeXmlError(f"{name}: refused: the document declares a DTD or entities "
                             "(entity-expansion and external-entity payloads are never read)")
    for node in tree.iter():
        if not isinstance(node.tag, str):  # an entity reference left unexpanded
            raise UnsafeXmlError(f"{name}: refused: the document uses entity references")
    return tree.getroot()


class _Prolog(Exception):
    """Raised from inside expat to stop reading: ``dtd`` says what the prolog held."""

    def __init__(self, dtd: bool) -> None:
        self.dtd = dtd


def _declares_dtd(stream: IO[bytes]) -> bool:
    """Whether the XML on ``stream`` declares a DTD or an entity, read only up to its first element."""
    import xml.parsers.expat

    def found(*_args: Any) -> None:
        raise _Prolog(True)

    def start(*_args: Any) -> None:
        raise _Prolog(False)

    parser = xml.parsers.expat.ParserCreate()
    parser.StartDoctypeDeclHandler = found
    parser.EntityDeclHandler = found
    parser.StartElementHandler = start
    try:
        while chunk := stream.read(64 * 1024):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Prolog as stop:
        return stop.dtd
    except xml.parsers.expat.ExpatError:
        return False  # not well-formed: the reader of the file reports it
    return False


def refuse_dtd_in_package(path: Path) -> None:
    """Refuse an Office file (a zip of XML parts, such as .xlsx) when any part declares a DTD or entities.

    openpyxl reads worksheets through defusedxml, which refuses them, but other parts through lxml, which
    only leaves entities unexpanded; this check refuses every part the same way, before any is parsed.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            for member in package.infolist():
                if member.filename.lower().endswith((".xml", ".rels", ".vml")):
                    with package.open(member) as stream:
                        if _declares_dtd(stream):
                            raise UnsafeXmlError(
                                f"{path}: refused: its part {member.filename} declares a DTD or entities "
                                "(entity-expansion and external-entity payloads are never read)")
    except (zipfile.BadZipFile, OSError):
        return  # not a zip: the workbook reader says so


class _OfflineResolver:
    """Maps every schema location (URL or relative) to the bundled file of the same name."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def make(self) -> Any:
        from lxml import etree

        folder = self.folder

        class Resolver(etree.Resolver):  # type: ignore[misc]
            def resolve(self, url: str | None, pubid: str | None, context: Any) -> Any:
                base = (url or "").rstrip("/").rsplit("/", 1)[-1]
                candidate = folder / base
                if candidate.is_file():
                    return self.resolve_filename(str(candidate), context)
                raise SpbeError(f"schema {url!r} is not bundled; validation works offline only")

        return Resolver()


@functools.lru_cache(maxsize=1)
def exchange_schema() -> Any:
    """The XSD of ArchiMate 3.1 exchange files with diagrams, plus Dublin Core, loaded offline."""
    from lxml import etree

    folder = xsd_dir()
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(_OfflineResolver(folder).make())
    wrapper = etree.fromstring(_WRAPPER.encode(), parser, base_url=str(folder / "wrapper.xsd"))
    return etree.XMLSchema(wrapper)


def schema_errors(root: Any, limit: int = 20) -> list[str]:
    """The XSD violations of a parsed exchange document ('line N: message'), at most ``limit``."""
    schema = exchange_schema()
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in list(schema.error_log)[:limit]]
