"""Validation findings in Bahasa Indonesia: the text of ``spbe validate --lang id`` and of ``temuan.txt``."""

from __future__ import annotations

from spbe_arch.findings import Finding
from spbe_arch.rules.messages_id import SEVERITY_ID, message_id
from spbe_arch.validate import Report
from spbe_arch.workspace import Workspace

KIND_ID = {
    "organizations": "perangkat daerah", "processes": "proses bisnis", "services": "layanan", "data": "data",
    "applications": "aplikasi", "infrastructure": "infrastruktur", "security": "kontrol keamanan",
    "roadmap": "kegiatan",
}


class Namer:
    """Element ids to names (and kinds) of one workspace; an id the workspace lacks is shown as written."""

    def __init__(self, workspace: Workspace | None) -> None:
        self.workspace = workspace

    def name(self, element_id: str) -> str:
        return self.workspace.display_name(element_id) if self.workspace is not None else element_id

    def kind(self, element_id: str) -> str:
        element = self.workspace.get(element_id) if self.workspace is not None else None
        return KIND_ID.get(element.COLLECTION, "elemen") if element is not None else "elemen"

    def message(self, finding: Finding) -> str:
        return message_id(finding, self.name, self.kind)


def report_text_id(report: Report, workspace: Workspace | None) -> str:
    """One line per finding (place, level, code, Indonesian message), then a summary line."""
    namer = Namer(workspace)
    lines = [f"{f.position}: {SEVERITY_ID[f.severity]} {f.rule} {namer.message(f)}" for f in report.findings]
    s = report.summary
    status = "tidak sah" if s.errors else ("sah, dengan temuan" if report.findings else "sah")
    lines.append(f"{report.workspace}: {status}: {s.errors} kesalahan, {s.warnings} peringatan, {s.infos} informasi "
                 f"dalam {s.files} berkas, {s.elements} elemen")
    return "\n".join(lines) + "\n"
