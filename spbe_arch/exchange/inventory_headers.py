"""The column headers of Pemda application inventories, and the values written under them.

Inventories (the SPBE catalogue surveys, the Kominfo application lists) use Indonesian headers
with many spellings: ``Nama Aplikasi``, ``NAMA APLIKASI``, ``Nama Aplikasi/Sistem Informasi``,
``OPD Pemilik`` or ``Perangkat Daerah``. A header is recognised by its normalised text, then by
close spelling (rapidfuzz), so that typing slips still match.
"""

from __future__ import annotations

import re

# field -> headers that mean it, the most specific first. "ignore" columns are skipped silently.
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("nama aplikasi", "nama sistem informasi", "nama aplikasi sistem informasi", "nama aplikasi spbe",
             "nama sistem", "aplikasi", "sistem informasi", "nama", "name", "application", "application name"),
    "acronym": ("singkatan", "akronim", "nama singkat", "singkatan aplikasi", "alias"),
    "owner": ("opd pemilik", "perangkat daerah", "perangkat daerah pemilik", "pd pemilik", "opd pengelola",
              "pemilik", "opd", "skpd", "skpd pemilik", "instansi pemilik", "unit kerja", "unit kerja pemilik",
              "unit pemilik", "pengelola", "instansi", "nama opd", "satuan kerja", "pemilik aplikasi",
              "opd penanggung jawab", "penanggung jawab", "owner", "owner opd", "owner organization"),
    "users": ("opd pengguna", "pengguna", "perangkat daerah pengguna", "pd pengguna", "skpd pengguna",
              "unit pengguna", "instansi pengguna", "pengguna aplikasi"),
    "description": ("fungsi", "deskripsi", "fungsi aplikasi", "deskripsi aplikasi", "uraian", "uraian fungsi",
                    "deskripsi singkat", "keterangan", "manfaat", "tujuan", "description"),
    "kind": ("klasifikasi", "klasifikasi aplikasi", "jenis aplikasi", "umum khusus", "jenis"),
    "category": ("category", "tipe", "type", "jenis sistem", "tipe aplikasi"),
    "source": ("kategori", "kategori aplikasi", "pusat lokal", "sumber aplikasi", "asal aplikasi", "sumber",
               "penyedia", "pengembang", "pengembang aplikasi", "developer", "pembuat", "pembuat aplikasi",
               "dikembangkan oleh"),
    "platform": ("media", "platform", "media platform", "jenis platform", "basis aplikasi", "berbasis"),
    "status": ("status", "status aplikasi", "status penggunaan", "keaktifan", "kondisi"),
    "since": ("tahun pembuatan", "tahun dibuat", "tahun pengembangan", "tahun implementasi", "tahun mulai",
              "tahun operasional", "tanggal pembuatan", "tahun"),
    "url": ("link", "url", "alamat url", "alamat aplikasi", "link aplikasi", "url aplikasi", "tautan",
            "alamat website", "website", "domain", "alamat"),
    "database": ("basis data", "database", "dbms", "jenis basis data", "jenis database"),
    "language": ("bahasa pemrograman", "bahasa program", "bahasa"),
    "framework": ("framework", "kerangka kerja"),
    "hosted_on": ("lokasi server", "lokasi hosting", "server", "hosting", "tempat hosting", "lokasi penyimpanan",
                  "pusat data"),
    "reference": ("kode referensi", "kode raa", "referensi arsitektur aplikasi", "kode referensi aplikasi"),
    "security_category": ("kategori keamanan", "kategori sistem elektronik", "kategori se",
                          "kategori keamanan sistem elektronik"),
    "row_id": ("id", "kode", "kode aplikasi", "id aplikasi"),
    "ignore": ("no", "nomor", "no urut", "nomor urut"),
}
FIELDS: tuple[str, ...] = tuple(f for f in HEADERS if f != "ignore")
FUZZY_CUTOFF = 88.0

_PARENS = re.compile(r"\([^)]*\)")


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, single spaces: 'Nama Aplikasi/SI' -> 'nama aplikasi si'."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


_EXACT: dict[str, tuple[str, int]] = {
    normalise(h): (field, rank) for field, headers in HEADERS.items() for rank, h in enumerate(headers)
}


