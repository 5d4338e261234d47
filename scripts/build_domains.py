"""Rebuild domains/*.yaml from the folder of reference extracts given as argument (run from the repo root).

The CSV extracts are public third-party copies of the national reference architecture
(Perpres 132/2022); RAA, RAI and RAK are not published as tables, so their tiers are written here
from the public summaries, and marked as such.

Every code carries a status: ``confirmed`` where two public sources agree or the tier is stated
as a fact (levels 1-2 of RAB, RAL, RAD; the RAA tiers), ``provisional`` where the numbering is
single-source or assigned by spbe-arch (level 3 of RAB; every RAI and RAK code). Synonyms are our
own search aids (marked so in the files), not part of the reference.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

VERSION = "perpres-132-2022"
REF = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("ref/spbe")
OUT = Path("domains")

CSV_DOMAINS = {
    "RAB": ("Referensi Arsitektur Proses Bisnis", "rab_reference_L1_L3.csv",
            "hilal1709/SPBE-DISKOMINFO lib/probis/rab-reference.json @71fc4fe5 (levels 1-3); "
            "levels 1-2 cross-checked with Syamsuddin/arsitektur-pemdi-opd references/referensi-nasional.md"),
    "RAL": ("Referensi Arsitektur Layanan", "ral_reference_L1_L2.csv",
            "hilal1709/SPBE-DISKOMINFO lib/layanan/ral-reference.json @c7c475c3 (levels 1-2)"),
    "RAD": ("Referensi Arsitektur Data dan Informasi", "rad_reference_L1_L2.csv",
            "hilal1709/SPBE-DISKOMINFO lib/data/rad-reference.json @7c51489c (levels 1-2)"),
}

TIERED: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "RAA": ("Referensi Arsitektur Aplikasi",
            "Perpres 132/2022: the two tiers of Aplikasi Umum and Aplikasi Khusus, as publicly summarised; "
            "deeper levels are local",
            [("RAA.01", "Aplikasi Umum"), ("RAA.01.01", "Layanan Publik"),
             ("RAA.01.02", "Administrasi Pemerintahan"), ("RAA.02", "Aplikasi Khusus"),
             ("RAA.02.01", "Misi Tertentu"), ("RAA.02.02", "Fungsi Tertentu")]),
    "RAI": ("Referensi Arsitektur Infrastruktur",
            "tiers from Perpres 132/2022 as publicly summarised; the codes are "
            "assigned by spbe-arch in the order of that list (unconfirmed against an official table)",
            [("RAI.01", "Fasilitas Komputasi"), ("RAI.01.01", "Pusat Data Nasional"),
             ("RAI.01.02", "Pusat Komputasi"), ("RAI.01.03", "Pusat Kendali"),
             ("RAI.02", "Sistem Integrasi"), ("RAI.02.01", "Jaringan Intra Pemerintah"),
             ("RAI.02.02", "Sistem Penghubung Layanan Pemerintah"), ("RAI.03", "Platform"),
             ("RAI.03.01", "Kerangka Infrastruktur dan Aplikasi"), ("RAI.03.02", "Komputasi Awan")]),
    "RAK": ("Referensi Arsitektur Keamanan",
            "tiers from Perpres 132/2022 as publicly summarised; the codes are "
            "assigned by spbe-arch in the order of that list (unconfirmed against an official table)",
            [(f"RAK.{i:02d}", tier) for i, tier in enumerate(
                ["Standar Keamanan", "Penerapan Keamanan", "Kelaikan Keamanan"], start=1)]
            + [(f"RAK.{i:02d}.{j:02d}", obj) for i in range(1, 4) for j, obj in enumerate(
                ["Keamanan Data dan Informasi", "Keamanan Aplikasi", "Keamanan Infrastruktur"], start=1)]),
}


# Which levels are confirmed, per domain; deeper levels (and unlisted domains) are provisional.
CONFIRMED_LEVELS: dict[str, int] = {"RAB": 2, "RAL": 2, "RAD": 2, "RAA": 2, "RAI": 0, "RAK": 0}

# Search aids: words people use for what a code covers. Our own list (not part of the reference).
SYNONYMS: dict[str, list[str]] = {
    "RAB.09.06": ["kepegawaian", "pegawai", "ASN", "aparatur sipil negara", "PNS", "PPPK", "presensi",
                  "kehadiran pegawai", "kinerja pegawai"],
    "RAB.09.06.03": ["kepegawaian", "manajemen ASN", "mutasi", "kenaikan pangkat", "pensiun"],
    "RAD.09.06": ["data kepegawaian", "data pegawai", "ASN", "presensi"],
    "RAL.02.04": ["kepegawaian", "pegawai", "ASN", "presensi", "cuti"],
    "RAB.09.01.07": ["adminduk", "KTP", "kartu keluarga", "akta", "dukcapil"],
    "RAB.09.01.06": ["keuangan daerah", "APBD", "SP2D"],
    "RAL.02.02": ["keuangan daerah", "APBD", "anggaran", "SP2D"],
    "RAL.02.06": ["persuratan", "naskah dinas", "kearsipan", "tata naskah"],
    "RAL.02.07": ["SAKIP", "kinerja instansi"],
    "RAI.02.01": ["JIP", "jaringan intra", "intranet", "VPN"],
    "RAI.02.02": ["SPLP", "API gateway", "interoperabilitas", "integrasi"],
    "RAI.01.01": ["PDN"],
    "RAI.03.02": ["cloud", "komputasi awan"],
}


def write(domain: str, name: str, source: str, codes: list[dict[str, object]]) -> None:
    codes.sort(key=lambda c: [int(p) for p in str(c["code"]).split(".")[1:]])
    for code in codes:
        level = str(code["code"]).count(".")
        code["status"] = "confirmed" if level <= CONFIRMED_LEVELS.get(domain, 0) else "provisional"
        if str(code["code"]) in SYNONYMS:
            code["synonyms"] = SYNONYMS[str(code["code"])]
    doc = {"domain": domain, "name": name, "version": VERSION, "sources": [source],
           "synonyms_source": "spbe-arch search aids, our own list (not part of the reference)", "codes": codes}
    text = f"# {name} ({domain}), {VERSION}. Generated by scripts/build_domains.py; do not edit by hand.\n"
    text += yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120)
    (OUT / f"{domain.lower()}.yaml").write_text(text, encoding="utf-8")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for domain, (name, filename, source) in CSV_DOMAINS.items():
        with (REF / filename).open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        write(domain, name, source, [{"code": r["code"], "name": r["name"].strip()} for r in rows])
    for domain, (name, source, pairs) in TIERED.items():
        write(domain, name, source, [{"code": c, "name": n} for c, n in pairs])


if __name__ == "__main__":
    main()
