"""Rebuild domains/indeks/*.yaml from the Indeks SPBE CSV extracts (run from the repo root: build_indeks.py REF_DIR).

The regulation's data (numbers, names, aspects, domains, weights, scale kind) comes from the CSV
extracts. The level names follow PermenPANRB 59/2020; the one-line criterion per level, the model
evidence that speaks to an indicator, the roadmap keywords and the national applications per
indicator are spbe-arch's own convention (marked so in the files), not text of the regulation.
"""

from __future__ import annotations

import csv
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

REF = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("ref/spbe")
OUT = Path("domains/indeks")

PROCESS_LEVELS = [
    ("Rintisan", "kegiatan dilaksanakan tanpa standar atau kebijakan yang ditetapkan (ad hoc)"),
    ("Terkelola", "kegiatan direncanakan, dilaksanakan, dan dipantau, tetapi belum berdasarkan standar yang "
                  "ditetapkan"),
    ("Terdefinisi", "kegiatan dilaksanakan berdasarkan standar atau kebijakan yang ditetapkan dan berlaku "
                    "untuk seluruh perangkat daerah"),
    ("Terpadu dan Terukur", "kegiatan terpadu dengan kegiatan lain dan kinerjanya diukur secara berkala"),
    ("Optimum", "kegiatan ditingkatkan secara berkelanjutan berdasarkan hasil pengukuran untuk menjawab "
                "perubahan kebutuhan"),
]
SERVICE_LEVELS = [
    ("Informasi", "layanan memberikan informasi satu arah secara elektronik"),
    ("Interaksi", "layanan memungkinkan interaksi dua arah antara pengguna dan penyelenggara"),
    ("Transaksi", "seluruh proses layanan dilaksanakan secara elektronik sampai selesai"),
    ("Kolaborasi", "layanan terintegrasi dengan layanan lain, lintas perangkat daerah atau instansi"),
    ("Optimalisasi", "layanan dapat menyesuaikan diri dengan kebutuhan pengguna secara berkelanjutan"),
]

