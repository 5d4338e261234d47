"""The ``spbe`` command: parses arguments, calls the library, formats output. No logic of its own.

Library exceptions become messages and exit codes in one place (:func:`_handle_errors`): 0 fine,
1 findings, 2 bad input or usage, 3 an internal error (a bug to report).
"""

from __future__ import annotations

import contextlib
import enum
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar, cast

import typer

from spbe_arch.errors import SpbeError
from spbe_arch.version import __version__

if TYPE_CHECKING:
    from spbe_arch.workspace import Workspace

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
        except KeyboardInterrupt as exc:  # SIGINT, or SIGTERM during a build (staging.Interrupted)
            typer.echo("spbe: interrupted; the previous output is unchanged", err=True)
            raise typer.Exit(getattr(exc, "exit_code", 130)) from None
        except MemoryError:  # a model too large for this machine's memory: the input's size, not a bug
            typer.echo("spbe: error: out of memory; the input is too large for the memory available (split the "
                       "largest files, or run on a machine with more memory)", err=True)
            raise typer.Exit(2) from None
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


# Python's cyclic collector: a loaded model is hundreds of thousands of small objects without reference
# cycles, and at the default threshold every full collection rescans all of them for nothing (a third of the
# run time on a national model). A command owns its process, so it may raise the thresholds; the library
# never changes them.
GC_THRESHOLDS = (100_000, 50, 100)


def configure_gc() -> None:
    """The garbage-collector setting of a ``spbe`` process (the benchmarks use it to measure the same)."""
    import gc

    gc.set_threshold(*GC_THRESHOLDS)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off while a command that only loads, checks and reports on a model runs.

    Even at the raised thresholds, the youngest generation is collected every 100,000 new containers,
    and loading a large model makes millions that all survive: the collections find no garbage and
    cost about a tenth of validating a national model. Loading and checking make no reference cycles
    (the process's memory is the same with and without the collector), so those commands pause it;
    the commands that render documents and diagrams, whose libraries do make cycles, keep it.
    """
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _collector_paused(function: F) -> F:
    """A command run with :func:`collector_paused`."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with collector_paused():
            return function(*args, **kwargs)

    return cast(F, wrapper)


class TextOrJson(enum.StrEnum):
    text = "text"
    json = "json"


class FailOn(enum.StrEnum):
    error = "error"
    warning = "warning"
    never = "never"


class MinSeverity(enum.StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


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


def _open(workspace: Path) -> Workspace:
    """The workspace a report command reads. A report covers what loaded; when loading found errors (an
    element whose id another element uses is left out), one line on stderr says so, so that a report is
    never silently partial."""
    from spbe_arch.loader import open_workspace

    model, findings = open_workspace(workspace)
    errors = sum(1 for f in findings if f.severity == "error")
    if errors:
        typer.echo(f"spbe: {workspace}: {errors} error(s) while loading; this report covers what loaded "
                   f"(`spbe validate {workspace}` lists them)", err=True)
    return model


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _write_or_print(text: str, output: Path | None) -> None:
    """A report to the file of ``-o`` (atomically, saying so on stderr), else (or with ``-o -``) to
    standard output."""
    from spbe_arch.fileio import is_stdout, write_text_atomic

    if output is None or is_stdout(output):
        _out(text)
        return

    write_text_atomic(output, text)
    typer.echo(f"wrote {output}", err=True)


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


class Lang(enum.StrEnum):
    en = "en"
    id = "id"


def _text_only(lang: Lang, text: bool) -> None:
    """--lang id names things for people reading text; JSON and the CI formats keep ids and English."""
    if lang == Lang.id and not text:
        raise typer.BadParameter("--lang id applies to the text format only", param_hint="--lang")


@command()
@_collector_paused
def validate(
    workspace: WorkspaceArg = Path("."),
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: text, json, sarif (code "
                                        "scanning), junit (test report) or github (annotations).")] = "text",
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.error,
    select: Annotated[list[str] | None, typer.Option(
        "--select", help="Only these rule codes or prefixes (AP, AP0, AP001; comma-separated or repeated).",
        show_default=False)] = None,
    ignore: Annotated[list[str] | None, typer.Option(
        "--ignore", help="Leave out these rule codes or prefixes; the more specific of --select and --ignore wins.",
        show_default=False)] = None,
    min_severity: Annotated[MinSeverity, typer.Option(
        "--min-severity", help="Leave out findings below this severity.")] = MinSeverity.info,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the text output: en, or id (Bahasa "
                                       "Indonesia, elements named by name).")] = Lang.en,
) -> None:
    """Check the workspace: schema, references, reference codes and the SPBE rules.

    Exit code 0 when no finding reaches --fail-on, 1 when one does, 2 when the input cannot be loaded.
    """
    from spbe_arch.formats import RENDERERS, render_pieces
    from spbe_arch.validate import filter_report, validate_workspace

    if format not in RENDERERS:
        raise typer.BadParameter(f"{format!r} is not one of {', '.join(RENDERERS)}", param_hint="--format")
    _text_only(lang, format == "text")
    result = validate_workspace(workspace)
    report = filter_report(result.report, select or [], ignore or [], min_severity.value)
    if format == "text" and lang == Lang.id:
        from spbe_arch.rules.report_id import report_text_id

        _colour_lines(report_text_id(report, result.workspace))
    elif format == "text":
        _colour_lines(RENDERERS["text"](report))
    else:
        for piece in render_pieces(format, report):
            sys.stdout.write(piece)
        sys.stdout.flush()
    raise typer.Exit(report.exit_code(fail_on.value))


