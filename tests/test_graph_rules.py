"""The rules that need the dependency graph: each fires on its case and stays quiet on the fixed one."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_arch.findings import Finding
from spbe_arch.validate import all_rules, get_rule, validate_workspace

GRAPH_RULES = ("AP006", "AP007", "AP008", "AP009", "KM003", "DA003", "DA004", "DA005", "RF006", "BP003", "OR003",
               "IN004", "IN005")

INFRA = """\
infrastructure:
  - {id: pdd, name: Pusat Data Daerah, owner: diskominfo, kind: pusat-data, tier: 2}
  - {id: vm-1, name: VM 1, owner: diskominfo, kind: server, located_in: pdd}
  - {id: splp, name: SPLP, owner: diskominfo, kind: splp, located_in: pdd}
"""


def findings(make_workspace, files: dict[str, str], code: str) -> list[Finding]:  # type: ignore[no-untyped-def]
    root: Path = make_workspace(files)
    report = validate_workspace(root).report
    return [f for f in report.findings if f.rule == code]


def test_rules_are_registered_with_summary_and_explanation() -> None:
    codes = {r.code for r in all_rules()}
    for code in GRAPH_RULES:
        rule = get_rule(code)
        assert rule is not None and rule.check is not None, code
        assert rule.summary and len(rule.explanation) > 150, code
    model_rules = [c for c in codes if not c.startswith("SC")]
    assert len(model_rules) >= 30


# --- AP006 point to point ---------------------------------------------------------------------------


def _integration(via: str, target_owner: str = "diskominfo") -> dict[str, str]:
    return {"infra.yaml": INFRA, "apps.yaml": f"""\
        applications:
          - {{id: app-a, name: A, owner: bkpsdm, integrations: [{{target: app-b{via}, protocol: database}}]}}
          - {{id: app-b, name: B, owner: {target_owner}}}
        """}


def test_ap006_point_to_point_between_opds(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _integration(""), "AP006")
    assert len(hits) == 1
    assert hits[0].severity == "warning" and hits[0].element == "app-a"
    assert "app-b" in hits[0].message and "Dinas Komunikasi" in hits[0].message
    assert hits[0].file == "apps.yaml" and hits[0].line == 2


def test_ap006_quiet_via_splp_or_inside_one_opd(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _integration(", via: splp"), "AP006") == []
    assert findings(make_workspace, _integration("", target_owner="bkpsdm"), "AP006") == []


def test_ap006_on_small_fixture(small: Path) -> None:
    hits = [f for f in validate_workspace(small).report.findings if f.rule == "AP006"]
    assert [(f.element, f.severity) for f in hits] == [("app-absensi-dinkes", "warning")]


# --- AP007 critical app outside a data centre ------------------------------------------------------


def _critical(host: str, category: str = "strategis", source: str = "lokal") -> dict[str, str]:
    return {"infra.yaml": INFRA + """\
  - {id: pc-bawah-meja, name: PC, owner: bkpsdm, kind: server, located_in: ruang-server}
  - {id: ruang-server, name: Ruang, owner: bkpsdm, kind: lainnya}
  - {id: vm-loop-a, name: VM A, owner: bkpsdm, kind: server, located_in: vm-loop-b}
  - {id: vm-loop-b, name: VM B, owner: bkpsdm, kind: server, located_in: vm-loop-a}
