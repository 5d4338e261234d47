"""Diagram views: what each view shows, its DOT, SVG and Mermaid (snapshots), and limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from snapshot import assert_snapshot

from spbe_arch.diagrams import (
    VIEW_KINDS,
    build_dot,
    build_mermaid,
    build_scene,
    find_renderer,
    list_views,
    parse_view,
    render,
    theme,
    view_slug,
)
from spbe_arch.duplicates import DuplicateReport, Group, Pair
from spbe_arch.errors import SpbeError, UnknownElementError
from spbe_arch.loader import open_workspace
from spbe_arch.workspace import Workspace

SVG_VIEWS = ("landscape", "integration", "infrastructure", "opd:bkpsdm", "service:ly-presensi")


@pytest.fixture(autouse=True)
def _no_renderer_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SPBE_DOT", raising=False)


@pytest.fixture(scope="module")
def small_ws() -> Workspace:
    workspace, _ = open_workspace(Path(__file__).parent / "fixtures" / "small")
    return workspace


def _pure() -> object:
    renderer = find_renderer()
    if renderer is None or "graphviz-pure" not in renderer.name:
        pytest.skip("graphviz-pure is not installed here")
    return renderer


def svg_texts(svg: bytes) -> list[str]:
    root = etree.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_list_views_names_every_concrete_view(small_ws: Workspace) -> None:
    assert list_views(small_ws) == [
        "landscape", "integration", "infrastructure", "opd:bkpsdm", "opd:dinkes", "opd:diskominfo",
        "service:ly-kesehatan", "service:ly-presensi", "duplicates",
    ]
    assert set(VIEW_KINDS) == {"landscape", "integration", "infrastructure", "opd", "service", "context",
                               "duplicates"}


@pytest.mark.parametrize("view", [
    "landscape", "integration", "infrastructure", "opd:bkpsdm", "opd:dinkes", "opd:diskominfo",
    "service:ly-kesehatan", "service:ly-presensi", "context:app-simpeg",
])
def test_dot_and_mermaid_snapshots(small_ws: Workspace, view: str) -> None:
    assert_snapshot(f"diagrams/small-{view_slug(view)}.dot", build_dot(small_ws, view))
    assert_snapshot(f"diagrams/small-{view_slug(view)}.mmd", build_mermaid(small_ws, view))


def test_context_depth_two_snapshot(small_ws: Workspace) -> None:
    one, two = build_scene(small_ws, "context:app-simpeg", 1), build_scene(small_ws, "context:app-simpeg", 2)
    assert set(one.nodes) < set(two.nodes)
    assert "data-presensi" not in one.nodes and "data-presensi" in two.nodes  # via e-Presensi, two steps away
    assert_snapshot("diagrams/small-context-app-simpeg-depth2.dot", build_dot(small_ws, "context:app-simpeg", 2))


@pytest.mark.parametrize("view", SVG_VIEWS)
def test_svg_snapshots(small_ws: Workspace, view: str) -> None:
    svg = render(build_dot(small_ws, view), "svg", renderer=_pure())  # type: ignore[arg-type]
    assert_snapshot(f"diagrams/small-{view_slug(view)}.svg", svg)
    assert b'font-family="Arial,Liberation Sans,Arimo' in svg  # metric-compatible fallbacks declared
    assert b'font-family="Arial"' not in svg


def test_png_is_a_png(small_ws: Workspace) -> None:
    png = render(build_dot(small_ws, "landscape"), "png", renderer=_pure())  # type: ignore[arg-type]
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_output_is_deterministic(small_ws: Workspace) -> None:
    again, _ = open_workspace(Path(__file__).parent / "fixtures" / "small")
    for view in list_views(small_ws):
        assert build_dot(small_ws, view) == build_dot(again, view)
        assert build_mermaid(small_ws, view) == build_mermaid(again, view)


def test_names_are_shown_never_bare_ids(small_ws: Workspace) -> None:
    svg = render(build_dot(small_ws, "landscape"), "svg", renderer=_pure())  # type: ignore[arg-type]
    text = " ".join(svg_texts(svg))
    assert "e-Presensi Pegawai" in text and "Manajemen Kepegawaian" in text
    assert "app-simpeg" not in text and "bkpsdm" not in text
    assert "BKPSDM" in text  # the OPD's short name labels its cluster


def test_landscape_groups_applications_by_owner(small_ws: Workspace) -> None:
    scene = build_scene(small_ws, "landscape")
    assert scene.engine == "osage"
    assert scene.nodes["app-simpeg"].cluster == "org__bkpsdm"
    assert scene.nodes["app-absensi-dinkes"].cluster == "org__dinkes"
    assert scene.clusters["org__bkn"].parent == "region_central"  # national applications apart
    assert scene.nodes["app-siasn"].style == "applications.umum"
    assert {n.cluster for n in scene.nodes.values()} == {"org__bkpsdm", "org__dinkes", "org__bkn"}


def test_every_view_has_a_legend_naming_what_it_uses(small_ws: Workspace) -> None:
    for view in list_views(small_ws):
        dot = build_dot(small_ws, view).replace("<BR/>", " ")
        assert "cluster_legend" in dot, view
        scene = build_scene(small_ws, view)
        for style in scene.node_styles():
            assert theme.NODE_STYLES[style].legend in dot, (view, style)
        for style in scene.edge_styles():
            assert theme.EDGE_STYLES[style].legend in dot, (view, style)
        assert "subgraph legend" in build_mermaid(small_ws, view) or not scene.nodes


def test_integration_highlights_point_to_point(small_ws: Workspace) -> None:
    scene = build_scene(small_ws, "integration")
    assert ("app-absensi-dinkes", "app-simpeg", "p2p") in scene.edges
    assert scene.edges[("app-absensi-dinkes", "app-simpeg", "p2p")].label == "database"
    assert ("app-simpeg", "splp-uji", "integration") in scene.edges
    assert ("splp-uji", "app-siasn", "integration") in scene.edges
    assert 'color="#d62728"' in build_dot(small_ws, "integration")


def test_service_view_is_layered_end_to_end(small_ws: Workspace) -> None:
    scene = build_scene(small_ws, "service:ly-presensi")
    layers = {n.id: n.layer for n in scene.nodes.values()}
    assert layers["ly-presensi"] == 0 and layers["pb-presensi"] == 1
    assert layers["app-presensi-bkpsdm"] == 2 and layers["app-absensi-dinkes"] == 2  # supports the process
    assert layers["data-presensi"] == 3 and layers["vm-app-01"] == 4 and layers["pusat-data-uji"] == 4
    assert scene.nodes["ly-presensi"].emphasis
    dot = build_dot(small_ws, "service:ly-presensi")
    assert "rank=same" in dot and "dir=back" in dot  # columns in order, arrows still pointing the model's way


def test_opd_view_shows_other_opds_applications_it_uses(small_ws: Workspace) -> None:
    scene = build_scene(small_ws, "opd:bkpsdm")
    own = {n.id for n in scene.nodes.values() if n.cluster and n.cluster.startswith("layer")}
    assert {"app-simpeg", "app-presensi-bkpsdm", "pb-presensi", "ly-presensi", "data-pegawai"} <= own
    others = {n.id for n in scene.nodes.values() if n.cluster == "others"}
    assert others == {"app-absensi-dinkes", "app-siasn"}  # supports its process / integrates with its apps
    assert "Dinkes" in scene.nodes["app-absensi-dinkes"].subtitle  # the owner is named


def test_infrastructure_nests_sites_and_lists_hosted_applications(small_ws: Workspace) -> None:
    scene = build_scene(small_ws, "infrastructure")
    assert scene.nodes["vm-app-01"].cluster == "site__pusat-data-uji"
    assert scene.nodes["anchor__pusat-data-uji"].anchor_of == "site__pusat-data-uji"
    hosted = scene.nodes["hosted__vm-app-01"]
    assert hosted.title == "4 aplikasi" and "SIMPEG" in hosted.subtitle
    assert ("jip-uji", "vm-app-01", "connected_to") in scene.edges or \
        ("vm-app-01", "jip-uji", "connected_to") in scene.edges


def test_infrastructure_counts_instead_of_long_lists(small_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "MAX_HOSTED_LISTED", 2)
    hosted = build_scene(small_ws, "infrastructure").nodes["hosted__vm-app-01"]
    assert hosted.title == "4 aplikasi"
    assert hosted.subtitle == "BKPSDM (2), Dinkes (2)"


def test_landscape_over_the_limit_is_summarised_with_a_note(small_ws: Workspace,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "MAX_LANDSCAPE_APPS", 3)
    scene = build_scene(small_ws, "landscape")
    assert "app-simpeg" not in scene.nodes
    assert scene.nodes["sum__org__bkpsdm"].title == "2 aplikasi"
    assert any("melebihi batas 3" in note for note in scene.notes)
    assert "melebihi batas 3" in build_dot(small_ws, "landscape")


def test_integration_over_the_limit_goes_between_opds(small_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "MAX_INTEGRATION_APPS", 2)
    scene = build_scene(small_ws, "integration")
    assert ("opd__dinkes", "opd__bkpsdm", "p2p") in scene.edges
    assert ("opd__bkpsdm", "splp-uji", "integration") in scene.edges
    assert any("diringkas antar perangkat daerah" in note for note in scene.notes)


def test_context_caps_neighbours_per_collection(small_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(theme, "MAX_CONTEXT_NEIGHBOURS", 2)
    scene = build_scene(small_ws, "context:vm-app-01")
    apps = [n for n in scene.nodes.values() if n.style.startswith("applications")]
    assert len(apps) == 1
    summary = next(n for n in scene.nodes.values() if n.style == "summary")
    assert summary.title == "3 aplikasi lainnya"
    assert scene.notes


def test_duplicates_view_shows_groups(small_ws: Workspace) -> None:
    scene = build_scene(small_ws, "duplicates")
    grouped = {n.id.removesuffix("__group") for n in scene.nodes.values() if n.cluster}
    assert {"app-presensi-bkpsdm", "app-absensi-dinkes"} <= grouped
    assert all(c.title.startswith("Kelompok ") for c in scene.clusters.values())


def _fixed_report() -> DuplicateReport:
    group = Group(id="g1", applications=["app-presensi-bkpsdm", "app-absensi-dinkes"], function="Presensi pegawai",
                  proposal="...", national_application=None)
    copy = Group(id="g2", applications=["app-simpeg"], function="Kepegawaian", proposal="...",
                 national_application="app-siasn")
    pair = Pair(a="app-absensi-dinkes", b="app-presensi-bkpsdm", score=0.87, evidence=[])
    return DuplicateReport(threshold=0.58, groups=[group, copy], pairs=[pair])


def test_duplicates_snapshot(small_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The drawing of a fixed report, so that changes in the finder's scores do not move this snapshot."""
    from spbe_arch.diagrams.views import duplicates

    monkeypatch.setattr(duplicates, "find_duplicates", lambda workspace, language: _fixed_report())
    scene = build_scene(small_ws, "duplicates")
    assert scene.clusters["group1"].subtitle == "2 aplikasi, kemiripan 0,87"  # Indonesian: a decimal comma
    assert ("app-simpeg__group", "national__group2", "move_to") in scene.edges
    assert scene.nodes["national__group2"].title == "Sistem Informasi ASN"
    assert_snapshot("diagrams/small-duplicates.dot", build_dot(small_ws, "duplicates"))
    assert_snapshot("diagrams/small-duplicates.mmd", build_mermaid(small_ws, "duplicates"))
    svg = render(build_dot(small_ws, "duplicates"), "svg", renderer=_pure())  # type: ignore[arg-type]
    assert_snapshot("diagrams/small-duplicates.svg", svg)


