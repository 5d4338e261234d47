"""SPBE rules about relations between elements: the typed relations of the dependency graph.

Each rule reads the relations :func:`spbe_arch.graph.build_graph` makes edges of, as plain
(source, target, type, via) tuples read straight from the elements with every other reference
(:attr:`spbe_arch.rules.registry.Context.reference_scan`):
none needs a graph algorithm, so none builds the networkx graph. The rule about retired dependencies
(RF006) reads the direct failure dependencies, i.e. the :data:`spbe_arch.graph.PROPAGATION` table.
What the rules share is computed once per validation context.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spbe_arch.graph import PROPAGATING_TYPES, graph_order, relation_failures
from spbe_arch.model import RUNNING_STATUSES, Application, Element, Infrastructure
from spbe_arch.relations import Relation, iter_references
from spbe_arch.rules.registry import Context, Hit, rule
from spbe_arch.workspace import Workspace

_SITES = ("pusat-data", "komputasi-awan")
_CRITICAL = ("strategis", "tinggi")
_INFRA_NEVER_IDLE = ("perangkat-keamanan", "lainnya")
_SINGULAR = {
    "organizations": "organization", "processes": "process", "services": "service", "data": "data set",
    "applications": "application", "infrastructure": "infrastructure", "security": "security control",
    "roadmap": "roadmap activity",
}


@dataclass
class _Facts:
    """The relations of the graph by type, and the running writers of each data set (in id order)."""

    relations: dict[str, list[Relation]]
    writers: dict[str, list[str]]


def _read_facts(ctx: Context) -> _Facts:
    relations = ctx.reference_scan.relations
    known = ctx.workspace.elements
    writers: dict[str, list[str]] = {}
    for source, target, _, _ in relations.get("writes", []):
        writer = known[source]
        if writer.status in RUNNING_STATUSES and writer.COLLECTION == "applications":
            writers.setdefault(target, []).append(source)
    for found in writers.values():
        found.sort()
    return _Facts(relations, writers)


def _facts(ctx: Context) -> _Facts:
    return ctx.shared(_Facts, lambda: _read_facts(ctx))


def _edges(ctx: Context, edge_type: str) -> list[Relation]:
    """(source, target, type, via) of every relation of ``edge_type`` whose target exists, in workspace order."""
    return _facts(ctx).relations.get(edge_type, [])


def _owner_label(ws: Workspace, element_id: str) -> str:
    return ws.owner_label(element_id) or "no owner"


def _path_to(element: Element, target: str, field: str | None = None) -> tuple[str | int, ...]:
    """Where ``element`` writes ``target`` (in ``field`` if given), to place the finding on it."""
    for ref in iter_references(element):
        if ref.target == target and (field is None or ref.field == field):
            return ref.path
    return ()


# --- AP: aplikasi --------------------------------------------------------------------------------


@rule("AP006", "point-to-point-integration", "warning",
      "applications of different OPDs are integrated point to point, not through an SPLP",
      """Applications of different perangkat daerah (or of a central agency) should exchange data
      through the SPLP (Sistem Penghubung Layanan Pemerintah, Perpres 95/2018 and the SPBE
      interoperability policy), not through direct links such as shared databases or private APIs.
      Direct links multiply with every new pair, cannot be governed or monitored centrally and break
      silently when either side changes. The rule reports every integration whose two applications
      have different owners and whose `via` names no SPLP; name the SPLP in `via` (and make it
      `kind: splp`, see RF004) once the integration goes through it. Integrations inside one OPD are
      not reported.""")
def point_to_point(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for app in ws.applications:
        if app.retired:
            continue
        for i, integration in enumerate(app.integrations):
            other = ws.get(integration.target)
            if integration.via is not None or other is None or other.owner_id in (None, app.owner):
                continue
            yield Hit(app.id, f"integrates point to point with {integration.target!r} of "
                      f"{_owner_label(ws, integration.target)} ({integration.protocol}); route it through the "
                      "SPLP and name it in `via`", ("integrations", i),
                      {"target_id": integration.target, "target_owner_id": other.owner_id or ""})


def _in_site(ws: Workspace, infra_id: str) -> bool:
    """Whether ``infra_id`` is a data centre or cloud, or sits in one through ``located_in``."""
    return any(isinstance(e, Infrastructure) and e.kind in _SITES for e in ws.lineage(infra_id, "located_in"))


@rule("AP007", "critical-application-outside-data-centre", "warning",
      "a strategis or tinggi application is not hosted in a data centre",
      """Our advice, not a regulation: an electronic system whose security category (BSSN) is
      `strategis` or `tinggi` is best run in a managed facility (the pusat data daerah, the Pusat
      Data Nasional, or a cloud) rather than on a server under a desk or an unmanaged vendor host.
      No regulation ties the category to a hosting place, so this is a warning you may turn off. The rule follows
      `hosted_on` and then `located_in` (a virtual machine in a server in a data centre counts) and
      reports a running application whose hosts reach no infrastructure of kind `pusat-data` or
      `komputasi-awan`. Applications hosted nowhere are reported by AP002 instead; national
      applications (`source: nasional`) are the central agency's responsibility and are not
      checked.""")
def critical_outside_site(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    in_site: dict[str, bool] = {}
    for app in ws.applications:
        if (app.security_category not in _CRITICAL or not app.running or not app.hosted_on
                or app.source == "nasional"):
            continue
        known = [h for h in app.hosted_on if h in ws.elements]
        for host in known:
            if host not in in_site:
                in_site[host] = _in_site(ws, host)
        if known and not any(in_site[host] for host in known):
            yield Hit(app.id, f"{app.security_category} application {app.name!r} is hosted on "
                      f"{', '.join(known)}, which is in no data centre or cloud", ("hosted_on",))


@rule("AP008", "integration-data-unused", "info",
      "an integration carries a data set that neither application reads or writes",
      """The `data` of an integration names the data sets exchanged. Each should be read or written
      by at least one of the two applications; otherwise either the integration's data or the
      applications' `reads`/`writes` are incomplete, and the data architecture shows flows that no
      application explains.""")
def integration_data_unused(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for app in ws.applications:
        for i, integration in enumerate(app.integrations):
            other = ws.get(integration.target)
            if not integration.data or not isinstance(other, Application):
                continue
            used = {*app.reads, *app.writes, *other.reads, *other.writes}
            for j, data_id in enumerate(integration.data):
                if data_id in ws.elements and data_id not in used:
                    yield Hit(app.id, f"integration with {integration.target!r} carries {data_id!r}, which "
                              "neither application reads or writes", ("integrations", i, "data", j))


@rule("AP009", "replaced-application-still-active", "info",
      "an application replaced by a running one is still active",
      """`replaces` records that an application takes over from older ones, usually in a
      consolidation of duplicates. While the old application stays `aktif`, both run in parallel:
      data is kept twice and users are split. Set the old one to `dihentikan` once the migration is
      done, or keep this reminder until then.""")
def replaced_still_active(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for source, target, _, _ in _edges(ctx, "replaces"):
        new, old = ws.get(source), ws.get(target)
        if new is not None and old is not None and new.status == "aktif" and old.status == "aktif":
            yield Hit(source, f"replaces {target!r}, which is still aktif", _path_to(new, target, "replaces"))


# --- KM: keamanan --------------------------------------------------------------------------------


@rule("KM003", "critical-application-unprotected", "warning",
      "a strategis or tinggi application is protected by no security control",
      """The BSSN categories `strategis` and `tinggi` oblige the owner to apply security controls
      (an information security management system such as SNI ISO/IEC 27001, vulnerability
      assessments, incident handling). A running application of those categories that no security
      element of the model names in `protects` has no documented protection. Controls that are
      `dihentikan` do not count; national applications (`source: nasional`) are protected by their
      central agency and are not checked.""")
def critical_unprotected(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    known = ws.elements
    protected = {target for source, target, _, _ in _edges(ctx, "protects")
                 if known[source].COLLECTION == "security" and known[source].status in RUNNING_STATUSES}
    for app in ws.applications:
        if (app.security_category in _CRITICAL and app.running and app.source == "lokal"
                and app.id not in protected):
            yield Hit(app.id, f"{app.security_category} application {app.name!r} is protected by no security "
                      "control", ("security_category",))


# --- DA: data ------------------------------------------------------------------------------------


def _writers(ctx: Context) -> dict[str, list[str]]:
    """Running applications writing each data set, in id order."""
    return _facts(ctx).writers


@rule("DA003", "data-several-masters", "warning", "a data set is written by applications of several OPDs",
      """Satu Data Indonesia expects one producer (produsen data) for each data set. When
      applications of two or more OPDs write the same data set, there are several masters: the
      copies drift apart and nobody knows which is right. Choose the producing OPD's application as
      the master and let the others read it through the SPLP. Retired applications are not
      counted.""")
def several_masters(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    known = ws.elements
    labels: dict[str, str] = {}  # by owner id: the label of each OPD, made once
    for data_id, writers in sorted(_writers(ctx).items()):
        by_owner: dict[str, list[str]] = {}
        for app_id in writers:
            by_owner.setdefault(known[app_id].owner_id or "", []).append(app_id)
        if len(by_owner) > 1 and data_id in known:
            groups = sorted(by_owner.items())
            for owner, apps in groups:
                if owner not in labels:
                    labels[owner] = _owner_label(ws, apps[0])
            detail = "; ".join([f"{labels[owner]}: {', '.join(apps)}" for owner, apps in groups])
            yield Hit(data_id, f"data set {known[data_id].name!r} is written by applications of "
                      f"{len(by_owner)} OPDs ({detail})", args={
                          "jumlah": len(by_owner), "penulis": "; ".join([
                              f"{labels[owner]} ({', '.join([known[a].name for a in apps])})"
                              for owner, apps in groups])})


@rule("DA004", "data-without-producer", "info", "a data set is used but no running application writes it",
      """A data set that applications or processes read, or that integrations carry, but that no
      running application writes, has no digital producer: it is typed in by hand, copied from
      elsewhere, or its producing application is missing from the model. Name the producing
      application in its `writes`. Data sets that nothing uses are reported by DA002 instead.""")
def without_producer(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    written = _writers(ctx)
    known = ws.elements
    used = {target for source, target, _, _ in _edges(ctx, "reads") if known[source].status in RUNNING_STATUSES}
    for app in ws.applications:
        for integration in app.integrations:
            if integration.target in known:
                used.update(integration.data)
    for data in ws.data:
        if data.running and data.id in used and data.id not in written:
            yield Hit(data.id, f"data set {data.name!r} is used but no running application writes it")


@rule("DA005", "data-produced-by-other-opd", "info",
      "a data set is written only by applications of one other OPD than its owner",
      """The `owner` of a data set is its producer (produsen data). When the only applications that
      write it belong to another OPD and the owner is not among their `users`, either the owner is
      wrong or the owning OPD lost control of its data to another agency's system. Make the writing
      OPD the owner, have the owner's application write it, or, when the owner enters the data in
      the other OPD's application (as a Dinas does in a national application such as SIAK or
      Dapodik), list the owner in that application's `users`. (Several writing OPDs are reported by
      DA003.)""")
def produced_elsewhere(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    known = ws.elements
    for data_id, writers in sorted(_writers(ctx).items()):
        data = ws.get(data_id)
        owners = {known[a].owner_id for a in writers}
        if data is None or len(owners) != 1 or data.owner_id in owners:
            continue
        if any(data.owner_id in getattr(ws.elements[a], "users", ()) for a in writers):
            continue
        yield Hit(data_id, f"data set {data.name!r} of {_owner_label(ws, data_id)} is written only by "
                  f"{', '.join(writers)} of {_owner_label(ws, writers[0])}", ("owner",),
                  {"pemilik_id": data.owner_id or "", "penulis_ids": ",".join(writers),
                   "pemilik_penulis_id": known[writers[0]].owner_id or ""})


# --- RF: references ------------------------------------------------------------------------------


@rule("RF006", "depends-on-retired", "warning", "a running element depends on a retired (dihentikan) one",
      """An element that is `aktif` or `pengembangan` depends on an element whose status is
      `dihentikan`: an application hosted on a decommissioned server, a service realised by a
      retired application, a process supported by one, an integration with it or through a retired
      SPLP, an application reading a data set that is no longer kept. Dependencies follow the
      failure-propagation table of the graph (see docs/graph.md). Either the dependency is stale and
      should be removed or replaced, or the retirement is premature.""")
def depends_on_retired(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    known = ws.elements
    retired = {element_id for element_id, element in known.items() if element.status == "dihentikan"}
    # only a relation that names a retired element can carry its failure; a reads pair also written
    # (which carries none) names the same two elements, so the reading of PROPAGATION is unchanged
    touching = graph_order(ws, [r for edge_type in PROPAGATING_TYPES for r in _edges(ctx, edge_type)
                                if r[0] in retired or r[1] in retired or r[3] in retired])
    seen: set[tuple[str, str]] = set()
    for retired_id, dependant, relation in relation_failures(touching):
        if known[retired_id].status != "dihentikan" or known[dependant].status not in RUNNING_STATUSES:
            continue
        if (retired_id, dependant) in seen or retired_id == dependant:
            continue
        seen.add((retired_id, dependant))
        element = ws.elements[dependant]
        yield Hit(dependant, f"{_SINGULAR[element.COLLECTION]} {element.name!r} depends on {retired_id!r} "
                  f"({relation}), which is dihentikan", _path_to(element, retired_id), {"target_id": retired_id})


# --- hierarchy cycles ----------------------------------------------------------------------------


def _parent_cycles(ctx: Context, edge_type: str, collection: str) -> Iterator[list[str]]:
    """Each cycle of a single-valued hierarchy relation, from its smallest id, closed."""
    known = ctx.workspace.elements
    parent = {s: t for s, t, _, _ in _edges(ctx, edge_type) if s != t and collection == known[s].COLLECTION}
    done: set[str] = set()
    for start in sorted(parent):
        trail: list[str] = []
        position: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in position:
            position[node] = len(trail)
            trail.append(node)
            node = parent.get(node)
        if node is not None and node in position:
            loop = trail[position[node]:]
            first = loop.index(min(loop))
            loop = loop[first:] + loop[:first]
            yield [*loop, loop[0]]
        done.update(trail)


def _cycle_hits(ctx: Context, edge_type: str, collection: str, field: str, what: str) -> Iterator[Hit]:
    for loop in _parent_cycles(ctx, edge_type, collection):
        yield Hit(loop[0], f"{what} cycle: {' -> '.join(loop)}", (field,))


@rule("BP003", "process-hierarchy-cycle", "error", "the process hierarchy (parent) has a cycle",
      """`parent` arranges processes in a hierarchy (level 1 business areas down to level 3 and
      below, as in the RAB). A process that is its own ancestor makes the hierarchy impossible to
      draw or to number in the document. The finding names the cycle; break it by correcting one
      `parent`.""")
def process_cycle(ctx: Context) -> Iterator[Hit]:
    yield from _cycle_hits(ctx, "part_of", "processes", "parent", "process parent")


@rule("OR003", "organization-hierarchy-cycle", "error", "the organization hierarchy (parent) has a cycle",
      """`parent` places an organization under another (a UPTD under its dinas, a kelurahan under its
      kecamatan). An organization that is its own ancestor makes the structure chart and the
      per-OPD tables impossible. The finding names the cycle; break it by correcting one
      `parent`.""")
def organization_cycle(ctx: Context) -> Iterator[Hit]:
    yield from _cycle_hits(ctx, "part_of", "organizations", "parent", "organization parent")


@rule("IN004", "located-in-cycle", "error", "infrastructure is located in itself through a cycle of located_in",
      """`located_in` says where a component sits: a virtual machine in a server, a server in a data
      centre. A cycle (a server in a data centre that is located in the server) has no physical
      meaning, and impact analysis cannot tell what contains what. The finding names the cycle;
      break it by correcting one `located_in`.""")
def located_in_cycle(ctx: Context) -> Iterator[Hit]:
    yield from _cycle_hits(ctx, "located_in", "infrastructure", "located_in", "located_in")


# --- IN: infrastruktur ---------------------------------------------------------------------------


@rule("IN005", "infrastructure-unused", "info", "infrastructure hosts, contains and connects nothing",
      """A running data centre, server, storage, network, SPLP, operating system or database server
      that no application is hosted on, nothing is located in or connected to, and no integration
      goes through is either idle capacity or, more often, missing its relations, so that impact
      analysis cannot see what depends on it. Security devices and `lainnya` are not checked.""")
def infrastructure_unused(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    used = {target for edge_type in ("hosted_on", "located_in", "connected_to")
            for _, target, _, _ in _edges(ctx, edge_type)}
    used.update(via for _, _, _, via in _edges(ctx, "integrates") if via)
    for infra in ws.infrastructure:
        if infra.running and infra.kind not in _INFRA_NEVER_IDLE and infra.id not in used:
            yield Hit(infra.id, f"{infra.kind} {infra.name!r} hosts, contains and connects nothing")
