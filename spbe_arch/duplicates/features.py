"""What the duplicate finder knows of each application, computed once per workspace.

Every signal of the score is here in a form that compares fast: unit vectors of weighted concept
words (name, description), sets of ids (processes, services, data written), codes, the national
function, the URL host. Weights are inverse document frequencies over the workspace, so that a word
or a process that many applications share says little.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from spbe_arch.classify_rab import RAB_HIGH, best_area
from spbe_arch.duplicates.national import function_of, national_applications_held, national_named, role_of
from spbe_arch.duplicates.normalize import Normaliser, NormalName, looks_like_acronym, spells, typo_corrections
from spbe_arch.duplicates.owner_sites import looks_like_an_opd, names_owner
from spbe_arch.duplicates.systems import (
    AREA_WORDS,
    SITE_WORDS,
    address_parts,
    first_address,
    generic_words,
    government_labels,
    head,
    is_address,
    mentions_platform,
    module_of,
    name_text,
    names_an_area_site,
    national_host_words,
    on_unit_host,
    part_of,
    pemda_portal,
    region_place,
    site_vocabulary,
    system_label,
    unit_host_label,
    without_addresses,
    word_for_a_name,
)
from spbe_arch.duplicates.tables import (
    LINK_WORDS,
    LocalFunction,
    NationalFunction,
    Tables,
    bracketed,
    build_tables,
    compact,
    fold,
    raw_words,
    spread_over_application,
    words,
)
from spbe_arch.model import MANY_OF_A_KIND, Application, Organization, Process
from spbe_arch.stemming import is_indonesian_word
from spbe_arch.workspace import Workspace

# the kind of a government's name, not its place ("daerah": an unnamed Pemda is "Pemerintah Daerah")
_GOVERNMENT_WORDS = frozenset({"pemerintah", "daerah", "pemda", "kabupaten", "kota", "provinsi", "administrasi", "kab",
                               "pemkab", "pemkot", "pemprov"})
MIN_DESCRIPTION_WORDS = 3
MARKED_NAME_WORDS = 5  # a name, not a sentence: "Cek Bansos Kemensos" is the ministry's application
MIN_SHORT_NAME_WORDS = 2  # an organization's name of one word (Inspektorat) has no short name to spell out
_NAME_JOINERS = frozenset({"dan", "serta"})
_SYSTEM_PREFIXES = ("si", "e")  # SIMDA Pendapatan spells out Badan Pendapatan Daerah too, but names a system
SHARED_HOST = 3  # applications on one host from which the host is a portal, not one system
DESCRIPTION_LEAD = 6  # the first words of a description say what the application is
# more applications of one function than this (Aplikasi Presensi Kecamatan X in 300 kecamatan): their
# pairs are reported as a spanning tree, and one pair of that tree joins two groups of that function
MANY_OF_ONE_KIND = 60


@dataclass
class AppFeatures:
    """One application, reduced to what the score compares."""

    index: int
    app: Application
    id: str
    owner_id: str
    name: dict[str, float]  # concept word -> weight, unit length
    name_key: str
    expanded: tuple[str, ...]
    acronym_only: bool
    desc: dict[str, float]  # unit length; empty when the description is missing or too short
    processes: frozenset[str]
    rab: frozenset[str]
    services: frozenset[str]
    writes: frozenset[str]
    raa: str | None
    function: NationalFunction | None  # the national function this application performs
    national: NationalFunction | None  # set when this application IS the national application
    host: tuple[str, str] | None  # (host, first path segment)
    shared_host: bool  # three or more applications live on this host: a portal, told apart by path
    integrates: frozenset[str]
    replaces: frozenset[str]
    distinct_from: frozenset[str]
    concepts: frozenset[str]  # name words the tables know as functions: two disjoint sets mean two functions
    connector: bool  # a bridge to another system (bridging, sinkronisasi, ...), not a system of its own
    opaque: bool  # the name is only acronyms no table explains: the description has to say what it does
    generic: bool = False  # the name names a kind of system (Aplikasi Antrian), not one system (EP3)
    platform_named: bool = False  # the name says its platform (e-Kinerja Mobile): a client of one system
    compact: str = ""  # the name's letters and digits, web addresses reduced to the system's own words
    core: str = ""  # the name's own words: no filler, site, portal or platform word, no organization or place
    unmarked: str = ""  # the core without the ministry that runs it ("SISRUTE Kemenkes": sisrute)
    parts: frozenset[str] = frozenset()  # a name "X (Y)": X and Y, compact, without the ministry's name
    website: bool = False  # the inventory lists it as a website, not an application
    part_of: str | None = None  # the system its description, or its name in words, says it is part of
    head: str | None = None  # the system its name lists a module of (SIMDALEV | Monev)
    named_national: bool = False  # its name is the national application's name (SRIKANDI, Srikandi Kab.)
    own_site: bool = False  # a website whose description only names its owner: the OPD's official site
    institution_named: bool = False  # named as an institution is (Puskesmas Baros): the institution's own page
    village: bool = False  # owned by a desa or kelurahan (many share one name: Desa Sukowidi three times)
    bumd: bool = False  # owned by a regional enterprise (PDAM, Bank daerah): a legal entity of its own
    is_national: bool = False  # a national application (source nasional, or named as one)
    role: LocalFunction | None = None  # the local function its name says (presensi, JDIH, antrean)
    brand: str | None = None  # the name is one word no table knows (Pikobar): the name of one system
    unknown_name: bool = False  # no word of the name is in the tables: a typo in it is not corrected
    rab_area: str | None = None  # the RAB area (level 3) its words fall into with high confidence
    owner_site: bool = False  # a website without description whose address abbreviates its owner (desdm)
    opd_site: bool = False  # a website without description whose address reads like an OPD's (distamben)
    described: bool = False  # the name says nothing; a description as short as a title says what it is
    titled_function: bool = False  # a name that says nothing, a description that only names its function
    read_description: bool = False  # the name says nothing: what it does was read in the description
    at_home: bool = False  # its owner's name says its function is that OPD's affairs (Bagian Hukum and JDIH)
    pemda_portal: tuple[str, str] | None = None  # (kind, place) of the Pemda's own official portal
    owner_words: frozenset[str] = frozenset()  # the words of its owner's name (RSUD Giri Sewu: giri, sewu)
    owner_host: bool = False  # its host stands under its owner's own (csirt.diskominfo.x.go.id of the Diskominfo)
    organization_site: bool = False  # a site named by an organization (Website Dinas Koperasi dan UKM)
    campaign_site: bool = False  # the site of a programme or an event (Website Expo UMKM 2024), for a season
    areas: frozenset[str] = frozenset()  # the kecamatan or kelurahan places its name says (BPP Lalabata)
    site_of: str | None = None  # the one other OPD a bare address abbreviates (dinkes.x.go.id, by the Diskominfo)
    views: frozenset[str] = frozenset()  # words of a view its name holds that are not its job's (dashboard)
    word_name: bool = False  # its name is a word of the language (SIKAP, SIMPATI): many offices' systems have it
    unit_kind: str | None = None  # its owner's kind, where a Pemda has many of it (rsud, uptd, kecamatan)
    name_owners: int = 0  # how many OPDs own or use an application of its name
    says_its_pemda: bool = False  # its name says whose: Pemkot, Pemkab, the Pemda's place (E-Kinerja Sumberwangi)

    @property
    def owner(self) -> str:
        return self.owner_id

    @property
    def view(self) -> bool:
        """Its name says it shows a function's data (Dashboard Realisasi APBD): not the system doing it."""
        return bool(self.views)

    @property
    def owners_site(self) -> bool:
        """Its owner's own website, by a name or description that says only whose it is, or by an address
        that abbreviates the owner (or reads like an OPD's)."""
        return self.own_site or self.owner_site or self.opd_site

    @property
    def central_unknown(self) -> bool:
        """Listed as a central application, or named with its ministry, but named by no entry of the
        national tables (e-RTLH of the ministry of public works)."""
        return self.is_national and self.national is None

    @property
    def job(self) -> NationalFunction | LocalFunction | None:
        """The function its name (or description) says it performs, national or local."""
        return self.function or self.role

    def alone_says_a_job(self, other: AppFeatures) -> bool:
        """Of the two, only one name says a job ("Beta Hadir", attendance, beside "BETA iOS", the
        province's super app): what they share is a brand, not what they do."""
        return (self.job is None) != (other.job is None)

    @property
    def function_key(self) -> str | None:
        """The function its name says (a national one, or a strong local one), as a key."""
        if self.function is not None:
            return f"national:{self.function.id}"
        return f"local:{self.role.id}" if self.role is not None and self.role.strong else None

    @property
    def functional_site(self) -> bool:
        """A website whose name says a strong local function (Website JDIH, Website PPID): where that
        function lives, so two of them, or one beside an application of that function, are one job
        done twice. An OPD's own site says only who it is, and so does the site of an institution named
        by what it is (Web Puskesmas Takeran, Website RSUD): each stays its own."""
        return self.website and self.role is not None and self.role.strong and not self.role.institution \
            and not (self.owners_site or self.organization_site or self.campaign_site)

    @property
    def national_copy(self) -> NationalFunction | None:
        """The national function this local application copies: none for a national application, a
        website (it informs about a function, it does not perform it), a view of the function's data (a
        dashboard, or a monitoring of procurement, shows what SPSE keeps: none of the 25 such pairs of the
        labelled inventories is a duplicate) or a BUMD's application (a legal entity of its own). What the
        finder, the proposals and ``spbe classify`` all act on."""
        return None if self.is_national or self.website or self.bumd or self.view else self.function



