"""ArchiMate exchange export: valid against the XSDs, only relationships the ArchiMate 3.1 table allows,
stable identifiers, SPBE properties, folders per domain and OPD, laid-out views, readable by pyArchimate."""

from __future__ import annotations

import filecmp
import logging
import os
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.exchange import mapping as mp
from spbe_arch.exchange.archimate_export import exchange_model, export_archimate, to_xml
from spbe_arch.exchange.xmlsafe import data_path, schema_errors
from spbe_arch.loader import load_workspace, open_workspace
from spbe_arch.model import COLLECTIONS
from spbe_arch.relations import iter_references
from tests.exchange_counts import expected_counts
from tests.snapshot import assert_snapshot

ROOT = Path(__file__).resolve().parent.parent
SHARED_REF = ROOT.parent / "shared" / "ref"
NS = {"a": "http://www.opengroup.org/xsd/archimate/3.0/", "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
LETTERS = {"a": "Access", "c": "Composition", "f": "Flow", "g": "Aggregation", "i": "Assignment", "n": "Influence",
           "o": "Association", "r": "Realization", "s": "Specialization", "t": "Triggering", "v": "Serving"}


def relationship_table() -> dict[tuple[str, str], set[str]]:
    """The ArchiMate 3.1 table, read here independently of the exporter's own reader."""
    root = etree.parse(str(data_path("archimate-relationships", "relationships-3.1.xml"))).getroot()
    table: dict[tuple[str, str], set[str]] = {}
    for source in root.iter("source"):
        for target in source.iter("target"):
            table[(source.get("concept"), target.get("concept"))] = {LETTERS[c] for c in target.get("relations")}
    return table


@pytest.fixture(scope="module")
def small_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archimate") / "small.xml"
    export_archimate(Path(__file__).parent / "fixtures" / "small", out)
    return out


def parse(path: Path) -> Any:
    return etree.parse(str(path)).getroot()


def test_export_validates_against_the_xsds(small_export: Path) -> None:
    assert schema_errors(parse(small_export)) == []


def test_schema_check_catches_a_broken_file(small_export: Path) -> None:
    root = parse(small_export)
    rel = root.find("a:relationships/a:relationship", NS)
    rel.set("target", "id-does-not-exist")
    errors = schema_errors(root)
    assert errors and any("TargetRef" in e or "keyref" in e.lower() or "key" in e.lower() for e in errors)


def check_relationships(path: Path) -> int:
    root = parse(path)
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in root.iterfind("a:elements/a:element", NS)}
    table = relationship_table()
    rels = root.findall("a:relationships/a:relationship", NS)
    for rel in rels:
        pair = (types[rel.get("source")], types[rel.get("target")])
        assert rel.get(XSI_TYPE) in table[pair], (rel.get("identifier"), rel.get(XSI_TYPE), pair)
    return len(rels)


def test_every_relationship_is_allowed_by_the_archimate_table(small: Path, small_export: Path) -> None:
    assert check_relationships(small_export) == expected_counts(small)[1]


def test_every_relation_of_the_model_is_exported(small: Path, small_export: Path) -> None:
    workspace, _ = open_workspace(small)
    expected = {(ref.field, frozenset((e.id, ref.target))) for e in workspace.iter_elements()
                for ref in iter_references(e) if ref.edge is not None}
    root = parse(small_export)
    found = []
    for rel in root.iterfind("a:relationships/a:relationship", NS):
        field = _props(root, rel)["spbe:field"]
        if field != mp.DERIVED_VIA:
            found.append((field, frozenset((rel.get("source")[3:], rel.get("target")[3:]))))
    assert len(found) == len(set(found))
    assert set(found) == expected


