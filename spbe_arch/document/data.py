"""Everything the document templates read, collected once from a validated workspace."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spbe_arch.document.analysis_tables import AnalysisTables
from spbe_arch.document.domain_tables import DomainTables
from spbe_arch.document.figures import (
    FigureSet,
    FigureSpec,
    diagram_renderer,
    domain_relations_dot,
    roadmap_timeline_dot,
)
from spbe_arch.document.findings_sections import DuplicateSection, SpofSection, duplicate_section, spof_section
from spbe_arch.document.front import FrontMatter, front_matter
from spbe_arch.document.index import ModelIndex
from spbe_arch.document.labels import PREDICATES, SUBSTANCES, label
from spbe_arch.document.tables import Table
from spbe_arch.document.text import paragraphs, tanggal
from spbe_arch.document.views import diagram_specs
from spbe_arch.errors import SpbeError, WorkspaceError
from spbe_arch.extensions import workspace_catalogue
from spbe_arch.model import Manifest
from spbe_arch.reference import Catalogue
from spbe_arch.stats import Stats, compute_stats
from spbe_arch.validate import Report, Validation
from spbe_arch.workspace import Workspace

Progress = Callable[[str], None]

CATALOGUE_TITLES = {
    "perpres-132-2022": "Referensi Arsitektur SPBE Nasional dalam Peraturan Presiden Nomor 132 Tahun 2022",
}

GOVERNMENT_KINDS = {
    "kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi", "kementerian": "Kementerian",
    "lembaga": "Lembaga",
}


@dataclass
class DocumentData:
    """The model, its analyses and every table and figure, as the templates see them (``doc``)."""

    workspace: Workspace
    manifest: Manifest
    report: Report
    stats: Stats
    catalogue: Catalogue
    date: dt.date
    tables: dict[str, Table]
    matrices: dict[str, list[Table]]
    code_tables: list[Table]
    element_lists: list[Table]
    figures: FigureSet
    duplicates: DuplicateSection
    spof: SpofSection
    n: dict[str, int]
    index: ModelIndex = field(repr=False)
    kondisi_spbe: Any = None  # spbe_arch.indeks.kondisi.KondisiSpbe: the "Kondisi SPBE" section
    front: FrontMatter | None = field(default=None, repr=False)  # pengesahan, pengantar, arah kebijakan, penutup
    cache: dict[Any, Any] = field(default_factory=dict, repr=False)  # renderings shared by formats (Word, PDF)

    def notes(self) -> list[str]:
        """Why a part of the document could not be made, in English, for the command line: the document
        itself only says, in Indonesian, that the part is not available."""
        found = [f"duplicate analysis not in the document: {self.duplicates.detail}"] if self.duplicates.detail else []
        if self.spof.detail:
            found.append(f"single points of failure not in the document: {self.spof.detail}")
        details = sorted(self.figures.details.items())
        found.extend(f"figure {key} not in the document: {detail}" for key, detail in details)
        return found

    @property
    def duplicates_report(self) -> Any:
        """The duplicate finder's report (None when that analysis is not available)."""
        return self.duplicates.report

    @property
    def government(self) -> str:
        return self.manifest.government.name

    @property
    def government_kind(self) -> str:
        return GOVERNMENT_KINDS.get(self.manifest.government.kind, self.manifest.government.kind)

    @property
    def title(self) -> str:
        return self.manifest.document.title or f"Dokumen Arsitektur SPBE {self.government}"

    @property
    def subtitle(self) -> str:
        if self.manifest.document.subtitle:
            return self.manifest.document.subtitle
        period = self.manifest.period
        if period is None or str(period.start) in self.title:  # the title already names the period
            return "Arsitektur Sistem Pemerintahan Berbasis Elektronik"
        return f"Periode {self.period}"

    @property
    def period(self) -> str:
        period = self.manifest.period
        return f"{period.start}–{period.end}" if period else ""

    @property
    def catalogue_title(self) -> str:
        """The reference catalogue as a reader knows it (by its regulation), not by its file name."""
        return CATALOGUE_TITLES.get(self.catalogue.version, "Referensi Arsitektur SPBE yang berlaku")

    @property
    def provisional_domains(self) -> list[str]:
        """Reference domains whose codes are provisional (numbered here, not yet checked against an official table)."""
        return sorted(d for d, sources in self.catalogue.sources.items()
                      if any("unconfirmed" in s or "sementara" in s for s in sources))

    @property
    def date_text(self) -> str:
        return tanggal(self.date)

    @property
    def version(self) -> str:
        return self.manifest.document.version or ""

    @property
    def notice(self) -> str:
        """A line for the cover, such as that the architecture is an illustrative example."""
        return self.manifest.document.notice or ""

    @property
    def authors(self) -> list[str]:
        return list(self.manifest.document.authors)

    @property
    def background(self) -> list[str]:
        return paragraphs(self.manifest.document.background or "")

    @property
    def spbe_index(self) -> list[dict[str, Any]]:
        from spbe_arch.document.domain_tables import predicate_for

        return [
            {"year": i.year, "score": i.score, "predicate": PREDICATES[i.predicate or predicate_for(i.score)]}
            for i in sorted(self.manifest.spbe_index, key=lambda i: i.year)
        ]

    @property
    def latest_index(self) -> dict[str, Any] | None:
        return self.spbe_index[-1] if self.spbe_index else None


