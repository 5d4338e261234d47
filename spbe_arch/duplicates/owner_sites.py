"""An OPD's website listed twice: under the abbreviation of its current name and under an older or
mistyped one (desdm and distamben for Dinas Energi dan Sumber Daya Mineral, once Dinas Pertambangan
dan Energi). Indonesian OPD abbreviations are built from syllables of the OPD's name (dinkes: DINas
KESehatan; disnakertrans: DInaS teNAga KERja TRANSmigrasi), which is how a label is recognised as
naming its owner. Only rows without descriptions need this: a description says whose site it is.
"""

from __future__ import annotations

from functools import lru_cache

from spbe_arch.duplicates.tables import LINK_WORDS

VOWELS = frozenset("aeiou")
# first pieces of OPD abbreviations: the kind of body (dinas, badan, biro, ...) as abbreviations write it
OPD_PREFIXES = ("dinas", "dis", "din", "badan", "bad", "ba", "biro", "bagian", "bag", "kantor", "setda", "set",
                "sekretariat", "sekr", "inspektorat", "satpol", "kesbang", "bapp", "bpp", "bp", "dp", "bkp")
_DINAS_PIECES = ("dis",)  # dinas is written dis as often as din (dishub, disdik)
MIN_PIECES = 2


def _syllable_starts(word: str) -> list[int]:
    """0 and every consonant after a vowel or before one (pe-ter-na-kan): where an abbreviation may take
    a piece of the word."""
    return [0] + [i for i in range(1, len(word)) if word[i] not in VOWELS
                  and (word[i - 1] in VOWELS or (i + 1 < len(word) and word[i + 1] in VOWELS))]


@lru_cache(maxsize=4096)
def names_owner(label: str, owner_words: tuple[str, ...], without_kind: bool = False) -> bool:
    """Whether ``label`` is an abbreviation of the owner's name: pieces taken in order from syllable
    starts of its words (words may be skipped, a word may give several), the first from its first word,
    two pieces at least. ``without_kind``: the first piece may also come from the second word, as
    abbreviations that leave out the kind of body write it (kesbangpol of Badan Kesatuan Bangsa dan Politik)."""
    words_ = [w for w in owner_words if w.isalpha()]
    if not label.isalpha() or len(words_) < MIN_PIECES:
        return False
    if label == "".join(w[0] for w in words_) or _holds_every_word(label, words_):
        return True

    def match(position: int, word: int, after: int, pieces: int) -> bool:
        """Pieces from ``label[position:]``, starting in word ``word`` at a syllable at or after ``after``."""
        if position == len(label):
            return pieces >= MIN_PIECES
        for index in range(word, len(words_)):
            if pieces == 0 and index > first:
                break  # the first piece comes from the first word (the kind of body)
            candidate = words_[index]
            floor = after if index == word else 0
            starts = [(start, candidate[start:]) for start in _syllable_starts(candidate) if start >= floor
                      and (pieces > 0 or start == 0)]  # the label starts where the owner's name starts
            if candidate == "dinas" and floor == 0:
                starts += [(len(candidate), piece) for piece in _DINAS_PIECES]
            for start, option in starts:
                for length in range(min(len(option), len(label) - position), 0, -1):
                    if label.startswith(option[:length], position) and match(
                            position + length, index, start + length, pieces + 1):
                        return True
        return False

    first = 0
    if match(0, 0, 0, 0):
        return True
    first = 1
    return without_kind and match(0, 1, 0, 0)


_VILLAGE = frozenset({"desa", "kelurahan", "pemdes"})  # a village's site is named by the village alone
KIND_LETTERS = 3  # kec of kecamatan, pus of puskesmas: how a label writes the kind of body


def _holds_every_word(label: str, words_: list[str]) -> bool:
    """puskesmastakeran of Puskesmas Takeran, baratkec of Kecamatan Barat: every word of the owner's
    name, whole or by its first letters, is in the label."""
    return all(w in label or w[:KIND_LETTERS] in label for w in words_ if w not in LINK_WORDS | _VILLAGE)


def looks_like_an_opd(label: str) -> bool:
    """A label that starts the way OPD abbreviations do (distamben, bappenda): an OPD's site, perhaps
    under a former name, rather than an application's."""
    return label.isalpha() and label.startswith(OPD_PREFIXES)