def _props(root: Any, node: Any) -> dict[str, str]:
    names = {d.get("identifier"): d.findtext("a:name", namespaces=NS)
             for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    return {names[p.get("propertyDefinitionRef")]: p.findtext("a:value", namespaces=NS)
            for p in node.iterfind("a:properties/a:property", NS)}


def test_mapping_never_needs_a_forbidden_relationship() -> None:
    """Every relation field between every pair of element types it can join gets an allowed relationship."""
    table = relationship_table()
    types_of = {c: {mp.COLLECTION_TYPES[c]} for c in mp.COLLECTION_TYPES}
    types_of["infrastructure"] = set(mp.INFRASTRUCTURE_TYPES.values())
    for collection in COLLECTIONS:
        for field in mp.relation_fields(collection):
            for source_type in types_of[collection]:
                for target_collection in COLLECTIONS:
                    for target_type in types_of[target_collection]:
                        choice = mp.choose(collection, field, source_type, target_type)
                        assert choice is not None
                        pair = (target_type, source_type) if choice.reversed else (source_type, target_type)
                        assert choice.type in table[pair], (collection, field, pair, choice)


def test_relationship_choices_follow_archimate_practice(small_export: Path) -> None:
    root = parse(small_export)
    by_id = {r.get("identifier"): r for r in root.iterfind("a:relationships/a:relationship", NS)}
    hosted = by_id["id-app-simpeg--hosted_on--vm-app-01"]
    assert (hosted.get(XSI_TYPE), hosted.get("source"), hosted.get("target")) == (
        "Serving", "id-vm-app-01", "id-app-simpeg")
    writes = by_id["id-app-simpeg--writes--data-pegawai"]
    assert (writes.get(XSI_TYPE), writes.get("accessType")) == ("Access", "Write")
    reads = by_id["id-app-siasn--reads--data-pegawai"]
    assert reads.get("accessType") == "Read"
    owner = by_id["id-pb-manajemen-asn--owner--bkpsdm"]
    assert (owner.get(XSI_TYPE), owner.get("source")) == ("Assignment", "id-bkpsdm")
    flow = by_id["id-app-simpeg--integrates--app-siasn"]
    assert flow.get(XSI_TYPE) == "Flow"
    assert _props(root, flow) == {"spbe:field": "integrations", "spbe:protocol": "api", "spbe:via": "splp-uji",
                                  "spbe:data": "data-pegawai"}
    assert by_id["id-splp-uji--serves--app-simpeg"].get(XSI_TYPE) == "Serving"
    assert by_id["id-km-smki--protects--app-simpeg"].get(XSI_TYPE) == "Realization"
    assert by_id["id-rm-konsolidasi-presensi--affects--app-absensi-dinkes"].get(XSI_TYPE) == "Realization"


def test_element_types_by_collection_and_infrastructure_kind(small_export: Path) -> None:
    root = parse(small_export)
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in root.iterfind("a:elements/a:element", NS)}
    assert types["id-bkpsdm"] == "BusinessActor"
    assert types["id-pb-presensi"] == "BusinessProcess"
    assert types["id-ly-kesehatan"] == "BusinessService"
    assert types["id-data-pegawai"] == "DataObject"
    assert types["id-app-simpeg"] == "ApplicationComponent"
    assert types["id-pusat-data-uji"] == "Node"
    assert types["id-jip-uji"] == "CommunicationNetwork"
    assert types["id-splp-uji"] == "SystemSoftware"
    assert types["id-km-smki"] == "Requirement"
    assert types["id-rm-konsolidasi-presensi"] == "WorkPackage"


