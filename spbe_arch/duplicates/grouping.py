"""Groups of duplicates and a proposal (usulan) per group, by kind.

A ``same_system`` group is rows that are one system: the proposal is to record them as one
application used by those OPDs (never to stop anything). A ``functional`` group is systems that serve
one business function: when most of its members perform a function with a national application, the
proposal is to move to or integrate with that application (named, with its legal basis); otherwise to
consolidate into the member that most OPDs use (then the one with most integrations, then the one
supporting most processes). An official portal, a geoportal and an application that the roadmap plans
to keep or build are kept in every proposal, and the roadmap activity is cited. A local application
that performs a national function is a group of its own even when no second local copy exists.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from spbe_arch.duplicates.disjoint import DisjointSets
from spbe_arch.duplicates.features import AppFeatures, FeatureSet
from spbe_arch.duplicates.messages import Messages
from spbe_arch.duplicates.report import Group, Pair
from spbe_arch.duplicates.systems import first_address, is_address, mentions_mobile, system_host
from spbe_arch.duplicates.tables import NationalFunction, bracketed, compact, words
from spbe_arch.model import Organization, Process, RoadmapActivity
from spbe_arch.workspace import Workspace

MERGE_DENSITY = 1 / 3
GEOSPATIAL = "geospasial"  # the local function of maps (functions.yaml)


def _components(pairs: Iterable[Pair], bridge: Callable[[Pair], bool] = lambda _: False,
                joins: Callable[[Pair], bool] = lambda _: False) -> list[list[str]]:
    """Pairs merged into groups, strongest first. A pair joins an application, or a group, to a group
    only when enough of their members are paired across (``MERGE_DENSITY``), so that chance pairs do
    not chain applications of several functions into one group, each paired only with the one before
    (A with B, B with C, C with D: on real inventories such chains made most reported pairs wrong); a
    ``bridge`` pair (of one function reported as a spanning tree) joins them at once, and a ``joins``
    pair (of one name in many OPDs, also a spanning tree) joins an application to a group at once."""
    ordered = sorted(pairs, key=lambda p: (-p.score, p.a, p.b))
    linked: dict[str, set[str]] = {}
    for pair in ordered:
        linked.setdefault(pair.a, set()).add(pair.b)
        linked.setdefault(pair.b, set()).add(pair.a)
    group_of: dict[str, int] = {}
    members: dict[int, set[str]] = {}
    refused: set[tuple[int, int, int, int]] = set()  # (group, size, group, size) known too loosely linked
    for pair in ordered:
        for x in (pair.a, pair.b):
            if x not in group_of:
                group_of[x] = len(group_of)
                members[group_of[x]] = {x}
        first, second = group_of[pair.a], group_of[pair.b]
        if first == second:
            continue
        left, right = members[first], members[second]
        single = len(left) == 1 or len(right) == 1
        if len(left) + len(right) > 3 and not bridge(pair) and not (single and joins(pair)):
            state = (first, len(left), second, len(right)) if first < second else (second, len(right), first, len(left))
            if state in refused:
                continue
            needed = MERGE_DENSITY * len(left) * len(right)
            small, large = (left, right) if len(left) <= len(right) else (right, left)
            across = 0
            for x in small:
                across += len(linked[x] & large)
                if across >= needed:
                    break
            if across < needed:
                refused.add(state)
                continue
        keep, gone = (first, second) if len(left) >= len(right) else (second, first)
        for x in members[gone]:
            group_of[x] = keep
        members[keep] |= members.pop(gone)
    return [sorted(m) for m in members.values()]


def _namesakes(a: AppFeatures, b: AppFeatures) -> bool:
    """One name in many OPDs: the finder reports a spanning tree of them, not every pair, so each joins
    the group of the others by one pair."""
    return bool(a.name_key and a.name_key == b.name_key)


def _incoming_integrations(workspace: Workspace) -> Counter[str]:
    return Counter(i.target for app in workspace.applications for i in app.integrations)


# A biro or bagian of a secretariat is the secretariat at work for the whole Pemda (Biro Hukum, Bagian
# Pengadaan Barang dan Jasa), not a field unit under a sector's OPD.
_SECRETARIAT_UNIT = re.compile(r"(?:biro|bagian|bag\.?)\s", re.IGNORECASE)


def _sub_unit(workspace: Workspace, org_id: str) -> bool:
    """An owner that does not hold a sector's function: a field unit of a perangkat daerah (UPTD,
    puskesmas, kelurahan) or a kecamatan. The OPD that holds the function is the better home of a
    consolidated application; a secretariat's biro or bagian is the secretariat itself."""
    org = workspace.get(org_id)
    if not isinstance(org, Organization):
        return False
    if org.perangkat_daerah:
        return org.kind == "kecamatan"
    parent = workspace.get(org.parent) if org.parent else None
    if isinstance(parent, Organization):
        return parent.kind not in ("sekretariat-daerah", "sekretariat-dprd")
    return _SECRETARIAT_UNIT.match(org.name) is None


