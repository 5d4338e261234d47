"""The national reference catalogue (Referensi Arsitektur SPBE) and a workspace's local extensions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from spbe_arch.errors import SpbeError
from spbe_arch.resources import data_dir

CODE_RE = re.compile(r"^RA[BDLAIK](\.\d{2}){1,6}$")
# a workspace's own numbering of a domain (e.g. SIA-SPBE's) may use one to three digits a segment
OWN_CODE_RE = re.compile(r"^RA[BDLAIK](\.\d{1,3}){1,6}$")

DOMAIN_NAMES: dict[str, str] = {
    "RAB": "Proses Bisnis",
    "RAL": "Layanan",
    "RAD": "Data dan Informasi",
    "RAA": "Aplikasi",
    "RAI": "Infrastruktur",
    "RAK": "Keamanan",
}
# Which collection's elements take codes of which domain.
COLLECTION_DOMAIN: dict[str, str] = {
    "processes": "RAB",
    "services": "RAL",
    "data": "RAD",
    "applications": "RAA",
    "infrastructure": "RAI",
    "security": "RAK",
}


CodeStatus = Literal["confirmed", "provisional"]


@dataclass(frozen=True)
class Code:
    """One reference code.

    ``status``: ``confirmed`` (national, two public sources agree or the tier is stated as fact) or
    ``provisional`` (single-source, or numbered by spbe-arch); ``source`` says where it comes from.
    A local code takes the status of the national code it extends or maps to. ``maps_to``: for a
    code of the workspace's own numbering of a domain, the national code it corresponds to.
    ``synonyms``: search aids (our own list).
    """

    code: str
    name: str
    description: str | None = None
    local: bool = False
    status: CodeStatus = "confirmed"
    source: str | None = None
    maps_to: str | None = None
    synonyms: tuple[str, ...] = ()

    @property
    def domain(self) -> str:
        return self.code[:3]

    @property
    def level(self) -> int:
        return self.code.count(".")

    @property
    def parent(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if self.level > 1 else None


@dataclass
class Catalogue:
    """Codes of one catalogue version, plus any local extensions, with lookups."""

    version: str
    codes: dict[str, Code] = field(default_factory=dict)
    domain_titles: dict[str, str] = field(default_factory=dict)
    sources: dict[str, list[str]] = field(default_factory=dict)
    numbered: dict[str, str] = field(default_factory=dict)  # domain -> name of the workspace's own numbering

    def well_formed(self, code: str) -> bool:
        """The national pattern, or the looser one in a domain the workspace numbers itself."""
        if CODE_RE.match(code):
            return True
        return code[:3] in self.numbered and bool(OWN_CODE_RE.match(code))

    def get(self, code: str) -> Code | None:
        return self.codes.get(code)

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def parent(self, code: str) -> Code | None:
        found = self.codes.get(code)
        return self.codes.get(found.parent) if found and found.parent else None

    def children(self, code: str) -> list[Code]:
        prefix = code + "."
        return [c for c in self.codes.values() if c.code.startswith(prefix) and c.level == code.count(".") + 1]

    def ancestors(self, code: str) -> list[Code]:
        result = []
        current = self.codes.get(code)
        while current is not None and current.parent:
            current = self.codes.get(current.parent)
            if current is not None:
                result.append(current)
        return result

    def domain(self, domain: str) -> list[Code]:
        return [c for c in self.codes.values() if c.domain == domain]

    def search(self, text: str, domain: str | None = None) -> list[Code]:
        """Codes whose code, name, description or synonyms hold every word of ``text``.

        Words are compared by their Indonesian stem (``kepegawaian`` finds ``pegawai``) and, for a
        code or an acronym, as written (case and accents ignored).
        """
        from spbe_arch.stemming import stem_words

        wanted = [w for w in stem_words(_fold(text)) if w]
        hits = []
        for code in self.codes.values():
            if domain and code.domain != domain:
                continue
            raw = _fold(" ".join([code.code, code.name, code.description or "", *code.synonyms]))
            stems = set(stem_words(raw))
            if all(w in stems or w in raw for w in wanted):
                hits.append(code)
        return hits

    def closest(self, text: str, domain: str | None = None, limit: int = 5) -> list[Code]:
        """The codes whose name or synonyms are nearest to ``text``: suggestions when nothing matches."""
        from rapidfuzz import fuzz, process

        choices = {c.code: _fold(" ".join([c.name, *c.synonyms])) for c in self.codes.values()
                   if domain is None or c.domain == domain}
        found = process.extract(_fold(text), choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=50)
        return [self.codes[key] for _, _, key in found]

    def provisional(self, domain: str) -> bool:
        """True when the domain's numbering is provisional (its first-level codes are)."""
        tops = [c for c in self.codes.values() if c.domain == domain and c.level == 1 and not c.local]
        return bool(tops) and all(c.status == "provisional" for c in tops)

    def select(self, domain_or_code: str | None = None, search: str | None = None) -> list[Code]:
        """What ``spbe reference`` lists: a domain, or a code with its descendants, filtered by words."""
        codes = list(self.codes.values())
        domain = None
        if domain_or_code:
            key = domain_or_code.upper()
            if key in DOMAIN_NAMES:
                domain = key
                codes = self.domain(key)
            elif key in self.codes:
                codes = [c for c in codes if c.code == key or c.code.startswith(key + ".")]
            else:
                raise SpbeError(f"{domain_or_code!r} is neither a domain ({', '.join(DOMAIN_NAMES)}) "
                                "nor a known code")
        if search:
            hits = {c.code for c in self.search(search, domain)}
            codes = [c for c in codes if c.code in hits]
        return codes

    def with_extensions(self, extensions: list[Code], numbered: dict[str, str] | None = None) -> Catalogue:
        merged = Catalogue(self.version, dict(self.codes), dict(self.domain_titles), dict(self.sources),
                           {**self.numbered, **(numbered or {})})
        for code in extensions:
            if code.maps_to is not None:
                merged.codes[code.code] = code  # the workspace's own numbering wins for its domain
            else:
                merged.codes.setdefault(code.code, code)
        merged.codes = dict(sorted(merged.codes.items(), key=lambda kv: _sort_key(kv[0])))
        return merged


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _sort_key(code: str) -> tuple[str, tuple[int, ...]]:
    head, _, rest = code.partition(".")
    return head, tuple(int(p) for p in rest.split(".") if p.isdigit())


