"""The rule registry: what a rule is, the table of codes, and the decorator rule modules use.

A rule has a code that never changes meaning, a default severity, a one-line summary and an
explanation (``spbe rules CODE``). Rules that check a loaded model are functions that yield
:class:`Hit`; :mod:`spbe_arch.validate` runs them. This module imports no rule, so that every rule
module can import it without a cycle; :mod:`spbe_arch.rules` imports the rule modules.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar, cast

from spbe_arch.findings import Severity
from spbe_arch.reference import Catalogue
from spbe_arch.workspace import Path_, Workspace

if TYPE_CHECKING:  # pragma: no cover
    import networkx as nx

    from spbe_arch.relations import Reference, ReferenceScan
    from spbe_arch.rules.basis import Basis

T = TypeVar("T")


WORKSPACE = ""  # the element of a hit about the whole workspace (placed on the manifest)


@dataclass(frozen=True)
class Hit:
    """What a rule found: the element, the message, and the path inside the element to point at."""

    element: str
    message: str
    path: Path_ = ()
    # the message's values, for its translation (spbe_arch.rules.messages_id); "*_id" keys hold element ids
    args: dict[str, object] | None = field(default=None, compare=False, hash=False)


@dataclass
class Context:
    """What rules may look at: the workspace, the catalogue with local codes, and (lazily) the indexes the
    rules share: the reference scan, anything else made once with :meth:`shared`, and the networkx graph
    for a rule that needs a graph algorithm (no built-in rule does: on a national model building it
    costs more than all the rules together)."""

    workspace: Workspace
    catalogue: Catalogue
    _shared: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def shared(self, key: Hashable, compute: Callable[[], T]) -> T:
        """What ``compute`` makes for the rules that ask under ``key``, made once per context: an index
        several rules read is built by the first of them (in the process that runs it)."""
        if key not in self._shared:
            self._shared[key] = compute()
        return cast(T, self._shared[key])

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        from spbe_arch.graph import workspace_graph

        return workspace_graph(self.workspace)

    @cached_property
    def references(self) -> list[Reference]:
        """Every reference of the workspace, computed once for all rules."""
        from spbe_arch.relations import iter_references

        return [ref for element in self.workspace.iter_elements() for ref in iter_references(element)]

    @cached_property
    def reference_scan(self) -> ReferenceScan:
        """One cheap pass over every reference: the elements some reference rule may report, and the
        ids each field names (:func:`spbe_arch.relations.scan_references`)."""
        from spbe_arch.relations import scan_references

        return scan_references(self.workspace)

    @cached_property
    def referrers(self) -> dict[str, list[tuple[str, str]]]:
        """For each id: the (element id, field) pairs that name it."""
        result: dict[str, list[tuple[str, str]]] = {}
        for ref in self.references:
            result.setdefault(ref.target, []).append((ref.source, ref.field))
        return result


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    explanation: str
    check: Check | None = None  # None: reported by the loader, not by a check over the model

    @property
    def family(self) -> str:
        return self.code[:2]

    @property
    def basis(self) -> Basis | None:
        """What the rule rests on: a regulation, good practice or the format (:mod:`spbe_arch.rules.basis`)."""
        from spbe_arch.rules.basis import basis_of

        return basis_of(self.code)


RULES: dict[str, Rule] = {}

# Codes of rules that were removed: a code keeps its meaning for ever, so a retired one is never reused.
# Each entry says what the rule checked and why it went, for ``spbe rules CODE``.
RETIRED: dict[str, str] = {}

FAMILIES: dict[str, str] = {
    "SC": "schema: files, YAML and the shape of each element",
    "RF": "references between elements",
    "RC": "reference-architecture codes",
    "OR": "organizations (perangkat daerah)",
    "BP": "proses bisnis",
    "LY": "layanan",
    "DA": "data dan informasi",
    "AP": "aplikasi",
    "IN": "infrastruktur",
    "KM": "keamanan",
    "RM": "peta rencana",
}


def register(code: str, name: str, severity: Severity, summary: str, explanation: str,
             check: Check | None = None) -> Rule:
    if code in RULES:
        raise ValueError(f"rule {code} registered twice")
    if code in RETIRED:
        raise ValueError(f"rule code {code} is retired and cannot be reused")
    rule = Rule(code, name, severity, summary, " ".join(explanation.split()), check)
    RULES[code] = rule
    return rule


def rule(
    code: str, name: str, severity: Severity, summary: str, explanation: str
) -> Callable[[Check], Check]:
    """Decorator: register ``check`` as rule ``code``."""

    def decorate(check: Check) -> Check:
        register(code, name, severity, summary, explanation, check)
        return check

    return decorate