@dataclass
class FeatureSet:
    """The features of every application considered, and the workspace-wide tables behind them."""

    apps: list[AppFeatures]
    tables: Tables
    normaliser: Normaliser
    counts: dict[str, Counter[str]]  # per signal: how many applications hold each id or code
    national_apps: dict[str, str]  # national function id -> id of the application that is it

    @cached_property
    def kind_counts(self) -> Counter[str]:
        """How many applications say each function (``AppFeatures.function_key``)."""
        return Counter(f.function_key for f in self.apps if f.function_key is not None)

    def many_of_one_kind(self, a: AppFeatures, b: AppFeatures) -> bool:
        """Both say one function that more than ``MANY_OF_ONE_KIND`` applications say: their pairs are
        reported as a spanning tree, and one pair of it joins two groups of that function."""
        kind = a.function_key
        return kind is not None and kind == b.function_key and self.kind_counts[kind] > MANY_OF_ONE_KIND


def workspace_tables(workspace: Workspace) -> Tables:
    settings = workspace.manifest.duplicates
    return build_tables(
        extra_aliases=settings.aliases, extra_synonyms=settings.synonyms, extra_fillers=settings.fillers,
        extra_places=settings.places,
        extra_functions=[f.model_dump(exclude_none=True) for f in settings.national_functions],
        extra_roles=[f.model_dump(exclude_none=True) for f in settings.functions],
    )


_PEMDA_MARKS = frozenset({"pemda", "pemkab", "pemkot", "pemprov"})


def _government_place(workspace: Workspace) -> tuple[str, ...]:
    """The words of the Pemda's name that say its place ("Pemerintah Kota Bayu Tirta": bayu, tirta)."""
    return tuple(w for w in words(workspace.manifest.government.name) if w not in _GOVERNMENT_WORDS)


def _says_its_pemda(written: list[str], government: tuple[str, ...]) -> bool:
    """The name says whose it is: the Pemda (Pemkot, Pemkab) or its place ("E-Kinerja Sumberwangi")."""
    if not _PEMDA_MARKS.isdisjoint(written):
        return True
    n = len(government)
    return n > 0 and any(tuple(written[i:i + n]) == government for i in range(len(written) - n + 1))


def _removable_phrases(workspace: Workspace, tables: Tables) -> frozenset[tuple[str, ...]]:
    """Organization names and place names: words that say who or where, not what."""
    concept_words = set(tables.phrases.values()) | {w for p in tables.phrases for w in p}
    phrases: set[tuple[str, ...]] = set(tables.places)
    phrases.update(tuple(words(p)) for p in workspace.manifest.duplicates.places)
    government = _government_place(workspace)
    if government:
        phrases.add(government)
    phrases.update((place,) for place in _domain_places(workspace) if place not in concept_words)
    for org in workspace.organizations:
        name_words = words(org.name)
        written = str(org.properties.get("written_as") or "")  # other spellings an import recorded
        phrases.update(tuple(words(w)) for w in written.split(";") if len(words(w)) > 1)
        for phrase in (tuple(name_words), tuple(words(org.short_name)) if org.short_name else ()):
            if len(phrase) > 1 or (phrase and phrase[0] not in concept_words):
                phrases.add(phrase)
        for initials in _initials(name_words):
            if initials not in concept_words and initials not in tables.acronyms:
                phrases.add((initials,))
        phrases.update((short,) for short in _short_names(name_words, tables))
    phrases.update(_areas(workspace))
    return frozenset(p for p in phrases if p)


def _areas(workspace: Workspace) -> frozenset[tuple[str, ...]]:
    """The places of the Pemda's kecamatan and kelurahan (Lalabata of Kecamatan Lalabata): the parts of
    its territory that units and sites are named after."""
    found = (tuple(w for w in words(org.name) if w not in AREA_WORDS)
             for org in workspace.organizations if org.kind in ("kecamatan", "kelurahan"))
    return frozenset(place for place in found if place)


def _area_lengths(areas: frozenset[tuple[str, ...]]) -> dict[str, frozenset[int]]:
    """The lengths of the places that begin with each word: a name is read once, word by word."""
    lengths: dict[str, set[int]] = {}
    for place in areas:
        lengths.setdefault(place[0], set()).add(len(place))
    return {first: frozenset(n) for first, n in lengths.items()}


def _areas_said(text: str, areas: frozenset[tuple[str, ...]], lengths: dict[str, frozenset[int]]) -> frozenset[str]:
    """The kecamatan and kelurahan places a name says ("BPP Lalabata": lalabata)."""
    said = words(text) if lengths else []
    return frozenset(" ".join(said[i:i + n]) for i, word in enumerate(said) for n in lengths.get(word, ())
                     if tuple(said[i:i + n]) in areas)


def _domain_places(workspace: Workspace) -> set[str]:
    """The places that the Pemda domains in the applications' names and addresses write: "Jatra" of
    nawala.jatraprov.go.id is the province's short name, which its applications carry ("SIMPEG Jatra",
    "JATRA Mobile") as they carry its full name: where, not what."""
    found: set[str] = set()
    for app in workspace.applications:
        for text in (app.name, app.url):
            if text and ".go.id" in text:
                found.update(place[0] for label in government_labels(text)
                             if (place := region_place(label)) is not None)
    return found


def _short_names(name_words: list[str], tables: Tables) -> list[str]:
    """The usual short names of an organization that the alias table spells out as its name: dukcapil of
    the Dinas Kependudukan dan Pencatatan Sipil ("Antrian Online Dukcapil" is the Dukcapil's queue, not
    population administration)."""
    own = frozenset(w for w in name_words if w not in tables.organization_heads and w not in _NAME_JOINERS
                    and w != "daerah")  # BPBD spells out Badan Penanggulangan Bencana Daerah without "Daerah"
    if len(own) < MIN_SHORT_NAME_WORDS:
        return []
    return [key for key in tables.acronyms_by_expansion.get(own, ()) if not key.startswith(_SYSTEM_PREFIXES)]


def _initials(name_words: list[str]) -> list[str]:
    """DPUPR and PUPR for Dinas Pekerjaan Umum dan Penataan Ruang, RSBM for Rumah Sakit Umum Daerah Bali
    Mandara: how app names and descriptions often write owners."""
    significant = [w for w in name_words if w not in LINK_WORDS]
    result = []
    for start in (0, 1):
        letters = "".join(w[0] for w in significant[start:])
        if len(letters) >= 3:
            result.append(letters)
    if significant[:2] == ["rumah", "sakit"]:  # a hospital is RS and its own name, without "Umum Daerah"
        letters = "rs" + "".join(w[0] for w in significant[2:] if w not in ("umum", "daerah"))
        if len(letters) >= 3:
            result.append(letters)
    return result


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _idf(document_frequency: Counter[str], total: int) -> dict[str, float]:
    return {w: math.log((total + 1) / (df + 1)) + 1.0 for w, df in document_frequency.items()}


