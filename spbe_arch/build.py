"""``spbe build``: every output of a workspace in one folder, with an index.html that links them.

Validation comes first; whatever the model's findings, everything that can be made is written (the
document has a findings chapter), and the result says whether validation found errors.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from spbe_arch.diagrams import write_all
from spbe_arch.document import DocumentFormat, default_output, write_document
from spbe_arch.document.figures import FigureSet
from spbe_arch.document.templating import Templates
from spbe_arch.duplicates import find_duplicates
from spbe_arch.duplicates.render import report_json as duplicates_json
from spbe_arch.duplicates.render import report_markdown as duplicates_markdown
from spbe_arch.errors import SpbeError, WorkspaceError
from spbe_arch.fileio import write_text_atomic
from spbe_arch.staging import signals_raise, staged_folder
from spbe_arch.validate import Summary, validate, validate_workspace
from spbe_arch.workspace import Workspace

Progress = Callable[[str, int, int], None]
DIAGRAM_FORMATS: tuple[str, ...] = ("svg",)
STEPS = ("validasi", "temuan dan statistik", "duplikasi", "dokumen HTML", "dokumen Markdown", "dokumen DOCX",
         "dokumen PDF", "diagram", "indeks")
DOCUMENT_TITLES = {DocumentFormat.html: "Dokumen Arsitektur SPBE (HTML)",
                   DocumentFormat.md: "Dokumen Arsitektur SPBE (Markdown)",
                   DocumentFormat.docx: "Dokumen Arsitektur SPBE (Word)",
                   DocumentFormat.pdf: "Dokumen Arsitektur SPBE (PDF)"}


class BuiltFile(BaseModel):
    path: str  # relative to the output folder, with forward slashes
    title: str
    group: str


class BuildResult(BaseModel):
    """What ``spbe build`` wrote, the validation summary, and what could not be made (and why)."""

    out_dir: str
    government: str | None
    files: list[BuiltFile] = Field(default_factory=list)
    summary: Summary
    loaded: bool = True
    notes: list[str] = Field(default_factory=list)

    @property
    def exit_code(self) -> int:
        if not self.loaded:
            return 2
        return 1 if self.summary.errors else 0


# The workspace the diagram worker reads: a forked process inherits it, a thread shares it (never pickled).
_INHERITED: dict[str, Any] = {}


def _write_diagrams(root: str, folder: str) -> tuple[list[str], list[str]]:
    """Every diagram of the workspace at ``root`` into ``folder``: (files written, notes).

    Runs in a separate process, so that building 150 scenes in Python does not wait for the documents'
    Python work (and the other way round).
    """
    workspace = _INHERITED[root]
    try:
        return [str(p) for p in write_all(workspace, Path(folder), DIAGRAM_FORMATS)], []
    except SpbeError as exc:  # DiagramProblems: the DOT sources are written, some images are not
        run = getattr(exc, "run", None)
        files = [str(p) for p in run.files] if run is not None else []
        return files, [f"Sebagian diagram tidak digambar: {exc.message}"]


class _DiagramWorker:
    """The diagrams, drawn beside the documents: a forked process where the platform has fork (it
    starts at once, with the model loaded), else a thread (a spawned process would start ``spbe``
    again from its ``__main__``). :meth:`stop` ends a process that is still running, so an
    interrupted build leaves no orphan behind."""

    def __init__(self, root: str, folder: str) -> None:
        import multiprocessing

        self._result: tuple[list[str], list[str]] | None = None
        self._process: Any = None
        self._thread: threading.Thread | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._receive, send = context.Pipe(duplex=False)
            self._process = context.Process(target=_worker_main, args=(root, folder, send), daemon=True)
            self._process.start()
            send.close()
        else:
            self._thread = threading.Thread(target=self._run_here, args=(root, folder), daemon=True)
            self._thread.start()

    def _run_here(self, root: str, folder: str) -> None:
        self._result = _write_diagrams(root, folder)

    def result(self) -> tuple[list[str], list[str]]:
        if self._thread is not None:
            self._thread.join()
            return self._result or ([], ["Diagram tidak dibuat: proses gambar berhenti."])
        try:
            outcome: tuple[list[str], list[str]] = self._receive.recv()
        except EOFError:
            outcome = ([], ["Diagram tidak dibuat: proses gambar berhenti."])
        self._process.join()
        return outcome

    def stop(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join(5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()


def _worker_main(root: str, folder: str, send: Any) -> None:
    """The forked worker: default signal handling (Ctrl-C or a stop ends it quietly, with no
    traceback), then the diagrams, sent back through the pipe."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        outcome = _write_diagrams(root, folder)
    except Exception as exc:  # reported in the build's notes, never a traceback
        outcome = ([], [f"Diagram tidak dibuat: {type(exc).__name__}: {exc}"])
    send.send(outcome)
    send.close()


