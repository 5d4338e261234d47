"""Every model text is escaped in DOT, SVG and Mermaid: names can never change a diagram's syntax."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from spbe_arch.diagrams import build_dot, build_mermaid, find_renderer, list_views, render
from spbe_arch.diagrams.labels import clean, mermaid_text
from spbe_arch.model import (
    Application,
    DataSet,
    Government,
    Infrastructure,
    Integration,
    Manifest,
    Organization,
    Process,
    Service,
)
from spbe_arch.workspace import ElementSource, Workspace

NODE_LINE = re.compile(r'^\s+n\d+(\[\[|\[/|\[\(|\{\{|\(|\[|>)"[^"]*"(\]\]|/\]|\)\]|\}\}|\)|\])$')
NASTY = 'A "quoted" <b>bold</b> & {brace} | pipe \\N back\\slash #34; `tick` [x] (y) end'


def workspace_named(name: str) -> Workspace:
    """Every kind of element and of view, each carrying ``name``."""
    workspace = Workspace(root=Path("."), manifest=Manifest(spbe=1, government=Government(name=f"Pemda {name}")))
    elements = [
        Organization(id="opd-a", name=f"OPD {name}", short_name=f"S {name}"),
        Organization(id="pusat", name=f"Pusat {name}", kind="instansi-pusat"),
        Process(id="p1", name=f"Proses {name}", owner="opd-a", services=["s1"], data=["d1"]),
        Service(id="s1", name=f"Layanan {name}", owner="opd-a", applications=["a1"]),
        DataSet(id="d1", name=f"Data {name}", owner="opd-a"),
        Infrastructure(id="dc", name=f"DC {name}", owner="opd-a", kind="pusat-data", provider=name),
        Infrastructure(id="vm", name=f"VM {name}", owner="opd-a", kind="server", located_in="dc"),
        Infrastructure(id="splp", name=f"SPLP {name}", owner="opd-a", kind="splp"),
        Application(id="a1", name=f"App {name}", acronym=name[:12] or "X", owner="opd-a", supports=["p1"],
                    writes=["d1"], hosted_on=["vm"], integrations=[
                        Integration(target="a2", via="splp"), Integration(target="a3", protocol="database")]),
        Application(id="a2", name=f"Nasional {name}", owner="pusat", source="nasional", kind="umum"),
        Application(id="a3", name=f"Lokal {name}", owner="opd-a", status="rencana", hosted_on=["dc"]),
    ]
    for element in elements:
        workspace.add(element, ElementSource(file="x.yaml", line=1, column=1))
    return workspace


def views_of(workspace: Workspace) -> list[str]:
    return [*list_views(workspace), "context:a1"]


def svg_text(svg: bytes) -> str:
    root = etree.fromstring(svg)  # well-formed XML, whatever the names held
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    return "".join(texts).replace(" ", "")


def _pure() -> object:
    renderer = find_renderer()
    if renderer is None or "graphviz-pure" not in renderer.name:
        pytest.skip("graphviz-pure is not installed here")
    return renderer


def test_dot_escapes_every_special_character() -> None:
    workspace = workspace_named(NASTY)
    for view in views_of(workspace):
        dot = build_dot(workspace, view)
        assert "<b>bold</b>" not in dot, view  # no name ever becomes HTML markup
        assert "&lt;b&gt;bold&lt;/b&gt;" in dot, view
        assert "&amp; {brace} | pipe \\\\N back\\\\slash" in dot, view  # backslashes doubled: no \N expansion
        assert '"quoted"' not in dot and "&quot;quoted&quot;" in dot, view


def test_svg_shows_the_names_literally() -> None:
    renderer = _pure()
    workspace = workspace_named(NASTY)
    for view in views_of(workspace):
        svg = render(build_dot(workspace, view), "svg", renderer=renderer)  # type: ignore[arg-type]
        text = svg_text(svg)
        if view != "duplicates":  # the duplicates view may have no group for this model
            assert NASTY.replace(" ", "") in text, view


def test_mermaid_escapes_every_special_character() -> None:
    workspace = workspace_named(NASTY)
    escaped = mermaid_text(NASTY)
    assert escaped == ("A #34;quoted#34; #60;b#62;bold#60;/b#62; #38; #123;brace#125; #124; pipe #92;N "
                       "back#92;slash #35;34; #96;tick#96; #91;x#93; #40;y#41; end")
    for view in views_of(workspace):
        mermaid = build_mermaid(workspace, view)
        front, body = mermaid.splitlines()[:3], "\n".join(mermaid.splitlines()[3:])
        # The title is YAML front matter that Mermaid draws as plain text: a JSON string keeps it whole.
        assert front[0] == front[2] == "---" and clean(NASTY) in json.loads(front[1].removeprefix("title: "))
        assert "<b>bold</b>" not in body and "{brace}" not in body, view
        assert "#34;" in body or view == "duplicates", view
        for line in body.splitlines():
            assert line.count('"') % 2 == 0, (view, line)  # every text is one quoted string
            if re.match(r"^\s+n\d+[\[({>]", line):
                assert NODE_LINE.match(line), (view, line)


def test_newlines_in_names_become_spaces() -> None:
    workspace = workspace_named("baris satu\nbaris dua\r\n\tdan tiga")
    for view in views_of(workspace):
        dot = build_dot(workspace, view)
        assert "baris satu baris dua dan tiga" in dot.replace("<BR/>", " ").replace('<BR ALIGN="LEFT"/>', " ")
        assert "satu\n" not in dot
        assert "satu\n" not in build_mermaid(workspace, view)


names = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=1, max_codepoint=0x2FF)
    | st.sampled_from(list('"<>&{}|\\#`[]()\n;:')),
    min_size=1, max_size=40,
).filter(lambda s: clean(s) != "")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names)
def test_any_name_renders_and_reads_back(name: str) -> None:
    renderer = _pure()
    workspace = workspace_named(name)
    dot = build_dot(workspace, "landscape")
    svg = render(dot, "svg", renderer=renderer)  # type: ignore[arg-type]
    expected = clean(f"App {name}").replace(" ", "")
    assert expected in svg_text(svg)
    mermaid = build_mermaid(workspace, "landscape")
    body = "\n".join(mermaid.splitlines()[4:])
    for char in '"<>&{}|`':
        if char in name:
            assert f"#{ord(char)};" in body
    node_lines = [line for line in body.splitlines() if re.match(r"^\s+n\d+[\[({>]", line)]
    assert node_lines and all(NODE_LINE.match(line) for line in node_lines)