def _usage(features: AppFeatures, incoming: Counter[str]) -> tuple[int, int, int, int]:
    """(OPDs using it, integrations in and out, services it realises, processes it supports)."""
    app = features.app
    return (len({app.owner, *app.users}), len(app.integrations) + incoming[app.id], len(features.services),
            len(app.supports))


def _group_function(members: list[AppFeatures], workspace: Workspace, national: NationalFunction | None,
                    keep: AppFeatures) -> str:
    """What the group does: the national function most members perform (a BUMD's too, though no national
    application is proposed for them), else a shared process, else shared name words."""
    performed = national or _majority_function(members)
    if performed is not None:
        return performed.function
    supported = Counter(p for f in members for p in f.processes)
    if supported:
        process_id, count = min(supported.items(), key=lambda item: (-item[1], item[0]))
        process = workspace.get(process_id)
        if count >= 2 and isinstance(process, Process):
            return process.name
    roles = Counter(f.role.id for f in members if f.role is not None)
    if roles:
        role_id, count = min(roles.items(), key=lambda item: (-item[1], item[0]))
        if count * 2 >= len(members):
            return next(f.role.function for f in members if f.role is not None and f.role.id == role_id)
    words = Counter(w for f in members for w in f.name)
    weight = {w: sum(f.name.get(w, 0.0) for f in members) for w in words}
    common = [w for w, c in words.items() if c * 2 >= len(members)]
    common.sort(key=lambda w: (-words[w], -weight[w], w))
    if common:  # in the order a member's name says them ("laporan bulanan", never "bulanan laporan")
        chosen = common[:3]
        span = next((s for f in (keep, *members) if (s := _written_span(chosen, f.app.name))), None)
        if span is not None:
            return span
        order = next((list(f.name) for f in (keep, *members) if set(chosen) <= f.name.keys()), chosen)
        return " ".join(_as_written(w, (keep, *members)) for w in sorted(chosen, key=order.index))
    return keep.app.name


def _written_span(chosen: list[str], name: str) -> str | None:
    """The words of a name that hold the chosen words with at most one word between them, as written:
    "Layanan Terpadu Satu Pintu", not "Layanan Terpadu Pintu" (the "satu" between weighs nothing)."""
    written = re.findall(r"\w+", name)
    folded = [w.casefold() for w in written]
    if not all(w in folded for w in chosen):
        return None
    places = [folded.index(w) for w in chosen]
    start, end = min(places), max(places)
    return " ".join(written[start:end + 1]) if end - start + 1 <= len(chosen) + 1 else None


def _as_written(word: str, members: Iterable[AppFeatures]) -> str:
    """A shared name word as a member's name writes it ("RIS", "UMKM"), since the reader sees it as the
    group's function in a formal document; the normalised word where no name writes it whole."""
    return next((span for f in members if (span := _written_span([word], f.app.name))), word)


def _same_system_components(pairs: Iterable[Pair]) -> list[list[str]]:
    """Rows of one system, closed transitively (one system is one system, however it was found)."""
    systems: DisjointSets[str] = DisjointSets()
    for pair in pairs:
        systems.join(pair.a, pair.b)
    return systems.sets()


_CHANGE = ("konsolidasi", "integrasi", "migrasi", "penggabungan", "penghentian", "penyatuan", "terpadu", "tunggal",
           "seragam", "penggunaan", "terintegrasi", "consolidat", "integrat", "migrat", "retire", "single", "unified")
