"""Candidate pairs: applications that share something the score can use, never all n² pairs.

Each application is filed under keys, one per thing that can make its score with another application
non-zero: every concept word of its name and the whole name, its rarest description words, its
processes and their reference codes, its services, the data it writes, its RAA code (when deep enough
to count). A national function needs no key: it is read from the name or the description, which have
theirs. Two applications that share a key are compared.

A key shared by more than ``block_limit(n)`` applications is not expanded into all its pairs. The
limit is ``BLOCK_BUDGET / n`` (at least ``MIN_BLOCK``), so that an inventory of a few thousand
applications is compared as good as exhaustively and the work stays about linear as it grows. If such
a key is a name word or a whole name (``presensi`` across 600 governments), its members are sorted by
name and each is compared with its ``WINDOW`` neighbours on either side (sorted neighbourhood), which
still links every copy of one name into one group. Any other key that common (a process or a data set
every application lists, a frequent description word) is weak evidence that never makes a pair alone
(its strength falls with the number of applications sharing it), and is not followed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spbe_arch.duplicates.features import AppFeatures
from spbe_arch.duplicates.systems import name_text
from spbe_arch.duplicates.tables import words

BLOCK_BUDGET = 1_200_000
MIN_BLOCK = 100
WINDOW = 2
DESCRIPTION_KEYS = 3
_NAME_KEYS = ("n:", "x:")
MIN_SPELLING = 6  # as finder.misspelt
MAX_SPELLING = 30


def keys(features: AppFeatures) -> list[str]:
    """The blocking keys of one application."""
    result = [f"n:{word}" for word in features.name]
    if features.name_key:
        result.append(f"x:{features.name_key}")
    rarest = sorted(features.desc, key=lambda w: (-features.desc[w], w))[:DESCRIPTION_KEYS]
    result.extend(f"d:{word}" for word in rarest)
    result.extend(f"p:{p}" for p in features.processes)
    result.extend(f"r:{c}" for c in features.rab)
    result.extend(f"s:{s}" for s in features.services)
    result.extend(f"w:{d}" for d in features.writes)
    if features.host is not None:
        result.append(f"h:{features.host[0]}")
    result.extend(f"y:{key}" for key in {features.compact, features.part_of, features.head} if key)
    if features.unknown_name and MIN_SPELLING <= len(features.compact) <= MAX_SPELLING and not features.village:
        # one OPD's name mistyped (bapenda, bappenda): names one deletion apart share a key
        spelling = features.compact
        result.extend({f"t:{features.owner_id}:{w}" for w in (spelling, *(spelling[:i] + spelling[i + 1:]
                                                                            for i in range(len(spelling))))})
    if features.pemda_portal is not None:  # its name and its domain's root may share no letter at the start
        result.append(f"q:{features.pemda_portal[0]}")
    if features.owners_site:
        result.append(f"o:{features.owner_id}")
    if features.site_of is not None:  # the site one OPD lists for another meets that OPD's own site
        result.append(f"o:{features.site_of}")
    if features.function is not None:  # one function (SIPD's: e-Planning, e-Budgeting) scores without a shared word
        result.append(f"f:{features.function.id}")
        result.extend(f"c:{w}" for w in sorted(features.function.concept_words))
    elif features.role is not None and features.role.strong:
        result.append(f"g:{features.role.id}")
        result.extend(f"c:{w}" for w in sorted(features.role.concept_words))
    if features.rab_area:
        result.append(f"b:{features.rab_area}")
    if features.raa and features.raa.count(".") >= 3:  # shallower codes add nothing to the score
        result.append(f"a:{features.raa}")
    return result


ACRONYM_START = 3
MIN_ACRONYM = 5  # SIAP, SIMA: four letters or fewer abbreviate too many names by chance
MIN_SPELT_WORDS = 3


def short_form(features: AppFeatures) -> str | None:
    """The letters of a name that is only an acronym long enough to be compared with the names it may
    abbreviate (finder.acronym_of), or None."""
    spelt = features.compact
    return spelt if features.acronym_only and len(spelt) >= MIN_ACRONYM and spelt.isalpha() else None


def abbreviation_starts(features: AppFeatures) -> frozenset[str]:
    """The first three letters of an acronym-only name, and those an acronym of a long name would start
    with (si-m of Sistem Informasi Manajemen ...): the rows finder.acronym_of compares meet in one block."""
    if features.acronym_only:
        spelt = short_form(features)
        return frozenset((spelt[:ACRONYM_START],)) if spelt else frozenset()
    return _long_starts(features.app.name)


def _long_starts(name: str) -> frozenset[str]:
    """The starts a long name's acronyms would have."""
    spelt_words = [w for w in words(name_text(name)) if w.isalpha()]
    if len(spelt_words) < MIN_SPELT_WORDS:
        return frozenset()
    first, second, third = spelt_words[:3]
    return frozenset({first[:3], first[:2] + second[:1], first[:1] + second[:2], first[:1] + second[:1] + third[:1]})