def _host(url: str | None) -> tuple[str, str] | None:
    """:func:`address_parts` of an application's address; a bare text without a dot or with spaces is
    no address."""
    if not url:
        return None
    if not url.startswith(("http://", "https://")) and (" " in url.strip() or "." not in url):
        return None
    return address_parts(url)


def _described_host(description: str | None) -> tuple[str, str] | None:
    """The address an inventory wrote in the description ("Data Perda (jdih.x.go.id)") where it has no
    address column: where the application lives, as good as a URL."""
    address = first_address(description)
    return _host(address) if address else None


TEMPLATE_OWNERS = 3  # a lead phrase written by this many OPDs is the inventory's form, not what one does
TEMPLATE_LEAD = (2, 6)  # lead phrases of this many words are looked for


def template_leads(texts: list[tuple[str | None, str]], tables: Tables) -> frozenset[tuple[str, ...]]:
    """The phrases that open the descriptions of many OPDs' rows and are the inventory's form rather
    than what an application does ("Operasional dan Manajemen Data/Konten Aplikasi X", "Web OPD Desa
    X"): the longest such opening of each description, if one of its words is not a word of the
    tables' functions, fillers or weak words (a shared opening all of whose words name a function,
    "Sistem Informasi Manajemen Rumah Sakit", is evidence, not a form), and if no row is only that
    phrase (five OPDs' "e-Tambo", "E-TAMBO", "e-Tambo Biro Hukum": the name of one system)."""
    owners: dict[tuple[str, ...], set[str]] = {}
    whole: set[tuple[str, ...]] = set()  # texts that are nothing but their opening: a name ("e-Tambo"), no form
    low, high = TEMPLATE_LEAD
    for text, owner in set(texts):  # (text, its owner), each once: many OPDs list one national application
        all_words = tuple(words(text or ""))
        opening = all_words[:high]
        whole.add(all_words)
        for n in range(low, len(opening) + 1):
            owners.setdefault(opening[:n], set()).add(owner)
    plain = tables.function_words | tables.fillers | tables.weak | tables.stopwords
    return frozenset(lead for lead, who in owners.items()
                     if len(who) >= TEMPLATE_OWNERS and lead not in whole
                     and any(w not in plain and w.isalpha() for w in lead))


_RAW = re.compile(r"[^\W_]+")


def without_lead(text: str | None, leads: frozenset[tuple[str, ...]], keep: frozenset[str]) -> str | None:
    """The text without the longest template phrase it opens with, as written (an acronym stays in
    capitals); of that phrase, the words in ``keep`` (words of a function) stay."""
    if not text or not leads:
        return text
    spans = list(_RAW.finditer(text))[:TEMPLATE_LEAD[1]]
    opening = [fold(span.group()) for span in spans]
    for n in range(len(opening), TEMPLATE_LEAD[0] - 1, -1):
        if tuple(opening[:n]) in leads:
            rest = text[spans[n - 1].end():].strip()
            kept = [span.group() for span in spans[:n] if fold(span.group()) in keep]
            return " ".join([*kept, rest]) if rest or kept else text
    return text


def considered(workspace: Workspace) -> list[Application]:
    """Applications the finder compares: every one, retired ones too. A retired row beside the system
    that took over its job (SIMDA Keuangan, no longer used, beside SIPD) is that job done twice in the
    list, as labellers of real inventories count it; the proposals never move or keep a retired one,
    and the judgements of applications in use (AP015, classify) leave them out. A retired application
    whose successor the model records (``replaces``) is settled: it is left out."""
    succeeded = {old for app in workspace.applications for old in app.replaces}
    return sorted((a for a in workspace.applications if not (a.retired and a.id in succeeded)), key=lambda a: a.id)


def build_normaliser(workspace: Workspace, tables: Tables, apps: list[Application]) -> Normaliser:
    # national applications repeat across OPDs: each distinct text is split once, counted as often as written
    names = Counter((app.name, app.acronym) for app in apps)
    descriptions = Counter(app.description for app in apps if app.description)
    counts: Counter[str] = Counter()
    vocabulary: set[str] = set()
    for (name, acronym), times in names.items():
        name_words = words(name_text(name)) + (words(acronym) if acronym else [])
        vocabulary.update(name_words)
        for word in name_words:
            counts[word] += times
    for description, times in descriptions.items():
        for word in words(description):
            counts[word] += times
    corrections = typo_corrections(counts, tables.known_words - frozenset(tables.acronyms))
    return Normaliser(tables, _removable_phrases(workspace, tables), corrections,
                      frozenset(corrections.get(w, w) for w in vocabulary))


def is_opaque(name: NormalName, tables: Tables) -> bool:
    """A name made only of acronyms that no table explains (SIMAS, SIDAKIN): it says nothing."""
    return name.acronym_only and not name.expanded and not set(name.weights) & tables.known_words


FunctionFound = tuple[NationalFunction | None, NationalFunction | None, bool]


def _function_by_name(normaliser: Normaliser, name: NormalName) -> tuple[FunctionFound, bool]:
    """What the name alone says, and whether the description is to be read (the name says nothing)."""
    tables = normaliser.tables
    tokens = list(name.tokens)
    national = national_named(tokens, normaliser.content(tokens), tables)
    if national is not None:
        return (national, national, True), False
    if set(tokens) & tables.connectors:
        return (None, None, False), False
    function = function_of(name.weights, tables, tokens)
    says_nothing = is_opaque(name, tables) or not set(name.weights) & (tables.standalone_words - tables.weak)
    # a dashboard's description lists the data it shows (realisasi anggaran): what it shows, not what it does
    says_nothing = says_nothing and not tables.view_words & set(name.weights)
    return (function, None, False), function is None and says_nothing


# a programme's or an event's site (Situs Program Pemutihan Pajak 2025, Website Expo UMKM 2024): it informs
# for a season, it is not where a function lives
_CAMPAIGN = re.compile(r"\b(?:19|20)\d\d\b|\b(?:program|expo|pameran|festival|event|lomba|kompetisi)\b", re.IGNORECASE)
_PURPOSE = re.compile(r"\s(?:untuk|bagi)\s", re.IGNORECASE)


def _serves(normaliser: Normaliser, name: str) -> bool:
    """The name says a local function and then whom it serves ("TTE BSrE Pemprov untuk Penandatanganan SK
    Kepegawaian" signs documents; the personnel files are what it signs, not what it keeps)."""
    parts = _PURPOSE.split(name, maxsplit=1)
    if len(parts) < 2:
        return False
    head = normaliser.name(parts[0], None)
    role = role_of(head.weights, normaliser.tables, head.tokens)
    return role is not None and role.strong and not role.institution \
        and function_of(head.weights, normaliser.tables, head.tokens) is None


def _explained(name: str) -> tuple[str, str | None] | None:
    """The name a row writes before what its brackets add ("Aplikasi SAKTI Kemenkeu (Dana Dekonsentrasi
    Pertanian)": Aplikasi SAKTI Kemenkeu); where the brackets spell that name out, what they spell, twice:
    as the name to look up and as the name the national application must have ("SAKTI (Sistem Aplikasi
    Keuangan Tingkat Instansi) Dana Dekonsentrasi")."""
    parts = bracketed(name)
    if parts is None:
        return None
    return (parts[1], parts[1]) if spells(compact(parts[0]), words(parts[1])) else (parts[0], None)