def build(root: str | Path | Workspace, out_dir: str | Path, *, templates: Templates | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Validate the workspace (loaded, or the folder ``root``) and write every output into ``out_dir`` (with
    the shipped templates unless ``templates`` holds a user's overrides).

    All or nothing: the output is made in a hidden folder beside ``out_dir`` and swapped in at the end
    (:mod:`spbe_arch.staging`); an error, SIGINT or SIGTERM leaves the previous output as it was.
    """
    out = Path(out_dir)
    folder = root.root if isinstance(root, Workspace) else Path(root)
    with signals_raise(), staged_folder(out, keep_out=folder) as stage:
        result, problem = _build_into(root, stage, templates, progress)
    result.out_dir = str(out)
    if problem is not None:
        raise WorkspaceError(f"{problem}: the workspace cannot be loaded; the findings are in {out / 'temuan.txt'}")
    return result


def _build_into(root: str | Path | Workspace, out: Path, templates: Templates | None,
                progress: Progress | None) -> tuple[BuildResult, str | None]:
    from spbe_arch.formats import report_json
    from spbe_arch.rules.report_id import report_text_id

    templates = templates if templates is not None else Templates(None)
    total = len(STEPS)

    def step(index: int) -> None:
        if progress is not None:
            progress(STEPS[index], index, total)

    step(0)
    validation = validate(root) if isinstance(root, Workspace) else validate_workspace(root)
    name = validation.report.workspace
    result = BuildResult(out_dir=str(out), government=None, summary=validation.report.summary,
                         loaded=validation.report.loaded)
    step(1)
    _write(out, result, "temuan.json", report_json(validation.report), "Temuan validasi (JSON)", "Validasi")
    _write(out, result, "temuan.txt", report_text_id(validation.report, validation.workspace),
           "Temuan validasi (teks)", "Validasi")
    workspace = validation.workspace
    if workspace is None:
        _index(out, result, templates)
        return result, name
    result.government = workspace.manifest.government.name
    # Made before the diagram worker starts, so that it inherits the report instead of making its own;
    # when the analysis cannot run, the document says why.
    with contextlib.suppress(SpbeError):
        find_duplicates(workspace, language="id")
    _INHERITED.clear()
    _INHERITED[name] = workspace
    worker = _DiagramWorker(name, str(out / "diagram"))
    try:
        from spbe_arch.document import prepare

        data = prepare(validation)  # the statistics and the duplicates report come from here, computed once
        figures = _prerender_in_background(data.figures)
        _write(out, result, "statistik.json", data.stats.model_dump_json(indent=2) + "\n",
               "Statistik model (JSON)", "Statistik")
        step(2)
        _duplicates(out, result, data.duplicates_report, workspace)
        for index, fmt in ((3, DocumentFormat.html), (4, DocumentFormat.md), (5, DocumentFormat.docx),
                           (6, DocumentFormat.pdf)):
            step(index)
            if fmt == DocumentFormat.docx:
                figures.join()  # Word needs the print-size PNGs, drawn meanwhile
            path = out / default_output(fmt)
            write_document(data, fmt, path, templates=templates)  # its figures are not listed in the index
            result.files.append(BuiltFile(path=_rel(out, path), title=DOCUMENT_TITLES[fmt], group="Dokumen"))
        step(7)
        files, notes = worker.result()
        notes = [*data.notes(), *notes]
    finally:
        worker.stop()
        _INHERITED.clear()
    result.notes.extend(notes)
    diagram_index = next((Path(f) for f in files if Path(f).name == "index.html"), None)
    if diagram_index is not None:
        result.files.append(BuiltFile(path=_rel(out, diagram_index), title="Semua diagram (SVG dan DOT)",
                                      group="Diagram"))
    step(8)
    _index(out, result, templates)
    return result, None


def _prerender_in_background(figures: FigureSet) -> threading.Thread:
    """Draw the document's figures (SVG, then the print-size PNG that Word needs) while the HTML and
    Markdown are written: each drawing is a renderer process, so the thread mostly waits. The DOT
    sources are built here first, in this thread, since the views read the model."""
    keys = figures.keys()
    for key in keys:
        figures.dot(key)
    thread = threading.Thread(target=figures.prerender, args=(("svg", "png"),), daemon=True)
    thread.start()
    return thread


def _duplicates(out: Path, result: BuildResult, report: Any, workspace: Any) -> None:
    """The duplicates report the document used (its evidence in Bahasa Indonesia), as JSON and Markdown."""
    if report is None:  # the analysis could not run; the document says why
        return
    _write(out, result, "duplikasi.json", duplicates_json(report, workspace), "Duplikasi aplikasi (JSON)",
           "Duplikasi")
    _write(out, result, "duplikasi.md", duplicates_markdown(report, workspace, "id"),
           "Duplikasi aplikasi (Markdown)", "Duplikasi")


def _write(out: Path, result: BuildResult, name: str, text: str, title: str, group: str) -> None:
    write_text_atomic(out / name, text)
    result.files.append(BuiltFile(path=name, title=title, group=group))


def _rel(out: Path, path: Path) -> str:
    return path.relative_to(out).as_posix()


GROUP_ORDER = ("Dokumen", "Diagram", "Validasi", "Duplikasi", "Statistik")


def _index(out: Path, result: BuildResult, templates: Templates) -> None:
    groups: dict[str, list[BuiltFile]] = {}
    rank = {g: i for i, g in enumerate(GROUP_ORDER)}
    for item in sorted(result.files, key=lambda f: rank.get(f.group, len(rank))):
        groups.setdefault(item.group, []).append(item)
    context: dict[str, Any] = {"result": result, "groups": groups}
    html = templates.render("html", "build/index.html.j2", context)
    write_text_atomic(out / "index.html", html)