_OFFICIAL = ("geoportal", "portal resmi", "official portal", "portal pemerintah", "portal pemkab", "portal pemkot",
             "portal pemprov")


def _activity(workspace: Workspace, app_id: str) -> RoadmapActivity | None:
    return next((a for a in workspace.roadmap if app_id in a.affects), None)


def _keep_reason(workspace: Workspace, f: AppFeatures, group: Iterable[str] = ()) -> str | None:
    """Why no proposal may touch an application, or None: ``plan`` when the roadmap plans to keep or
    build it (an activity for it alone in its group that is not itself a consolidation, a migration or
    a single platform: an activity for several members is the group's own plan), ``geoportal`` or
    ``portal`` when it is the geoportal or an official portal of the Pemda, ``national`` when its name
    says it is the nation's, ``retired`` when it is no longer in use (nothing of it moves)."""
    if f.app.retired:
        return "retired"
    activity = _activity(workspace, f.id)
    if activity is not None and not any(w in activity.name.casefold() for w in _CHANGE) \
            and not set(activity.affects) & (set(group) - {f.id}):
        return "plan"
    text = f"{f.app.name} {f.app.description or ''}".casefold()
    if "geoportal" in text or f.id.startswith("geoportal"):
        return "geoportal"
    if f.pemda_portal is not None or any(w in text for w in _OFFICIAL):
        return "portal"
    # a name that says it is the nation's ("SIGNAL (Samsat Digital Nasional)", "MPP Digital Nasional") is
    # a central agency's application, whether or not the tables know it: never one to consolidate into a
    # Pemda's own
    return "national" if not _NATIONAL_WORDS.isdisjoint(words(f.app.name)) else None


_NATIONAL_WORDS = frozenset({"nasional", "national"})


def _keep_reasons(workspace: Workspace, members: list[AppFeatures]) -> dict[str, str]:
    """Member id -> why no proposal may touch it, for the members that are kept."""
    group = [f.id for f in members]
    return {f.id: reason for f in members if (reason := _keep_reason(workspace, f, group)) is not None}


def _roadmap_notes(members: list[AppFeatures], kept: dict[str, str], messages: Messages) -> list[str]:
    """The roadmap activities of the members, each cited once, and why each kept member is kept: the
    plan that keeps it, or that it is the geoportal or an official portal. A member kept for another
    reason is never said to be kept by an activity that consolidates the group."""
    by_activity: dict[str, tuple[RoadmapActivity, list[str]]] = {}
    notes: list[str] = []
    for f in members:
        activity = _activity(messages.workspace, f.id)
        if activity is not None:
            by_activity.setdefault(activity.id, (activity, []))[1].append(f.id)
        if kept.get(f.id) in ("portal", "geoportal"):
            notes.append(messages.text(kept[f.id], app=messages.named(f.id)))
    cited: list[str] = []
    for activity, ids in by_activity.values():
        planned = [x for x in ids if kept.get(x) == "plan"]
        if planned:
            cited.append(messages.text("roadmap_keep", apps=_names(messages, planned), activity=activity.name,
                                       year=activity.year))
        else:
            cited.append(messages.text("roadmap", apps=_names(messages, ids), activity=activity.name,
                                       year=activity.year))
    return cited + notes


def _national_target(workspace: Workspace, national: NationalFunction, national_app: str | None,
                     members: Iterable[AppFeatures], features: FeatureSet) -> str:
    """The national application by its own name, and by the row that lists it where that row's name
    does not say it: "SIPD (magetankab.sipd.kemendagri.go.id & penatausahaan)", "SPSE (lpse.x.go.id)";
    by its own name alone where the row names a module of another of its functions (a planning
    application moves to SIPD, not to "SIPD Modul Penganggaran")."""
    if not national_app:
        return national.national
    listed_row = next((f for f in members if f.id == national_app), None)
    if listed_row is not None and _other_module(listed_row, national, features):
        return national.national
    listed = workspace.display_name(national_app)
    says_it = compact(national.national) in compact(listed) and first_address(listed) is None
    return listed if says_it else f"{national.national} ({listed})"