@pytest.mark.parametrize(("view", "message"), [
    ("lanscape", "unknown view 'lanscape'; choose one of: landscape, "),
    ("opd", "view 'opd' needs an element id: --view opd:ID, e.g. opd:bkpsdm"),
    ("landscape:x", "view 'landscape' takes no id"),
    ("service:app-simpeg", "'app-simpeg' is in applications, but view 'service' needs an element of services; "
                           "did you mean 'ly-presensi'"),
])
def test_bad_view_names_give_the_choices(small_ws: Workspace, view: str, message: str) -> None:
    with pytest.raises(SpbeError) as caught:
        parse_view(small_ws, view)
    assert message in caught.value.message


def test_unknown_id_suggests_the_nearest(small_ws: Workspace) -> None:
    with pytest.raises(UnknownElementError) as caught:
        build_dot(small_ws, "opd:dinkess")
    assert caught.value.suggestions[0] == "dinkes"


def test_empty_workspace_views_say_what_is_missing(make_workspace: object) -> None:
    root = make_workspace()  # type: ignore[operator]
    workspace, _ = open_workspace(root)
    assert list_views(workspace) == ["landscape", "integration", "infrastructure", "duplicates"]
    assert build_scene(workspace, "landscape").notes == ["Model belum memuat aplikasi."]
    assert build_scene(workspace, "infrastructure").notes == ["Model belum memuat infrastruktur."]
    for view in list_views(workspace):
        svg = render(build_dot(workspace, view), "svg", renderer=_pure())  # type: ignore[arg-type]
        assert b"<svg" in svg


