"""``spbe build``: every output of a workspace in one folder, with an index.html that links them.

Validation comes first; whatever the model's findings, everything that can be made is written (the
document has a findings chapter), and the result says whether validation found errors.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from spbe_arch.diagrams import write_all
from spbe_arch.document import DocumentFormat, default_output, write_document
from spbe_arch.document.templating import Templates
from spbe_arch.duplicates import find_duplicates
from spbe_arch.duplicates.render import report_json as duplicates_json
from spbe_arch.duplicates.render import report_markdown as duplicates_markdown
from spbe_arch.errors import SpbeError, WorkspaceError
from spbe_arch.fileio import write_text_atomic
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


def _diagram_executor() -> Any:
    """A forked worker process where the platform has fork (it starts at once, with the model loaded);
    elsewhere a thread, since a spawned process would start ``spbe`` again from its ``__main__``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods():
        return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
    return ThreadPoolExecutor(max_workers=1)


def build(root: str | Path | Workspace, out_dir: str | Path, *, templates: Templates | None = None,
          progress: Progress | None = None) -> BuildResult:
    """Validate the workspace (loaded, or the folder ``root``) and write every output into ``out_dir`` (with the
    shipped templates unless ``templates`` holds a user's overrides)."""
    from spbe_arch.formats import report_json
    from spbe_arch.rules.report_id import report_text_id

    out = Path(out_dir)
    templates = templates if templates is not None else Templates(None)
    total = len(STEPS)

    def step(index: int) -> None:
        if progress is not None:
            progress(STEPS[index], index, total)

    step(0)
    validation = validate(root) if isinstance(root, Workspace) else validate_workspace(root)
    name = validation.report.workspace
    out.mkdir(parents=True, exist_ok=True)
    result = BuildResult(out_dir=str(out), government=None, summary=validation.report.summary,
                         loaded=validation.report.loaded)
    step(1)
    _write(out, result, "temuan.json", report_json(validation.report), "Temuan validasi (JSON)", "Validasi")
    _write(out, result, "temuan.txt", report_text_id(validation.report, validation.workspace),
           "Temuan validasi (teks)", "Validasi")
    workspace = validation.workspace
    if workspace is None:
        _index(out, result, templates)
        raise WorkspaceError(f"{name}: the workspace cannot be loaded; the findings are in {out / 'temuan.txt'}")
    result.government = workspace.manifest.government.name
    # Made before the diagram worker starts, so that it inherits the report instead of making its own;
    # when the analysis cannot run, the document says why.
    with contextlib.suppress(SpbeError):
        find_duplicates(workspace, language="id")
    _INHERITED.clear()
    _INHERITED[name] = workspace
    executor = _diagram_executor()
    diagrams = executor.submit(_write_diagrams, name, str(out / "diagram"))
    try:
        from spbe_arch.document import prepare

        data = prepare(validation)  # the statistics and the duplicates report come from here, computed once
        _write(out, result, "statistik.json", data.stats.model_dump_json(indent=2) + "\n",
               "Statistik model (JSON)", "Statistik")
        step(2)
        _duplicates(out, result, data.duplicates_report, workspace)
        for index, fmt in ((3, DocumentFormat.html), (4, DocumentFormat.md), (5, DocumentFormat.docx),
                           (6, DocumentFormat.pdf)):
            step(index)
            path = out / default_output(fmt)
            write_document(data, fmt, path, templates=templates)  # its figures are not listed in the index
            result.files.append(BuiltFile(path=_rel(out, path), title=DOCUMENT_TITLES[fmt], group="Dokumen"))
    finally:
        step(7)
        executor.shutdown(wait=True)
        _INHERITED.clear()
    files, notes = diagrams.result()
    result.notes.extend(notes)
    diagram_index = next((Path(f) for f in files if Path(f).name == "index.html"), None)
    if diagram_index is not None:
        result.files.append(BuiltFile(path=_rel(out, diagram_index), title="Semua diagram (SVG dan DOT)",
                                      group="Diagram"))
    step(8)
    _index(out, result, templates)
    return result


def _duplicates(out: Path, result: BuildResult, report: Any, workspace: Any) -> None:
    """The duplicates report the document used (its evidence in Bahasa Indonesia), as JSON and Markdown."""
    if report is None:  # the analysis could not run; the document says why
        return
    _write(out, result, "duplikasi.json", duplicates_json(report, workspace), "Duplikasi aplikasi (JSON)",
           "Duplikasi")
    _write(out, result, "duplikasi.md", duplicates_markdown(report, workspace),
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
