"""ArchiMate exchange import: round trip, the Archisurance example, and hostile or wrong input."""

from __future__ import annotations

import filecmp
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.errors import SpbeError
from spbe_arch.exchange.archi_csv import export_archi_csv
from spbe_arch.exchange.archimate_export import export_archimate
from spbe_arch.exchange.archimate_import import DEFAULT_OWNER, import_archimate
from spbe_arch.exchange.xmlsafe import UnsafeXmlError, data_path
from spbe_arch.loader import load_workspace
from spbe_arch.model import COLLECTIONS, dump_element
from spbe_arch.validate import validate_workspace

ARCHISURANCE = Path(__file__).resolve().parent / "data" / "exchange" / "archisurance.xml"
NS_OPEN = ('<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">')


def loads_cleanly(root: Path) -> Any:
    result = load_workspace(root)
    assert result.workspace is not None and not result.fatal
    assert [f for f in result.findings if f.severity == "error"] == []
    return result.workspace


def test_round_trip_keeps_elements_relations_and_properties(small: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.xml"
    export_archimate(small, first)
    report = import_archimate(first, tmp_path / "ws")
    assert report.skipped_elements == [] and report.skipped_relationships == []
    original_model = loads_cleanly(small)
    assert report.created == {c: len(original_model.collection(c)) for c in COLLECTIONS if original_model.collection(c)}
    second = tmp_path / "second.xml"
    export_archimate(tmp_path / "ws", second)
    assert filecmp.cmp(first, second, shallow=False), "export -> import -> export changed the file"
    original, imported = loads_cleanly(small), loads_cleanly(tmp_path / "ws")
    assert {i: dump_element(e) for i, e in original.elements.items()} == {
        i: dump_element(e) for i, e in imported.elements.items()}
    assert imported.manifest == original.manifest
    def findings(root: Path) -> list[tuple[str, str | None, str]]:
        return sorted((f.rule, f.element, f.message) for f in validate_workspace(root).report.findings)

    assert findings(tmp_path / "ws") == findings(small)


def test_round_trip_of_free_properties_and_types(make_workspace: Any, tmp_path: Path) -> None:
    root = make_workspace({"aplikasi.yaml": """\
        applications:
          - id: app-x
            name: Aplikasi X
            owner: diskominfo
            tags: ["label, dengan koma", biasa]
            properties: {anggaran: 1500000, aktif_sejak: 2020-01-31, rasio: 0.25, publik: true, vendor: "PT Satu"}
            technology: {language: PHP, database: MySQL}
            distinct_from: [app-y]
          - {id: app-y, name: Aplikasi Y, owner: bkpsdm, since: 2019}
        """})
    export_archimate(root, tmp_path / "x.xml")
    import_archimate(tmp_path / "x.xml", tmp_path / "imported")
    app_x = loads_cleanly(tmp_path / "imported").get("app-x")
    original = loads_cleanly(root).get("app-x")
    assert app_x == original
    assert app_x.properties["aktif_sejak"].isoformat() == "2020-01-31"
    assert app_x.tags == ["label, dengan koma", "biasa"]


def test_archisurance_becomes_a_workspace_that_validates(tmp_path: Path) -> None:
    report = import_archimate(ARCHISURANCE, tmp_path / "ws")
    assert report.created["organizations"] >= 17
    assert report.created["applications"] == 10
    assert report.created["processes"] >= 9
    assert report.created["data"] == 14  # 4 DataObjects and 10 BusinessObjects
    skipped = " ".join(n.message for n in report.skipped_elements)
    assert "BusinessRole 'Customer'" in skipped and "no SPBE collection" in skipped
    assert any("view(s) not imported" in n.message for n in report.warnings)
    assert any(DEFAULT_OWNER in n.where for n in report.assumptions)
    workspace = loads_cleanly(tmp_path / "ws")
    assert workspace.manifest.government.name == "Archisurance"
    validation = validate_workspace(tmp_path / "ws")
    assert validation.report.summary.errors == 0
    simpeg_like = [a for a in workspace.applications if a.name == "Home & Away Policy Administration"]
    assert simpeg_like and simpeg_like[0].owner == DEFAULT_OWNER


def test_archisurance_relationships_map_to_fields(tmp_path: Path) -> None:
    import_archimate(ARCHISURANCE, tmp_path / "ws")
    workspace = loads_cleanly(tmp_path / "ws")
    apps = {a.name: a for a in workspace.applications}
    assert apps["Customer Data  Access"].writes == ["customer-file-data"]  # Access (Write)
    assert apps["Financial Application"].hosted_on == ["financial-software"]  # Serving from system software
    assert any(p.data for p in workspace.processes)  # Access from a process to a business object
    lan = next(i for i in workspace.infrastructure if i.name == "LAN")
    assert lan.connected_to  # Association between two technology elements


def test_refuses_to_overwrite_without_force(small: Path, tmp_path: Path) -> None:
    export_archimate(small, tmp_path / "x.xml")
    import_archimate(tmp_path / "x.xml", tmp_path / "ws")
    marker = tmp_path / "ws" / "organisasi.yaml"
    marker.write_text("# edited by hand\n", encoding="utf-8")
    with pytest.raises(SpbeError, match="would overwrite"):
        import_archimate(tmp_path / "x.xml", tmp_path / "ws")
    assert marker.read_text(encoding="utf-8") == "# edited by hand\n"
    import_archimate(tmp_path / "x.xml", tmp_path / "ws", force=True)
    assert "organizations:" in marker.read_text(encoding="utf-8")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "input.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi", strict=True))
    path = write(tmp_path, f'<?xml version="1.0"?><!DOCTYPE model [{entities}]>{NS_OPEN}<name>&i;</name></model>')
    with pytest.raises(UnsafeXmlError, match="DTD or entities"):
        import_archimate(path, tmp_path / "ws")
    assert not (tmp_path / "ws").exists()


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("rahasia", encoding="utf-8")
    path = write(tmp_path, f'<?xml version="1.0"?><!DOCTYPE model [<!ENTITY x SYSTEM "file://{secret}">]>'
                 f'{NS_OPEN}<name>&x;</name></model>')
    with pytest.raises(UnsafeXmlError):
        import_archimate(path, tmp_path / "ws")


