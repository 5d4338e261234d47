"""OPD names as inventories write them, turned into one organization per OPD.

The same agency appears as 'Dinas Kesehatan', 'DINAS KESEHATAN', 'Dinkes' and 'Dinas Kesehatan
Kabupaten X' in one sheet; 'BKPSDM' stands for its long name by its initials. Names are compared
without case, punctuation and the region, with known short forms and initials expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spbe_arch.exchange import inventory_headers as hd
from spbe_arch.exchange.naming import IdAllocator, organization_kind
from spbe_arch.stemming import is_indonesian_word

# Common short forms of OPD names, so that 'Dinkes' and 'Dinas Kesehatan' become one organization.
OPD_SHORT_FORMS: dict[str, str] = {
    "diskominfo": "Dinas Komunikasi dan Informatika", "dinkominfo": "Dinas Komunikasi dan Informatika",
    "kominfo": "Dinas Komunikasi dan Informatika", "dinkes": "Dinas Kesehatan", "disdik": "Dinas Pendidikan",
    "dindik": "Dinas Pendidikan", "dispendik": "Dinas Pendidikan",
    "disdukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "dispendukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
    "dukcapil": "Dinas Kependudukan dan Pencatatan Sipil", "dinsos": "Dinas Sosial", "dishub": "Dinas Perhubungan",
    "disnaker": "Dinas Tenaga Kerja", "dlh": "Dinas Lingkungan Hidup", "dispertan": "Dinas Pertanian",
    "disperindag": "Dinas Perindustrian dan Perdagangan", "disparbud": "Dinas Pariwisata dan Kebudayaan",
    "dpupr": "Dinas Pekerjaan Umum dan Penataan Ruang", "bappeda": "Badan Perencanaan Pembangunan Daerah",
    "bapenda": "Badan Pendapatan Daerah", "bkd": "Badan Kepegawaian Daerah",
    "setda": "Sekretariat Daerah", "setwan": "Sekretariat DPRD", "sekwan": "Sekretariat DPRD",
    "satpol pp": "Satuan Polisi Pamong Praja", "rsud": "Rumah Sakit Umum Daerah",
    "bpkad": "Badan Pengelolaan Keuangan dan Aset Daerah", "bpbd": "Badan Penanggulangan Bencana Daerah",
    "bkpsdm": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "bpsdm": "Badan Pengembangan Sumber Daya Manusia",
    "bappedalitbang": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "bappelitbangda": "Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",
    "bapperida": "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah",
    "dpmptsp": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    "dpmd": "Dinas Pemberdayaan Masyarakat dan Desa", "dispermades": "Dinas Pemberdayaan Masyarakat dan Desa",
    "kesbangpol": "Badan Kesatuan Bangsa dan Politik", "bakesbangpol": "Badan Kesatuan Bangsa dan Politik",
    "disperkim": "Dinas Perumahan dan Kawasan Permukiman", "disdikbud": "Dinas Pendidikan dan Kebudayaan",
    "dinarpus": "Dinas Perpustakaan dan Kearsipan", "dispusip": "Dinas Perpustakaan dan Kearsipan",
    "disnakertrans": "Dinas Tenaga Kerja dan Transmigrasi", "dispora": "Dinas Pemuda dan Olahraga",
    "dp3a": "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
    "dppkb": "Dinas Pengendalian Penduduk dan Keluarga Berencana",
}
# the property of an imported organization that lists the other ways the sheet wrote its name (a mistyped
# "Dinas Perhubngan", a name with or without "Daerah"): what the duplicate finder also reads as the OPD's name
WRITTEN_AS = "written_as"
_SMALL_WORDS = frozenset({"dan", "serta", "di", "ke", "dari", "untuk", "pada", "atau"})
_KEEP_UPPER = frozenset({"dprd", "rsud", "uptd", "upt", "pp", "sdm", "asn", "kb", "ri", "tik", "it", "ppkb",
                         "pmd", "umkm", "ukm", "p3a", "pupr", "rsia", "pd"})


def tidy_name(text: str) -> str:
    """Names typed in capitals ('DINAS KESEHATAN') in the case the document uses."""
    text = " ".join(text.split())
    if not (text.isupper() and len(text) > 6):
        return text
    words = []
    for i, word in enumerate(text.split(" ")):
        lower = word.lower()
        if lower in _KEEP_UPPER:
            words.append(word)
        elif i > 0 and lower in _SMALL_WORDS:
            words.append(lower)
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


_FIRST_WORDS = {"kec": "kecamatan", "kel": "kelurahan", "rsud": "rumah sakit umum daerah", "bag": "bagian",
                "din": "dinas", "upt": "uptd", "pkm": "puskesmas",
                # "Setwan DPRD", "Sekwan DPRD": the secretariat of the DPRD, its name said twice
                "setwan": "sekretariat", "sekwan": "sekretariat"}
# a regency's water utility under its old and its new legal form (PP 54/2017 turned PDAM into Perumda)
_WATER_UTILITY = re.compile(r"^(perusahaan umum daerah air minum|perusahaan daerah air minum|perumda air minum"
                            r"|perumdam|pdam)\b")
_HYPHENATED_SHORT = re.compile(r"^[A-Za-z]{2,5}(-[A-Za-z]{2,5}){1,2}$")  # DPM-PTSP: one short form
# the head words of an OPD's name, and the letters its short forms begin with (Disperkim, Bapperida)
_HEADS = {"dinas": ("dis", "din", "d"), "badan": ("ba", "b"), "bagian": ("bag", "b"), "biro": ("biro", "b"),
          "kantor": ("kan", "k"), "sekretariat": ("set", "sek", "s")}


def opd_key(text: str) -> str:
    """An OPD name however it is written: no case or punctuation, no 'Pemerintah' or 'Kabupaten X', and
    abbreviated first words written out ('Kec. Bangil' is 'kecamatan bangil')."""
    key = hd.normalise(text.replace("&", " dan "))  # "Dinas Koperasi & UMKM" is "Dinas Koperasi dan UMKM"
    key = re.sub(r"^pemerintah ", "", key)
    key = re.sub(r" (kabupaten|kab|kota|provinsi|prov) [a-z ]+$", "", key)
    first, _, rest = key.partition(" ")
    if first in _FIRST_WORDS and rest:
        key = f"{_FIRST_WORDS[first]} {rest}"
    return _WATER_UTILITY.sub("pdam", key)


def _group_key(key: str) -> str:
    """'Inspektorat Daerah' and 'Inspektorat' are one OPD: the trailing 'daerah' is left out."""
    words = key.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] == "daerah" else key


_REGION_SUFFIX = re.compile(r"\s+(kabupaten|kab\.?|kota|provinsi|prov\.?)\s+\S.*$", re.IGNORECASE)
_DISPLAY_FIRST_WORDS = {"kec": "Kecamatan", "kel": "Kelurahan", "bag": "Bagian", "din": "Dinas"}


def display_name(text: str) -> str:
    """An OPD name for the model: no 'Kabupaten X' tail, 'Kec.' written out, capitals tidied."""
    text = _REGION_SUFFIX.sub("", " ".join(text.split())) or text
    first, _, rest = text.partition(" ")
    expanded = _DISPLAY_FIRST_WORDS.get(first.rstrip(".").casefold())
    if expanded and rest:
        text = f"{expanded} {rest}"
    return tidy_name(text)


def _display_rank(text: str) -> tuple[bool, int]:
    """Which spelling of an OPD to show: mixed case over capitals, then the fullest."""
    return text.isupper(), -len(display_name(text))


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _SMALL_WORDS and w)


def _short_key(text: str) -> str:
    """opd_key, with a short form written with hyphens as one word (DPM-PTSP is DPMPTSP)."""
    key = opd_key(text)
    return key.replace(" ", "") if _HYPHENATED_SHORT.match(text.strip()) else key


def _is_short_form(key: str) -> bool:
    return len(key.split()) == 1 and key.isalpha() and len(key) <= 10


def _own_words(key: str) -> list[str]:
    return [w for w in key.split()[1:] if w not in _SMALL_WORDS]


def _spells(short: str, key: str) -> bool:
    """``short`` is the head's letters, then letters taken in order from the rest of the name, starting
    with its first letter: disperkim of 'dinas perumahan dan kawasan permukiman'."""
    head = key.split()[0]
    own = "".join(_own_words(key))
    if not own:
        return False
    for start in _HEADS.get(head, ()):
        rest = short[len(start):]
        if short.startswith(start) and len(rest) >= 3 and rest[0] == own[0]:
            letters = iter(own)
            if all(letter in letters for letter in rest):
                return True
    return False


def _spelt_by(short: str, groups: dict[str, _Group]) -> str | None:
    """The one long name that a short form spells syllable by syllable, or None (none, or several). A
    name is read whole, with the "Daerah" its group leaves out (BPKAD spells Badan Pengelolaan Keuangan
    dan Aset Daerah, not only Biro Perekonomian Setda)."""
    found = [key for key in groups if len(key.split()) >= 3 and (
        _spells(short, key) or any(_spells(short, opd_key(text)) for text in groups[key].written))]
    return found[0] if len(found) == 1 else None


MAX_TYPO = 2  # letters a mistyped word of an OPD's name differs by (Perhubngan, Pengelolan, Kepegawain)


def _mistyped_as(key: str, other: str) -> bool:
    """``key`` is ``other`` with one word mistyped: the same words but one, which is no word of the
    language and is a letter or two from the other's (Dinas Perhubngan, Dinas Perhubungan); not two
    names that differ by a word (Dinas Pertanian, Dinas Pertanahan)."""
    from rapidfuzz.distance import Levenshtein

    first, second = key.split(), other.split()
    if len(first) != len(second) or len(first) < 2:
        return False
    differ = [(a, b) for a, b in zip(first, second, strict=True) if a != b]
    if len(differ) != 1:
        return False
    typo, word = differ[0]
    return len(word) >= 6 and not is_indonesian_word(typo) and is_indonesian_word(word) \
        and Levenshtein.distance(typo, word) <= MAX_TYPO


def _merge_typos(groups: dict[str, _Group]) -> None:
    """One OPD whose name a sheet mistyped in some rows."""
    for key in sorted(groups):
        target = next((other for other in sorted(groups) if other != key and _mistyped_as(key, other)), None)
        if target is not None:
            groups[target].absorb(groups.pop(key), mistyped=True)


def _headed_short(key: str, groups: dict[str, _Group]) -> str | None:
    """The group of the long name that '<head> <short form>' stands for: 'Dinas Kominfo' (a known short
    form), 'Dinas PUPR' (the initials of the rest), 'Bagian Prokopim' (its syllables); None when no one
    other name fits."""
    words = key.split()
    if len(words) != 2 or words[0] not in _HEADS or not _is_short_form(words[1]):
        return None
    head, short = words
    expanded = OPD_SHORT_FORMS.get(short)
    if expanded is not None and opd_key(expanded).startswith(f"{head} "):
        target = _group_key(opd_key(expanded))
        return target if target in groups and target != key else None
    others = [other for other in groups if other != key and other.startswith(f"{head} ") and len(other.split()) >= 3]
    by_initials = [other for other in others if _initials(" ".join(_own_words(other))) == short]
    if by_initials:
        return by_initials[0] if len(by_initials) == 1 else None
    if is_indonesian_word(short):  # "Dinas Pendidikan" is the "Dinas Pendidikan dan Kebudayaan": a whole word
        spelt = [other for other in others if _own_words(other)[:1] == [short]]
    else:
        spelt = [other for other in others if _spells(_HEADS[head][0] + short, other)]
    return spelt[0] if len(spelt) == 1 else None


@dataclass
class Org:
    id: str
    name: str
    short_name: str | None
    kind: str
    written_as: list[str] = field(default_factory=list)  # the other ways the sheet writes it (typos, old names)


@dataclass
class _Group:
    written: list[str] = field(default_factory=list)  # long names as the sheet writes them
    typos: list[str] = field(default_factory=list)  # the same, mistyped: resolved, never shown
    expansions: list[str] = field(default_factory=list)  # long names known from a short form
    shorts: list[str] = field(default_factory=list)
    initials: set[str] = field(default_factory=set)

    def absorb(self, other: _Group, mistyped: bool = False) -> None:
        """Take in the names of another group of the same OPD (its long names as typos when mistyped)."""
        (self.typos if mistyped else self.written).extend(other.written)
        self.typos.extend(other.typos)
        self.expansions.extend(other.expansions)
        self.shorts.extend(other.shorts)
        self.initials |= other.initials


class OrgRegistry:
    """OPD names to organizations: one per OPD however often and however it is written."""

    def __init__(self, ids: IdAllocator) -> None:
        self.ids = ids
        self.orgs: dict[str, Org] = {}  # group key -> organization
        self.aliases: dict[str, str] = {}  # any key (name, short form, initials) -> group key
        self.pending: list[str] = []

    def collect(self, text: str) -> None:
        self.pending.append(text)

    def build(self) -> None:
        """Decide the organizations once every name is known, so that short and long forms meet."""
        groups: dict[str, _Group] = {}
        shorts: dict[str, str] = {}
        for text in self.pending:
            key = _short_key(text)
            if not key:
                continue
            expanded = OPD_SHORT_FORMS.get(key)
            if expanded is not None:
                group = groups.setdefault(_group_key(opd_key(expanded)), _Group())
                group.expansions.append(expanded)
                group.shorts.append(text)
                group.initials.add(_initials(opd_key(expanded)))
            elif _is_short_form(key):
                shorts.setdefault(key, text)
            else:
                group = groups.setdefault(_group_key(key), _Group())
                group.written.append(text)
                group.initials.add(_initials(key))
        _merge_typos(groups)
        owners: dict[str, set[str]] = {}
        for g, group in groups.items():
            for i in group.initials:
                owners.setdefault(i, set()).add(g)
        # initials two long names share (DKP: Kelautan dan Perikanan, Kebudayaan dan Pariwisata) name neither
        by_initials = {i: next(iter(gs)) for i, gs in owners.items() if len(i) >= 3 and len(gs) == 1}
        for key, text in shorts.items():
            if key in by_initials:
                groups[by_initials[key]].shorts.append(text)
            elif key in groups:
                groups[key].written.append(text)
            elif (spelt := _spelt_by(key, groups)) is not None:
                groups[spelt].shorts.append(text)  # Disperkim, Dispusip: syllables of the long name
            else:
                groups[key] = _Group(written=[text])
        for key in sorted(groups):  # "Dinas Kominfo", "Bagian PBJ": the head word, then a short form
            target = _headed_short(key, groups)
            if target is not None:
                groups[target].absorb(groups.pop(key))
        for key in sorted(groups):
            group = groups[key]
            names = group.written or group.expansions
            name = display_name(min(names, key=_display_rank))
            short = group.shorts[0].strip() if group.shorts else None
            self._add(key, name, short)
            self.orgs[key].written_as = sorted({display_name(t) for t in group.written + group.typos
                                                if _group_key(opd_key(t)) != _group_key(opd_key(name))})
            for text in group.shorts:
                self.aliases[_short_key(text)] = key
            for text in group.written + group.typos:  # a name merged into another's group ("Dinas Kominfo")
                self.aliases.setdefault(_group_key(opd_key(text)), key)
            for initials in group.initials:
                if len(initials) >= 3 and by_initials.get(initials) == key:
                    self.aliases.setdefault(initials, key)
        self.pending = []

    def _add(self, key: str, name: str, short: str | None) -> None:
        short_name = short if short and opd_key(short) != opd_key(name) else None
        org_id = self.ids.make(short_name, name)
        self.orgs[key] = Org(org_id, name, short_name, organization_kind(opd_key(name)))
        self.aliases[key] = key
        self.aliases.setdefault(opd_key(name), key)

    def ensure(self, name: str, short: str, kind: str) -> Org:
        """The organization of this name, created if the inventory did not name it."""
        found = self.resolve(name)
        if found is None:
            key = _group_key(opd_key(name))
            self._add(key, name, short)
            self.aliases[opd_key(short)] = key
            found = self.orgs[key]
            found.kind = kind
        return found

    def kind_of(self, org_id: str) -> str:
        """The kind of the organization of this id ("lainnya" for none)."""
        return next((org.kind for org in self.orgs.values() if org.id == org_id), "lainnya")

    def resolve(self, text: str) -> Org | None:
        key = _short_key(text)
        expanded = OPD_SHORT_FORMS.get(key)
        if expanded is not None:
            key = opd_key(expanded)
        canonical = self.aliases.get(key) or self.aliases.get(_group_key(key))
        return self.orgs.get(canonical) if canonical is not None else None

    def find_in(self, text: str) -> Org | None:
        """An organization named inside a longer text ('Server Diskominfo')."""
        norm = f" {hd.normalise(text)} "
        for alias in sorted(self.aliases, key=len, reverse=True):
            if len(alias) >= 3 and f" {alias} " in norm:
                return self.orgs[self.aliases[alias]]
        for short, expanded in OPD_SHORT_FORMS.items():
            if f" {short} " in norm:
                found = self.resolve(expanded)
                if found is not None:
                    return found
        return None
