"""The generated references in docs/ are current, and every command and rule is documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def gen_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    expected = gen_docs().cli_reference()
    actual = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `python scripts/gen_docs.py`"


def test_rules_reference_is_current() -> None:
    expected = gen_docs().rules_reference()
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run `python scripts/gen_docs.py`"


def test_every_command_has_a_section() -> None:
    module = gen_docs()
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    paths = module.command_paths()
    assert ["validate"] in paths and ["rules"] in paths
    for path in paths:
        assert f"\n## spbe {' '.join(path)}\n" in text


def test_every_rule_has_an_explanation() -> None:
    from spbe_arch.validate import all_rules

    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert len(rule.explanation) > 80, rule.code
        assert f"\n### {rule.code}\n" in text