def _said_by_part(normaliser: Normaliser, whole: str, said: tuple[FunctionFound, bool],
                    spelt: str | None = None) -> tuple[FunctionFound, bool]:
    """The national application a part of a name names, or the job it says: a module named after the
    national application it belongs to ("SIPD - Modul Pokok Pikiran DPRD") is that application, whatever
    its module does; a name whose brackets spell it out is that application only when they spell its name
    ("SIPD (Sistem Informasi Pembangunan Daerah)" is not Kemendagri's); and a name before a note in
    brackets does the job it says ("SIMDA Keuangan BPKP (Arsip Data s.d. 2021)" is finance)."""
    head = normaliser.name(whole, None)
    tokens = list(head.tokens)
    national = national_named(tokens, normaliser.content(tokens), normaliser.tables)
    if national is None or (spelt is not None and compact(spelt) not in {
            compact(n) for n in (national.national, *national.names)}):
        if spelt is None and said[0][0] is not None:
            # "SIMDA Keuangan BPKP (Arsip Data s.d. 2021)": the name says its job, the brackets a note
            own = function_of(head.weights, normaliser.tables, tokens)
            if own is not None and own.id != said[0][0].id:
                return (own, None, False), said[1]
        return said
    return (national, national, True), False


def _named_by_address(normaliser: Normaliser, name: str,
                      said: tuple[FunctionFound, bool]) -> tuple[FunctionFound, bool]:
    """A name that spells the national application out and writes where it lives ("Sistem Pengaduan
    publik secara online (lapor.go.id)", "Sistem Pengadaan Secara Elektronik (lpse.lkpp.go.id)"): the
    address names it when the words say its function, and it is not on an OPD's own host."""
    address = first_address(name)
    label = system_label(address) if address is not None and not on_unit_host(address) else None
    national = national_named([label], [label], normaliser.tables) if label else None
    function = said[0][0]
    if national is None or function is None or function.national != national.national:
        return said
    return (national, national, True), False


def _national_host(normaliser: Normaliser, name: str,
                   said: tuple[FunctionFound, bool]) -> tuple[FunctionFound, bool]:
    """A name that is only the address of a national application on its agency's domain
    ("e-kinerja.bkn.go.id"): that application, as "e-Kinerja BKN" names it."""
    host = national_host_words(name)
    national = national_named(host, host, normaliser.tables) if host else None
    return ((national, national, True), False) if national is not None else said


def application_function(normaliser: Normaliser, app: Application, name: NormalName,
                         by_name: tuple[FunctionFound, bool] | None = None) -> FunctionFound:
    """(the national function the application performs, the one it is the national application of,
    whether its name names that national application)."""
    found, read_description = by_name or _function_by_name(normaliser, name)
    if found[2]:
        return found
    function = found[0]
    if read_description:
        # SIDAKIN, simbatan: a name that says nothing; the description says what it does
        described = normaliser.description(app.description, expand=False, limit=DESCRIPTION_LEAD)
        if not set(described) & normaliser.tables.connectors:
            function = function_of(described, normaliser.tables)
            if function is not None and len(national_applications_held(described, normaliser.tables)) > 1:
                function = None  # a dashboard of complaints, revenue and staff: of no one national function
    if app.source == "nasional":
        return function, function, False
    if provided_centrally(app, normaliser.tables):
        return None, None, False  # "SIKD Kemenkeu": a ministry's application, not a copy of SRIKANDI
    return function, None, False


def provided_centrally(app: Application, tables: Tables) -> bool:
    """The inventory lists the row as a central application, or its name says which ministry or agency
    runs it ("Cek Bansos Kemensos", "InaRISK BNPB"); not a sentence that mentions one ("... sinkronisasi
    dengan SIASN BKN")."""
    written = words(app.name)
    return app.source == "nasional" or (len(written) <= MARKED_NAME_WORDS
                                        and not tables.national_markers.isdisjoint(written))


def _functions(normaliser: Normaliser, apps: list[Application],
               names: list[NormalName]) -> list[tuple[FunctionFound, bool]]:
    """Per application: the function it performs (as application_function) and whether its name says
    nothing, so that the description was read. A national application is listed by many OPDs: each
    distinct name, and each distinct text that decides, is read once."""
    said_by_name: dict[int, tuple[FunctionFound, bool]] = {}  # the normaliser keeps every NormalName alive
    said_by_text: dict[tuple[int, str], tuple[FunctionFound, bool]] = {}
    by_text: dict[tuple[str, str | None, str | None, str], FunctionFound] = {}
    result: list[tuple[FunctionFound, bool]] = []
    for app, name in zip(apps, names, strict=True):
        said = said_by_text.get((id(name), app.name))
        if said is None:
            said = said_by_text[(id(name), app.name)] = _said_by_name(normaliser, app.name, name, said_by_name)
        key = (app.name, app.acronym, app.description if said[1] else None, app.source)
        found = by_text.get(key)
        if found is None:
            found = by_text[key] = application_function(normaliser, app, name, said)
        result.append((found, said[1]))
    return result


def _said_by_name(normaliser: Normaliser, written: str, name: NormalName,
                  said_by_name: dict[int, tuple[FunctionFound, bool]]) -> tuple[FunctionFound, bool]:
    """What a name as written says (its module, its bracketed part, its address), read from the words it
    shares with other names once."""
    said = said_by_name.get(id(name))  # names that differ only by an OPD or place share one NormalName
    if said is None:
        said = said_by_name[id(name)] = _function_by_name(normaliser, name)
    if not said[0][2] and (whole := module_of(written)) is not None:
        said = _said_by_part(normaliser, whole, said)
    elif not said[0][2] and (parts := _explained(written)) is not None:
        said = _said_by_part(normaliser, parts[0], said, spelt=parts[1])
    if not said[0][2] and said[0][0] is not None and _serves(normaliser, written):
        said = (None, None, False), said[1]
    if said[0][2] and is_address(written) and on_unit_host(written):
        said = (None, None, False), True  # lapor.disnakertrans.x.go.id: an OPD's own; its description says
    elif not said[0][2] and not is_address(written):
        said = _named_by_address(normaliser, written, said)
    elif not said[0][2]:
        said = _national_host(normaliser, written, said)
    return said


@dataclass(frozen=True)
class _Reading:
    """The applications in use, their normalised names and the functions those say: read once per
    workspace and shared by the finder (``build_features``) and rule AP015 (``national_readings``), which
    ``spbe build`` runs both."""

    tables: Tables
    apps: list[Application]
    normaliser: Normaliser
    names: list[NormalName]
    performed: list[tuple[FunctionFound, bool]]


def _read(workspace: Workspace, tables: Tables | None = None) -> _Reading:
    def read() -> _Reading:
        chosen = tables or workspace_tables(workspace)
        apps = considered(workspace)
        normaliser = build_normaliser(workspace, chosen, apps)
        # a form many OPDs name their rows by ("Operasional dan Manajemen Data/Konten X") says nothing of
        # what each does; a site's form ("Situs Resmi Perangkat Daerah - X") says whose site it is, and stays
        written = {a.id: name_text(a.name) for a in apps}
        texts = [(written[a.id], a) for a in apps if not names_a_site(a.name)]
        leads = template_leads([(text, a.owner) for text, a in texts], chosen)
        cut = {text: without_lead(text, leads, chosen.function_words)  # names repeat: each is cut once
               for text in {text for text, _ in texts}}
        formless = {a.id: cut[text] for text, a in texts}
        names = [normaliser.name(formless.get(a.id) or written[a.id], a.acronym) for a in apps]
        return _Reading(chosen, apps, normaliser, names, _functions(normaliser, apps, names))

    return read() if tables is not None else workspace.derived(("function-reading",), read)


