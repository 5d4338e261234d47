"""Indonesian stemming shared by every matcher (duplicates, classification, reference search).

Sastrawi alone leaves common spelling variants apart (``perijinan``/``perizinan``,
``antrian``/``antrean``), so words are first folded to one spelling, then stemmed.
The stemmer is built once and its answers cached: building it reads a dictionary
of about 30,000 root words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# Spelling variants common in Pemda inventories, folded before stemming.
# Our own list, from the inventories we have read; extend it where a variant is missed.
_SPELLING: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"ijin"), "izin"),
    (re.compile(r"antrian"), "antrean"),
    (re.compile(r"^praktek"), "praktik"),
    (re.compile(r"^apotik"), "apotek"),
    (re.compile(r"^nasehat"), "nasihat"),
    (re.compile(r"^resiko"), "risiko"),
    (re.compile(r"^jadual"), "jadwal"),
    (re.compile(r"^analisa$"), "analisis"),
    (re.compile(r"^sistim"), "sistem"),
    (re.compile(r"^propinsi"), "provinsi"),
)

_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def fold_spelling(word: str) -> str:
    """One spelling for the variants that Pemda inventories mix (``ijin`` → ``izin``)."""
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The root of one lower-case Indonesian word; words with digits are left as they are."""
    word = fold_spelling(word.lower())
    if not word.isalpha() or len(word) <= 3:
        return word
    root: str = _stemmer().stem(word)
    return root or word


@lru_cache(maxsize=65536)
def is_indonesian_word(word: str) -> bool:
    """Whether a lower-case word is in the stemmer's dictionary of Indonesian root words, or is a
    derived form of one (``pengaduan`` of ``adu``): a word of the language, not a misspelling or a
    coined name (``presentasi`` is a word; ``kepegwaian`` and ``Pikobar`` are not)."""
    if not word.isalpha() or len(word) <= 3:
        return False
    if _stemmer().delegatedStemmer.dictionary.contains(word):
        return True
    return stem(word) != fold_spelling(word)


def stem_words(text: str) -> list[str]:
    """The stems of the words of a text, in order (punctuation and case dropped)."""
    return [stem(word) for word in _WORD.findall(text.lower())]