def available_versions(directory: Path | None = None) -> list[str]:
    versions = set()
    for path in sorted((directory or data_dir("domains")).glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            doc = yaml.load(handle, Loader=yaml.CSafeLoader)
        if isinstance(doc, dict) and "version" in doc:
            versions.add(str(doc["version"]))
    return sorted(versions)


@lru_cache(maxsize=8)
def load_catalogue(version: str = "perpres-132-2022", directory: str | None = None) -> Catalogue:
    """The national catalogue ``version`` from the shipped ``domains/`` folder."""
    folder = Path(directory) if directory else data_dir("domains")
    catalogue = Catalogue(version)
    for path in sorted(folder.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            doc = yaml.load(handle, Loader=yaml.CSafeLoader)
        if not isinstance(doc, dict) or str(doc.get("version")) != version:
            continue
        domain = str(doc["domain"])
        catalogue.domain_titles[domain] = str(doc.get("name", domain))
        catalogue.sources[domain] = [str(s) for s in doc.get("sources", [])]
        source = "; ".join(catalogue.sources[domain]) or None
        for item in doc.get("codes", []):
            catalogue.codes[str(item["code"])] = Code(
                str(item["code"]), str(item["name"]), item.get("description"),
                status="provisional" if item.get("status") == "provisional" else "confirmed", source=source,
                synonyms=tuple(str(w) for w in item.get("synonyms", [])))
    if not catalogue.codes:
        known = ", ".join(available_versions(folder)) or "none"
        raise SpbeError(f"reference catalogue {version!r} is not shipped with this spbe-arch (available: {known})")
    catalogue.codes = dict(sorted(catalogue.codes.items(), key=lambda kv: _sort_key(kv[0])))
    return catalogue
