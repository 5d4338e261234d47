"""Renderers of a :class:`~spbe_arch.diff.semantic.ModelDiff`: plain text for a terminal, Markdown for a
merge-request comment (summary table first, details collapsed), and JSON for other tools.

Every text that comes from the model is escaped for its format: control characters for the
terminal; Markdown punctuation and HTML for the comment, where a name like ``<b>x</b> | [y](z)``
must show as written and never become markup, a link or a broken table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from spbe_arch.diff.semantic import DuplicateChange, ElementChange, ElementRef, FieldChange, ModelDiff, VersionInfo
from spbe_arch.findings import Finding
from spbe_arch.relations import RELATION_FIELDS

MAX_VALUE = 160  # characters of a changed value shown in text and Markdown (JSON has it whole)

# List fields whose change is shown as relations added and removed rather than as two lists.
_RELATION_LISTS = {r.field for r in RELATION_FIELDS if r.field not in ("owner", "parent", "steward", "located_in")}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#!|~{}+\-.:@])")


# --- shared wording --------------------------------------------------------------------------


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) if isinstance(v, list | dict) else str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _short(text: str) -> str:
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(s, 0)} {s}" for s in ("error", "warning", "info"))


def _version_notes(diff: ModelDiff) -> list[str]:
    notes = [v.note for v in (diff.old, diff.new) if v.note]
    if not diff.duplicates.available and diff.duplicates.note:
        notes.append(diff.duplicates.note)
    return notes


def _relation_delta(change: ElementChange, field: str) -> tuple[list[str], list[str]]:
    added = [r.target for r in change.relations_added if r.field == field]
    removed = [r.target for r in change.relations_removed if r.field == field]
    return added, removed


def _change_lines(change: ElementChange, text: Callable[[str], str], code: Callable[[str], str],
                  arrow: str) -> list[str]:
    """One line per changed field: relations as +added -removed, other values as old → new."""
    lines = []
    for fc in change.fields:
        if fc.field in _RELATION_LISTS:
            added, removed = _relation_delta(change, fc.field)
            parts = [f"+{code(t)}" for t in added] + [f"-{code(t)}" for t in removed]
            if parts:
                lines.append(f"{code(fc.field)}: {' '.join(parts)}")
                continue
        if fc.field == "integrations":
            for prefix, kind in (("+", change.relations_added), ("-", change.relations_removed)):
                for r in kind:
                    if r.field == "integrations":
                        lines.append(f"{code('integrations')}: {prefix}{code(r.target)}")
                    elif r.field.startswith("integrations.") and r.integration:
                        what = r.field.split(".", 1)[1]
                        lines.append(f"{code('integrations')} ({what}, to {code(r.integration)}): "
                                     f"{prefix}{code(r.target)}")
        lines.append(f"{code(fc.field)}: {_field_values(fc, text, arrow)}")
    return lines


def _field_values(fc: FieldChange, text: Callable[[str], str], arrow: str) -> str:
    return f"{text(_short(_value(fc.old)))} {arrow} {text(_short(_value(fc.new)))}"


# --- text ------------------------------------------------------------------------------------


def plain(text: str) -> str:
    """Model text safe for a terminal: control characters (escape sequences, newlines) shown, not run."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\n", " ").replace("\t", " "))


def _where(file: str | None, line: int | None) -> str:
    if file is None:
        return ""
    return f"  ({plain(file)}:{line})" if line is not None else f"  ({plain(file)})"