""", "apps.yaml": f"""\
        applications:
          - {{id: app-a, name: A, owner: bkpsdm, hosted_on: [{host}], security_category: {category},
              source: {source}}}
        """}


def test_ap007_critical_app_outside_data_centre(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _critical("pc-bawah-meja"), "AP007")
    assert len(hits) == 1 and hits[0].element == "app-a" and "pc-bawah-meja" in hits[0].message
    assert len(findings(make_workspace, _critical("pc-bawah-meja", "tinggi"), "AP007")) == 1
    # a located_in cycle must not hang the rule
    assert len(findings(make_workspace, _critical("vm-loop-a"), "AP007")) == 1


def test_ap007_quiet_in_data_centre_or_low_category(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _critical("vm-1"), "AP007") == []  # vm-1 located_in pdd
    assert findings(make_workspace, _critical("pdd"), "AP007") == []
    assert findings(make_workspace, _critical("pc-bawah-meja", "rendah"), "AP007") == []
    assert findings(make_workspace, _critical("pc-bawah-meja", source="nasional"), "AP007") == []


# --- AP008 integration data unused ------------------------------------------------------------------


def _integration_data(reads: str) -> dict[str, str]:
    return {"data.yaml": """\
        data:
          - {id: data-x, name: X, owner: bkpsdm, steward: diskominfo}
        """, "apps.yaml": f"""\
        applications:
          - {{id: app-a, name: A, owner: bkpsdm, {reads} integrations: [{{target: app-b, data: [data-x]}}]}}
          - {{id: app-b, name: B, owner: bkpsdm}}
        """}


def test_ap008_integration_carries_unused_data(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _integration_data(""), "AP008")
    assert len(hits) == 1 and "data-x" in hits[0].message and hits[0].severity == "info"


def test_ap008_quiet_when_an_end_uses_the_data(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _integration_data("reads: [data-x],"), "AP008") == []


# --- AP009 replaced application still active -------------------------------------------------------


def _replaces(old_status: str) -> dict[str, str]:
    return {"apps.yaml": f"""\
        applications:
          - {{id: app-new, name: New, owner: bkpsdm, replaces: [app-old]}}
          - {{id: app-old, name: Old, owner: bkpsdm, status: {old_status}}}
        """}


def test_ap009_replaced_still_active(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _replaces("aktif"), "AP009")
    assert [(f.element, f.line) for f in hits] == [("app-new", 2)]


def test_ap009_quiet_once_retired(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _replaces("dihentikan"), "AP009") == []


# --- KM003 critical app unprotected -----------------------------------------------------------------


def _protection(protects: str, status: str = "aktif") -> dict[str, str]:
    return {"apps.yaml": f"""\
        applications:
          - {{id: app-a, name: A, owner: bkpsdm, security_category: tinggi}}
          - {{id: app-b, name: B, owner: bkpsdm, security_category: rendah}}
          - {{id: app-n, name: N, owner: bkpsdm, security_category: strategis, source: nasional}}
        security:
          - {{id: km-1, name: SMKI, owner: diskominfo, status: {status}, protects: [{protects}]}}
        """}


def test_km003_unprotected_critical_app(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _protection("app-b"), "KM003")
    assert [f.element for f in hits] == ["app-a"]
    assert [f.element for f in findings(make_workspace, _protection("app-a", "dihentikan"), "KM003")] == ["app-a"]


def test_km003_quiet_when_protected(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _protection("app-a"), "KM003") == []


# --- DA003 several masters, DA005 produced by another OPD, DA004 no producer ------------------------

DATA = """\
data:
  - {id: data-x, name: Data X, owner: bkpsdm, steward: diskominfo}