def build_features(workspace: Workspace, tables: Tables | None = None) -> FeatureSet:
    reading = _read(workspace, tables)
    tables, apps, normaliser, names, performed = (reading.tables, reading.apps, reading.normaliser, reading.names,
                                                  reading.performed)
    processes = {p.id: p for p in workspace.processes}
    realised: dict[str, set[str]] = {}
    for service in workspace.services:
        for app_id in service.applications:
            realised.setdefault(app_id, set()).add(service.id)

    leads = template_leads([(a.description, a.owner) for a in apps], tables)
    descriptions = [normaliser.description(without_lead(without_addresses(a.description), leads,
                                                        tables.function_words)) for a in apps]
    # a phrase (perjalanan dinas) counts by its words: "Aplikasi SPPD" is short, "Surat Perintah Perjalanan Dinas" not
    descriptions = [d if sum(len(w.split()) for w in d) >= MIN_DESCRIPTION_WORDS else {} for d in descriptions]
    name_idf = _idf(Counter(w for n in names for w in n.weights), len(apps))
    desc_idf = _idf(Counter(w for d in descriptions for w in d), len(apps))

    functional = frozenset(tables.phrases.values()) - tables.fillers - tables.weak
    result: list[AppFeatures] = []
    role_cache: dict[tuple[str, str | None, str | None], LocalFunction | None] = {}
    named_national: dict[str, str] = {}
    named_rank: dict[str, tuple[bool, bool, int, int]] = {}
    area_cache: dict[tuple[str, str | None], str | None] = {}
    version = workspace.manifest.reference
    homes: dict[tuple[str, str], bool] = {}  # (owner, function) -> whether the owner's name says it
    owner_names: dict[str, tuple[str, ...]] = {}  # owner -> the words of its name, in order
    owner_words: dict[str, frozenset[str]] = {}
    areas = _areas(workspace)
    area_lengths = _area_lengths(areas)
    government = _government_place(workspace)
    for index, (app, name, desc, ((function, national, named), read_description)) in enumerate(
            zip(apps, names, descriptions, performed, strict=True)):
        supported = [processes[p] for p in app.supports if isinstance(processes.get(p), Process)]
        role = None if function is not None else _cached_role(role_cache, normaliser, app, name, read_description)
        if role is not None:
            role = _refined_by_owner(role, homes, workspace, app.owner, tables)
        whole = part_of(app.description) or part_of(app.name, in_name=True)
        if whole and national is None:
            # "Aplikasi untuk arsip file PNS. Bagian dari SIMPEG": a module does the job of the system it
            # is part of (personnel management), not the one its own words say (archives)
            function, role = _job_of_whole(normaliser, whole, function, role)
        performs = role or function
        host = _host(app.url) or _described_host(app.description)
        by_owner = _named_by_owner(app, workspace)
        text = name_text(app.name)
        owner_label = organization_label(workspace, app.owner)
        if app.owner not in owner_words:
            owner_names[app.owner] = tuple(words(owner_label))
            owner_words[app.owner] = frozenset(owner_names[app.owner])
        site_named = names_a_site(app.name)
        own_site = ("website" in app.tags and (not app.description or not set(name.tokens) & site_vocabulary())
                    and _says_only_whose(normaliser, app.description or app.name, owner_names[app.owner])) \
            or (site_named and _HEADS_OF_REGION.isdisjoint(words(app.name))
                and (_says_only_whose(normaliser, app.name, owner_names[app.owner]) or _official(app.name))) \
            or by_owner
        # (the site of the head of the region, "Situs Resmi Gubernur X", is not the site of the Biro that runs it)
        organization_site = (site_named or _named_as_an_organization(app.name, tables)) \
            and _site_of_an_organization(app.name, tables)
        own = [t for t in name.tokens if t not in tables.fillers and t not in tables.platform and t not in SITE_WORDS]
        if named and national is not None:
            # the row written as the national application is named ("SP4N-LAPOR!", not "Lapor! KemenPAN-RB")
            rank = (app.retired, compact(app.name) not in {compact(n) for n in (national.national, *national.names)},
                    len(app.name), index)
            if national.id not in named_national or rank < named_rank[national.id]:
                named_national[national.id], named_rank[national.id] = app.id, rank
        result.append(AppFeatures(
            index=index, app=app, id=app.id, owner_id=app.owner,
            name=_unit({w: f * name_idf[w] for w, f in name.weights.items()}),
            name_key=name.key, expanded=name.expanded, acronym_only=name.acronym_only,
            desc=_unit({w: f * desc_idf[w] for w, f in desc.items()}),
            processes=frozenset(app.supports),
            rab=frozenset(p.reference for p in supported if p.reference and p.reference.count(".") >= 3),
            services=frozenset(realised.get(app.id, ())),
            writes=frozenset(app.writes),
            raa=app.reference,
            function=function, national=national,
            host=host,
            shared_host=False,
            integrates=frozenset(i.target for i in app.integrations),
            replaces=frozenset(app.replaces),
            distinct_from=frozenset(app.distinct_from),
            concepts=frozenset(w for w in name.weights if w in functional),
            # a bridge to another system, unless the word is its job's own ("SMS Gateway": a gateway is the job)
            connector=bool(set(name.tokens) & tables.connectors - (role.concept_words if role is not None else set())),
            opaque=is_opaque(name, tables),
            generic=generic_words(name.weights),
            platform_named=mentions_platform(app.name),
            compact=compact(text),
            core=" ".join(own),
            unmarked=" ".join(t for t in own if t not in tables.national_markers),
            parts=_bracketed_parts(text, tables),
            # "Website Badan Kepegawaian Daerah" of the BKD: its OPD's site, though the OPD's name says a job
            website="website" in app.tags or (site_named and function is None) or own_site
            or organization_site,
            organization_site=organization_site,
            campaign_site=site_named and bool(_CAMPAIGN.search(app.name)),
            areas=_areas_said(text, areas, area_lengths),
            named_national=named,
            part_of=whole,
            head=head(app.name),
            own_site=own_site,
            village=bool(_VILLAGE.match(owner_label.casefold())),
            bumd=is_bumd(owner_label),
            is_national=national is not None or provided_centrally(app, tables),
            role=role,
            at_home=performs is not None and _at_home(homes, workspace, app.owner, performs, tables),
            described=read_description and _titled(normaliser, app.description),
            titled_function=read_description and function is not None
            and _only_names(normaliser, app.description, function.concept_words),
            read_description=read_description,
            brand=_brand(name, tables, text),
            institution_named=_names_an_institution(role, name, tables, words(text)),
            unknown_name=bool(name.weights) and not set(name.weights) & tables.known_words,
            rab_area=_rab_area(area_cache, version, name, app.description),
            pemda_portal=pemda_portal(app.name, host),
            owner_words=owner_words[app.owner],
            owner_host=_under_owners_host(host, owner_names[app.owner], tables),
            views=_views(name.weights, role, function, tables),
            word_name=word_for_a_name(app.name),
            unit_kind=_unit_kind(workspace, app.owner),
            says_its_pemda=_says_its_pemda(words(text), government),
        ))
        _mark_sites(result[-1], workspace, tables, owner_names[app.owner])
    _drop_pemda_words(result, tables)
    namesakes: dict[str, set[str]] = {}
    for features in result:
        if features.name_key:
            namesakes.setdefault(features.name_key, set()).update((features.owner_id, *features.app.users))
    for features in result:
        features.name_owners = len(namesakes.get(features.name_key, ()))
    hosts = Counter(f.host[0] for f in result if f.host is not None)
    for features in result:
        features.shared_host = features.host is not None and hosts[features.host[0]] >= SHARED_HOST
    counts = {
        "process": Counter(p for f in result for p in f.processes),
        "rab": Counter(c for f in result for c in f.rab),
        "service": Counter(s for f in result for s in f.services),
        "writes": Counter(d for f in result for d in f.writes),
        "raa": Counter(f.raa for f in result if f.raa),
    }
    national_apps: dict[str, str] = dict(named_national)  # a row named SRIKANDI is SRIKANDI
    for features in result:  # else the first national application (by id) in use that performs the function
        if features.national is not None and features.is_national and not features.app.retired:
            national_apps.setdefault(features.national.id, features.id)
    return FeatureSet(result, tables, normaliser, counts, _one_row_serves_all(national_apps, tables))


MIN_PART = 4  # letters of a part of a name that still name a system


def _bracketed_parts(text: str, tables: Tables) -> frozenset[str]:
    """The two halves of a name written "X (Y)", each compact and without the ministry that runs it: one
    is often the system's name and the other what it is ("LAYANG SARI (Layanan Administrasi Kecamatan
    Online)", "Presensi Online (Presensari)", "Srikandi ANRI (Pembina Kearsipan)")."""
    found = bracketed(text)
    if found is None:
        return frozenset()
    parts = (compact(" ".join(w for w in words(part) if w not in tables.national_markers)) for part in found)
    return frozenset(p for p in parts if len(p) >= MIN_PART)


