"""The library's front door (``import spbe_arch``): the example of docs/library.md runs, the names are the
functions, and what is derived from a workspace is made once and shared."""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
from pathlib import Path

import pytest

import spbe_arch
from spbe_arch import api
from tests.test_build import fast_figures  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent


def test_the_documented_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    page = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    assert len(blocks) == 1
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(blocks[0], "docs/library.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert re.fullmatch(r"0 \d+", lines[0])  # the bundled example has no errors, and some warnings
    assert re.search(r"^\d+ elements, \d+ relations$", printed.getvalue(), flags=re.M)
    assert re.search(r"^[1-9]\d* elements stop, in [1-9]\d* organizations$", printed.getvalue(), flags=re.M)
    assert lines[-1] == "b'digraph'"


def test_front_door_names_are_the_functions_even_after_every_module_is_imported() -> None:
    """A package attribute named like a submodule would be replaced by that module once it is imported."""
    for path in (ROOT / "spbe_arch").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name != "spbe_arch.__main__":
            importlib.import_module(name)
    for name in api.__all__:
        assert getattr(spbe_arch, name) is getattr(api, name), name
    assert set(api.__all__) | {"__version__"} == set(spbe_arch.__all__)
    with pytest.raises(AttributeError):
        spbe_arch.no_such_name  # noqa: B018


def test_derived_results_are_made_once_per_workspace(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import spbe_arch.duplicates.finder as finder
    import spbe_arch.graph as graph_module

    built: list[str] = []
    real_graph, real_find = graph_module.build_graph, finder._find
    monkeypatch.setattr(graph_module, "build_graph", lambda ws: built.append("graph") or real_graph(ws))
    monkeypatch.setattr(finder, "_find", lambda *args: built.append("duplicates") or real_find(*args))
    workspace = spbe_arch.load(small)
    report = spbe_arch.check(workspace)  # the graph rules build the graph
    assert spbe_arch.check(workspace) is report
    graph = spbe_arch.dependency_graph(workspace)
    assert spbe_arch.dependency_graph(workspace) is graph
    spbe_arch.impact(workspace, next(iter(sorted(workspace.elements))))
    first = spbe_arch.find_duplicates(workspace)
    assert spbe_arch.find_duplicates(workspace) is first
    assert spbe_arch.find_duplicates(workspace, language="id") is not first  # another question
    assert built == ["graph", "duplicates", "duplicates"]
    other = spbe_arch.load(small)
    assert spbe_arch.dependency_graph(other) is not graph  # per workspace, not per process


def test_load_keeps_the_file_findings_for_check(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"aplikasi.yaml": "applications:\n  - {id: app-a, name: A, owner: diskominfo\n"})
    report = spbe_arch.check(spbe_arch.load(root))
    assert "SC001" in report.summary.by_rule


def test_load_of_a_folder_without_a_workspace_raises(tmp_path: Path) -> None:
    with pytest.raises(spbe_arch.WorkspaceError):
        spbe_arch.load(tmp_path)


@pytest.mark.usefixtures("fast_figures")
def test_build_makes_the_duplicate_report_once(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted in a file, since the diagrams are drawn in a forked process where the platform allows."""
    import spbe_arch.duplicates.finder as finder

    calls = tmp_path / "calls"
    real = finder._find

    def counting(*args: object) -> object:
        with open(calls, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(finder, "_find", counting)
    result = spbe_arch.build_all(spbe_arch.load(small), tmp_path / "out")
    assert result.exit_code == 0
    out = tmp_path / "out"
    assert (out / "duplikasi.json").is_file() and (out / "diagram" / "duplicates.svg").is_file()
    assert len(calls.read_text(encoding="utf-8").splitlines()) == 1


def test_load_of_an_unreadable_manifest_raises_with_the_problem(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace(manifest="spbe: 1\ngovernment: [unclosed\n")
    with pytest.raises(spbe_arch.WorkspaceError, match="cannot be loaded"):
        spbe_arch.load(root)


@pytest.mark.usefixtures("fast_figures")
def test_write_document_by_suffix_and_by_format(small: Path, tmp_path: Path) -> None:
    workspace = spbe_arch.load(small)
    written = spbe_arch.write_document(workspace, tmp_path / "dokumen.md")
    assert (tmp_path / "dokumen.md") in written and any(p.suffix == ".svg" for p in written)
    assert (tmp_path / "dokumen.md").read_text(encoding="utf-8").startswith("# ")
    written = spbe_arch.write_document(workspace, tmp_path / "dokumen.txt", fmt="html")
    assert "<html" in written[0].read_text(encoding="utf-8")
    with pytest.raises(spbe_arch.SpbeError, match="unknown document format 'txt'"):
        spbe_arch.write_document(workspace, tmp_path / "dokumen.txt")


def test_write_diagrams_as_dot(small: Path, tmp_path: Path) -> None:
    paths = spbe_arch.write_diagrams(spbe_arch.load(small), tmp_path / "diagram", formats=("dot",))
    names = {p.name for p in paths}
    assert {"landscape.dot", "duplicates.dot", "index.html"} <= names
