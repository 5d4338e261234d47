"""The ``spbe`` command: parses arguments, calls the library, formats output. No logic of its own.

Library exceptions become messages and exit codes in one place (:func:`_handle_errors`): 0 fine,
1 findings, 2 bad input or usage, 3 an internal error (a bug to report).
"""

from __future__ import annotations

import enum
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar, cast

import typer

from spbe_arch import __version__
from spbe_arch.errors import SpbeError

INTERNAL_ERROR = 3


F = TypeVar("F", bound=Callable[..., Any])


def _handle_errors(function: F) -> F:
    """Library exceptions to a one-line message and an exit code: the one place for every command."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except SpbeError as exc:
            typer.echo(f"spbe: error: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except KeyboardInterrupt:
            typer.echo("spbe: interrupted", err=True)
            raise typer.Exit(130) from None
        except Exception as exc:  # a bug: say so plainly, never a traceback
            typer.echo(f"spbe: internal error ({type(exc).__name__}: {exc}); please report it", err=True)
            raise typer.Exit(INTERNAL_ERROR) from None

    return cast(F, wrapper)


app = typer.Typer(
    name="spbe",
    help="Arsitektur SPBE as YAML in git: validate, analyse, draw and document the architecture.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    add_completion=False,
)


def command(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """``app.command`` with the error handling every command shares."""

    def register(function: F) -> F:
        app.command(*args, **kwargs)(_handle_errors(function))
        return function

    return register


class TextOrJson(enum.StrEnum):
    text = "text"
    json = "json"


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


WorkspaceArg = Annotated[
    Path,
    typer.Argument(help="Workspace folder (holds spbe.yaml). Default: the current folder.",
                   show_default=False),
]
FormatOpt = Annotated[TextOrJson, typer.Option("--format", "-f", help="Output format.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"spbe-arch {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Arsitektur SPBE as YAML in git."""


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _dump(payload: Any) -> None:
    _out(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def _colour_lines(text: str) -> None:
    """Findings coloured by severity when stdout is a terminal; plain otherwise."""
    if not sys.stdout.isatty():
        _out(text)
        return
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    styles = {" error ": "red", " warning ": "yellow", " info ": "cyan"}
    for line in text.splitlines():
        style = next((s for k, s in styles.items() if k in line), None)
        console.print(line, style=style, markup=False)


@command()
def validate(
    workspace: WorkspaceArg = Path("."),
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: text, json, sarif (code "
                                        "scanning), junit (test report) or github (annotations).")] = "text",
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.error,
) -> None:
    """Check the workspace: schema, references, reference codes and the SPBE rules.

    Exit code 0 when no finding reaches --fail-on, 1 when one does, 2 when the input cannot be loaded.
    """
    from spbe_arch.render import RENDERERS
    from spbe_arch.validate import validate_workspace

    renderer = RENDERERS.get(format)
    if renderer is None:
        raise typer.BadParameter(f"{format!r} is not one of {', '.join(RENDERERS)}", param_hint="--format")
    result = validate_workspace(workspace)
    text = renderer(result.report)
    if format == "text":
        _colour_lines(text)
    else:
        _out(text)
    raise typer.Exit(result.report.exit_code(fail_on.value))