PEMDA_WORD_APPLICATIONS = 5  # a word no table knows, in this many names ...
PEMDA_WORD_FUNCTIONS = 3  # ... of this many different functions: the Pemda's own word, not a system's name,
PEMDA_WORD_ALONE = 0.25  # ... unless this share of them are named by it alone (e-Tambo of five OPDs)


def _drop_pemda_words(apps: list[AppFeatures], tables: Tables) -> None:
    """Take out of the names the words that say whose, not what: a word no table knows that the names
    of many applications of different functions carry ("Jatra" in "e-Samsat Jatra", "JATRA Pustaka",
    "Presensi Online Jatra") is the Pemda's short name or its programme's, however the inventory does
    not say so. Left in, it made every such name read the same. A system's own name that several OPDs
    report, some with their own name beside it ("e-Tambo", "E-TAMBO", "e-Tambo Biro Hukum"), stands
    alone in many of its rows."""
    holders: dict[str, list[AppFeatures]] = {}
    for f in apps:
        for word in f.name:
            if word not in tables.known_words:
                holders.setdefault(word, []).append(f)
    pemda = set()
    for word, held in holders.items():
        if len(held) < PEMDA_WORD_APPLICATIONS:
            continue
        jobs = {f.job.id for f in held if f.job is not None}
        alone = sum(1 for f in held if len(f.name) == 1)  # "e-Tambo", "E-TAMBO": the system's own name
        if len(jobs) >= PEMDA_WORD_FUNCTIONS and alone < PEMDA_WORD_ALONE * len(held):
            pemda.add(word)
    if not pemda:
        return
    for f in apps:
        if pemda.isdisjoint(f.name):
            continue
        kept = {w: v for w, v in f.name.items() if w not in pemda}
        f.name = _unit(kept)
        f.name_key = " ".join(sorted(kept))
        if f.brand in pemda:
            f.brand = None


def _one_row_serves_all(national_ids: dict[str, str], tables: Tables) -> dict[str, str]:
    """Function id -> the row of its national application, for every function of an application listed
    once: SIPD does planning and budgeting, and one row of it serves both."""
    return spread_over_application(national_ids, ((f.id, f.national) for f in tables.functions))


TITLE_WORDS = 6  # a description this short is a title ("Manajemen Aset"), not a story of many things


def _titled(normaliser: Normaliser, description: str | None) -> bool:
    """A description that only names what the application is, as a name would."""
    return bool(description) and 0 < len(normaliser.description(description, expand=False)) <= TITLE_WORDS


def _only_names(normaliser: Normaliser, description: str | None, concept: frozenset[str]) -> bool:
    """A description whose words are mostly the function's ("Aplikasi Perencanaan Pembangunan Daerah"),
    not one that lists it among other jobs ("informasi dan input pokir juga aspirasi masyarakat")."""
    content = [w for w in normaliser.description(description, expand=False) if w not in normaliser.tables.weak]
    return bool(content) and 2 * sum(1 for w in content if w in concept) >= len(content)


def _rab_area(cache: dict[tuple[str, str | None], str | None], version: str, name: NormalName,
              description: str | None) -> str | None:
    """The RAB area that `spbe classify` would suggest with high confidence, from the name's concept
    words (acronyms expanded: a names-only inventory says little else) and the description."""
    key = (name.key, description)
    if key not in cache:
        best = best_area(f"{' '.join(name.weights)} {description or ''}", version) if name.weights else None
        cache[key] = best[1] if best is not None and best[0] >= RAB_HIGH else None
    return cache[key]


def _under_owners_host(host: tuple[str, str] | None, own: tuple[str, ...], tables: Tables) -> bool:
    unit = unit_host_label(host[0]) if host is not None else None
    return unit is not None and _label_names_owner(unit, own, tables)


def _mark_sites(features: AppFeatures, workspace: Workspace, tables: Tables, own: tuple[str, ...]) -> None:
    """Whether a row without description is its owner's website by its address alone: an address that
    abbreviates the owner (dinkes.x.go.id of Dinas Kesehatan) is the OPD's site even where the inventory
    has no category column to say so."""
    if not _bare_address(features.app) or features.host is None:
        return
    if names_an_area_site(features.app.name):
        features.website = features.institution_named = True  # a kecamatan's own site, whoever lists it
        return
    label = features.compact
    features.owner_site = _label_names_owner(label, own, tables)
    features.website = features.website or features.owner_site
    features.opd_site = features.unknown_name and looks_like_an_opd(label) and not on_unit_host(
        features.app.name) and not any(  # bpppurwodadi.dinpertan.x.go.id: a unit's site on the OPD's host
        names_owner(label, other, without_kind=True) for _, other in _organizations(workspace).get(label[:1], ())
        if other != own)  # kesbangpol is another OPD's
    if not features.owner_site and _keeps_the_domain(own):
        # the Diskominfo, which keeps the Pemda's domain, lists the health office's site by its address:
        # the site is the health office's (another OPD's address under its own name is its own business)
        named = {org for org, other in _organizations(workspace).get(label[:1], ())
                 if org != features.owner_id and _label_names_owner(label, other, tables)}
        if len(named) == 1:
            features.site_of = named.pop()
            features.website = True


def _keeps_the_domain(owner: tuple[str, ...]) -> bool:
    """The Dinas Kominfo (Diskominfo, Dinas Komunikasi dan Informatika): the OPD that keeps the Pemda's
    domain and the register of its subdomains, so it lists other OPDs' sites."""
    return "informatika" in owner or any("kominfo" in word for word in owner)


def _bare_address(app: Application) -> bool:
    """A row named by its bare address (desdm.x.go.id), without description, or listed as a website (its
    description a note on the site: "alamat lama web kecamatan, sekarang redirect")."""
    name = app.name.strip()
    return (not app.description or "website" in app.tags) and " " not in name and "." in name


def _label_names_owner(label: str, own: tuple[str, ...], tables: Tables) -> bool:
    """An address label that abbreviates its owner (dinkes of Dinas Kesehatan; kesbangpol of the Badan
    Kesatuan Bangsa dan Politik, without "Badan"; dukcapil, an abbreviation the tables spell out, of the
    Dinas Kependudukan dan Pencatatan Sipil), or names it by the word of its name that is no function:
    its place (nglipar.x.go.id of Kapanewon Nglipar, and nglipar.puskeswan.x.go.id of UPT Puskeswan
    Nglipar, which other units of that place share), or by the very acronym its name is written with
    (bpbd.x.go.id of "BPBD Prov. X"); statistik.x.go.id of the Dinas Kominfo dan Statistik is one of its
    jobs, not its site."""
    spelt = tables.acronyms.get(label) or ()
    return names_owner(label, own) or names_owner(label, own, without_kind=True) or (
        len(label) >= MIN_BRAND and label in own and (label not in tables.known_words or bool(spelt))) or (
        bool(spelt) and all(w in own for w in spelt))


def reads_as_owners_site(app: Application, workspace: Workspace, tables: Tables) -> bool:
    """What the finder reads as the owner's own site without a website tag: a row named only by its owner
    (Portal BKPSDM) or by a bare address that names it (dukcapil.x.go.id): it informs about the owner's
    affairs, it copies no national application (rule AP015 and the Indeks evidence read it so too)."""
    if _named_by_owner(app, workspace):
        return True
    if not _bare_address(app) or _host(app.url) is None:  # as the finder reads it (features.host)
        return False
    own = tuple(words(organization_label(workspace, app.owner)))
    return _label_names_owner(compact(name_text(app.name)), own, tables)


def _organizations(workspace: Workspace) -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """Every organization's id and the words of its name, by the first letters of its first two words
    (where an abbreviation of it starts), once per workspace."""
    def index() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
        found: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
        for org in workspace.organizations:
            name = tuple(words(org.label))
            for word in name[:2]:
                found.setdefault(word[:1], set()).add((org.id, name))
        return {letter: sorted(entries) for letter, entries in found.items()}

    return workspace.derived(("duplicates", "organizations by letter"), index)


MIN_BRAND = 4


BRAND_NAME_WORDS = 3  # a word of the language is a brand only in a short name ("Aplikasi e-Lapor")


