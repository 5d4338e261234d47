"""The one "did you mean" helper: the known words nearest to a mistyped one, and the hint naming them.

Every message that answers a typo (an unknown key, id, rule code, view or git revision) uses it, so
that they all find the same kind of neighbours and say so the same way. It imports nothing heavy at
import time, so that :mod:`spbe_arch.errors` can use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spbe_arch.workspace import Workspace

CUTOFF = 60.0  # similarity (0-100) below which a word is no useful guess


def nearest(word: str, options: Iterable[str], *, limit: int = 3, cutoff: float = CUTOFF,
            partial: bool = False) -> list[str]:
    """The ``options`` nearest to ``word``, best first. ``partial`` also weighs a word found inside a
    longer one (ids such as ``app-simpeg`` for ``simpeg``); ``cutoff=0`` always returns ``limit``."""
    candidates = list(dict.fromkeys(options))
    if not candidates:
        return []
    from rapidfuzz import fuzz, process  # only when a message needs a guess

    scorer = fuzz.WRatio if partial else fuzz.ratio
    return [match[0] for match in process.extract(word, candidates, scorer=scorer, limit=limit,
                                                  score_cutoff=cutoff)]


def suggest_id(workspace: Workspace, wrong: str, collections: Iterable[str] | None = None,
               limit: int = 3) -> list[str]:
    """The existing ids nearest to ``wrong`` (in the given collections), best first."""
    wanted = set(collections) if collections is not None else None
    ids = [i for i, e in workspace.elements.items() if wanted is None or e.COLLECTION in wanted]
    return nearest(wrong, ids, limit=limit, partial=True)


def did_you_mean(guesses: list[str], *, quote: bool = True) -> str:
    """``"; did you mean 'a', 'b'?"``, or the empty string when there is no guess."""
    if not guesses:
        return ""
    return f"; did you mean {', '.join(repr(g) if quote else g for g in guesses)}?"


__all__ = ["CUTOFF", "did_you_mean", "nearest", "suggest_id"]
