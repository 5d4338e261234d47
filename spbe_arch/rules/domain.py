"""SPBE rules over single elements and direct relations (no graph traversal)."""

from __future__ import annotations

from collections.abc import Iterator

from spbe_arch.rules.registry import Context, Hit, rule

_SITES = ("pusat-data", "komputasi-awan")
_HOSTS_NEEDING_SITE = ("server", "penyimpanan", "basis-data", "sistem-operasi", "perangkat-keamanan")


_DATA_USES = ("reads", "writes", "data", "integrations.data")  # the fields in which something uses a data set


def _used_data(ctx: Context) -> set[str]:
    """Every id named where an application, process or integration uses a data set."""
    named = ctx.reference_scan.named
    return set().union(*(named[field] for field in _DATA_USES))


@rule("OR001", "opd-without-affairs", "info", "a perangkat daerah lists no urusan",
      """Each OPD carries out government affairs (urusan pemerintahan, Permendagri 90/2019 codes
      such as `2.16` komunikasi dan informatika). Listing them lets the document build the OPD-by-urusan
      matrix and shows which affairs no OPD covers. Central agencies, kecamatan and kelurahan are
      exempt.""")
def opd_without_affairs(ctx: Context) -> Iterator[Hit]:
    for org in ctx.workspace.organizations:
        if org.kind not in ("instansi-pusat", "kecamatan", "kelurahan", "lainnya") and not org.affairs:
            yield Hit(org.id, f"{org.label} lists no urusan (affairs)")


@rule("OR002", "organization-owns-nothing", "info", "an organization owns no element",
      """An organization that owns no process, service, data set or application is either not yet
      described or does not belong in the model. Central agencies that only use local applications
      are common and still reported, for information.""")
def owns_nothing(ctx: Context) -> Iterator[Hit]:
    owners = ctx.reference_scan.named["owner"]
    parents = {o.parent for o in ctx.workspace.organizations}
    for org in ctx.workspace.organizations:
        if org.id not in owners and org.id not in parents:
            yield Hit(org.id, f"{org.label} owns no element of the architecture")


@rule("BP001", "process-without-application", "info", "a business process is supported by no application",
      """A process that no application supports is carried out by hand. The list of such processes is
      the starting point of the gap analysis (which processes to digitise first) in the document.""")
def process_without_application(ctx: Context) -> Iterator[Hit]:
    supported = {p for app in ctx.workspace.applications for p in app.supports}
    parents = {p.parent for p in ctx.workspace.processes if p.parent}
    for process in ctx.workspace.processes:
        if process.running and process.id not in supported and process.id not in parents:
            yield Hit(process.id, f"process {process.name!r} is supported by no application")


@rule("BP002", "core-process-without-service", "info", "a core process delivers no service",
      """A core process (`kind: inti`) exists to deliver services to the public or to other
      government units. One that lists no `services` leaves the link between the business and the
      service domain undocumented.""")
def core_without_service(ctx: Context) -> Iterator[Hit]:
    parents = {p.parent for p in ctx.workspace.processes if p.parent}
    for process in ctx.workspace.processes:
        if process.kind == "inti" and not process.services and process.id not in parents:
            yield Hit(process.id, f"core process {process.name!r} delivers no service")


@rule("LY001", "service-not-delivered", "warning", "a service is delivered by no application and no process",
      """Every SPBE service is realised by something: an application that serves it (`applications`
      on the service) or a process that delivers it (`services` on a process). A service with neither
      exists only on paper.""")
def service_not_delivered(ctx: Context) -> Iterator[Hit]:
    delivered = {s for p in ctx.workspace.processes for s in p.services}
    for service in ctx.workspace.services:
        if service.running and not service.applications and service.id not in delivered:
            yield Hit(service.id, f"service {service.name!r} is delivered by no application and no process")


@rule("LY002", "public-service-without-channel", "info", "a public service names no channel",
      """Public services reach people through channels (web, mobile, loket, api, ...). The channels
      show the service's digital maturity in the document; a service without any is incomplete.""")
def service_without_channel(ctx: Context) -> Iterator[Hit]:
    for service in ctx.workspace.services:
        if service.kind == "publik" and not service.channels:
            yield Hit(service.id, f"public service {service.name!r} names no channel")


