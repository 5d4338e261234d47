"""``spbe classify``: suggested reference codes and national functions for applications without codes.

An inventory gives names and short descriptions, not reference codes; mapping hundreds of
applications by hand takes days. For each application in use that has no RAA code, this suggests:
the national function it performs (the duplicate finder's table, with the national application and
its legal basis), the RAA code, and the closest RAB process area (level 3, by the stemmed words of its
name and description), each with a confidence (``high``, ``medium``, ``low``) and the evidence. The
suggestions are for review: ``--write`` puts accepted RAA codes into the YAML files (see
:mod:`spbe_arch.classify_write`), and the user reviews the change with git.

The RAA rule is our own convention, marked so: an application that performs a function designated as
Aplikasi Umum (its regulation cited in the registry) is RAA.01 (public complaints: RAA.01.01 Layanan
Publik; the rest RAA.01.02 Administrasi Pemerintahan); any other is an Aplikasi Khusus, RAA.02.02
(Fungsi Tertentu), with low confidence.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from spbe_arch.classify_rab import RAB_HIGH, RAB_MEDIUM, best_area, function_rab
from spbe_arch.duplicates.features import AppFeatures, FeatureSet, build_features
from spbe_arch.duplicates.systems import name_text
from spbe_arch.reference import load_catalogue
from spbe_arch.workspace import Workspace

Confidence = Literal["high", "medium", "low"]
CONFIDENCES: tuple[Confidence, ...] = ("high", "medium", "low")
PUBLIC_SERVICE_FUNCTIONS = frozenset({"pengaduan"})


class CodeSuggestion(BaseModel):
    code: str
    name: str
    confidence: Confidence
    evidence: str


class NationalSuggestion(BaseModel):
    function: str
    national: str
    provider: str
    basis: str | None  # the regulation that designates it; None: to be confirmed
    confidence: Confidence
    evidence: str


class Suggestion(BaseModel):
    """What an application without reference codes probably is."""

    application: str
    name: str
    raa: CodeSuggestion
    rab: CodeSuggestion | None = None
    national: NationalSuggestion | None = None


def at_least(confidence: Confidence, floor: Confidence) -> bool:
    return CONFIDENCES.index(confidence) <= CONFIDENCES.index(floor)


# below this overlap, one shared word is chance: on four labelled real inventories 2 of 22 such areas were right
RAB_ONE_WORD = 0.2
# the RAB area of the job of a kind of unit (our convention): what an application of theirs that does no
# function the tables know serves (a hospital's; a puskesmas is of kind uptd, as other units are)
_UNIT_AREAS = {"rsud": "RAB.04.01.04"}


def _rab(f: AppFeatures, version: str, by_function: dict[str, str]) -> CodeSuggestion | None:
    """The RAB area of the function the application performs (our convention's table), else the area
    whose name shares the most of its words (Dice overlap). An OPD's or an institution's own site, which
    informs about the jobs rather than doing one, falls into no area."""
    if f.owners_site or f.organization_site or f.institution_named or f.campaign_site:
        return None  # an OPD's or an institution's own site ("Website Dinas Pariwisata", "Puskesmas Baros")
    catalogue = load_catalogue(version)
    job = f.national or f.function or (f.role if f.role is not None and f.role.strong else None)
    entry = catalogue.get(by_function[job.id]) if job is not None and job.id in by_function else None
    if job is not None and entry is not None:
        return CodeSuggestion(code=entry.code, name=entry.name, confidence="medium", evidence=(
            f"performs {job.function}; our convention maps this function to the RAB area"))
    if f.website and job is None:
        return None
    best = best_area(f"{name_text(f.app.name)} {f.app.description or ''}", version)
    unit = _UNIT_AREAS.get(f.unit_kind or "")
    entry = catalogue.get(unit) if unit is not None else None
    if entry is not None and (best is None or best[0] < RAB_MEDIUM):
        # a hospital's PACS or LIS: whatever its words, it serves the hospital's job
        return CodeSuggestion(code=entry.code, name=entry.name, confidence="low", evidence=(
            "owned by a hospital, whose applications serve its health services; our convention"))
    if best is None:
        return None
    score, code, name, shared = best
    if len(shared) == 1 and score < RAB_ONE_WORD:
        return None  # one word in common with a long area name ("mandiri", "kerja") is no evidence
    confidence: Confidence = "high" if score >= RAB_HIGH else "medium" if score >= RAB_MEDIUM else "low"
    return CodeSuggestion(code=code, name=name, confidence=confidence,
                          evidence=f"words in common with the RAB area: {', '.join(sorted(shared))} "
                                   f"(overlap {score:.2f})")


def _raa(f: AppFeatures, version: str) -> CodeSuggestion:
    catalogue = load_catalogue(version)
    national = f.national
    function = national or f.national_copy  # the national application itself, or a local one doing its job
    what = f"is the national application {national.national}, which performs" if national else "performs"
    if function is not None and function.kind == "aplikasi-umum" and function.basis:
        code = "RAA.01.01" if function.id in PUBLIC_SERVICE_FUNCTIONS else "RAA.01.02"
        entry = catalogue.get(code)
        return CodeSuggestion(code=code, name=entry.name if entry else code, confidence="medium", evidence=(
            f"{what} {function.function}, designated as Aplikasi Umum ({function.basis}); our convention "
            "maps it to this RAA code"))
    entry = catalogue.get("RAA.02.02")
    evidence = (f"{what} {national.function}, not designated as Aplikasi Umum: an Aplikasi Khusus of "
                f"{national.provider or 'its ministry'} by our convention") if national else \
        "no Aplikasi Umum function recognised: an Aplikasi Khusus by our convention"
    return CodeSuggestion(code="RAA.02.02", name=entry.name if entry else "RAA.02.02", confidence="low",
                          evidence=evidence)


def _national(f: AppFeatures, national_apps: dict[str, str], workspace: Workspace) -> NationalSuggestion | None:
    function = f.national_copy
    if function is None:
        return None
    modelled = national_apps.get(function.id)
    national = workspace.display_name(modelled) if modelled else function.national
    named = not f.read_description  # read from the name, or only from the description
    confidence: Confidence = "medium" if named else "low"
    source = "its name" if named else "its description"
    return NationalSuggestion(function=function.function, national=national, provider=function.provider,
                              basis=function.basis or None, confidence=confidence,
                              evidence=f"{source} names {function.function}")


def classify(workspace: Workspace | str | os.PathLike[str]) -> list[Suggestion]:
    """Suggestions for every application in use that has no RAA code, by id."""
    if not isinstance(workspace, Workspace):
        from spbe_arch.loader import open_workspace

        workspace, _ = open_workspace(Path(workspace))
    return classify_features(build_features(workspace), workspace)


def classify_features(features: FeatureSet, workspace: Workspace) -> list[Suggestion]:
    """:func:`classify` over a feature set already built (the evaluation builds one for both)."""
    version = workspace.manifest.reference
    by_function = function_rab(workspace.manifest.duplicates.function_rab)
    result: list[Suggestion] = []
    for f in features.apps:
        if f.app.reference or f.app.retired:
            continue
        result.append(Suggestion(application=f.id, name=f.app.name, raa=_raa(f, version),
                                 rab=_rab(f, version, by_function),
                                 national=_national(f, features.national_apps, workspace)))
    return result


def suggestions_text(suggestions: list[Suggestion]) -> str:
    """One block per application, as people read it."""
    lines = [f"{len(suggestions)} application(s) without an RAA code"]
    for s in suggestions:
        lines += ["", f"{s.application}: {s.name}",
                  f"  RAA {s.raa.code} {s.raa.name} [{s.raa.confidence}] - {s.raa.evidence}"]
        if s.rab is not None:
            lines.append(f"  RAB {s.rab.code} {s.rab.name} [{s.rab.confidence}] - {s.rab.evidence}")
        if s.national is not None:
            basis = s.national.basis or "legal basis to be confirmed"
            lines.append(f"  national application {s.national.national} ({s.national.provider}; {basis}) for "
                         f"{s.national.function} [{s.national.confidence}] - {s.national.evidence}")
    return "\n".join(" ".join(line.split("\n")) for line in lines) + "\n"