"""


def _writers(*apps: tuple[str, str, str]) -> dict[str, str]:
    rows = "\n".join(f"  - {{id: {i}, name: {i}, owner: {o}, {rel}: [data-x]}}" for i, o, rel in apps)
    return {"data.yaml": DATA + "applications:\n" + rows + "\n"}


def test_da003_several_masters(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _writers(("app-a", "bkpsdm", "writes"), ("app-b", "diskominfo", "writes")),
                    "DA003")
    assert len(hits) == 1 and hits[0].element == "data-x" and hits[0].severity == "warning"
    assert "app-a" in hits[0].message and "app-b" in hits[0].message and "2 OPDs" in hits[0].message


def test_da003_quiet_with_one_master(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _writers(("app-a", "bkpsdm", "writes"), ("app-b", "bkpsdm", "writes"),
                                             ("app-c", "diskominfo", "reads")), "DA003") == []
    retired = _writers(("app-a", "bkpsdm", "writes"), ("app-b", "diskominfo", "writes"))
    retired["data.yaml"] = retired["data.yaml"].replace("owner: diskominfo,", "owner: diskominfo, status: dihentikan,")
    assert findings(make_workspace, retired, "DA003") == []


def test_da004_used_but_not_produced(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _writers(("app-a", "bkpsdm", "reads")), "DA004")
    assert [f.element for f in hits] == ["data-x"]


def test_da004_quiet_when_produced_or_unused(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _writers(("app-a", "bkpsdm", "reads"), ("app-b", "bkpsdm", "writes")),
                    "DA004") == []
    assert findings(make_workspace, {"data.yaml": DATA}, "DA004") == []  # DA002's business


def test_da005_written_only_by_another_opd(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _writers(("app-b", "diskominfo", "writes")), "DA005")
    assert [f.element for f in hits] == ["data-x"] and "app-b" in hits[0].message


def test_da005_quiet_when_owner_writes(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _writers(("app-a", "bkpsdm", "writes")), "DA005") == []
    # the owner enters its data in the other OPD's application it uses
    used = _writers(("app-b", "diskominfo", "writes"))
    used["data.yaml"] = used["data.yaml"].replace("owner: diskominfo,", "owner: diskominfo, users: [bkpsdm],")
    assert findings(make_workspace, used, "DA005") == []
    # two writing OPDs are DA003's business, not DA005's
    assert findings(make_workspace, _writers(("app-b", "diskominfo", "writes"), ("app-a", "bkpsdm", "writes")),
                    "DA005") == []


def test_da003_on_small_fixture(small: Path) -> None:
    hits = [f for f in validate_workspace(small).report.findings if f.rule == "DA003"]
    assert [f.element for f in hits] == ["data-presensi"]


# --- RF006 depends on retired -----------------------------------------------------------------------


def _retired(server_status: str, app_status: str = "aktif") -> dict[str, str]:
    return {"infra.yaml": INFRA.replace("kind: server, located_in: pdd",
                                        f"kind: server, located_in: pdd, status: {server_status}"),
            "apps.yaml": f"""\
        services:
          - {{id: ly-a, name: Layanan A, owner: bkpsdm, applications: [app-a]}}
        applications:
          - {{id: app-a, name: A, owner: bkpsdm, status: {app_status}, hosted_on: [vm-1]}}
        """}


def test_rf006_running_element_on_retired_server(make_workspace) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, _retired("dihentikan"), "RF006")
    assert [(f.element, f.file, f.line) for f in hits] == [("app-a", "apps.yaml", 4)]
    assert "vm-1" in hits[0].message and "hosted_on" in hits[0].message
    service_hits = findings(make_workspace, _retired("aktif", app_status="dihentikan"), "RF006")
    assert [f.element for f in service_hits] == ["ly-a"]


def test_rf006_quiet_when_both_run_or_both_retired(make_workspace) -> None:  # type: ignore[no-untyped-def]
    assert findings(make_workspace, _retired("aktif"), "RF006") == []
    files = _retired("dihentikan", app_status="dihentikan")
    files["apps.yaml"] = files["apps.yaml"].replace("owner: bkpsdm, applications", "owner: bkpsdm, status: "
                                                    "dihentikan, applications")
    assert findings(make_workspace, files, "RF006") == []


def test_rf006_retired_splp(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = _integration(", via: splp")
    files["infra.yaml"] = files["infra.yaml"].replace("kind: splp,", "kind: splp, status: dihentikan,")
    hits = findings(make_workspace, files, "RF006")
    assert [f.element for f in hits] == ["app-a"] and "splp" in hits[0].message


# --- hierarchy cycles -------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "files"), [
    ("BP003", {"p.yaml": """\
        processes:
          - {id: pb-a, name: A, owner: bkpsdm, parent: pb-c}
          - {id: pb-b, name: B, owner: bkpsdm, parent: pb-a}
          - {id: pb-c, name: C, owner: bkpsdm, parent: pb-b}
          - {id: pb-d, name: D, owner: bkpsdm, parent: pb-a}
        """}),
    ("IN004", {"i.yaml": """\
        infrastructure:
          - {id: srv-a, name: A, owner: diskominfo, located_in: srv-b}
          - {id: srv-b, name: B, owner: diskominfo, located_in: srv-c}
          - {id: srv-c, name: C, owner: diskominfo, located_in: srv-a}
        """}),
])
def test_hierarchy_cycle_reported_once(make_workspace, code: str, files: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    hits = findings(make_workspace, files, code)
    assert len(hits) == 1 and hits[0].severity == "error"
    prefix = "pb" if code == "BP003" else "srv"
    assert f"{prefix}-a -> {prefix}-" in hits[0].message and hits[0].message.endswith(f"{prefix}-a")
    assert hits[0].element == f"{prefix}-a"


def test_or003_organization_cycle(make_workspace) -> None:  # type: ignore[no-untyped-def]
    orgs = """\
        organizations:
          - {id: dinas-a, name: A, kind: dinas, parent: uptd-b, affairs: ["2.16"]}
          - {id: uptd-b, name: B, kind: uptd, parent: dinas-a}
        """
    hits = findings(make_workspace, {"o.yaml": orgs}, "OR003")
    assert [(f.element, f.message) for f in hits] == [
        ("dinas-a", "organization parent cycle: dinas-a -> uptd-b -> dinas-a")]


def test_no_cycle_rules_on_a_tree(make_workspace, small: Path) -> None:  # type: ignore[no-untyped-def]
    report = validate_workspace(small).report
    assert not {"BP003", "IN004", "OR003"} & set(report.summary.by_rule)
    chain = {"p.yaml": """\
        processes:
          - {id: pb-a, name: A, owner: bkpsdm}
          - {id: pb-b, name: B, owner: bkpsdm, parent: pb-a}
          - {id: pb-c, name: C, owner: bkpsdm, parent: pb-b}
        """}
    assert findings(make_workspace, chain, "BP003") == []


# --- IN005 unused infrastructure --------------------------------------------------------------------


def test_in005_unused_infrastructure(make_workspace) -> None:  # type: ignore[no-untyped-def]
    files = {"infra.yaml": INFRA + """\
  - {id: vm-idle, name: Idle, owner: diskominfo, kind: server, located_in: pdd}
  - {id: fw, name: Firewall, owner: diskominfo, kind: perangkat-keamanan, located_in: pdd}
  - {id: vm-old, name: Old, owner: diskominfo, kind: server, located_in: pdd, status: dihentikan}
""", "apps.yaml": """\
        applications:
          - {id: app-a, name: A, owner: bkpsdm, hosted_on: [vm-1], integrations: [{target: app-b, via: splp}]}
          - {id: app-b, name: B, owner: bkpsdm}
        """}
    hits = findings(make_workspace, files, "IN005")
    # pdd contains vm-1, vm-1 hosts app-a, splp carries an integration; the firewall and retired are exempt
    assert [f.element for f in hits] == ["vm-idle"]


def test_in005_quiet_on_small_fixture(small: Path) -> None:
    assert "IN005" not in validate_workspace(small).report.summary.by_rule
