"""The national reference catalogue (Referensi Arsitektur SPBE) and a workspace's local extensions."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from spbe_arch.errors import SpbeError
from spbe_arch.resources import data_dir

CODE_RE = re.compile(r"^RA[BDLAIK](\.\d{2}){1,6}$")

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


@dataclass(frozen=True)
class Code:
    code: str
    name: str
    description: str | None = None
    local: bool = False

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
        """Codes whose code or name contains every word of ``text`` (case and accents ignored)."""
        words = _fold(text).split()
        hits = []
        for code in self.codes.values():
            if domain and code.domain != domain:
                continue
            haystack = _fold(f"{code.code} {code.name} {code.description or ''}")
            if all(w in haystack for w in words):
                hits.append(code)
        return hits

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

    def with_extensions(self, extensions: list[Code]) -> Catalogue:
        merged = Catalogue(self.version, dict(self.codes), dict(self.domain_titles), dict(self.sources))
        for code in extensions:
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
        for item in doc.get("codes", []):
            catalogue.codes[str(item["code"])] = Code(
                str(item["code"]), str(item["name"]), item.get("description"))
    if not catalogue.codes:
        known = ", ".join(available_versions(folder)) or "none"
        raise SpbeError(f"reference catalogue {version!r} is not shipped with this spbe-arch (available: {known})")
    catalogue.codes = dict(sorted(catalogue.codes.items(), key=lambda kv: _sort_key(kv[0])))
    return catalogue
