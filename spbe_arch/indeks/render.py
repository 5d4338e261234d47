"""The Indeks report as text, JSON and a CSV worksheet, in Indonesian (the evaluation team reads them)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from spbe_arch.indeks.compute import Score
from spbe_arch.indeks.report import IndeksReport, Row

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
WORKSHEET_COLUMNS = (
    "No", "Domain", "Aspek", "Indikator", "Bobot (%)", "Tingkat Penilaian Mandiri", "Nama Tingkat",
    "Tingkat Hasil Evaluasi", "Tahun Evaluasi", "Bukti Dukung Tercatat", "Bukti dalam Arsitektur SPBE",
    "Tingkat yang Didukung Bukti", "Kriteria Tingkat yang Didukung", "Kekurangan untuk Tingkat Berikutnya",
    "Bagian Dokumen Arsitektur (Bukti Dukung)", "Tingkat Perkiraan Setelah Peta Rencana", "Kegiatan Peta Rencana",
)


def plain(text: object) -> str:
    """One line of model text: control characters and line breaks become spaces."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())


def cell(value: object) -> str:
    """A worksheet cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else plain(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}".replace(".", ",")


def weight(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _score(score: Score) -> str:
    if score.value is None:
        return f"belum dapat dihitung ({score.recorded} dari {score.total} indikator bertingkat)"
    return f"{num(score.value)} ({score.predicate})"


def _header(report: IndeksReport) -> list[str]:
    lines = [f"Indeks SPBE {plain(report.government)}", f"Kumpulan indikator: {report.set_name}"]
    if not report.set_official:
        lines.append("PERHATIAN: kumpulan indikator ini belum dikonfirmasi dengan teks resmi peraturannya.")
    if report.illustrative:
        lines.append("ILUSTRASI: tingkat yang tercatat adalah contoh, bukan hasil penilaian yang sebenarnya.")
    lines.append("")
    for result in report.history:
        lines.append(f"Hasil evaluasi resmi {result.year}: {num(result.score)} ({result.predicate})")
    if not report.levels_recorded:
        lines.append("Tingkat per indikator belum dicatat; bukti dalam arsitektur SPBE tetap disajikan di bawah.")
        return lines
    if report.official_index.recorded:
        year = f" {report.official_year}" if report.official_year else ""
        line = f"Indeks dari tingkat hasil evaluasi{year} yang tercatat: {_score(report.official_index)}"
        match = report.matching_history
        if match is not None and report.official_index.value is not None:
            same = abs(match.score - report.official_index.value) < 0.005
            line += (f"; sesuai dengan hasil resmi {match.year}." if same else
                     f"; BERBEDA dari hasil resmi {match.year} ({num(match.score)}).")
        lines.append(line)
    if report.self_index.recorded:
        year = f" {report.assessment_year}" if report.assessment_year else ""
        lines.append(f"Indeks penilaian mandiri{year}: {_score(report.self_index)}")
    if report.target is not None:
        gap = report.gap
        lines.append(f"Target indeks: {num(report.target)}" + (f"; kekurangan {num(gap)}" if gap and gap > 0 else
                                                                 "; target tercapai" if gap is not None else ""))
    return lines


def _recorded(row: Row) -> str:
    if row.level is None:
        return "belum dicatat"
    parts = [f"{row.level} {row.level_name}" + (" (penilaian mandiri)" if row.self_assessed is not None else
                                                 " (hasil evaluasi)")]
    if row.official is not None and row.self_assessed is not None:
        year = f" {row.official_year}" if row.official_year else ""
        parts.append(f"hasil evaluasi{year}: {row.official}")
    return "; ".join(parts)


def _row_text(row: Row) -> list[str]:
    lines = [f"{row.number:>3}. {row.name} (bobot {weight(row.weight)}%)", f"     Tingkat tercatat: {_recorded(row)}"]
    for ev in row.evidence:
        lines.append(f"     Bukti dalam arsitektur - {ev.title}:")
        lines.extend(f"       {plain(f)}" for f in ev.figures)
        if ev.supported_level is not None:
            lines.append(f"       Didukung sampai tingkat {ev.supported_level} ({ev.basis})")
        if ev.missing:
            lines.append(f"       Kekurangan: {plain(ev.missing)}")
        lines.append(f"       Bukti dukung dalam dokumen arsitektur: {ev.section}")
    if row.supported_level is not None:
        lines.append(f"     Tingkat yang didukung bukti: {row.supported_level} - \"{row.supported_criterion}\"")
    if row.next_level is not None:
        lines.append(f"     Kriteria tingkat {row.next_level}: \"{row.next_criterion}\"")
    if row.bukti_dukung:
        lines.append("     Bukti dukung tercatat: " + "; ".join(plain(b) for b in row.bukti_dukung))
    return lines


def report_text(report: IndeksReport) -> str:
    lines = _header(report)
    related = [r for r in report.rows if r.architecture_related]
    lines += ["", f"Indikator terkait arsitektur ({len(related)}): bukti dalam arsitektur SPBE", ""]
    for row in related:
        lines += [*_row_text(row), ""]
    others = [r for r in report.rows if not r.architecture_related]
    lines.append(f"Indikator lain ({len(others)}): tingkat berasal dari penilaian, tidak dihitung dari arsitektur SPBE")
    for row in others:
        lines.append(f"{row.number:>3}. {row.name}: {_recorded(row)}")
    if report.whatif is not None:
        lines += ["", *_whatif_text(report)]
    lines += ["", f"Sumber: {'; '.join(report.sources)}", f"Catatan: {report.note}"]
    return "\n".join(lines) + "\n"


def _whatif_text(report: IndeksReport) -> list[str]:
    whatif = report.whatif
    assert whatif is not None
    lines = ["Perkiraan setelah kegiatan Peta Rencana (perkiraan, bukan hasil perhitungan):"]
    lines.extend(f"  - {plain(a.name)} ({a.year})" for a in whatif.activities)
    if not whatif.activities:
        lines.append("  (tidak ada kegiatan yang dipilih)")
    base = report.self_index if report.self_index.value is not None else report.official_index
    lines.append(f"Indeks: {_score(base)} menjadi {_score(whatif.index)}")
    rows = {r.number: r for r in report.rows}
    if whatif.raised:
        lines.append("Indikator yang naik:")
    for raised in whatif.raised:
        row = rows[raised.number]
        change = f"{row.level} menjadi {row.projected}" if row.level is not None else "tingkat belum dicatat"
        lines.append(f"  {row.number:>3}. {row.name}: {change}")
        lines.extend(f"       + {plain(a)}" for a in raised.adds)
    return lines


def report_json(report: IndeksReport) -> str:
    payload = report.model_dump(mode="json")
    payload["levels_recorded"] = report.levels_recorded
    payload["gap"] = report.gap
    for row, data in zip(report.rows, payload["rows"], strict=True):
        data["level"] = row.level
        data["architecture_related"] = row.architecture_related
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def worksheet_rows(report: IndeksReport) -> list[list[str]]:
    """The evidence worksheet laid out like the evaluation form: one row per indicator, cells escaped."""
    rows = [list(WORKSHEET_COLUMNS)]
    for row in report.rows:
        evidence = " | ".join(f"{e.title}: {' '.join(e.figures)}" for e in row.evidence)
        rows.append([cell(v) for v in (
            row.number, row.domain or "", row.aspect, row.name, weight(row.weight),
            row.self_assessed if row.self_assessed is not None else "", row.level_name or "",
            row.official if row.official is not None else "", row.official_year or "",
            "; ".join(row.bukti_dukung), evidence,
            row.supported_level if row.supported_level is not None else
            ("tidak dapat dibuktikan dari arsitektur SPBE" if not row.evidence else ""),
            row.supported_criterion or "", " | ".join(e.missing for e in row.evidence if e.missing),
            "; ".join(dict.fromkeys(e.section for e in row.evidence)),
            row.projected if row.projected is not None else "", "; ".join(row.projected_by),
        )])
    return rows


def report_csv(report: IndeksReport) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(worksheet_rows(report))
    return buffer.getvalue()


RENDERERS: dict[str, Callable[[IndeksReport], str]] = {"text": report_text, "json": report_json, "csv": report_csv}