# spbe-arch convention: which model evidence speaks to which indicator, the roadmap words that mark an
# activity as raising it, and the national applications (acronym or name, PROVISIONAL table until a
# registry of national applications is shipped) whose use it looks for.
SPBE_CONVENTION: dict[int, dict[str, Any]] = {
    1: {"keywords": ["arsitektur"]},
    2: {"keywords": ["peta rencana"]},
    3: {"keywords": ["manajemen data", "satu data", "tata kelola data"]},
    4: {"keywords": ["pembangunan aplikasi"]},
    5: {"keywords": ["pusat data"]},
    6: {"keywords": ["jaringan intra"]},
    7: {"keywords": ["splp", "sistem penghubung", "interoperabilitas"]},
    8: {"keywords": ["smki", "manajemen keamanan", "keamanan informasi"]},
    9: {"keywords": ["audit tik"]},
    10: {"keywords": ["tim koordinasi"]},
    11: {"evidence": ["kelengkapan-domain"], "keywords": ["arsitektur"]},
    12: {"evidence": ["peta-rencana"], "keywords": ["peta rencana"]},
    13: {"keywords": ["anggaran", "keterpaduan rencana"]},
    14: {"keywords": ["inovasi", "proses bisnis"]},
    15: {"evidence": ["aplikasi-umum"], "keywords": ["pembangunan aplikasi", "akun tunggal", "sso", "konsolidasi"]},
    16: {"evidence": ["hosting-pusat-data"], "keywords": ["pusat data", "server", "komputasi awan", "cloud"]},
    17: {"keywords": ["jaringan intra", "jaringan"]},
    18: {"evidence": ["integrasi-splp"], "keywords": ["splp", "integrasi", "interoperabilitas", "sistem penghubung"]},
    19: {"keywords": ["tim koordinasi"]},
    20: {"keywords": ["kolaborasi"]},
    21: {"keywords": ["manajemen risiko", "risiko"]},
    22: {"evidence": ["kategori-keamanan"], "keywords": ["keamanan", "csirt", "insiden", "smki"]},
    23: {"evidence": ["produsen-data"], "keywords": ["satu data", "manajemen data", "data induk", "walidata"]},
    24: {"keywords": ["aset tik", "manajemen aset"]},
    25: {"keywords": ["kompetensi", "literasi", "pelatihan"]},
    26: {"keywords": ["manajemen pengetahuan", "pengetahuan"]},
    27: {"keywords": ["manajemen perubahan"]},
    28: {"keywords": ["manajemen layanan", "service desk", "helpdesk"]},
    29: {"keywords": ["audit infrastruktur"]},
    30: {"keywords": ["audit aplikasi"]},
    31: {"keywords": ["audit keamanan", "penilaian kerentanan", "uji penetrasi"]},
    32: {"evidence": ["aplikasi-umum"], "national": ["SIPD"], "keywords": ["perencanaan"]},
    33: {"evidence": ["aplikasi-umum"], "national": ["SIPD"], "keywords": ["penganggaran", "anggaran"]},
    34: {"evidence": ["aplikasi-umum"], "national": ["SIPD"], "keywords": ["keuangan"]},
    35: {"evidence": ["aplikasi-umum"], "national": ["SPSE", "SiRUP", "e-Katalog"], "keywords": ["pengadaan"]},
    36: {"evidence": ["aplikasi-umum"], "national": ["SIASN"], "keywords": ["kepegawaian", "siasn"]},
    37: {"evidence": ["aplikasi-umum"], "national": ["SRIKANDI"], "keywords": ["srikandi", "persuratan", "kearsipan"]},
    38: {"evidence": ["aplikasi-umum"], "national": ["e-BMD", "SIMDA BMD", "SIPD"],
         "keywords": ["barang milik", "aset daerah"]},
    39: {"keywords": ["pengawasan"]},
    40: {"evidence": ["aplikasi-umum"], "national": ["e-SAKIP", "SAKIP"], "keywords": ["akuntabilitas", "sakip"]},
    41: {"evidence": ["aplikasi-umum"], "national": ["e-Kinerja", "e-Kinerja BKN"],
         "keywords": ["kinerja pegawai", "presensi"]},
    42: {"evidence": ["aplikasi-umum"], "national": ["SP4N-LAPOR!", "LAPOR!", "SP4N"], "keywords": ["pengaduan"]},
    43: {"evidence": ["produsen-data"], "keywords": ["data terbuka", "satu data", "open data"]},
    44: {"evidence": ["aplikasi-umum"], "national": ["JDIHN", "JDIH"], "keywords": ["jdih", "dokumentasi hukum"]},
    45: {"keywords": ["layanan publik"]},
    46: {"keywords": ["layanan publik"]},
    47: {"keywords": ["layanan publik"]},
}
PEMDI_CONVENTION: dict[int, dict[str, Any]] = {
    1: {"evidence": ["kelengkapan-domain", "peta-rencana"], "keywords": ["arsitektur", "peta rencana", "tata kelola"]},
    5: {"evidence": ["produsen-data"], "keywords": ["satu data", "manajemen data", "walidata"]},
    10: {"evidence": ["kategori-keamanan"], "keywords": ["keamanan", "csirt", "smki"]},
    12: {"keywords": ["csirt", "insiden"]},
    13: {"evidence": ["aplikasi-umum"], "national": ["SRIKANDI", "SP4N-LAPOR!", "SPSE", "SIASN", "SIPD"],
         "keywords": ["aplikasi", "konsolidasi", "akun tunggal"]},
    14: {"evidence": ["hosting-pusat-data"], "keywords": ["pusat data", "server", "komputasi awan", "jaringan"]},
    16: {"evidence": ["integrasi-splp"], "keywords": ["splp", "integrasi", "sistem penghubung"]},
    18: {"evidence": ["integrasi-splp"], "keywords": ["interoperabilitas", "satu data", "splp"]},
    17: {"keywords": ["portal", "layanan terpadu"]},
}