@rule("DA001", "data-without-producer", "info", "a data set of the Pemda names no produsen data",
      """Satu Data Indonesia (Perpres 39/2019) distinguishes the produsen data, the unit that produces a
      given data set, from the walidata, the unit that collects, checks and publishes the data of the
      whole government (usually Diskominfo). The producer is therefore recorded per data set
      (`producer`); the walidata is not (the optional `steward` is kept for a delegated steward).
      Data sets owned by a central agency are exempt: their producer is that agency.""")
def data_without_producer(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for data in ws.data:
        if data.producer is None and not ws.is_central(data.owner):
            yield Hit(data.id, f"data set {data.name!r} names no produsen data (producer)")


@rule("DA002", "data-unused", "info", "a data set is read or written by nothing",
      """A data set that no application writes or reads and no process uses is either missing its
      relations or obsolete.""")
def data_unused(ctx: Context) -> Iterator[Hit]:
    used = _used_data(ctx)
    for data in ctx.workspace.data:
        if data.id not in used:
            yield Hit(data.id, f"data set {data.name!r} is used by no application or process")


@rule("AP001", "application-without-process", "warning", "an application supports no business process",
      """An application exists to support business processes (`supports`). Without that link its
      purpose cannot be traced to the business architecture, and duplicate detection and impact
      analysis lose their strongest signal.""")
def application_without_process(ctx: Context) -> Iterator[Hit]:
    for app in ctx.workspace.applications:
        if not app.supports and not app.retired:
            yield Hit(app.id, f"application {app.name!r} supports no process")


@rule("AP002", "application-not-hosted", "warning", "a running application is hosted nowhere",
      """Every running application runs somewhere: a server of the pusat data daerah, the PDN, a
      cloud or a vendor. `hosted_on` makes that explicit, so that impact analysis can say what stops
      when infrastructure fails. Planned and retired applications are exempt.""")
def application_not_hosted(ctx: Context) -> Iterator[Hit]:
    for app in ctx.workspace.applications:
        if app.running and not app.hosted_on:
            yield Hit(app.id, f"application {app.name!r} is hosted nowhere")


@rule("AP003", "application-without-data", "info", "an application neither reads nor writes data",
      """The data architecture links data sets to the applications that produce and use them. An
      application with neither `reads` nor `writes` is missing from that picture.""")
def application_without_data(ctx: Context) -> Iterator[Hit]:
    for app in ctx.workspace.applications:
        if not app.reads and not app.writes and not app.retired:
            yield Hit(app.id, f"application {app.name!r} neither reads nor writes a data set")


@rule("AP004", "application-without-security-category", "info",
      "an application has no security category",
      """BSSN's categorisation of electronic systems (strategis, tinggi, rendah) decides which
      security controls are mandatory. Locally built and run applications should state theirs.""")
def without_category(ctx: Context) -> Iterator[Hit]:
    for app in ctx.workspace.applications:
        if app.source == "lokal" and app.security_category is None and not app.retired:
            yield Hit(app.id, f"application {app.name!r} has no security_category")


@rule("AP005", "application-bad-url", "warning", "an application's url is not a web address",
      """`url` is shown as a link in the document and used to recognise two rows of one system
      (same host). It must start with http:// or https:// (tel: is accepted for call centres).""")
def bad_url(ctx: Context) -> Iterator[Hit]:
    for app in ctx.workspace.applications:
        url = app.url
        if url and not url.startswith(("http://", "https://", "tel:")):
            yield Hit(app.id, f"url {url!r} does not start with http:// or https://", ("url",))


@rule("IN001", "data-centre-without-tier", "info", "a data centre states no tier",
      """The tier (1-4, TIA-942 / Uptime) of a pusat data is part of the infrastructure domain's
      current state and of the assessment of where strategic systems may run.""")
def centre_without_tier(ctx: Context) -> Iterator[Hit]:
    for infra in ctx.workspace.infrastructure:
        if infra.kind == "pusat-data" and infra.tier is None:
            yield Hit(infra.id, f"data centre {infra.name!r} states no tier")


@rule("IN002", "server-not-located", "warning", "a server or storage is located nowhere",
      """Servers, storage, database servers and security devices sit in a data centre, a server room
      or a cloud (`located_in`). Without it, impact analysis cannot see what a data-centre outage
      stops.""")
def server_not_located(ctx: Context) -> Iterator[Hit]:
    for infra in ctx.workspace.infrastructure:
        if infra.kind in _HOSTS_NEEDING_SITE and infra.located_in is None and infra.running:
            yield Hit(infra.id, f"{infra.kind} {infra.name!r} is located nowhere (located_in)")


@rule("IN003", "located-in-non-site", "warning", "infrastructure is located in something that is not a site",
      """`located_in` names the place a component physically or logically sits in: a data centre
      (pusat-data), a cloud (komputasi-awan), or a server for virtual machines. Locating a server in
      a network or in an SPLP mixes location with connection (use `connected_to`).""")
def located_in_non_site(ctx: Context) -> Iterator[Hit]:
    ws = ctx.workspace
    for infra in ws.infrastructure:
        if infra.located_in is None:
            continue
        site = ws.get(infra.located_in)
        if site is not None and getattr(site, "kind", None) not in (*_SITES, "server", "lainnya"):
            yield Hit(infra.id, f"located_in {infra.located_in!r}, which is {getattr(site, 'kind', '?')}, "
                      "not a data centre, cloud or server", ("located_in",))


@rule("KM001", "security-protects-nothing", "warning", "a security control protects nothing",
      """A security element (policy, awareness programme, vulnerability assessment, incident
      response, audit) should name the applications, infrastructure or data it covers (`protects`),
      so that the document can show which systems are covered by which controls.""")
def protects_nothing(ctx: Context) -> Iterator[Hit]:
    for item in ctx.workspace.security:
        if not item.protects:
            yield Hit(item.id, f"security control {item.name!r} protects nothing")


@rule("KM002", "security-activity-undated", "info", "a recurring security activity records no date",
      """Vulnerability assessments, audits, awareness programmes and kelaikan tests are done
      repeatedly; the model records when they were last done (`last_done`, or `audit_dates` for an
      audit) so that the document can show it and an evaluator can verify it. No cadence is assumed:
      the regulations set none, so the rule only asks for a date.""")
def undated_activity(ctx: Context) -> Iterator[Hit]:
    for item in ctx.workspace.security:
        if item.kind != "standar-prosedur" and item.last_done is None and not item.audit_dates:
            yield Hit(item.id, f"{item.name!r} records no date it was done (last_done or audit_dates)")


@rule("RM001", "roadmap-outside-period", "warning", "a roadmap activity falls outside the architecture period",
      """The Peta Rencana SPBE covers the period of the manifest (`period: {start, end}`, usually five
      years). An activity planned outside it will not appear in the period's tables.""")
def outside_period(ctx: Context) -> Iterator[Hit]:
    period = ctx.workspace.manifest.period
    if period is None:
        return
    for item in ctx.workspace.roadmap:
        if not period.start <= item.year <= period.end:
            yield Hit(item.id, f"year {item.year} is outside the period {period.start}-{period.end}", ("year",))


@rule("RM002", "roadmap-affects-nothing", "info", "a roadmap activity names no element it changes",
      """Linking an activity to the elements it builds, consolidates or retires (`affects`) lets the
      roadmap be traced to the architecture and the duplicate consolidation be followed up.""")
def affects_nothing(ctx: Context) -> Iterator[Hit]:
    for item in ctx.workspace.roadmap:
        if not item.affects:
            yield Hit(item.id, f"roadmap activity {item.name!r} affects no element")


@rule("AP020", "planned-application-without-roadmap", "info",
      "a planned application is in no roadmap activity",
      """An application with `status: rencana` or `pengembangan` is future architecture: it should be
      built by an activity of the Peta Rencana SPBE (`affects` on a roadmap activity), with a year and a
      budget. Otherwise the plan has no owner in the roadmap and the document cannot schedule it.""")
def planned_without_roadmap(ctx: Context) -> Iterator[Hit]:
    planned = {e for item in ctx.workspace.roadmap for e in item.affects}
    for app in ctx.workspace.applications:
        if app.planned and app.id not in planned:
            yield Hit(app.id, f"{app.status} application {app.name!r} is affected by no roadmap activity")
