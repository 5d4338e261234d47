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
from spbe_arch.duplicates.normalize import ACRONYM_PREFIXES
from spbe_arch.duplicates.tables import LocalFunction, words

WEIGHTS: dict[str, float] = {
    "name": 0.80,
    "description": 0.50,
    "description_opaque": 0.80,  # when a name says nothing (SIDAKIN), the description says what it is
    "process": 0.45,
    "rab": 0.25,
    "rab_area": 0.15,  # both fall into one RAB area by their words (classification, high confidence)
    "service": 0.40,
    "writes": 0.40,
    "raa": 0.30,
    "function": 0.60,  # both names name one national function (e-Budgeting, SIMDA Keuangan: SIPD's job)
    "function_read": 0.35,  # ... read in a description, or one of them a view of it (a dashboard)
    "role": 0.45,  # the same strong local function (presensi, JDIH, antrean) in two OPDs
}
PENALTIES: dict[str, float] = {
    "process": 0.70,  # both support processes, none in common, no reference code in common
    "description": 0.80,  # both have descriptions with (almost) no word in common
    "acronym": 0.50,  # ... and their names are only the same acronym (two different SIPPs)
    "function": 0.50,  # they perform different national functions
    "roles": 0.50,  # they perform different strong local functions (helpdesk, pengaduan)
    "names": 0.60,  # both names name known functions, and not the same ones (SIMPUS, SIMRS)
    "connector": 0.50,  # one is a bridge (bridging, sinkronisasi) and the other is not
    "brand_only": 0.60,  # the names share only words no table knows, and only one of them says a job
    "view": 0.60,  # one is a view of data kept elsewhere (dashboard, monitoring) and the other is not
    "owner": 0.80,  # one OPD: similar applications of one owner are mostly modules of one function
}
# (signal, how similar the two are, what they share, or None for a penalty)
Signals = list[tuple[str, float | frozenset[str] | str | None]]
DESCRIPTION_UNRELATED = 0.05
WEAK_ONLY = 0.4  # names that share only words of many functions (portal, dashboard, layanan)
DESCRIPTION_FULL = 0.4  # two descriptions written independently rarely share more: count it as certain
NAMES_ONLY_CONCEPT = 0.75  # the strength of a shared function word when neither row has a description
ROLE_WORDS = 0.5  # ... of two different words of one strong local function (rumah sakit, rekam medis)


def specificity(count: int) -> float:
    """1 for an id two applications share; less the more applications share it (4: 0.5, 16: 0.25)."""
    return 1.0 / (1.0 + math.log2(max(count, 2) / 2))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    shared = a.keys() & b.keys()
    return sum(a[k] * b[k] for k in shared) if shared else 0.0


def raa_strength(code: str, count: int) -> float:
    """A deep RAA code (a local extension) is evidence; RAA.02.02 (fungsi tertentu) says nothing."""
    return specificity(count) if code.count(".") >= 3 else 0.0


def _against(a: AppFeatures, b: AppFeatures) -> bool:
    """a performs a national function, b a strong local one that shares none of its words (perizinan
    and perizinan berusaha are kin; pengaduan and SIMRS are not)."""
    if a.function is None or b.role is None or not b.role.strong:
        return False
    national = a.function.concept_words
    return not any(group & national for group in b.role.concepts)


def set_apart(a: AppFeatures, b: AppFeatures) -> str | None:
    """The word of b's name that sets it apart from a's function, whose words it holds: SIPADES (Sistem
    Pengelolaan Aset Desa) holds SIMDA BMD's `aset`, and `desa` makes it the village's assets, not the
    Pemda's. The tables' ``unless`` words, read against the other name."""
    job = a.job
    if job is None or b.job is not None or (isinstance(job, LocalFunction) and not job.strong):
        return None
    held = b.name.keys()
    if not any(group <= held for group in job.concepts):
        return None
    marks = job.unless & (held | set(words(b.app.name)))
    return min(marks) if marks else None


def namesakes_by_a_word(a: AppFeatures, b: AppFeatures) -> bool:
    """SIKAP of the BKPSDM and SIKAP of the Dinas Sosial: one name that is only a word of the language,
    given by two OPDs and no more, neither two units of one kind (two hospitals' E-Klaim, two kecamatan's
    EP3) nor described as doing one job. Offices give such words to their own, unrelated systems: the
    name alone says neither one system nor one job."""
    if not (a.word_name and b.word_name) or a.name_key != b.name_key or a.owner_id == b.owner_id \
            or a.name_owners != 2 or a.is_national or b.is_national:
        return False
    if a.unit_kind is not None and a.unit_kind == b.unit_kind:
        return False
    return not (a.desc and b.desc and cosine(a.desc, b.desc) >= DESCRIPTION_UNRELATED)


