"""The Indonesian rule catalogue: every rule has a text, messages are translations with named values,
and a finding without the values its template needs falls back visibly instead of failing."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.findings import Finding
from spbe_arch.rules.messages_id import MESSAGES, message_id, template_fields
from spbe_arch.validate import all_rules, validate_workspace


def test_every_rule_has_an_indonesian_text() -> None:
    """Lists the rules still without an Indonesian message and explanation (a new rule must add one)."""
    missing = [r.code for r in all_rules() if r.code not in MESSAGES]
    assert missing == [], f"rules without an Indonesian text in spbe_arch/rules/messages_id.py: {missing}"
    for code, text in MESSAGES.items():
        assert text.summary and text.message and text.explanation, code
        assert "`" not in text.message + text.explanation, code


def test_a_message_is_a_translation_with_names_not_ids() -> None:
    names = {"app-a": "Aplikasi Kepegawaian", "app-b": "SP2D Online", "bpkad": "Badan Keuangan"}
    finding = Finding(rule="AP006", severity="warning", message="integrates point to point ...", element="app-a",
                      args=(("target_id", "app-b"), ("target_owner_id", "bpkad")))
    text = message_id(finding, lambda i: names.get(i, i), lambda _: "aplikasi")
    assert text == ("Aplikasi Kepegawaian terintegrasi langsung dengan aplikasi SP2D Online milik Badan Keuangan "
                    "tanpa melalui SPLP.")


def test_a_finding_without_its_values_falls_back_to_the_summary() -> None:
    assert "target" in template_fields(MESSAGES["AP006"].message)
    finding = Finding(rule="AP006", severity="warning", message="integrates point to point", element="app-a")
    text = message_id(finding, lambda i: {"app-a": "Aplikasi A"}.get(i, i))
    assert text == "Aplikasi A: aplikasi antarperangkat daerah terintegrasi langsung (titik ke titik), tidak " \
                   "melalui SPLP."
    unknown = Finding(rule="ZZ999", severity="info", message="an English message")
    assert message_id(unknown, str) == "an English message"


def test_every_finding_of_the_example_reads_in_indonesian(example: Path) -> None:
    from spbe_arch.rules.report_id import Namer

    validation = validate_workspace(example)
    namer = Namer(validation.workspace)
    summaries = {text.summary for text in MESSAGES.values()}
    for finding in validation.report.findings:
        text = namer.message(finding)
        assert text != finding.message and finding.element not in text.split(), text
        assert not any(text.endswith(f": {s}.") for s in summaries), f"fallback used: {finding.rule} {text}"


def test_validate_lang_id(example: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(example), "--lang", "id"])
    assert result.exit_code == 0, result.output
    assert "peringatan AP015 Aplikasi e-Office Sekretariat Daerah menjalankan fungsi" in result.output
    summary = validate_workspace(example).report.summary
    assert (f"{summary.errors} kesalahan, {summary.warnings} peringatan, {summary.infos} informasi"
            in result.output)
    assert " warning " not in result.output
    refused = CliRunner().invoke(app, ["validate", str(example), "--lang", "id", "-f", "json"])
    assert refused.exit_code == 2