@command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code, e.g. AP001, to explain one rule.")] = None,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """List every rule (one per line, starting with its code), or explain one."""
    from spbe_arch.validate import FAMILIES, all_rules, get_rule

    if code is not None:
        found = get_rule(code)
        if found is None:
            import difflib

            codes = [r.code for r in all_rules()]
            guess = difflib.get_close_matches(code.upper(), codes, n=3)
            hint = f"; did you mean {', '.join(guess)}?" if guess else "; `spbe rules` lists them"
            raise SpbeError(f"no rule {code!r}{hint}")
        if format == TextOrJson.json:
            _dump({"code": found.code, "name": found.name, "severity": found.severity,
                   "summary": found.summary, "explanation": found.explanation})
            return
        _out(f"{found.code} {found.name} ({found.severity})\n\n{found.summary}.\n\n{found.explanation}\n\n"
             f"Family {found.family}: {FAMILIES.get(found.family, '')}.\n"
             f"Change its severity in spbe.yaml (rules: {{{found.code}: warning}}) or silence it on one "
             f"element (ignore: [{found.code}]).\n")
        return
    items = all_rules()
    if format == TextOrJson.json:
        _dump([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary} for r in items])
        return
    _out("".join(f"{r.code} {r.severity:<7} {r.name}: {r.summary}\n" for r in items))


@command()
def stats(workspace: WorkspaceArg = Path("."), format: FormatOpt = TextOrJson.text) -> None:
    """Counts per collection and per OPD, and reference-code coverage per domain."""
    from spbe_arch.extensions import workspace_catalogue
    from spbe_arch.loader import open_workspace
    from spbe_arch.stats import compute_stats, stats_text

    model, _ = open_workspace(workspace)
    result = compute_stats(model, workspace_catalogue(model))
    if format == TextOrJson.json:
        _out(result.model_dump_json(indent=2) + "\n")
    else:
        _out(stats_text(result))


@command()
def show(
    element_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the element.")],
    workspace: WorkspaceArg = Path("."),
    format: FormatOpt = TextOrJson.text,
) -> None:
    """Show one element: its fields, where it is written, and what references it."""
    from spbe_arch.loader import open_workspace
    from spbe_arch.show import describe, view_text

    model, _ = open_workspace(workspace)
    view = describe(model, element_id)
    if format == TextOrJson.json:
        _out(view.model_dump_json(indent=2) + "\n")
    else:
        _out(view_text(view))


@command()
def reference(
    domain: Annotated[str | None, typer.Argument(help="RAB, RAL, RAD, RAA, RAI or RAK, or a code.")] = None,
    search: Annotated[str | None, typer.Option("--search", "-s", help="Words to look for in names.")] = None,
    catalogue: Annotated[str, typer.Option(help="Catalogue version.")] = "perpres-132-2022",
    format: FormatOpt = TextOrJson.text,
) -> None:
    """Browse and search the national reference codes (Referensi Arsitektur SPBE)."""
    from spbe_arch.reference import DOMAIN_NAMES, load_catalogue

    cat = load_catalogue(catalogue)
    selected_domain: str | None = None
    codes = list(cat.codes.values())
    if domain:
        key = domain.upper()
        if key in DOMAIN_NAMES:
            selected_domain = key
            codes = cat.domain(key)
        elif key in cat:
            codes = [cat.codes[key], *[c for c in cat.codes.values() if c.code.startswith(key + ".")]]
        else:
            raise SpbeError(f"{domain!r} is neither a domain ({', '.join(DOMAIN_NAMES)}) nor a known code")
    if search:
        hits = {c.code for c in cat.search(search, selected_domain)}
        codes = [c for c in codes if c.code in hits]
    if format == TextOrJson.json:
        _dump([{"code": c.code, "name": c.name, "level": c.level, "parent": c.parent} for c in codes])
        return
    if not codes:
        _out("no code matches\n")
        raise typer.Exit(1)
    _out("".join(f"{'  ' * (c.level - 1)}{c.code}  {c.name}\n" for c in codes))


@command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder of the new workspace (created if missing).")],
    name: Annotated[str, typer.Option(help="Name of the government.")] = "Pemerintah Kabupaten Contoh",
    code: Annotated[str, typer.Option(help="Kode wilayah, e.g. 35.14.")] = "00.00",
    kind: Annotated[str, typer.Option(help="kabupaten, kota or provinsi.")] = "kabupaten",
) -> None:
    """Create a new workspace: the manifest and one commented file per domain."""
    from spbe_arch.init import init_workspace

    if kind not in ("kabupaten", "kota", "provinsi"):
        raise typer.BadParameter("must be kabupaten, kota or provinsi", param_hint="--kind")
    written = init_workspace(directory, name=name, code=code, kind=kind)
    _out("".join(f"created {p}\n" for p in written))
    _out(f"next: edit the files, then run `spbe validate {directory}`\n")


# --- dependency graph, impact analysis and graph export (issue 3) ---


DepthOpt = Annotated[int | None, typer.Option("--depth", "-d", help="Follow at most N relations (0: the element only).",
                                              show_default=False)]


def _impact_command(direction: str, element_id: str, workspace: Path, depth: int | None, format: TextOrJson) -> None:
    from spbe_arch.analysis import depends as depends_on
    from spbe_arch.analysis import impact as impact_of
    from spbe_arch.analysis.render import impact_text
    from spbe_arch.loader import open_workspace

    model, _ = open_workspace(workspace)
    report = (impact_of if direction == "impact" else depends_on)(model, element_id, depth)
    _out(report.model_dump_json(indent=2) + "\n" if format == TextOrJson.json else impact_text(report))


@command()
def impact(
    element_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the element that stops.")],
    workspace: WorkspaceArg = Path("."),
    depth: DepthOpt = None,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """Everything that stops if ID stops, transitively, per domain and per OPD, each with its path."""
    _impact_command("impact", element_id, workspace, depth, format)


@command()
def depends(
    element_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the element.")],
    workspace: WorkspaceArg = Path("."),
    depth: DepthOpt = None,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """Everything ID needs to run, transitively: the reverse of `spbe impact`."""
    _impact_command("depends", element_id, workspace, depth, format)


class AnalysisSection(enum.StrEnum):
    spof = "spof"
    cycles = "cycles"
    orphans = "orphans"
    connected = "connected"
    opd = "opd"


@command()
def analyze(
    workspace: WorkspaceArg = Path("."),
    only: Annotated[list[AnalysisSection] | None, typer.Option(
        "--only", help="Run only this analysis (repeatable): spof (single points of failure), cycles, orphans, "
        "connected (most connected applications), opd (dependence between OPDs).", show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many single points of failure and most "
                                       "connected applications to list.")] = 10,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """Analyse the dependency graph: single points of failure, cycles, orphans, hubs, OPD cross-dependency."""
    from spbe_arch.analysis import SECTIONS
    from spbe_arch.analysis import analyze as run_analyses
    from spbe_arch.analysis.render import analysis_text
    from spbe_arch.loader import open_workspace

    model, _ = open_workspace(workspace)
    sections = [s.value for s in only] if only else list(SECTIONS)
    report = run_analyses(model, limit, sections)
    _out(report.model_dump_json(indent=2, exclude_none=True) + "\n" if format == TextOrJson.json
         else analysis_text(report))


export_app = typer.Typer(help="Export the model to other formats.", no_args_is_help=True)
app.add_typer(export_app, name="export")


class GraphFormatChoice(enum.StrEnum):
    graphml = "graphml"
    json = "json"


@export_app.command("graph")
@_handle_errors
def export_graph_command(
    workspace: WorkspaceArg = Path("."),
    format: Annotated[GraphFormatChoice, typer.Option("--format", "-f", help="graphml or json (node-link).")
                      ] = GraphFormatChoice.graphml,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).",
                                                show_default=False)] = None,
) -> None:
    """The dependency graph as GraphML or node-link JSON, with each relation's failure propagation."""
    from spbe_arch.fileio import write_text_atomic
    from spbe_arch.graph_export import export_graph
    from spbe_arch.loader import open_workspace

    model, _ = open_workspace(workspace)
    text = export_graph(model, format.value)
    if output is None:
        _out(text)
    else:
        write_text_atomic(output, text)
        typer.echo(f"wrote {output}", err=True)


