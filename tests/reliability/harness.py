"""Running a command against hostile input and judging the answer.

Every case runs ``spbe`` in this process (``typer.testing.CliRunner``) with a time limit, inside a
sandbox folder whose every file is recorded before and after. The outcome is one of:

- ``ok`` (exit 0 or 1) or ``clean-error`` (exit 2 with a one-line ``spbe: error:`` message);
- ``internal-error`` (exit 3), ``traceback`` (an exception escaped, or "Traceback" in the output),
  ``hang`` (over the time limit), ``unsafe-write`` (a file outside the allowed outputs changed or
  appeared), ``injection`` (an output does not parse back, or model text escaped its quoting).
"""

from __future__ import annotations

import csv
import hashlib
import html.parser
import io
import json
import os
import re
import signal
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

MARKER = "PWNED"
BAD_CATEGORIES = ("internal-error", "traceback", "hang", "unsafe-write", "injection")
CATEGORIES = ("ok", "clean-error", *BAD_CATEGORIES)

# Names that try to break out of every output language; each carries the marker.
HOSTILE_NAMES: tuple[str, ...] = (
    f'X"]; {MARKER} [label="x',
    f'X" -> {MARKER} // ',
    "X\\",
    f"<<B>{MARKER}</B>>",
    f'X"] --> {MARKER}["y',
    f'X"]\nclick n1 "javascript:alert(1)" {MARKER}',
    f"<img src=x onerror={MARKER}>",
    f'"><script>{MARKER}</script>',
    f'=HYPERLINK("http://x.test/{MARKER}")',
    f"+{MARKER}",
    f"-1+{MARKER}",
    f"@SUM({MARKER})",
    f"X\n::error file=spbe.yaml,line=1::{MARKER}",
    f"X\r\n::warning::{MARKER}",
    f"X\x1b[2J\x1b]0;{MARKER}\x07",
    f"X\u202e{MARKER}\u202c",
    f"X\x85\x9b31m{MARKER}",
    f"{{{{ {MARKER} }}}}{{% if 1 %}}",
    f"# {MARKER}\n---\n| a | b |",
    f"[{MARKER}](javascript:alert(1))",
    f"X%0A::error::{MARKER}",
    f"X]]{MARKER}[[ end",
)


@dataclass
class Outcome:
    case: str
    category: str
    exit_code: int | None
    detail: str = ""
    output: str = ""


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> Outcome:
        self.outcomes.append(outcome)
        return outcome

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(CATEGORIES, 0)
        for outcome in self.outcomes:
            counts[outcome.category] += 1
        return counts

    def bad(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.category in BAD_CATEGORIES]


TALLY = Tally()  # every outcome of this process, for benchmarks/reliability_report.py


