"""The "Kondisi SPBE" section of the architecture document: data, evidence table and trend figure.

Kept apart from the chapter templates so that the section can move: the document calls
:func:`kondisi_spbe` and places :data:`TREND_FIGURE` drawn by :func:`trend_dot`; the templates
``document/*/kondisi-spbe.*.j2`` render it.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from spbe_arch.document.tables import Table, row
from spbe_arch.errors import SpbeError
from spbe_arch.indeks.compute import predicate
from spbe_arch.indeks.report import IndeksReport, OfficialResult, indeks_report
from spbe_arch.workspace import Workspace

TREND_FIGURE = "tren-indeks-spbe"
TREND_CAPTION = "Indeks SPBE hasil evaluasi, penilaian mandiri, dan target"
BAR_PX = 260  # width of a bar at index 5
COLOURS = {"resmi": "#2F5597", "mandiri": "#8FAADC", "target": "#C9C9C9"}


def _desimal(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}".replace(".", ",")


class KondisiSpbe(BaseModel):
    """What the section says: results, self-assessment, target and the evidence per indicator."""

    set_name: str = ""
    set_official: bool = True
    illustrative: bool = False
    levels_recorded: bool = False
    problem: str | None = None  # why the recorded levels cannot be used (the section says so)
    history: list[OfficialResult] = Field(default_factory=list)
    self_score: float | None = None
    self_predicate: str | None = None
    assessment_year: int | None = None
    target: float | None = None
    gap: float | None = None
    evidence: Table | None = None

    @property
    def last_official(self) -> OfficialResult | None:
        return self.history[-1] if self.history else None

    @property
    def has_trend(self) -> bool:
        return bool(self.history) or self.self_score is not None


def evidence_table(report: IndeksReport) -> Table:
    """One row per architecture-related indicator: recorded level, what the model shows, what is missing."""
    rows = []
    for item in report.rows:
        if not item.evidence:
            continue
        recorded = f"{item.level} ({item.level_name})" if item.level is not None else "belum dinilai"
        supported = str(item.supported_level) if item.supported_level is not None else "-"
        rows.append(row(
            item.number, item.name, recorded, supported, " ".join(f for e in item.evidence for f in e.figures[:1]),
            "; ".join(e.missing for e in item.evidence if e.missing),
            "; ".join(dict.fromkeys(e.section for e in item.evidence)),
        ))
    return Table(
        key="indeks_bukti", caption="Bukti dalam arsitektur SPBE untuk indikator Indeks SPBE",
        columns=["No", "Indikator", "Tingkat Tercatat", "Didukung Bukti", "Bukti dalam Arsitektur", "Kekurangan",
                 "Bukti Dukung"],
        rows=rows, align=["right", "left", "center", "center", "left", "left", "left"],
        empty="Arsitektur SPBE belum mencatat bukti untuk indikator Indeks SPBE.",
        note=("Tingkat yang didukung bukti ditentukan dari isi arsitektur SPBE dengan ambang konvensi, bukan "
              "ketentuan peraturan, dan daftar aplikasi nasional per indikator bersifat sementara; tingkat "
              "tercatat berasal dari penilaian mandiri atau hasil evaluasi."),
    )


def kondisi_spbe(workspace: Workspace) -> KondisiSpbe:
    """The section's content; a recorded level that cannot be used is reported in the text, not raised."""
    history = [OfficialResult(year=h.year, score=h.score, predicate=predicate(h.score))
               for h in sorted(workspace.manifest.spbe_index, key=lambda h: h.year)]
    try:
        report = indeks_report(workspace)
    except SpbeError as exc:
        return KondisiSpbe(history=history, problem=exc.message.splitlines()[0])
    return KondisiSpbe(
        set_name=report.set_name, set_official=report.set_official, illustrative=report.illustrative,
        levels_recorded=report.levels_recorded, history=report.history, self_score=report.self_index.value,
        self_predicate=report.self_index.predicate, assessment_year=report.assessment_year, target=report.target,
        gap=report.gap, evidence=evidence_table(report),
    )


def trend_dot(kondisi: KondisiSpbe) -> str | None:
    """A small bar chart (Graphviz HTML table) of the official results, the self-assessment and the target."""
    bars = [(str(h.year), h.score, f"{_desimal(h.score)} ({h.predicate})", "resmi") for h in kondisi.history]
    if kondisi.self_score is not None:
        year = f"{kondisi.assessment_year} " if kondisi.assessment_year else ""
        bars.append((f"{year}(mandiri)", kondisi.self_score, f"{_desimal(kondisi.self_score)} "
                     f"({kondisi.self_predicate})", "mandiri"))
    if kondisi.target is not None:
        bars.append(("Target", kondisi.target, _desimal(kondisi.target), "target"))
    if not bars:
        return None
    rows = []
    for label, score, text, kind in bars:
        width = max(1, round(score / 5 * BAR_PX))
        rest = BAR_PX - width + 1
        rows.append(
            f'<TR><TD ALIGN="RIGHT">{label}</TD><TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="16" BGCOLOR="{COLOURS[kind]}"></TD>'
            f'<TD FIXEDSIZE="TRUE" WIDTH="{rest}" HEIGHT="16"></TD></TR></TABLE></TD>'
            f'<TD ALIGN="LEFT">{text}</TD></TR>')
    table = "".join(rows)
    return ('digraph tren {\n  graph [margin=0.1, bgcolor="white"];\n'
            '  node [shape=plaintext, fontname="Helvetica", fontsize=10];\n'
            f'  tren [label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3">{table}</TABLE>>];\n}}\n')
