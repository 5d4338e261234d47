"""The score of a pair of applications, and its evidence in words.

Each signal gives a strength in [0, 1] and has a weight; the score is a noisy-or,
``1 - prod(1 - weight * strength)``, so that independent signals add up, a missing signal (no
description, no process) costs nothing, and no single weak signal reaches the threshold alone. Signals
that speak against a duplicate (both describe their processes and share none; both have descriptions
that have nothing in common; different national functions) multiply the score by a penalty.
Strengths of shared ids and codes are discounted by how many applications share them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from spbe_arch.duplicates.features import AppFeatures, FeatureSet
from spbe_arch.duplicates.messages import Messages

WEIGHTS: dict[str, float] = {
    "name": 0.80,
    "description": 0.50,
    "description_opaque": 0.80,  # when a name says nothing (SIDAKIN), the description says what it is
    "process": 0.45,
    "rab": 0.25,
    "service": 0.40,
    "writes": 0.40,
    "raa": 0.30,
    "function": 0.35,
}
PENALTIES: dict[str, float] = {
    "process": 0.70,  # both support processes, none in common, no reference code in common
    "description": 0.80,  # both have descriptions with (almost) no word in common
    "acronym": 0.50,  # ... and their names are only the same acronym (two different SIPPs)
    "function": 0.50,  # they perform different national functions
    "names": 0.60,  # both names name known functions, and not the same ones (SIMPUS, SIMRS)
    "connector": 0.50,  # one is a bridge (bridging, sinkronisasi) and the other is not
    "owner": 0.80,  # one OPD: similar applications of one owner are mostly modules of one function
}
DESCRIPTION_UNRELATED = 0.03
DESCRIPTION_FULL = 0.4  # two descriptions written independently rarely share more: count it as certain


def specificity(count: int) -> float:
    """1 for an id two applications share; less the more applications share it (4: 0.5, 16: 0.25)."""
    return 1.0 / (1.0 + math.log2(max(count, 2) / 2))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    shared = a.keys() & b.keys()
    return sum(a[k] * b[k] for k in shared) if shared else 0.0


def raa_strength(code: str, count: int) -> float:
    """A deep RAA code (a local extension) is evidence; RAA.02.02 (fungsi tertentu) says nothing."""
    return specificity(count) if code.count(".") >= 3 else 0.0


@dataclass
class Scorer:
    """Scores pairs of one feature set; ``explain`` also returns the evidence in words."""

    features: FeatureSet
    messages: Messages
    describe: Callable[[str], str]  # id -> "`id` (name)" for the evidence

    def _best_shared(self, shared: frozenset[str], signal: str) -> tuple[str, float]:
        counts = self.features.counts[signal]
        best = min(shared, key=lambda s: (counts[s], s))
        return best, specificity(counts[best])

    def score(self, a: AppFeatures, b: AppFeatures, explain: bool = False) -> tuple[float, list[str]]:
        m = self.messages
        evidence: list[str] = []
        keep = 1.0  # product of (1 - weight * strength)
        factor = 1.0  # product of penalties

        name = cosine(a.name, b.name)
        if name > 0:
            keep *= 1 - WEIGHTS["name"] * name
            if explain:
                evidence.append(m.name(name, a, b))
        if a.desc and b.desc:
            description = cosine(a.desc, b.desc)
            if description > 0:
                weight = WEIGHTS["description_opaque" if a.opaque or b.opaque else "description"]
                keep *= 1 - weight * min(1.0, description / DESCRIPTION_FULL)
                if explain:
                    evidence.append(m.description(description, a, b))
            if description < DESCRIPTION_UNRELATED:
                only_acronyms = a.acronym_only and b.acronym_only
                factor *= PENALTIES["acronym" if only_acronyms else "description"]
                if explain:
                    evidence.append(m.description_differs())
        shared_processes = a.processes & b.processes
        shared_rab = a.rab & b.rab
        if shared_processes:
            best, strength = self._best_shared(shared_processes, "process")
            keep *= 1 - WEIGHTS["process"] * strength
            if explain:
                evidence.append(m.shared("process", sorted(shared_processes), self.describe))
        elif shared_rab:
            best, strength = self._best_shared(shared_rab, "rab")
            keep *= 1 - WEIGHTS["rab"] * strength
            if explain:
                evidence.append(m.shared_code("rab", sorted(shared_rab)))
        elif a.processes and b.processes:
            factor *= PENALTIES["process"]
            if explain:
                evidence.append(m.no_common_process())
        for signal, left, right in (("service", a.services, b.services), ("writes", a.writes, b.writes)):
            shared = left & right
            if shared:
                best, strength = self._best_shared(shared, signal)
                keep *= 1 - WEIGHTS[signal] * strength
                if explain:
                    evidence.append(m.shared(signal, sorted(shared), self.describe))
        if a.raa and a.raa == b.raa:
            strength = raa_strength(a.raa, self.features.counts["raa"][a.raa])
            if strength > 0:
                keep *= 1 - WEIGHTS["raa"] * strength
                if explain:
                    evidence.append(m.shared_code("raa", [a.raa]))
        if a.function is not None and b.function is not None:
            if a.function.id == b.function.id:
                keep *= 1 - WEIGHTS["function"]
                if explain:
                    evidence.append(m.same_function(a.function))
            else:
                factor *= PENALTIES["function"]
                if explain:
                    evidence.append(m.different_functions(a.function, b.function))
        same_function = a.function is not None and b.function is not None and a.function.id == b.function.id
        if name == 0 and a.concepts and b.concepts and not a.concepts & b.concepts and not same_function:
            factor *= PENALTIES["names"]
            if explain:
                evidence.append(m.names_differ(sorted(a.concepts), sorted(b.concepts)))
        if a.connector != b.connector:
            factor *= PENALTIES["connector"]
            if explain:
                evidence.append(m.connector(a if a.connector else b))
        if a.owner_id == b.owner_id:
            factor *= PENALTIES["owner"]
        score = (1 - keep) * factor
        if explain:
            evidence.append(m.owners(a, b))
        return round(score, 3), evidence
