"""Generate a synthetic national workspace for benchmarks.

At scale 1: 600 governments, 9,000 organizations, 30,000 applications and about 100,000 relations,
one folder per government. Names are drawn from realistic Indonesian application vocabulary, so that
duplicate detection meets the same kind of text as on a real inventory. Deterministic (seeded).

    python benchmarks/generate_national.py OUT_DIR [--scale 1.0] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

OPDS = [
    ("setda", "Sekretariat Daerah", "sekretariat-daerah", "4.01"),
    ("diskominfo", "Dinas Komunikasi dan Informatika", "dinas", "2.16"),
    ("bkpsdm", "Badan Kepegawaian dan Pengembangan SDM", "badan", "5.03"),
    ("bappeda", "Badan Perencanaan Pembangunan Daerah", "badan", "5.01"),
    ("bpkad", "Badan Pengelolaan Keuangan dan Aset Daerah", "badan", "5.02"),
    ("dinkes", "Dinas Kesehatan", "dinas", "1.02"),
    ("disdik", "Dinas Pendidikan", "dinas", "1.01"),
    ("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "dinas", "2.12"),
    ("dpmptsp", "Dinas Penanaman Modal dan PTSP", "dinas", "2.18"),
    ("dinsos", "Dinas Sosial", "dinas", "1.06"),
    ("dishub", "Dinas Perhubungan", "dinas", "2.15"),
    ("dlh", "Dinas Lingkungan Hidup", "dinas", "2.11"),
    ("inspektorat", "Inspektorat", "inspektorat", "6.01"),
    ("rsud", "Rumah Sakit Umum Daerah", "rsud", "1.02"),
    ("kecamatan", "Kecamatan Kota", "kecamatan", "7.01"),
]

FUNCTIONS = [
    ("presensi", "Presensi Pegawai", ["e-Presensi", "Absensi Online", "SIPRESENSI", "Aplikasi Kehadiran ASN"]),
    ("kepegawaian", "Manajemen Kepegawaian", ["SIMPEG", "Sistem Informasi Kepegawaian", "e-Pegawai"]),
    ("persuratan", "Persuratan dan Naskah Dinas", ["e-Office", "TNDE", "Surat Online", "Sistem Persuratan"]),
    ("pengaduan", "Pengaduan Masyarakat", ["Lapor Bupati", "e-Pengaduan", "Aduan Online", "SP4N Daerah"]),
    ("antrian", "Antrian Layanan", ["e-Antrian", "Sistem Antrian Online", "Antrean MPP"]),
    ("perizinan", "Perizinan", ["SIMPERIZINAN", "e-Perizinan", "Izin Online"]),
    ("keuangan", "Pengelolaan Keuangan", ["SIMDA Keuangan", "SIPKD", "e-Budgeting"]),
    ("aset", "Pengelolaan Aset", ["SIMBADA", "e-Aset", "Sistem Informasi Barang Daerah"]),
    ("kinerja", "Kinerja Pegawai", ["e-Kinerja", "SIKAP", "Laporan Kinerja Harian"]),
    ("kesehatan", "Pelayanan Puskesmas", ["SIMPUS", "e-Puskesmas", "Sistem Informasi Puskesmas"]),
    ("pendidikan", "Data Pendidikan", ["SIMDIK", "Data Sekolah Online", "e-Rapor"]),
    ("website", "Portal Informasi", ["Website Resmi", "Portal Berita", "Situs Web"]),
    ("gis", "Informasi Geospasial", ["WebGIS", "Peta Online", "Geoportal"]),
    ("pajak", "Pajak Daerah", ["e-PBB", "e-BPHTB", "Pajak Online"]),
    ("sosial", "Data Kesejahteraan Sosial", ["SIKS-NG Daerah", "e-Bansos", "Data Terpadu Sosial"]),
]
ACTIVITIES = ["Monitoring", "Pelaporan", "Pendataan", "Pelayanan", "Evaluasi", "Registrasi", "Verifikasi"]


def government(index: int, rng: random.Random, apps_per_gov: int) -> dict[str, dict[str, list[dict[str, object]]]]:
    prefix = f"g{index:03d}"
    orgs = [
        {"id": f"{prefix}-{slug}", "name": f"{name} Kabupaten {index}", "kind": kind, "affairs": [affair]}
        for slug, name, kind, affair in OPDS
    ]
    org_ids = [o["id"] for o in orgs]
    kominfo = f"{prefix}-diskominfo"
    processes = []
    data = []
    for f, (fslug, fname, _) in enumerate(FUNCTIONS):
        owner = org_ids[f % len(org_ids)]
        processes.append({"id": f"{prefix}-pb-{fslug}", "name": f"{fname}", "owner": owner,
                          "reference": "RAB.09.06.03", "kind": "inti",
                          "services": [f"{prefix}-ly-{fslug}"] if f < 2 else []})
        data.append({"id": f"{prefix}-data-{fslug}", "name": f"Data {fname}", "owner": owner,
                     "steward": kominfo, "reference": "RAD.09.06", "classification": "terbatas"})
    services = [
        {"id": f"{prefix}-ly-{fslug}", "name": f"Layanan {fname}", "owner": org_ids[f], "kind": "administrasi",
         "reference": "RAL.02.04", "channels": ["web"]}
        for f, (fslug, fname, _) in enumerate(FUNCTIONS[:2])
    ]
    infra = [
        {"id": f"{prefix}-pusat-data", "name": f"Pusat Data Kabupaten {index}", "owner": kominfo,
         "kind": "pusat-data", "reference": "RAI.01.02", "tier": 2},
        {"id": f"{prefix}-splp", "name": f"SPLP Kabupaten {index}", "owner": kominfo, "kind": "splp",
         "reference": "RAI.02.02", "located_in": f"{prefix}-pusat-data"},
    ] + [
        {"id": f"{prefix}-vm-{n}", "name": f"Server Aplikasi {n}", "owner": kominfo, "kind": "server",
         "reference": "RAI.03.01", "located_in": f"{prefix}-pusat-data"}
        for n in range(1, 4)
    ]
    apps = []
    for n in range(apps_per_gov):
        fslug, fname, names = FUNCTIONS[rng.randrange(len(FUNCTIONS))]
        owner = org_ids[rng.randrange(len(org_ids))]
        base = rng.choice(names)
        suffix = rng.choice(["", f" {OPDS[org_ids.index(owner)][0].upper()}", f" {rng.choice(ACTIVITIES)}",
                             f" v{rng.randint(1, 3)}", f" Kabupaten {index}"])
        app: dict[str, object] = {
            "id": f"{prefix}-app-{n:03d}", "name": f"{base}{suffix}",
            "description": f"Aplikasi {fname.lower()} untuk {rng.choice(ACTIVITIES).lower()} di "
                           f"{OPDS[org_ids.index(owner)][1]}",
            "owner": owner, "reference": "RAA.02.02", "kind": "khusus", "source": "lokal",
            "supports": [f"{prefix}-pb-{fslug}"],
            "writes": [f"{prefix}-data-{fslug}"],
            "hosted_on": [f"{prefix}-vm-{rng.randint(1, 3)}"],
            "security_category": rng.choice(["rendah", "tinggi"]),
        }
        if rng.random() < 0.3:
            app["integrations"] = [{"target": f"{prefix}-app-{rng.randrange(apps_per_gov):03d}",
                                    "via": f"{prefix}-splp", "protocol": "api"}]
        apps.append(app)
    # integrations must not point at the application itself
    for app in apps:
        for integration in app.get("integrations", []):  # type: ignore[union-attr]
            if integration["target"] == app["id"]:
                integration["target"] = apps[0]["id"] if app is not apps[0] else apps[1]["id"]
    return {
        "organisasi.yaml": {"organizations": orgs},
        "proses.yaml": {"processes": processes, "services": services},
        "data.yaml": {"data": data},
        "infrastruktur.yaml": {"infrastructure": infra},
        "aplikasi.yaml": {"applications": apps},
    }


def generate(out: Path, scale: float = 1.0, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    governments = max(1, round(600 * scale))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "spbe.yaml").write_text(
        "spbe: 1\ngovernment: {name: Model Nasional Sintetis, kind: provinsi}\n"
        "period: {start: 2025, end: 2029}\nreference: perpres-132-2022\n"
        "rules: {RC005: off, OR002: off, BP001: off, DA002: off}\n", encoding="utf-8")
    counts: dict[str, int] = {}
    for g in range(governments):
        folder = out / f"pemda-{g:03d}"
        folder.mkdir()
        for name, doc in government(g, rng, 50).items():
            for collection, items in doc.items():
                counts[collection] = counts.get(collection, 0) + len(items)
            (folder / name).write_text(
                yaml.dump(doc, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=120),
                encoding="utf-8")
    return counts


def national_parser(description: str) -> argparse.ArgumentParser:
    """The arguments every benchmark on the national workspace takes: the workspace (else one is
    generated), its scale, the repetitions and JSON output."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("workspace", type=Path, nargs="?")
    parser.add_argument("--scale", type=float, default=1.0, help="scale of the generated workspace")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


def given_or_generated(given: Path | None, scale: float, scratch: str) -> Path:
    """The workspace a benchmark was given, else a national workspace generated into ``scratch``."""
    if given is not None:
        return given
    root = Path(scratch) / "national"
    generate(root, scale)
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = generate(args.out, args.scale, args.seed)
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
