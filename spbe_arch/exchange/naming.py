"""Ids and organization kinds for imported elements, from the names people wrote.

Spreadsheets and foreign ArchiMate files have names but no SPBE ids: ids are slugs of the names,
made unique across the workspace, and an OPD's kind follows from how Indonesian agency names start
("Dinas ...", "Badan ...", "Kecamatan ...").
"""

from __future__ import annotations

import re

from spbe_arch.model import ID_RE, slugify

MAX_ID_LENGTH = 60


class IdAllocator:
    """Unique, valid ids: the wanted one if free, else with the first free ``-2``, ``-3`` suffix."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str | None:
        """Claim ``wanted`` exactly; None if it is taken or not a valid id."""
        if not ID_RE.match(wanted) or wanted in self.used:
            return None
        self.used.add(wanted)
        return wanted

    def make(self, *texts: str | None) -> str:
        """An id from the first text that gives a slug (e.g. acronym, then name)."""
        base = next((slugify(t) for t in texts if t and slugify(t) != "id"), "elemen")
        base = base[:MAX_ID_LENGTH].strip("-._") or "elemen"
        if base.isdigit():
            base = f"e-{base}"
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


_KINDS: tuple[tuple[str, str], ...] = (
    (r"^sekretariat (daerah|kabupaten|kota|provinsi)|^setda\b", "sekretariat-daerah"),
    (r"^sekretariat (dewan|dprd)|^setwan\b|^sekwan\b", "sekretariat-dprd"),
    (r"^inspektorat", "inspektorat"),
    (r"^satuan polisi|^satpol", "satpol-pp"),
    (r"^(rsud|rsu|rsj|rsia|rsk|rsup|rs|rumah sakit)\b", "rsud"),
    (r"^(uptd|upt|puskesmas)\b", "uptd"),
    # a kecamatan is a kapanewon or kemantren in DI Yogyakarta and a distrik in Papua; a desa is a kalurahan
    # in DI Yogyakarta, a nagari in Sumatera Barat and a gampong in Aceh
    (r"^(kecamatan|kapanewon|kemantren|distrik)\b|^camat\b", "kecamatan"),
    (r"^(kelurahan|kalurahan|desa|nagari|gampong)\b", "kelurahan"),
    (r"^(kementerian|kemen[a-z]+|lembaga|badan (nasional|pusat)|bkn|bssn|bpjs|lkpp|komdigi|kominfo ri)\b",
     "instansi-pusat"),
    (r"^(dinas|dis[a-z]+|din[a-z]+)\b", "dinas"),
    (r"^(badan|bap[a-z]+|bp[a-z]+|bk[a-z]+)\b", "badan"),
)


def organization_kind(name: str) -> str:
    """The kind of an OPD from its name, 'lainnya' when the name does not say."""
    text = " ".join(re.sub(r"[^a-z0-9 ]+", " ", name.casefold()).split())
    for pattern, kind in _KINDS:
        if re.search(pattern, text):
            return kind
    return "lainnya"
