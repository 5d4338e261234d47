"""Which inventory rows are one system: the key under which ``spbe import inventory`` merges rows.

A national application is reported by every OPD that uses it ("Srikandi", "SRIKANDI"), and the
Pemda's own system by every kecamatan ("EP3", "E-P3"): one system, one application, used by those
OPDs. Rows meet when their names are equal once case and punctuation are gone, or when they are the
same web address. A name made only of words that say what an application does ("Aplikasi Absensi",
"SMS Gateway") names a kind of system, not one system: such rows of different OPDs are different
systems doing one job, which the duplicate finder reports as functional duplicates instead.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

_ADDRESS = re.compile(r"^(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?(/\S*)?$", re.IGNORECASE)


def is_address(text: str) -> bool:
    """Whether a name is only a web address (``simpeg.magetan.go.id``, ``https://x.go.id/app``)."""
    return bool(_ADDRESS.match(text.strip())) and " " not in text.strip()


def address_key(text: str) -> str | None:
    """Host and first path segment of an address, without ``www.``: where one system lives."""
    text = text.strip()
    if not text:
        return None
    try:
        parts = urlsplit(text if "://" in text else f"https://{text}")
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if "." not in host:
        return None
    segment = parts.path.strip("/").split("/", 1)[0].lower()
    return f"{host}/{segment}" if segment else host


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that say what an application does (the duplicate finder's tables), without the acronyms
    and national application names, which name one system."""
    from spbe_arch.duplicates.tables import shipped_tables

    tables = shipped_tables()
    brands = set(tables.acronyms)
    for function in tables.functions:
        for name in function.names:
            brands.update(name.split())
    return frozenset((tables.known_words | tables.stopwords) - brands)


def is_generic(name: str) -> bool:
    """A name of a kind of system ("Aplikasi Antrian"), not of one system ("EP3", "SRIKANDI")."""
    from spbe_arch.duplicates.tables import words

    found = words(name)
    generic = _generic_words()
    return bool(found) and all(w in generic or w.isdigit() for w in found)


def system_key(name: str, url: str | None, owner: str) -> str:
    """The key of the system a row reports: rows with one key are merged into one application."""
    from spbe_arch.duplicates.tables import compact

    address = address_key(url) if url else None
    if address is None and is_address(name):
        address = address_key(name)
    if address is not None:
        return f"url:{address}"
    key = compact(name)
    return f"name:{key}@{owner}" if is_generic(name) or not key else f"name:{key}"
