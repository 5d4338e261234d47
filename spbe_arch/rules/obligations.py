"""Rules over the fields that record a Pemda's obligations: JIP and SPLP connection, domain and PSE
registration, personal data, urusan coverage, Peta Rencana completeness and the audit TIK.

Each rule reads an optional field and speaks only when the field says something is missing
(``false``), or when the whole model shows a gap: an unknown value is never a finding. What each
rule rests on is in :mod:`spbe_arch.rules.basis`.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from spbe_arch.analysis.scope import Scope
from spbe_arch.model import Application, Infrastructure, RoadmapActivity
from spbe_arch.rules.registry import WORKSPACE, Context, Hit, rule

_RUNNING = ("aktif", "pengembangan")

# urusan wajib berkaitan dengan pelayanan dasar (UU 23/2014 Pasal 12 ayat (1)), Permendagri 90/2019 codes
BASIC_AFFAIRS: dict[str, str] = {
    "1.01": "pendidikan",
    "1.02": "kesehatan",
    "1.03": "pekerjaan umum dan penataan ruang",
    "1.04": "perumahan rakyat dan kawasan permukiman",
    "1.05": "ketenteraman, ketertiban umum, dan pelindungan masyarakat",
    "1.06": "sosial",
}

SUBSTANCES: dict[str, str] = {
    "tata-kelola": "tata kelola SPBE", "manajemen": "manajemen SPBE", "layanan": "layanan SPBE",
    "infrastruktur": "infrastruktur SPBE", "aplikasi": "aplikasi SPBE", "keamanan": "keamanan SPBE",
    "audit-tik": "audit TIK",
}


def _scope(ctx: Context) -> Scope:
    """One :class:`Scope` per validation context, kept on the context itself (no global state)."""
    return ctx.shared(Scope, lambda: Scope(ctx.workspace))


def _running_local_applications(ctx: Context) -> Iterator[Application]:
    """The running applications the Pemda builds or runs itself (``source: lokal``); whether one runs
    outside the Pemda (:meth:`Scope.outside`) is asked last, of those a rule would report."""
    for app in ctx.workspace.applications:
        if app.status in _RUNNING and app.source == "lokal":
            yield app


@rule("AP021", "domain-not-go-id", "warning",
      "an application of the Pemda is served outside the go.id domain",
      """Systems of a government institution are reached under its `go.id` domain (for a Pemda, a
      subdomain such as `sakti.pasuruankab.go.id`), so that people can trust the address. The rule
      reads `domain`, or else the host of `url`, of the Pemda's own running applications.""")
def domain_not_go_id(ctx: Context) -> Iterator[Hit]:
    scope = _scope(ctx)
    for app in _running_local_applications(ctx):
        host = app.domain or (urlsplit(app.url).hostname if app.url else None)
        if host and not host.lower().rstrip(".").endswith(".go.id") and not scope.outside(app.id):
            field = "domain" if app.domain else "url"
            yield Hit(app.id, f"application {app.name!r} is served at {host!r}, outside the go.id domain", (field,),
                      {"alamat": host})


@rule("AP022", "pse-not-registered", "warning",
      "an application of the Pemda is not registered as a PSE",
      """An electronic system run by a government institution is registered as a Penyelenggara
      Sistem Elektronik lingkup publik. The rule reports the Pemda's own running applications marked
      `pse_registered: false`; an application that does not say is not reported.""")
def pse_not_registered(ctx: Context) -> Iterator[Hit]:
    scope = _scope(ctx)
    for app in _running_local_applications(ctx):
        if app.pse_registered is False and not scope.outside(app.id):
            yield Hit(app.id, f"application {app.name!r} is not registered as a Penyelenggara Sistem Elektronik",
                      ("pse_registered",))


@rule("IN006", "not-connected-to-jip", "warning",
      "a data centre or network of the Pemda is not connected to the JIP",
      """The Pemda's data centres and networks are connected to the Jaringan Intra Pemerintah, the
      closed government network. The rule reports infrastructure of kind `pusat-data` or
      `jaringan-intra` of the Pemda marked `jip_connected: false`.""")
def not_connected_to_jip(ctx: Context) -> Iterator[Hit]:
    scope = _scope(ctx)
    for infra in ctx.workspace.infrastructure:
        if (infra.kind in ("pusat-data", "jaringan-intra") and infra.jip_connected is False
                and infra.status in _RUNNING and not scope.outside(infra.id)):
            yield Hit(infra.id, f"{infra.kind} {infra.name!r} is not connected to the Jaringan Intra Pemerintah",
                      ("jip_connected",))


