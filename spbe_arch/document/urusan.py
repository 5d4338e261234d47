"""Urusan pemerintahan and supporting functions of a Pemda (Permendagri 90/2019 codes), for the OPD x urusan matrix."""

from __future__ import annotations

URUSAN: dict[str, str] = {
    "1.01": "Pendidikan",
    "1.02": "Kesehatan",
    "1.03": "Pekerjaan Umum dan Penataan Ruang",
    "1.04": "Perumahan Rakyat dan Kawasan Permukiman",
    "1.05": "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat",
    "1.06": "Sosial",
    "2.07": "Tenaga Kerja",
    "2.08": "Pemberdayaan Perempuan dan Perlindungan Anak",
    "2.09": "Pangan",
    "2.10": "Pertanahan",
    "2.11": "Lingkungan Hidup",
    "2.12": "Administrasi Kependudukan dan Pencatatan Sipil",
    "2.13": "Pemberdayaan Masyarakat dan Desa",
    "2.14": "Pengendalian Penduduk dan Keluarga Berencana",
    "2.15": "Perhubungan",
    "2.16": "Komunikasi dan Informatika",
    "2.17": "Koperasi, Usaha Kecil, dan Menengah",
    "2.18": "Penanaman Modal",
    "2.19": "Kepemudaan dan Olahraga",
    "2.20": "Statistik",
    "2.21": "Persandian",
    "2.22": "Kebudayaan",
    "2.23": "Perpustakaan",
    "2.24": "Kearsipan",
    "3.25": "Kelautan dan Perikanan",
    "3.26": "Pariwisata",
    "3.27": "Pertanian",
    "3.28": "Kehutanan",
    "3.29": "Energi dan Sumber Daya Mineral",
    "3.30": "Perdagangan",
    "3.31": "Perindustrian",
    "3.32": "Transmigrasi",
    "4.01": "Sekretariat Daerah",
    "4.02": "Sekretariat DPRD",
    "5.01": "Perencanaan",
    "5.02": "Keuangan",
    "5.03": "Kepegawaian",
    "5.04": "Pendidikan dan Pelatihan",
    "5.05": "Penelitian dan Pengembangan",
    "6.01": "Inspektorat Daerah",
    "7.01": "Kecamatan",
    "8.01": "Kesatuan Bangsa dan Politik",
}

# Groups by the first digit of the code, in the order of the nomenclature.
GROUPS: dict[str, str] = {
    "1": "Urusan Wajib Pelayanan Dasar",
    "2": "Urusan Wajib Non-Pelayanan Dasar",
    "3": "Urusan Pilihan",
    "4": "Unsur Pendukung",
    "5": "Unsur Penunjang",
    "6": "Unsur Pengawasan",
    "7": "Unsur Kewilayahan",
    "8": "Unsur Pemerintahan Umum",
}


def urusan_name(code: str) -> str:
    return URUSAN.get(code, "kode tidak terdapat dalam nomenklatur")


def sort_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 99 for p in code.split("."))
