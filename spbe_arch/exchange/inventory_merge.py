"""Which inventory rows are one system: the key under which ``spbe import inventory`` merges rows.

A national application is reported by every OPD that uses it ("Srikandi", "SRIKANDI"), and the
Pemda's own system by every kecamatan ("EP3", "E-P3"): one system, one application, used by those
OPDs. Rows meet when their names are equal once case and punctuation are gone, or when they are the
same web address. A name made only of words that say what an application does ("Aplikasi Absensi",
"SMS Gateway") names a kind of system, not one system: such rows of different OPDs are different
systems doing one job, which the duplicate finder reports as functional duplicates instead. Two OPDs'
rows of one name whose descriptions say two different jobs ("SIMANTAP": social welfare data in one,
public transport in the other) are not merged either: the duplicate finder judges them.
"""

from __future__ import annotations

from spbe_arch.duplicates.systems import address_key, is_address, is_generic, without_tags, word_for_a_name
from spbe_arch.duplicates.tables import compact, shipped_tables, words
from spbe_arch.model import MANY_OF_A_KIND

__all__ = ["describe_two_jobs", "is_address", "namesakes_apart", "shared_addresses", "system_key"]
SHARED = 3  # rows of this many different names at one address: a portal or a placeholder, not one system
SAYS_A_JOB = 1  # content words a description needs to say what an application does ("Monitoring Ormas": one)
MIN_CONTENT = 4  # shorter words (KK, TIK, pns) say too little alone


def _address(name: str, url: str | None) -> str | None:
    address = address_key(url) if url else None
    if address is None and is_address(name):
        address = address_key(name)
    return address


def shared_addresses(rows: list[tuple[str, str | None]]) -> frozenset[str]:
    """Addresses that rows of several different names give ((name, url) pairs): the Pemda's portal
    written in the URL column of every application says nothing about which system a row is."""
    names: dict[str, set[str]] = {}
    for name, url in rows:
        address = _address(name, url)
        if address is not None:
            names.setdefault(address, set()).add(compact(name))
    return frozenset(a for a, found in names.items() if len(found) >= SHARED)


def system_key(name: str, url: str | None, owner: str, shared: frozenset[str] = frozenset()) -> str:
    """The key of the system a row reports: rows with one key are merged into one application."""
    address = _address(name, url)
    if address is not None and address not in shared:
        return f"url:{address}"
    name = without_tags(name)  # "Sidokar [SIMRS]" and "SIDOKAR [Datin]": one name, tagged by two units
    key = compact(name)
    return f"name:{key}@{owner}" if is_generic(name) or not key else f"name:{key}"


def _content(text: str | None) -> frozenset[str]:
    """The words of a description that the tables know as saying what an application does (no stop,
    filler or weak word): a form's sentence ("untuk mendukung tugas dan fungsi OPD") or a note on the
    row's state ("jarang dipakai") says none."""
    tables = shipped_tables()
    plain = tables.stopwords | tables.fillers | tables.weak
    return frozenset(w for w in words(text or "") if len(w) >= MIN_CONTENT and w.isalpha() and w not in plain
                     and w in tables.known_words)


def describe_two_jobs(first: str | None, second: str | None) -> bool:
    """Both descriptions say what the application does, and they share no word of it."""
    a, b = _content(first), _content(second)
    return len(a) >= SAYS_A_JOB and len(b) >= SAYS_A_JOB and a.isdisjoint(b)


def namesakes_apart(name: str, owners_of_name: int, first: tuple[str, str | None],
                    second: tuple[str, str | None]) -> bool:
    """Two OPDs' rows of one name that is only a word of the language (SIKAP of the BKPSDM and of the Dinas
    Sosial, SIPADU of a kecamatan and of the Satpol PP), each (owner's kind, description): two systems
    that happen to share a catchy name, unless more OPDs give it (a system the Pemda shares), the two are
    units of one kind (two hospitals' E-Klaim, two kecamatan's EP3), or their descriptions both say one job."""
    if owners_of_name != 2 or not word_for_a_name(name):
        return False
    if first[0] == second[0] and first[0] in MANY_OF_A_KIND:
        return False
    said = _content(first[1]), _content(second[1])
    return not (said[0] & said[1])