def _strong_roles(a: AppFeatures, b: AppFeatures) -> bool:
    return a.role is not None and b.role is not None and a.role.strong and b.role.strong


def _same_strong_role(a: AppFeatures, b: AppFeatures) -> bool:
    return _strong_roles(a, b) and a.role == b.role


def _kin_roles(a: AppFeatures, b: AppFeatures) -> bool:
    return a.role is not None and b.role is not None and a.role.kin(b.role)


def _one_form_text(a: AppFeatures, b: AppFeatures) -> bool:
    """One description, word for word, on two rows whose names share no word ("Sistem informasi untuk
    mendukung kinerja OPD" on SIJALI and on SIPA): the form's wording, which says what neither does."""
    return a.desc == b.desc and not a.name.keys() & b.name.keys()


def different_jobs(a: AppFeatures, b: AppFeatures) -> bool:
    """Their names (or, where a name says nothing, their descriptions) say two different functions:
    two national applications, or two strong local functions (what the score penalises, and what
    keeps two rows from being one system)."""
    if a.function is not None and b.function is not None:
        return a.function.national != b.function.national
    return _strong_roles(a, b) and a.role != b.role and not _kin_roles(a, b)


def _one_function(a: AppFeatures, b: AppFeatures) -> bool:
    """Both names name one function the tables know (a national one, or the same local one, or a local
    one that the national one holds whole: perizinan beside perizinan berusaha)."""
    if a.function is not None and b.function is not None:
        return a.function.id == b.function.id
    if a.function is not None or b.function is not None:
        return _kin(a, b) or _kin(b, a)
    # a weak function (monitoring, a dashboard) is too general to say that two names name one job
    return a.role is not None and b.role is not None and a.role.id == b.role.id and a.role.strong


def _letters_after_prefix(f: AppFeatures) -> bool:
    """A name in capitals whose own word is what follows an acronym's prefix (SI-MADE: made)."""
    core = f.core.replace(" ", "")
    return f.acronym_only and bool(core) and f.compact != core \
        and any(f.compact == prefix + core for prefix in ACRONYM_PREFIXES)


def acronym_beside_word(a: AppFeatures, b: AppFeatures) -> bool:
    """SI-MADE (Manajemen Aset Daerah) and "Made in Bali": the letters of an acronym after its prefix
    beside the same letters written as a word of another name; they spell no word, and say nothing in
    common."""
    return a.acronym_only != b.acronym_only and (_letters_after_prefix(a) or _letters_after_prefix(b))


def _descriptions_say_it(a: AppFeatures, b: AppFeatures) -> bool:
    """Both names say one strong local function and both descriptions say it too, each about its own
    data (the Satu Data portal, a health office's statistics): the descriptions confirm the names and
    their other words do not make two jobs of one."""
    if not (a.desc and b.desc and _same_strong_role(a, b)) or a.role is None \
            or a.read_description or b.read_description:  # a function read in a description confirms nothing
        return False
    return all(any(group <= f.desc.keys() for group in a.role.concepts) for f in (a, b))


def _kin(a: AppFeatures, b: AppFeatures) -> bool:
    """a performs a national function whose words hold the whole of b's strong local function."""
    if a.function is None or b.role is None or not b.role.strong:
        return False
    national = a.function.concept_words
    return any(group <= national for group in b.role.concepts)