def diff_text(diff: ModelDiff) -> str:
    s = diff.summary
    out = [f"spbe diff: {plain(diff.old.label)} -> {plain(diff.new.label)}", ""]
    out.append(f"elements: {s.added} added, {s.removed} removed, {s.changed} changed")
    for c in diff.collections:
        out.append(f"  {c.label} ({c.collection}): +{len(c.added)} -{len(c.removed)} ~{len(c.changed)}")
    out.append(f"findings introduced: {_counts(s.findings_introduced)}")
    out.append(f"findings resolved: {_counts(s.findings_resolved)}")
    if diff.duplicates.available:
        out.append(f"duplicate groups: {s.duplicates_introduced} introduced, {s.duplicates_resolved} resolved")
    out += [f"note: {plain(n)}" for n in _version_notes(diff)]
    for version in (diff.old, diff.new):
        out += _load_errors_text(version)
    for title, attr in (("added", "added"), ("removed", "removed")):
        refs = [(c, r) for c in diff.collections for r in getattr(c, attr)]
        if refs:
            out += ["", f"{title}:"]
            out += [f"  {c.collection}  {r.id}  {plain(r.name)}{_owner(r)}{_where(r.file, r.line)}" for c, r in refs]
    changes = [ch for c in diff.collections for ch in c.changed]
    if changes:
        out += ["", "changed:"]
        for ch in changes:
            out.append(f"  {ch.collection}  {ch.id}  {plain(ch.name)}{_where(ch.file, ch.line)}")
            out += [f"      {line}" for line in _change_lines(ch, plain, lambda t: t, "->")]
    for title, findings in (("findings introduced", diff.findings_introduced),
                            ("findings resolved", diff.findings_resolved)):
        if findings:
            out += ["", f"{title}:"] + [f"  {plain(f.format_line())}" for f in findings]
    for title, dup_changes in (("duplicate groups introduced", diff.duplicates.introduced),
                               ("duplicate groups resolved", diff.duplicates.resolved)):
        if dup_changes:
            out += ["", f"{title}:"]
            out += [line for d in dup_changes for line in _duplicate_lines(d, plain, lambda t: t, "  ", "      ")]
    if diff.unchanged:
        out += ["", "no change to the architecture"]
    return "\n".join(out) + "\n"


def _owner(ref: ElementRef) -> str:
    return f"  [{ref.owner}]" if ref.owner else ""


def _load_errors_text(version: VersionInfo) -> list[str]:
    if not version.load_errors:
        return []
    return [f"load errors in {plain(version.label)}:"] + [f"  {plain(f.format_line())}" for f in version.load_errors]


def _duplicate_lines(change: DuplicateChange, text: Callable[[str], str], code: Callable[[str], str],
                     bullet: str, detail: str) -> list[str]:
    """A duplicate group that changed: its members, then one line per known detail."""
    group = change.group
    members = ", ".join(f"{code(i)} ({text(n)})" for i, n in zip(group.applications, group.names, strict=True))
    details = [
        ("function", text(group.function) if group.function else ""),
        ("pairs", "; ".join(f"{code(a)} + {code(b)}" for a, b in change.pairs)),
        ("other version's group", ", ".join(code(i) for i in change.other)),
        ("proposal", text(group.proposal) if group.proposal else ""),
    ]
    return [f"{bullet}{members}", *(f"{detail}{label}: {value}" for label, value in details if value)]


# --- Markdown --------------------------------------------------------------------------------