def test_spbe_attributes_are_properties_with_definitions(small_export: Path) -> None:
    root = parse(small_export)
    definitions = {d.findtext("a:name", namespaces=NS): d.get("type")
                   for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    for key in ("spbe:reference", "spbe:opd", "spbe:kind", "spbe:status", "spbe:security_category", "spbe:id"):
        assert definitions[key] == "string"
    assert definitions["spbe:tier"] == "number"
    assert definitions["spbe:master"] == "boolean"
    assert definitions["spbe:last_done"] == "date"
    simpeg = root.find("a:elements/a:element[@identifier='id-app-simpeg']", NS)
    props = _props(root, simpeg)
    assert props["spbe:reference"] == "RAA.02.02.01"
    assert props["spbe:opd"] == "BKPSDM"
    assert props["spbe:kind"] == "khusus"
    assert props["spbe:security_category"] == "tinggi"
    assert props["spbe:platform"] == "web"
    assert props["spbe:acronym"] == "SIMPEG"


def test_folders_per_domain_and_per_opd(small_export: Path) -> None:
    root = parse(small_export)
    top = {i.findtext("a:label", namespaces=NS): i for i in root.iterfind("a:organizations/a:item", NS)}
    assert {"Perangkat Daerah", "Proses Bisnis", "Layanan", "Data dan Informasi", "Aplikasi", "Infrastruktur",
            "Keamanan", "Peta Rencana", "Relasi", "Views"} <= set(top)
    apps = {i.findtext("a:label", namespaces=NS): [r.get("identifierRef") for r in i.iterfind("a:item", NS)]
            for i in top["Aplikasi"].iterfind("a:item", NS)}
    assert apps["BKPSDM"] == ["id-app-presensi-bkpsdm", "id-app-simpeg"]
    assert apps["Dinkes"] == ["id-app-absensi-dinkes", "id-app-simpus"]
    assert apps["BKN"] == ["id-app-siasn"]


def test_identifiers_are_stable_and_ncname_safe(small: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    export_archimate(small, first)
    export_archimate(small, second)
    assert filecmp.cmp(first, second, shallow=False)
    root = parse(first)
    ids = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(ids) == len(set(ids))
    assert "id-app-simpeg" in ids
    assert mp.concept_id("a.b_c-d") == "id-a.b_c-d"
    assert mp.concept_id("weird id/with:chars") == "id-weird_id_with_chars"


def test_model_text_is_escaped_and_survives(make_workspace: Any, tmp_path: Path) -> None:
    root_dir = make_workspace({"proses.yaml": """\
        processes:
          - id: pb-aneh
            name: 'Proses <b>"&" </b> ]]> tanda'
            description: "Baris satu\\nbaris dua \\u0007 dengan bel"
            owner: diskominfo
        """})
    out = tmp_path / "x.xml"
    export_archimate(root_dir, out)
    root = parse(out)
    element = root.find("a:elements/a:element[@identifier='id-pb-aneh']", NS)
    assert element.findtext("a:name", namespaces=NS) == 'Proses <b>"&" </b> ]]> tanda'
    assert element.findtext("a:documentation", namespaces=NS) == "Baris satu\nbaris dua  dengan bel"
    assert schema_errors(root) == []


def test_views_have_integer_non_negative_absolute_geometry(small_export: Path) -> None:
    root = parse(small_export)
    views = {v.get("identifier"): v for v in root.iterfind("a:views/a:diagrams/a:view", NS)}
    assert set(views) == {"id-view--landscape", "id-view--integration", "id-view--infrastructure"}

    def check(node: Any, parent: tuple[int, int, int, int] | None) -> None:
        box = tuple(int(node.get(k)) for k in ("x", "y", "w", "h"))
        assert all(str(v) == node.get(k) for v, k in zip(box, ("x", "y", "w", "h"), strict=True))
        assert box[0] >= 0 and box[1] >= 0 and box[2] > 0 and box[3] > 0
        if parent is not None:  # absolute coordinates: a child lies inside its parent
            assert parent[0] <= box[0] and box[0] + box[2] <= parent[0] + parent[2]
            assert parent[1] <= box[1] and box[1] + box[3] <= parent[1] + parent[3]
        for child in node.iterfind("a:node", NS):
            check(child, box)  # type: ignore[arg-type]

    for view in views.values():
        for node in view.iterfind("a:node", NS):
            check(node, None)
    landscape = views["id-view--landscape"]
    bkpsdm = landscape.find("a:node[@elementRef='id-bkpsdm']", NS)
    assert [n.get("elementRef") for n in bkpsdm.iterfind("a:node", NS)] == [
        "id-app-presensi-bkpsdm", "id-app-simpeg"]
    integration = views["id-view--integration"]
    assert integration.find("a:node[@elementRef='id-splp-uji']", NS) is not None
    refs = {c.get("relationshipRef") for c in integration.iterfind("a:connection", NS)}
    assert "id-app-absensi-dinkes--integrates--app-simpeg" in refs
    infrastructure = views["id-view--infrastructure"]
    centre = infrastructure.find("a:node[@elementRef='id-pusat-data-uji']", NS)
    assert {n.get("elementRef") for n in centre.iterfind("a:node", NS)} == {"id-vm-app-01", "id-splp-uji"}


def test_boxes_of_one_level_never_overlap(small_export: Path, tmp_path: Path) -> None:
    from spbe_arch.exchange.inventory import import_inventory
    from tests.inventory_factory import write_inventory_xlsx

    write_inventory_xlsx(tmp_path / "inv.xlsx")
    import_inventory(tmp_path / "inv.xlsx", tmp_path / "ws")  # 150 applications in 24 OPDs
    big = tmp_path / "big.xml"
    export_archimate(tmp_path / "ws", big)
    for path in (small_export, big):
        for parent in parse(path).iter(f"{{{NS['a']}}}view", f"{{{NS['a']}}}node"):
            boxes = [tuple(int(n.get(k)) for k in ("x", "y", "w", "h")) for n in parent.iterfind("a:node", NS)]
            for i, (x, y, w, h) in enumerate(boxes):
                for x2, y2, w2, h2 in boxes[i + 1:]:
                    assert not (x < x2 + w2 and x2 < x + w and y < y2 + h2 and y2 < y + h), (path.name, x, y)


def test_no_views_option(small: Path, tmp_path: Path) -> None:
    result = export_archimate(small, tmp_path / "x.xml", with_views=False)
    assert result.views == 0
    assert parse(tmp_path / "x.xml").find("a:views", NS) is None


def test_export_is_atomic_with_the_mode_of_a_plain_write(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.xml"
    export_archimate(small, out, with_views=False)
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    out.chmod(0o640)
    export_archimate(small, out, with_views=False)
    assert out.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["model.xml"]  # no temporary file left behind


def test_export_without_views_snapshot(small: Path) -> None:
    workspace, _ = open_workspace(small)
    xmodel, notes = exchange_model(workspace, with_views=False)
    assert notes == []
    assert_snapshot("exchange/small-archimate-noviews.xml", to_xml(xmodel))


def test_dangling_reference_is_reported_not_written(make_workspace: Any, tmp_path: Path) -> None:
    root_dir = make_workspace({"aplikasi.yaml": """\
        applications:
          - {id: app-x, name: X, owner: diskominfo, hosted_on: [server-hilang]}
        """})
    result = export_archimate(root_dir, tmp_path / "x.xml")
    assert [(n.element, "server-hilang" in n.message) for n in result.notes] == [("app-x", True)]
    assert check_relationships(tmp_path / "x.xml") == 1  # only the owner


def test_pyarchimate_reads_the_same_numbers(small: Path, small_export: Path) -> None:
    pyarchimate = pytest.importorskip("pyArchimate", reason="pyArchimate (GPL, test-only) is not installed")
    logging.getLogger("pyArchimate").setLevel(logging.ERROR)
    model = pyarchimate.Model("spbe")
    model.read(str(small_export))
    root = parse(small_export)
    elements, relationships = expected_counts(small)
    assert len(model.elems_dict) == len(root.findall("a:elements/a:element", NS)) == elements
    assert len(model.rels_dict) == len(root.findall("a:relationships/a:relationship", NS)) == relationships
    assert len(model.views_dict) == 3


def test_bundled_reference_files_match_the_shared_ones() -> None:
    if not SHARED_REF.is_dir():
        pytest.skip("../shared/ref is not beside this checkout")
    pairs = [("archimate-xsd", n) for n in ("archimate3_Model.xsd", "archimate3_View.xsd", "archimate3_Diagram.xsd",
                                             "xml.xsd", "dc.xsd")]
    pairs += [("archimate-relationships", n) for n in ("relationships-3.1.xml", "relationships-keys.xml")]
    for folder, name in pairs:
        assert data_path(folder, name).read_bytes() == (SHARED_REF / folder / name).read_bytes(), name


def test_cli_export_archimate(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "m.xml"
    result = CliRunner().invoke(app, ["export", "archimate", str(small), "-o", str(out)])
    assert result.exit_code == 0, result.output
    elements, relationships = expected_counts(small)
    assert f"{elements} elements, {relationships} relationships, 3 views" in result.output
    result = CliRunner().invoke(app, ["export", "archimate", str(small), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0 and f'"relationships": {relationships}' in result.output
    result = CliRunner().invoke(app, ["export", "archimate", str(tmp_path / "nowhere"), "-o", str(out)])
    assert result.exit_code == 2 and "spbe: error:" in result.output


@pytest.fixture(scope="module")
def example_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    example = ROOT / "models" / "kabupaten-pasuruan"
    if not (example / "spbe.yaml").is_file():
        pytest.skip("the bundled example is not there yet")
    loaded = load_workspace(example)
    if loaded.workspace is None or loaded.fatal:
        pytest.skip("the bundled example does not load yet")
    out = tmp_path_factory.mktemp("example") / "example.xml"
    return out, (export_archimate(example, out), loaded.workspace)


def test_example_model_exports_valid(example_export: tuple[Path, Any]) -> None:
    out, (result, workspace) = example_export
    assert (result.elements, result.relationships) == expected_counts(workspace.root)
    assert result.notes == []
    assert schema_errors(parse(out)) == []
    assert check_relationships(out) == result.relationships
    assert result.views == 3


def test_example_model_loads_in_pyarchimate(example_export: tuple[Path, Any]) -> None:
    pyarchimate = pytest.importorskip("pyArchimate", reason="pyArchimate (GPL, test-only) is not installed")
    logging.getLogger("pyArchimate").setLevel(logging.ERROR)
    out, (result, _) = example_export
    model = pyarchimate.Model("example")
    model.read(str(out))
    assert (len(model.elems_dict), len(model.rels_dict), len(model.views_dict)) == (
        result.elements, result.relationships, 3)


def test_example_model_round_trip(example_export: tuple[Path, Any], tmp_path: Path) -> None:
    from spbe_arch.exchange.archimate_import import import_archimate

    _, (_, workspace) = example_export
    first, second = tmp_path / "a.xml", tmp_path / "b.xml"
    export_archimate(workspace.root, first, with_views=False)
    report = import_archimate(first, tmp_path / "ws")
    assert report.skipped_elements == [] and report.skipped_relationships == []
    export_archimate(tmp_path / "ws", second, with_views=False)
    assert filecmp.cmp(first, second, shallow=False)
