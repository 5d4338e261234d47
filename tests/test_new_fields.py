"""The optional metamodel fields: loaded, in the JSON Schema, and carried through ArchiMate exchange."""

from __future__ import annotations

import json
from pathlib import Path

from spbe_arch.exchange.archimate_export import export_archimate
from spbe_arch.exchange.archimate_import import import_archimate
from spbe_arch.exchange.schema import ELEMENTS_SCHEMA, export_schema
from spbe_arch.loader import open_workspace
from spbe_arch.model import Application, DataSet, Infrastructure, RoadmapActivity, Security

MODEL = """\
    infrastructure:
      - {id: pdn, name: PDN, owner: diskominfo, kind: pusat-data, national: true, ownership: sewa,
         jip_connected: true}
    applications:
      - {id: app-a, name: A, owner: bkpsdm, hosted_on: [pdn], developer: vendor, source_code_owned: false,
         licence: GPL-3.0, pse_registered: true, domain: a.uji.go.id, security_score: 23}
    data:
      - {id: d1, name: D, owner: bkpsdm, producer: bkpsdm, data_kind: sektoral, personal: true, open_data: false}
    security:
      - {id: km1, name: Audit, owner: diskominfo, kind: audit, protects: [app-a], kami_score: 480,
         kami_result: cukup-baik, audit_dates: [2025-03-01, 2026-03-02]}
    roadmap:
      - {id: pr1, name: SIMPEG baru, owner: bkpsdm, year: 2026, end_year: 2027, change: baru, funding: apbd,
         sub_activity_code: "2.16.02.1.01.0001", affects: [app-a]}
"""


def test_new_fields_load(make_workspace) -> None:  # type: ignore[no-untyped-def]
    ws, findings = open_workspace(make_workspace({"m.yaml": MODEL}))
    assert not [f for f in findings if f.severity == "error"]
    app = ws.get("app-a")
    assert isinstance(app, Application) and app.developer == "vendor" and app.security_score == 23
    data = ws.get("d1")
    assert isinstance(data, DataSet) and data.producer == "bkpsdm" and data.personal is True
    infra = ws.get("pdn")
    assert isinstance(infra, Infrastructure) and infra.national and infra.ownership == "sewa"
    security = ws.get("km1")
    assert isinstance(security, Security) and len(security.audit_dates) == 2
    activity = ws.get("pr1")
    assert isinstance(activity, RoadmapActivity) and activity.end_year == 2027 and activity.change == "baru"


def test_producer_must_name_an_organization(make_workspace) -> None:  # type: ignore[no-untyped-def]
    from spbe_arch.validate import validate_workspace

    root = make_workspace({"m.yaml": "data:\n  - {id: d1, name: D, owner: bkpsdm, producer: tidak-ada}\n"})
    assert ("RF001", "d1") in {(f.rule, f.element) for f in validate_workspace(root).report.findings}


def test_json_schema_has_the_new_fields(tmp_path: Path) -> None:
    export_schema(tmp_path)
    schema = json.loads((tmp_path / ELEMENTS_SCHEMA).read_text(encoding="utf-8"))
    text = json.dumps(schema)
    for field in ("producer", "personal", "pse_registered", "jip_connected", "kami_result", "sub_activity_code"):
        assert f'"{field}"' in text


def test_new_fields_survive_an_archimate_round_trip(make_workspace, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_workspace({"m.yaml": MODEL})
    first = tmp_path / "a.xml"
    export_archimate(root, first, with_views=False)
    report = import_archimate(first, tmp_path / "back")
    assert report.skipped_elements == []
    back, _ = open_workspace(tmp_path / "back")
    original, _ = open_workspace(root)
    for element_id in ("app-a", "d1", "pdn", "km1", "pr1"):
        mine, theirs = original.get(element_id), back.get(element_id)
        assert mine is not None and theirs is not None
        for field in ("developer", "producer", "national", "audit_dates", "funding", "personal", "kami_result"):
            if hasattr(mine, field):
                assert getattr(theirs, field) == getattr(mine, field), (element_id, field)
