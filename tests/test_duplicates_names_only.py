"""Names-only inventories (third round): new local functions of the lexicon, a shared function word when
no description is there to say more, the RAB area as a signal, and the indexed function lookup of AP015."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from spbe_arch.duplicates import features as features_module
from spbe_arch.duplicates.features import build_features, national_copies
from spbe_arch.duplicates.national import function_of, role_of
from spbe_arch.duplicates.normalize import Normaliser
from spbe_arch.duplicates.tables import LocalFunction, NationalFunction, shipped_tables
from tests.inventory_factory import features_by_row, import_rows, row_pairs

ROWS = [
    ["R01", "e-Arsip", "Bagian Umum", "", "", "Aplikasi"],
    ["R02", "Aplikasi arsip inaktif", "Dinas Kearsipan dan Perpustakaan", "", "", "Aplikasi"],
    ["R03", "LKH Online", "Dinas Pendidikan", "", "", "Aplikasi"],
    ["R04", "Laporan Kegiatan Harian Pegawai", "Dinas Kesehatan", "", "", "Aplikasi"],
    ["R05", "Sistem Informasi Posyandu", "Dinas Kesehatan", "", "", "Aplikasi"],
    ["R06", "e-Posyandu", "Kecamatan Tegalsari", "", "", "Aplikasi"],
    ["R09", "Absensi Siswa", "Dinas Pendidikan", "", "", "Aplikasi"],
    ["R10", "e-Presensi Pegawai", "Badan Kepegawaian Daerah", "", "", "Aplikasi"],
    ["R11", "e-SAKIP", "Bagian Organisasi", "", "", "Aplikasi"],
    ["R12", "e-Kinerja", "Badan Kepegawaian Daerah", "", "", "Aplikasi"],
]


def test_the_lexicon_knows_more_local_functions_by_name() -> None:
    tables = shipped_tables()
    normaliser = Normaliser(tables)
    found_national = function_of(normaliser.name("LKH Online").weights, tables)
    assert found_national is not None and found_national.id == "kinerja-pegawai"  # daily logs are e-Kinerja's
    expected = {"Data Warga Miskin": "kemiskinan",
                "Sistem Informasi Posyandu": "gizi", "Info Harga Pangan": "harga", "SIMFONI-PPA": "kekerasan",
                "e-Beasiswa": "beasiswa", "e-RDKK": "pupuk", "Aplikasi TTE": "tte", "e-Parkir": "retribusi"}
    for name, role in expected.items():
        found = role_of(normaliser.name(name).weights, tables)
        assert found is not None and found.id == role, (name, found)


def test_a_shared_function_word_pairs_names_without_descriptions(tmp_path: Path) -> None:
    pairs = row_pairs(import_rows(tmp_path, ROWS))
    for first, second in (("R01", "R02"), ("R03", "R04"), ("R05", "R06")):
        assert pairs.get(frozenset((first, second))) == "functional", (first, second)


def test_another_function_or_another_job_stays_apart(tmp_path: Path) -> None:
    pairs = row_pairs(import_rows(tmp_path, ROWS))
    for first, second in (("R09", "R10"), ("R11", "R12")):
        assert frozenset((first, second)) not in pairs, (first, second)


def test_the_rab_area_is_kept_only_where_the_words_are_clear(tmp_path: Path) -> None:
    features = {f.app.name: f for f in build_features(import_rows(tmp_path, ROWS)).apps}
    assert features["Aplikasi arsip inaktif"].rab_area is not None
    assert features["Aplikasi arsip inaktif"].rab_area == features["e-Arsip"].rab_area
    assert features["e-Presensi Pegawai"].rab_area is None  # no RAB area names attendance


def _first_by_scan(entries: tuple[NationalFunction, ...] | tuple[LocalFunction, ...], concepts: set[str],
                   written: set[str]) -> str | None:
    """The plain first-match over the whole table, which the indexed lookup must equal."""
    for entry in entries:
        if entry.unless & (concepts | written):
            continue
        if any(group <= concepts for group in entry.concepts):
            return entry.id
    return None


def _said_first_by_scan(roles: tuple[LocalFunction, ...], concepts: dict[str, float], written: set[str]) -> str | None:
    """The plain scan for a local function: of those the words hold (an institution's only when no other
    is held), a strong one before a weak one, then the one whose words come first."""
    present = set(concepts)
    held = [r for r in roles if not r.unless & (present | written) and any(g <= present for g in r.concepts)]
    if not held:
        return None
    position = {w: n for n, w in enumerate(concepts)}
    return min((r for r in held if r.institution == held[0].institution),
               key=lambda r: (not r.strong, min(min(position[w] for w in g) for g in r.concepts if g <= present))).id


def test_the_indexed_function_lookup_equals_a_scan_of_the_table() -> None:
    tables = shipped_tables()
    vocabulary = sorted({w for e in (*tables.functions, *tables.roles) for g in e.concepts for w in g}
                        | {w for e in (*tables.functions, *tables.roles) for w in e.unless})
    checked = 0
    for size in (1, 2):
        for combination in itertools.islice(itertools.combinations(vocabulary, size), 0, None, 7):
            concepts = set(combination)
            for written in (set(), {"desa"}):
                found = function_of(concepts, tables, written)
                assert (found.id if found else None) == _first_by_scan(tables.functions, concepts, written)
                for ordered in (combination, combination[::-1]):  # a name says its words in an order
                    said = dict.fromkeys(ordered, 1.0)
                    role = role_of(said, tables, written)
                    assert (role.id if role else None) == _said_first_by_scan(tables.roles, said, written)
                checked += 1
    assert checked > 500


def test_national_copies_read_a_repeated_name_once_with_the_same_result(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [[f"C{i:02d}", "Aplikasi Persuratan", f"Dinas Nomor {i}", "", "", "Aplikasi"] for i in range(6)]
    rows.append(["C99", "Sistem Informasi Pengaduan", "Inspektorat", "", "", "Aplikasi"])
    workspace = import_rows(tmp_path, rows)
    read: list[str] = []
    real = features_module._function_by_name
    monkeypatch.setattr(features_module, "_function_by_name",
                        lambda normaliser, name: read.append(name.key) or real(normaliser, name))
    copies = national_copies(workspace)
    functions = {app.name: function.id for app, function, _ in copies}
    assert functions == {"Aplikasi Persuratan": "persuratan", "Sistem Informasi Pengaduan": "pengaduan"}
    assert len(copies) == 7
    assert len(read) == len(set(read)) == 2  # six rows of one name: its words are read once
    read.clear()
    assert [f.function for f in build_features(workspace).apps if f.function] == [f for _, f, _ in copies]
    assert read == []  # the feature set reuses that one reading of the workspace (spbe build asks for both)


def test_an_acronym_and_the_name_it_abbreviates_are_one_system(tmp_path: Path) -> None:
    rows = [["A01", "SIMANTAP", "Sekretariat Daerah", "", "", "Aplikasi"],
            ["A02", "Sistem Informasi Manajemen Tata Perkantoran", "Dinas Komunikasi dan Informatika", "", "",
             "Aplikasi"],
            ["A03", "SIMPATIK", "Dinas Sosial", "", "", "Aplikasi"],  # starts alike, spells other words
            ["A04", "SIMPUS", "Dinas Kesehatan", "", "", "Aplikasi"]]
    workspace = import_rows(tmp_path, rows)
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset(("A01", "A02"))) == "same_system"
    assert frozenset(("A02", "A03")) not in pairs and frozenset(("A02", "A04")) not in pairs


def test_an_opd_abbreviation_names_its_owner() -> None:
    from spbe_arch.duplicates.owner_sites import looks_like_an_opd, names_owner
    from spbe_arch.duplicates.tables import words

    def owner(label: str, name: str) -> bool:
        return names_owner(label, tuple(words(name)))

    assert owner("desdm", "Dinas Energi dan Sumber Daya Mineral")
    assert owner("dinkes", "Dinas Kesehatan") and owner("dispenduk", "Dinas Kependudukan dan Catatan Sipil")
    assert owner("disnakertrans", "Dinas Tenaga Kerja dan Transmigrasi")
    assert owner("bapenda", "Badan Pendapatan Daerah") and owner("biroadpem", "Biro Administrasi Pembangunan")
    assert not owner("distamben", "Dinas Energi dan Sumber Daya Mineral")  # its former name
    assert not owner("kpid", "Dinas Komunikasi dan Informatika") and not owner("visit", "Dinas Pariwisata")
    assert looks_like_an_opd("distamben") and not looks_like_an_opd("virtualtour")


def test_an_opds_site_under_its_current_and_former_abbreviation_is_one_system(tmp_path: Path) -> None:
    rows = [["W01", "desdm.sukamakmur.go.id", "Dinas Energi dan Sumber Daya Mineral", "", "", "Website"],
            ["W02", "distamben.sukamakmur.go.id", "Dinas Energi dan Sumber Daya Mineral", "", "", "Website"],
            ["W03", "diskominfo.sukamakmur.go.id", "Dinas Komunikasi dan Informatika", "", "", "Website"],
            ["W04", "virtualtour.sukamakmur.go.id", "Dinas Komunikasi dan Informatika", "", "", "Website"],
            ["W05", "kpid.sukamakmur.go.id", "Dinas Komunikasi dan Informatika", "", "", "Website"],
            ["W06", "disbudpar.sukamakmur.go.id", "Dinas Pariwisata", "", "", "Website"]]
    workspace = import_rows(tmp_path, rows)
    pairs = row_pairs(workspace)
    assert pairs == {frozenset(("W01", "W02")): "same_system"}  # the sites of Diskominfo are other systems



GUARDS = [
    ['Q01', 'Siskeudes', 'Dinas Pemberdayaan Masyarakat dan Desa', '', '', 'Aplikasi'],
    ['Q02', 'SIMDA Keuangan', 'Badan Pengelolaan Keuangan dan Aset Daerah', '', '', 'Aplikasi'],
    ['Q03', 'e-Kinerja', 'Badan Kepegawaian Daerah', '', '', 'Aplikasi'],
    ['Q04', 'e-SAKIP', 'Biro Organisasi', '', '', 'Aplikasi'],
    ['Q05', 'SIRUP', 'Biro Pengadaan Barang dan Jasa', '', '', 'Aplikasi'],
    ['Q06', 'LPSE', 'Biro Pengadaan Barang dan Jasa', '', '', 'Aplikasi'],
    ['Q07', 'Aplikasi Keuangan Desa', 'Dinas Pemberdayaan Masyarakat dan Desa', '', '', 'Aplikasi'],
    ['Q08', 'Sistem Informasi Keuangan Daerah', 'Inspektorat', '', '', 'Aplikasi'],
    ['Q09', 'Absensi Siswa', 'Dinas Pendidikan', '', '', 'Aplikasi'],
    ['Q10', 'Absensi Pegawai', 'Dinas Kesehatan', '', '', 'Aplikasi'],
    ['Q11', 'Laporan Bencana', 'Badan Penanggulangan Bencana Daerah', '', '', 'Aplikasi'],
    ['Q12', 'Lapor Gubernur', 'Biro Pemerintahan', '', '', 'Aplikasi'],
    ['Q13', 'SIMPEG Guru', 'Dinas Pendidikan', '', '', 'Aplikasi'],
    ['Q14', 'SIMPEG', 'Badan Kepegawaian Daerah', '', '', 'Aplikasi'],
    ['Q15', 'Website Dinas Sosial', 'Dinas Sosial', '', '', 'Website'],
    ['Q16', 'Website Dinas Kesehatan', 'Dinas Kesehatan', '', '', 'Website'],
    ['Q17', 'e-Office', 'Biro Umum', '', '', 'Aplikasi'],
    ['Q18', 'TNDE Dinas Pendidikan', 'Dinas Pendidikan', '', '', 'Aplikasi'],
    ['Q19', 'Presensi Online', 'Dinas Sosial', '', '', 'Aplikasi'],
    ['Q20', 'Portal Satu Data', 'Dinas Komunikasi dan Informatika', '', '', 'Aplikasi'],
    ['Q21', 'Open Data', 'Bappeda', '', '', 'Aplikasi'],
    ['Q22', 'Pajak Kendaraan Bermotor', 'Badan Pendapatan Daerah', '', '', 'Aplikasi'],
    ['Q23', 'Pajak Bumi dan Bangunan', 'Badan Pendapatan Daerah', '', '', 'Aplikasi'],
]


def test_qualifiers_keep_domains_apart_in_names_only(tmp_path: Path) -> None:
    """Village against regional finance, ASN performance against SAKIP, SiRUP against SPSE, pupils'
    against staff attendance, disaster reports against complaints, teachers' records against SIMPEG,
    two OPDs' websites, two taxes: apart; the same function under two names: one pair each."""
    workspace = import_rows(tmp_path, GUARDS, government="Pemerintah Provinsi Sukamakmur")
    assert set(row_pairs(workspace)) == {frozenset(p) for p in (("Q01", "Q07"), ("Q17", "Q18"), ("Q20", "Q21"),
                                                               ("Q10", "Q19"), ("Q02", "Q08"))}


