"""RF: references between elements."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model import COLLECTION_LABELS, Infrastructure
from spbe_arch.relations import NO_SELF_REFERENCE, Reference, iter_references
from spbe_arch.rules.registry import Context, Hit, rule
from spbe_arch.suggest import did_you_mean, suggest_id

_SINGULAR = {
    "organizations": "an organization", "processes": "a process", "services": "a service",
    "data": "a data set", "applications": "an application", "infrastructure": "infrastructure",
    "security": "a security control", "roadmap": "a roadmap activity",
}


def _suspect_references(ctx: Context) -> Iterator[Reference]:
    """The references of the elements that may have a wrong one (:class:`spbe_arch.relations.ReferenceScan`),
    in workspace order: every other reference is fine for every rule here."""
    for element in ctx.reference_scan.suspects:
        yield from iter_references(element)


def _names(collections: tuple[str, ...]) -> str:
    if len(collections) > 3:
        return "an element"
    return " or ".join(_SINGULAR[c] for c in collections)


@rule("RF001", "unknown-reference", "error", "a reference names an id that no element has",
      """Every id written in a relation (owner, supports, reads, writes, hosted_on, integrations,
      ...) must be the id of an element of the workspace. The message proposes the nearest existing
      ids of the expected collection, which catches most typos.""")
def unknown_reference(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for ref in _suspect_references(ctx):
        if ws.collection_of(ref.target) is None and ref.target not in ws.duplicate_ids:
            guesses = suggest_id(ws, ref.target, ref.targets)
            hint = did_you_mean(guesses)
            yield Hit(ref.source, f"{ref.field}: no element has id {ref.target!r}{hint}", ref.path,
                      {"rujukan": ref.target})


@rule("RF002", "reference-to-wrong-collection", "error", "a reference names an element of the wrong kind",
      """Each relation points to one kind of element: `hosted_on` to infrastructure, `supports` to
      processes, `reads` and `writes` to data, `owner` and `users` to organizations, `integrations`
      to applications. Naming an element of another collection is a modelling mistake (for example
      an application hosted on another application instead of on its server).""")
def wrong_collection(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for ref in _suspect_references(ctx):
        actual = ws.collection_of(ref.target)
        if actual is not None and actual not in ref.targets:
            yield Hit(ref.source, f"{ref.field} must name {_names(ref.targets)}, but {ref.target!r} is "
                      f"{_SINGULAR[actual]} ({COLLECTION_LABELS[actual]})", ref.path)


@rule("RF003", "self-reference", "error", "an element references itself where that makes no sense",
      """An element cannot be its own parent, be located in itself, replace itself, integrate with
      itself or be declared distinct from itself. Such a reference is usually a copy-paste slip.""")
def self_reference(ctx: Context) -> Iterator[Hit]:
    for ref in _suspect_references(ctx):
        if ref.target == ref.source and ref.field.split(".")[0] in NO_SELF_REFERENCE:
            yield Hit(ref.source, f"{ref.field}: {ref.source!r} references itself", ref.path)


@rule("RF004", "integration-via-not-splp", "warning", "an integration's `via` is not an SPLP",
      """`via` on an integration names the integration bus the data travels through: the SPLP
      (Sistem Penghubung Layanan Pemerintah), infrastructure of kind `splp`. Naming a server or a
      network there hides a point-to-point link.""")
def via_not_splp(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for app in ws.applications:
        for i, integration in enumerate(app.integrations):
            if integration.via is None:
                continue
            target = ws.get(integration.via)
            if isinstance(target, Infrastructure) and target.kind != "splp":
                yield Hit(app.id, f"integration with {integration.target!r} goes via {integration.via!r}, "
                          f"which is {target.kind}, not an SPLP", ("integrations", i, "via"))


@rule("RF005", "repeated-reference", "warning", "the same id is listed twice in one relation",
      """A list of ids (supports, reads, users, ...) names the same element twice. It does no harm
      to the model but usually means that another id was meant.""")
def repeated_reference(ctx: Context) -> Iterator[Hit]:
    seen: set[tuple[object, ...]] = set()
    for ref in _suspect_references(ctx):
        if ref.field in ("integrations", "integrations.via"):
            continue  # several integrations naturally share a target or an SPLP
        # data of one integration are compared within that integration only
        scope = ref.path[:2] if ref.field == "integrations.data" else ()
        key = (ref.source, scope, ref.field, ref.target)
        if key in seen and len(ref.path) >= 2:
            yield Hit(ref.source, f"{ref.field}: {ref.target!r} is listed more than once", ref.path)
        seen.add(key)
