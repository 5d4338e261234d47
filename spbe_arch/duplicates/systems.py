"""What makes two inventory rows one system rather than two: web addresses and names of one system.

Shared by the duplicate finder (``same_system`` findings) and ``spbe import inventory`` (which merges
such rows into one application).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import SplitResult, parse_qs, urlsplit

from spbe_arch.duplicates.owner_sites import looks_like_an_opd
from spbe_arch.duplicates.tables import compact, shipped_tables, words
from spbe_arch.stemming import is_indonesian_word

_ADDRESS = re.compile(r"^(https?://)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?(/\S*)?$", re.IGNORECASE)
_ADDRESS_TOKEN = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:/[^\s)]*)?", re.IGNORECASE)
# labels of a host that say where it lives, not what it is: go.id, the government's own domain
_DOMAIN_LABELS = frozenset({"go", "id", "co", "or", "ac", "sch", "com", "net", "org", "web", "my", "www", "info",
                            "desa", "kab", "kota", "prov"})


REGION_KINDS = ("kab", "kota", "prov")  # a Pemda's domain: its place written short, then its kind
_REGION_LABEL = re.compile(rf"({'|'.join(REGION_KINDS)})$|^(pemkab|pemkot|pemprov)")
_GOVERNMENT_LABEL = re.compile(r"\b([a-z][a-z0-9-]{2,})\.go\.id\b")


def is_address(text: str) -> bool:
    """Whether a name is only a web address (``simpeg.magetan.go.id``, ``https://x.go.id/app``)."""
    return " " not in text.strip() and bool(_ADDRESS.match(text.strip()))


# words before an address that make it another system's ("terintegrasi dengan sipd.kemendagri.go.id")
_ELSEWHERE = frozenset({"dengan", "ke", "dari", "integrasi", "terintegrasi", "terhubung", "bridging", "sinkronisasi",
                        "via", "melalui", "menggunakan", "with", "to", "from"})
_BEFORE = 3  # words before an address that are read for that


def first_address(text: str | None) -> str | None:
    """The first web address written in a text ("Data Perda (jdih.x.go.id)"), without trailing punctuation,
    unless the words before it make it another system's address (an integration, a data source)."""
    if not text or "." not in text:
        return None
    found = _ADDRESS_TOKEN.search(text)
    if found is None or set(words(text[:found.start()])[-_BEFORE:]) & _ELSEWHERE:
        return None
    return found.group(0).rstrip(".,;")


def address_parts(text: str) -> tuple[str, str] | None:
    """Where one system lives: the host of an address without ``www.`` and its first path segment, in
    lower case. Every app of a store lives on the store's host, so a store link is the store and the
    app's package id (``play.google.com/id.go.x.app``, no segment); a store link without one is None."""
    text = text.strip()
    if not text:
        return None
    try:
        parts = urlsplit((text if "://" in text else f"https://{text}").lower())
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return None
    if not host:
        return None
    if host in _STORES:
        package = parse_qs(parts.query).get("id", [""])[0]
        return (f"{host}/{package}", "") if package else None
    return host, parts.path.strip("/").split("/", 1)[0]


_STORES = frozenset({"play.google.com", "apps.apple.com", "itunes.apple.com"})
# first path segments that are the way into a system, not a system of their own
_ENTRY_PATHS = frozenset({"login", "auth", "signin", "masuk", "admin", "public", "home", "beranda", "index.php",
                          "index.html", "web", "app", "id", "en", "site", "main", "dashboard", "user", "v2", "#"})


def names_a_path(segment: str) -> bool:
    """A first path segment that names something (diskominfo.x.go.id/silantik: the Silantik application
    on the office's host), not a way into the site's own system (/login, /auth, /public)."""
    return bool(segment) and segment not in _ENTRY_PATHS


def address_key(text: str) -> str | None:
    """:func:`address_parts` as one key (a host that names no domain is none): the inventory import
    merges the rows of one address."""
    found = address_parts(text)
    if found is None or "." not in found[0]:
        return None
    host, segment = found
    return f"{host}/{segment}" if segment else host


def _host_labels(parts: SplitResult) -> list[str]:
    """The labels of an address's host, without "www" (raises ValueError on a malformed host, as
    ``urlsplit``'s accessors do)."""
    return (parts.hostname or "").removeprefix("www.").split(".")


# a host's first label that names a version or a copy of what the host after it serves (v2.simpeg,
# new.bapeda, test.dpupr, tes2.daftar.blk, weblama.dispendukcapil, port1.epresensi, xx.sitapres): the same
# system, or the same OPD's site
_VERSION_LABEL = re.compile(r"^(?:v\d+|ver\d*|versi\d*|new|baru|old|lama|weblama|test\d*|tes\d*|testing|dev|devel"
                            r"|development|demo|staging|beta|sandbox|trial|ujicoba|port\d*|[a-z]{1,2}\d*)$")
# a first label that names a door or a part of the application on the host after it (api.epresensi,
# dashboard.epresensi, cetak.sitapres, formulir.ppid, efile.simpeg, maps.sisarah): one system with it. Under
# an OPD's own host the same label names an application of that OPD (e-form.diskominfo, maps.dpmptsp).
_PART_LABELS = frozenset({"api", "apis", "dashboard", "admin", "cms", "backend", "backoffice", "frontend", "mobile",
                          "cetak", "print", "entry", "input", "desktop", "eform", "e-form", "form", "formulir",
                          "learn", "efile", "e-file", "maps", "map", "peta", "docs", "help", "static", "cdn"})
# a system's label (SI-, SIM-, e-) and one digit: an instance of that system (sidatapemda1); an
# institution's label and a digit is another institution (puskpurwodadi1 and puskpurwodadi2)
_NUMBERED_LABEL = re.compile(r"^((?:si|e)[a-z-]{3,}[a-z])\d$")


def _names_an_opd(label: str) -> bool:
    """A host label that is an OPD's abbreviation (diskominfo, dpupr, bapeda), under which each label is
    one of its applications; not an application's own host (epresensi, ppid, simpeg)."""
    return looks_like_an_opd(label) or label in shipped_tables().organization_short_forms


def _variant_of(label: str, parent: str) -> bool:
    """Whether a host's first label names a version, a copy or a part of what the label after it serves."""
    return bool(_VERSION_LABEL.match(label)) or (label in _PART_LABELS and not _names_an_opd(parent))


def _instance_of(label: str) -> str:
    """The system's label without the number of its instance (sidatapemda1: sidatapemda)."""
    numbered = _NUMBERED_LABEL.match(label)
    return numbered[1] if numbered is not None else label


def _system_labels(address: str) -> tuple[list[str], str] | None:
    """The labels of an address's host that stand before the government's domain, without the region's
    prefix on a national host (``magetankab.sipd...``), without a first label that names a version, a copy
    or a part of what the host after it serves (``api.epresensi``: epresensi), and its first path
    segment: ``sppd.biroadpem.bantenprov.go.id`` -> ([sppd, biroadpem], ""), ``x.go.id/sippd`` ->
    ([x], "sippd")."""
    try:
        parts = urlsplit(address if "://" in address else f"https://{address}")
        labels = _host_labels(parts)
    except ValueError:
        return None
    kept: list[str] = []
    for label in labels:
        if label in _DOMAIN_LABELS:
            break
        kept.append(label)
    if len(kept) >= 2:
        kept = kept[:-1]  # the government's own domain (magetan in simpeg.magetan.go.id)
    while len(kept) >= 2 and _REGION_LABEL.search(kept[0]):
        kept = kept[1:]  # magetankab.sipd...: the region's prefix on a national host
    while len(kept) >= 2 and _variant_of(kept[0], kept[1]):
        kept = kept[1:]
    if kept:
        kept = [_instance_of(kept[0]), *kept[1:]]
    return kept, parts.path.strip("/").split("/", 1)[0]


# the words of a kecamatan's or a village's kind (Kecamatan Lalabata, Kapanewon Nglipar), and the labels under
# which a Pemda's domain lists their sites (klambu.kec.x.go.id)
AREA_WORDS = frozenset({"kecamatan", "kelurahan", "desa", "kec", "kel", "kapanewon", "kemantren", "distrik",
                        "kalurahan", "nagari", "gampong"})


@lru_cache(maxsize=65536)
def system_host(host: str) -> str:
    """The host of the system an address serves: without a first label that names a version, a copy or a
    part of what the host after it serves, the number of a system's instance and the hyphens of its labels
    (``api.epresensi.x.go.id`` and ``v2.epresensi.x.go.id``: ``epresensi.x.go.id``; ``tes2.daftar.blk.x.go.id``:
    ``daftar.blk.x.go.id``; ``e-form.x`` and ``eform.x``: one)."""
    labels = host.split(".")
    before_domain = next((i for i, label in enumerate(labels) if label in _DOMAIN_LABELS), len(labels))
    while before_domain >= 3 and _variant_of(labels[0], labels[1]):
        labels, before_domain = labels[1:], before_domain - 1  # the system and the government's label stay
    if before_domain >= 2:
        labels = [_instance_of(labels[0]), *labels[1:]]
    return ".".join(label.replace("-", "") for label in labels)


def opd_labels_apart(a: str, b: str) -> tuple[str, str] | None:
    """The OPD host labels of two hosts of one system's label, "" where there is none: (``diskominfo``, "")
    of ``csirt.diskominfo.x.go.id`` and ``csirt.x.go.id``, (``kominfo``, ``diskominfo``) of
    ``evaluasi.kominfo.x.go.id`` and ``evaluasi.diskominfo.x.go.id``; None for other hosts. Whether they are
    one system is for the owner to say (see the finder)."""
    first, second = (_system_labels(f"https://{host}") for host in (a, b))
    if first is None or second is None or not first[0] or not second[0] or first[0] == second[0] \
            or len(first[0]) > 2 or len(second[0]) > 2 \
            or first[0][0].replace("-", "") != second[0][0].replace("-", ""):
        return None
    apart = (first[0][1] if len(first[0]) == 2 else "", second[0][1] if len(second[0]) == 2 else "")
    return apart if all(_names_an_opd(label) for label in apart if label) else None


def unit_host_label(host: str) -> str | None:
    """The label of the unit's host a system's label stands under (diskominfo of csirt.diskominfo.x.go.id),
    None for a host right under the government's domain or deeper."""
    found = _system_labels(f"https://{host}")
    return found[0][1] if found is not None and len(found[0]) == 2 else None


def names_an_area_site(address: str) -> bool:
    """``klambu.kec.grobogan.go.id``: the site of one kecamatan (or village) of the Pemda, listed under the
    label its domain keeps for them; not an application (``simperdes.x.kec...`` is one, on its host)."""
    found = _system_labels(address)
    return found is not None and len(found[0]) == 2 and found[0][1] in AREA_WORDS and not found[1]


def government_labels(text: str) -> set[str]:
    """The labels written just before ``.go.id`` in a text (``jatraprov`` of nawala.jatraprov.go.id,
    ``bkn`` of e-kinerja.bkn.go.id): the domains of the governments and agencies it names."""
    return {m.group(1) for m in _GOVERNMENT_LABEL.finditer(text.casefold())}


def region_place(label: str) -> tuple[str, str] | None:
    """(place, kind) of a Pemda's domain label: ``jatraprov`` -> (jatra, prov), ``gunungkidulkab`` ->
    (gunungkidul, kab); None for any other label."""
    kind = next((k for k in REGION_KINDS if label.endswith(k) and len(label) > len(k) + 2), None)
    return (label[:-len(kind)], kind) if kind else None


_PEMDA_KINDS = {"provinsi": "prov", "prov": "prov", "pemprov": "prov", "kabupaten": "kab", "kab": "kab",
                "pemkab": "kab", "kota": "kota", "pemkot": "kota"}
_PEMDA_SITE = re.compile(
    r"^(?:(?:website|webiste|web|situs|laman|portal|homepage)\s+)*(?:(?:resmi|official)\s+)?"
    r"(?:pemerintah(?:an)?\s+(?:daerah\s+)?(?P<kind>provinsi|prov|kabupaten|kab|kota)|(?P<short>pemprov|pemkab|pemkot))"
    r"\.?\s+(?P<place>[a-z][a-z .']*)$")


def pemda_portal(name: str, host: tuple[str, str] | None) -> tuple[str, str] | None:
    """(kind, place) of a row that is the Pemda's own official portal, not an OPD's site: a name that
    only says so ("Website Resmi Pemerintah Provinsi Kepulauan Sagara", "Portal Pemkab Lembah Sari") or
    the root of the Pemda's domain (``www.sagaraprov.go.id``). Listed by the Diskominfo and by the
    Biro/Bagian that fills it, it is one system, and it is neither of those OPDs' own site."""
    if host is not None and not host[1]:
        label, *domain = host[0].split(".")
        region = region_place(label) if domain == ["go", "id"] else None
        if region is not None:
            return region[1], region[0]
    # "Portal Resmi Pemerintah Provinsi Nusa Cendana (nusacendanaprov.go.id)": the name, its address aside
    written = re.sub(r"\(\s*\)|\[\s*\]", " ", without_addresses(name) or "")
    found = _PEMDA_SITE.match(" ".join(written.casefold().split()))
    if found is None:
        return None
    kind = _PEMDA_KINDS[found["kind"] or found["short"]]
    place = "".join(ch for ch in found["place"] if ch.isalpha())
    return (kind, place) if len(place) >= MIN_PLACE else None


MIN_PLACE = 3


def same_pemda_portal(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two portal readings are one Pemda's: one kind, and one place written in full or short
    (``sagara`` in Kepulauan Sagara; ``jatra`` for Jawa Tenggara, ``kaltara`` for Kalimantan Utara: the
    short form's letters in order, from the same first letter)."""
    if a[0] != b[0]:
        return False
    short, long = sorted((a[1], b[1]), key=len)
    return short in long or (short[0] == long[0] and _in_order(short, long))


def _in_order(short: str, long: str) -> bool:
    rest = iter(long)
    return all(ch in rest for ch in short)


def national_host_words(address: str) -> list[str] | None:
    """The system's label and the agency's of an address on a central agency's domain
    (``e-kinerja.bkn.go.id`` -> [ekinerja, bkn]): how the national application is named there. None for
    an address under a region's or an OPD's host."""
    try:
        labels = _host_labels(urlsplit(address if "://" in address else f"https://{address}"))
    except ValueError:
        return None
    if labels[-2:] != ["go", "id"] or len(labels) != 4 or _REGION_LABEL.search(labels[1]):
        return None
    return ["".join(words(labels[0])), labels[1]]


def system_label(address: str) -> str | None:
    """The first label that names the system: ``lapor`` of ``lapor.go.id``, ``lpse`` of
    ``lpse.lkpp.go.id/eproc4``, ``sipd`` of ``x.sipd.kemendagri.go.id``."""
    found = _system_labels(address)
    return found[0][0] if found is not None and found[0] else None


def _address_words(address: str) -> str:
    """``e-kinerja.magetan.go.id`` -> ``e-kinerja``; ``x.go.id/sippd`` -> ``sippd``: the labels that name
    the system, before the government's domain."""
    found = _system_labels(address)
    if found is None:
        return address
    kept, segment = found
    return " ".join([*kept[:1], segment]).strip()  # sppd.biroadpem...: the system, then the OPD that runs it


def on_unit_host(address: str) -> bool:
    """An address on an OPD's own subdomain (``lapor.disnakertrans.x.go.id``): the OPD's application,
    whatever its first label says. A national application lives on its own host or on the government's
    (``lpse.x.go.id``, ``x.sipd.kemendagri.go.id``), never under one OPD's."""
    found = _system_labels(address)
    return found is not None and len(found[0]) >= 2


_TAG = re.compile(r"\[[^\[\]]*\]")
# words of a site's name that say only that it is a site, and whose ("Website OPD", "Situs Resmi
# Perangkat Daerah - X", "Web SKPD X"): not what it does
SITE_WORDS = frozenset({"resmi", "website", "webiste", "site", "situs", "web", "webportal", "homepage", "laman",
                        "portal", "opd", "skpd", "permohonan", "perangkat", "daerah", "pemerintah", "unit", "kerja"})


def without_addresses(text: str | None) -> str | None:
    """A text without the web addresses written in it: in a description, an address says where the
    application lives (read apart), and its words (https, the Pemda's domain) say nothing of what it does."""
    if not text or "." not in text:
        return text
    return _ADDRESS_TOKEN.sub(" ", text)


def without_tags(name: str) -> str:
    """A name without the tags in square brackets an inventory appends ("Sidokar [SIMRS]", "RIS [Datin]":
    the unit that runs it, not what it is), unless the tag is all there is."""
    if "[" not in name:
        return name
    rest = _TAG.sub(" ", name)
    return " ".join(rest.split()) if any(c.isalnum() for c in rest) else name


def name_text(name: str) -> str:
    """A name with its web addresses reduced to the words that name the system, a label written as
    one word split into the words it is made of (``tatasurat`` -> ``tata surat``), without its tags."""
    name = without_tags(name)
    if "." not in name:
        return name
    return _ADDRESS_TOKEN.sub(lambda m: " " + " ".join(split_compound(w) for w in _address_words(m.group(0))
                                                        .split()) + " ", name)


MIN_PART = 4  # shorter pieces match too much by chance (ppid + ... is not a split)
_WORD_NAME_PREFIXES = ("", "sim", "sis", "si", "e")
MIN_WORD_NAME = 4  # SIPADU: padu; shorter rests (SIAP: ap) are letters, not a word


@lru_cache(maxsize=4096)
def word_for_a_name(name: str) -> bool:
    """A name that is one word of the language, alone or after an acronym's prefix (SIKAP, SIMPATI,
    Si-Mantap, SIPADU): a catchy word that many offices give their own, unrelated systems, so that on its
    own it does not say which system a row is. Not a name the tables know (SRIKANDI, LAPOR, Presensi)."""
    written = words(name_text(name))
    letters = "".join(written)
    tables = shipped_tables()
    if not 1 <= len(written) <= 2 or not letters.isalpha() or letters in tables.acronyms \
            or letters in tables.known_words:
        return False
    return any(letters.startswith(prefix) and len(letters) - len(prefix) >= MIN_WORD_NAME
               and is_indonesian_word(letters[len(prefix):]) for prefix in _WORD_NAME_PREFIXES)


@lru_cache(maxsize=1)
def _segment_words() -> frozenset[str]:
    tables = shipped_tables()
    known = {w for w in tables.known_words if " " not in w and w.isalpha()}
    known.update(w for phrase in tables.phrases for w in phrase if w.isalpha())
    return frozenset(w for w in known if len(w) >= MIN_PART)


MIN_ACRONYM = 3


@lru_cache(maxsize=1)
def _segment_acronyms() -> frozenset[str]:
    """Acronyms of the alias table that a host label may join (dms + ppid), three letters or more."""
    tables = shipped_tables()
    return frozenset(a for a in tables.acronyms if len(a) >= MIN_ACRONYM and a.isalpha() and a not in tables.fillers)


def site_vocabulary() -> frozenset[str]:
    """Words that say what a site is about (media monitoring): a site named so is not just an OPD's site."""
    return _segment_words()


@lru_cache(maxsize=4096)
def split_compound(label: str) -> str:
    """A host label made of known words, split (``bursakerja`` -> ``bursa kerja``); any other label as
    it is. Only a split into two or three known words of four letters or more counts."""
    parts = label.split("-")
    if len(parts) > 1:
        return " ".join(split_compound(p) for p in parts)
    known = _segment_words()
    if label in known or label in shipped_tables().acronyms or not label.isalpha():
        return label
    if label.startswith("e") and split_compound(label[1:]) != label[1:]:
        return split_compound(label[1:])  # ehibahbansos: e- before two words
    acronyms = _segment_acronyms()
    for cut in range(MIN_ACRONYM, len(label) - MIN_ACRONYM + 1):  # dmsppid: two acronyms written together
        if label[:cut] in acronyms and label[cut:] in acronyms:
            return f"{label[:cut]} {label[cut:]}"
    if len(label) < 2 * MIN_PART:
        return label
    for cut in range(MIN_PART, len(label) - MIN_PART + 1):
        first, rest = label[:cut], label[cut:]
        if first not in known:
            continue
        if rest in known:
            return f"{first} {rest}"
        for second in range(MIN_PART, len(rest) - MIN_PART + 1):
            if rest[:second] in known and rest[second:] in known:
                return f"{first} {rest[:second]} {rest[second:]}"
    return label


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that say what an application does (SIMPUS expands to them), without the names of national
    applications (which name one system)."""
    tables = shipped_tables()
    brands: set[str] = set()
    for function in tables.functions:
        for name in function.names:
            # a short name is a brand (SRIKANDI, SP4N LAPOR, e-Kinerja BKN); a long one spells out a kind of
            # system, and only its words that say no function are a brand: "Aplikasi Pengaduan" of two
            # OPDs is two systems, though the national complaint system's long name says "pengaduan"
            spelt = name.split()
            brands.update(spelt if len(spelt) <= 2 else (w for w in spelt if w not in tables.known_words))
    brands -= tables.fillers  # "online" of Online Single Submission names no system
    # and the words of a site's name that say only that it is one ("Website OPD", "Situs Resmi")
    return frozenset((tables.known_words | tables.stopwords | SITE_WORDS | {"e", "aplikasi", "sistem", "informasi"})
                     - brands)


def is_generic(name: str) -> bool:
    """A name of a kind of system ("Aplikasi Antrian", "SMS Gateway"), not of one system ("EP3")."""
    return generic_words(words(name_text(name)))


def generic_words(found: Iterable[str]) -> bool:
    """Whether the (concept) words of a name only say what it does: no acronym, no brand."""
    generic = _generic_words()
    found = list(found)
    return bool(found) and all(w in generic or w.isdigit() for w in found)


def mentions_platform(name: str) -> bool:
    """Whether a name says which platform it runs on (``e-Kinerja (Mobile)``, ``SIMPEG Android``)."""
    return bool(set(words(name)) & shipped_tables().platform)


def mentions_mobile(name: str) -> bool:
    """Whether a name says it is a mobile client (``JDIH Mobile``, ``SIMPEG Android``)."""
    return not shipped_tables().mobile.isdisjoint(words(name))


def beside_platform(name: str) -> list[str]:
    """A name's words other than those of its platform ("Lapor Gub (Android)": lapor, gub)."""
    platform = shipped_tables().platform
    return [w for w in words(name) if w not in platform]


_PART_OF_WORDS = r"bagian dari|modul dari|sub ?sistem dari|part of"
_PART_OF = re.compile(rf"\b(?:{_PART_OF_WORDS}|modul)\s+(?:aplikasi\s+)?([\w.-]+)", re.IGNORECASE)
_PART_OF_SAID = re.compile(rf"\b(?:{_PART_OF_WORDS})\s+(?:aplikasi\s+)?([\w.-]+)", re.IGNORECASE)
_HEAD = re.compile(r"^\s*([^|]+?)\s*\|")


def part_of(description: str | None, in_name: bool = False) -> str | None:
    """The system a description says the application is part of ("Bagian dari SIMPEG"), compacted. In a
    name (``in_name``) only what says so in words counts: "SIMPEG - Modul Cuti" names its own module."""
    if not description:
        return None
    found = (_PART_OF_SAID if in_name else _PART_OF).search(description)
    if found is None:
        return None
    key = "".join(words(name_text(found.group(1))))
    return key if len(key) >= 3 else None


_MODULE = re.compile(r"^\s*(.+?)\s*[-\u2013:|]?\s+modul\b", re.IGNORECASE)


def module_of(name: str) -> str | None:
    """The system a name says it is a module of, as written ("SIPD - Modul Pokok Pikiran DPRD",
    "SIPELITA Modul e-Monev": SIPD, SIPELITA), or None."""
    found = _MODULE.match(name)
    return found.group(1) if found is not None and len(compact(found.group(1))) >= 3 else None


def head(name: str) -> str | None:
    """The system a name lists a module of ("SIMDALEV | Monev" -> simdalev), compacted."""
    found = _HEAD.match(name)
    if found is None:
        return None
    key = "".join(words(name_text(found.group(1))))
    return key if len(key) >= 3 and not generic_words(words(found.group(1))) else None
