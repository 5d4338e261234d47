"""How reported pairs become groups: a group is what its members are paired with, not a chain of
chance pairs each joining the one before."""

from __future__ import annotations

from spbe_arch.duplicates.grouping import _components
from spbe_arch.duplicates.report import Pair


def _pair(a: str, b: str, score: float = 0.8) -> Pair:
    return Pair(a=a, b=b, score=score, evidence=["test"])


def test_a_chain_of_single_pairs_does_not_make_one_group() -> None:
    # A is paired with B, B with C, and so on: each application only with the one before. On a real
    # inventory (Konawe Selatan, read before it was a tuning set) such chains grouped sites of every
    # OPD into one "duplicate" group: 755 reported row pairs, 14% of them right.
    chain = [_pair(f"app-{i}", f"app-{i + 1}", score=0.9 - i / 100) for i in range(8)]
    groups = _components(chain)
    assert max(len(g) for g in groups) <= 4
    assert sum(len(g) for g in groups) == 9  # every application is still in a group


def test_an_application_paired_with_enough_of_a_group_joins_it() -> None:
    members = ["a", "b", "c", "d"]
    pairs = [_pair(x, y) for i, x in enumerate(members) for y in members[i + 1:]]
    pairs.append(_pair("a", "e", 0.7))  # paired with one of four: not enough
    assert ["e"] in _components(pairs)
    pairs.append(_pair("b", "e", 0.7))  # with two of four: a member
    assert _components(pairs) == [["a", "b", "c", "d", "e"]]


def test_a_bridge_pair_joins_at_once() -> None:
    # pairs of one function reported as a spanning tree (many attendance applications) join whatever
    # they link
    chain = [_pair(f"app-{i}", f"app-{i + 1}") for i in range(6)]
    assert len(_components(chain, bridge=lambda _: True)) == 1


def test_an_application_left_out_of_a_group_is_in_no_group(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Konawe Selatan's statistics applications: SILADA KETAPANG is paired with one of them only. Left out
    # of their group, it was reported as a "group" of one with the proposal "no change"
    import csv
    from pathlib import Path

    from spbe_arch.duplicates.finder import find_duplicates
    from tests.inventory_factory import import_rows

    source = Path(__file__).parent / "data" / "inventories" / "konawe-selatan-kab" / "apps.csv"
    with source.open(encoding="utf-8", newline="") as handle:
        rows = [list(row.values()) for row in csv.DictReader(handle)]
    workspace = import_rows(tmp_path, rows, government="Pemerintah Kabupaten Konawe Selatan")
    report = find_duplicates(workspace.root)
    assert report.groups
    for group in report.groups:
        assert len(group.applications) > 1 or group.national is not None, group


def test_rows_that_other_pairs_make_one_system_are_not_also_a_group_of_one_job(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Kota Banjarbaru's E-PBB and PBB P2 are one system, PBB P2 and SISMIOP PBB too: E-PBB and SISMIOP
    PBB are then rows of that system, and the three rows are not a second group of one job whose advice
    said "no change; the applications below are kept" and named none."""
    from spbe_arch.duplicates import find_duplicates
    from tests.inventory_factory import import_rows
    from tests.test_duplicates_functions import NAMES_ONLY

    owner = "Badan Pengelola Pajak dan Retribusi Daerah"
    workspace = import_rows(tmp_path, [
        ["T01", "E - PBB", owner, "Aplikasi Manajemen Elektronik Pajak Bumi dan Bangunan", "Aktif", "Aplikasi"],
        ["T02", "PBB P2", owner, "Aplikasi Pelayanan Pembayaran PBB", "Aktif", "Aplikasi"],
        ["T03", "SISMIOP PBB", owner, "Sistem Informasi dan Manajemen Objek Pajak", "Aktif", "Aplikasi"],
        *NAMES_ONLY,
    ])
    report = find_duplicates(workspace)
    rows = {"e-pbb", "pbb-p2", "sismiop-pbb"}
    groups = [g for g in report.groups if rows & set(g.applications)]
    assert [(g.kind, sorted(g.applications)) for g in groups] == [("same_system", sorted(rows))]
    inside = [p for p in report.pairs if {p.a, p.b} <= rows]
    assert len(inside) == 3 and {p.kind for p in inside} == {"same_system"}
    assert all("below are kept" not in g.proposal for g in report.groups)


def test_the_pemdas_own_system_of_a_national_name_is_a_copy_and_a_listing_is_the_national_one(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """"E-KINERJA Pemkot" beside "e-Kinerja BKN": the city's own e-Kinerja, named after BKN's, is a second
    system doing BKN's job, not the ministry's application listed once more. "E-Kinerja" of the health
    office, one system with "e-Kinerja BKN", is a row of the national application: one group saying so,
    and no second group advising to move it to the application it is."""
    from spbe_arch.duplicates import find_duplicates
    from tests.inventory_factory import import_rows, row_pairs
    from tests.test_duplicates_functions import NAMES_ONLY

    workspace = import_rows(tmp_path, [
        ["K01", "e-Kinerja BKN", "BKPSDM", "penilaian kinerja ASN / SKP", "Aktif", "Aplikasi Umum"],
        ["K02", "E-KINERJA Pemkot", "BKPSDM", "input aktivitas harian pegawai", "Aktif", "Aplikasi Khusus"],
        ["K03", "E-Kinerja", "Dinas Kesehatan", "", "Aktif", "Aplikasi"],
        *(row for row in NAMES_ONLY if row[1] != "E-Kinerja"),
    ], government="Pemerintah Kota Bayu Tirta")
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("K01", "K02"))) == "functional"
    assert pairs.get(frozenset(("K01", "K03"))) == "same_system"
    report = find_duplicates(workspace)
    kinds = sorted((g.kind, tuple(sorted(g.applications))) for g in report.groups
                   if {"e-kinerja-bkn", "e-kinerja"} & set(g.applications))
    assert any(kind == "functional" and "e-kinerja-pemkot" in apps for kind, apps in kinds)
    (tmp_path / "alone").mkdir()
    alone = import_rows(tmp_path / "alone", [
        ["K01", "e-Kinerja BKN", "BKPSDM", "penilaian kinerja ASN / SKP", "Aktif", "Aplikasi Umum"],
        ["K03", "E-Kinerja", "Dinas Kesehatan", "", "Aktif", "Aplikasi"],
        *(row for row in NAMES_ONLY if row[1] != "E-Kinerja"),
    ], government="Pemerintah Kota Bayu Tirta")
    kinds = sorted((g.kind, tuple(sorted(g.applications))) for g in find_duplicates(alone).groups
                   if {"e-kinerja-bkn", "e-kinerja"} & set(g.applications))
    assert kinds == [("same_system", ("e-kinerja", "e-kinerja-bkn"))]