@command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code, e.g. AP001, to explain one rule.")] = None,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """List every rule (one per line, starting with its code), or explain one."""
    from spbe_arch.rules import all_rules
    from spbe_arch.validate import explain_rule, rule_text

    if code is not None:
        found = explain_rule(code)
        if format == TextOrJson.json:
            basis = found.basis
            _dump({"code": found.code, "name": found.name, "severity": found.severity,
                   "summary": found.summary, "explanation": found.explanation,
                   "basis": None if basis is None else {
                       "kind": basis.kind, "regulation": basis.regulation, "provision": basis.provision,
                       "note": basis.note, "text": basis.text()}})
        else:
            _out(rule_text(found))
        return
    items = all_rules()
    if format == TextOrJson.json:
        _dump([{"code": r.code, "name": r.name, "severity": r.severity, "summary": r.summary,
                "basis": r.basis.kind if r.basis else None} for r in items])
        return
    _out("".join(f"{r.code} {r.severity:<7} {r.name}: {r.summary}\n" for r in items))


@command()
def stats(workspace: WorkspaceArg = Path("."), format: FormatOpt = TextOrJson.text) -> None:
    """Counts per collection and per OPD, and reference-code coverage per domain."""
    from spbe_arch.extensions import workspace_catalogue
    from spbe_arch.stats import compute_stats, stats_text

    model = _open(workspace)
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
    from spbe_arch.show import describe, view_text

    model = _open(workspace)
    view = describe(model, element_id)
    if format == TextOrJson.json:
        _out(view.model_dump_json(indent=2) + "\n")
    else:
        _out(view_text(view))


@command()
def reference(
    domain: Annotated[str | None, typer.Argument(help="RAB, RAL, RAD, RAA, RAI or RAK, or a code.")] = None,
    search: Annotated[str | None, typer.Option(
        "--search", "-s", help="Words to look for in names, descriptions and synonyms (stemmed).")] = None,
    catalogue: Annotated[str | None, typer.Option(
        help="Catalogue version (default: the workspace's, else perpres-132-2022).", show_default=False)] = None,
    workspace: Annotated[Path | None, typer.Option(
        "--workspace", "-w", help="Workspace whose local codes and numberings to include (default: the one "
        "holding the current folder, if any).", show_default=False)] = None,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """Browse and search the reference codes (Referensi Arsitektur SPBE), with status and source."""
    from spbe_arch.reference_view import no_match_text, reference_catalogue, reference_rows, reference_text

    found, _ = reference_catalogue(workspace, catalogue)
    codes = found.select(domain, search)
    if format == TextOrJson.json:
        _dump(reference_rows(codes))
        return
    if not codes:
        _out(no_match_text(search, found, domain) if search else "no code matches\n")
        raise typer.Exit(1)
    _out(reference_text(codes, found))


@command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder of the new workspace (created if missing).")],
    name: Annotated[str, typer.Option(help="Name of the government.")] = "Pemerintah Kabupaten Contoh",
    code: Annotated[str, typer.Option(help="Kode wilayah, e.g. 35.14.")] = "00.00",
    kind: Annotated[str, typer.Option(help="kabupaten, kota or provinsi.")] = "kabupaten",
    example: Annotated[bool, typer.Option("--example", help="Copy the bundled Kabupaten Pasuruan example "
                                          "instead of starting empty.")] = False,
) -> None:
    """Create a new workspace: the manifest and one commented file per domain (or a copy of the example)."""
    from spbe_arch.init import copy_example, init_workspace

    if example:
        files = copy_example(directory)
        _out(f"copied the Kabupaten Pasuruan example ({len(files)} files) into {directory}\n")
        _out(f"next: `spbe validate {directory}`\n")
        return
    if kind not in ("kabupaten", "kota", "provinsi"):
        raise typer.BadParameter("must be kabupaten, kota or provinsi", param_hint="--kind")
    written = init_workspace(directory, name=name, code=code, kind=kind)
    _out("".join(f"created {p}\n" for p in written))
    _out(f"next: edit the files, then run `spbe validate {directory}`\n")


# --- dependency graph, impact analysis and graph export ---


DepthOpt = Annotated[int | None, typer.Option("--depth", "-d", help="Follow at most N relations (0: the element only).",
                                              show_default=False)]


class StrengthChoice(enum.StrEnum):
    stops = "stops"
    degraded = "degraded"
    all = "all"


StrengthOpt = Annotated[StrengthChoice, typer.Option(
    "--strength", help="stops: what cannot run; degraded: what runs without data or a partner; all: both.")]


LangOpt = Annotated[Lang, typer.Option("--lang", help="Language of the text output: en, or id (Bahasa Indonesia, "
                                      "elements and OPDs named by name).")]


def _impact_command(direction: str, element_id: str, workspace: Path, depth: int | None, format: TextOrJson,
                    strength: StrengthChoice, lang: Lang) -> None:
    from spbe_arch.analysis import depends as depends_on
    from spbe_arch.analysis import impact as impact_of
    from spbe_arch.analysis.impact_render import impact_text

    _text_only(lang, format == TextOrJson.text)
    model = _open(workspace)
    report = (impact_of if direction == "impact" else depends_on)(model, element_id, depth, strength=strength.value)
    if format == TextOrJson.json:
        _out(report.model_dump_json(indent=2) + "\n")
    else:
        _out(impact_text(report, model, lang.value))


@command()
@_collector_paused
def impact(
    element_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the element that stops.")],
    workspace: WorkspaceArg = Path("."),
    depth: DepthOpt = None,
    strength: StrengthOpt = StrengthChoice.all,
    format: FormatOpt = TextOrJson.text,
    lang: LangOpt = Lang.en,
) -> None:
    """What stops and what runs degraded if ID stops, per domain and per OPD, each with its chain."""
    _impact_command("impact", element_id, workspace, depth, format, strength, lang)


@command()
@_collector_paused
def depends(
    element_id: Annotated[str, typer.Argument(metavar="ID", help="Id of the element.")],
    workspace: WorkspaceArg = Path("."),
    depth: DepthOpt = None,
    strength: StrengthOpt = StrengthChoice.all,
    format: FormatOpt = TextOrJson.text,
    lang: LangOpt = Lang.en,
) -> None:
    """What ID needs to run (it stops without it) or to run fully (degraded): the reverse of `spbe impact`."""
    _impact_command("depends", element_id, workspace, depth, format, strength, lang)


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
    lang: LangOpt = Lang.en,
) -> None:
    """Analyse the dependency graph: single points of failure, cycles, orphans, hubs, OPD cross-dependency."""
    from spbe_arch.analysis import SECTIONS
    from spbe_arch.analysis import analyze as run_analyses
    from spbe_arch.analysis.render import analysis_text

    _text_only(lang, format == TextOrJson.text)
    model = _open(workspace)
    sections = [s.value for s in only] if only else list(SECTIONS)
    report = run_analyses(model, limit, sections)
    skipped = {name for name, value in report if value is None}  # the sections not asked for
    _out(report.model_dump_json(indent=2, exclude=skipped) + "\n" if format == TextOrJson.json
         else analysis_text(report, model, lang.value))


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
    from spbe_arch.exchange.graph_export import export_graph
    model = _open(workspace)
    _write_or_print(export_graph(model, format.value), output)


# --- CI: semantic diff between model versions ---


class DiffFormat(enum.StrEnum):
    text = "text"
    md = "md"
    json = "json"


class FailOnNew(enum.StrEnum):
    error = "error"
    warning = "warning"
    duplicate = "duplicate"


@command("diff")
@_collector_paused
def diff_command(
    rev_a: Annotated[str | None, typer.Argument(
        metavar="REV_A", help="Old version: a git revision (default: the merge base of HEAD with the default "
        "branch), or a folder.", show_default=False)] = None,
    rev_b: Annotated[str | None, typer.Argument(
        metavar="REV_B", help="New version: a git revision (default: the working tree), or a folder.",
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
    duplicates: Annotated[bool, typer.Option(
        "--duplicates/--no-duplicates", help="Compare the duplicate application groups of both versions.")] = True,
) -> None:
    """What a change does to the architecture: elements, findings and duplicate groups, added and removed.

    Compares the workspace at two git revisions (never touching the working tree) or two folders.

    Exit code 1 when --fail-on-new matches, 2 on bad input.
    """
    from spbe_arch.diff.render import DIFF_RENDERERS
    from spbe_arch.diff.sources import compare

    if not duplicates and FailOnNew.duplicate in (fail_on_new or []):
        from spbe_arch.errors import UsageError

        raise UsageError("--fail-on-new duplicate needs the duplicate comparison; leave out --no-duplicates")
    result = compare(rev_a, rev_b, workspace, duplicates=duplicates)
    _write_or_print(DIFF_RENDERERS[format.value](result), output)
    raise typer.Exit(result.exit_code(f.value for f in fail_on_new or []))


# --- exchange: ArchiMate, Archi CSV, spreadsheet inventory, JSON Schema ---

import_app = typer.Typer(help="Import a model from other formats into a new workspace.", no_args_is_help=True)
app.add_typer(import_app, name="import")

IntoOpt = Annotated[Path, typer.Option("--into", help="Folder of the new workspace (created if missing).")]
ForceOpt = Annotated[bool, typer.Option("--force", help="Overwrite files that already exist in --into.")]


@export_app.command("archimate")
@_handle_errors
def export_archimate_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Exchange file to write (.xml).")],
    workspace: WorkspaceArg = Path("."),
    no_views: Annotated[bool, typer.Option("--no-views", help="Leave out the generated diagrams.")] = False,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """The model as an ArchiMate 3.1 Open Exchange Format file for Archi and other ArchiMate tools.

    Checked against the ArchiMate XSDs and the ArchiMate relationship table before it is written.
    """
    from spbe_arch.exchange.archimate_export import export_archimate, export_text

    result = export_archimate(workspace, output, with_views=not no_views)
    _out(result.model_dump_json(indent=2) + "\n" if format == TextOrJson.json else export_text(result))


@export_app.command("archi-csv")
@_handle_errors
def export_archi_csv_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for elements.csv, relations.csv and "
                                         "properties.csv.")],
    workspace: WorkspaceArg = Path("."),
    format: FormatOpt = TextOrJson.text,
) -> None:
    """Archi's CSV files, which Archi merges into an existing model by id (File > Import > CSV)."""
    from spbe_arch.exchange.archi_csv import csv_text, export_archi_csv

    result = export_archi_csv(workspace, output)
    _out(result.model_dump_json(indent=2) + "\n" if format == TextOrJson.json else csv_text(result))