# Written in Indonesian: `spbe indeks` and the document show them to the Pemda's evaluation team.
SPBE_SOURCE = ("Peraturan Menteri PANRB Nomor 59 Tahun 2020 tentang Pemantauan dan Evaluasi SPBE: 47 indikator, "
               "aspek, domain, bobot (berjumlah 100), dan jenis skala kematangan, disalin dari seeder aplikasi "
               "evaluasi SPBE publik (beberapa repositori publik sepakat tentang bobotnya); salinan pihak ketiga, "
               "bukan terbitan resmi")
PEMDI_SOURCE = ("Peraturan Menteri PANRB Nomor 8 Tahun 2026 (Indeks Pemerintah Digital), TIDAK RESMI: ringkasan "
                "edukatif RokiFauziErenJaegar/edukasi-pemdi-permenpanrb-8-2026 data/regulasi.js @0938251d yang "
                "belum dikonfirmasi dengan teks resmi; skala tingkat dianggap sama dengan skala kapabilitas proses 1-5")
CONVENTION_NOTE = ("kriteria tingkat adalah ringkasan satu baris oleh spbe-arch, bukan teks peraturan; bukti model, "
                   "kata kunci Peta Rencana, dan aplikasi nasional per indikator adalah konvensi spbe-arch (tabel "
                   "aplikasi nasional bersifat sementara)")


def _levels(kind: str) -> list[dict[str, Any]]:
    table = SERVICE_LEVELS if kind == "kapabilitas_fungsi_teknis" else PROCESS_LEVELS
    return [{"level": i, "name": n, "criterion": c} for i, (n, c) in enumerate(table, start=1)]


def _indicator(row: dict[str, str], convention: dict[int, dict[str, Any]], kind: str) -> dict[str, Any]:
    number = int(row["no"])
    item: dict[str, Any] = {
        "number": number, "name": row["indikator"], "aspect_number": int(row["aspek_no"]), "aspect": row["aspek"],
    }
    if "domain" in row:
        item["domain_number"] = int(row["domain_no"])
        item["domain"] = row["domain"]
    item["weight"] = float(row["bobot_indikator_persen"])
    item["scale"] = kind
    item.update(convention.get(number, {}))
    return item


def build(name: str, title: str, csv_name: str, source: str, convention: dict[int, dict[str, Any]],
          official: bool) -> None:
    with (REF / csv_name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    total = sum(Decimal(r["bobot_indikator_persen"]) for r in rows)
    if total != 100:
        raise SystemExit(f"{csv_name}: weights sum to {total}, not 100")
    kinds = {r.get("skala_kematangan") or "kapabilitas_proses" for r in rows}
    indicators = [_indicator(r, convention, r.get("skala_kematangan") or "kapabilitas_proses") for r in rows]
    doc = {
        "set": name, "name": title, "official": official, "sources": [source], "note": CONVENTION_NOTE,
        "scales": {k: _levels(k) for k in sorted(kinds)}, "indicators": indicators,
    }
    text = f"# {title} ({name}). Generated by scripts/build_indeks.py; do not edit by hand.\n"
    text += yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120)
    (OUT / f"{name}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    build("spbe-2020", "Indeks SPBE (PermenPANRB 59/2020)", "spbe_indikator_permenpanrb_59_2020.csv",
          SPBE_SOURCE, SPBE_CONVENTION, True)
    build("pemdi-2026", "Indeks Pemerintah Digital (PermenPANRB 8/2026, tidak resmi)",
          "pemdi_indikator_permenpanrb_8_2026_UNOFFICIAL.csv", PEMDI_SOURCE, PEMDI_CONVENTION, False)


if __name__ == "__main__":
    main()