def test_an_address_that_abbreviates_its_owner_is_a_website_without_a_category(tmp_path: Path) -> None:
    """Without a category column an OPD's own address (dinkes.x.go.id) is still its website, so it is
    not a functional duplicate of an application; a village's site is its village's, not the Setda's
    application of the same name; an address named after another OPD is no site of its owner."""
    rows = [["S01", "dinkes.sukamakmur.go.id", "Dinas Kesehatan", "", "", ""],
            ["S02", "Profil Dinas Kesehatan", "Dinas Kesehatan", "", "", ""],
            ["S03", "simbatan", "Sekretariat Daerah", "", "", ""],
            ["S04", "simbatan.sukamakmur.go.id", "Desa Simbatan", "", "", ""],
            ["S05", "bkd.sukamakmur.go.id", "Badan Kepegawaian Daerah", "", "", ""],
            ["S06", "kesbangpol.sukamakmur.go.id", "Badan Kepegawaian Daerah", "", "", ""],
            ["S07", "bakesbangpol.sukamakmur.go.id", "Badan Kesatuan Bangsa dan Politik", "", "", ""]]
    workspace = import_rows(tmp_path, rows)
    features = {str(f.app.properties.get("source_ids")): f for f in build_features(workspace).apps}
    assert features["S01"].website and features["S04"].website and not features["S03"].website
    assert not features["S06"].opd_site  # kesbangpol names another OPD
    assert row_pairs(workspace) == {}