@export_app.command("schema")
@_handle_errors
def export_schema_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the JSON Schema files.")],
) -> None:
    """JSON Schema of the manifest and of the element files, for editors that check YAML as it is typed."""
    from spbe_arch.exchange.schema import export_schema

    _out("".join(f"wrote {path}\n" for path in export_schema(output)))


@import_app.command("archimate")
@_handle_errors
def import_archimate_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="ArchiMate 3.x exchange file (.xml).")],
    into: IntoOpt,
    force: ForceOpt = False,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """An ArchiMate exchange file into a new workspace; what has no SPBE meaning is listed in the report."""
    from spbe_arch.exchange.archimate_import import import_archimate
    from spbe_arch.exchange.workspace_writer import report_text

    report = import_archimate(file, into, force=force)
    _out(report.model_dump_json(indent=2) + "\n" if format == TextOrJson.json else report_text(report))


@import_app.command("inventory")
@_handle_errors
def import_inventory_command(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Application inventory (.xlsx or .csv).")],
    into: IntoOpt,
    mapping: Annotated[Path | None, typer.Option(
        "--mapping", help="YAML file naming the sheet, the header row and which column is which field.",
        show_default=False)] = None,
    government: Annotated[str | None, typer.Option(
        "--government", help="Name of the government (default: found in the title above the header).",
        show_default=False)] = None,
    force: ForceOpt = False,
    format: FormatOpt = TextOrJson.text,
) -> None:
    """A Pemda application inventory (Nama Aplikasi, OPD Pemilik, Fungsi, ...) into a new workspace.

    Rows and columns that cannot be mapped are listed in the report.
    """
    from spbe_arch.exchange.inventory import import_inventory
    from spbe_arch.exchange.workspace_writer import report_text

    report = import_inventory(file, into, mapping_file=mapping, force=force, government=government)
    _out(report.model_dump_json(indent=2) + "\n" if format == TextOrJson.json else report_text(report))


