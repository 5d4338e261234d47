"""The package's structure: no import cycle between its modules, and no module that imports its own package
as if it might be missing.

The imports are read with ``ast`` from the source, not by importing it. Every import counts, those inside
functions too: a function-level import that closes a cycle works only by the order in which modules happen
to be loaded, which is the coupling the test is there to prevent. Imports under ``if TYPE_CHECKING:`` are left
out (they never run). A package is not taken to depend on its ``__init__`` when one of its modules is
imported: a package that gathers its submodules (``spbe_arch.rules``) is the intended shape, and Python
initialises the package before the submodule either way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "spbe_arch"


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The module of the package that ``name`` (a module, or a name inside one) belongs to."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(module: str, path: Path) -> set[str]:
    """The modules of the package that ``module`` imports anywhere (``TYPE_CHECKING`` blocks apart)."""
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for statement in child.orelse:
                    visit_one(statement)
                continue
            visit_one(child)

    def visit_one(node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            found.update(t for a in node.names if a.name.startswith("spbe_arch") and (t := _resolve(a.name)))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                base = f"{anchor}.{base}" if base else anchor
            if base.startswith("spbe_arch"):
                for alias in node.names:
                    target = _resolve(f"{base}.{alias.name}") if f"{base}.{alias.name}" in MODULES else _resolve(base)
                    if target:
                        found.add(target)
        visit(node)

    visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    found.discard(module)
    return found


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    for module, path in MODULES.items():
        graph.add_edges_from((module, target) for target in _imports(module, path))
    return graph


def test_the_reader_sees_the_imports_it_should() -> None:
    """The graph is not empty by mistake: known imports are edges, type-only ones are not."""
    graph = import_graph()
    assert graph.has_edge("spbe_arch.validate", "spbe_arch.rules")
    assert graph.has_edge("spbe_arch.rules.codes", "spbe_arch.rules.registry")
    assert graph.has_edge("spbe_arch.api", "spbe_arch.build")
    assert graph.number_of_edges() > 200


def test_no_import_cycle_inside_the_package() -> None:
    cycles = [sorted(c) for c in nx.strongly_connected_components(import_graph()) if len(c) > 1]
    assert cycles == [], f"import cycles: {cycles}"


def test_a_cycle_would_be_found(tmp_path: Path) -> None:
    """The reader of a module that imports its importer inside a function reports the edge."""
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from spbe_arch.validate import validate\n", encoding="utf-8")
    assert _imports("spbe_arch.rules.registry", source) == {"spbe_arch.validate"}
    guarded = tmp_path / "g.py"
    guarded.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import spbe_arch.cli\n",
                       encoding="utf-8")
    assert _imports("spbe_arch.rules.registry", guarded) == set()


def test_the_package_imports_its_own_modules_directly() -> None:
    """No import of the package's own modules by name at run time, which would hide them from this test and
    from mypy."""
    offenders = [str(p.relative_to(PACKAGE.parent)) for p in MODULES.values()
                 if "import_module(\"spbe_arch" in p.read_text(encoding="utf-8")
                 or "optional_module" in p.read_text(encoding="utf-8")]
    assert offenders == []
