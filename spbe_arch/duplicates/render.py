"""Renderers of a duplicate report: text, JSON, CSV and Markdown, each escaping the model's text."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable

from spbe_arch import textsafe
from spbe_arch.duplicates.report import DuplicateReport, Group, Pair
from spbe_arch.workspace import Workspace

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def _plain(text: str) -> str:
    """One line of terminal text: no control or bidi characters, no line breaks."""
    return textsafe.strip_control(text)


def _md(text: str) -> str:
    """Markdown-safe text: every character that Markdown or HTML would read is escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _plain(text))


def _md_with_code(text: str) -> str:
    """Evidence and proposals quote ids in backticks: keep those as code, escape the rest."""
    parts = text.split("`")
    out = []
    for index, part in enumerate(parts):
        if index % 2 and index < len(parts) - 1:
            out.append(f"`{_plain(part).replace('`', '')}`")
        else:
            out.append(_md(part))
    return "".join(out)


def _cell(text: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    return textsafe.csv_cell(_plain(text))


def _label(workspace: Workspace | None, app_id: str) -> tuple[str, str]:
    if workspace is None:
        return "", ""
    return workspace.display_name(app_id), workspace.owner_label(app_id) or ""


KIND_LABELS = {"same_system": "same system (one system listed more than once)",
               "functional": "functional (different systems, one job)"}


def _pairs_by_group(report: DuplicateReport) -> dict[str, list[Pair]]:
    """The pairs of each group: both members in it, and of its kind (an application can be in a
    same-system group and a functional group at once)."""
    owner = {(a, g.kind): g.id for g in report.groups for a in g.applications}
    result: dict[str, list[Pair]] = {}
    for pair in report.pairs:
        group = owner.get((pair.a, pair.kind))
        if group is not None and owner.get((pair.b, pair.kind)) == group:
            result.setdefault(group, []).append(pair)
    return result


def _summary(report: DuplicateReport) -> str:
    same = sum(1 for g in report.groups if g.kind == "same_system")
    copies = sum(1 for g in report.groups if (g.national_application or g.national) and g.kind == "functional")
    return (f"{len(report.groups)} group(s) ({same} same system, {len(report.groups) - same} functional), "
            f"{len(report.pairs)} pair(s) at threshold {report.threshold:g}; "
            f"{copies} functional group(s) with a national application")


def report_text(report: DuplicateReport, workspace: Workspace | None = None) -> str:
    lines = [_summary(report)]
    pairs = _pairs_by_group(report)
    for group in report.groups:
        lines.append("")
        lines.append(f"{group.id}: {_plain(group.function)} ({len(group.applications)} application(s))")
        lines.append(f"  kind: {KIND_LABELS[group.kind]}")
        for app_id in group.applications:
            name, owner = _label(workspace, app_id)
            shown = (f"  {_plain(name)}" if name else "") + (f"  [{_plain(owner)}]" if owner else "")
            lines.append(f"  {app_id}{shown}")
        if group.national_application or group.national:
            lines.append(f"  national application: {group.national_application or _plain(group.national or '')}")
        lines.append(f"  proposal: {_plain(group.proposal)}")
        for pair in pairs.get(group.id, []):
            lines.append(f"  {pair.score:.3f}  {pair.a} ~ {pair.b}")
            lines.extend(f"         - {_plain(e)}" for e in pair.evidence)
    return "\n".join(lines) + "\n"


def report_json(report: DuplicateReport, workspace: Workspace | None = None) -> str:
    return json.dumps(report.model_dump(), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("group", "kind", "function", "score", "a", "a_name", "a_owner", "b", "b_name", "b_owner", "evidence",
               "proposal")


def report_csv(report: DuplicateReport, workspace: Workspace | None = None) -> str:
    """One row per pair, and one per application of a group without a pair (a lone copy of a national
    application, whose `b` is that application)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    pairs = _pairs_by_group(report)
    groups: dict[str, Group] = {g.id: g for g in report.groups}
    for group_id, group in groups.items():
        listed = pairs.get(group_id, [])
        rows: list[tuple[str, str, str, str]] = [(f"{p.score:.3f}", p.a, p.b, "; ".join(p.evidence)) for p in listed]
        paired = {x for p in listed for x in (p.a, p.b)}
        rows.extend(("", a, group.national_application or "", "") for a in group.applications if a not in paired)
        for score, a, b, evidence in rows:
            a_name, a_owner = _label(workspace, a)
            b_name, b_owner = _label(workspace, b) if b else ("", "")
            writer.writerow([_cell(v) for v in (group_id, group.kind, group.function, score, a, a_name, a_owner, b,
                                                 b_name, b_owner, evidence, group.proposal)])
    return buffer.getvalue()


def report_markdown(report: DuplicateReport, workspace: Workspace | None = None) -> str:
    lines = ["# Duplicate applications", "", _md(_summary(report)) + "."]
    pairs = _pairs_by_group(report)
    for group in report.groups:
        lines += ["", f"## {_md(group.id)}: {_md(group.function)}", "", f"Kind: {KIND_LABELS[group.kind]}.", ""]
        lines += ["| application | name | owner |", "|---|---|---|"]
        for app_id in group.applications:
            name, owner = _label(workspace, app_id)
            lines.append(f"| `{app_id}` | {_md(name)} | {_md(owner)} |")
        lines.append("")
        if group.national_application:
            lines.append(f"National application: `{group.national_application}`.")
            lines.append("")
        elif group.national:
            lines.append(f"National application: {_md(group.national)}.")
            lines.append("")
        lines.append(f"**Proposal.** {_md_with_code(group.proposal)}")
        for pair in pairs.get(group.id, []):
            lines += ["", f"- **{pair.score:.3f}** `{pair.a}` ~ `{pair.b}`"]
            lines.extend(f"  - {_md_with_code(e)}" for e in pair.evidence)
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[DuplicateReport, Workspace | None], str]] = {
    "text": report_text,
    "json": report_json,
    "csv": report_csv,
    "md": report_markdown,
}