# --- duplicate applications across OPDs ---


class DuplicatesFormat(enum.StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    md = "md"


@command()
@_collector_paused
def duplicates(
    workspace: WorkspaceArg = Path("."),
    threshold: Annotated[float | None, typer.Option(
        "--threshold", "-t", min=0.0, max=1.0,
        help="Lowest score (0-1) of a reported pair. Default: duplicates.threshold in spbe.yaml, else 0.58.",
        show_default=False)] = None,
    format: Annotated[DuplicatesFormat, typer.Option("--format", "-f", help="Output format.")] = DuplicatesFormat.text,
    exhaustive: Annotated[bool, typer.Option(
        "--exhaustive", help="Compare every pair instead of the blocked candidates (slow: to check the blocking).",
    )] = False,
    lang: Annotated[Lang, typer.Option(
        "--lang", help="Language of the report, its evidence and its proposals: en, or id (Bahasa Indonesia, as in "
        "the document; the Markdown report then names applications by name only).",
    )] = Lang.en,
) -> None:
    """Duplicate applications across OPDs: scored pairs with evidence, groups and a proposal per group.

    Two kinds of finding: same_system (one system listed on several rows: record it as one application
    used by those OPDs) and functional (different systems serving one function: consolidate, or move to
    the national application). A report, not a check: the exit code is 0 whether or not duplicates are
    found (2 on bad input). Silence a false positive with distinct_from on an application or
    duplicates.not_duplicates in spbe.yaml.
    """
    from spbe_arch.duplicates import find_duplicates
    from spbe_arch.duplicates.render import RENDERERS
    model = _open(workspace)
    report = find_duplicates(model, threshold, exhaustive, language=lang.value)
    _out(RENDERERS[format.value](report, model, lang.value))


class MinConfidence(enum.StrEnum):
    high = "high"
    medium = "medium"
    low = "low"


@command()
def classify(
    workspace: WorkspaceArg = Path("."),
    format: FormatOpt = TextOrJson.text,
    write: Annotated[bool, typer.Option(
        "--write", help="Add the accepted RAA codes to the YAML files (comments and layout kept; review with git).",
    )] = False,
    min_confidence: Annotated[MinConfidence, typer.Option(
        "--min-confidence", help="Lowest confidence of a suggestion that --write accepts.",
    )] = MinConfidence.medium,
) -> None:
    """Suggest the national function, RAA and RAB codes of applications without reference codes.

    Each suggestion has a confidence (high, medium, low) and its evidence; an application doing the job
    of a national application is named with it and its legal basis. A report: exit 0 (2 on bad input).
    """
    import json

    from spbe_arch.classify import classify as suggest
    from spbe_arch.classify import suggestions_text
    model = _open(workspace)
    suggestions = suggest(model)
    if format is TextOrJson.json:
        _out(json.dumps([s.model_dump() for s in suggestions], ensure_ascii=False, indent=2) + "\n")
    else:
        _out(suggestions_text(suggestions))
    if write:
        from spbe_arch.classify_write import write_references

        written = write_references(model, suggestions, min_confidence.value)
        sys.stderr.write(f"wrote {len(written)} file(s){': ' if written else ''}{', '.join(written)}\n")


# --- diagrams: SVG, PNG, PDF, DOT and Mermaid views ---


class DiagramFormat(enum.StrEnum):
    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"
    mermaid = "mermaid"


@command()
def diagram(
    workspace: WorkspaceArg = Path("."),
    view: Annotated[str | None, typer.Option(
        "--view", "-v", metavar="NAME",
        help="landscape, integration, infrastructure, duplicates, opd:ID, service:ID or context:ID.",
        show_default=False)] = None,
    all_views: Annotated[bool, typer.Option(
        "--all", help="Every landscape, integration, infrastructure, OPD, service and duplicates view, "
                      "with an index.html, into the folder given by -o.")] = False,
    list_only: Annotated[bool, typer.Option("--list", help="List the views of this model and exit.")] = False,
    format: Annotated[list[DiagramFormat] | None, typer.Option(
        "--format", "-f",
        help="svg, png, pdf (needs a system Graphviz), dot or mermaid. Repeat it with --all for several. "
             "Default: from the -o file name, else svg.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o",
        help="File of the view ('-' for standard output), or the folder of --all. Default for one view: DOT and "
             "Mermaid to standard output, images to VIEW.FORMAT here.", show_default=False)] = None,
    depth: Annotated[int, typer.Option("--depth", "-d", min=1, help="Steps from the element in a context view.")] = 1,
    dot: Annotated[str | None, typer.Option(
        "--dot", metavar="PATH", help="Graphviz renderer to use (graphviz-pure or dot); also SPBE_DOT. "
                                      "Default: the bundled graphviz-pure.", show_default=False)] = None,
    timeout: Annotated[float, typer.Option(
        "--timeout", min=1, help="Seconds a run of the renderer may take (one view; with --all, up to 8).")] = 60,
) -> None:
    """Draw views of the architecture as SVG, PNG, PDF, DOT or Mermaid; no system Graphviz needed.

    Without a renderer, or when it fails, the DOT source is written instead and the exit code is 2.
    """
    import time

    from spbe_arch.diagrams import export_all, list_views, parse_view, view_bytes, view_slug, write_view
    from spbe_arch.diagrams.output import DiagramProblems
    from spbe_arch.diagrams.target import view_target
    from spbe_arch.errors import UsageError

    formats = [f.value for f in format or []]
    if sum([view is not None, all_views, list_only]) != 1:
        raise UsageError("give one of --view NAME, --all or --list (`spbe diagram --list` shows the views)")
    model = _open(workspace)
    if list_only:
        _out("".join(f"{name}\n" for name in list_views(model)))
        return
    if all_views:
        if output is None or str(output) == "-":
            raise UsageError("--all writes many files: give their folder with -o DIR")
        started = time.perf_counter()
        run = export_all(model, output, formats or ["svg"], dot=dot, timeout=timeout)
        written = ", ".join(dict.fromkeys(fmt for v in run.views for fmt in v.files))
        _out(f"wrote {len(run.views)} views ({written}) and {run.index} in {time.perf_counter() - started:.1f} s\n")
        if run.problems:
            raise DiagramProblems(run)
        return
    assert view is not None
    parse_view(model, view)  # an unknown view or id is reported before anything is written
    target = view_target(view_slug(view), formats, output)
    if target.file is not None:
        _out(f"wrote {write_view(model, view, target.file, target.format, depth=depth, dot=dot, timeout=timeout)}\n")
        return
    data = view_bytes(model, view, target.format, depth=depth, dot=dot, timeout=timeout, keep_dot=target.keep_dot)
    sys.stdout.buffer.write(data)
    sys.stdout.flush()


# --- architecture document and build ---


class DocFormat(enum.StrEnum):
    html = "html"
    md = "md"
    docx = "docx"
    pdf = "pdf"


TemplatesOpt = Annotated[Path | None, typer.Option(
    "--templates", help="Folder of templates that replace the shipped ones file by file "
    "(same relative paths, e.g. document/md/09-aplikasi.md.j2 or document/template.docx).", show_default=False)]


@command("doc")
def doc_command(
    workspace: WorkspaceArg = Path("."),
    format: Annotated[DocFormat, typer.Option("--format", "-f", help="html, md, docx or pdf.")] = DocFormat.html,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write ('-': standard output, for html and md). "
        "Default: dokumen-arsitektur-spbe.FORMAT here.", show_default=False)] = None,
    templates: TemplatesOpt = None,
) -> None:
    """Write the architecture document (Dokumen Arsitektur SPBE), in Bahasa Indonesia.

    A Markdown document's figures are SVG files in a folder beside it (NAME-gambar/). The date comes from
    document.date in spbe.yaml, else SOURCE_DATE_EPOCH: the same model gives the same bytes.
    """
    from spbe_arch.document import default_output, load_templates, prepare, render_document, write_document
    from spbe_arch.errors import UsageError
    from spbe_arch.validate import validate_workspace

    chosen = load_templates(templates)
    _note_unknown_templates(chosen)
    validation = validate_workspace(workspace)
    data = prepare(validation)
    if output is not None and str(output) == "-":
        if format in (DocFormat.docx, DocFormat.pdf):
            raise UsageError(f"a {format.value.upper()} document cannot go to standard output; give a file with -o")
        sys.stdout.buffer.write(render_document(data, format.value, templates=chosen).content)
        sys.stdout.flush()
    else:
        target = output if output is not None else default_output(format.value)  # type: ignore[arg-type]
        for path in write_document(data, format.value, target, templates=chosen):
            _out(f"wrote {path}\n")
    for note in data.notes():
        typer.echo(f"spbe: note: {note}", err=True)