CAMEL_ROWS = [
    ["R01", "MyHospital", "Rumah Sakit Mata", "", "", "Aplikasi"],
    ["R02", "SIMRS RSUD Sukamakmur", "RSUD Sukamakmur", "", "", "Aplikasi"],
    ["R03", "AbsensiOnline", "Dinas Kesehatan", "", "", "Aplikasi"],
    ["R04", "e-Presensi Pegawai", "Badan Kepegawaian Daerah", "", "", "Aplikasi"],
    ["R05", "SatuSehat", "Dinas Kesehatan", "", "", "Aplikasi"],
    ["R06", "Sukamakmur Sehat", "Dinas Kesehatan", "", "", "Aplikasi"],
    ["R07", "JakLingko", "Dinas Perhubungan", "", "", "Aplikasi"],
]


def test_words_joined_by_their_capitals_are_read_apart(tmp_path: Path) -> None:
    """'MyHospital' is a hospital system and 'AbsensiOnline' an attendance one, as their words written
    apart would be; a name a table knows whole (SatuSehat) and a brand of unknown parts stay one word."""
    workspace = import_rows(tmp_path, CAMEL_ROWS)
    features = features_by_row(workspace)
    assert features["R01"].role is not None and features["R01"].role.id == "simrs"
    assert features["R03"].role is not None and features["R03"].role.id == "presensi"
    assert features["R05"].is_national and "sehat" not in features["R05"].name
    assert list(features["R07"].name) == ["jaklingko"]
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset({"R01", "R02"})) == "functional"
    assert pairs.get(frozenset({"R03", "R04"})) == "functional"
    assert frozenset({"R05", "R06"}) not in pairs  # the national platform is not the province's programme


