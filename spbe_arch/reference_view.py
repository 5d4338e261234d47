"""What `spbe reference` shows: the catalogue a workspace uses (national codes, its local codes and
its own numberings), each code with its status and source, and the closest codes when nothing matches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spbe_arch.errors import WorkspaceError
from spbe_arch.reference import Catalogue, Code, load_catalogue

DEFAULT_VERSION = "perpres-132-2022"


def reference_catalogue(workspace: Path | None, version: str | None) -> tuple[Catalogue, Path | None]:
    """The catalogue to browse, and the workspace it came from.

    With ``workspace`` given, that workspace's catalogue (an error if it is none); without, the
    workspace holding the current folder if there is one, else the national catalogue alone.
    ``version`` overrides the catalogue version the workspace names.
    """
    from spbe_arch.extensions import load_extensions, numbered_domains
    from spbe_arch.loader import open_workspace

    root: Path | None = workspace
    if root is None:
        from spbe_arch.loader import discover_root

        try:
            root = discover_root(Path("."))
        except WorkspaceError:
            return load_catalogue(version or DEFAULT_VERSION), None
    model, _ = open_workspace(root)
    national = load_catalogue(version or model.manifest.reference)
    local, _ = load_extensions(model, national)
    return national.with_extensions(local, numbered_domains(model)), model.root


def _marks(code: Code) -> str:
    marks = []
    if code.status == "provisional":
        marks.append("provisional")
    if code.maps_to:
        marks.append(f"own numbering -> {code.maps_to}")
    elif code.local:
        marks.append("local")
    return f"  [{', '.join(marks)}]" if marks else ""


def reference_text(codes: list[Code], catalogue: Catalogue) -> str:
    """The codes as an indented tree, each with its marks, then the sources of what is shown."""
    lines = [f"{'  ' * (c.level - 1)}{c.code}  {c.name}{_marks(c)}" for c in codes]
    domains = list(dict.fromkeys(c.domain for c in codes if not c.local))
    if domains:
        lines += ["", "Sources:"]
        lines += [f"  {d}: {'; '.join(catalogue.sources.get(d, [])) or 'unknown'}" for d in domains]
    local_sources = sorted({c.source for c in codes if c.local and c.source})
    lines += [f"  {source}" for source in local_sources]
    if any(c.status == "provisional" for c in codes):
        lines += ["", "provisional: single-source, or numbered by spbe-arch from the published tiers; not confirmed "
                  "against an official table (unknown codes there are warnings, not errors)"]
    return "\n".join(lines) + "\n"


def reference_rows(codes: list[Code]) -> list[dict[str, Any]]:
    """The codes for ``--format json``."""
    return [{"code": c.code, "name": c.name, "level": c.level, "parent": c.parent, "status": c.status,
             "source": c.source, "local": c.local, "maps_to": c.maps_to, "synonyms": list(c.synonyms)}
            for c in codes]


def no_match_text(search: str, catalogue: Catalogue, domain: str | None) -> str:
    """Nothing matches: say so, and name the closest codes."""
    near = catalogue.closest(search, domain if domain and len(domain) == 3 else None)
    if not near:
        return f"no code matches {search!r}\n"
    return (f"no code matches {search!r}; closest:\n"
            + "".join(f"  {c.code}  {c.name}{_marks(c)}\n" for c in near))
