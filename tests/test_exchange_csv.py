"""Archi's CSV trio: the layout Archi's importer reads, the exchange file's ids, and a snapshot."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.exchange.archi_csv import export_archi_csv
from tests.exchange_counts import expected_counts
from tests.snapshot import assert_snapshot


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


def test_archi_csv_layout(small: Path, tmp_path: Path) -> None:
    result = export_archi_csv(small, tmp_path)
    n_elements, n_relations = expected_counts(small)
    assert (result.elements, result.relations) == (n_elements, n_relations)
    elements, relations, properties = (rows(tmp_path / n) for n in ("elements.csv", "relations.csv",
                                                                     "properties.csv"))
    assert elements[0] == ["ID", "Type", "Name", "Documentation", "Specialization"]
    assert relations[0] == ["ID", "Type", "Name", "Documentation", "Source", "Target", "Specialization"]
    assert properties[0] == ["ID", "Key", "Value"]
    assert elements[1][:2] == ["id-model--99.01", "ArchimateModel"]
    assert len(elements) == 1 + 1 + n_elements and len(relations) == 1 + n_relations
    assert len(properties) == 1 + result.properties
    raw = (tmp_path / "elements.csv").read_bytes()
    assert raw.startswith(b'"ID","Type","Name","Documentation","Specialization"\r\n')
    by_id = {r[0]: r for r in relations[1:]}
    assert by_id["id-app-simpeg--hosted_on--vm-app-01"][1:6] == [
        "ServingRelationship", "", "", "id-vm-app-01", "id-app-simpeg"]
    access = [p for p in properties if p[0] == "id-app-simpeg--writes--data-pegawai"]
    assert ["id-app-simpeg--writes--data-pegawai", "Access_Type", "Write"] in access
    names = {r[0]: r[2] for r in elements[1:]}
    assert names["id-pb-pelayanan-kesehatan"] == 'Pelayanan Kesehatan Dasar <Puskesmas> & "Posyandu"'
    element_ids = set(names)
    assert all(r[4] in element_ids and r[5] in element_ids for r in relations[1:])
    assert all(p[0] in element_ids or p[0] in by_id for p in properties[1:])


def test_archi_csv_snapshot(small: Path, tmp_path: Path) -> None:
    export_archi_csv(small, tmp_path)
    for name in ("elements.csv", "relations.csv", "properties.csv"):
        assert_snapshot(f"exchange/archi-csv/{name}", (tmp_path / name).read_bytes())


def test_cli_export_archi_csv(small: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "archi-csv", str(small), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    elements, relations = expected_counts(small)
    assert f"{elements} elements, {relations} relations" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["elements.csv", "properties.csv", "relations.csv"]


def test_outputs_of_the_wrong_kind_are_clear_errors(small: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    runner = CliRunner()
    for args in (["export", "archi-csv", str(small), "-o", str(a_file)], ["export", "schema", "-o", str(a_file)],
                 ["export", "archimate", str(small), "-o", str(tmp_path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "spbe: error:" in result.output, args
