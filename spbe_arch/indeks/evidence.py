"""Evidence from the model for the indicators it can speak to, and the level that evidence supports.

The thresholds that turn a share into a level are spbe-arch's convention (docs/indeks.md), written
next to each measure; the level criteria themselves come from the indicator set. Texts are Indonesian:
they are read by the Pemda's evaluation team.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from pydantic import BaseModel, Field

from spbe_arch.indeks.facts import ModelFacts
from spbe_arch.indeks.reference import EvidenceKind, Indicator
from spbe_arch.model import COLLECTION_LABELS, Application

# The section of the architecture document that serves as bukti dukung for each measure.
DOCUMENT_SECTIONS: dict[str, str] = {
    "integrasi-splp": "Bab Arsitektur Aplikasi, subbab Integrasi Aplikasi",
    "hosting-pusat-data": "Bab Arsitektur Infrastruktur, subbab Kondisi Saat Ini",
    "aplikasi-umum": "Bab Arsitektur Aplikasi, subbab Kondisi Saat Ini",
    "produsen-data": "Bab Arsitektur Data dan Informasi, subbab Data Induk dan Walidata",
    "kelengkapan-domain": "Bab Arsitektur Proses Bisnis sampai Bab Arsitektur Keamanan",
    "peta-rencana": "Bab Peta Rencana SPBE, subbab Rekapitulasi per Substansi",
    "kategori-keamanan": "Bab Arsitektur Keamanan, subbab Kategori Sistem Elektronik",
}
DOMAIN_COLLECTIONS = ("processes", "services", "data", "applications", "infrastructure", "security")
SUBSTANCES = {
    "tata-kelola": "tata kelola", "manajemen": "manajemen", "layanan": "layanan",
    "infrastruktur": "infrastruktur", "aplikasi": "aplikasi", "keamanan": "keamanan", "audit-tik": "audit TIK",
}
SHOWN = 5


class Evidence(BaseModel):
    """What the model shows for one indicator."""

    kind: EvidenceKind
    title: str
    figures: list[str] = Field(default_factory=list)
    share: float | None = None  # the main measure, 0-1, when it is a share
    supported_level: int | None = None  # None: the model holds nothing to judge by
    basis: str = ""  # why this level (the convention's threshold)
    missing: str = ""  # what the model lacks for the next level
    section: str = ""  # bukti dukung in the architecture document
    examples: list[str] = Field(default_factory=list)  # element ids that show the gap


MIN_STEM = 4  # a shorter system name starts too many others


def pct(share: float) -> str:
    return f"{share * 100:.0f}%".replace(".", ",")


def _by_share(share: float, steps: tuple[tuple[float, int], ...], floor: int = 1) -> int:
    return next((level for limit, level in steps if share >= limit), floor)


def _needed(total: int, have: int, share: float) -> int:
    return max(0, math.ceil(total * share - 1e-9) - have)


def _some(names: list[str]) -> str:
    more = f" dan {len(names) - SHOWN} lainnya" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more


def integration(facts: ModelFacts, indicator: Indicator) -> Evidence:
    ws = facts.workspace
    links = facts.inter_opd_links
    through = [link for link in links if link.via_splp]
    direct = [link for link in links if not link.via_splp]
    ev = Evidence(kind="integrasi-splp", title="Integrasi antar-perangkat daerah melalui SPLP",
                  section=DOCUMENT_SECTIONS["integrasi-splp"], examples=[link.source for link in direct])
    if not links:
        ev.figures.append("Arsitektur SPBE belum mencatat integrasi aplikasi antar-perangkat daerah.")
        ev.missing = "catat integrasi antaraplikasi perangkat daerah beserta SPLP yang dilaluinya"
        return ev
    ev.share = len(through) / len(links)
    ev.figures.append(f"{len(through)} dari {len(links)} integrasi antar-perangkat daerah ({pct(ev.share)}) "
                      "melalui SPLP; " + (f"{len(direct)} masih titik ke titik." if direct else "tidak ada yang "
                                          "titik ke titik."))
    if not facts.has_splp:
        ev.figures.append("Arsitektur SPBE tidak mencatat SPLP (infrastruktur jenis splp).")
    ev.supported_level = _by_share(ev.share, ((0.9, 4), (0.5, 3), (1e-9, 2))) if facts.has_splp else 1
    ev.basis = "konvensi: ≥90% melalui SPLP = 4, ≥50% = 3, ada = 2, tidak ada = 1"
    if ev.supported_level < 4:
        target = 0.9 if ev.supported_level == 3 else (0.5 if ev.supported_level == 2 else 1e-9)
        need = _needed(len(links), len(through), target)
        pairs = [f"{ws.display_name(link.source)} → {ws.display_name(link.target)}" for link in direct]
        ev.missing = (f"alihkan sedikitnya {need} integrasi titik ke titik ke SPLP, antara lain: {_some(pairs)}"
                      if facts.has_splp else "bangun SPLP dan alihkan integrasi antar-perangkat daerah ke SPLP")
    else:
        ev.missing = "ukur kinerja integrasi SPLP secara berkala (belum tercatat dalam arsitektur SPBE)"
    return ev


def hosting(facts: ModelFacts, indicator: Indicator) -> Evidence:
    ws = facts.workspace
    apps = facts.local_apps
    ev = Evidence(kind="hosting-pusat-data", title="Aplikasi di Pusat Data Nasional atau pusat data terkonsolidasi",
                  section=DOCUMENT_SECTIONS["hosting-pusat-data"])
    if not apps:
        ev.figures.append("Arsitektur SPBE belum mencatat aplikasi lokal yang berjalan.")
        return ev
    good = facts.consolidated_sites
    if not any(facts.app_sites[a.id] for a in apps):  # an inventory without hosting: nothing to judge by
        ev.figures.append(f"Arsitektur SPBE belum mencatat lokasi penempatan (hosting) {len(apps)} aplikasi lokal.")
        ev.missing = "catat pusat data atau server tempat setiap aplikasi ditempatkan"
        ev.examples = [a.id for a in apps]
        return ev
    inside = [a for a in apps if any(s.id in good for s in facts.app_sites[a.id])]
    in_pdn = [a for a in apps if any(s.id in facts.national_sites for s in facts.app_sites[a.id])]
    unknown = [a for a in apps if not facts.app_sites[a.id]]
    inside_ids = {a.id for a in inside}
    outside = [a for a in apps if a.id not in inside_ids]
    ev.share = len(inside) / len(apps)
    ev.figures.append(f"{len(inside)} dari {len(apps)} aplikasi lokal ({pct(ev.share)}) berjalan di Pusat Data "
                      f"Nasional ({len(in_pdn)}) atau pusat data yang dipakai bersama beberapa perangkat daerah.")
    if unknown:
        ev.figures.append(f"{len(unknown)} aplikasi belum tercatat lokasi hostingnya.")
    ev.supported_level = _by_share(ev.share, ((0.9, 4), (0.6, 3), (1e-9, 2)))
    ev.basis = "konvensi: ≥90% di pusat data nasional/terkonsolidasi = 4, ≥60% = 3, ada = 2, tidak ada = 1"
    ev.examples = [a.id for a in outside]
    if ev.supported_level < 4:
        target = 0.9 if ev.supported_level == 3 else (0.6 if ev.supported_level == 2 else 1e-9)
        need = _needed(len(apps), len(inside), target)
        ev.missing = (f"pindahkan sedikitnya {need} aplikasi ke pusat data terkonsolidasi, antara lain: "
                      f"{_some([ws.display_name(a.id) for a in outside])}")
    else:
        ev.missing = "ukur kinerja layanan pusat data secara berkala (belum tercatat dalam arsitektur SPBE)"
    return ev


def _rivals(facts: ModelFacts, apps: list[Application], wanted: set[str]) -> list[Application]:
    """Local copies of the indicator's national applications, other than the applications recorded as
    them (the Pemda's own JDIH is the indicator's JDIH) and their clients (e-kinerja Mobile beside
    e-kinerja.x.go.id)."""
    recorded = {a.id for a in apps}
    stems = tuple(s for a in apps if len(s := facts.system_label(a)) >= MIN_STEM)
    return [app for app, national in facts.national_copies if national.casefold() in wanted
            and app.id not in recorded and not facts.system_label(app).startswith(stems)]


def national_use(facts: ModelFacts, indicator: Indicator) -> Evidence:
    ev = Evidence(kind="aplikasi-umum", title="Penggunaan Aplikasi Umum dan aplikasi nasional",
                  section=DOCUMENT_SECTIONS["aplikasi-umum"])
    if not indicator.national:
        copies = facts.national_copies
        ev.figures.append(f"{len(copies)} aplikasi lokal yang berjalan menduplikasi fungsi aplikasi nasional.")
        ev.examples = [app.id for app, _ in copies]
        ev.supported_level = 3 if not copies else 2
        ev.basis = "konvensi: tanpa duplikasi aplikasi nasional = 3, ada duplikasi = 2"
        ev.missing = ("alihkan ke atau integrasikan dengan aplikasi nasional: "
                      + _some([f"{a.name} (fungsi {n})" for a, n in copies])
                      if copies else "ukur pemanfaatan aplikasi secara berkala (belum tercatat dalam arsitektur SPBE)")
        return ev
    apps = facts.national_apps(indicator.national)
    wanted = {n.casefold() for n in indicator.national}
    rivals = _rivals(facts, apps, wanted)
    ev.examples = [a.id for a in rivals]
    names = "/".join(indicator.national[:2])
    if not apps:
        ev.figures.append(f"Arsitektur SPBE tidak mencatat aplikasi {names}.")
        if rivals:
            ev.figures.append(f"Aplikasi lokal untuk fungsi ini: {_some([a.name for a in rivals])}.")
        ev.missing = f"catat penggunaan {names} oleh perangkat daerah"
        return ev
    opd_ids = facts.opd_ids
    users = {u for a in apps for u in (*a.users, a.owner) if u in opd_ids}
    share = len(users) / len(opd_ids) if opd_ids else 0.0
    ev.share = share
    label = ", ".join(a.acronym or a.name for a in apps)
    unrecorded = not any(a.users for a in apps)  # an inventory names the owner only: who else uses it is unknown
    if unrecorded:
        ev.figures.append(f"{label} tercatat dalam arsitektur SPBE; perangkat daerah penggunanya selain pemiliknya "
                          "belum dicatat.")
    else:
        ev.figures.append(f"{label} digunakan oleh {len(users)} dari {len(opd_ids)} perangkat daerah "
                          f"({pct(share)}).")
    if rivals:
        ev.figures.append(f"{len(rivals)} aplikasi lokal masih menjalankan fungsi yang sama: "
                          f"{_some([a.name for a in rivals])}.")
    running = any(a.status == "aktif" for a in apps)
    used = any(u in facts.pemda_ids for a in apps for u in (*a.users, a.owner))  # a unit (Bagian Hukum) counts too
    ev.supported_level = (4 if share >= 0.8 and not rivals else 3) if running and used else 2
    ev.basis = ("konvensi: aplikasi nasional aktif dan dipakai perangkat daerah = 3; dipakai ≥80% perangkat daerah "
                "tanpa aplikasi lokal tandingan = 4; tercatat tanpa pemakai = 2")
    if ev.supported_level < 4:
        missing = []
        if unrecorded:
            missing.append(f"catat perangkat daerah pengguna {label}")
        elif share < 0.8:
            missing.append(f"perluas penggunaan {label} ke sedikitnya {_needed(len(opd_ids), len(users), 0.8)} "
                           "perangkat daerah lagi")
        if rivals:
            missing.append(f"alihkan aplikasi lokal tandingan ke aplikasi nasional atau integrasikan dengannya: "
                           f"{_some([a.name for a in rivals])}")
        ev.missing = "; ".join(missing) or f"aktifkan {label}"
    else:
        ev.missing = "optimalkan layanan berdasarkan kebutuhan pengguna (belum tercatat dalam arsitektur SPBE)"
    return ev


def producers(facts: ModelFacts, indicator: Indicator) -> Evidence:
    ws = facts.workspace
    data = [d for d in ws.data if d.status != "dihentikan"]
    ev = Evidence(kind="produsen-data", title="Data dengan produsen dan walidata",
                  section=DOCUMENT_SECTIONS["produsen-data"])
    if not data:
        ev.figures.append("Arsitektur SPBE belum mencatat data dan informasi.")
        return ev
    # Satu Data Indonesia (Perpres 39/2019): the produsen data is named per data set, the walidata is one
    # unit for the whole government; so a data set is described when its producer and its update
    # frequency are recorded.
    org_ids = {o.id for o in ws.organizations}
    named = [d for d in data if (d.producer or d.owner) in org_ids]
    stewarded = [d for d in named if d.update_frequency]
    open_data = [d for d in data if d.classification == "terbuka"]
    ev.share = len(stewarded) / len(data)
    ev.figures.append(f"{len(named)} dari {len(data)} data ({pct(len(named) / len(data))}) memiliki produsen data "
                      f"yang tercatat; {len(stewarded)} ({pct(ev.share)}) juga memiliki frekuensi pemutakhiran.")
    ev.figures.append(f"{len(open_data)} data berklasifikasi terbuka.")
    ev.supported_level = _by_share(ev.share, ((0.9, 3), (0.5, 2)))
    ev.basis = "konvensi: ≥90% data dengan produsen dan frekuensi pemutakhiran = 3, ≥50% = 2, selain itu 1"
    stewarded_ids = {d.id for d in stewarded}
    lacking = [d for d in data if d.id not in stewarded_ids]
    ev.examples = [d.id for d in lacking]
    if ev.supported_level < 3:
        target = 0.9 if ev.supported_level == 2 else 0.5
        ev.missing = (f"lengkapi produsen data dan frekuensi pemutakhiran sedikitnya "
                      f"{_needed(len(data), len(stewarded), target)} data, antara lain: "
                      f"{_some([d.name for d in lacking])}")
    else:
        ev.missing = "ukur kualitas dan pemanfaatan data secara berkala (belum tercatat dalam arsitektur SPBE)"
    return ev


def domains(facts: ModelFacts, indicator: Indicator) -> Evidence:
    ws = facts.workspace
    ev = Evidence(kind="kelengkapan-domain", title="Kelengkapan enam domain arsitektur",
                  section=DOCUMENT_SECTIONS["kelengkapan-domain"])
    present = []
    coded_total = 0
    count_total = 0
    for collection in DOMAIN_COLLECTIONS:
        elements = ws.collection(collection)
        if not elements:
            continue
        present.append(collection)
        coded = sum(1 for e in elements if e.reference)
        coded_total += coded
        count_total += len(elements)
        ev.figures.append(f"{COLLECTION_LABELS[collection]}: {len(elements)} elemen, {pct(coded / len(elements))} "
                          "berkode referensi arsitektur.")
    absent = [COLLECTION_LABELS[c] for c in DOMAIN_COLLECTIONS if c not in present]
    ev.share = coded_total / count_total if count_total else 0.0
    ev.figures.insert(0, f"{len(present)} dari 6 domain arsitektur terisi; {pct(ev.share)} elemen berkode referensi.")
    ev.supported_level = 3 if not absent and ev.share >= 0.8 else (2 if len(present) >= 4 else 1)
    ev.basis = "konvensi: enam domain terisi dan ≥80% elemen berkode referensi = 3, ≥4 domain = 2, selain itu 1"
    if absent:
        ev.missing = "lengkapi domain: " + ", ".join(absent)
    elif ev.supported_level < 3:
        ev.missing = "petakan sedikitnya 80% elemen ke kode Referensi Arsitektur SPBE"
    else:
        ev.missing = ("keterpaduan arsitektur dengan perencanaan dan pengukuran kinerjanya (belum tercatat "
                      "dalam arsitektur SPBE)")
    return ev


def roadmap(facts: ModelFacts, indicator: Indicator) -> Evidence:
    activities = facts.workspace.roadmap
    ev = Evidence(kind="peta-rencana", title="Substansi Peta Rencana SPBE", section=DOCUMENT_SECTIONS["peta-rencana"])
    covered = sorted({a.substance for a in activities}, key=list(SUBSTANCES).index)
    years = sorted({a.year for a in activities})
    ev.share = len(covered) / len(SUBSTANCES)
    ev.figures.append(f"{len(activities)} kegiatan Peta Rencana mencakup {len(covered)} dari {len(SUBSTANCES)} "
                      f"substansi ({', '.join(SUBSTANCES[s] for s in covered) or '-'}).")
    if years:
        ev.figures.append(f"Kegiatan tersebar pada {len(years)} tahun ({years[0]}-{years[-1]}).")
    ev.supported_level = 3 if len(covered) == len(SUBSTANCES) and len(years) >= 3 else (2 if len(covered) >= 4 else 1)
    ev.basis = "konvensi: tujuh substansi dan ≥3 tahun = 3, ≥4 substansi = 2, selain itu 1"
    absent = [SUBSTANCES[s] for s in SUBSTANCES if s not in covered]
    if absent:
        ev.missing = "tambahkan kegiatan untuk substansi: " + ", ".join(absent)
    elif ev.supported_level < 3:
        ev.missing = "sebarkan kegiatan pada sedikitnya tiga tahun periode"
    else:
        ev.missing = "pemantauan dan evaluasi capaian Peta Rencana (belum tercatat dalam arsitektur SPBE)"
    return ev


def security(facts: ModelFacts, indicator: Indicator) -> Evidence:
    ws = facts.workspace
    apps = facts.local_apps
    ev = Evidence(kind="kategori-keamanan", title="Kategori keamanan sistem elektronik",
                  section=DOCUMENT_SECTIONS["kategori-keamanan"])
    if not apps:
        ev.figures.append("Arsitektur SPBE belum mencatat aplikasi lokal yang berjalan.")
        return ev
    categorised = [a for a in apps if a.security_category]
    protected = {p for s in ws.security if s.status != "dihentikan" for p in s.protects}
    critical = [a for a in categorised if a.security_category in ("strategis", "tinggi")]
    unprotected = [a for a in critical if a.id not in protected]
    ev.share = len(categorised) / len(apps)
    ev.figures.append(f"{len(categorised)} dari {len(apps)} aplikasi lokal ({pct(ev.share)}) memiliki kategori "
                      "sistem elektronik (strategis, tinggi, rendah).")
    ev.figures.append(f"{len(critical) - len(unprotected)} dari {len(critical)} aplikasi strategis/tinggi "
                      "dilindungi kendali keamanan yang tercatat.")
    full = ev.share >= 1.0
    ev.supported_level = (4 if not unprotected else 3) if full else (2 if ev.share >= 0.5 else 1)
    ev.basis = ("konvensi: seluruh aplikasi berkategori = 3, dan seluruh aplikasi strategis/tinggi dilindungi "
                "kendali keamanan = 4; ≥50% berkategori = 2")
    lacking = [a for a in apps if not a.security_category]
    ev.examples = [a.id for a in lacking or unprotected]
    if lacking:
        ev.missing = f"tetapkan kategori {len(lacking)} aplikasi, antara lain: {_some([a.name for a in lacking])}"
    elif unprotected:
        ev.missing = f"lindungi aplikasi strategis/tinggi: {_some([a.name for a in unprotected])}"
    else:
        ev.missing = "audit keamanan dan pengukuran berkala (belum tercatat dalam arsitektur SPBE)"
    return ev


MEASURES: dict[str, Callable[[ModelFacts, Indicator], Evidence]] = {
    "integrasi-splp": integration, "hosting-pusat-data": hosting, "aplikasi-umum": national_use,
    "produsen-data": producers, "kelengkapan-domain": domains, "peta-rencana": roadmap,
    "kategori-keamanan": security,
}


def evidence_for(facts: ModelFacts, indicator: Indicator) -> list[Evidence]:
    return [MEASURES[kind](facts, indicator) for kind in indicator.evidence]