def _variant_host(f: AppFeatures) -> bool:
    """A version, a copy or a door of the system at another host (api.epresensi of epresensi.x.go.id): the
    system is named by its own host."""
    return f.host is not None and system_host(f.host[0]) != f.host[0].replace("-", "")


def _names(messages: Messages, ids: Iterable[str]) -> str:
    return messages.listing([messages.named(x) for x in ids])


def _proposal(members: list[AppFeatures], keep: AppFeatures, national: NationalFunction | None,
              national_app: str | None, incoming: Counter[str], messages: Messages,
              reasons_kept: dict[str, str],
              siblings: frozenset[str], features: FeatureSet) -> str:
    """The advice for a functional group. ``siblings`` are the rows of the kept application's own system
    (JDIH and JDIH Mobile of the Biro Hukum): recorded as one by their same-system group, they are
    neither consolidated into it nor a rival that makes the choice a coin toss."""
    workspace = messages.workspace
    notes = _roadmap_notes(members, reasons_kept, messages)
    retired = [f.id for f in members if reasons_kept.get(f.id) == "retired"]
    movable = [f for f in members if f.id not in reasons_kept and not f.is_national]

    def finish(proposals: list[str], successor: str | None = None) -> str:
        """The advice with its notes. Where nothing in use moves, the retired members beside the one that
        does their job now (SIMDA Keuangan beside SIPD) are the proposal; else a note says they need nothing."""
        if retired and not proposals and successor is not None:
            proposals = [messages.text("propose_retired", apps=_names(messages, retired), successor=successor)]
        elif retired:
            notes.append(messages.text("retired", apps=_names(messages, retired)))
        # "the applications below are kept" only where notes below say why
        return " ".join([*(proposals or [messages.text("propose_none" if notes else "propose_nothing")]), *notes])

    if retired and not movable:
        return finish([], _national_target(workspace, national, national_app, members, features)
                      if national is not None else messages.named(keep.id))
    if national is not None:
        other = [f for f in movable if not _performs(f, national)]
        movable = [f for f in movable if _performs(f, national)]  # only what performs the function moves to it
        if other:
            notes.append(messages.text("other_function", apps=_names(messages, [f.id for f in other]),
                                       function=national.function))
        target = _national_target(workspace, national, national_app, members, features)
        # (a dashboard or a monitoring of the function shows its data and is no copy of the national
        # application: AppFeatures.national_copy leaves it out of such groups)
        # only a name that says the function moves the application; a function read in the description
        # (a DPRD site that also takes aspirations) is one of its jobs: that part is integrated. A
        # description that only names the function, beside a name that says nothing (a bare address),
        # is the name
        described = [f for f in movable if f.read_description and not f.titled_function]
        describing = {f.id for f in described}
        movers = [f for f in movable if f.id not in describing]
        parts = [messages.text("propose_national", national=target, provider=national.provider,
                               function=national.function, apps=_names(messages, [f.id for f in movers]),
                               basis=messages.basis(national))] if movers else []
        if described:
            parts.append(messages.text("propose_described" if movers else "propose_described_only",
                                       national=target, provider=national.provider, function=national.function,
                                       apps=_names(messages, [f.id for f in described]),
                                       basis=messages.basis(national)))
        return finish(parts, target)
    if national_app is not None and movable:
        # a central application the registry does not know (the group's national_application without a
        # national function), which the inventory lists as one: the local applications of its job are
        # integrated with it, as with a national application named as such
        return finish([messages.text("propose_central", central=messages.named(national_app),
                                     apps=_names(messages, [f.id for f in movable]))])
    views = [f for f in movable if f.view]
    shown = [f for f in movable if not f.view]
    if views and len(shown) == 1:
        # a dashboard of one system shows that system's data: it takes them from it, it is not merged with it
        system = shown[0]
        shows = system.role.function if system.role is not None and system.role.strong \
            else workspace.display_name(system.id)
        return finish([messages.text("propose_view_only", national=messages.named(system.id), function=shows,
                                     apps=_names(messages, [f.id for f in views]))])
    if len(movable) > 1 and "geoportal" not in reasons_kept.values() \
            and all(f.role is not None and f.role.id == GEOSPATIAL for f in movable):
        # thematic maps of several OPDs: each theme stays its OPD's; one geoportal publishes them all
        return finish([messages.text("propose_maps", apps=_names(messages, [f.id for f in movable]))])
    users, integrations, services, processes = _usage(keep, incoming)
    reasons = [messages.text("used_by", n=users)]
    if keep.at_home and not all(f.at_home for f in members if f.id != keep.id):
        reasons.insert(0, messages.text("holds_function", owner=messages.org(keep.app.owner)))
    elif not _sub_unit(workspace, keep.app.owner) and any(_sub_unit(workspace, f.app.owner) for f in members):
        reasons.insert(0, messages.text("opd_level"))
    if integrations:
        reasons.append(messages.text("integrations", n=integrations))
    if services:
        reasons.append(messages.text("services", n=services))
    if processes:
        reasons.append(messages.text("processes", n=processes))
    others = [f for f in movable if f.id != keep.id and f.id not in siblings]
    if not others:
        return finish([], messages.named(keep.id))
    if reasons_kept.get(keep.id) == "national":
        text = messages.text("propose_named_national", national=messages.named(keep.id),
                             apps=_names(messages, [f.id for f in others]))
    elif keep.id not in reasons_kept and _standing(keep, incoming, workspace) in {
            _standing(f, incoming, workspace) for f in others}:
        # nothing in the model tells which one to keep: saying one would be a coin toss
        moving = {f.id for f in movable}
        text = messages.text("propose_tie", apps=_names(messages, [f.id for f in members if f.id in moving]))
    else:
        text = messages.text("propose_keep", keep=messages.named(keep.id), reasons=", ".join(reasons),
                             apps=_names(messages, [f.id for f in others]))
    return finish([text])