# --- CI: semantic diff between model versions (issue 7) ---


class DiffFormat(enum.StrEnum):
    text = "text"
    md = "md"
    json = "json"


class FailOnNew(enum.StrEnum):
    error = "error"
    warning = "warning"
    duplicate = "duplicate"


@command("diff")
def diff_command(
    rev_a: Annotated[str | None, typer.Argument(
        metavar="[REV_A]", help="Old version: a git revision (default: the merge base of HEAD with the default "
        "branch), or a folder.", show_default=False)] = None,
    rev_b: Annotated[str | None, typer.Argument(
        metavar="[REV_B]", help="New version: a git revision (default: the working tree), or a folder.",
        show_default=False)] = None,
    workspace: Annotated[Path, typer.Option(
        "--workspace", "-w", help="The workspace folder inside the repository (with revisions).")] = Path("."),
    format: Annotated[DiffFormat, typer.Option(
        "--format", "-f", help="text, md (a merge-request comment) or json.")] = DiffFormat.text,
    fail_on_new: Annotated[list[FailOnNew] | None, typer.Option(
        "--fail-on-new", help="Exit 1 when the change introduces this (repeatable): error, warning (or error), "
        "duplicate (a new duplicate group).", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (default: standard output).", show_default=False)] = None,
) -> None:
    """What a change does to the architecture: elements added, removed and changed, findings and duplicate
    groups introduced and resolved.

    Compares the workspace at two git revisions without touching the working tree, or two folders
    (spbe diff OLD_FOLDER NEW_FOLDER). Exit code 1 when --fail-on-new matches, 2 on bad input.
    """
    from spbe_arch.diff_render import DIFF_RENDERERS
    from spbe_arch.diff_sources import compare
    from spbe_arch.fileio import write_text_atomic

    result = compare(rev_a, rev_b, workspace)
    text = DIFF_RENDERERS[format.value](result)
    if output is None:
        _out(text)
    else:
        write_text_atomic(output, text)
        typer.echo(f"wrote {output}", err=True)
    raise typer.Exit(result.exit_code(f.value for f in fail_on_new or []))


def main() -> None:
    """Entry point of the ``spbe`` console script."""
    app()