@rule("IN007", "splp-not-connected-to-national", "warning",
      "the Pemda's SPLP is not connected to the national SPLP",
      """The Pemda's Sistem Penghubung Layanan Pemerintah exchanges data with central agencies through
      the national SPLP. The rule reports a running SPLP of the Pemda that is `connected_to` no SPLP
      running outside the Pemda (infrastructure of kind `splp` marked `national: true`, or located in
      national infrastructure).""")
def splp_not_connected(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    scope = _scope(ctx)
    for infra in ws.infrastructure:
        if infra.kind != "splp" or infra.status not in _RUNNING or scope.outside(infra.id):
            continue
        linked = [ws.get(t) for t in infra.connected_to]
        if not any(isinstance(t, Infrastructure) and t.kind == "splp" and scope.outside(t.id) for t in linked):
            yield Hit(infra.id, f"SPLP {infra.name!r} is connected to no national SPLP", ("connected_to",))


@rule("DA006", "personal-data-unprotected", "warning",
      "a data set holding personal data is protected by no security control",
      """A data set marked `personal: true` holds personal data, which the Pemda, as Pengendali Data
      Pribadi, must protect and keep secure. The rule reports such a data set that no security
      control names in `protects` (directly, or through an application that writes or reads it).""")
def personal_data_unprotected(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    protected = {target for item in ws.security for target in item.protects}
    covered_by_apps = {d for app in ws.applications if app.id in protected for d in (*app.reads, *app.writes)}
    for data in ws.data:
        if data.personal and data.id not in protected and data.id not in covered_by_apps:
            yield Hit(data.id, f"data set {data.name!r} holds personal data but no security control protects it")


@rule("DA007", "personal-data-open", "warning", "a data set holding personal data is marked open",
      """Personal data is not published as open data. The rule reports a data set marked
      `personal: true` that is also `open_data: true` or classified `terbuka`; publish an aggregated
      or anonymised data set instead.""")
def personal_data_open(ctx: Context) -> Iterator[Hit]:
    for data in ctx.workspace.data:
        if data.personal and (data.open_data or data.classification == "terbuka"):
            field = "open_data" if data.open_data else "classification"
            yield Hit(data.id, f"data set {data.name!r} holds personal data but is marked open", (field,))


@rule("OR004", "basic-affairs-not-covered", "info",
      "an urusan of basic services is carried out by no OPD",
      """Every Pemda carries out the mandatory affairs of basic services: pendidikan, kesehatan,
      pekerjaan umum dan penataan ruang, perumahan rakyat dan kawasan permukiman, ketenteraman dan
      ketertiban umum, and sosial (codes 1.01 to 1.06). When the OPDs list their urusan (`affairs`),
      the rule reports each of these that no OPD lists. Silent when no OPD lists any.""")
def basic_affairs_not_covered(ctx: Context) -> Iterator[Hit]:
    listed = {a for org in ctx.workspace.organizations for a in org.affairs}
    if not listed:
        return
    for code, name in BASIC_AFFAIRS.items():
        if code not in listed:
            yield Hit(WORKSPACE, f"no OPD lists the urusan {code} {name}", (), {"kode": code, "urusan": name})


@rule("RM003", "roadmap-substance-missing", "info",
      "the Peta Rencana plans nothing for one of its substances",
      """The Peta Rencana SPBE plans the development of tata kelola, manajemen, layanan,
      infrastruktur, aplikasi and keamanan SPBE, and the audit TIK. The rule reports each substance
      (`substance`) for which no activity is planned; silent when the model has no roadmap yet.""")
def roadmap_substance_missing(ctx: Context) -> Iterator[Hit]:
    activities: list[RoadmapActivity] = ctx.workspace.roadmap
    if not activities:
        return
    planned = {a.substance for a in activities}
    for substance, name in SUBSTANCES.items():
        if substance not in planned:
            yield Hit(WORKSPACE, f"the Peta Rencana plans no activity for {name} (substance: {substance})", (),
                      {"substansi": name})


@rule("KM004", "audit-tik-missing", "info", "no audit TIK is recorded or planned within the period",
      """The audit TIK covers the infrastruktur, aplikasi and keamanan SPBE. The rule reports a model
      in which no security element of kind `audit` records a date within the architecture period
      (`last_done`, `audit_dates`) and no roadmap activity of substance `audit-tik` falls in it. No
      yearly cadence is assumed; one audit recorded or planned within the period is enough.""")
def audit_tik_missing(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    period = ws.manifest.period
    if period is None:
        return
    within = range(period.start, period.end + 1)
    for item in ws.security:
        dates = [*item.audit_dates, *([item.last_done] if item.last_done else [])]
        if item.kind == "audit" and any(d.year in within for d in dates):
            return
    if any(a.substance == "audit-tik" and a.year in within for a in ws.roadmap):
        return
    yield Hit(WORKSPACE, f"no audit TIK is recorded or planned within {period.start}-{period.end}", (),
              {"awal": period.start, "akhir": period.end})