def _central_member(members: list[AppFeatures]) -> AppFeatures | None:
    """The member listed as a central application whose function no registry entry names (e-RTLH of the
    ministry of public works), if the group has one."""
    return min((f for f in members if f.central_unknown), key=lambda f: f.id, default=None)


def _performs(f: AppFeatures, national: NationalFunction) -> bool:
    """Whether an application performs the function of the national application (SIPD plans, budgets
    and keeps the accounts: a planning application performs one of its functions)."""
    return f.function is not None and (f.function.id == national.id or f.function.national == national.national)


def _standing(f: AppFeatures, incoming: Counter[str], workspace: Workspace) -> tuple[int, ...]:
    """What makes an application the one to keep, smallest first: an owner whose name says the function
    is its affairs (Bagian Hukum for JDIH), then an owner at the OPD level, then the most OPDs,
    integrations, services and processes."""
    return (int(not f.at_home), int(_sub_unit(workspace, f.app.owner)),
            *(-v for v in _usage(f, incoming)))


def _writes_national_name(f: AppFeatures) -> bool:
    """The row's name holds the national application's own name (SIASN BKN), not only another of the names
    it is known by (MySAPK)."""
    return f.national is not None and compact(f.national.national) in f.compact


def _same_system_group(component: list[str], by_id: dict[str, AppFeatures], incoming: Counter[str],
                       messages: Messages) -> Group:
    members = [by_id[x] for x in component]
    parents = {f.part_of for f in members if f.part_of}
    spellings = Counter(f.compact for f in members)  # a name on 1,000 rows is one spelling, not 1,000

    def written_inside(f: AppFeatures) -> int:  # how many other rows write this row's name inside theirs
        return sum(n for spelt, n in spellings.items() if f.compact in spelt) - 1

    # the one to name it by: the national application (the row that writes its name: SIASN BKN, not
    # MySAPK BKN), the system the others say they are part of, the web application rather than its mobile
    # client, a name rather than an address, the name the others write inside theirs (Sibanjir, not
    # Dashboard Sibanjir), then the most used
    keep = min(members, key=lambda f: (f.app.retired, not f.is_national, not _writes_national_name(f),
                                       f.is_national and bool(f.concepts),  # "SIPD RI", not "SIPD Perencanaan"
                                       not ({f.compact, f.head} & parents),
                                       mentions_mobile(f.app.name), is_address(f.app.name), _variant_host(f),
                                       f.platform_named,
                                       f.website, -written_inside(f),
                                       *(-v for v in _usage(f, incoming)), f.id))
    # the OPDs that use it: a retired row's owner no longer does
    users = sorted({o for f in members if not f.app.retired for o in (f.app.owner, *f.app.users)})
    national = keep.national if keep.is_national else None
    # a national application is recorded by its own name (SRIKANDI), not as one OPD typed it
    system = national.national if national is not None else keep.app.name
    proposal = messages.text("propose_same", apps=_names(messages, component), keep=system,
                             users=messages.listing([messages.org(o) for o in users]))
    retired = [f.id for f in members if f.app.retired]
    if retired:
        proposal = " ".join([proposal, messages.text("retired_rows", apps=_names(messages, retired))])
    # what the one system does, where its name says it; nothing where no table knows it (its name is `system`)
    function = keep.function.function if keep.function is not None else keep.role.function if keep.role is not None \
        else ""
    return Group(id=f"sys-{component[0]}", applications=component, function=function, proposal=proposal,
                 national_application=keep.id if keep.is_national else None,
                 national=national.national if national is not None else None, kind="same_system", users=users,
                 system=system)