def _html(text: str) -> str:
    """Model text as inert HTML text on one line."""
    flat = _CONTROL.sub(" ", text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "))
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def md(text: str) -> str:
    """Model text as inert Markdown inline text: HTML characters as entities, Markdown punctuation
    backslash-escaped, line breaks as spaces (a table row is one line)."""
    return _MD_SPECIAL.sub(r"\\\1", _html(text).replace('"', "&quot;"))


def code(identifier: str) -> str:
    """An id or a file position as a code span (inert in Markdown and HTML); text that a code span
    cannot hold (backticks, pipes, line breaks) falls back to escaped text."""
    if identifier and not re.search(r"[`|\x00-\x1f\x7f-\x9f]", identifier):
        return f"`{identifier}`"
    return md(identifier)


def _md_finding(f: Finding) -> str:
    where = f" {code(f.position)}" if f.file else ""
    element = f" {code(f.element)}" if f.element else ""
    return f"- **{f.severity}** {code(f.rule)}{element}: {md(f.message)}{where}"


def _details(summary: str, body: list[str]) -> list[str]:
    return ["", "<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>"]


def _limited(items: list[list[str]], limit: int | None) -> list[str]:
    """The lines of at most ``limit`` items (each a list of lines), then how many were left out."""
    shown = items if limit is None else items[:limit]
    lines = [line for item in shown for line in item]
    if len(shown) < len(items):
        lines.append(f"- … and {len(items) - len(shown)} more (the JSON format lists them all)")
    return lines


MAX_MARKDOWN = 60_000  # GitHub refuses comments over 65,536 characters; GitLab notes allow more


def diff_markdown(diff: ModelDiff, max_chars: int = MAX_MARKDOWN) -> str:
    """The comment; when it would exceed ``max_chars``, the detail lists are cut, longest first, with
    a line saying how many items were left out (the summary tables are always whole)."""
    text = ""
    for limit in (None, 200, 50, 10, 3, 0):
        text = _markdown(diff, limit)
        if len(text) <= max_chars:
            break
    return text


def _markdown(diff: ModelDiff, limit: int | None) -> str:
    s = diff.summary
    out = [f"### Architecture change: {md(diff.old.label)} → {md(diff.new.label)}", ""]
    if diff.collections:
        out += ["| collection | added | removed | changed |", "|---|---:|---:|---:|"]
        out += [f"| {md(c.label)} (`{c.collection}`) | {len(c.added)} | {len(c.removed)} | {len(c.changed)} |"
                for c in diff.collections]
        out.append(f"| **total** | **{s.added}** | **{s.removed}** | **{s.changed}** |")
    else:
        out.append("No element was added, removed or changed.")
    out += ["", "| | introduced | resolved |", "|---|---:|---:|"]
    for severity in ("error", "warning", "info"):
        out.append(f"| findings: {severity} | {s.findings_introduced.get(severity, 0)} "
                   f"| {s.findings_resolved.get(severity, 0)} |")
    if diff.duplicates.available:
        out.append(f"| duplicate groups | {s.duplicates_introduced} | {s.duplicates_resolved} |")
    notes = _version_notes(diff)
    if notes:
        out.append("")
        out += [f"> **Note:** {md(n)}" if i == 0 else f">\n> **Note:** {md(n)}" for i, n in enumerate(notes)]
    for version in (diff.old, diff.new):
        if version.load_errors:
            out += _details(f"Load errors in {_html(version.label)} ({len(version.load_errors)})",
                            _limited([[_md_finding(f)] for f in version.load_errors], limit))
    if diff.collections:
        out += _details(f"Elements: {s.added} added, {s.removed} removed, {s.changed} changed",
                        _md_elements(diff, limit))
    for title, findings in (("New findings", diff.findings_introduced),
                            ("Resolved findings", diff.findings_resolved)):
        if findings:
            out += _details(f"{title} ({len(findings)})", _limited([[_md_finding(f)] for f in findings], limit))
    for title, changes in (("New duplicate groups", diff.duplicates.introduced),
                           ("Resolved duplicate groups", diff.duplicates.resolved)):
        if changes:
            items = [_duplicate_lines(d, md, code, "- ", "  - ") for d in changes]
            out += _details(f"{title} ({len(changes)})", _limited(items, limit))
    return "\n".join(out) + "\n"


def _md_ref(ref: ElementRef) -> str:
    owner = f" (owner {code(ref.owner)})" if ref.owner else ""
    where = f" {code(f'{ref.file}:{ref.line}')}" if ref.file else ""
    return f"- {code(ref.id)} {md(ref.name)}{owner}{where}"


def _md_elements(diff: ModelDiff, limit: int | None) -> list[str]:
    out: list[str] = []
    for c in diff.collections:
        out += [f"#### {md(c.label)} (`{c.collection}`)", ""]
        if c.added:
            out += ["Added:", "", *_limited([[_md_ref(r)] for r in c.added], limit), ""]
        if c.removed:
            out += ["Removed:", "", *_limited([[_md_ref(r)] for r in c.removed], limit), ""]
        if c.changed:
            changes = [[f"- {code(ch.id)} {md(ch.name)}", *(f"  - {line}" for line in _change_lines(ch, md, code, "→"))]
                       for ch in c.changed]
            out += ["Changed:", "", *_limited(changes, limit), ""]
    return out


# --- JSON ------------------------------------------------------------------------------------


def diff_json(diff: ModelDiff) -> str:
    return json.dumps(diff.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


DIFF_RENDERERS: dict[str, Callable[[ModelDiff], str]] = {"text": diff_text, "md": diff_markdown, "json": diff_json}

__all__ = ["DIFF_RENDERERS", "code", "diff_json", "diff_markdown", "diff_text", "md", "plain"]