def document_date(workspace: Workspace) -> dt.date:
    """The document's date: the manifest's ``document.date``, else ``SOURCE_DATE_EPOCH``, else the newest model file.

    Never the clock, so that the same model gives the same document.
    """
    if workspace.manifest.document.date is not None:
        return workspace.manifest.document.date
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise SpbeError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970") from None
    files = [workspace.root / workspace.manifest_file, *(workspace.root / f for f in workspace.files)]
    newest = max((p.stat().st_mtime for p in files if p.is_file()), default=0.0)
    return dt.datetime.fromtimestamp(newest, tz=dt.UTC).date()


def collect(validation: Validation, progress: Progress | None = None) -> DocumentData:
    """Collect the document data of a validated workspace (which may have findings, even errors)."""
    workspace = validation.workspace
    if workspace is None:
        problems = [f.format_line() for f in validation.report.findings if f.severity == "error"]
        shown = "\n".join(problems[:20]) + (f"\n... and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise WorkspaceError(f"{validation.report.workspace}: the workspace cannot be loaded, so no document can "
                             f"be made:\n{shown}")
    step = progress or (lambda _message: None)
    catalogue = validation.context.catalogue if validation.context is not None else workspace_catalogue(workspace)
    step("statistik dan tabel")
    stats = compute_stats(workspace, catalogue)
    index = ModelIndex(workspace)
    domain = DomainTables(index, catalogue, stats)
    analysis = AnalysisTables(index, catalogue, stats, validation.report)
    tables = {**domain.all(), **analysis.all()}
    step("analisis duplikasi dan titik kegagalan")
    duplicates = duplicate_section(workspace, index)
    spof = spof_section(workspace, index)  # on the graph validation built (cached per workspace)
    renderer, reason = diagram_renderer()
    from spbe_arch.indeks.kondisi import TREND_CAPTION, TREND_FIGURE, kondisi_spbe, trend_dot

    kondisi = kondisi_spbe(workspace)
    specs = [
        FigureSpec("relasi-domain", "Keterkaitan antardomain arsitektur",
                   lambda: domain_relations_dot(domain.relation_counts, stats.counts)),
        FigureSpec(TREND_FIGURE, TREND_CAPTION, lambda: trend_dot(kondisi)),
        *diagram_specs(workspace),
        FigureSpec("linimasa-peta-rencana", "Linimasa kegiatan Peta Rencana SPBE per tahun",
                   lambda: roadmap_timeline_dot([(a.year, a.name, label(SUBSTANCES, a.substance))
                                                 for a in workspace.roadmap])),
    ]
    front = front_matter(workspace, index)
    numbers = _numbers(workspace, index, validation.report)
    numbers["opd"], numbers["unit_kerja"] = front.pd_count, front.unit_count
    return DocumentData(
        workspace=workspace, manifest=workspace.manifest, report=validation.report, stats=stats, catalogue=catalogue,
        date=document_date(workspace), tables=tables, matrices=domain.matrices(), code_tables=analysis.code_tables(),
        element_lists=analysis.element_lists(), figures=FigureSet(specs, renderer, reason), duplicates=duplicates,
        spof=spof, n=numbers, index=index, front=front, kondisi_spbe=kondisi,
    )


def _numbers(ws: Workspace, ix: ModelIndex, report: Report) -> dict[str, int]:
    """Counts the chapters quote in their sentences."""
    apps = ws.applications
    integrations = [(a, i) for a in apps for i in a.integrations]
    cross = [
        (a, i) for a, i in integrations
        if (t := ws.get(i.target)) is not None and t.owner_id != a.owner
    ]
    return {
        "opd": len(ix.opd),
        "instansi_pusat": len(ix.organizations) - len(ix.opd),
        "proses": len(ws.processes),
        "proses_inti": sum(1 for p in ws.processes if p.kind == "inti"),
        "proses_manajemen": sum(1 for p in ws.processes if p.kind == "manajemen"),
        "proses_pendukung": sum(1 for p in ws.processes if p.kind == "pendukung"),
        "layanan": len(ws.services),
        "layanan_publik": sum(1 for s in ws.services if s.kind == "publik"),
        "layanan_administrasi": sum(1 for s in ws.services if s.kind == "administrasi"),
        "data": len(ws.data),
        "data_induk": sum(1 for d in ws.data if d.master),
        "data_tanpa_produsen": sum(1 for d in ws.data if d.producer is None and not ws.is_central(d.owner)),
        "aplikasi": len(apps),
        "aplikasi_umum": sum(1 for a in apps if a.kind == "umum"),
        "aplikasi_khusus": sum(1 for a in apps if a.kind == "khusus"),
        "aplikasi_nasional": sum(1 for a in apps if a.source == "nasional"),
        "aplikasi_lokal": sum(1 for a in apps if a.source == "lokal"),
        "integrasi": len(integrations),
        "integrasi_antar_opd": len(cross),
        "integrasi_titik_ke_titik": sum(1 for _, i in cross if i.via is None),
        "infrastruktur": len(ws.infrastructure),
        "pusat_data": sum(1 for i in ws.infrastructure if i.kind == "pusat-data"),
        "keamanan": len(ws.security),
        "aplikasi_strategis": sum(1 for a in apps if a.security_category == "strategis"),
        "kegiatan": len(ws.roadmap),
        "anggaran": sum(a.budget or 0 for a in ws.roadmap),
        "temuan": len(report.findings),
        "galat": report.summary.errors,
        "peringatan": report.summary.warnings,
        "informasi": report.summary.infos,
        "elemen": len(ws.elements),
    }


