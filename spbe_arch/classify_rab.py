"""The RAB process area (level 3) whose name shares the most words with an application's text.

Shared by ``spbe classify`` (a suggested RAB code, for review) and the duplicate finder (two
applications that fall confidently into one area are compared; one area is a weak sign of one job).
Word overlap is crude: it is our own convention, not a mapping any regulation gives.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from spbe_arch.reference import load_catalogue
from spbe_arch.stemming import stem_words

RAB_HIGH, RAB_MEDIUM = 0.5, 0.3
GENERIC_STEMS = frozenset({"aplikasi", "sistem", "informasi", "layan", "kelola", "data", "online", "daerah",
                           "milik", "untuk", "dan", "yang", "di", "ke", "dari", "atau", "dengan", "web"})


@lru_cache(maxsize=4)
def rab_index(version: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Level-3 RAB codes with the stems of their names."""
    catalogue = load_catalogue(version)
    return tuple((c.code, c.name, frozenset(stem_words(c.name)) - GENERIC_STEMS)
                 for c in catalogue.domain("RAB") if c.level == 3)


def best_area(text: str, version: str) -> tuple[float, str, str, frozenset[str]] | None:
    """(Dice overlap, code, name, shared stems) of the RAB area closest to ``text``, or None."""
    mine = frozenset(stem_words(text)) - GENERIC_STEMS
    if not mine:
        return None
    best: tuple[float, str, str, frozenset[str]] | None = None
    for code, name, stems in rab_index(version):
        shared = mine & stems
        if not shared:
            continue
        score = 2 * len(shared) / (len(mine) + len(stems))
        if best is None or (score, best[1]) > (best[0], code):
            best = (score, code, name, shared)
    return best


@lru_cache(maxsize=1)
def shipped_function_rab() -> dict[str, str]:
    """Function id (national or local) -> RAB level-3 code, as shipped (data/function_rab.yaml)."""
    from spbe_arch.duplicates.tables import read_table  # the duplicates package imports this module

    return {str(k): str(v) for k, v in (read_table("function_rab.yaml").get("functions") or {}).items()}


def function_rab(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The shipped mapping with a workspace's additions (``duplicates: {function_rab: ...}``)."""
    return {**shipped_function_rab(), **(extra or {})}