# words that say a name is an application's, not an institution's (Sistem Informasi Puskesmas)
_APPLICATION_WORDS = frozenset({"aplikasi", "app", "application", "apps", "sistem", "system", "informasi",
                                "information", "si", "sim", "sis", "e", "m", "modul", "module", "online", "daring",
                                "android", "apk", "ios", "mobile", "desktop", "elektronik", "electronic", "smart",
                                "digital", "berbasis", "based"})


_INSTITUTION_FORMS = frozenset({"upt", "uptd", "rs", "rsu", "rsud", "rsj", "rsia", "pkm"})
_PAGE_WORDS = SITE_WORDS | {"profil", "profile", "beranda", "halaman"}  # Portal Puskesmas X, Profil RSUD Y


def _views(concepts: Mapping[str, float], role: LocalFunction | None, function: NationalFunction | None,
           tables: Tables) -> frozenset[str]:
    """The words of a view (dashboard, monitoring) the name holds that are not its job's own: a name with
    one shows the data of a function (Dashboard Realisasi APBD, SIMONPBJ "Monitoring Pengadaan") that
    another system performs. Not the e-Monev of development programmes, whose job monitoring is."""
    views = tables.view_words.intersection(concepts)
    if views and role is not None and role.strong:
        views -= role.concept_words
    if views and function is not None:
        views -= function.concept_words
    return views


def _names_an_institution(role: LocalFunction | None, name: NormalName, tables: Tables, written: list[str]) -> bool:
    """'Puskesmas Baros', 'UPT Puskesmas Cikole', 'Rumah Sakit Jiwa': the kind of an institution and its own
    name, and nothing of an application. The row is the institution's page or profile, its own, as its
    website is; ten puskesmas listed by their names are not ten systems of one job."""
    if role is None or not role.institution or _APPLICATION_WORDS.intersection(name.tokens):
        return False
    kind = {w for phrase in role.concept_words for w in phrase.split()} | _INSTITUTION_FORMS | _PAGE_WORDS
    own = [t for t in name.tokens if t not in kind]
    if not any(t in kind for t in name.tokens):
        return False  # the kind said by a description, not by the name (SIGARS, MyHospital)
    if own and name.tokens.index(own[0]) < min(name.tokens.index(t) for t in name.tokens if t in kind):
        return False  # a name before the kind is a system's ("SIPANDU Desa"), not an institution's ("Desa X")
    if not own:  # its own name was a place the workspace knows (Puskesmas Cikole of Kecamatan Cikole)
        return len(written) > len(name.tokens)
    # else words no table knows (Baros, Bali Mandara), never a system's acronym (SIMRS)
    return not any(t in tables.known_words or t in tables.acronyms for t in own)


def _brand(name: NormalName, tables: Tables, written: str) -> str | None:
    """The one word of a name that no table knows (Pikobar, Sambara): a brand names one system. A word of
    the language left over from a long name ("resmi" of "Situs Resmi Perangkat Daerah - Dinas X") is
    what the name says, not what it is called."""
    if len(name.weights) != 1 or name.expanded:
        return None
    word = next(iter(name.weights))
    if len(word) < MIN_BRAND or not word.isalpha() or word in tables.known_words or word in tables.acronyms:
        return None
    if is_indonesian_word(word) and len([t for t in words(written) if len(t) > 1]) > BRAND_NAME_WORDS:
        return None
    if is_indonesian_word(word) and len([t for t in words(written) if len(t) > 1 and t not in tables.fillers
                                         and t not in tables.platform]) > 1:
        return None  # "Jabar Sehat": the place's programme is named by both words, not by "sehat"
    return word


def _cached_role(cache: dict[tuple[str, str | None, str | None], LocalFunction | None], normaliser: Normaliser,
                 app: Application, name: NormalName, read_description: bool) -> LocalFunction | None:
    spelt = _spelt_by_description(normaliser, app, name)
    key = (app.name, app.acronym, app.description if read_description or spelt else None)
    if key not in cache:
        cache[key] = _role(normaliser, app, name, read_description, spelt)
    return cache[key]


def _job_of_whole(normaliser: Normaliser, whole: str, function: NationalFunction | None,
                  role: LocalFunction | None) -> tuple[NationalFunction | None, LocalFunction | None]:
    """The job of the system a row says it is part of, where its name says one; else the row's own."""
    name = normaliser.name(whole)
    found = function_of(name.weights, normaliser.tables, name.tokens)
    if found is not None:
        return found, None
    whole_role = role_of(name.weights, normaliser.tables, name.tokens)
    return (None, whole_role) if whole_role is not None else (function, role)


def _role(normaliser: Normaliser, app: Application, name: NormalName, read_description: bool,
          spelt: dict[str, float]) -> LocalFunction | None:
    """The local function the name says; when the name says nothing (only an unexplained acronym),
    the first words of the description."""
    brackets = bracketed(app.name)  # "SIMPATIK (Sistem Informasi Perijinan Terpadu)": what it is
    explained = normaliser.description(brackets[1], expand=False) if brackets else {}
    if spelt and not explained:
        role = role_of({**spelt, **name.weights}, normaliser.tables, name.tokens, spelt)
        if role is not None:
            return role
    role = role_of(name.weights, normaliser.tables, name.tokens, explained)
    if role is None and read_description and app.description and not part_of(app.description):
        role = role_of(normaliser.description(app.description, expand=False, limit=DESCRIPTION_LEAD),
                       normaliser.tables)
    return role


SPELT_LEAD_START = 3  # "Aplikasi SIAP adalah Sistem ...": where the spelling out may begin
MIN_SPELT = 3  # letters of an acronym a description may spell out (two letters match anything)


def _spelt_by_description(normaliser: Normaliser, app: Application, name: NormalName) -> dict[str, float]:
    """'SIAP RSUD', described 'Sistem Informasi Absensi Pegawai BLUD RSUD ...': a description that opens by
    spelling out an acronym of the name no table knows says what the acronym stands for, as brackets in
    the name would; the job is that, not the institution beside it (RSUD) or a guess from its syllables."""
    unknown = sorted(a for a in name.acronyms
                     if len(a) >= MIN_SPELT and a.isalpha() and a not in normaliser.tables.acronyms)
    if not unknown or not app.description:
        return {}
    lead = [w for w in words(app.description)[:DESCRIPTION_LEAD + SPELT_LEAD_START + 4] if w.isalpha()]
    for acronym in unknown:
        for start in range(min(SPELT_LEAD_START, len(lead))):
            if lead[start] == acronym or lead[start][0] not in acronym[:2] or not spells(acronym, lead[start:]):
                continue
            end = next(end for end in range(start + 1, len(lead) + 1) if spells(acronym, lead[start:end]))
            return normaliser.description(" ".join(lead[start:end]), expand=False)
    return {}


_SITE_NAME = re.compile(r"^\W*(?:official\s+|resmi\s+)?(website|webiste|web[\s-]site|situs|laman|homepage"
                        r"|web\s+(?:opd|skpd|resmi|desa|kelurahan|kecamatan|dinas|badan|biro|bagian|puskesmas"
                        r"|sekolah|rumah\s+sakit|rsud))\b",
                        re.IGNORECASE)  # "Web OPD Desa X", "Web SKPD Dinas X", "Official Website X"; not "Web GIS"


def _named_by_owner(app: Application, workspace: Workspace) -> bool:
    """'Portal BKPSDM' of the BKPSDM, 'Portal Diskominfo', 'Badan Kepegawaian Daerah (bkd.x.go.id)' of
    the Badan Kepegawaian Daerah: a row named only by its owner is the owner's site, whatever its
    description (often the owner's full name, which says its affairs: kepegawaian) seems to say;
    'Portal MPP' or 'Portal Pelayanan Pajak' name a service, not the owner."""
    rest = [w for w in words(without_addresses(app.name) or "") if w not in SITE_WORDS and w not in LINK_WORDS]
    said = _owner_words(workspace).get(app.owner) if rest else None
    return said is not None and all(w in said for w in rest)  # not "Portal Resmi Pemerintah Kabupaten X"