def block_limit(count: int) -> int:
    """The largest block expanded into all its pairs, for ``count`` applications."""
    return max(MIN_BLOCK, BLOCK_BUDGET // max(count, 1))


class Blocking:
    """The blocks of one feature set, built once."""

    def __init__(self, apps: list[AppFeatures]) -> None:
        self.apps = apps
        self.limit = block_limit(len(apps))
        self.app_keys = [keys(features) for features in apps]
        self.blocks: dict[str, list[int]] = {}
        for features, own in zip(apps, self.app_keys, strict=True):
            for key in own:
                self.blocks.setdefault(key, []).append(features.index)  # ascending: apps are in index order
        # an acronym-only name meets the long names it may abbreviate, and only those (not each other)
        by_name: dict[tuple[str, bool], frozenset[str]] = {}  # national applications repeat names
        self.starts: list[frozenset[str]] = []
        for features in apps:
            named = (features.app.name, features.acronym_only)
            if named not in by_name:
                by_name[named] = abbreviation_starts(features)
            self.starts.append(by_name[named])
        self.short: dict[str, list[int]] = {}
        self.long: dict[str, list[int]] = {}
        for features, starts in zip(apps, self.starts, strict=True):
            if features.acronym_only:
                for start in starts:
                    self.short.setdefault(start, []).append(features.index)
        for features, starts in zip(apps, self.starts, strict=True):
            if not features.acronym_only:
                for start in starts & self.short.keys():  # only where an acronym-only name starts so
                    self.long.setdefault(start, []).append(features.index)
        self.windows: dict[str, tuple[list[int], dict[int, int]]] = {}
        for key, members in self.blocks.items():
            if len(members) > self.limit and key.startswith(_NAME_KEYS):
                ordered = sorted(members, key=lambda i: (apps[i].name_key, apps[i].id))
                self.windows[key] = (ordered, {i: position for position, i in enumerate(ordered)})

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Index pairs (i < j), each once, in a deterministic order; memory linear in the input."""
        for i in range(len(self.apps)):
            found: set[int] = set()
            for key in self.app_keys[i]:
                window = self.windows.get(key)
                if window is None:
                    members = self.blocks[key]
                    if len(members) <= self.limit:
                        found.update(members[bisect_right(members, i):])
                else:
                    ordered, positions = window
                    position = positions[i]
                    found.update(j for j in ordered[max(0, position - WINDOW):position + WINDOW + 1] if j > i)
            others = self.long if self.apps[i].acronym_only else self.short
            for start in self.starts[i]:
                members = others.get(start, [])
                if len(members) <= self.limit:
                    found.update(members[bisect_right(members, i):])
            for j in sorted(found):
                yield i, j


def candidate_pairs(apps: list[AppFeatures]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) to score, each once, in a deterministic order; memory linear in the input."""
    return Blocking(apps).pairs()


def all_pairs(count: int) -> Iterator[tuple[int, int]]:
    """Every pair: the exhaustive comparison that checks the blocking on small inputs."""
    for i in range(count):
        for j in range(i + 1, count):
            yield i, j
