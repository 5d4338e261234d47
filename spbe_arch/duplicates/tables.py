"""The curated tables of the duplicate finder: shipped data files, extended by the workspace.

The files in ``data/`` are the project's knowledge of Indonesian e-government naming (acronyms,
synonyms, filler words, place names) and of the functions that have a national application. A
workspace adds to them in ``spbe.yaml`` (``duplicates: {aliases, synonyms, fillers, places,
national_functions}``) without forking the package.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from spbe_arch.errors import SpbeError

DATA = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[^\W_]+")


# the words that join the parts of a name ("Dinas Pekerjaan Umum dan Penataan Ruang", "Pejabat Pengelola
# Informasi dan Dokumentasi"): no part of what it names
LINK_WORDS = frozenset({"dan", "serta", "of", "and"})


def fold(text: str) -> str:
    """Lower case without accents: ``Sistém`` and ``sistem`` are one word. Other scripts are kept."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    """The words of ``text``, folded: runs of letters and digits."""
    return _WORD.findall(fold(text))


def raw_words(text: str) -> list[str]:
    """The words of ``text`` as written (case kept: an acronym is told by its capitals)."""
    return _WORD.findall(text)


_BRACKETED = re.compile(r"^(?P<outside>[^()]+?)\s*\((?P<inside>[^()]+)\)")


def bracketed(name: str) -> tuple[str, str] | None:
    """A name written "X (Y)", possibly with a tag after it ("Bali Satu Data (Permintaan Informasi Publik)
    [IKP]"): (X, Y), where Y most often says what X is."""
    found = _BRACKETED.match(name)
    return (found["outside"], found["inside"]) if found else None


def compact(text: str) -> str:
    """Letters and digits only: the key under which ``SP4N-LAPOR!`` and ``sp4n lapor`` meet."""
    return "".join(words(text))


@dataclass(frozen=True)
class NationalFunction:
    """A function that a national application performs, and how a local copy of it is recognised."""

    id: str
    function: str
    national: str
    provider: str = ""
    kind: str = "nasional"
    names: tuple[str, ...] = ()
    concepts: tuple[frozenset[str], ...] = ()
    unless: frozenset[str] = frozenset()
    basis: str = ""  # the regulation that designates the application (empty: to be confirmed)

    @cached_property
    def concept_words(self) -> frozenset[str]:
        """Every word of its concept sets."""
        return frozenset(w for group in self.concepts for w in group)

    @cached_property
    def provider_short_names(self) -> frozenset[str]:
        """The provider's short names as an inventory writes them beside the application (SIRUP LKPP,
        e-Kinerja BKN): the words of its name written in capitals (LKPP, BKN, ANRI, PANRB)."""
        return frozenset(w.casefold() for w in re.findall(r"[A-Za-z]+", self.provider)
                         if len(w) >= 3 and w.isupper())


@dataclass(frozen=True)
class LocalFunction:
    """A function that many OPDs build an application for (presensi, JDIH, antrean): two applications
    of different OPDs that perform the same strong one are evidence of a functional duplicate."""

    id: str
    function: str  # as the document names it, in Indonesian
    en: str
    strong: bool = True  # a weak function (dashboard, monitoring) is too general to count alone
    concepts: tuple[frozenset[str], ...] = ()
    unless: frozenset[str] = frozenset()
    affairs: tuple[frozenset[str], ...] = ()  # what the name of the OPD whose affairs it is says (kepegawaian)
    institution: bool = False  # what an institution is (puskesmas, rumah sakit): a website of it is its own site
    view: bool = False  # shows other systems' data (dashboard, monitoring): a name holding it is a view, not the system
    within: str | None = None  # the more general function it is a kind of (a digital library: a library)

    def kin(self, other: LocalFunction) -> bool:
        """One is a kind of the other (a digital library and a library named by no kind): neither one
        function nor two."""
        return self.within == other.id or other.within == self.id

    @cached_property
    def concept_words(self) -> frozenset[str]:
        """Every word of its concept sets."""
        return frozenset(w for group in self.concepts for w in group)


@dataclass(frozen=True)
class Triggers:
    """Positions of table entries by one word of each of their concept sets; ``always``: entries with an
    empty concept set, which every text holds."""

    by_word: dict[str, tuple[int, ...]]
    always: tuple[int, ...]


def triggers(concept_sets: Iterable[tuple[frozenset[str], ...]]) -> Triggers:
    by_word: dict[str, set[int]] = {}
    always: list[int] = []
    for position, concepts in enumerate(concept_sets):
        for group in concepts:
            if group:
                by_word.setdefault(min(group), set()).add(position)
            else:
                always.append(position)
    return Triggers({w: tuple(sorted(p)) for w, p in by_word.items()}, tuple(always))


def spread_over_application(values: dict[str, str], functions: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Function id -> value, where a function without a value of its own takes that of another function of
    the same national application (SIPD plans and budgets: one designation, one row serves both).
    ``functions``: (function id, national application) in table order."""
    listed = list(functions)
    by_application = {national: values[function] for function, national in listed if function in values}
    return {**{function: by_application[national] for function, national in listed if national in by_application},
            **values}


@dataclass
class Tables:
    """Every table, folded and ready for lookups."""

    acronyms: dict[str, list[str]] = field(default_factory=dict)  # compact key -> expansion words
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # synonym phrase -> concept
    fillers: frozenset[str] = frozenset()
    weak: frozenset[str] = frozenset()
    platform: frozenset[str] = frozenset()
    mobile: frozenset[str] = frozenset()  # platform words of a mobile client
    connectors: frozenset[str] = frozenset()
    stopwords: frozenset[str] = frozenset()
    vocabulary: frozenset[str] = frozenset()
    places: frozenset[tuple[str, ...]] = frozenset()
    organization_heads: frozenset[str] = frozenset()  # dinas, badan: an organization's name begins
    organization_short_forms: frozenset[str] = frozenset()  # dishub, bkd: an OPD's name written short
    central_agencies: frozenset[str] = frozenset()  # kemenkes, bkn: who runs a national application
    national_markers: frozenset[str] = frozenset()  # of those, the words that make a row a central application
    contextual: dict[str, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict)  # ikm: (when, means)
    functions: tuple[NationalFunction, ...] = ()
    roles: tuple[LocalFunction, ...] = ()  # local functions (functions.yaml), after the national ones

    @cached_property
    def acronyms_by_expansion(self) -> dict[frozenset[str], list[str]]:
        """The acronyms by the set of words they spell out, in key order: an organization's usual short
        names are looked up once per organization, not by reading the whole table."""
        index: dict[frozenset[str], list[str]] = {}
        for key in sorted(self.acronyms):
            index.setdefault(frozenset(self.acronyms[key]), []).append(key)
        return index

    @cached_property
    def function_words(self) -> frozenset[str]:
        """Words that say a function: of the concept sets of the national and local functions, and of the
        synonym phrases that map to them (rumah sakit, perjalanan dinas, informasi publik), with the
        fillers and weak words such a phrase needs."""
        entries: list[NationalFunction | LocalFunction] = [*self.functions, *self.roles]
        concepts = {c for entry in entries for group in entry.concepts for c in group}
        found = {w for c in concepts for w in c.split()}
        found.update(w for phrase, concept in self.phrases.items() if concept in concepts for w in phrase)
        return frozenset(found)

    @cached_property
    def national_name_index(self) -> dict[str, list[tuple[NationalFunction, tuple[str, ...], str]]]:
        """National application names by their first word (with and without its fillers) and by their letters
        written together."""
        index: dict[str, list[tuple[NationalFunction, tuple[str, ...], str]]] = {}
        for function in self.functions:
            for name in function.names:
                phrase = tuple(name.split())
                if not phrase:
                    continue
                entry = (function, phrase, "".join(phrase))
                index.setdefault(phrase[0], []).append(entry)
                if entry[2] != phrase[0]:
                    index.setdefault(entry[2], []).append(entry)
                spelt = [w for w in phrase if w not in self.fillers]  # "keuangan desa" of "sistem keuangan desa"
                if spelt and spelt[0] != phrase[0]:
                    index.setdefault(spelt[0], []).append(entry)
        return index

    @cached_property
    def concepts_of_national(self) -> dict[str, frozenset[str]]:
        """National application -> the concept words of every function it performs (SIPD plans, budgets
        and keeps the accounts): a word of any of them beside its name names one of its modules."""
        found: dict[str, set[str]] = {}
        for function in self.functions:
            found.setdefault(function.national, set()).update(function.concept_words)
        return {national: frozenset(words_) for national, words_ in found.items()}

    @cached_property
    def function_positions(self) -> dict[NationalFunction, int]:
        """Each national function's place in the table: first match wins, so order is priority."""
        positions: dict[NationalFunction, int] = {}
        for position, function in enumerate(self.functions):
            positions.setdefault(function, position)
        return positions

    @cached_property
    def function_triggers(self) -> Triggers:
        """National functions by a word each of their concept sets needs: only those are tried."""
        return triggers(f.concepts for f in self.functions)

    @cached_property
    def role_triggers(self) -> Triggers:
        """Local functions by a word each of their concept sets needs: only those are tried."""
        return triggers(r.concepts for r in self.roles)

    @cached_property
    def refinements(self) -> dict[str, tuple[LocalFunction, ...]]:
        """Local function id -> the narrower ones with affairs: each of whose concept sets adds words to
        one of its own (pembelajaran siswa to pembelajaran)."""
        found: dict[str, tuple[LocalFunction, ...]] = {}
        for role in self.roles:
            narrower = tuple(other for other in self.roles if other.id != role.id and other.affairs and all(
                any(group < wider for group in role.concepts) for wider in other.concepts))
            if narrower:
                found[role.id] = narrower
        return found

    @cached_property
    def view_words(self) -> frozenset[str]:
        """Words of the local functions that show data kept elsewhere (dashboard, monitoring): a name
        holding one is a view on a function's data, not the system that performs it."""
        # a word that says a view alone (monitoring), not one that does only beside it (evaluasi: an evaluation
        # is a job)
        return frozenset(w for role in self.roles if role.view for group in role.concepts if len(group) == 1
                         for w in group)

    @cached_property
    def standalone_words(self) -> frozenset[str]:
        """Known words that say something standing alone: not those the tables know only inside a longer
        phrase or an acronym's expansion ("sipil" of "pencatatan sipil": the name SIPIL says no job)."""
        alone: set[str] = set(self.fillers | self.weak | self.platform | self.connectors | self.vocabulary)
        alone.update(self.acronyms)
        alone.update(phrase[0] for phrase in self.phrases if len(phrase) == 1)
        alone.update(self.phrases.values())
        for groups in [f.concepts for f in self.functions] + [r.concepts for r in self.roles]:
            alone.update(w for group in groups for w in group)
        return frozenset(alone)

    @cached_property
    def known_words(self) -> frozenset[str]:
        """Words the tables name, alone or inside a phrase, an acronym's expansion or an exception: a typo
        is never 'corrected' from one of these into another."""
        known = set(self.standalone_words)
        for expansion in self.acronyms.values():
            known.update(expansion)
        for phrase in self.phrases:
            known.update(phrase)
        for unless in [f.unless for f in self.functions] + [r.unless for r in self.roles]:
            known.update(unless)
        return frozenset(known)


def read_table(name: str) -> dict[str, Any]:
    """A shipped table of ``data/`` (aliases.yaml, function_rab.yaml, ...) as a mapping."""
    loaded = yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    if not isinstance(loaded, dict):  # pragma: no cover - shipped data
        raise SpbeError(f"duplicates table {name} is not a mapping")
    return loaded


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(words(text))


def _concept(text: str) -> str:
    return " ".join(words(text))


def _function(raw: dict[str, Any]) -> NationalFunction:
    return NationalFunction(
        id=str(raw["id"]),
        function=str(raw["function"]),
        national=str(raw["national"]),
        provider=str(raw.get("provider") or ""),
        kind=str(raw.get("kind") or "nasional"),
        names=tuple(" ".join(words(str(n))) for n in raw.get("names") or []),
        concepts=tuple(frozenset(_concept(str(w)) for w in group) for group in raw.get("concepts") or []),
        unless=frozenset(_concept(str(w)) for w in raw.get("unless") or []),
        basis=str(raw.get("basis") or ""),
    )


def _role(raw: dict[str, Any]) -> LocalFunction:
    return LocalFunction(
        id=str(raw["id"]),
        function=str(raw["function"]),
        en=str(raw.get("en") or raw["function"]),
        strong=str(raw.get("strength") or "strong") != "weak",
        concepts=tuple(frozenset(_concept(str(w)) for w in group) for group in raw.get("concepts") or []),
        unless=frozenset(_concept(str(w)) for w in raw.get("unless") or []),
        affairs=tuple(frozenset(_concept(str(w)) for w in group) for group in raw.get("affairs") or []),
        institution=bool(raw.get("institution", False)),
        view=bool(raw.get("view", False)),
        within=str(raw["within"]) if raw.get("within") else None,
    )


def _build(aliases: dict[str, Any], word_lists: dict[str, Any], places: list[str],
           functions: list[dict[str, Any]], roles: list[dict[str, Any]] | None = None) -> Tables:
    tables = Tables()
    for key, expansion in (aliases.get("acronyms") or {}).items():
        tables.acronyms[compact(str(key))] = words(str(expansion))
    for concept, variants in (aliases.get("synonyms") or {}).items():
        canonical = _concept(str(concept))
        tables.phrases[_phrase(str(concept))] = canonical
        for variant in variants or []:
            phrase = _phrase(str(variant))
            if phrase:
                tables.phrases[phrase] = canonical
    tables.fillers = frozenset(_concept(str(w)) for w in word_lists.get("fillers") or [])
    tables.weak = frozenset(_concept(str(w)) for w in word_lists.get("weak") or [])
    tables.mobile = frozenset(_concept(str(w)) for w in word_lists.get("mobile") or [])
    tables.platform = frozenset(_concept(str(w)) for w in word_lists.get("platform") or []) | tables.mobile
    tables.connectors = frozenset(_concept(str(w)) for w in word_lists.get("connectors") or [])
    tables.stopwords = frozenset(_concept(str(w)) for w in word_lists.get("stopwords") or [])
    tables.vocabulary = frozenset(_concept(str(w)) for w in word_lists.get("vocabulary") or [])
    tables.places = frozenset(p for p in (_phrase(str(x)) for x in places) if p)
    tables.organization_heads = frozenset(_concept(str(w)) for w in word_lists.get("organization_heads") or [])
    tables.contextual = {compact(str(key)): (frozenset(_concept(str(w)) for w in entry.get("when") or []),
                                             tuple(str(entry.get("means") or "").split()))
                         for key, entry in (word_lists.get("contextual_acronyms") or {}).items()}
    tables.organization_short_forms = frozenset(compact(str(w))
                                                for w in word_lists.get("organization_short_forms") or [])
    tables.central_agencies = frozenset(compact(str(w)) for w in word_lists.get("central_agencies") or [])
    tables.national_markers = tables.central_agencies - {compact(str(w)) for w in word_lists.get("shared_with_opds")
                                                         or []}
    from spbe_arch.duplicates.registry import basis_by_function

    # one application, several functions (SIPD plans and budgets): its designation covers each of them
    basis = spread_over_application(basis_by_function(), ((str(f["id"]), str(f.get("national"))) for f in functions))
    # Aplikasi Umum status is asserted only for an application whose registry entry cites its designation
    tables.functions = tuple(_function({**f, "basis": basis.get(str(f["id"]), ""),
                                        "kind": f.get("kind") if str(f["id"]) in basis else "nasional"})
                             for f in functions)
    # an institution (rumah sakit, puskesmas, desa) is read last: in "e-Aset RSUD" or "LMS Diklat RSUD" the
    # institution says whose application it is, and the other function says what it does
    tables.roles = tuple(sorted((_role(r) for r in roles or []), key=lambda role: role.institution))
    return tables


@lru_cache(maxsize=1)
def _shipped_raw() -> tuple[dict[str, Any], dict[str, Any], list[str], list[dict[str, Any]], list[dict[str, Any]]]:
    aliases = read_table("aliases.yaml")
    word_lists = read_table("words.yaml")
    places = [str(p) for p in read_table("places.yaml").get("places") or []]
    functions = list(read_table("national_functions.yaml").get("functions") or [])
    roles = list(read_table("functions.yaml").get("functions") or [])
    return aliases, word_lists, places, functions, roles


@lru_cache(maxsize=1)
def shipped_tables() -> Tables:
    """The tables as shipped in the package, without any workspace addition."""
    return _build(*_shipped_raw())


def build_tables(extra_aliases: dict[str, str] | None = None,
                 extra_synonyms: dict[str, list[str]] | None = None,
                 extra_fillers: list[str] | None = None,
                 extra_places: list[str] | None = None,
                 extra_functions: list[dict[str, Any]] | None = None,
                 extra_roles: list[dict[str, Any]] | None = None) -> Tables:
    """The shipped tables with additions; a national or local function with a shipped id replaces it."""
    if not any((extra_aliases, extra_synonyms, extra_fillers, extra_places, extra_functions, extra_roles)):
        return shipped_tables()
    aliases, word_lists, places, functions, roles = _shipped_raw()
    merged_aliases = {
        "acronyms": {**(aliases.get("acronyms") or {}), **(extra_aliases or {})},
        "synonyms": {**(aliases.get("synonyms") or {})},
    }
    for concept, variants in (extra_synonyms or {}).items():
        merged_aliases["synonyms"][concept] = [*(merged_aliases["synonyms"].get(concept) or []), *variants]
    merged_words = {**word_lists, "fillers": [*(word_lists.get("fillers") or []), *(extra_fillers or [])]}
    by_id = {str(f["id"]): f for f in functions}
    for function in extra_functions or []:
        by_id[str(function["id"])] = function
    roles_by_id = {str(r["id"]): r for r in roles}
    for role in extra_roles or []:
        roles_by_id[str(role["id"])] = role
    return _build(merged_aliases, merged_words, [*places, *(extra_places or [])], list(by_id.values()),
                  list(roles_by_id.values()))
