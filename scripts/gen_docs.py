"""Generate docs/cli.md and docs/rules.md from the application itself (run from the repo root).

The test suite calls the same functions and fails when the committed files are stale:
`python scripts/gen_docs.py` rewrites them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _help(args: list[str]) -> str:
    from typer.testing import CliRunner

    from spbe_arch.cli import app

    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
    result = CliRunner().invoke(app, [*args, "--help"], env=env, color=False)
    text = result.stdout
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"


def command_paths() -> list[list[str]]:
    """Every command and sub-command of ``spbe``, in the order the application lists them."""
    import typer.main

    from spbe_arch.cli import app

    paths: list[list[str]] = []

    def walk(command: object, prefix: list[str]) -> None:
        children = getattr(command, "commands", None)
        if not children:
            paths.append(prefix)
            return
        if prefix:
            paths.append(prefix)
        for name, child in children.items():
            if not getattr(child, "hidden", False):
                walk(child, [*prefix, name])

    walk(typer.main.get_command(app), [])
    return paths


def cli_reference() -> str:
    parts = ["# Command-line reference\n",
             "Generated from the application by `python scripts/gen_docs.py`; do not edit by hand.\n",
             "```text\n" + _help([]) + "```\n"]
    for path in command_paths():
        parts.append(f"## spbe {' '.join(path)}\n")
        parts.append("```text\n" + _help(path) + "```\n")
    return "\n".join(parts)


def rules_reference() -> str:
    from spbe_arch.rules import FAMILIES, all_rules

    parts = ["# Rule reference\n",
             "Generated from the rule registry by `python scripts/gen_docs.py`; do not edit by hand. "
             "`spbe rules CODE` prints the same explanation. Change a rule's severity in `spbe.yaml` "
             "(`rules: {AP004: off, DA001: error}`) or silence it on one element (`ignore: [AP004]`). "
             "Each rule states its basis: the regulation and the provision it rests on (by article where "
             "the article is certain, otherwise by the part of the regulation on the subject), *good "
             "practice* (our convention: advice, not a legal obligation), or the workspace format itself.\n"]
    rules = all_rules()
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.family == family]
        if not members:
            continue
        parts.append(f"## {family}: {title}\n")
        parts.append("| code | name | default | summary |\n|---|---|---|---|")
        parts.append("\n".join(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | {r.summary} |"
                               for r in members) + "\n")
        for r in members:
            basis = f"\n\n*Basis:* {r.basis.text()}." if r.basis is not None else ""
            parts.append(f"### {r.code}\n\n**{r.name}** (default severity: {r.severity}). {r.summary}.\n\n"
                         f"{r.explanation}{basis}\n")
    return "\n".join(parts)


GENERATED = {"docs/cli.md": cli_reference, "docs/rules.md": rules_reference}


def main() -> None:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    for rel, make in GENERATED.items():
        (ROOT / rel).write_text(make(), encoding="utf-8")
        print(f"wrote {rel}")


if __name__ == "__main__":
    main()
