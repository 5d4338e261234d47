"""Diagrams of the bundled example (150+ applications): complete, legible, never a hairball."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from lxml import etree

from spbe_arch.diagrams import build_dot, build_mermaid, build_scene, find_renderer, list_views, render
from spbe_arch.loader import open_workspace
from spbe_arch.model import Organization
from spbe_arch.workspace import Workspace

EXAMPLE = Path(__file__).resolve().parent.parent / "models" / "kabupaten-pasuruan"
SVG = "{http://www.w3.org/2000/svg}"
MAX_PIXELS = 6000  # neither side of any view of the example may exceed this at 96 dpi


@pytest.fixture(scope="module")
def example_ws() -> Workspace:
    if not (EXAMPLE / "spbe.yaml").exists():
        pytest.skip("the bundled example is not in this checkout")
    workspace, _ = open_workspace(EXAMPLE)
    if len(workspace.applications) < 100:
        pytest.skip("the bundled example is still being written")
    return workspace


@pytest.fixture(scope="module")
def landscape_svg(example_ws: Workspace) -> bytes:
    renderer = find_renderer()
    if renderer is None or "graphviz-pure" not in renderer.name:
        pytest.skip("graphviz-pure is not installed here")
    return render(build_dot(example_ws, "landscape"), "svg", renderer=renderer)


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def node_boxes(svg: bytes) -> dict[str, tuple[float, float, float, float]]:
    """The bounding box of every drawn node (its outline), by node id."""
    boxes = {}
    for group in etree.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        title = group.find(f"{SVG}title")
        coords: list[float] = []
        for shape in group.iter(f"{SVG}polygon", f"{SVG}path"):
            coords += _numbers(shape.get("points") or shape.get("d") or "")
        if title is None or not coords:
            continue
        xs, ys = coords[0::2], coords[1::2]
        boxes[title.text or ""] = (min(xs), min(ys), max(xs), max(ys))
    return boxes


def test_every_application_is_on_the_landscape(example_ws: Workspace) -> None:
    scene = build_scene(example_ws, "landscape")
    assert {a.id for a in example_ws.applications} <= set(scene.nodes)
    owners = {a.owner for a in example_ws.applications if isinstance(example_ws.elements.get(a.owner), Organization)}
    assert {f"org__{o}" for o in owners} <= set(scene.clusters)  # a cluster per owning OPD
    assert not scene.notes  # 150+ applications fit without summarising


def test_landscape_boxes_never_overlap(landscape_svg: bytes) -> None:
    boxes = node_boxes(landscape_svg)
    assert len(boxes) > 150
    for (a, box_a), (b, box_b) in itertools.combinations(boxes.items(), 2):
        apart = box_a[2] <= box_b[0] or box_b[2] <= box_a[0] or box_a[3] <= box_b[1] or box_b[3] <= box_a[1]
        assert apart, f"{a} overlaps {b}"


def test_landscape_is_legible_at_full_size(landscape_svg: bytes) -> None:
    root = etree.fromstring(landscape_svg)
    width, height = (float(root.get(k, "0").removesuffix("pt")) * 96 / 72 for k in ("width", "height"))
    assert width < MAX_PIXELS and height < MAX_PIXELS
    sizes = {float(t.get("font-size", "0")) for t in root.iter(f"{SVG}text")}
    assert min(sizes) >= 9  # no text shrunk to fit


def test_large_views_stay_bounded(example_ws: Workspace) -> None:
    renderer = find_renderer()
    if renderer is None:
        pytest.skip("no renderer")
    for view in ("integration", "infrastructure", "duplicates", "opd:dinkes", "opd:diskominfo"):
        root = etree.fromstring(render(build_dot(example_ws, view), "svg", renderer=renderer))
        for side in ("width", "height"):
            assert float(root.get(side, "0").removesuffix("pt")) * 96 / 72 < MAX_PIXELS, (view, side)


def test_integration_is_summarised_between_opds(example_ws: Workspace) -> None:
    scene = build_scene(example_ws, "integration")
    assert any(n.id.startswith("opd__") for n in scene.nodes.values())
    assert any(e.style == "p2p" for e in scene.edges.values())  # point-to-point ones still stand out
    assert any("lihat tampilan per OPD" in note for note in scene.notes)


def test_every_view_of_the_example_builds(example_ws: Workspace) -> None:
    views = list_views(example_ws)
    assert views[:3] == ["landscape", "integration", "infrastructure"] and views[-1] == "duplicates"
    assert len([v for v in views if v.startswith("service:")]) == len(example_ws.services)
    for view in views:
        assert build_dot(example_ws, view).startswith("digraph ")
        assert build_mermaid(example_ws, view).startswith("---\ntitle: ")
