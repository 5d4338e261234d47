"""Renderers of a duplicate report: text, JSON, CSV and Markdown, each escaping the model's text."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable

from spbe_arch import textsafe
from spbe_arch.duplicates.report import DuplicateReport, Group, Pair
from spbe_arch.numbers_id import desimal
from spbe_arch.workspace import Workspace

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def _plain(text: str) -> str:
    """One line of terminal text: no control or bidi characters, no line breaks."""
    return textsafe.strip_control(text)


def _md(text: str) -> str:
    """Markdown-safe text: every character that Markdown or HTML would read is escaped."""
    return _MD_SPECIAL.sub(r"\\\1", _plain(text))


def _heading(title: str) -> str:
    """A group's title as a heading: a function named in lower case ("buku tamu") opens with a capital;
    a name as written ("e-Office", "SIMPEG") stays as it is."""
    return title[0].upper() + title[1:] if title[:2].isalpha() and title[:2].islower() else title


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
# the words of the text and Markdown reports, per language of the evidence and proposals
WORDS: dict[str, dict[str, str]] = {
    "en": {"title": "Duplicate applications", "kind": "kind", "Kind": "Kind", "applications": "application(s)",
           "national": "national application", "National": "National application", "proposal": "proposal: ",
           "Proposal": "**Proposal.** ", "columns": "| application | name | owner |",
           "summary": "{groups} group(s) ({same} same system, {functional} functional), {pairs} pair(s) at threshold "
                      "{threshold}; {copies} functional group(s) with a national application",
           "same_system": KIND_LABELS["same_system"], "functional": KIND_LABELS["functional"]},
    "id": {"title": "Duplikasi aplikasi", "kind": "jenis", "Kind": "Jenis", "applications": "aplikasi",
           "national": "aplikasi nasional", "National": "Aplikasi nasional", "proposal": "", "Proposal": "",
           "columns": "| aplikasi | nama | pemilik |", "named_columns": "| nama | pemilik |",
           "summary": "{groups} kelompok ({same} sistem yang sama, {functional} fungsional), {pairs} pasangan pada "
                      "ambang {threshold}; {copies} kelompok fungsional dengan aplikasi nasional",
           "same_system": "sistem yang sama (satu sistem dicatat lebih dari sekali)",
           "functional": "fungsional (sistem berbeda untuk satu fungsi)"},
}


def _words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def _score(value: float, language: str) -> str:
    """A score as the language writes it: Indonesian uses a decimal comma (0,949)."""
    return desimal(value, 3) if language == "id" else f"{value:.3f}"


def _threshold(value: float, language: str) -> str:
    """The threshold as given (0.575 stays 0.575), with a decimal comma in Indonesian."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "id" else text


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


def _summary(report: DuplicateReport, language: str = "en") -> str:
    same = sum(1 for g in report.groups if g.kind == "same_system")
    copies = sum(1 for g in report.groups if (g.national_application or g.national) and g.kind == "functional")
    return _words(language)["summary"].format(groups=len(report.groups), same=same,
                                              functional=len(report.groups) - same, pairs=len(report.pairs),
                                              threshold=_threshold(report.threshold, language), copies=copies)


def report_text(report: DuplicateReport, workspace: Workspace | None = None, language: str = "en") -> str:
    """One block per group; the labels in the language of the evidence and proposals (an Indonesian
    proposal already opens with "Usulan:", so it stands without a label)."""
    w = _words(language)
    lines = [_summary(report, language)]
    pairs = _pairs_by_group(report)
    for group in report.groups:
        lines.append("")
        lines.append(f"{group.id}: {_plain(group.title)} ({len(group.applications)} {w['applications']})")
        lines.append(f"  {w['kind']}: {w[group.kind]}")
        for app_id in group.applications:
            name, owner = _label(workspace, app_id)
            shown = (f"  {_plain(name)}" if name else "") + (f"  [{_plain(owner)}]" if owner else "")
            lines.append(f"  {app_id}{shown}")
        if group.national_application or group.national:
            national = group.national_application or group.national or ""
            if language == "id" and group.national_application and workspace is not None:
                national = workspace.display_name(group.national_application)  # by its name, as the proposal
            lines.append(f"  {w['national']}: {_plain(national)}")
        lines.append(f"  {w['proposal']}{_plain(group.proposal)}")
        for pair in pairs.get(group.id, []):
            lines.append(f"  {_score(pair.score, language)}  {pair.a} ~ {pair.b}")
            lines.extend(f"         - {_plain(e)}" for e in pair.evidence)
    return "\n".join(lines) + "\n"


def report_json(report: DuplicateReport, workspace: Workspace | None = None, language: str = "en") -> str:
    return json.dumps(report.model_dump(), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("group", "kind", "function", "score", "a", "a_name", "a_owner", "b", "b_name", "b_owner", "evidence",
               "proposal")


def report_csv(report: DuplicateReport, workspace: Workspace | None = None, language: str = "en") -> str:
    """One row per pair, and one per application of a group without a pair (a lone copy of a national
    application, whose `b` is that application). Its columns are named in English whatever the language:
    a sheet that a script reads."""
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


def report_markdown(report: DuplicateReport, workspace: Workspace | None = None, language: str = "en") -> str:
    """The report as Markdown. In Indonesian it is read by officials beside the document: applications
    are named by their names and owners, never by their ids."""
    w = _words(language)
    by_name = language == "id" and workspace is not None
    lines = [f"# {w['title']}", "", _md(_summary(report, language)) + "."]
    pairs = _pairs_by_group(report)

    def named(app_id: str) -> str:
        return _md(_label(workspace, app_id)[0] or app_id) if by_name else f"`{app_id}`"

    for group in report.groups:
        heading = _md(_heading(group.title)) if by_name else f"{_md(group.id)}: {_md(group.title)}"
        lines += ["", f"## {heading}", "", f"{w['Kind']}: {w[group.kind]}.", ""]
        lines += [w["named_columns"], "|---|---|"] if by_name else [w["columns"], "|---|---|---|"]
        for app_id in group.applications:
            name, owner = _label(workspace, app_id)
            lines.append(f"| {_md(name or app_id)} | {_md(owner)} |" if by_name
                         else f"| `{app_id}` | {_md(name)} | {_md(owner)} |")
        lines.append("")
        if group.national_application:
            lines.append(f"{w['National']}: {named(group.national_application)}.")
            lines.append("")
        elif group.national:
            lines.append(f"{w['National']}: {_md(group.national)}.")
            lines.append("")
        lines.append(f"{w['Proposal']}{_md_with_code(group.proposal)}")
        for pair in pairs.get(group.id, []):
            lines += ["", f"- **{_score(pair.score, language)}** {named(pair.a)} ~ {named(pair.b)}"]
            lines.extend(f"  - {_md_with_code(e)}" for e in pair.evidence)
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[DuplicateReport, Workspace | None, str], str]] = {
    "text": report_text,
    "json": report_json,
    "csv": report_csv,
    "md": report_markdown,
}