def _join_systems(components: list[list[str]], systems: list[list[str]],
                  by_id: dict[str, AppFeatures]) -> list[list[str]]:
    """Functional groups that hold rows of one system and copy one national application, joined: one
    system gets one proposal (SIMPEG and its modules move to SIASN once, not three times)."""
    system_of = {x: i for i, members in enumerate(systems) for x in members}
    together: DisjointSets[int] = DisjointSets()
    seen: dict[tuple[int, str], int] = {}  # (system, national application) -> a component holding it
    for index, component in enumerate(components):
        for x in component:
            function = by_id[x].function
            if x in system_of and function is not None:
                together.join(seen.setdefault((system_of[x], function.national), index), index)
    joined: dict[int, list[str]] = {}
    for index, component in enumerate(components):
        joined.setdefault(together.root(index), []).extend(component)
    return [sorted(set(members)) for members in joined.values()]


def _listing_of_national(component: list[str], systems: dict[str, list[str]],
                         by_id: dict[str, AppFeatures]) -> bool:
    """Every member is a row of one system that holds a national application's row ("E-Kinerja" of the
    health office, one system with "e-Kinerja BKN"): rows of the national application, nothing to move."""
    rows = {tuple(systems.get(x, [x])) for x in component}
    return len(rows) == 1 and len(next(iter(rows))) > 1 and any(by_id[x].is_national for x in next(iter(rows)))


def _group_national(members: list[AppFeatures]) -> NationalFunction | None:
    """The national function whose application the group is proposed to move to or integrate with: the
    one most of its local members perform, unless they are all a BUMD's (a BUMD's customer complaints are
    its own business, not a Pemda's copy of SP4N-LAPOR!)."""
    if all(f.bumd for f in _copies(members)):
        return None
    return _majority_function(members)


def _copies(members: list[AppFeatures]) -> list[AppFeatures]:
    """The group's local members, or all of them where every one is a national application's row."""
    return [f for f in members if not f.is_national] or members


def _majority_function(members: list[AppFeatures]) -> NationalFunction | None:
    """The national function the group's local members perform, where most of them perform one. What
    the group does is what its local members do: SRIKANDI's rows join both the group of the letters
    applications and that of the archive applications, and name neither's job."""
    copies = _copies(members)
    functions = Counter(f.function.id for f in copies if f.function is not None)
    if not functions:
        return None
    function_id, count = min(functions.items(), key=lambda item: (-item[1], item[0]))
    if count * 2 < len(copies):
        return None
    return next(f.function for f in copies if f.function and f.function.id == function_id)


