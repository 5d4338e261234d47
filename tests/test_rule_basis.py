"""Every rule states its basis, and the rules on the obligation fields fire on their bad case only."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from spbe_arch.cli import app
from spbe_arch.loader import open_workspace
from spbe_arch.reference import load_catalogue
from spbe_arch.validate import Context, all_rules, explain_rule, rule_text, run_rules

runner = CliRunner()


def test_every_rule_has_a_basis() -> None:
    missing = [r.code for r in all_rules() if r.basis is None]
    assert missing == []
    for found in all_rules():
        basis = found.basis
        assert basis is not None
        if basis.kind == "regulation":
            assert basis.regulation and any(k in basis.regulation for k in ("Perpres", "UU", "PP", "Permen"))
        else:
            assert basis.regulation is None


def test_reworked_rules_state_no_invented_obligation() -> None:
    km002 = rule_text(explain_rule("KM002"))
    assert "year" not in km002.split("Basis:")[0].lower() or "no cadence" in km002.lower()
    assert "good practice" in km002
    ap007 = rule_text(explain_rule("AP007"))
    assert "good practice" in ap007 and "must run" not in ap007
    da001 = explain_rule("DA001")
    assert da001.basis is not None and "Perpres 39/2019" in (da001.basis.regulation or "")
    assert "producer" in da001.explanation and "walidata" in da001.explanation


def test_rules_command_shows_the_basis() -> None:
    text = runner.invoke(app, ["rules", "AP022"])
    assert text.exit_code == 0 and "Basis: PP 71/2019" in text.stdout
    payload = json.loads(runner.invoke(app, ["rules", "OR002", "-f", "json"]).stdout)
    assert payload["basis"]["kind"] == "good-practice" and "good practice" in payload["basis"]["text"]


MODEL = """\
    infrastructure:
      - {id: pdd, name: PDD, owner: diskominfo, kind: pusat-data, jip_connected: false}
      - {id: jip, name: JIP, owner: diskominfo, kind: jaringan-intra, jip_connected: true}
      - {id: pdn, name: PDN, owner: diskominfo, kind: pusat-data, national: true}
      - {id: splp-daerah, name: SPLP daerah, owner: diskominfo, kind: splp, located_in: pdd}
      - {id: splp-baik, name: SPLP baik, owner: diskominfo, kind: splp, located_in: pdd, connected_to: [splp-nas]}
      - {id: splp-nas, name: SPLP nasional, owner: diskominfo, kind: splp, located_in: pdn}
    applications:
      - {id: app-vendor, name: Vendor, owner: bkpsdm, url: "https://app.vendor.example.com/x"}
      - {id: app-gov, name: Gov, owner: bkpsdm, url: "https://app.uji.go.id/"}
      - {id: app-unreg, name: Unreg, owner: bkpsdm, domain: unreg.uji.go.id, pse_registered: false}
      - {id: app-nas, name: Nasional, owner: bkpsdm, source: nasional, url: "https://x.example.org"}
    data:
      - {id: d-personal, name: Personal, owner: bkpsdm, producer: bkpsdm, personal: true, open_data: true}
      - {id: d-safe, name: Safe, owner: bkpsdm, producer: bkpsdm, personal: true}
    security:
      - {id: km-1, name: SMKI, owner: diskominfo, kind: standar-prosedur, protects: [d-safe]}
      - {id: km-2, name: Pentest, owner: diskominfo, kind: identifikasi-kerentanan, protects: [app-gov]}
    roadmap:
      - {id: pr-1, name: Audit, owner: diskominfo, year: 2026, substance: audit-tik}
"""


def _hits(root: Path, *codes: str) -> set[tuple[str, str | None]]:
    ws, _ = open_workspace(root)
    found = run_rules(Context(ws, load_catalogue(ws.manifest.reference)), codes)
    return {(f.rule, f.element) for f in found}


def test_obligation_rules(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"model.yaml": MODEL})
    hits = _hits(root, "AP021", "AP022", "IN006", "IN007", "DA006", "DA007", "KM002", "KM004", "RM003", "OR004")
    assert ("AP021", "app-vendor") in hits and ("AP021", "app-gov") not in hits
    assert ("AP021", "app-nas") not in hits  # a national application is not the Pemda's domain
    assert ("AP022", "app-unreg") in hits and ("AP022", "app-gov") not in hits
    assert ("IN006", "pdd") in hits and ("IN006", "jip") not in hits
    assert ("IN007", "splp-daerah") in hits and ("IN007", "splp-baik") not in hits
    assert ("IN007", "splp-nas") not in hits
    assert ("DA006", "d-personal") in hits and ("DA006", "d-safe") not in hits
    assert ("DA007", "d-personal") in hits and ("DA007", "d-safe") not in hits
    assert ("KM002", "km-2") in hits and ("KM002", "km-1") not in hits
    assert not any(code == "KM004" for code, _ in hits)  # an audit is planned in the period
    ws, _ = open_workspace(root)
    roadmap = run_rules(Context(ws, load_catalogue(ws.manifest.reference)), ["RM003"])
    assert len(roadmap) == 6 and not any("audit" in f.message for f in roadmap)  # all but audit-tik
    # organisations list urusan 2.16 and 5.03 only: every basic urusan is reported, on the manifest
    assert ("OR004", None) in hits


def test_workspace_level_findings_point_at_the_manifest(make_workspace) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"model.yaml": MODEL})
    ws, _ = open_workspace(root)
    found = [f for f in run_rules(Context(ws, load_catalogue(ws.manifest.reference)), ["OR004"])]
    assert found and all(f.file == "spbe.yaml" and f.line == 1 for f in found)
    assert {f.message.split("urusan ")[1][:4] for f in found} == {"1.01", "1.02", "1.03", "1.04", "1.05", "1.06"}