def test_status_changes_the_border_and_the_legend(make_workspace: object) -> None:
    root = make_workspace({"aplikasi.yaml": """
        applications:
          - {id: a-plan, name: Aplikasi Rencana, owner: diskominfo, status: rencana}
          - {id: a-old, name: Aplikasi Lama, owner: diskominfo, status: dihentikan}
        """})  # type: ignore[operator]
    workspace, _ = open_workspace(root)
    dot = build_dot(workspace, "landscape")
    lines = {line.strip().split(" ", 1)[0]: line for line in dot.splitlines()}
    assert 'style="filled,dashed"' in lines['"a-plan"']
    assert f'fillcolor="{theme.RETIRED_FILL}"' in lines['"a-old"']
    assert f'fontcolor="{theme.RETIRED_TEXT}"' in lines['"a-old"']
    flat = dot.replace("<BR/>", " ")
    assert theme.STATUS_LEGEND["rencana"] in flat and theme.STATUS_LEGEND["dihentikan"] in flat


def test_arrows_to_a_site_end_at_its_border(make_workspace: object) -> None:
    root = make_workspace({"infra.yaml": """
        infrastructure:
          - {id: dc, name: Pusat Data, owner: diskominfo, kind: pusat-data}
          - {id: vm1, name: VM 1, owner: diskominfo, kind: server, located_in: dc}
          - {id: net, name: Jaringan Intra, owner: diskominfo, kind: jaringan-intra, connected_to: [dc]}
        applications:
          - {id: app1, name: Aplikasi Satu, owner: bkpsdm, hosted_on: [dc]}
        """})  # type: ignore[operator]
    workspace, _ = open_workspace(root)
    dot = build_dot(workspace, "infrastructure")
    assert "compound=true" in dot
    assert dot.count("lhead=cluster_site__dc") == 2  # from the network and from the hosted applications
    mermaid = build_mermaid(workspace, "infrastructure")
    assert 'subgraph c1["Pusat Data' in mermaid and "--- c1" in mermaid  # Mermaid links to the subgraph itself


def test_a_national_application_in_its_own_group_is_drawn_once(small_ws: Workspace,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from spbe_arch.diagrams.views import duplicates

    group = Group(id="g1", applications=["app-simpeg", "app-siasn"], function="Kepegawaian", proposal="...",
                  national_application="app-siasn")
    report = DuplicateReport(threshold=0.58, groups=[group], pairs=[])
    monkeypatch.setattr(duplicates, "find_duplicates", lambda workspace, language: report)
    scene = build_scene(small_ws, "duplicates")
    assert "app-siasn__group" not in scene.nodes and "national__group1" in scene.nodes
    assert [e for e in scene.edges if e[2] == "move_to"] == [("app-simpeg__group", "national__group1", "move_to")]