def _other_module(f: AppFeatures, national: NationalFunction, features: FeatureSet) -> bool:
    """A row of the national application whose own words, beside the application's name, name a module
    of another of its jobs ("SIPD Penatausahaan" beside planning); not its name spelt out in brackets
    ("SRIKANDI (Sistem Informasi Kearsipan Dinamis Terintegrasi)") nor its address (srikandi.arsip.go.id)."""
    if not f.is_national or not f.concepts or is_address(f.app.name):
        return False
    normaliser = features.normaliser
    found = bracketed(f.app.name)
    said = set(normaliser.name(found[0] if found else f.app.name).weights) & f.concepts
    for own_name in (national.national, *national.names):
        said -= set(normaliser.name(own_name).weights)
    return bool(said) and said.isdisjoint(national.concept_words)


def build_groups(features: FeatureSet, pairs: list[Pair], workspace: Workspace, messages: Messages) -> list[Group]:
    by_id = {f.id: f for f in features.apps}
    incoming = _incoming_integrations(workspace)
    # a system all of whose rows are retired needs nothing
    groups = [_same_system_group(c, by_id, incoming, messages)
              for c in _same_system_components(p for p in pairs if p.kind == "same_system")
              if not all(by_id[x].app.retired for x in c)]
    systems = {x: group.applications for group in groups for x in group.applications}
    national_ids = {f.id for f in features.apps if f.is_national}
    local = [p for p in pairs if p.kind == "functional" and p.a not in national_ids and p.b not in national_ids]
    components = _components(local, lambda pair: features.many_of_one_kind(by_id[pair.a], by_id[pair.b]),
                             lambda pair: _namesakes(by_id[pair.a], by_id[pair.b]))
    # an application left out of every group (paired with too few of one) is in no group: its pairs
    # are still listed
    components = [component for component in components if len(component) > 1]
    grouped = {x for component in components for x in component}
    nationals: dict[str, set[str]] = {}  # local application -> the national applications it copies
    for p in pairs:
        if p.kind == "functional" and (p.a in national_ids) != (p.b in national_ids):
            copy, original = (p.b, p.a) if p.a in national_ids else (p.a, p.b)
            nationals.setdefault(copy, set()).add(original)
    for f in features.apps:  # a local copy of a national application, alone (a website informs, a BUMD is apart)
        if (f.national_copy is not None or f.id in nationals) and f.id not in grouped:
            components.append([f.id])
    components = _join_systems(components, [g.applications for g in groups], by_id)
    for component in components:  # a national application joins each group of its copies, never links two
        if _listing_of_national(component, systems, by_id):
            continue
        component.extend(sorted({n for x in component for n in nationals.get(x, ())} - set(component)))
        # a member stands for its whole system: the other rows of it (SP4N-LAPOR! reported by two OPDs)
        # are in the group too, so that the group names every row the proposal is about
        # ... but of a national application's rows, not those that name a module of another of its jobs
        # ("SIPD Penatausahaan" in the group of the planning applications)
        job = _group_national([by_id[x] for x in component])
        component.extend(sorted({s for x in component for s in systems.get(x, ())
                                 if job is None or not _other_module(by_id[s], job, features)} - set(component)))
        component.sort()
        members = [by_id[x] for x in component]
        kept = _keep_reasons(workspace, members)
        if all(f.app.retired for f in members) or all(
                f.id in kept and kept[f.id] != "retired" for f in members if not f.is_national):
            continue  # every member stays (official portals, what the roadmap keeps), or none is in use
        national = _group_national(members)
        national_app = features.national_apps.get(national.id) if national else None
        if national_app is None and (central := _central_member(members)) is not None:
            national_app = central.id  # the central application the group's copies are integrated with
        # a kept application is never consolidated away; of one system's rows, the web application is
        # named rather than its mobile client
        keep = min((f for f in members if not f.is_national),
                   key=lambda f: (f.app.retired, f.id not in kept, _standing(f, incoming, workspace),
                                  mentions_mobile(f.app.name), _variant_host(f), f.id))
        siblings = frozenset(x for x in systems.get(keep.id, ()) if x != keep.id)
        groups.append(Group(
            id=f"dup-{next((x for x in component if not by_id[x].is_national), component[0])}",
            applications=component,
            function=_group_function(members, workspace, national, keep),
            proposal=_proposal(members, keep, national, national_app, incoming, messages, kept, siblings,
                               features),
            national_application=national_app,
            national=national.national if national is not None else None,
        ))
    return sorted(groups, key=lambda g: (g.kind != "same_system", g.id))