def test_xml_that_is_not_an_exchange_file(tmp_path: Path) -> None:
    with pytest.raises(SpbeError, match=r"not an ArchiMate exchange file: the root element is <svg>"):
        import_archimate(write(tmp_path, '<svg xmlns="http://www.w3.org/2000/svg"/>'), tmp_path / "ws")
    with pytest.raises(SpbeError, match="another version"):
        import_archimate(write(tmp_path, '<model xmlns="http://www.opengroup.org/xsd/archimate"/>'), tmp_path / "ws")
    with pytest.raises(SpbeError, match="not well-formed XML"):
        import_archimate(write(tmp_path, "<model><unclosed></model>"), tmp_path / "ws")
    with pytest.raises(SpbeError, match="cannot read"):
        import_archimate(tmp_path / "missing.xml", tmp_path / "ws")


def test_unknown_xsi_type_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, f"""{NS_OPEN}<name>M</name><elements>
      <element identifier="id-a" xsi:type="ApplicationComponent"><name>Aplikasi A</name></element>
      <element identifier="id-b" xsi:type="HologramProjector"><name>Proyektor</name></element>
      <element identifier="id-c" xsi:type="Node"><name>Server C</name></element>
    </elements><relationships>
      <relationship identifier="id-r1" source="id-c" target="id-a" xsi:type="Serving"/>
      <relationship identifier="id-r2" source="id-a" target="id-b" xsi:type="Serving"/>
      <relationship identifier="id-r3" source="id-a" target="id-c" xsi:type="Teleport"/>
    </relationships></model>""")
    report = import_archimate(path, tmp_path / "ws")
    assert [n.where for n in report.skipped_elements] == ["id-b"]
    assert "unknown xsi:type 'HologramProjector'" in report.skipped_elements[0].message
    assert {n.where for n in report.skipped_relationships} == {"id-r2", "id-r3"}
    assert any("does not validate" in n.message or "line" in n.message for n in report.warnings)
    workspace = loads_cleanly(tmp_path / "ws")
    app_a = workspace.get("aplikasi-a")
    assert app_a is not None and app_a.hosted_on == ["server-c"]  # type: ignore[attr-defined]


def test_archi_csv_matches_the_exchange_ids(small: Path, tmp_path: Path) -> None:
    import csv

    export_archimate(small, tmp_path / "x.xml")
    export_archi_csv(small, tmp_path / "csv")
    text = (tmp_path / "x.xml").read_text(encoding="utf-8")
    with (tmp_path / "csv" / "relations.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and all(f'identifier="{r["ID"]}"' in text for r in rows)


def test_cli_import_archimate(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["import", "archimate", str(ARCHISURANCE), "--into", str(tmp_path / "ws")])
    assert result.exit_code == 0, result.output
    assert "not imported (elements)" in result.output and "next: spbe validate" in result.output
    again = runner.invoke(app, ["import", "archimate", str(ARCHISURANCE), "--into", str(tmp_path / "ws")])
    assert again.exit_code == 2 and "--force" in again.output
    forced = runner.invoke(app, ["import", "archimate", str(ARCHISURANCE), "--into", str(tmp_path / "ws"),
                                 "--force", "--format", "json"])
    assert forced.exit_code == 0 and '"created"' in forced.output


def test_archisurance_fixture_is_the_reference_copy() -> None:
    shared = Path(__file__).resolve().parents[2] / "shared" / "ref" / "archimate-xsd" / "example-archisurance.xml"
    if not shared.is_file():
        pytest.skip("../shared/ref is not beside this checkout")
    assert ARCHISURANCE.read_bytes() == shared.read_bytes()
    assert data_path("archimate-xsd", "LICENSE.txt").is_file()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.tuples(st.integers(0, 200_000), st.integers(0, 60)), junk=st.sampled_from(
    ["", "x", "<", "&amp;", '"', "</element>", "<element>", ' xsi:type="Bogus"', "\u00e9", "id-1544"]))
def test_damaged_files_never_crash(tmp_path: Path, cut: tuple[int, int], junk: str) -> None:
    """A damaged exchange file gives a report or a clear error, never an internal error."""
    source = ARCHISURANCE.read_bytes()
    start, length = cut
    damaged = source[:start] + junk.encode("utf-8") + source[start + length:]
    path = tmp_path / "damaged.xml"
    path.write_bytes(damaged)
    target = tmp_path / f"ws-{start}-{length}-{len(junk)}"
    try:
        import_archimate(path, target, force=True)
    except SpbeError:
        return
    loads_cleanly(target)
