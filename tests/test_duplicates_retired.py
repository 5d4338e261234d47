"""Retired rows in an inventory ("Tidak Aktif"). A retired system listed beside the one that does its job
now (SIMDA Keuangan beside SIPD, an old e-Office beside SRIKANDI) is that job listed twice: labellers of
real inventories pair them. The finder reports the pair; the proposal never moves, keeps or counts the
retired one as in use, and the judgements of applications in use (AP015, classify) leave it out."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.classify import classify
from spbe_arch.duplicates import find_duplicates
from spbe_arch.duplicates.features import national_copies
from spbe_arch.loader import open_workspace
from tests.inventory_factory import app_rows, import_rows, row_pairs

OTHERS = [
    ["O01", "Sipandu", "Badan Kesatuan Bangsa dan Politik", "Pendataan organisasi kemasyarakatan", "Aktif", ""],
    ["O02", "Sibaru", "Dinas Perhubungan", "Jadwal kapal penyeberangan antar pulau", "Aktif", ""],
    ["O03", "Simantap", "Dinas Pertanian", "Kalender tanam padi petani", "Aktif", ""],
    ["O04", "Sidamar", "Dinas Kelautan dan Perikanan", "Pendataan nelayan dan kapal ikan", "Aktif", ""],
]

ROWS = [
    ["R01", "E-Office Pemkab", "Bagian Umum Setda", "Surat masuk, surat keluar dan disposisi", "Tidak Aktif", ""],
    ["R02", "SRIKANDI", "Dinas Komunikasi dan Informatika", "", "Aktif", ""],
    ["R03", "Aplikasi Surat Masuk Keluar", "Kecamatan Sumberejo", "Pencatatan surat masuk dan keluar", "Aktif", ""],
    ["R04", "PPDB Online", "Dinas Pendidikan", "Penerimaan peserta didik baru SD dan SMP", "Tidak Aktif", ""],
    ["R05", "SPMB Online", "Dinas Pendidikan", "Sistem penerimaan murid baru SD dan SMP", "Aktif", ""],
    ["R06", "Absensi Online Pegawai", "Dinas Kesehatan", "", "Tidak Aktif", ""],
    ["R07", "Absensi Online Pegawai", "Dinas Sosial", "", "Tidak Aktif", ""],
    *OTHERS,
]


def test_a_retired_row_beside_its_successor_is_reported_and_never_moved(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, ROWS)
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("R04", "R05"))) == "functional"  # the old admission system and the new
    assert pairs.get(frozenset(("R01", "R02"))) == "functional"  # the old e-Office and SRIKANDI
    report = find_duplicates(workspace, language="id")
    rows = app_rows(workspace)
    by_row = {row: app_id for app_id, row in rows.items()}
    admission = report.group_of(by_row["R04"])
    assert admission is not None
    assert admission.proposal.startswith("Usulan: PPDB Online (Dinas Pendidikan) sudah tidak digunakan lagi")
    assert "digantikan" in admission.proposal and "SPMB Online" in admission.proposal
    letters = report.group_of(by_row["R01"])
    assert letters is not None and letters.proposal.startswith("Usulan: alihkan Aplikasi Surat Masuk Keluar")
    assert "E-Office Pemkab (Bagian Umum Setda) sudah tidak digunakan lagi" in letters.proposal
    for group in report.groups:  # a retired row is never what others move into, nor moved itself
        assert "ke dalam PPDB Online" not in group.proposal and "alihkan E-Office" not in group.proposal


def test_rows_all_retired_need_nothing(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, ROWS)
    report = find_duplicates(workspace)
    rows = app_rows(workspace)
    retired = {app_id for app_id, row in rows.items() if {"R06", "R07"} & set(row.split("; "))}
    # one job in two OPDs, both retired: the pair is listed, no group proposes anything for it
    assert row_pairs(workspace, report).get(frozenset(("R06", "R07"))) == "functional"
    assert all(report.group_of(app_id) is None for app_id in retired)


def test_the_judgements_of_applications_in_use_leave_retired_ones_out(tmp_path: Path) -> None:
    workspace = import_rows(tmp_path, ROWS)
    rows = app_rows(workspace)
    old_office = next(app_id for app_id, row in rows.items() if row == "R01")
    assert workspace.get(old_office).retired
    assert old_office not in {app.id for app, _, _ in national_copies(workspace)}  # rule AP015
    assert old_office not in {s.application for s in classify(workspace)}
    local = next(app_id for app_id, row in rows.items() if row == "R03")
    assert local in {app.id for app, _, _ in national_copies(workspace)}  # the control: in use, flagged


def test_a_retired_row_of_one_system_is_not_counted_among_its_users(tmp_path: Path) -> None:
    """One system on three rows, the first of an OPD that no longer uses it: the import records one
    application in use, owned by an OPD that uses it, and not used by the OPD whose row is retired."""
    rows = [
        ["S01", "SIMPATIK", "Kecamatan Sumberejo", "Perizinan usaha daerah", "Tidak Aktif", ""],
        ["S02", "SIMPATIK", "Dinas Penanaman Modal dan PTSP", "Perizinan usaha daerah", "Aktif", ""],
        ["S03", "SIMPATIK", "Kecamatan Karanganyar", "Perizinan usaha daerah", "Aktif", ""],
        ["S04", "SIMPATIK", "Kecamatan Sidomulyo", "Perizinan usaha daerah", "Tidak Aktif", ""],
        *OTHERS,
    ]
    from spbe_arch.exchange.inventory import import_inventory
    from tests.inventory_factory import write_inventory

    report = import_inventory(write_inventory(tmp_path / "apps.csv", rows), tmp_path / "ws")
    notes = [note.message for note in report.assumptions]
    # the import says what it did: the system is in use, owned by an OPD that uses it
    assert any("is in use where an earlier row of its system is not" in n and "Penanaman Modal" in n
               for n in notes), notes
    workspace, _ = open_workspace(tmp_path / "ws")
    merged = next(a for a in workspace.applications if "S01" in str(a.properties.get("source_ids")))
    assert any("Sidomulyo no longer uses it" in n for n in notes), notes
    assert str(merged.properties["source_ids"]) == "S01; S02; S03; S04"
    assert not merged.retired
    owners = {merged.owner, *merged.users}
    assert not any("sumberejo" in o or "sidomulyo" in o for o in owners)
    assert any("karanganyar" in o for o in owners) and any("penanaman" in o or "dpmptsp" in o for o in owners)


def test_a_retired_application_the_model_records_as_replaced_is_settled() -> None:
    workspace, _ = open_workspace(Path(__file__).parent.parent / "models" / "kabupaten-pasuruan")
    simda = workspace.get("simda-keuangan")
    assert simda.retired and any("simda-keuangan" in a.replaces for a in workspace.applications)
    report = find_duplicates(workspace)
    assert not any("simda-keuangan" in (p.a, p.b) for p in report.pairs)


def test_a_retired_row_is_said_replaced_only_by_an_application_of_its_job(tmp_path: Path) -> None:
    """Kota Banjarbaru's retired "Electronik Giat Pimpinan (EGP)" (the leaders' agenda) and SIJAPTI (the
    selection for senior posts) share only "pimpinan" in their descriptions; that reaches the threshold,
    but saying the second replaced the first would be wrong: a retired row pairs only with an application
    of its job."""
    from spbe_arch.duplicates.features import build_features
    from spbe_arch.duplicates.finder import resolve_threshold
    from spbe_arch.duplicates.messages import Messages
    from spbe_arch.duplicates.scoring import Scorer
    from spbe_arch.exchange.inventory import import_inventory

    folder = Path(__file__).parent / "data" / "inventories" / "banjarbaru-kota"
    import_inventory(folder / "apps.csv", tmp_path / "ws")
    workspace, _ = open_workspace(tmp_path / "ws")
    by_row = {row: app_id for app_id, row in app_rows(workspace).items()}
    features = build_features(workspace)
    feature = {f.id: f for f in features.apps}
    leaders, posts = feature[by_row["BJB-002"]], feature[by_row["BJB-070"]]
    assert leaders.app.retired and not posts.app.retired
    messages = Messages(workspace, "en")
    messages.surface, messages.written = features.normaliser.surface, features.normaliser.written
    score, _ = Scorer(features, messages, messages.ref).measure(leaders, posts)
    assert score >= resolve_threshold(workspace, None)  # the words alone would make them a pair
    pairs = row_pairs(workspace)
    assert frozenset(("BJB-002", "BJB-070")) not in pairs
    assert pairs.get(frozenset(("BJB-020", "BJB-021"))) == "functional"  # retired Senayan (SLiMS), INLISLite
