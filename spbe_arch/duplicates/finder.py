"""``find_duplicates``: candidate pairs, scores, exclusions, groups."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from spbe_arch.duplicates.blocking import MIN_SPELT_WORDS, all_pairs, candidate_pairs, short_form
from spbe_arch.duplicates.disjoint import DisjointSets
from spbe_arch.duplicates.features import AppFeatures, FeatureSet, build_features
from spbe_arch.duplicates.grouping import GEOSPATIAL, build_groups
from spbe_arch.duplicates.messages import LANGUAGES, Language, Messages
from spbe_arch.duplicates.normalize import abbreviates, looks_like_acronym
from spbe_arch.duplicates.report import DuplicateReport, Kind, Pair
from spbe_arch.duplicates.scoring import (
    DESCRIPTION_FULL,
    DESCRIPTION_UNRELATED,
    Scorer,
    acronym_beside_word,
    cosine,
    different_jobs,
    namesakes_by_a_word,
)
from spbe_arch.duplicates.systems import (
    beside_platform,
    mentions_mobile,
    module_of,
    name_text,
    names_a_path,
    national_host_words,
    opd_labels_apart,
    same_pemda_portal,
    system_host,
)
from spbe_arch.duplicates.tables import raw_words, shipped_tables, words
from spbe_arch.errors import UsageError
from spbe_arch.workspace import Workspace

_DIGITS = re.compile(r"\d+")
DEFAULT_THRESHOLD = 0.58
NATIONAL_COPY_SCORE = 0.9


def _site_listed_for(listed: AppFeatures, site: AppFeatures) -> bool:
    """An address one OPD lists for another (dinkes.x.go.id, by the Diskominfo), beside that other OPD's
    own site: one site, listed twice."""
    return listed.site_of is not None and listed.site_of == site.owner and site.owners_site


def same_system(a: AppFeatures, b: AppFeatures) -> str | None:
    """Why two rows are one system and not two, or None: the same web address (on a host that several
    applications share, also the same first path segment); one replaces the other; both are the one
    national application; the same name of one system (EP3 of every kecamatan, SAKIP and SAKIP New) or
    of its client (e-Kinerja and e-Kinerja Mobile). A name of a kind of system (Aplikasi Antrian) in
    two OPDs is two systems; so is one acronym with two unrelated descriptions (two SIPPs)."""
    both_hosts = a.host is not None and b.host is not None
    if a.host is not None and b.host is not None and a.host[0] == b.host[0] and (a.host[1] == b.host[1] or (
            not a.shared_host and names_a_path(a.host[1]) == names_a_path(b.host[1]))) \
            and not (a.institution_named and b.institution_named and a.compact != b.compact):
        # on a host of several applications, the site's root is the portal, not each of them; and an
        # application at a path that names it (diskominfo.x.go.id/silantik) is not the site at the
        # host's root (two pages of one application's host, /booking and /hasil_survey, are one system);
        # the pages of two puskesmas on the health office's site are two institutions' pages
        return "address"
    if a.host is not None and b.host is not None and a.host[0] != b.host[0] and a.host[1] == b.host[1]:
        if system_host(a.host[0]) == system_host(b.host[0]):
            return "version"  # api.epresensi and v2.epresensi of epresensi.x.go.id: a door, a copy, a version
        if a.owner == b.owner and (a.app.description or "") == (b.app.description or "") \
                and _one_owner_host(opd_labels_apart(a.host[0], b.host[0]), a, b):
            # csirt.diskominfo.x.go.id and csirt.x.go.id of the Diskominfo, where nothing else tells them
            # apart (a description may: "SPPD Perangkat Daerah - Diskominfo" beside "SPPD Provinsi")
            return "hosts"
    if (a.part_of and (a.part_of == b.part_of or a.part_of in (b.compact, b.head))) \
            or (b.part_of and b.part_of in (a.compact, a.head)) or (a.head and a.head == b.head):
        return "part"  # modules of one system: "Bagian dari SIMPEG", "SIMDALEV | Monev"
    if a.owner == b.owner and a.core == b.core and _two_areas(a, b) and a.national is None and b.national is None:
        return None  # "BPP Lalabata" and "BPP Ganra": one office's units in two kecamatan, not its one system
    if a.pemda_portal is not None and b.pemda_portal is not None:
        # the Pemda's portal by name (Diskominfo) and by its domain's root (the Biro that fills it)
        return "portal" if same_pemda_portal(a.pemda_portal, b.pemda_portal) else None
    portal = a.pemda_portal is not None or b.pemda_portal is not None  # no OPD's own site, though one lists it
    if a.owner == b.owner and a.own_site and b.own_site and not a.village and not portal:
        return "own_site"  # an OPD has one official website, however many addresses it was listed under
    if a.owner == b.owner and not a.village and not portal and (a.owner_site or b.owner_site) \
            and a.owners_site and b.owners_site:
        # desdm and distamben: one OPD's site under its current and its former name; "Website Dinas
        # Perhubungan" and dishub.x.go.id: its site by name and by address
        return "own_site"
    if not portal and (_site_listed_for(a, b) or _site_listed_for(b, a)):
        return "own_site"  # "Web Dinkes" of the health office and dinkes.x.go.id listed by the Diskominfo
    if a.owner == b.owner and a.unknown_name and b.unknown_name and not a.village \
            and (a.website == b.website or a.owner_site or b.owner_site) \
            and misspelt(a.compact, b.compact):
        return "spelling"  # bapenda and bappenda, distamben and distambem: one OPD's one system, mistyped
    if a.owner == b.owner and not a.village and len(a.core) >= MIN_SITE_NAME and a.core == b.core \
            and _DIGITS.findall(a.compact) == _DIGITS.findall(b.compact):  # Layanan Nomor 1 and 2 are two
        if a.website != b.website and not (a.owner_site or b.owner_site or a.own_site or b.own_site):
            return "site"  # JDIH and jdih.x.go.id, "Website JDIH Provinsi" and "JDIH": the application and its site
        if a.website == b.website and not (a.generic or b.generic):
            return "name"  # "Aplikasi Sapawarga" and "Sapawarga": one OPD's one system
    two_hosts = both_hosts and a.host[0] != b.host[0]  # type: ignore[index]
    if two_hosts and not a.shared_host and not b.shared_host and not _one_national_named(a, b):
        # two addresses: two systems, however alike the names; not one national application named as such
        # at the ministry's address and at the Pemda's (SPSE at spse.inaproc.id/x, "LPSE Kota X" at lpse.x.go.id)
        return None
    if a.id in b.replaces or b.id in a.replaces:
        return "replaces"
    if a.village != b.village and not (a.is_national and b.is_national):
        # simbatan of the Setda and simbatan.x.go.id of Desa Simbatan: a village's name; but a central
        # application a kelurahan and a kecamatan both list (Prodeskel) is one
        return None
    if a.website and b.website and a.owner != b.owner and a.compact != b.compact:
        return None  # "Web Desa Kuwon", "Web Desa Kuwonharjo": each owner's own site, unless one address
    if different_jobs(a, b):
        return None  # "Made in Bali Mobile" (a UMKM catalogue) and SI-MADE (asset management): one word, two jobs
    if _client_by_its_name(a, b) or _client_by_its_name(b, a):
        return "client"  # "BKOL Prisel Mobile" and "Bursa Kerja Online (BKOL) Priangan Selatan"
    if a.website == b.website and a.name_key != b.name_key and not _registry_refuses(a, b) and (
            (a.brand and a.brand in b.name) or (b.brand and b.brand in a.name)) and not _unrelated(a, b):
        return "name"  # Pikobar and "PIKOBAR (Pusat Informasi dan Koordinasi COVID-19)": one brand, one system
    if a.website == b.website and (acronym_of(a, b) or acronym_of(b, a)) \
            and not (a.generic and b.generic and a.owner != b.owner) and not _unrelated(a, b):
        # SIMRAL and "Sistem Informasi Manajemen Perencanaan, Penganggaran dan Pelaporan"; but SIMRS of one
        # hospital and "Sistem Informasi Manajemen Rumah Sakit" of another are two systems of one kind
        return "name"
    if a.national is not None and b.national is not None and a.named_national and b.named_national \
            and a.national.id == b.national.id:
        return "national"
    if a.website == b.website and (a.compact in b.parts or b.compact in a.parts) and not _unrelated(a, b) \
            and a.is_national == b.is_national:
        # "Layang Sari" and "LAYANG SARI (Layanan Administrasi Kecamatan Online)": the name, explained; but
        # "SIPD (Sistem Informasi Pembangunan Daerah)" spells another SIPD than Kemendagri's
        return "name"
    if (a.is_national or b.is_national) and a.website == b.website and a.unmarked and a.unmarked == b.unmarked \
            and a.core != b.core and not _unrelated(a, b) \
            and not (a.is_national != b.is_national and _pemda_own(b if a.is_national else a)):
        # "SISRUTE Kemenkes" and "SISRUTE": the ministry's application, once with its name; so when both
        # rows are listed as central ("E-Kinerja" built by BKN, and "E-Kinerja BKN")
        return "ministry"
    if a.website != b.website or not a.name_key or a.name_key != b.name_key or namesakes_by_a_word(a, b):
        return None  # (SIKAP of the BKPSDM and of the Dinas Sosial: a word two offices gave their systems)
    if a.is_national and b.is_national and not _unrelated(a, b):
        return "central"  # P-Care and PCARE, each listed as a central application: one national application
        # used by two OPDs, whether or not the tables know it
    if a.owner == b.owner and a.generic == b.generic and a.named_national == b.named_national and (
            a.compact in b.compact or b.compact in a.compact or a.expanded or b.expanded) \
            and not (a.acronym_only and b.acronym_only and a.compact != b.compact):
        # (two acronyms that spell out one job, E-TLHP and SIMWAS of the Inspektorat, are two systems of it)
        return "name"  # one owner, one name (or one acronym's expansion: e-Samsat, Samsat Online): entered twice;
        # not a kind of system beside a named one (Aplikasi Pengaduan Masyarakat beside SP4N-LAPOR!)
    if a.platform_named != b.platform_named and (
            not (a.generic or b.generic) or a.compact in b.compact or b.compact in a.compact) \
            and not _unrelated(a, b) and not _job_of_one(a, b):
        return "client"  # a web application and its mobile client; "Aplikasi Presensi Berbasis Android" of one
        # OPD and "E-Absensi Pegawai" of another are two systems of one kind, not one system and its client
    if a.platform_named and b.platform_named and (not (a.generic or b.generic) or a.owner == b.owner) \
            and beside_platform(a.app.name) == beside_platform(b.app.name) and not _unrelated(a, b):
        # "Lapor Gub (Android)" and "Lapor Gub Web": two clients of one named system; one owner's
        # "Bank X Mobile (Android)" and "(iOS)" are one app for two stores, however generic its name
        return "client"
    if acronym_beside_word(a, b):
        return None  # SI-MADE (Manajemen Aset Daerah) and "Made in Bali": an acronym's letters are not a word
    if a.generic or b.generic or not (a.compact in b.compact or b.compact in a.compact or (
            a.core == b.core and len(a.core.split()) <= MAX_NAME_CORE)):
        # one short name, whatever place or filler words stand around it ("Saber Hoaks Jabar", "Jabar Saber
        # Hoaks"); not a long text that differs only by the organizations taken out of it (a template
        # description of every OPD's site)
        return None
    if _unrelated(a, b):
        return None
    return "name"


_EXPLAINED = re.compile(r"\s+[-\u2013:]\s+.*$|\([^)]*\)|\[[^\]]*\]")


def _client_by_its_name(mobile: AppFeatures, web: AppFeatures) -> bool:
    """One OPD's mobile client, named by the words of its system's name that no table knows ("Aplikasi
    iPrisel Mobile (Android) - Baca Buku Online" beside "Perpustakaan Digital iPrisel"): the brand says
    which system, the rest of each name what it does or where it runs."""
    if mobile.owner != web.owner or not mentions_mobile(mobile.app.name) or mentions_mobile(web.app.name):
        return False
    tables = shipped_tables()
    named = {w for w in words(_EXPLAINED.sub(" ", name_text(mobile.app.name)))
             if w not in tables.fillers and w not in tables.platform} & mobile.name.keys()
    # not "GIRI SEWU Mobile" of RSUD Giri Sewu: the hospital's name, not a system's (and a client whose own
    # words say another job, "SASTRA Mobile (Antrian Online Pasien)" beside "SIMRS SASTRA", is told apart
    # by different_jobs before)
    return bool(named) and named <= set(words(name_text(web.app.name))) and not named <= tables.known_words \
        and not named <= mobile.owner_words and not _unrelated(mobile, web)


def _two_areas(a: AppFeatures, b: AppFeatures) -> bool:
    """Each name says a kecamatan or kelurahan, and not the same one: what is left of them names a kind of
    unit or site, one in each place."""
    return bool(a.areas) and bool(b.areas) and a.areas.isdisjoint(b.areas)


def _units_in_two_areas(a: AppFeatures, b: AppFeatures) -> bool:
    """One name in two kecamatan that says no job ("BPP Lalabata", "BPP Ganra"): a kind of unit, one in
    each place, as ten puskesmas are ten institutions; a job said beside the place ("Antrian Kecamatan X")
    is still compared."""
    return _two_areas(a, b) and a.core == b.core and a.function is None and b.function is None \
        and a.role is None and b.role is None


def _registry_refuses(a: AppFeatures, b: AppFeatures) -> bool:
    """One is a national application the tables know by its names, and the other's name is not one of
    them: a Pemda's own SAKTI beside "SAKTI Kemenkeu" (the registry does not take SAKTI alone for the
    ministry's), unlike "KRISNA DAK Bappenas" beside "Aplikasi Krisna", which no table names."""
    return (a.national is not None and not b.is_national) or (b.national is not None and not a.is_national)


def _pemda_own(f: AppFeatures) -> bool:
    """The Pemda's own system of a national application's name: at an address on the Pemda's domain, or
    named with the Pemda ("E-KINERJA Pemkot" beside "e-Kinerja BKN": the city's e-Kinerja)."""
    return _at_home_address(f) or f.says_its_pemda


def _at_home_address(f: AppFeatures) -> bool:
    """An address on the Pemda's own domain, not a central agency's: e-kinerja.<pemda>.go.id is the
    Pemda's own e-Kinerja, whatever BKN's is called."""
    return f.host is not None and national_host_words(f.host[0]) is None


def _job_of_one(a: AppFeatures, b: AppFeatures) -> bool:
    """Two OPDs' rows of which only one names a job: "Beta Hadir" (attendance) of the BKD and "BETA iOS",
    the province's super app, of the Diskominfo share a brand, not a system."""
    return a.owner != b.owner and a.alone_says_a_job(b)


def acronym_of(short: AppFeatures, long: AppFeatures) -> bool:
    """One row's name is only an acronym that the other's name spells out word by word (its initials or
    first syllables): the same system written short in one row and long in another."""
    letters = short_form(short)
    if letters is None or long.acronym_only or long.compact.startswith(letters):
        return False  # SI-PAD is not spelt by "SI-PADU IZIN": it is that name's start, another brand
    # the long name's own acronyms spell nothing: "SIMATIK (Inventarisasi Aset TIK)" is not si-in-as
    raw = raw_words(name_text(long.app.name))
    if not all(looks_like_acronym(w) for w in raw):  # a name in capitals is all words
        raw = [w for w in raw if not looks_like_acronym(w)]
    spelt = [w for r in raw for w in words(r)]
    return len(spelt) >= MIN_SPELT_WORDS and abbreviates(letters, spelt)


def _unrelated(a: AppFeatures, b: AppFeatures) -> bool:
    """Both describe what they do, and the descriptions have (almost) nothing in common."""
    return bool(a.desc and b.desc) and cosine(a.desc, b.desc) < DESCRIPTION_UNRELATED


MIN_SITE_NAME = 3  # an application and its own address: jdih and jdih.x.go.id
MAX_NAME_CORE = 3  # words of a name's own part that still make a name, not a sentence
MIN_SPELLING = 6  # shorter names differ by a letter for a reason (SIPP, SIAP)


def _one_owner_host(labels: tuple[str, str] | None, a: AppFeatures, b: AppFeatures) -> bool:
    """Both OPD host labels are the owner's: two spellings of its host (kominfo, diskominfo; bapeda,
    bappeda), or its host and none (the Pemda's domain), where the one written names the owner. Another
    OPD's host (ppid.dinkes beside ppid.x.go.id of the Diskominfo) is another OPD's system."""
    if labels is None:
        return False
    first, second = labels
    if first and second:
        return first in second or second in first or misspelt(first, second)
    return (a if first else b).owner_host


def misspelt(first: str, second: str) -> bool:
    """Two names that differ only by a letter or two (a doubled, dropped or swapped letter), not by a
    digit or an added word: one name mistyped."""
    from rapidfuzz.distance import Levenshtein

    if first == second or min(len(first), len(second)) < MIN_SPELLING or abs(len(first) - len(second)) > 1:
        return False
    if _DIGITS.findall(first) != _DIGITS.findall(second):
        return False
    return Levenshtein.distance(first, second) == 1


def related(a: AppFeatures, b: AppFeatures) -> bool:
    """The same owner's two parts of one solution (one integrates the other), or the same owner's
    numbered series (Layanan Nomor 1, Nomor 2): not two systems for one job."""
    return a.owner == b.owner and (a.id in b.integrates or b.id in a.integrates or (
        bool(a.name_key) and a.name_key == b.name_key and a.compact != b.compact
        and _DIGITS.sub("", a.compact) == _DIGITS.sub("", b.compact)))


_MAPS_OF_EVERY_THEME = frozenset({"peta", "tematik"})  # "Sistem Informasi Peta Tematik": no one theme


def _geoportal(f: AppFeatures) -> bool:
    return "geoportal" in f.compact


def theme_beside_geoportal(a: AppFeatures, b: AppFeatures) -> bool:
    """The Pemda's geoportal and a map of one theme (WebGIS Kehutanan, Sistem Informasi Peta Konflik): the
    theme's map is a layer the geoportal publishes, a system of its own OPD, not a second geoportal."""
    if _geoportal(a) == _geoportal(b):
        return False
    theme = b if _geoportal(a) else a
    if a.desc and b.desc and cosine(a.desc, b.desc) >= DESCRIPTION_FULL:
        return False  # both describe one job: the descriptions say more than the names
    return theme.role is not None and theme.role.id == GEOSPATIAL and bool(set(theme.name) - _MAPS_OF_EVERY_THEME)


def declared_distinct(workspace: Workspace) -> set[frozenset[str]]:
    """Pairs a reviewer declared not to be duplicates (manifest ``not_duplicates``, ``distinct_from``)."""
    pairs: set[frozenset[str]] = set()
    for entry in workspace.manifest.duplicates.not_duplicates:
        members = sorted(set(entry))
        pairs.update(frozenset((x, y)) for i, x in enumerate(members) for y in members[i + 1:])
    for app in workspace.applications:
        pairs.update(frozenset((app.id, other)) for other in app.distinct_from if other != app.id)
    return pairs


def resolve_threshold(workspace: Workspace, threshold: float | None) -> float:
    value = threshold if threshold is not None else workspace.manifest.duplicates.threshold
    value = DEFAULT_THRESHOLD if value is None else float(value)
    if not 0 <= value <= 1 or value != value:
        raise UsageError(f"threshold {value} is outside [0, 1]")
    return value


def find_duplicates(workspace: Workspace | str | os.PathLike[str], threshold: float | None = None,
                    exhaustive: bool = False, *, language: Language = "en") -> DuplicateReport:
    """Duplicate applications of the workspace: pairs above ``threshold`` with evidence, and groups.

    ``threshold`` defaults to the manifest's ``duplicates.threshold``, else 0.58. ``exhaustive``
    compares every pair instead of the blocked candidates (quadratic: to check the blocking on small
    inputs). ``language`` is that of the evidence and proposals (``en`` or ``id``).
    """
    if not isinstance(workspace, Workspace):
        from spbe_arch.loader import open_workspace

        workspace, _ = open_workspace(Path(workspace))
    if language not in LANGUAGES:
        raise UsageError(f"language {language!r} is not one of {', '.join(LANGUAGES)}")
    limit = resolve_threshold(workspace, threshold)
    # made once per workspace and question: `spbe build` asks for it in the document and in the diagrams
    return workspace.derived(("duplicates", limit, exhaustive, language),
                             lambda: _find(workspace, limit, exhaustive, language))


def _find(workspace: Workspace, limit: float, exhaustive: bool, language: Language) -> DuplicateReport:
    features = build_features(workspace)
    messages = Messages(workspace, language)
    messages.surface, messages.written = features.normaliser.surface, features.normaliser.written
    apps = features.apps
    candidates = all_pairs(len(apps)) if exhaustive else candidate_pairs(apps)
    distinct = declared_distinct(workspace)
    found = _score(apps, candidates, Scorer(features, messages, messages.ref), distinct, limit)
    known = {(a, b) for a, b, *_ in found}
    found += [c for c in _national_copies(features, distinct, messages) if (c[0], c[1]) not in known]
    pairs = [Pair.model_construct(a=a, b=b, score=score, evidence=evidence, kind=kind)
             for a, b, score, evidence, kind in found]
    pairs.sort(key=lambda p: (-p.score, p.a, p.b))
    pairs = _within_one_system(pairs)
    groups = build_groups(features, pairs, workspace, messages)
    return DuplicateReport(threshold=limit, pairs=pairs, groups=groups)


def _within_one_system(pairs: list[Pair]) -> list[Pair]:
    """A pair of two rows that other pairs make rows of one system (E-PBB and PBB P2 one system, PBB P2
    and SISMIOP PBB one system: E-PBB and SISMIOP PBB too) is of that system, not two systems of one job:
    else the same rows would make a group of one system and a group of one job at once."""
    systems: DisjointSets[str] = DisjointSets()
    for pair in pairs:
        if pair.kind == "same_system":
            systems.join(pair.a, pair.b)
    return [Pair.model_construct(a=p.a, b=p.b, score=p.score, evidence=p.evidence, kind="same_system")
            if p.kind == "functional" and systems.root(p.a) == systems.root(p.b) else p for p in pairs]


Found = tuple[str, str, float, list[str], Kind]


def _score(apps: list[AppFeatures], candidates: Iterable[tuple[int, int]], scorer: Scorer,
           distinct: set[frozenset[str]], limit: float) -> list[Found]:
    """Score the candidates; explain those that reach the threshold. Rows of one system are reported
    as such whatever their score; a national application pairs only with its own rows. Websites and
    the applications of a BUMD are never functional duplicates of the Pemda's applications."""
    found: list[Found] = []
    m = scorer.messages
    systems: DisjointSets[int] = DisjointSets()  # rows known to be one system: n rows report n - 1 pairs
    namesakes: DisjointSets[int] = DisjointSets()  # one name in many OPDs: a spanning tree too, not n² pairs
    kindred: DisjointSets[int] = DisjointSets()  # one function in very many OPDs under many names: likewise
    same: list[tuple[int, int, str]] = []
    for i, j in candidates:
        a, b = apps[i], apps[j]
        if distinct and frozenset((a.id, b.id)) in distinct:
            continue
        reason = same_system(a, b)
        if reason is not None:
            same.append((i, j, reason))
            continue
        if related(a, b) or ((a.is_national or b.is_national) and not _beside_central(a, b)) or a.bumd != b.bumd \
                or theme_beside_geoportal(a, b) \
                or (a.website and not a.functional_site) or (b.website and not b.functional_site) \
                or a.institution_named or b.institution_named or _units_in_two_areas(a, b):
            continue  # an OPD's website is its own, and so is an institution's page; a BUMD is a legal entity
        score, signals = scorer.measure(a, b)
        if score <= 0 or score < limit:
            continue
        if (a.app.retired or b.app.retired) and not _one_job(a, b):
            continue  # a retired system is said to be replaced by the other: only one job says so
        if a.name_key and a.name_key == b.name_key and not namesakes.join(i, j):
            continue
        if scorer.features.many_of_one_kind(a, b) and not kindred.join(i, j):
            continue  # "Aplikasi Presensi Kecamatan X" in 300 kecamatan: the group is whole with n - 1 pairs
        found.append((a.id, b.id, score, scorer.explain(a, b, signals), "functional"))
    for i, j, reason in _without_mixed_jobs(apps, _without_other_namesakes(apps, same)):
        if systems.join(i, j):  # a spanning tree per system: 1,000 rows of one name are 999 pairs
            a, b = apps[i], apps[j]
            found.append((a.id, b.id, 1.0, [m.same_system(reason, a, b), m.owners(a, b)], "same_system"))
    return found


def _one_job(a: AppFeatures, b: AppFeatures) -> bool:
    """Both do one job the tables know (functions of one national application, or one local function),
    not only words alike."""
    return (a.function is not None and b.function is not None and a.function.national == b.function.national) \
        or (a.role is not None and b.role is not None and a.role.id == b.role.id)


OWN_NAMESAKES = 3  # rows of one name an OPD lists beside a client that the namesake check still reads
_BY_NAME = frozenset({"name", "client"})  # reasons read from names alone, which two systems may share


def _one_national_named(a: AppFeatures, b: AppFeatures) -> bool:
    """Both names name one national application of the tables (SPSE and LPSE, SIASN and MyASN)."""
    return a.named_national and b.named_national and a.national is not None and b.national is not None \
        and a.national.national == b.national.national


def _beside_central(a: AppFeatures, b: AppFeatures) -> bool:
    """A local application that does the job of a central one the registry does not know ("Data RTLH
    Online" beside the ministry's e-RTLH, listed as built by the centre): a copy of it, compared."""
    central, local = (a, b) if a.is_national else (b, a)
    return not local.is_national and central.central_unknown and central.role is not None \
        and central.role.strong and central.role == local.role


def _job_key(f: AppFeatures) -> str | None:
    """What a row's name says it does, as one key: the national application of a national function (SIPD's
    planning and budgeting are one), else the strong local function (a kind of one counts as that one). A row
    that names itself a module ("SIGAWE - Modul Layanan Cuti") does its system's job, whatever its own."""
    if module_of(f.app.name) is not None or f.head is not None or f.part_of is not None:
        return None
    if f.function is not None:
        return f"national:{f.function.national}"
    # a weak function (pajak, monev, dashboard) is too general to say another job than a strong one
    return f"local:{f.role.within or f.role.id}" if f.role is not None and f.role.strong else None


def _without_mixed_jobs(apps: list[AppFeatures], same: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rows of one brand that say several jobs are a platform and its modules, not one system: the super
    app "ARUMKU" beside its cards "Arumku Loker", "Arumku Antrian" and "Arumku - Aduan Warga". Linked
    through the platform's own row, the job board, the queue and the complaints became one system, and
    every other OPD's queue and complaint application one group with them. In such a set only the rows
    that say the same job (or none, both) stay linked."""
    sets: DisjointSets[int] = DisjointSets()
    for i, j, _ in same:
        sets.join(i, j)
    key = {x: _job_key(apps[x]) for i, j, _ in same for x in (i, j)}
    jobs: dict[int, set[str]] = {}
    for x, job in key.items():
        if job is not None:
            jobs.setdefault(sets.root(x), set()).add(job)
    mixed = {root for root, found in jobs.items() if len(found) > 1}
    if not mixed:
        return same
    return [(i, j, reason) for i, j, reason in same if sets.root(i) not in mixed or key[i] == key[j]]


def _without_other_namesakes(apps: list[AppFeatures], same: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Rows of one system, less a name's link to another OPD's namesake where its own OPD lists one:
    "SIPINTAR Mobile" of the DPMPTSP is the client of the DPMPTSP's SIPINTAR (licensing), not of the
    education office's SIPINTAR (Program Indonesia Pintar), which is not the licensing one either."""
    partners: dict[int, set[int]] = {}
    own: dict[int, list[int]] = {}  # each row's partners of its own OPD
    for i, j, _ in same:
        partners.setdefault(i, set()).add(j)
        partners.setdefault(j, set()).add(i)
        if apps[i].owner == apps[j].owner:
            own.setdefault(i, []).append(j)
            own.setdefault(j, []).append(i)

    def has_own_namesake(x: int, other: int) -> bool:
        mine = own.get(x, ())
        # a client sits beside its own system's row or two; a name its OPD lists more often than that is
        # one system's many rows, and reading each of them against each other row would be quadratic
        return len(mine) <= OWN_NAMESAKES and any(other not in partners[z] for z in mine if z != other)

    # rows of one name written alike (EP3 of 1,000 kecamatan) are one system whoever lists them: only a
    # link between two different names is looked at, so that the check stays linear in those rows
    return [(i, j, reason) for i, j, reason in same
            if reason not in _BY_NAME or apps[i].owner == apps[j].owner or apps[i].compact == apps[j].compact
            or not (has_own_namesake(i, j) or has_own_namesake(j, i))]


def _national_copies(features: FeatureSet, distinct: set[frozenset[str]], messages: Messages) -> list[Found]:
    """A local application doing the job of a national one that the workspace lists: a functional pair
    with that national application, whatever the names say."""
    found: list[Found] = []
    for f in features.apps:
        function = f.national_copy
        if function is None:
            continue
        national_id = features.national_apps.get(function.id)
        if national_id is None or national_id == f.id or frozenset((f.id, national_id)) in distinct \
                or national_id in f.distinct_from:
            continue
        a, b = sorted((f.id, national_id))
        found.append((a, b, NATIONAL_COPY_SCORE, [messages.national_copy(function)], "functional"))
    return found
