"""Rules where the model contradicts a recorded Indeks SPBE level (IX001-IX002); IX000 is reported while
loading (and by ``spbe indeks``) when the Indeks section itself cannot be used.

A level claimed far above what the model's evidence supports is worth a second look before the
evaluation: the evaluators ask for the same evidence. Each hit sits on an element that shows the gap
and names where the level is recorded.
"""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.errors import SpbeError
from spbe_arch.indeks.reference import load_set
from spbe_arch.indeks.report import IndeksReport, indeks_report
from spbe_arch.indeks.section import SECTION_KEY, read_section
from spbe_arch.rules.registry import FAMILIES, Context, Hit, register, rule
from spbe_arch.workspace import Workspace

FAMILIES.setdefault("IX", "indeks spbe: recorded levels against the model's evidence")
MARGIN = 2  # levels above the evidence before IX001 speaks

register("IX000", "invalid-indeks-section", "error", "the Indeks SPBE section cannot be used",
         """The `indeks_spbe:` section (docs/indeks.md) records the Pemda's levels per indicator. Loading the
         workspace reports, and `spbe indeks` refuses, with file, line and column, a section where an
         indicator number is not in the selected set (`indeks: {set: ...}` in spbe.yaml) or is recorded
         twice, a level is outside 1-5, custom `weights` do not sum to 100, or a year (assessment,
         evaluation, `spbe_index`) lies after the document date (else today).""")

def _report(ws: Workspace) -> IndeksReport | None:
    """The Indeks report of ``ws`` (computed once per workspace for both rules), or None when no levels
    are recorded or the section cannot be used (reported as IX000)."""
    if SECTION_KEY not in ws.sections:
        return None

    def compute() -> IndeksReport | None:
        try:
            return indeks_report(ws)
        except SpbeError:  # reported by validation (IX000)
            return None

    return ws.derived("indeks-report", compute)


def _where(ws: Workspace, number: int, key: str) -> str:
    return read_section(ws, load_set(ws.manifest.indeks.set)).where(number, key)


@rule("IX001", "level-above-evidence", "warning",
      "a recorded Indeks level is well above what the model's evidence supports",
      f"""For the indicators the model can speak to (integration through the SPLP, hosting in a national or
      consolidated data centre, use of national applications, data producers, completeness of the six
      domains, the Peta Rencana, security categories), `spbe indeks` derives the level the evidence supports
      (the thresholds are spbe-arch's convention, docs/indeks.md). A recorded level {MARGIN} or more above it
      (for example level 4 for the SPLP while most integrations between OPDs are point to point) is reported
      on an element that shows the gap. Raise the evidence in the model, or lower the recorded level.""")
def level_above_evidence(ctx: Context) -> Iterator[Hit]:
    report = _report(ctx.workspace)
    if report is None:
        return
    for row in report.rows:
        if row.level is None or row.supported_level is None or row.level - row.supported_level < MARGIN:
            continue
        key = "self_assessed" if row.self_assessed is not None else "official"
        example = next((e.examples[0] for e in row.evidence if e.examples), None)
        if example is None:
            continue
        gaps = "; ".join(e.figures[0] for e in row.evidence if e.figures)
        yield Hit(example, f"indicator {row.number} ({row.name}) is recorded at level {row.level} "
                  f"({_where(ctx.workspace, row.number, key)}) but the model supports level {row.supported_level}: "
                  f"{gaps}", (), {"nomor": row.number, "indikator": row.name, "tercatat": row.level,
                                  "didukung": row.supported_level, "bukti": gaps})


@rule("IX002", "national-application-level-without-use", "warning",
      "a service indicator is recorded at level 3 or more while local applications replace the national one",
      """A service indicator whose national application (SRIKANDI for dynamic archives, SP4N-LAPOR! for
      complaints, SPSE for procurement, SIASN for personnel, ...) is not in the model while local
      applications perform its function cannot show the evaluators a level of Transaksi or above through the
      national service. Record the national application and who uses it, or review the level.""")
def national_level_without_use(ctx: Context) -> Iterator[Hit]:
    report = _report(ctx.workspace)
    if report is None:
        return
    for row in report.rows:
        if row.level is None or row.level < 3:
            continue
        for evidence in row.evidence:
            if evidence.kind == "aplikasi-umum" and evidence.supported_level is None and evidence.examples:
                key = "self_assessed" if row.self_assessed is not None else "official"
                yield Hit(evidence.examples[0], f"indicator {row.number} ({row.name}) is recorded at level "
                          f"{row.level} ({_where(ctx.workspace, row.number, key)}) but the model has no national "
                          f"application for it, only local ones: {'; '.join(evidence.figures)}", (),
                          {"nomor": row.number, "indikator": row.name, "tercatat": row.level,
                           "bukti": "; ".join(evidence.figures)})
