"""Which national application performs an application's function, and whether it is that application.

Used by the duplicate finder (a local copy of a national application is reported even when no second
local copy exists) and by rule AP015.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import TypeVar

from spbe_arch.duplicates.tables import LocalFunction, NationalFunction, Tables, Triggers


def function_of(concepts: Collection[str], tables: Tables, written: Collection[str] = ()) -> NationalFunction | None:
    """The first national function whose concept set the words hold, unless a word (of the concepts or
    as written, before acronyms were expanded: BLUD) marks another."""
    return _first_held(tables.functions, tables.function_triggers, concepts, written)


def national_applications_held(concepts: Collection[str], tables: Tables) -> set[str]:
    """The national applications whose functions the words hold (SIPD's planning and budgeting are one):
    a text that holds several says no one function, a dashboard of "pengaduan, pendapatan, kepegawaian"."""
    present = set(concepts)
    return {entry.national for entry in tables.functions if _holds(entry, present, present)}


def role_of(concepts: Mapping[str, float], tables: Tables, written: Collection[str] = (),
            explained: Collection[str] = ()) -> LocalFunction | None:
    """The local function (presensi, JDIH, antrean) whose concept set the words hold, unless a word marks
    another function. Where the words hold two, the one said first: an Indonesian name puts its head
    first ("Absensi Kehadiran Anggota DPRD Rapat Paripurna" is attendance, at meetings), unless brackets
    explain it (``explained``: "Bali Satu Data (Permintaan Informasi Publik)" answers information
    requests); an institution's function (rumah sakit) is still read after every other. ``concepts``
    are a name's (or a description's) weighted words, in the order it says them."""
    held = _all_held(tables.roles, tables.role_triggers, concepts, written)
    if not held:
        return None
    order = {word: n for n, word in enumerate(concepts)} | {word: -1 for word in explained}
    present = set(concepts)

    def said_at(role: LocalFunction) -> int:
        return min(min(order.get(w, len(order)) for w in group) for group in role.concepts if group <= present)

    # a strong function said anywhere before a weak one said first: "Dashboard Monitoring Realisasi
    # Anggaran" is the monitoring of the budget's execution, shown on a dashboard
    return min((r for r in held if r.institution == held[0].institution), key=lambda r: (not r.strong, said_at(r)))


_Function = TypeVar("_Function", NationalFunction, LocalFunction)


def _first_held(entries: Sequence[_Function], index: Triggers, concepts: Collection[str],
                written: Collection[str]) -> _Function | None:
    """The first entry one of whose concept sets ``concepts`` holds whole, and none of whose ``unless``
    words appears among the concepts or the words as written."""
    held = _all_held(entries, index, concepts, written, first_only=True)
    return held[0] if held else None


def _all_held(entries: Sequence[_Function], index: Triggers, concepts: Collection[str],
              written: Collection[str], first_only: bool = False) -> list[_Function]:
    """The entries, in table order, one of whose concept sets ``concepts`` holds whole and none of whose
    ``unless`` words appears among the concepts or the words as written. Only entries one of whose
    concept sets has its trigger word among the concepts can hold one whole: the others are not tried."""
    present = set(concepts)
    candidates = set(index.always)
    for word in present:
        candidates.update(index.by_word.get(word, ()))
    marks = present | set(written)
    held: list[_Function] = []
    for position in sorted(candidates):
        if _holds(entries[position], present, marks):
            held.append(entries[position])
            if first_only:
                break
    return held


def _holds(entry: NationalFunction | LocalFunction, present: set[str], marks: set[str]) -> bool:
    """The words hold one of the entry's concept sets whole, and none of the marks is a word of another
    function that merely shares one (``unless``)."""
    return not entry.unless & marks and any(group <= present for group in entry.concepts)


MIN_SPELT_NAME = 2  # words of a national name without its fillers that still name it (keuangan desa)


def _contains(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    return any(tuple(tokens[i:i + n]) == tuple(phrase) for i in range(len(tokens) - n + 1))


def national_named(tokens: Sequence[str], content: Sequence[str], tables: Tables) -> NationalFunction | None:
    """The national function whose application this name names (``SRIKANDI``, ``SP4N-LAPOR! Kab.``).

    ``tokens`` are the folded words of the name, ``content`` those that say what it does; the name
    names the national application when nothing but that application's name is left in it.
    """
    present = set(tokens)
    joined = "".join(tokens)
    index = tables.national_name_index
    positions = tables.function_positions
    candidates = [entry for word in (*present, joined) for entry in index.get(word, ())]
    for function, phrase, compact_name in sorted(candidates, key=lambda e: (positions[e[0]], e[1])):
        # SIRUP LKPP, e-Kinerja BKN: the provider's short name beside the application's is still its name
        own = function.concept_words | {w for n in function.names for w in n.split()} \
            | function.provider_short_names | tables.central_agencies \
            | tables.concepts_of_national.get(function.national, frozenset())  # "SIPD Perencanaan": its module
        spelt = tuple(w for w in phrase if w not in tables.fillers)  # "Sistem Informasi Keuangan Desa"
        if joined == compact_name:
            rest = []
        elif _contains(tokens, phrase):
            rest = [t for t in content if t not in phrase]
        elif compact_name in present:
            rest = [t for t in content if t != compact_name]
        elif len(spelt) >= MIN_SPELT_NAME and tuple(t for t in tokens if t not in tables.fillers) == spelt:
            rest = []  # the name, other fillers aside; not "Layanan Administrasi Kependudukan Online"
        else:
            continue
        if not [t for t in rest if t not in own and tables.phrases.get((t,), t) not in own]:
            # "SIPD penatausahaan": a module of the national application
            return function
    return None