def _note_unknown_templates(chosen: Any) -> None:
    for name in chosen.unknown_files():
        typer.echo(f"spbe: note: {chosen.user_dir / name} replaces no shipped template (see docs/document.md); "
                   "it is used only where another template includes it", err=True)


def _progress_bar() -> tuple[Callable[[str, int, int], None] | None, Callable[[], None]]:
    """A progress bar on a terminal (stderr), nothing when not a terminal or under CI=true."""
    import os

    if not sys.stderr.isatty() or os.environ.get("CI", "").lower() in ("true", "1"):
        return None, lambda: None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    # no refresh thread (auto_refresh off): the build forks a worker process, which must not copy a running thread
    bar = Progress(TextColumn("{task.description:<24}"), BarColumn(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=True, auto_refresh=False)
    task = bar.add_task("spbe build", total=1)
    bar.start()

    def update(step: str, done: int, total: int) -> None:
        bar.update(task, description=step, completed=done, total=total)
        bar.refresh()

    return update, bar.stop


@command("build")
def build_command(
    workspace: WorkspaceArg = Path("."),
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder to write into (created if missing).")
                      ] = Path("out"),
    templates: TemplatesOpt = None,
) -> None:
    """Validate, then write every output into one folder: the document in HTML, Markdown and DOCX, every
    diagram, the findings, the duplicates report, the statistics, and an index.html linking them.

    Exit code 1 when validation finds errors (everything that can be made is still written), 2 when the
    workspace cannot be loaded.
    """
    from spbe_arch.build import build
    from spbe_arch.document import load_templates

    chosen = load_templates(templates)
    _note_unknown_templates(chosen)
    progress, stop = _progress_bar()
    try:
        result = build(workspace, output, templates=chosen, progress=progress)
    finally:
        stop()
    s = result.summary
    _out(f"wrote {len(result.files) + 1} outputs to {output} (index: {output / 'index.html'})\n"
         f"validation: {s.errors} error(s), {s.warnings} warning(s), {s.infos} info\n")
    for note in result.notes:
        _out(f"note: {note}\n")
    raise typer.Exit(result.exit_code)


