"""`spbe impact`, `spbe depends`, `spbe analyze` and `spbe export graph` through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.exchange.graph_export import export_graph
from spbe_arch.loader import open_workspace
from tests.snapshot import assert_snapshot

runner = CliRunner()


def test_impact_text(small: Path) -> None:
    result = runner.invoke(app, ["impact", "vm-app-01", str(small)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("impact of vm-app-01: VM Aplikasi 01 [Infrastruktur]\n")
    assert "ly-kesehatan <- app-simpus <- vm-app-01" in result.stdout
    assert "OPDs hit (3): bkpsdm, dinkes, diskominfo" in result.stdout
    assert "1 element(s) run degraded if it stops: 1 Aplikasi\n  OPDs hit (1): bkn" in result.stdout
    only = runner.invoke(app, ["impact", "vm-app-01", str(small), "--strength", "stops"])
    assert only.exit_code == 0 and "degraded" not in only.stdout and "app-simpus" in only.stdout
    degraded = runner.invoke(app, ["impact", "vm-app-01", str(small), "--strength", "degraded"])
    assert degraded.exit_code == 0 and "stop if it stops" not in degraded.stdout and "app-siasn" in degraded.stdout


def test_impact_and_depends_in_indonesian_name_everything_by_name(small: Path) -> None:
    result = runner.invoke(app, ["impact", "vm-app-01", str(small), "--lang", "id"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("Dampak jika VM Aplikasi 01 [Infrastruktur] berhenti\n")
    assert "12 elemen berhenti jika VM Aplikasi 01 berhenti: 3 Proses Bisnis" in text
    assert "Layanan Pendaftaran Puskesmas ← Sistem Informasi Manajemen Puskesmas ← VM Aplikasi 01  (relasi: " \
           "diwujudkan oleh)" in text
    assert "Perangkat daerah terdampak (3): Badan Kepegawaian dan Pengembangan Sumber Daya Manusia, Dinas " \
           "Kesehatan, Dinas Komunikasi dan Informatika" in text
    for element_id in ("vm-app-01", "app-simpus", "ly-kesehatan", "dinkes", "bkpsdm"):  # names, never ids
        assert element_id not in text, element_id
    depends = runner.invoke(app, ["depends", "app-simpus", str(small), "--lang", "id"])
    assert depends.exit_code == 0, depends.output
    assert depends.stdout.startswith("Kebutuhan Sistem Informasi Manajemen Puskesmas [Aplikasi]")
    assert "elemen yang diperlukan (tanpanya Sistem Informasi Manajemen Puskesmas berhenti)" in depends.stdout
    assert "Sistem Informasi Manajemen Puskesmas → VM Aplikasi 01" in depends.stdout
    wrong = runner.invoke(app, ["impact", "vm-app-01", str(small), "--lang", "id", "--format", "json"])
    assert wrong.exit_code == 2 and "--lang id applies to the text format only" in wrong.output


def test_analyze_in_indonesian_names_everything_by_name(small: Path) -> None:
    result = runner.invoke(app, ["analyze", str(small), "--lang", "id"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Titik kegagalan tunggal (6)\n  1. Pusat Data Daerah Kabupaten Uji [Infrastruktur; titik artikulasi]: " \
           "menghentikan 2 layanan, 14 elemen, 3 perangkat daerah" in text
    assert "ketergantungan: Sistem Informasi ASN → Sistem Informasi Manajemen Kepegawaian → Data Pegawai ASN" in text
    assert "Ketergantungan perangkat daerah pada aplikasi perangkat daerah lain (2)" in text
    for element_id in ("pusat-data-uji", "app-simpus", "ly-kesehatan", "dinkes"):
        assert element_id not in text, element_id
    wrong = runner.invoke(app, ["analyze", str(small), "--lang", "id", "-f", "json"])
    assert wrong.exit_code == 2


def test_impact_json_and_depth(small: Path) -> None:
    result = runner.invoke(app, ["impact", "pusat-data-uji", str(small), "--depth", "1", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["direction"] == "impact" and payload["depth"] == 1 and payload["truncated"] is True
    assert sorted(e["id"] for e in payload["entries"]) == ["splp-uji", "vm-app-01"]
    assert {e["via"] for e in payload["entries"]} == {"pusat-data-uji"}


def test_depends_json(small: Path) -> None:
    result = runner.invoke(app, ["depends", "ly-kesehatan", str(small), "-f", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    entry = next(e for e in payload["entries"] if e["id"] == "pusat-data-uji")
    assert (entry["via"], entry["relation"], entry["strength"]) == ("vm-app-01", "located_in", "stops")
    degraded = next(e for e in payload["entries"] if e["id"] == "data-pasien")
    assert degraded["strength"] == "degraded" and degraded["relation"] == "reads"


def test_depth_zero_gives_the_root_only(small: Path) -> None:
    result = runner.invoke(app, ["depends", "app-simpus", str(small), "--depth", "0", "-f", "json"])
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["root"]["id"] == "app-simpus" and payload["entries"] == []


def test_unknown_id_exits_2_with_suggestion(small: Path) -> None:
    result = runner.invoke(app, ["impact", "app-simpg", str(small)])
    assert result.exit_code == 2
    assert "no element with id 'app-simpg'" in result.stderr and "'app-simpeg'" in result.stderr
    assert result.stdout == ""


def test_negative_depth_exits_2(small: Path) -> None:
    result = runner.invoke(app, ["impact", "app-simpus", str(small), "--depth", "-2"])
    assert result.exit_code == 2
    assert "depth" in result.stderr


def test_missing_workspace_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["impact", "x", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "spbe: error:" in result.stderr


def test_analyze_text_and_json(small: Path) -> None:
    result = runner.invoke(app, ["analyze", str(small), "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "Single points of failure (3)" in result.stdout and "Cycles (1)" in result.stdout
    only = runner.invoke(app, ["analyze", str(small), "--only", "opd", "--only", "orphans", "-f", "json"])
    payload = json.loads(only.stdout)
    assert set(payload) == {"government", "elements", "relations", "orphans", "opd_dependencies"}
    assert payload["opd_dependencies"][0]["organization"] == "bkpsdm"
    bad = runner.invoke(app, ["analyze", str(small), "--only", "nonsense"])
    assert bad.exit_code == 2


def test_export_graphml_round_trips(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "graph.graphml"
    result = runner.invoke(app, ["export", "graph", str(small), "--format", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out, force_multigraph=True)
    ws, _ = open_workspace(small)
    assert set(graph.nodes) == set(ws.elements)
    assert graph.nodes["pb-pelayanan-kesehatan"]["name"] == 'Pelayanan Kesehatan Dasar <Puskesmas> & "Posyandu"'
    edges = {(u, v, d["type"]): d for u, v, d in graph.edges(data=True)}
    assert edges["app-simpeg", "app-siasn", "integrates"]["via"] == "splp-uji"
    assert edges["app-simpeg", "app-siasn", "integrates"]["propagation"] == "backward"
    assert edges["app-simpeg", "bkpsdm", "owned_by"]["propagation"] == "none"
    assert "owner" not in graph.nodes["bkn"]  # None is left out, not written as "None"
    assert graph.number_of_edges() == 62


def test_export_json_node_link(small: Path) -> None:
    result = runner.invoke(app, ["export", "graph", str(small), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    graph = nx.node_link_graph(payload, edges="edges")
    assert graph.is_multigraph() and graph.is_directed()
    assert graph.nodes["app-simpus"]["collection"] == "applications"
    assert payload["graph"]["propagation"]["hosted_on"] == "backward"
    integration = next(e for e in payload["edges"] if e["source"] == "app-simpeg" and e["type"] == "integrates"
                       and e["target"] == "app-siasn")
    assert integration["data"] == ["data-pegawai"] and integration["protocol"] == "api"


def test_export_is_deterministic_and_snapshotted(small: Path) -> None:
    ws, _ = open_workspace(small)
    graphml = export_graph(ws, "graphml")
    assert graphml == export_graph(open_workspace(small)[0], "graphml")
    assert_snapshot("graph/small.graphml", graphml)
    assert_snapshot("graph/small.json", export_graph(ws, "json"))


def test_export_escapes_text_that_xml_cannot_hold(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"a.yaml": """\
        applications:
          - {id: app-a, name: "A <b> & \\u0001 c", owner: bkpsdm}
        """})
    ws, _ = open_workspace(root)
    from lxml import etree

    tree = etree.fromstring(export_graph(ws, "graphml").encode())
    names = tree.xpath("//g:node[@id='app-a']/g:data[@key='name']/text()",
                       namespaces={"g": "http://graphml.graphdrawing.org/xmlns"})
    assert names == ["A <b> & \ufffd c"]


def test_export_unknown_format_exits_2(small: Path) -> None:
    result = runner.invoke(app, ["export", "graph", str(small), "--format", "dot"])
    assert result.exit_code == 2
