"""RC: codes of the national reference architecture (and the workspace's local extensions)."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.model import Application, Element, Service
from spbe_arch.reference import COLLECTION_DOMAIN, DOMAIN_NAMES
from spbe_arch.rules.registry import Context, Hit, rule

Coded = list[tuple[Element, str]]


def _read_codes(ctx: Context) -> tuple[Coded, Coded]:
    well_formed: dict[str, bool] = {}
    good: Coded = []
    bad: Coded = []
    for element in ctx.workspace.iter_elements():
        code = element.reference
        if code is None:
            continue
        fine = well_formed.get(code)
        if fine is None:
            fine = well_formed[code] = ctx.catalogue.well_formed(code)
        (good if fine else bad).append((element, code))
    return good, bad


def _codes(ctx: Context) -> tuple[Coded, Coded]:
    """The elements with a well-formed code and those with a malformed one, each with its code, in
    workspace order: read once for the RC rules (a code is checked against the pattern once)."""
    return ctx.shared(_read_codes, lambda: _read_codes(ctx))


@rule("RC001", "malformed-code", "error", "a reference code is not of the form RAx.NN.NN",
      """Reference codes follow the national pattern `RA[BDLAIK]` followed by one to six two-digit
      segments (`RAB.09.06.03`, `RAA.02.02`). A code written otherwise (`RAB-09-06`, `RAB.9.6`) cannot
      be checked against the catalogue.""")
def malformed_code(ctx: Context) -> Iterator[Hit]:
    for element, code in _codes(ctx)[1]:
        yield Hit(element.id, f"reference {code!r} is malformed: expected e.g. "
                  f"{COLLECTION_DOMAIN.get(element.COLLECTION, 'RAB')}.01.02", ("reference",))


@rule("RC002", "unknown-code", "error", "a reference code is not in the national catalogue",
      """The code is well formed but neither the national catalogue named in the manifest
      (`reference:`) nor the workspace's local extensions (`reference_extensions:`) define it.
      Level-3-and-deeper codes of a government's own belong in the local extensions file.""")
def unknown_code(ctx: Context) -> Iterator[Hit]:
    yield from _unknown(ctx, provisional=False)


def _unknown(ctx: Context, provisional: bool) -> Iterator[Hit]:
    """Unknown codes in the confirmed domains (RC002) or in the provisional ones (RC007)."""
    for element, code in _codes(ctx)[0]:
        if code in ctx.catalogue:
            continue
        if ctx.catalogue.provisional(code[:3]) != provisional:
            continue
        parent = code
        while "." in parent and parent not in ctx.catalogue:
            parent = parent.rsplit(".", 1)[0]
        hint = ""
        if parent in ctx.catalogue and parent != code:
            hint = f" (its parent {parent} is {ctx.catalogue.codes[parent].name}; define it in the local extensions)"
        caveat = " (this domain's national numbering is provisional)" if provisional else ""
        yield Hit(element.id, f"reference {code!r} is not in catalogue "
                  f"{ctx.catalogue.version}{hint}{caveat}", ("reference",), {"kode": code})


@rule("RC007", "unknown-provisional-code", "warning",
      "a reference code is not in a domain whose national numbering is provisional",
      """Some domains have no published national code table (RAI and RAK): their codes in the
      catalogue are numbered by spbe-arch from the published tiers, and marked provisional
      (`spbe reference` shows it). A code outside them may well be right, so it is a warning, not an
      error. A Pemda that follows another numbering (for example SIA-SPBE's) declares it in the
      local codes file (`numbering:`), mapped to the national codes.""")
def unknown_provisional_code(ctx: Context) -> Iterator[Hit]:
    yield from _unknown(ctx, provisional=True)


@rule("RC003", "code-of-other-domain", "error", "a reference code belongs to another domain",
      """Each collection maps to one reference domain: processes to RAB, services to RAL, data to
      RAD, applications to RAA, infrastructure to RAI, security to RAK. An application with an RAB
      code, for example, is mapped to a business process instead of an application type.""")
def code_of_other_domain(ctx: Context) -> Iterator[Hit]:
    for element, code in _codes(ctx)[0]:
        expected = COLLECTION_DOMAIN.get(element.COLLECTION)
        if expected is None:
            yield Hit(element.id, f"{element.COLLECTION} take no reference code, but {code!r} is given",
                      ("reference",))
        elif code[:3] != expected:
            yield Hit(element.id, f"reference {code!r} is a {DOMAIN_NAMES[code[:3]]} code ({code[:3]}); "
                      f"{element.COLLECTION} take {expected} codes ({DOMAIN_NAMES[expected]})", ("reference",))


# RC004 is reported while reading the local extensions file.
from spbe_arch.rules.registry import register  # noqa: E402

register("RC004", "bad-local-code", "error", "a local reference code is invalid",
         """Codes in the `reference_extensions` file must be well formed, new (not a national code),
         defined once, and extend an existing code by one level (their parent is national or defined
         above them in the file).""")


@rule("RC005", "missing-code", "info", "an element has no reference code",
      """Mapping every element to the national reference architecture is what makes the architecture
      comparable across governments and what the Indeks SPBE evaluation looks for. `spbe stats` shows
      the coverage per domain.""")
def missing_code(ctx: Context) -> Iterator[Hit]:
    for element in ctx.workspace.iter_elements():
        if element.COLLECTION in COLLECTION_DOMAIN and element.reference is None:
            yield Hit(element.id, f"{element.id!r} has no {COLLECTION_DOMAIN[element.COLLECTION]} reference code")


@rule("RC006", "code-branch-mismatch", "warning", "the code's branch contradicts the element's kind",
      """Public services (`kind: publik`) are coded under RAL.01 Layanan Publik and administration
      services under RAL.02; Aplikasi Umum (`kind: umum`) under RAA.01 and Aplikasi Khusus under
      RAA.02. A mismatch means either the kind or the code is wrong.""")
def branch_mismatch(ctx: Context) -> Iterator[Hit]:
    for element, code in _codes(ctx)[0]:
        if not isinstance(element, (Service, Application)):
            continue
        found = ctx.catalogue.get(code)
        code = found.maps_to if found is not None and found.maps_to else code
        expected = None
        if isinstance(element, Service) and code.startswith("RAL."):
            expected = "RAL.01" if element.kind == "publik" else "RAL.02"
        elif isinstance(element, Application) and code.startswith("RAA."):
            expected = "RAA.01" if element.kind == "umum" else "RAA.02"
        if expected and not code.startswith(expected):
            kind = getattr(element, "kind", "")
            yield Hit(element.id, f"kind {kind!r} is coded under {expected}, but the reference is {code}",
                      ("reference",))