# --- Indeks SPBE: score from recorded levels, evidence from the model, what-if ---


class IndeksFormat(enum.StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


@command("indeks")
def indeks_command(
    workspace: WorkspaceArg = Path("."),
    format: Annotated[IndeksFormat, typer.Option("--format", "-f", help="text, json, or the evidence worksheet "
                                                 "(csv, xlsx).")] = IndeksFormat.text,
    after: Annotated[list[str] | None, typer.Option(
        "--after", metavar="ROADMAP-ID", help="What-if: the indicators raised once this roadmap activity is done "
        "(repeatable).", show_default=False)] = None,
    year: Annotated[int | None, typer.Option(
        "--year", help="What-if: every roadmap activity due by this year is done.", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write (required for xlsx). Default: standard output.",
        show_default=False)] = None,
) -> None:
    """Indeks SPBE: the index from the recorded levels, the model's evidence per indicator, and a what-if.

    Levels are read from the workspace's indeks_spbe: section (see docs/indeks.md); without it the evidence is
    still shown. A report, not a check: exit 0, or 2 on bad input. Output in Bahasa Indonesia.
    """
    from spbe_arch.errors import UsageError
    from spbe_arch.indeks import indeks_report

    if format == IndeksFormat.xlsx and output is None:
        raise UsageError("the xlsx worksheet needs a file: give -o FILE.xlsx")
    model = _open(workspace)
    report = indeks_report(model, after or [], year)
    if format == IndeksFormat.xlsx:
        from spbe_arch.fileio import write_bytes_atomic
        from spbe_arch.indeks.xlsx import report_xlsx

        assert output is not None
        write_bytes_atomic(output, report_xlsx(report))
        typer.echo(f"wrote {output}", err=True)
        return
    from spbe_arch.indeks.render import RENDERERS

    _write_or_print(RENDERERS[format.value](report), output)
def main() -> None:
    """Entry point of the ``spbe`` console script.

    Once the command is done and its output flushed, the process ends without freeing the model
    object by object: on a large workspace that teardown alone took two seconds. Nothing is left to
    do at exit (writes are atomic and finished, locks and temporary folders released by the command).
    """
    configure_gc()
    try:
        app()
    except SystemExit as exc:
        code = exc.code
        status = code if isinstance(code, int) else (0 if code is None else 1)
        if not isinstance(code, int) and code is not None:
            print(code, file=sys.stderr)
        _flush_and_leave(status)
    _flush_and_leave(0)


def _flush_and_leave(status: int) -> NoReturn:
    from spbe_arch.fileio import flush_standard_streams

    flush_standard_streams()
    os._exit(status)