CONFIRMED_ROWS = [
    ["R01", "Satu Data Sukamakmur", "Dinas Komunikasi dan Informatika",
     "Portal resmi data statistik sektoral, indikator makro, kemiskinan, keuangan daerah dan peta tematik",
     "Aktif", "Aplikasi"],
    ["R02", "Statistik Dinkes", "Dinas Kesehatan",
     "Pengolahan data statistik jumlah penyakit, fasilitas kesehatan dan gizi buruk", "Aktif", "Aplikasi"],
    ["R03", "SI-SUBAK", "Dinas Pertanian", "Pemetaan wilayah subak, luas sawah dan jadwal tanam", "Aktif",
     "Aplikasi"],
    ["R04", "SI TIRTA", "Dinas Pekerjaan Umum", "Peta jaringan drainase, titik genangan dan pintu air", "Aktif",
     "Aplikasi"],
]


def test_descriptions_that_say_the_function_both_names_say_confirm_it(tmp_path: Path) -> None:
    """Satu Data and an office's statistics: their names say one job in two words and their descriptions
    say it too, each about its own data; two names that say nothing, whose descriptions each mention a
    map, are not confirmed by the descriptions that gave them their function."""
    workspace = import_rows(tmp_path, CONFIRMED_ROWS)
    pairs = row_pairs(workspace)
    assert pairs.get(frozenset({"R01", "R02"})) == "functional"
    assert frozenset({"R03", "R04"}) not in pairs


