"""Indonesian labels of the model's category values, as the document prints them."""

from __future__ import annotations

ORGANIZATION_KINDS: dict[str, str] = {
    "sekretariat-daerah": "Sekretariat Daerah",
    "sekretariat-dprd": "Sekretariat DPRD",
    "inspektorat": "Inspektorat",
    "dinas": "Dinas",
    "badan": "Badan",
    "satpol-pp": "Satuan Polisi Pamong Praja",
    "rsud": "Rumah Sakit Umum Daerah",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
    "uptd": "Unit Pelaksana Teknis Daerah",
    "lainnya": "Unit Lainnya",
    "instansi-pusat": "Instansi Pusat",
}
# The order in which Pemda documents list their units.
ORGANIZATION_ORDER: dict[str, int] = {kind: i for i, kind in enumerate(ORGANIZATION_KINDS)}

STATUS: dict[str, str] = {
    "rencana": "Rencana", "pengembangan": "Pengembangan", "aktif": "Aktif", "dihentikan": "Dihentikan",
}
PROCESS_KINDS: dict[str, str] = {"inti": "Inti", "manajemen": "Manajemen", "pendukung": "Pendukung"}
SERVICE_KINDS: dict[str, str] = {"publik": "Layanan Publik", "administrasi": "Administrasi Pemerintahan"}
AUDIENCES: dict[str, str] = {
    "masyarakat": "Masyarakat", "badan-usaha": "Badan Usaha", "asn": "ASN", "instansi": "Instansi",
}
CHANNELS: dict[str, str] = {
    "web": "Web", "mobile": "Mobile", "loket": "Loket", "api": "API", "email": "Surel", "telepon": "Telepon",
    "media-sosial": "Media Sosial", "lainnya": "Lainnya",
}
MATURITY: dict[str, str] = {
    "informasi": "Informasi", "interaksi": "Interaksi", "transaksi": "Transaksi", "kolaborasi": "Kolaborasi",
    "optimalisasi": "Optimalisasi",
}
CLASSIFICATION: dict[str, str] = {"terbuka": "Terbuka", "terbatas": "Terbatas", "tertutup": "Tertutup"}
FREQUENCY: dict[str, str] = {
    "real-time": "Waktu nyata", "harian": "Harian", "mingguan": "Mingguan", "bulanan": "Bulanan",
    "triwulanan": "Triwulanan", "semesteran": "Semesteran", "tahunan": "Tahunan", "ad-hoc": "Sewaktu-waktu",
}
APPLICATION_KINDS: dict[str, str] = {"umum": "Umum", "khusus": "Khusus"}
SOURCES: dict[str, str] = {"nasional": "Nasional", "lokal": "Lokal"}
PLATFORMS: dict[str, str] = {"web": "Web", "mobile": "Mobile", "desktop": "Desktop"}
PROTOCOLS: dict[str, str] = {"api": "API", "file": "Berkas", "database": "Basis data langsung", "manual": "Manual"}
SECURITY_CATEGORIES: dict[str, str] = {"strategis": "Strategis", "tinggi": "Tinggi", "rendah": "Rendah"}
INFRASTRUCTURE_KINDS: dict[str, str] = {
    "pusat-data": "Pusat Data", "komputasi-awan": "Komputasi Awan", "server": "Server",
    "penyimpanan": "Penyimpanan", "jaringan-intra": "Jaringan Intra", "internet": "Internet",
    "splp": "SPLP", "perangkat-keamanan": "Perangkat Keamanan", "sistem-operasi": "Sistem Operasi",
    "basis-data": "Basis Data", "lainnya": "Lainnya",
}
SECURITY_KINDS: dict[str, str] = {
    "standar-prosedur": "Standar dan Prosedur", "edukasi": "Edukasi Kesadaran",
    "identifikasi-kerentanan": "Identifikasi Kerentanan", "peningkatan": "Peningkatan Keamanan",
    "penanganan-insiden": "Penanganan Insiden", "audit": "Audit Keamanan", "kelaikan": "Kelaikan Keamanan",
}
SUBSTANCES: dict[str, str] = {
    "tata-kelola": "Tata Kelola SPBE", "manajemen": "Manajemen SPBE", "layanan": "Layanan SPBE",
    "aplikasi": "Aplikasi SPBE", "infrastruktur": "Infrastruktur SPBE", "keamanan": "Keamanan SPBE",
    "audit-tik": "Audit TIK",
}
SEVERITIES: dict[str, str] = {"error": "Kesalahan", "warning": "Peringatan", "info": "Informasi"}
PREDICATES: dict[str, str] = {
    "kurang": "Kurang", "cukup": "Cukup", "baik": "Baik", "sangat-baik": "Sangat Baik", "memuaskan": "Memuaskan",
}
# Relation types (spbe_arch.relations.EDGE_TYPES) as verbs.
EDGES: dict[str, str] = {
    "owned_by": "dimiliki oleh", "used_by": "digunakan oleh", "part_of": "bagian dari",
    "delivers": "menghasilkan", "realized_by": "diwujudkan oleh", "supports": "mendukung", "reads": "membaca",
    "writes": "menulis", "stewarded_by": "dikelola walidata", "hosted_on": "ditempatkan pada",
    "located_in": "berlokasi di", "connected_to": "terhubung ke", "integrates": "terintegrasi dengan",
    "protects": "melindungi", "affects": "memengaruhi", "replaces": "menggantikan",
}
# Rule families (spbe_arch.rules.registry.FAMILIES) in Indonesian.
RULE_FAMILIES: dict[str, str] = {
    "SC": "Skema berkas dan elemen", "RF": "Referensi antarelemen", "RC": "Kode referensi arsitektur",
    "OR": "Perangkat daerah", "BP": "Proses bisnis", "LY": "Layanan", "DA": "Data dan informasi",
    "AP": "Aplikasi", "IN": "Infrastruktur", "KM": "Keamanan", "RM": "Peta rencana",
}


def label(table: dict[str, str], value: str | None, missing: str = "-") -> str:
    """The label of ``value`` in ``table``; an unknown value is shown as written."""
    if value is None:
        return missing
    return table.get(value, value)


def labels(table: dict[str, str], values: list[str] | None, missing: str = "-") -> str:
    """Labels of several values, comma-separated."""
    if not values:
        return missing
    return ", ".join(table.get(v, v) for v in values)