class Hang(BaseException):
    """The time limit of a case passed."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expire(_signum: int, _frame: object) -> None:
        raise Hang

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under ``root`` (links not followed) with a digest of its content or kind."""
    seen: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                seen[rel] = "link:" + os.readlink(path)
            elif path.is_file():
                seen[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                seen[rel] = "dir"
            else:
                seen[rel] = "special"
    return seen


def changed(before: dict[str, str], after: dict[str, str]) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def run(case: str, args: Sequence[str], sandbox: Path, *, allowed: Sequence[str] = (), timeout: int = 120,
        check: bool = True) -> Outcome:
    """Run ``spbe ARGS``; ``allowed`` are sandbox-relative prefixes the command may write."""
    return TALLY.add(_run(case, args, sandbox, allowed=allowed, timeout=timeout, check=check))


def _run(case: str, args: Sequence[str], sandbox: Path, *, allowed: Sequence[str], timeout: int,
         check: bool) -> Outcome:
    from typer.testing import CliRunner

    from spbe_arch.cli import app

    before = snapshot(sandbox)
    try:
        with time_limit(timeout):
            result = CliRunner().invoke(app, list(args), catch_exceptions=True)
    except Hang:
        return Outcome(case, "hang", None, f"over {timeout} s")
    output = result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return Outcome(case, "traceback", result.exit_code, repr(result.exception), output)
    if "Traceback (most recent call last)" in output:
        return Outcome(case, "traceback", result.exit_code, "traceback in the output", output)
    if result.exit_code == 3 or "internal error" in output:
        return Outcome(case, "internal-error", result.exit_code, output.strip()[-300:], output)
    after = snapshot(sandbox)
    outside = sorted(p for p in changed(before, after) if not any(p == a or p.startswith(a.rstrip("/") + "/")
                                                                  for a in allowed))
    if outside:
        return Outcome(case, "unsafe-write", result.exit_code, f"changed: {outside[:5]}", output)
    if check:
        problems = check_text_output(output)
        for rel in sorted(changed(before, after)):
            path = sandbox / rel
            if path.is_file() and not path.is_symlink():
                problems += [f"{rel}: {p}" for p in check_file(path)]
        if problems:
            return Outcome(case, "injection", result.exit_code, "; ".join(problems[:5]), output)
    if result.exit_code in (0, 1):
        return Outcome(case, "ok", result.exit_code, output=output)
    if result.exit_code == 2:
        return Outcome(case, "clean-error", 2, output=output)
    return Outcome(case, "internal-error", result.exit_code, f"unexpected exit code {result.exit_code}", output)


# --- parsing outputs back ---------------------------------------------------------------------

_TERMINAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check_text_output(text: str) -> list[str]:
    """Terminal text: no control or bidi characters, no line a CI runner reads as a command."""
    problems = []
    if _TERMINAL_BAD.search(text.replace("\r\n", "\n")):
        problems.append("control or bidi character reaches the terminal")
    for line in text.splitlines():
        # a workflow command the model forged: its message starts with the marker (a real annotation's
        # message names the element or the rule first)
        if re.match(r"::\w+(?: [^:]*)?::" + MARKER, line):
            problems.append(f"forged workflow command: {line[:80]!r}")
    return problems


def check_file(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".dot":
            return check_dot(path.read_text(encoding="utf-8"))
        if suffix == ".mmd":
            return check_mermaid(path.read_text(encoding="utf-8"))
        if suffix in (".html", ".htm", ".svg"):
            return check_html(path.read_text(encoding="utf-8"))
        if suffix == ".csv":
            return check_csv(path.read_text(encoding="utf-8"))
        if suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        if suffix == ".txt":
            return check_text_output(path.read_text(encoding="utf-8"))
        if suffix in (".xml", ".graphml"):
            import defusedxml.ElementTree as ET

            ET.parse(path)
        if suffix in (".yaml", ".yml"):
            import yaml

            yaml.safe_load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # an output that does not parse back
        return [f"does not parse back ({type(exc).__name__}: {str(exc)[:100]})"]
    return []


_DOT_TOKEN = re.compile(
    r'''\s+|//[^\n]*|/\*.*?\*/|^\#[^\n]*|"(?:[^"\\]|\\.)*"|<|[A-Za-z_\x80-\U0010ffff][\w\x80-\U0010ffff]*'''
    r'''|-?(?:\.\d+|\d+(?:\.\d*)?)|->|--|[{}\[\];,=:]''', re.S | re.M)


def dot_tokens(text: str) -> list[str]:
    """DOT tokens by the language's lexical rules; an HTML string ``<...>`` is one token (its
    brackets balanced). Raises ValueError on text that is not DOT."""
    tokens: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "<":
            depth, j = 0, i
            while j < len(text):
                depth += {"<": 1, ">": -1}.get(text[j], 0)
                j += 1
                if depth == 0:
                    break
            if depth:
                raise ValueError(f"unbalanced HTML string at {i}")
            tokens.append(text[i:j])
            i = j
            continue
        match = _DOT_TOKEN.match(text, i)
        if match is None or match.end() == i:
            raise ValueError(f"unexpected character {text[i]!r} at {i}")
        if not match.group().isspace() and not match.group().startswith(("//", "/*", "#")):
            tokens.append(match.group())
        i = match.end()
    return tokens


def check_dot(text: str) -> list[str]:
    """The DOT lexes, its braces and brackets balance, and the marker is never a bare id (outside a
    quoted string or an HTML label, where it would be a statement of its own)."""
    tokens = dot_tokens(text)
    depth = {"{": 0, "[": 0}
    for token in tokens:
        if token in "{[":
            depth[token] += 1
        elif token == "}":
            depth["{"] -= 1
        elif token == "]":
            depth["["] -= 1
        if min(depth.values()) < 0:
            return ["unbalanced braces"]
        if MARKER in token and not token.startswith(('"', "<")):
            return [f"bare id {token!r}"]
        if token.startswith("<") and not _html_label_ok(token):
            return [f"HTML label with markup from the model: {token[:60]!r}"]
    if any(depth.values()):
        return ["unbalanced braces"]
    return []


def _html_label_ok(token: str) -> bool:
    """Graphviz HTML labels hold only its own small tag set; a marker inside a tag is injected."""
    return not re.search(r"<[^<>]*" + MARKER, token[1:-1])


_MERMAID_LINE = re.compile(
    r'^\s*(?:---|title: .*|flowchart \w+|direction \w+|end|'
    r'subgraph \w+\["[^"]*"\]|'
    r'\w+(?:\[|\(|>|\[/|\[\[|\[\(|\{\{)"[^"]*"(?:\]|\)|/\]|\]\]|\)\]|\}\})|'
    r'\w+ (?:-->|-\.->|==>|---|-\.-)(?:\|"[^"]*"\|)? \w+|'
    r'class [\w,]+ \w+|classDef \w+ [^"]*|style \w+ [^"]*|linkStyle [\d,]+ [^"]*)\s*$')


def check_mermaid(text: str) -> list[str]:
    """Every line is one statement of the kinds the writer makes; labels are double-quoted and hold
    no quote, no raw ``<`` from the model, and the marker only inside them."""
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if not _MERMAID_LINE.match(line):
            problems.append(f"line {number} is not a statement: {line[:80]!r}")
            continue
        outside = re.sub(r'"[^"]*"', '""', line)
        if MARKER in outside and not line.lstrip().startswith("title: "):
            problems.append(f"line {number}: model text outside a label")
        if line.startswith("title: "):  # YAML front matter: a JSON string, drawn as SVG text, not markup
            continue
        for label in re.findall(r'"([^"]*)"', line):
            if MARKER in label and re.search(r"<(?!/?(?:b|br|small)/?>)", label):
                problems.append(f"line {number}: markup from the model in a label")
    return problems


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if MARKER.lower() in tag.lower() or any(MARKER.lower() in name.lower() for name, _ in attrs):
            self.bad.append(f"tag or attribute from the model: <{tag}>")
        for name, value in attrs:
            if name.startswith("on") and value and MARKER in value:
                self.bad.append(f"event handler from the model: {name}")
            if name in ("href", "src") and value and value.strip().lower().startswith("javascript:"):
                self.bad.append(f"javascript: link: {value[:40]}")

    def handle_data(self, data: str) -> None:
        if self.lasttag == "script" and MARKER in data:
            self.bad.append("script from the model")


def check_html(text: str) -> list[str]:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.bad


def check_csv(text: str) -> list[str]:
    """Every cell reads back; none starts a formula."""
    problems = []
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not re.fullmatch(r"-?\d+(\.\d+)?", cell):
                problems.append(f"formula cell {cell[:40]!r}")
    return problems


__all__ = ["BAD_CATEGORIES", "CATEGORIES", "HOSTILE_NAMES", "MARKER", "TALLY", "Outcome", "Tally", "check_csv",
           "check_dot", "check_file", "check_html", "check_mermaid", "check_text_output", "dot_tokens", "run",
           "snapshot"]