def test_a_word_the_tables_know_only_inside_a_phrase_says_no_job(tmp_path: Path) -> None:
    """SIPIL: "sipil" is known inside "pencatatan sipil" and "aparatur sipil negara", but alone it says no
    job, so the description says what the application does; an executive information system is a
    dashboard, whatever its name adds."""
    workspace = import_rows(tmp_path, [
        ["R01", "SIPIL", "Dinas Pekerjaan Umum",
         "Aplikasi statistik pengolahan data pembangunan infrastruktur", "Aktif", "Aplikasi"],
        ["R02", "SIEKSA (Sistem Informasi Eksekutif Sari)", "Bagian Protokol dan Komunikasi Pimpinan",
         "Indikator makro, realisasi anggaran dan capaian program", "Aktif", "Aplikasi"],
        ["R03", "SIPD Penatausahaan", "Badan Pengelolaan Keuangan dan Aset Daerah", "", "Aktif", "Aplikasi"],
    ])
    features = features_by_row(workspace)
    assert features["R01"].read_description and features["R01"].role is not None
    assert features["R01"].role.id == "satu-data"
    assert features["R02"].views == {"dashboard"}
    assert frozenset({"R02", "R03"}) not in row_pairs(workspace)  # a view of the budget's realisation


def test_a_dashboards_description_says_what_it_shows_not_what_it_does(tmp_path: Path) -> None:
    """The description of a dashboard lists the data it shows (realisasi anggaran, indikator makro): its
    name says it is a view, so it is not read as performing SIPD's job; a name that says nothing and a
    description that says the job still is."""
    workspace = import_rows(tmp_path, [
        ["R01", "Dashboard Eksekutif Pimpinan Daerah", "Dinas Komunikasi dan Informatika",
         "Realisasi anggaran, penatausahaan keuangan dan indikator makro untuk pimpinan", "Aktif", "Aplikasi"],
        ["R02", "SIMKEUDA", "Badan Keuangan Daerah",
         "Penatausahaan keuangan daerah dan realisasi anggaran", "Aktif", "Aplikasi"],
    ])
    features = features_by_row(workspace)
    assert features["R01"].function is None and not features["R01"].read_description
    assert features["R02"].function is not None and features["R02"].function.id == "keuangan-daerah"


def test_an_acronyms_letters_are_not_a_word_of_another_name(tmp_path: Path) -> None:
    """SI-MADE (Sistem Informasi Manajemen Aset Daerah) and "Made in Bali" share letters, not a word:
    neither one system nor one job by their names; SI-PINTAR written twice, by two kecamatan, is still one
    system (by two unrelated OPDs it would be a word each gave its own system)."""
    workspace = import_rows(tmp_path, [
        ["R01", "SI-MADE", "Dinas Pendidikan", "", "", "Aplikasi"],
        ["R02", "Made in Bali", "Dinas Koperasi dan UKM", "", "", "Aplikasi"],
        ["R03", "Made in Bali Mobile", "Dinas Koperasi dan UKM", "", "", "Aplikasi"],
        ["R04", "SI-PINTAR", "Kecamatan Sumberejo", "", "", "Aplikasi"],
        ["R05", "Sipintar", "Kecamatan Wonorejo", "", "", "Aplikasi"],
    ], government="Pemerintah Provinsi Bali")
    pairs = row_pairs(workspace, merged=True)
    assert not any(pair & {"R02", "R03"} and "R01" in pair for pair in pairs)
    assert pairs.get(frozenset({"R02", "R03"})) == "same_system"  # the catalogue and its mobile client
    assert pairs.get(frozenset({"R04", "R05"})) == "same_system"