def _owner_words(workspace: Workspace) -> dict[str, frozenset[str]]:
    """Each organization's words, short name and initials, once per workspace: the words a row named
    only by its owner is written with."""
    def read() -> dict[str, frozenset[str]]:
        return {org.id: frozenset({*words(org.name), *words(org.short_name or ""), *_initials(words(org.name))})
                for org in workspace.organizations}

    return workspace.derived(("duplicates", "owner words"), read)


_SITE_ONLY_WORDS = SITE_WORDS - {"daerah", "pemerintah"}  # "Badan ... Daerah" begins an organization's name


def _site_of_an_organization(name: str, tables: Tables) -> bool:
    """'Website Badan Kepegawaian Daerah Prov. X': a site named by an organization, whatever job that
    organization's name says, and whoever the list writes as its owner (BKD, another spelling)."""
    written = [w for w in words(name_text(name)) if w not in _SITE_ONLY_WORDS]
    if not written:
        return False
    first = written[0]
    # ... or by its short form ("Website DPMD Dukcapil", "Website Disperindagkop UKM"), not by a word of the
    # language that merely starts like one ("Website Bantuan Sosial")
    return first in tables.organization_heads or first in tables.organization_short_forms or (
        looks_like_an_opd(first) and first not in tables.known_words and not is_indonesian_word(first))


def _named_as_an_organization(name: str, tables: Tables) -> bool:
    """'Badan Pengelolaan Keuangan dan Pendapatan Daerah (bpkpd.x.go.id)': a row named by an organization's
    name alone, with no word of an application and no acronym of a system, is that organization's site or
    page, not an application doing the job its name says (keuangan)."""
    text = without_addresses(name) or ""
    written = words(text)
    return bool(written) and written[0] in tables.organization_heads and _APPLICATION_WORDS.isdisjoint(written) \
        and not any(looks_like_acronym(w) for w in raw_words(text))


def names_a_site(name: str) -> bool:
    """'Website Dinas Perhubungan', 'Situs Resmi Kecamatan X': the name itself says the row is a
    website, where the inventory has no category column to say so."""
    return bool(_SITE_NAME.match(name))


_VILLAGE = re.compile(r"(desa|kelurahan|kalurahan|nagari|gampong|pemerintah desa|pemdes)\b")


def _refined_by_owner(role: LocalFunction, homes: dict[tuple[str, str], bool], workspace: Workspace, owner: str,
                      tables: Tables) -> LocalFunction:
    """The narrower function that the owner's affairs make of a general one: "LMS Cabdin Wilayah II" of an
    education branch office is its pupils' learning, not staff training."""
    for narrower in tables.refinements.get(role.id, ()):
        if _at_home(homes, workspace, owner, narrower, tables):
            return narrower
    return role


def _at_home(cache: dict[tuple[str, str], bool], workspace: Workspace, owner: str,
             performs: LocalFunction | NationalFunction, tables: Tables) -> bool:
    """Whether the owner's name says the function, or the affairs it belongs to (Badan Keuangan dan Aset
    Daerah says `aset`; Badan Kepegawaian Daerah says `kepegawaian`), once per owner and function."""
    key = (owner, f"{type(performs).__name__}:{performs.id}")  # a local and a national function may share an id
    found = cache.get(key)
    if found is None:
        org = workspace.get(owner)
        written = words(org.name) if isinstance(org, Organization) else []
        runs = {tuple(written[i:i + n]) for n in (1, 2, 3) for i in range(len(written) - n + 1)}
        said = {" ".join(r) for r in runs} | {tables.phrases[r] for r in runs if r in tables.phrases}
        wanted = (*performs.concepts, *performs.affairs) if isinstance(performs, LocalFunction) else performs.concepts
        found = cache[key] = any(group <= said for group in wanted)
    return found


_OFFICIAL = frozenset({"resmi", "official"})
_HEADS_OF_REGION = frozenset({"gubernur", "bupati", "walikota", "wakil", "wagub", "wabup"})
OFFICIAL_WORDS = 3  # "Website Resmi ...", "Situs Web Resmi ...": the words where a site says it is the official one


def _official(name: str) -> bool:
    """A site that says it is the official one ("Website resmi yang berfungsi sebagai media informasi
    publik ... Dinas X"): its owner's own site, whatever it publishes."""
    return bool(_OFFICIAL.intersection(words(name)[:OFFICIAL_WORDS]))


def _says_only_whose(normaliser: Normaliser, text: str | None, owner: tuple[str, ...]) -> bool:
    """The text says whose site it is and nothing else: without site words, most of its words are the
    owner's name or its short form ("Website Dinas Pariwisata" of the Dinas Pariwisata, "Web Dinkes" of the
    Dinas Kesehatan, "Website OPD"; a site listed as one is read in its description, "Situs Resmi Perangkat
    Daerah - Dinas Sosial")."""
    if not text:
        return False
    left = set(normaliser.description(text, expand=False)) - SITE_WORDS
    if not left:
        return True
    owned = [w for w in left if w in owner or names_owner(w, owner) or names_owner(w, owner, without_kind=True)]
    return len(owned) * 2 > len(left)


_BUMD = re.compile(r"\b(bumd|pdam|perumda|perseroda|pt|bpr|bprs|bank|perusahaan daerah|perusahaan umum daerah)\b")


def _unit_kind(workspace: Workspace, owner: str) -> str | None:
    org = workspace.get(owner)
    return org.kind if isinstance(org, Organization) and org.kind in MANY_OF_A_KIND else None


def is_bumd(organization: str) -> bool:
    """A regional enterprise (BUMD: PDAM, Perumda, Bank daerah): not part of the Pemda's administration."""
    return bool(_BUMD.search(organization.casefold()))


def organization_label(workspace: Workspace, org_id: str) -> str:
    org = workspace.get(org_id)
    return org.label if isinstance(org, Organization) else org_id


Reading = tuple[Application, NationalFunction | None, NationalFunction | None, bool]


def national_readings(workspace: Workspace) -> list[Reading]:
    """Per application in use: (application, the national function it performs, the national application
    it is, whether its name names it): the workspace's one reading (rule AP015, the Indeks SPBE evidence
    and the finder share it), without the feature set's weights."""

    reading = _read(workspace)
    return [(app, function, national, named)
            for app, ((function, national, named), _) in zip(reading.apps, reading.performed, strict=True)
            if not app.retired]


def national_instances(workspace: Workspace) -> dict[str, list[Application]]:
    """The applications in use whose name names a national application (the Pemda's SIPD at
    ``x.sipd.kemendagri.go.id``, its LPSE), by the national application's name in lower case (``sipd``,
    ``spse``). Another national application is not one of them for doing a like job (e-RDKK plans, it
    is not SIPD)."""
    found: dict[str, list[Application]] = {}
    for app, _, national, named in national_readings(workspace):
        if national is not None and named:
            found.setdefault(national.national.casefold(), []).append(app)
    return found


def national_copies(workspace: Workspace) -> list[tuple[Application, NationalFunction, str | None]]:
    """Local applications in use that perform a function with a national application: (application,
    function, id of the national application in the workspace if modelled)."""
    tables = workspace_tables(workspace)
    found: list[tuple[Application, NationalFunction, str | None]] = []
    national_ids: dict[str, str] = {}
    fallback_ids: dict[str, str] = {}
    bumd: dict[str, bool] = {}
    for app, function, national, named in national_readings(workspace):
        if national is not None or provided_centrally(app, tables):
            if national is not None:
                (national_ids if named else fallback_ids).setdefault(national.id, app.id)
            continue
        if function is not None and "website" not in app.tags and not _bumd(bumd, workspace, app.owner) \
                and not reads_as_owners_site(app, workspace, tables):
            found.append((app, function, None))  # a website informs about a function; a BUMD is apart
    national_ids = _one_row_serves_all({**fallback_ids, **national_ids}, tables)
    return [(app, function, national_ids.get(function.id)) for app, function, _ in found]


def _bumd(known: dict[str, bool], workspace: Workspace, owner: str) -> bool:
    found = known.get(owner)
    if found is None:
        found = known[owner] = is_bumd(organization_label(workspace, owner))
    return found