@dataclass
class Scorer:
    """Scores pairs of one feature set; ``explain`` also returns the evidence in words."""

    features: FeatureSet
    messages: Messages
    describe: Callable[[str], str]  # id -> "`id` (name)" for the evidence

    def _best_shared(self, shared: frozenset[str], signal: str) -> float:
        """The strength of the most specific id the two share."""
        counts = self.features.counts[signal]
        return specificity(min(counts[s] for s in shared))

    def measure(self, a: AppFeatures, b: AppFeatures) -> tuple[float, Signals]:
        """The score of a pair, and what made it (for :meth:`explain`)."""
        keep = 1.0  # product of (1 - weight * strength)
        factor = 1.0  # product of penalties
        found: Signals = []

        name = 0.0 if acronym_beside_word(a, b) else cosine(a.name, b.name)
        if name > 0 and (not (a.name.keys() & b.name.keys()) - self.features.tables.weak or namesakes_by_a_word(a, b)):
            # "Portal Dinas Sosial", "Portal Dinas Pertanian": a template, not a function; SIKAP of two OPDs:
            # a word of the language, not the name of one system
            name *= WEAK_ONLY
        if ((not a.desc and not b.desc) or _descriptions_say_it(a, b)) and _one_function(a, b) and a.views == b.views:
            # names are all there is (or the descriptions say no more than they do): a function word both
            # names hold (arsip, presensi) outweighs the other words, which the names alone cannot tell apart
            # from a module's or an OPD's name; two words of one strong function (rumah sakit, rekam medis,
            # satu data and statistik) count as half of one
            if a.concepts & b.concepts:
                shared_concepts = len(a.concepts & b.concepts) / len(a.concepts | b.concepts)
                name = max(name, NAMES_ONLY_CONCEPT * shared_concepts)
            elif _same_strong_role(a, b):
                name = max(name, NAMES_ONLY_CONCEPT * ROLE_WORDS)
        if name < NAMES_ONLY_CONCEPT and (a.described or b.described) and _one_function(a, b) \
                and (a.function is not None or b.function is not None or (a.role is not None and a.role.strong)):
            # SILORA, "Manajemen Aset" beside SIMDA BMD: the description says what the name would have
            name = NAMES_ONLY_CONCEPT
        if name > 0:
            keep *= 1 - WEIGHTS["name"] * name
            found.append(("name", name))
        if a.desc and b.desc and not _one_form_text(a, b):
            description = cosine(a.desc, b.desc)
            if description > 0:
                weight = WEIGHTS["description_opaque" if a.opaque or b.opaque else "description"]
                keep *= 1 - weight * min(1.0, description / DESCRIPTION_FULL)
                found.append(("description", description))
            if description < DESCRIPTION_UNRELATED and not (a.generic and b.generic and _same_strong_role(a, b)):
                factor *= PENALTIES["acronym" if a.acronym_only and b.acronym_only else "description"]
                found.append(("description_differs", None))
        shared = a.processes & b.processes
        if shared:
            keep *= 1 - WEIGHTS["process"] * self._best_shared(shared, "process")
            found.append(("process", shared))
        else:
            shared = a.rab & b.rab
            if shared:
                keep *= 1 - WEIGHTS["rab"] * self._best_shared(shared, "rab")
                found.append(("rab", shared))
            elif a.processes and b.processes:
                factor *= PENALTIES["process"]
                found.append(("no_common_process", None))
            elif a.rab_area and a.rab_area == b.rab_area:
                keep *= 1 - WEIGHTS["rab_area"]  # what `spbe classify` suggests, where it is confident
                found.append(("rab_area", a.rab_area))
        shared = a.services & b.services
        if shared:
            keep *= 1 - WEIGHTS["service"] * self._best_shared(shared, "service")
            found.append(("service", shared))
        shared = a.writes & b.writes
        if shared:
            keep *= 1 - WEIGHTS["writes"] * self._best_shared(shared, "writes")
            found.append(("writes", shared))
        if a.raa and a.raa == b.raa:
            strength = raa_strength(a.raa, self.features.counts["raa"][a.raa])
            if strength > 0:
                keep *= 1 - WEIGHTS["raa"] * strength
                found.append(("raa", a.raa))
        same_function = a.function is not None and b.function is not None \
            and a.function.national == b.function.national
        if a.function is not None and b.function is not None:
            if a.function.id == b.function.id:
                same_function = True
                named = not (a.read_description or b.read_description) and a.views == b.views
                keep *= 1 - WEIGHTS["function" if named else "function_read"]
                found.append(("same_function", None))
            elif a.function.national != b.function.national:
                factor *= PENALTIES["function"]
                found.append(("different_functions", None))
            else:  # SIPD's planning and budgeting: two jobs of one national application, both its copies
                keep *= 1 - WEIGHTS["function_read"]
                found.append(("kin_functions", None))
        elif _strong_roles(a, b):
            if a.role == b.role:
                same_function = True
                # one OPD's two applications of one function are often modules, which descriptions tell
                # apart; where the two rows do not both have one, the function both names say is all there is
                if a.owner_id != b.owner_id or not (a.desc and b.desc):
                    keep *= 1 - WEIGHTS["role"]
                    found.append(("same_role", None))
            elif not _kin_roles(a, b):
                factor *= PENALTIES["roles"]
                found.append(("different_roles", None))
        elif _against(a, b) or _against(b, a):
            factor *= PENALTIES["roles"]  # a national function against a local one: pengaduan, SIMRS
            found.append(("national_and_role", None))
        elif not (a.processes & b.processes or a.services & b.services or a.writes & b.writes):
            # (a process, a service or data both serve is what the model says they do: a word read in a name
            # does not set that apart)
            word = set_apart(a, b) or set_apart(b, a)
            if word is not None:
                factor *= PENALTIES["roles"]
                found.append(("set_apart", word))
        if name == 0 and a.concepts and b.concepts and not a.concepts & b.concepts and not same_function:
            factor *= PENALTIES["names"]
            found.append(("names_differ", None))
        shared_words = a.name.keys() & b.name.keys()
        if shared_words and shared_words.isdisjoint(self.features.tables.known_words) \
                and a.alone_says_a_job(b) and a.compact not in b.parts and b.compact not in a.parts:
            # "Beta Hadir" (attendance) and "BETA SAGARA iOS": one brand word, and a job only one name says;
            # not "SIPELIK" beside "SIPELIK (Sistem Informasi Pelayanan Kelurahan)", the brand spelt out
            factor *= PENALTIES["brand_only"]
            found.append(("brand_only", None))
        if a.view != b.view:
            factor *= PENALTIES["view"]  # Dashboard Kepegawaian beside SIMPEG: a view of its data, not a copy
            found.append(("view", None))
        if a.connector != b.connector:
            factor *= PENALTIES["connector"]
            found.append(("connector", None))
        if a.owner_id == b.owner_id:
            factor *= PENALTIES["owner"]
        return round((1 - keep) * factor, 3), found

    def explain(self, a: AppFeatures, b: AppFeatures, found: Signals) -> list[str]:
        """The evidence of a measured pair, in words, in the order the signals were measured."""
        m = self.messages
        evidence: list[str] = []
        for signal, value in found:
            if isinstance(value, float):
                evidence.append(m.name(value, a, b) if signal == "name" else m.description(value, a, b))
            elif isinstance(value, frozenset):
                shared = sorted(value)
                evidence.append(m.shared_code("rab", shared) if signal == "rab"
                                else m.shared(signal, shared, self.describe))
            elif signal == "set_apart" and isinstance(value, str):
                other, this = (a, b) if set_apart(a, b) == value else (b, a)
                if other.job is not None:
                    evidence.append(m.set_apart(this, value, other.job))
            elif isinstance(value, str):
                evidence.append(m.shared_code(signal, [value]))
            elif signal == "description_differs":
                evidence.append(m.description_differs())
            elif signal == "no_common_process":
                evidence.append(m.no_common_process())
            elif signal == "same_function" and a.function is not None:
                evidence.append(m.same_function(a.function))
            elif signal == "kin_functions" and a.function is not None and b.function is not None:
                evidence.append(m.kin_functions(a.function, b.function))
            elif signal == "different_functions" and a.function is not None and b.function is not None:
                evidence.append(m.different_functions(a.function, b.function))
            elif signal == "same_role" and a.role is not None:
                evidence.append(m.same_role(a.role))
            elif signal == "different_roles" and a.role is not None and b.role is not None:
                evidence.append(m.different_roles(a.role, b.role))
            elif signal == "national_and_role":
                evidence.append(m.national_and_role(a, b))
            elif signal == "names_differ":
                evidence.append(m.names_differ(sorted(a.concepts), sorted(b.concepts)))
            elif signal == "connector":
                evidence.append(m.connector(a if a.connector else b))
            elif signal == "brand_only":
                evidence.append(m.brand_only(a if a.job is not None else b))
            elif signal == "view":
                evidence.append(m.view(a if a.view else b))
        evidence.append(m.owners(a, b))
        return evidence

    def score(self, a: AppFeatures, b: AppFeatures, explain: bool = False) -> tuple[float, list[str]]:
        """The score of a pair and, when asked, its evidence in words."""
        score, found = self.measure(a, b)
        return score, self.explain(a, b, found) if explain else []