def match_header(text: str) -> tuple[str, float, int] | None:
    """(field, score 0-100, rank of the synonym) for a header cell; None when nothing is close."""
    from rapidfuzz import fuzz, process

    variants = [normalise(text), normalise(_PARENS.sub(" ", text))]
    for variant in variants:
        if variant in _EXACT:
            field, rank = _EXACT[variant]
            return field, 100.0, rank
    best: tuple[str, float, int] | None = None
    for variant in variants:
        if len(variant) < 4:
            continue
        found = process.extractOne(variant, list(_EXACT), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if found is not None and (best is None or found[1] > best[1]):
            field, rank = _EXACT[found[0]]
            best = (field, float(found[1]), rank)
    return best


# --- values ----------------------------------------------------------------------------------------

EMPTY_MARKERS = frozenset({"", "-", "--", "—", "–", "n a", "na", "tidak ada", "belum ada", "tidak diketahui", "?",
                           "none", "null", "nihil", "kosong"})

KIND_VALUES = {"umum": "umum", "aplikasi umum": "umum", "khusus": "khusus", "aplikasi khusus": "khusus"}
SOURCE_VALUES = {
    "pusat": "nasional", "nasional": "nasional", "kementerian": "nasional", "pemerintah pusat": "nasional",
    "aplikasi pusat": "nasional", "lembaga": "nasional", "lokal": "lokal", "daerah": "lokal", "pemda": "lokal",
    "aplikasi lokal": "lokal", "aplikasi daerah": "lokal", "lokal daerah": "lokal", "mandiri": "lokal",
}
# Who built it, as a form's "Pengembang" column writes it: "Pusat (Kemendagri)", "Kementerian Kesehatan"
# is a central application; "Pihak Ketiga", "Swakelola", "Internal" the Pemda's own.
SOURCE_LEADS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(pusat|pemerintah pusat|kementerian|kemen[a-z]*|lembaga|badan nasional|nasional)\b"), "nasional"),
    (re.compile(r"^(pihak ketiga|swakelola|internal|in house|inhouse|vendor|konsultan|mandiri|pemda|pemkab|pemkot|"
                r"pemprov|daerah|lokal|opd|diskominfo)\b"), "lokal"),
)
STATUS_VALUES: tuple[tuple[str, str], ...] = (
    (r"\b(tidak|non|belum|sudah tidak)\s*(aktif|digunakan|berjalan|operasional|dipakai)\b", "dihentikan"),
    (r"\b(nonaktif|dihentikan|mati|off|usang|ditutup)\b", "dihentikan"),
    (r"\b(pengembangan|development|uji coba|ujicoba|pilot|proses pembuatan)\b", "pengembangan"),
    (r"\b(rencana|direncanakan|usulan|perencanaan)\b", "rencana"),
    (r"\b(aktif|digunakan|berjalan|operasional|ya|jalan|dipakai)\b", "aktif"),
    # an active flag as a database dump writes it (status_aktif 1 or 0)
    (r"^(0|false|no|n|tidak)$", "dihentikan"),
    (r"^(1|true|yes|y)$", "aktif"),
)
PLATFORM_VALUES: tuple[tuple[str, str], ...] = (
    (r"\b(web|website|web based|berbasis web|browser|aplikasi web|portal)\b", "web"),
    (r"\b(mobile|android|ios|apk|seluler|smartphone|playstore|play store|hp)\b", "mobile"),
    (r"\b(desktop|dekstop|windows|destop|offline)\b", "desktop"),
)
# The category column mixes who provides the application with whether it is a website at all.
CATEGORY_SOURCE = {"pusat": "nasional", "nasional": "nasional", "aplikasi pusat": "nasional",
                   "umum": "nasional", "aplikasi umum": "nasional", "daerah": "lokal", "khusus": "lokal",
                   "aplikasi khusus": "lokal", "lokal": "lokal", "aplikasi daerah": "lokal"}
CATEGORY_WEBSITE = frozenset({"web", "website", "situs", "situs web", "portal", "web opd", "laman", "blog"})
CATEGORY_APPLICATION = frozenset({"aplikasi", "application", "app", "sistem informasi"})
SECURITY_VALUES = {"strategis": "strategis", "tinggi": "tinggi", "rendah": "rendah"}

# Words of the users column that name people, not agencies.
NOT_AGENCIES = re.compile(r"\b(masyarakat|publik|umum|warga|asn|pegawai|semua|seluruh|internal|eksternal|"
                          r"pelaku usaha|badan usaha|siswa|pasien|wajib pajak|penduduk)\b")


def status_value(text: str) -> str | None:
    norm = normalise(text)
    return next((status for pattern, status in STATUS_VALUES if re.search(pattern, norm)), None)


def platform_values(text: str) -> list[str]:
    norm = normalise(text)
    return [platform for pattern, platform in PLATFORM_VALUES if re.search(pattern, norm)]
