"""The parts of the document every real one has beyond the architecture itself, from ``document:`` in the manifest.

Lambang on the cover, lembar pengesahan, kata pengantar, dasar hukum (in legal order), arah kebijakan
(visi, misi, tujuan of the RPJMD) and penutup. Each is optional: a template prints what is given and
otherwise says, in Indonesian, what the Pemda still has to supply.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spbe_arch.document.index import ModelIndex
from spbe_arch.document.text import angka, paragraphs, tanggal
from spbe_arch.errors import WorkspaceError
from spbe_arch.model import Organization
from spbe_arch.workspace import Workspace

# Dasar hukum of an Arsitektur SPBE, in the order of Pasal 7 UU 12/2011 (then by year and number)
STANDARD_LEGAL_BASIS = [
    "Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik sebagaimana telah diubah "
    "terakhir dengan Undang-Undang Nomor 1 Tahun 2024",
    "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik",
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah",
    "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
    "Peraturan Pemerintah Nomor 71 Tahun 2019 tentang Penyelenggaraan Sistem dan Transaksi Elektronik",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
    "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia",
    "Peraturan Presiden Nomor 132 Tahun 2022 tentang Arsitektur Sistem Pemerintahan Berbasis Elektronik Nasional",
    "Peraturan Presiden Nomor 82 Tahun 2023 tentang Percepatan Transformasi Digital dan Keterpaduan Layanan "
    "Digital Nasional",
    "Peraturan Menteri Dalam Negeri Nomor 90 Tahun 2019 tentang Klasifikasi, Kodefikasi, dan Nomenklatur "
    "Perencanaan Pembangunan dan Keuangan Daerah",
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 59 Tahun 2020 tentang "
    "Pemantauan dan Evaluasi Sistem Pemerintahan Berbasis Elektronik",
    "Peraturan Badan Siber dan Sandi Negara Nomor 8 Tahun 2020 tentang Sistem Pengamanan dalam Penyelenggaraan "
    "Sistem Elektronik",
    "Peraturan Badan Siber dan Sandi Negara Nomor 4 Tahun 2021 tentang Pedoman Manajemen Keamanan Informasi "
    "Sistem Pemerintahan Berbasis Elektronik dan Standar Teknis dan Prosedur Keamanan Sistem Pemerintahan "
    "Berbasis Elektronik",
]
# the hierarchy of regulations (UU 12/2011 Pasal 7 and 8), by the words a title starts with
LEGAL_RANK: list[tuple[str, int]] = [
    ("undang-undang dasar", 0), ("ketetapan majelis", 1), ("undang-undang", 2),
    ("peraturan pemerintah pengganti", 2), ("peraturan pemerintah", 3), ("peraturan presiden", 4),
    ("keputusan presiden", 4), ("instruksi presiden", 4), ("peraturan menteri", 5), ("peraturan badan", 6),
    ("peraturan lembaga", 6), ("peraturan kepala", 6), ("peraturan daerah provinsi", 7), ("peraturan gubernur", 8),
    ("peraturan daerah", 9), ("peraturan bupati", 10), ("peraturan wali kota", 10), ("peraturan walikota", 10),
    ("keputusan", 11), ("surat edaran", 12),
]
_NUMBER_YEAR = re.compile(r"nomor\s+(\d+)\s+tahun\s+(\d{4})", re.I)
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")

PD_KINDS = {  # how perangkat daerah are counted, in the order Pemda documents list them
    "sekretariat-daerah": "sekretariat daerah", "sekretariat-dprd": "sekretariat DPRD",
    "inspektorat": "inspektorat", "dinas": "dinas", "badan": "badan",
    "satpol-pp": "satuan polisi pamong praja", "kecamatan": "kecamatan", "rsud": "rumah sakit umum daerah",
    "uptd": "unit pelaksana teknis daerah", "kelurahan": "kelurahan", "lainnya": "unit lainnya",
}


def legal_rank(title: str) -> tuple[int, int, int, str]:
    """Sort key of a regulation: its level in the hierarchy, then year and number."""
    lowered = title.strip().lower()
    level = next((rank for prefix, rank in LEGAL_RANK if lowered.startswith(prefix)), 13)
    found = _NUMBER_YEAR.search(title)
    year, number = (int(found.group(2)), int(found.group(1))) if found else (9999, 9999)
    return level, year, number, lowered


def legal_order(titles: list[str]) -> list[str]:
    return sorted((t.strip().rstrip(";.") for t in titles if t.strip()), key=legal_rank)


@dataclass
class Emblem:
    """The lambang daerah: the image's bytes and its format (``png``, ``jpg`` or ``svg``)."""

    data: bytes
    format: str

    @property
    def filename(self) -> str:
        return f"lambang.{self.format}"

    @property
    def data_uri(self) -> str:
        import base64

        mime = {"png": "image/png", "jpg": "image/jpeg", "svg": "image/svg+xml"}[self.format]
        return f"data:{mime};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass
class FrontMatter:
    emblem: Emblem | None
    approval: dict[str, str] | None  # the lembar pengesahan's values, None when not configured
    approval_missing: list[str]  # what the lembar pengesahan still lacks, in Indonesian
    foreword: list[str]
    legal_basis: list[str]
    legal_basis_configured: bool
    vision: str
    missions: list[str]
    goals: list[str]
    policy_source: str
    closing: list[str]
    pd_count: int  # perangkat daerah proper (no bagian, UPT, RSUD or kelurahan under a parent)
    pd_kinds: str  # "1 sekretariat daerah, 1 sekretariat DPRD, ... dan 6 kecamatan"
    unit_count: int  # units counted under their parent
    unit_kinds: str
    missing: list[str] = field(default_factory=list)


def load_emblem(workspace: Workspace) -> Emblem | None:
    """The lambang named by ``document.emblem``; a missing or non-image file is an error naming the manifest line."""
    name = workspace.manifest.document.emblem
    if not name:
        return None
    line, column = workspace.manifest_keys.get(("document", "emblem"), (1, 1))
    where = f"{workspace.manifest_file}:{line}:{column}"
    root = workspace.root.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root):
        raise WorkspaceError(f"{where}: document.emblem {name!r} lies outside the workspace")
    if not path.is_file():
        raise WorkspaceError(f"{where}: document.emblem {name!r}: no such file in the workspace")
    data = path.read_bytes()
    if data.startswith(IMAGE_MAGIC[0]):
        return Emblem(data, "png")
    if data.startswith(IMAGE_MAGIC[1]):
        return Emblem(data, "jpg")
    head = data[:2048].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return Emblem(data, "svg")
    raise WorkspaceError(f"{where}: document.emblem {name!r} is not a PNG, JPEG or SVG image")


def _count_text(counts: dict[str, int]) -> str:
    parts = [f"{angka(n)} {PD_KINDS.get(kind, kind)}" for kind, n in counts.items() if n]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + ", dan " + parts[-1]


def front_matter(workspace: Workspace, ix: ModelIndex) -> FrontMatter:
    settings = workspace.manifest.document
    organizations = ix.opd
    proper = [o for o in organizations if not isinstance(workspace.get(o.parent or ""), Organization)]
    units = [o for o in organizations if isinstance(workspace.get(o.parent or ""), Organization)]

    def by_kind(orgs: list[Organization]) -> dict[str, int]:
        return {kind: sum(1 for o in orgs if o.kind == kind) for kind in PD_KINDS}

    approval = settings.approval
    values: dict[str, str] | None = None
    missing: list[str] = []
    if approval is not None:
        values = {
            "peraturan": approval.regulation or "", "nomor": approval.number or "",
            "tahun": str(approval.year) if approval.year else "", "tentang": approval.about or "",
            "pejabat": approval.official or "", "nama": approval.name or "", "tempat": approval.place or "",
            "tanggal": tanggal(approval.date) if approval.date else "",
        }
        # the number and the signatory's name are written in when the regulation is enacted
        labels = {"peraturan": "jenis peraturan", "tahun": "tahun", "tentang": "judul (tentang)",
                  "pejabat": "jabatan penanda tangan"}
        missing = [label for key, label in labels.items() if not values[key]]
    policy = settings.policy
    return FrontMatter(
        emblem=load_emblem(workspace),
        approval=values, approval_missing=missing,
        foreword=paragraphs(settings.foreword or ""),
        legal_basis=legal_order(settings.legal_basis or STANDARD_LEGAL_BASIS),
        legal_basis_configured=bool(settings.legal_basis),
        vision=(policy.vision or "").strip() if policy else "",
        missions=[m.strip() for m in policy.missions if m.strip()] if policy else [],
        goals=[g.strip() for g in policy.goals if g.strip()] if policy else [],
        policy_source=(policy.source or "").strip() if policy else "",
        closing=paragraphs(settings.closing or ""),
        pd_count=len(proper), pd_kinds=_count_text(by_kind(proper)),
        unit_count=len(units), unit_kinds=_count_text(by_kind(units)),
    )

