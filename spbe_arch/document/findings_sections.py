"""Chapter X sections that come from other analyses: duplicate applications and single points of failure."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from spbe_arch.analysis import single_points_of_failure
from spbe_arch.document import labels as L
from spbe_arch.document.index import ModelIndex
from spbe_arch.document.tables import Table, cell, row
from spbe_arch.document.text import angka, desimal
from spbe_arch.duplicates import find_duplicates
from spbe_arch.errors import SpbeError
from spbe_arch.workspace import Workspace

SPOF_LIMIT = 10
KIND_TEXT = {"same_system": "Satu sistem tercatat berulang", "functional": "Sistem berbeda, fungsi sama"}
PAIR_LIMIT = 25
PAIRS_PER_GROUP = 3  # one group of fifteen look-alikes would otherwise fill the table with its own pairs


class DuplicateSection(BaseModel):
    """Duplicate groups and pairs as tables, or the reason they are not available."""

    model_config = {"arbitrary_types_allowed": True}

    available: bool
    report: Any = None  # the DuplicateReport of spbe_arch.duplicates, for other outputs
    reason: str = ""  # why it is not available, in Indonesian, for the document
    detail: str = ""  # the technical cause, in English, for the command line
    groups: Table | None = None
    pairs: Table | None = None
    group_count: int = 0
    pair_count: int = 0
    applications: int = 0  # applications that belong to a group
    national: int = 0  # functional groups whose function has a national application
    same_count: int = 0  # groups of one system listed more than once
    functional_count: int = 0  # groups of different systems serving one function


class SpofSection(BaseModel):
    available: bool
    reason: str = ""
    detail: str = ""
    table: Table | None = None
    count: int = 0


def duplicate_section(workspace: Workspace, ix: ModelIndex) -> DuplicateSection:
    """The duplicates chapter from :func:`spbe_arch.duplicates.find_duplicates`."""
    try:
        report = find_duplicates(workspace, language="id")
    except SpbeError as exc:  # the reader gets Indonesian; the technical cause stays with the section
        return DuplicateSection(available=False, detail=exc.message,
                                reason="pengaturan analisis duplikasi pada model arsitektur belum sesuai")
    groups = list(getattr(report, "groups", []))
    pairs = sorted(getattr(report, "pairs", []), key=lambda p: (-float(p.score), p.a, p.b))
    group_rows = []
    members: set[str] = set()
    national = 0
    for number, item in enumerate(groups, 1):
        apps = list(item.applications)
        kind = getattr(item, "kind", "functional")
        national_app = getattr(item, "national_application", None)
        members.update(a for a in apps if a != national_app or kind == "same_system")
        national_name = getattr(item, "national", None)
        national += 1 if (national_app or national_name) and kind == "functional" else 0
        names = "; ".join(f"{ix.name(a)} ({ix.org_label(_owner(workspace, a))})" for a in apps)
        function = getattr(item, "function", None) or ""  # none known: the names in the row say which system
        group_rows.append(row(
            str(number), KIND_TEXT.get(kind, kind), names,
            named(workspace, function) or "-",
            _national_text(ix, national_app) if national_app else _plain(national_name) or "-",
            named(workspace, getattr(item, "proposal", None) or "") or "-",
        ))
    same = sum(1 for g in groups if getattr(g, "kind", "functional") == "same_system")
    group_table = Table(
        key="kelompok-duplikasi", caption="Kelompok duplikasi aplikasi dan usulannya",
        columns=["No.", "Jenis", "Aplikasi (Pemilik)", "Fungsi", "Aplikasi Nasional", "Usulan"], rows=group_rows,
        align=["right", "left", "left", "left", "left", "left"],
        empty="Analisis tidak menemukan kelompok duplikasi aplikasi.",
    )
    shown = _strongest_by_group(pairs, [list(g.applications) for g in groups])
    pair_rows = [
        row(str(number), ix.ref(p.a), ix.ref(p.b), KIND_TEXT.get(getattr(p, "kind", "functional"), "-"),
            desimal(float(p.score)), named(workspace, _evidence(p.evidence)))
        for number, p in shown
    ]
    more = len(pairs) - len(shown)
    pair_table = Table(
        key="pasangan-duplikasi", caption="Pasangan aplikasi dengan skor kemiripan tertinggi pada setiap kelompok",
        columns=["Kelompok", "Aplikasi", "Aplikasi Pembanding", "Jenis", "Skor", "Bukti"], rows=pair_rows,
        align=["right", "left", "left", "left", "right", "left"],
        note=f"{angka(more)} pasangan lain tercantum dalam laporan duplikasi lengkap." if more > 0 else None,
        empty="Analisis tidak menemukan pasangan aplikasi yang mirip.",
    )
    return DuplicateSection(available=True, report=report, groups=group_table, pairs=pair_table,
                            group_count=len(groups), pair_count=len(pairs), applications=len(members),
                            national=national, same_count=same, functional_count=len(groups) - same)


def _strongest_by_group(pairs: list[Any], groups: list[list[str]]) -> list[tuple[int, Any]]:
    """(group number, pair): the strongest pairs inside each group, in the order of the groups table, so
    that the evidence of every group is shown; a pair outside every group is not a finding of the chapter."""
    shown: list[tuple[int, Any]] = []
    for number, members in enumerate(groups, 1):
        inside = set(members)
        strongest = [p for p in pairs if p.a in inside and p.b in inside][:PAIRS_PER_GROUP]
        shown.extend((number, p) for p in strongest)
    return shown[:PAIR_LIMIT]


def _owner(workspace: Workspace, element_id: str) -> str | None:
    element = workspace.get(element_id)
    return element.owner_id if element is not None else None


def _national_text(ix: ModelIndex, value: Any) -> str:
    if not value:
        return "-"
    if isinstance(value, str):
        return ix.name(value)
    return str(getattr(value, "name", value))


_QUOTED = re.compile(r"`([^`\s]+)`")
_REPEATED = re.compile(r"([^\s(][^()]*?) \(\1\)")
_DOT_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")


def named(workspace: Workspace, text: str) -> str:
    """An analysis text for the document: the ids it quotes replaced by names, decimals with a comma.

    Only a quoted id is replaced: a word of the text that happens to be an id ("sipil" beside an
    application named SIPIL) stays the word."""
    text = _QUOTED.sub(lambda m: workspace.display_name(m.group(1)) if m.group(1) in workspace.elements
                       else m.group(1), text).replace("`", "")
    text = _REPEATED.sub(r"\1", text)  # "Nama (id)" became "Nama (Nama)"
    return _DOT_DECIMAL.sub(r"\1,\2", text)


def _plain(text: str | None) -> str:
    """An analysis text without the backticks it puts around ids (the document escapes text itself)."""
    return (text or "").replace("`", "")


def _evidence(evidence: Any) -> str:
    if isinstance(evidence, str):
        return evidence
    return "; ".join(str(e) for e in evidence) if evidence else "-"


def spof_section(workspace: Workspace, ix: ModelIndex) -> SpofSection:
    """Single points of failure from :func:`spbe_arch.analysis.single_points_of_failure`."""
    try:
        found = single_points_of_failure(workspace, limit=SPOF_LIMIT)
    except SpbeError as exc:
        return SpofSection(available=False, detail=exc.message,
                           reason="model arsitektur belum dapat dianalisis untuk bagian ini")
    rows = []
    for item in found:
        collection = getattr(item, "collection", "")
        kinds = L.INFRASTRUCTURE_KINDS if collection == "infrastructure" else {}
        what = "Infrastruktur" if collection == "infrastructure" else "Aplikasi"
        kind = getattr(item, "kind", None)
        if kind and kinds:
            what = f"{what} ({L.label(kinds, kind)})"
        rows.append(row(
            cell(ix.name(item.id), item.id), what, ix.org_label(getattr(item, "owner", None)),
            angka(len(item.services)), angka(len(item.organizations)), angka(item.elements),
            "Ya" if getattr(item, "articulation_point", False) else "Tidak",
        ))
    table = Table(
        key="titik-kegagalan", caption="Titik kegagalan tunggal",
        columns=["Elemen", "Jenis", "Pemilik", "Layanan Terhenti", "Perangkat Daerah Terdampak", "Elemen Terdampak",
                 "Titik Artikulasi"],
        rows=rows, align=["left", "left", "left", "right", "right", "right", "center"],
        empty="Tidak ada infrastruktur atau aplikasi yang kegagalannya menghentikan layanan.",
    )
    return SpofSection(available=True, table=table, count=len(rows))
