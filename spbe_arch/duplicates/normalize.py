"""Names and descriptions as Indonesian inventories write them, reduced to the words of a function.

"e-Presensi Pegawai BKPSDM", "Absensi Online Dinkes" and "Sistem Informasi Kehadiran Kab. Pasuruan"
become ``presensi (pegawai)``: case, accents and punctuation folded; typos corrected against the
workspace's own vocabulary; organization and place names removed; acronyms expanded through the alias
table; synonyms mapped to one concept; filler words dropped. Each remaining word carries a factor:
words shared by many functions (``pelayanan``) and unexplained acronyms beside real words weigh less,
because a shared acronym is weak evidence (two unrelated applications are both called SIMAK).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from spbe_arch.duplicates.tables import LINK_WORDS, Tables, bracketed, compact, fold, raw_words, words
from spbe_arch.stemming import is_indonesian_word

WEAK_FACTOR = 0.4
LITERAL_ACRONYM_FACTOR = 0.35
SPELT_FACTOR = 0.7
BESIDE_WORDS_FACTOR = 0.7  # a known acronym beside other words: expanded, but the words say more
ACRONYM_PREFIXES = ("sim", "sis", "si", "e")
_VOWEL = re.compile("[aiueo]")
_PREFIXES = ("meng", "meny", "peng", "peny", "mem", "men", "pem", "pen", "per", "ber", "ter", "me", "pe", "di",
             "ke", "se")
_SUFFIXES = ("nya", "kan", "an")
_MIN_STEM = 5
PLATFORM_LETTERS = "emi"  # e-SKP, eKinerja, i-Kinerja, mPaspor: a letter for the platform before the name
_CAMEL_PREFIX = re.compile(rf"(?<![^\W\d_])([{PLATFORM_LETTERS}])(?=[A-Z])")
_VERSION = re.compile(r"^(v|ver)?\d+[a-z]?$")
_CAMEL_WORD = re.compile(r"(?<![^\W\d_])[A-Za-z][a-z]+(?:[A-Z][a-z]+)+(?![^\W\d_])")  # AbsensiOnline, MyHospital
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+")
_JOIN_PREFIXES = frozenset({"e", "m", "i", "si", "sim", "my", "go"})
PHRASE_SLACK = 3  # words read past a description's limit, for a phrase the limit would cut
_DIRECTIONS = frozenset({"utara", "selatan", "barat", "timur", "tengah"})
_MIN_TYPO_LENGTH = 6
CAPITALS_NAME = 3  # words of a name in capitals that make it a name, not a run of acronyms
EXPLAINED_NAME = 2  # words beside an acronym that say what the application is
_TYPO_CUTOFF = 85.0


@dataclass(frozen=True)
class NormalName:
    """A name reduced to weighted concept words, with what was done to it (for the evidence)."""

    weights: dict[str, float]
    expanded: tuple[str, ...] = ()  # acronyms expanded through the table, as written
    acronym_only: bool = False
    tokens: tuple[str, ...] = ()  # the words as written, folded, without organization and place names
    acronyms: frozenset[str] = frozenset()  # those of them written as acronyms (not a name in capitals' words)

    @property
    def key(self) -> str:
        """Equal for two names made of the same concept words, whatever their order."""
        return " ".join(sorted(self.weights))


@lru_cache(maxsize=65536)
def looks_like_acronym(raw: str) -> bool:
    letters = [c for c in raw if c.isalpha()]
    if len(letters) < 2:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper == len(letters) or upper >= 2


def _lengths_by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """For each first word, the lengths of the phrases it starts, longest first: matching tries only those."""
    found: dict[str, set[int]] = {}
    for phrase in phrases:
        if phrase:
            found.setdefault(phrase[0], set()).add(len(phrase))
    return {w: tuple(sorted(n, reverse=True)) for w, n in found.items()}


def _spelt_in(acronym: str, name: str) -> bool:
    """Whether the name already writes the acronym, as one word or as adjacent words (e-Office)."""
    key = "".join(words(acronym))
    tokens = words(name)
    return any("".join(tokens[i:j]) == key
               for i in range(len(tokens)) for j in range(i + 1, min(i + 4, len(tokens) + 1)))


def _spelt_in_brackets(name: str, acronyms: Iterable[str]) -> frozenset[str]:
    """The acronyms a name spells out in its own brackets, "e-SKP (Surat Keterangan Penelitian)": what the
    name says they stand for, not what the tables would expand them to (Sasaran Kinerja Pegawai)."""
    found = bracketed(name)
    if found is None:
        return frozenset()
    outside, inside = compact(found[0]), words(found[1])
    return frozenset(a for a in acronyms if a in outside and spells(a, inside))


MIN_BARE = 3


def spells(acronym: str, words_: Sequence[str]) -> bool:
    """Whether the words spell the acronym out, with or without the letter of its platform before it
    (e-SKP: "Surat Keterangan Penelitian")."""
    bare = acronym[1:] if acronym[:1] in PLATFORM_LETTERS and len(acronym) > MIN_BARE else acronym
    return abbreviates(acronym, words_) or abbreviates(bare, words_)


def abbreviates(acronym: str, words_: Sequence[str]) -> bool:
    """Whether the acronym is made of the starts of consecutive words: SIMAK of "sistem informasi
    manajemen akademik" (si-m-ak), so that the name explains its acronym itself. A joining word (dan) may
    be left out, and one other word: more, and any long name spelt an acronym (SIINas of "Sistem
    Informasi Ijin Air Tanah SI-BANYU", si-in-a-s)."""
    words_ = [w for w in words_ if w.isalpha()]

    def match(position: int, word: int, skipped: bool) -> bool:
        if position == len(acronym):
            return word > 0
        for index in range(word, min(word + 2, len(words_))):  # a word may be skipped (dan, and)
            skips = skipped
            if index > word:
                if word == 0:
                    break
                if words_[word] not in LINK_WORDS:
                    if skipped:
                        break
                    skips = True
            candidate = words_[index]
            for length in range(min(len(candidate), 4), 0, -1):
                if acronym.startswith(candidate[:length], position) and match(position + length, index + 1, skips):
                    return True
        return False

    return len(acronym) >= 3 and bool(words_) and match(0, 0, False)


def _drop(word: str) -> bool:
    return bool(_VERSION.match(word)) or (len(word) < 2 and word.isascii())


def _phrase_at(weighted: Sequence[tuple[str, float]], start: int, n: int,
               phrases: Mapping[tuple[str, ...], str]) -> tuple[int, str] | None:
    """The phrase of ``n`` words that starts at ``start``, as written or with the conjunctions inside it
    skipped: where it ends and its concept; None when neither is a phrase."""
    written = tuple(w for w, _ in weighted[start:start + n])
    if len(written) == n and written in phrases:
        return start + n, phrases[written]
    taken, end = 0, start
    while end < len(weighted) and taken < n:
        if weighted[end][0] not in LINK_WORDS or taken == 0:
            taken += 1
        end += 1
    if taken < n or end - start == n:
        return None
    concept = phrases.get(tuple(w for w, _ in weighted[start:end] if w not in LINK_WORDS))
    return None if concept is None else (end, concept)


@dataclass
class Normaliser:
    """Normalises the texts of one workspace: its organizations and places, its vocabulary."""

    tables: Tables
    removable: frozenset[tuple[str, ...]] = frozenset()  # organization and place phrases
    corrections: dict[str, str] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()  # every word the workspace writes, for joining e + office
    _removable_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _phrase_lengths: dict[str, tuple[int, ...]] = field(default_factory=dict)
    spellable: frozenset[str] = frozenset()
    surface: dict[str, str] = field(default_factory=dict)  # stem -> the shortest word written for it
    # a word no description writes in plain or title case -> as written (SATUSEHAT, eKinerja), for showing
    written: dict[str, str] = field(default_factory=dict)
    _plain: set[str] = field(default_factory=set)
    _spellable_sorted: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._removable_lengths = _lengths_by_first_word(self.removable)
        self._phrase_lengths = _lengths_by_first_word(self.tables.phrases)
        self._phrase_pairs = frozenset(p[i:i + 2] for p in self.tables.phrases for i in range(len(p) - 1))
        self._names: dict[tuple[str, str | None], NormalName] = {}
        self._descriptions: dict[tuple[str, bool, int | None], dict[str, float]] = {}
        self._kept: dict[tuple[tuple[str, ...], frozenset[str], frozenset[str]], NormalName] = {}
        tables = self.tables
        spellable = set(tables.vocabulary) | {w for p in tables.phrases for w in p if len(w) >= 4}
        spellable |= {c for c in tables.phrases.values() if " " not in c}
        spellable |= set(tables.weak)
        self.spellable = frozenset(w for w in spellable - tables.fillers if w.isalpha())
        self._spellable_sorted = sorted(self.spellable)
        # words of a sentence (secara, sebagai, yang) in a name that reads like one ("Perijinan secara
        # online"); those that belong to a phrase of the tables (satu data) or are an acronym stay
        phrase_words = {w for p in tables.phrases for w in p}
        self._name_stopwords = tables.stopwords - phrase_words - frozenset(tables.acronyms) - tables.vocabulary
        # names a table knows whole (SatuSehat, SiCantik): never read apart at their capitals
        self._whole_names = frozenset(tables.acronyms) | {compact(n) for f in tables.functions for n in f.names}

    # -- the steps ----------------------------------------------------------------------------
    def _correct(self, tokens: list[str], keep: set[str] | frozenset[str] = frozenset()) -> list[str]:
        if not self.corrections:
            return tokens
        return [t if t in keep else self.corrections.get(t, t) for t in tokens]

    def _join(self, tokens: list[str], acronyms: set[str]) -> list[str]:
        """``e office`` -> ``eoffice`` and ``si panda`` -> ``sipanda`` when the joined word is known."""
        out: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if i + 1 < len(tokens) and (token in _JOIN_PREFIXES or len(token) <= 2):
                joined = token + tokens[i + 1]
                if joined in self.tables.acronyms or joined in self.vocabulary:
                    if token in acronyms or tokens[i + 1] in acronyms:
                        acronyms.add(joined)
                    out.append(joined)
                    i += 2
                    continue
            out.append(token)
            i += 1
        return out

    def _remove_phrases(self, tokens: list[str]) -> list[str]:
        lengths = self._removable_lengths
        if not lengths:
            return tokens
        out: list[str] = []
        i = 0
        while i < len(tokens):
            for n in lengths.get(tokens[i], ()):
                if i + n <= len(tokens) and tuple(tokens[i:i + n]) in self.removable:
                    i += n
                    if i < len(tokens) and tokens[i] in _DIRECTIONS:
                        i += 1  # Konawe Selatan, Kolaka Utara: a place's direction is the place's
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def _remove_organizations(self, tokens: list[str]) -> list[str]:
        """Without the organizations a name mentions that the workspace does not know by that name: an
        OPD's short form anywhere (Dishub), and from a word that opens an organization's name (Dinas,
        Badan) to the end, unless that word belongs to a phrase (perjalanan dinas) or opens the name."""
        heads, short, pairs = self.tables.organization_heads, self.tables.organization_short_forms, self._phrase_pairs
        kept = [t for t in tokens if t not in short]
        for i in range(1, len(kept)):
            if kept[i] in heads and tuple(kept[i - 1:i + 1]) not in pairs and tuple(kept[i:i + 2]) not in pairs:
                return kept[:i]
        return kept

    def _synonyms(self, weighted: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
        """Phrases replaced by their concept. A phrase is matched with or without the conjunctions a
        name writes inside it: "Pejabat Pengelola Informasi dan Dokumentasi" is the phrase "pejabat
        pengelola informasi dokumentasi"."""
        phrases = self.tables.phrases
        lengths = self._phrase_lengths
        out: list[tuple[str, float]] = []
        i = 0
        while i < len(weighted):
            for n in lengths.get(weighted[i][0], ()):
                found = _phrase_at(weighted, i, n, phrases)
                if found is not None:
                    i, concept = found
                    out.append((concept, 1.0))
                    break
            else:
                out.append(weighted[i])
                i += 1
        return out

    def _finish(self, weighted: Iterable[tuple[str, float]]) -> dict[str, float]:
        tables = self.tables
        result: dict[str, float] = {}
        for word, factor in weighted:
            if word in tables.fillers or _drop(word):
                continue
            if word in tables.weak:
                factor = min(factor, WEAK_FACTOR)
            if factor > result.get(word, 0.0):
                result[word] = factor
        return result

    # -- names ----------------------------------------------------------------------------------
    def raw_tokens(self, name: str, acronym: str | None = None) -> tuple[list[str], set[str]]:
        """Folded, corrected and joined words of a name without organization and place names, and the
        words written as acronyms. A name that is only an organization or a place is kept whole."""
        text = name
        if acronym and not _spelt_in(acronym, name):
            text = f"{name} ({acronym})"
        text = _CAMEL_PREFIX.sub(r"\1 ", text)
        text = _CAMEL_WORD.sub(self._split_camel, text)
        written = raw_words(text)
        acronyms = {fold(w) for w in written if looks_like_acronym(w)}
        if len(written) >= CAPITALS_NAME and acronyms >= {fold(w) for w in written if any(c.isalpha() for c in w)}:
            # a name written in capitals ("SISTEM INFORMASI MANAJEMEN TABUNGAN"): its words of the language
            # are words, not acronyms
            acronyms = {a for a in acronyms if a in self.tables.acronyms or not (
                is_indonesian_word(a) or a in self.tables.fillers or a in self.tables.vocabulary)}
        if acronym:  # the acronym field: its words that look like acronyms, and itself if it does
            raw = raw_words(acronym)
            acronyms.update(fold(w) for w in raw if looks_like_acronym(w) or (len(raw) == 1 and len(w) > 1))
        # an ASCII text folds word by word as it folds whole (accents may split words: fold the whole)
        folded = [w.lower() for w in written] if text.isascii() else words(text)
        tokens = self._in_context([t for t in folded if not _VERSION.match(t) or t in self.tables.acronyms])
        kept = self._remove_organizations(self._remove_phrases(tokens))
        kept = [t for t in kept if t not in self._name_stopwords or t in acronyms]
        if not any(t not in self.tables.fillers for t in kept if not _drop(t)):
            kept = tokens
        return self._join(self._correct(kept, acronyms), acronyms), acronyms

    def _split_camel(self, match: re.Match[str]) -> str:
        """Words joined by their capitals ("AbsensiOnline", "MyHospital") are read apart when every part is
        a word the language or the tables know; a brand ("SiCantik", "JakLingko") stays one word."""
        written = match.group()
        parts = _CAMEL_PART.findall(written)
        if parts[0].lower() in ACRONYM_PREFIXES:
            return written  # SiPintar, SimPeg: the acronym readers above spell these out
        if compact(written) in self._whole_names:
            return written
        known = self.tables.known_words
        for part in (p.lower() for p in parts):
            if len(part) < 2 or not (part in _JOIN_PREFIXES or part in known or is_indonesian_word(part)):
                return written
        if parts[0].lower() in _JOIN_PREFIXES:  # "My" in MyHospital says the platform, as "e" in e-Office
            parts = parts[1:]
        return " ".join(parts)

    def _in_context(self, tokens: list[str]) -> list[str]:
        """An acronym of two meanings spelt out where another word of the name says which ("Survei IKM
        Online": indeks kepuasan masyarakat); left as written elsewhere."""
        contextual = self.tables.contextual
        if not contextual or contextual.keys().isdisjoint(tokens):
            return tokens
        present = set(tokens)
        out: list[str] = []
        for token in tokens:
            when, means = contextual.get(token, (frozenset(), ()))
            out.extend(means if means and not when.isdisjoint(present) else (token,))
        return out

    def spell_out(self, acronym: str) -> list[str] | None:
        """The words an unknown syllable acronym spells: SIKEU -> keuangan, SIHADIR -> hadir,
        SIPBB -> pajak bumi bangunan.

        Indonesian acronyms often join a prefix (si, sim, e) to a known acronym or to the first syllables
        of one word. The rest must be a known acronym, a known word or the start of exactly one known
        word, and at least three letters long.
        """
        for prefix in ACRONYM_PREFIXES:
            rest = acronym[len(prefix):]
            if not acronym.startswith(prefix) or len(rest) < 3:
                continue
            if rest in self.tables.acronyms:
                return self.tables.acronyms[rest]
            if rest in self.spellable:
                return [rest]
            # the start of a word is a syllable (keu-, hadir); letters without a vowel (EPPD: ppd) are an
            # acronym's, and the start of another acronym (PPDB) says nothing
            found = self._spelled_by_prefix(rest) if _VOWEL.search(rest) else None
            if found is not None:
                return [found]
        return None

    def _spelled_by_prefix(self, rest: str) -> str | None:
        words_ = self._spellable_sorted
        start = bisect_left(words_, rest)
        matches = []
        for word in words_[start:]:
            if not word.startswith(rest):
                break
            matches.append(word)
            if len(matches) > 1:
                return None
        return matches[0] if matches else None

    def content(self, tokens: Iterable[str]) -> list[str]:
        """The words that say what the application does: no fillers, no weak words."""
        tables = self.tables
        return [t for t in tokens if t not in tables.fillers and t not in tables.weak and not _drop(t)]

    def name(self, name: str, acronym: str | None = None) -> NormalName:
        """The name as weighted concept words (cached: inventories repeat names)."""
        key = (name, acronym)
        cached = self._names.get(key)
        if cached is None:
            cached = self._names[key] = self._name(name, acronym)
        return cached

    def _name(self, name: str, acronym: str | None) -> NormalName:
        kept, acronyms = self.raw_tokens(name, acronym)
        # names that differ only in the words removed (an OPD, a place) weigh the same: read them once
        runs = {"".join(kept[i:j]) for i in range(len(kept)) for j in range(i + 1, min(i + 3, len(kept)) + 1)}
        spelt_here = _spelt_in_brackets(name, acronyms & runs)
        key = (tuple(kept), frozenset(acronyms & runs), spelt_here)
        cached = self._kept.get(key)
        if cached is None:
            cached = self._kept[key] = self._weigh(kept, acronyms, spelt_here)
        return cached

    def _weigh(self, kept: list[str], acronyms: set[str], spelt_here: frozenset[str] = frozenset()) -> NormalName:
        content = self.content(kept)
        acronym_only = bool(content) and all(t in acronyms for t in content)
        # a name that says what it is in words of its own ("SIMADU SMA (Sistem Informasi Mutasi Siswa)") is
        # not guessed from the syllables of its acronym (sim-adu: aduan)
        explained = sum(1 for t in content if t not in acronyms) >= EXPLAINED_NAME
        aliases = self.tables.acronyms
        weighted: list[tuple[str, float]] = []
        expanded: list[str] = []
        i = 0
        while i < len(kept):
            for n in (3, 2, 1):
                if i + n > len(kept):
                    continue
                key = "".join(kept[i:i + n])
                if key not in aliases:
                    continue
                written_as_acronym = any(t in acronyms for t in kept[i:i + n]) or key in acronyms
                others = kept[:i] + kept[i + n:]
                if written_as_acronym and not acronym_only and (abbreviates(key, others) or key in spelt_here):
                    weighted.append((key, LITERAL_ACRONYM_FACTOR))  # the name spells it out itself
                else:
                    if written_as_acronym:
                        expanded.append(key)
                    factor = 1.0 if acronym_only or not written_as_acronym else BESIDE_WORDS_FACTOR
                    weighted.extend((w, factor) for w in self._remove_phrases(aliases[key]))
                i += n
                break
            else:
                token = kept[i]
                literal = token in acronyms and not acronym_only
                weighted.append((token, LITERAL_ACRONYM_FACTOR if literal else 1.0))
                spelt = self.spell_out(token) if token in acronyms and token not in self.spellable \
                    and not explained else None
                weighted.extend((w, SPELT_FACTOR) for w in spelt or ())
                i += 1
        # a word of a sentence left once the phrases are read ("Pengadaan Secara Elektronik" is one)
        stopwords = self.tables.stopwords
        weights = self._finish((w, f) for w, f in self._synonyms(weighted) if w not in stopwords or w in acronyms)
        return NormalName(weights, tuple(dict.fromkeys(expanded)), acronym_only, tuple(kept),
                          frozenset(acronyms.intersection(kept)))

    # -- descriptions ---------------------------------------------------------------------------
    def description(self, text: str | None, expand: bool = True, limit: int | None = None) -> dict[str, float]:
        """Concept words of a description (stop words dropped, stemmed); aliases expanded unless told
        not to; only the first ``limit`` words when given (what the application is, not what it touches)."""
        if not text:
            return {}
        key = (text, expand, limit)
        cached = self._descriptions.get(key)
        if cached is None:
            cached = self._descriptions[key] = self._description(text, expand, limit)
        return cached

    def _description(self, text: str, expand: bool, limit: int | None) -> dict[str, float]:
        tables = self.tables
        self._note_written(text)
        tokens = self._join(self._correct(self._remove_phrases(words(text))), set())
        if limit is not None:
            # a few words more than the limit, so that a phrase it cuts (barang milik daerah) is read whole
            tokens = [t for t in tokens if t not in tables.stopwords and t not in tables.fillers][:limit + PHRASE_SLACK]
        weighted: list[tuple[str, float]] = []
        for token in tokens:
            if token in tables.stopwords:
                continue
            expansion = tables.acronyms.get(token) if expand else None
            if expansion is not None:
                weighted.extend((w, 1.0) for w in expansion)
            else:
                weighted.append((token, 1.0))
        known = tables.known_words
        read = self._synonyms(weighted)
        result = self._finish(read[:limit] if limit is not None else read)
        stemmed: dict[str, float] = {}
        for word, factor in result.items():
            if (len(word) < 3 and word.isascii()) or word in tables.stopwords:
                continue
            stem = word if word in known or " " in word else stem_word(word)
            stemmed[stem] = max(stemmed.get(stem, 0.0), factor)
            shown = self.surface.get(stem)
            if shown is None or (len(word), word) < (len(shown), shown):
                self.surface[stem] = word
        return stemmed

    def _note_written(self, text: str) -> None:
        """How the description writes its words: a word shown to a reader keeps the case it is written
        in (SATUSEHAT) unless some description writes it as an ordinary word (sipil, Sipil)."""
        for written in raw_words(text):
            folded = written.casefold()
            if written in (folded, written.capitalize()):
                self._plain.add(folded)
                self.written.pop(folded, None)
            elif folded not in self._plain:
                self.written.setdefault(folded, written)


def stem_word(word: str) -> str:
    """A light Indonesian stem, so that descriptions meet: pencatatan, mencatat -> catat.

    Strips one suffix and up to two prefixes, never below five letters. Crude but consistent, which
    is all a comparison needs; words of the tables are never stemmed.
    """
    if not word.isalpha() or not word.isascii():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            break
    for _ in range(2):
        for prefix in _PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
                word = word[len(prefix):]
                break
        else:
            break
    return word


def typo_corrections(counts: Counter[str], known: frozenset[str]) -> dict[str, str]:
    """Map rare misspellings to the word they misspell: a known word, or one written far more often.

    Only words of six letters or more are corrected, into a word with the same first two letters and a
    rapidfuzz ratio of at least 85; two known words are never merged, so `perumahan` stays itself, and
    a word of the language is not a misspelling (`presentasi` is not `presensi`).
    """
    from rapidfuzz import fuzz, process

    targets_by_prefix: dict[str, list[str]] = {}
    for word, count in counts.items():
        if len(word) >= _MIN_TYPO_LENGTH - 1 and (word in known or count >= 2) and word.isalpha():
            targets_by_prefix.setdefault(word[:2], []).append(word)
    for word in known:
        if len(word) >= _MIN_TYPO_LENGTH - 1 and word not in counts and word.isalpha():
            targets_by_prefix.setdefault(word[:2], []).append(word)
    for bucket in targets_by_prefix.values():
        bucket.sort()
    corrections: dict[str, str] = {}
    for word, count in sorted(counts.items()):
        if word in known or len(word) < _MIN_TYPO_LENGTH or not word.isalpha() or is_indonesian_word(word):
            continue
        bucket = targets_by_prefix.get(word[:2], [])
        candidates = [
            t for t in bucket
            if t != word and abs(len(t) - len(word)) <= 2 and (t in known or counts.get(t, 0) >= 2 * count)
        ]
        if not candidates:
            continue
        best = process.extractOne(word, candidates, scorer=fuzz.ratio, score_cutoff=_TYPO_CUTOFF)
        if best is not None:
            corrections[word] = best[0]
    for word, target in list(corrections.items()):  # follow chains: a -> b -> c becomes a -> c
        seen = {word}
        while target in corrections and target not in seen:
            seen.add(target)
            target = corrections[target]
        corrections[word] = target
    return corrections
