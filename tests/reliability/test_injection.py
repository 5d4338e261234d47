"""Hostile names through every command: no output lets model text escape its quoting."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import add_yaml
from tests.reliability.harness import HOSTILE_NAMES, MARKER, check_csv, check_dot, check_mermaid, check_text_output, run


def hostile_workspace(sandbox: Path, names: tuple[str, ...] = HOSTILE_NAMES) -> Path:
    """The small workspace plus one OPD and one application per hostile name, all connected."""
    ws = sandbox / "ws"
    orgs = [{"id": f"opd-x{i}", "name": name, "short_name": name, "kind": "dinas", "affairs": ["2.16"]}
            for i, name in enumerate(names)]
    apps = [{"id": f"app-x{i}", "name": name, "description": name, "owner": f"opd-x{i}", "kind": "khusus",
             "source": "lokal", "reference": "RAA.02.02", "hosted_on": ["vm-app-01"],
             "integrations": [{"target": "app-simpeg", "via": "splp-uji", "protocol": name[:30]}]}
            for i, name in enumerate(names)]
    add_yaml(ws, "hostile.yaml", {"organizations": orgs, "applications": apps})
    return ws


COMMANDS: list[tuple[str, list[str], list[str]]] = [
    ("validate-text", ["validate", "{ws}"], []),
    ("validate-github", ["validate", "{ws}", "-f", "github"], []),
    ("show", ["show", "app-x0", "-w", "{ws}"], []),
    ("diagram-dot", ["diagram", "{ws}", "--view", "landscape", "-f", "dot", "-o", "{out}/l.dot"], ["out"]),
    ("diagram-mermaid", ["diagram", "{ws}", "--view", "landscape", "-f", "mermaid", "-o", "{out}/l.mmd"], ["out"]),
    ("diagram-all", ["diagram", "{ws}", "--all", "-f", "dot", "-f", "mermaid", "-o", "{out}/all"], ["out"]),
    ("archi-csv", ["export", "archi-csv", "{ws}", "-o", "{out}/csv"], ["out"]),
    ("archimate", ["export", "archimate", "{ws}", "-o", "{out}/model.xml"], ["out"]),
    ("doc-md", ["doc", "{ws}", "-f", "md", "-o", "{out}/d.md"], ["out"]),
    ("duplicates-csv", ["duplicates", "{ws}", "-f", "csv"], []),
]


def _args(args: list[str], sandbox: Path) -> list[str]:
    return [a.format(ws=sandbox / "ws", out=sandbox / "out") for a in args]


@pytest.mark.parametrize(("case", "args", "allowed"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_hostile_names_stay_quoted(sandbox: Path, case: str, args: list[str], allowed: list[str]) -> None:
    hostile_workspace(sandbox)
    outcome = run(case, _args(args, sandbox), sandbox, allowed=allowed)
    assert outcome.category in ("ok", "clean-error"), (outcome.detail, outcome.output[-2000:])
    if case == "show":
        assert "\\x1b" not in outcome.output or "\x1b" not in outcome.output


def test_a_newline_in_a_name_cannot_forge_an_annotation_in_text_output(sandbox: Path) -> None:
    ws = hostile_workspace(sandbox, (f"X\n::error file=spbe.yaml,line=1::{MARKER}",))
    add_yaml(ws, "broken.yaml", {"applications": [{"id": "app-bad", "name": f"X\n::error::{MARKER}",
                                                   "owner": "opd-hilang"}]})
    outcome = run("validate", ["validate", str(ws)], sandbox)
    assert outcome.category == "ok", outcome.detail
    assert not any(line.startswith("::") for line in outcome.output.splitlines())
    assert "\\n::error::" in outcome.output  # shown, escaped, on the finding's own line


def test_dot_output_of_hostile_names_lexes_without_a_bare_marker(sandbox: Path) -> None:
    hostile_workspace(sandbox)
    outcome = run("dot", _args(["diagram", "{ws}", "--view", "opd:opd-x0", "-f", "dot", "-o", "{out}/o.dot"],
                               sandbox), sandbox, allowed=["out"])
    assert outcome.category == "ok", outcome.detail
    text = (sandbox / "out" / "o.dot").read_text(encoding="utf-8")
    assert check_dot(text) == [] and MARKER in text


def test_the_checks_catch_what_they_look_for() -> None:
    """The judges of the suite fail on the injections they exist to catch."""
    assert check_dot(f'digraph {{ a [label=""]; {MARKER} [label="x"] }}')
    assert check_dot('digraph { a [label="x"]; ') == ["unbalanced braces"]
    assert check_mermaid(f'flowchart LR\n  n1["x"] --> {MARKER}["y"]\n')
    assert check_mermaid('flowchart LR\n  click n1 "javascript:alert(1)"\n')
    assert check_csv(f'"a","=HYPERLINK(""{MARKER}"")"\r\n')
    assert check_text_output("a\x1b[2Jb")
    assert check_text_output(f"::error file=x::{MARKER}")
    assert not check_csv("\"a\",\"'=1\"\r\n") and not check_mermaid('flowchart LR\n  n1["a #34; b"]\n')
