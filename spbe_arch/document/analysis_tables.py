"""The tables of chapters X (analysis), XI (roadmap) and the appendices."""

from __future__ import annotations

from collections import Counter, defaultdict

from spbe_arch.document import labels as L
from spbe_arch.document.index import ModelIndex
from spbe_arch.document.rule_texts import RULE_SUMMARIES
from spbe_arch.document.tables import Align, Row, Table, cell, group, row
from spbe_arch.document.text import angka, juta, persen, rupiah
from spbe_arch.findings import SEVERITY_ORDER, Finding
from spbe_arch.model import COLLECTION_LABELS, COLLECTIONS, Organization
from spbe_arch.reference import COLLECTION_DOMAIN, DOMAIN_NAMES, Catalogue
from spbe_arch.stats import Stats
from spbe_arch.validate import Report

Tables = dict[str, Table]
RIGHT: Align = "right"
GAP_COLLECTIONS = ("processes", "data", "infrastructure", "applications", "security", "services")
GAP_STATUS = {"rencana": "belum tersedia (direncanakan)", "pengembangan": "sedang dikembangkan"}
NO_OWNER = "Tanpa perangkat daerah pemilik"


class AnalysisTables:
    """Builds the findings, gaps, roadmap and appendix tables."""

    def __init__(self, index: ModelIndex, catalogue: Catalogue, stats: Stats, report: Report) -> None:
        self.ix = index
        self.ws = index.ws
        self.catalogue = catalogue
        self.stats = stats
        self.report = report

    def all(self) -> Tables:
        tables: Tables = {}
        tables.update(self.findings())
        tables["kesenjangan"] = self.gaps()
        tables.update(self.roadmap())
        tables["lampiran_temuan"] = self.finding_list()
        for collection in GAP_COLLECTIONS:
            tables[f"gap_{collection}"] = self.gap_catalogue(collection)
        return tables

    # -- gap catalogue per domain -------------------------------------------------------------
    def gap_catalogue(self, collection: str) -> Table:
        """What separates one domain's current architecture from its target, and the roadmap activity closing it.

        A gap is an element still planned or in development, or an element with a finding of level
        error or warning; the activity is the roadmap activity that names the element in ``affects``.
        """
        from spbe_arch.rules.report_id import Namer

        namer = Namer(self.ws)
        problems: dict[str, list[str]] = defaultdict(list)
        for finding in self.report.findings:
            if finding.severity != "info" and finding.element:
                text = RULE_SUMMARIES.get(finding.rule)
                if text and text not in problems[finding.element]:
                    problems[finding.element].append(text)
        elements = [e for e in self.ws.collection(collection)
                    if e.status in ("rencana", "pengembangan") or problems.get(e.id)]
        rows: list[Row] = []
        for owner, items in self.ix.by_owner(elements):
            rows.append(group(self.ix.org_title(owner)))
            for element in items:
                gaps = [GAP_STATUS[element.status]] if element.status in GAP_STATUS else []
                gaps.extend(problems.get(element.id, []))
                activities = [self.ws.get(a) for a in self.ix.affected_by.get(element.id, [])]
                plan = "; ".join(f"{a.name} ({getattr(a, 'year', '-')})" for a in activities if a is not None)
                rows.append(row(namer.name(element.id), "; ".join(g[0].upper() + g[1:] for g in gaps),
                                plan or "Belum ada kegiatan"))
        label = COLLECTION_LABELS[collection].lower()
        return Table(
            key=f"gap-{collection}", caption=f"Katalog gap {label}",
            columns=[COLLECTION_LABELS[collection], "Kesenjangan", "Kegiatan Peta Rencana (Tahun)"], rows=rows,
            empty=f"Tidak terdapat kesenjangan {label}: tidak ada elemen yang masih direncanakan atau "
                  "memiliki temuan tingkat kesalahan maupun peringatan.",
        )

    # -- findings ---------------------------------------------------------------------------
    def findings(self) -> Tables:
        from spbe_arch.rules import get_rule

        by_rule: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.report.findings:
            by_rule[finding.rule].append(finding)
        rule_rows = []
        for code in sorted(by_rule):
            items = by_rule[code]
            rule = get_rule(code)
            worst = min((f.severity for f in items), key=SEVERITY_ORDER.__getitem__)
            summary = RULE_SUMMARIES.get(code) or (rule.summary if rule else "-")
            rule_rows.append(row(code, L.RULE_FAMILIES.get(code[:2], "-"), summary, L.SEVERITIES[worst],
                                 angka(len(items))))
        per_rule = Table(
            key="temuan-per-aturan", caption="Temuan pemeriksaan arsitektur menurut aturan",
            columns=["Kode", "Kelompok", "Aturan", "Tingkat", "Jumlah"], rows=rule_rows,
            align=["left", "left", "left", "left", "right"],
            empty="Pemeriksaan tidak menghasilkan temuan: arsitektur memenuhi seluruh ketentuan yang diperiksa.",
        )
        counts: dict[str | None, Counter[str]] = defaultdict(Counter)
        for finding in self.report.findings:
            counts[self._finding_owner(finding)][finding.severity] += 1
        org_rows = []
        order = self.ix.org_rank
        for owner in sorted(counts, key=lambda o: (o is None, order.get(o or "", len(order)), o or "")):
            c = counts[owner]
            org_rows.append(row(
                cell(self.ix.org_title(owner), owner) if owner else NO_OWNER, angka(c["error"]), angka(c["warning"]),
                angka(c["info"]), angka(sum(c.values())),
            ))
        if org_rows:
            total = Counter(f.severity for f in self.report.findings)
            org_rows.append(row("Jumlah", angka(total["error"]), angka(total["warning"]), angka(total["info"]),
                                angka(len(self.report.findings)), total=True))
        per_opd = Table(
            key="temuan-per-opd", caption="Temuan pemeriksaan arsitektur menurut perangkat daerah",
            columns=["Perangkat Daerah", "Kesalahan", "Peringatan", "Informasi", "Jumlah"], rows=org_rows,
            align=["left", "right", "right", "right", "right"],
            empty="Pemeriksaan tidak menghasilkan temuan pada perangkat daerah mana pun.",
        )
        return {"temuan_per_aturan": per_rule, "temuan_per_opd": per_opd}

    def _finding_owner(self, finding: Finding) -> str | None:
        element = self.ws.get(finding.element) if finding.element else None
        if element is None:
            return None
        if isinstance(element, Organization):
            return element.id
        return element.owner_id if element.owner_id in self.ws.elements else None

    def finding_list(self) -> Table:
        """Every finding in Indonesian, by perangkat daerah and then element name, for the appendix."""
        from spbe_arch.rules.report_id import Namer

        namer = Namer(self.ws)
        order = self.ix.org_rank
        by_owner: dict[str | None, list[Finding]] = defaultdict(list)
        for finding in self.report.findings:
            by_owner[self._finding_owner(finding)].append(finding)
        rows: list[Row] = []
        for owner in sorted(by_owner, key=lambda o: (o is None, order.get(o or "", len(order)), o or "")):
            rows.append(group(self.ix.org_title(owner) if owner else NO_OWNER))
            items = sorted(by_owner[owner], key=lambda f: (namer.name(f.element) if f.element else "",
                                                           SEVERITY_ORDER[f.severity], f.rule, f.message))
            rows.extend(row(namer.name(f.element) if f.element else "-", L.SEVERITIES[f.severity], namer.message(f))
                        for f in items)
        return Table(
            key="daftar-temuan", caption="Daftar temuan pemeriksaan arsitektur menurut perangkat daerah",
            columns=["Elemen", "Tingkat", "Temuan"], rows=rows,
            empty="Pemeriksaan tidak menghasilkan temuan.",
        )

    # -- gaps -------------------------------------------------------------------------------
    def gaps(self) -> Table:
        ws, ix = self.ws, self.ix
        active = [p for p in ws.processes if not p.retired]
        services = [s for s in ws.services if not s.retired]
        apps = [a for a in ws.applications if not a.retired]
        local_apps = [a for a in apps if a.source == "lokal"]
        strategic = [a for a in apps if a.security_category == "strategis"]
        cross_opd = []
        for app in apps:
            for integration in app.integrations:
                target = ws.get(integration.target)
                if target is not None and target.owner_id != app.owner:
                    cross_opd.append(integration.via is None)
        checks: list[tuple[str, int, int]] = [
            ("Proses bisnis yang belum didukung aplikasi",
             sum(1 for p in active if not ix.supported_by.get(p.id)), len(active)),
            ("Layanan yang belum diwujudkan oleh aplikasi",
             sum(1 for s in services if not s.applications), len(services)),
            ("Data yang belum menyebut produsen data", sum(1 for d in ws.data if d.producer is None), len(ws.data)),
            ("Data yang tidak ditulis oleh aplikasi mana pun",
             sum(1 for d in ws.data if not ix.writers.get(d.id)), len(ws.data)),
            ("Aplikasi lokal tanpa lokasi hosting", sum(1 for a in local_apps if not a.hosted_on), len(local_apps)),
            ("Aplikasi yang belum ditetapkan kategori sistem elektroniknya",
             sum(1 for a in apps if a.security_category is None), len(apps)),
            ("Aplikasi strategis tanpa kontrol keamanan",
             sum(1 for a in strategic if not ix.protected_by.get(a.id)), len(strategic)),
            ("Integrasi antar-perangkat daerah tanpa SPLP (titik ke titik)", sum(cross_opd), len(cross_opd)),
        ]
        for cov in self.stats.coverage:
            checks.append((f"{COLLECTION_LABELS[cov.collection]} tanpa kode {cov.domain} yang dikenali",
                           cov.elements - cov.valid_codes, cov.elements))
        rows = [row(text, angka(n), angka(total), persen(100.0 * n / total) if total else "-")
                for text, n, total in checks]
        return Table(
            key="kesenjangan", caption="Indikator kesenjangan arsitektur",
            columns=["Indikator", "Jumlah", "Dari", "Persentase"], rows=rows,
            align=["left", "right", "right", "right"], empty="Belum terdapat elemen.",
        )

    # -- roadmap ----------------------------------------------------------------------------
    def roadmap(self) -> Tables:
        activities = sorted(self.ws.roadmap, key=lambda a: (a.year, list(L.SUBSTANCES).index(a.substance),
                                                            a.name.lower(), a.id))
        rows: list[Row] = []
        for year in sorted({a.year for a in activities}):
            in_year = [a for a in activities if a.year == year]
            rows.append(group(f"Tahun {year}"))
            for a in in_year:
                rows.append(row(self.ix.ref(a.id), L.label(L.SUBSTANCES, a.substance), self.ix.org_label(a.owner),
                                self.ix.names(list(dict.fromkeys(a.affects))), rupiah(a.budget)))
            rows.append(row(f"Jumlah tahun {year}", "", "", "", rupiah(sum(a.budget or 0 for a in in_year)),
                            total=True))
        unbudgeted = sum(1 for a in activities if a.budget is None)
        per_year = Table(
            key="peta-rencana-tahun", caption="Kegiatan Peta Rencana SPBE per tahun",
            columns=["Kegiatan", "Substansi", "Penanggung Jawab", "Elemen Terdampak", "Anggaran"], rows=rows,
            align=["left", "left", "left", "left", "right"],
            note=(f"{angka(unbudgeted)} kegiatan belum mencantumkan anggaran dan dihitung nol dalam jumlah."
                  if unbudgeted else None),
            empty="Belum terdapat kegiatan Peta Rencana SPBE.",
        )
        years = self._roadmap_years()
        budget: dict[tuple[str, int], int] = defaultdict(int)
        count: Counter[tuple[str, int]] = Counter()
        for a in activities:
            budget[(a.substance, a.year)] += a.budget or 0
            count[(a.substance, a.year)] += 1
        matrix_rows = []
        for substance, label in L.SUBSTANCES.items():
            cells = [juta(budget[(substance, y)]) if count[(substance, y)] else "-" for y in years]
            total = sum(budget[(substance, y)] for y in years)
            n = sum(count[(substance, y)] for y in years)
            matrix_rows.append(row(label, *cells, juta(total) if n else "-"))
        grand_total = sum(a.budget or 0 for a in activities)
        matrix_rows.append(row("Jumlah", *[juta(sum(budget[(s, y)] for s in L.SUBSTANCES)) for y in years],
                               juta(grand_total), total=True))
        by_substance = Table(
            key="anggaran-substansi", caption="Anggaran Peta Rencana SPBE menurut substansi dan tahun (juta rupiah)",
            columns=["Substansi", *[str(y) for y in years], "Jumlah"],
            rows=matrix_rows if activities else [], align=["left", *([RIGHT] * (len(years) + 1))],
            note=f"Nilai dalam juta rupiah; jumlah seluruhnya {rupiah(grand_total)}.",
            empty="Belum terdapat kegiatan Peta Rencana SPBE.",
        )
        count_rows = [
            row(label, *[angka(count[(s, y)]) for y in years], angka(sum(count[(s, y)] for y in years)))
            for s, label in L.SUBSTANCES.items()
        ]
        count_rows.append(row("Jumlah", *[angka(sum(count[(s, y)] for s in L.SUBSTANCES)) for y in years],
                              angka(len(activities)), total=True))
        counts = Table(
            key="kegiatan-substansi", caption="Jumlah kegiatan Peta Rencana SPBE menurut substansi dan tahun",
            columns=["Substansi", *[str(y) for y in years], "Jumlah"],
            rows=count_rows if activities else [], align=["left", *([RIGHT] * (len(years) + 1))],
            empty="Belum terdapat kegiatan Peta Rencana SPBE.",
        )
        return {"peta_rencana_tahun": per_year, "anggaran_substansi": by_substance, "kegiatan_substansi": counts}

    def _roadmap_years(self) -> list[int]:
        years = {a.year for a in self.ws.roadmap}
        period = self.ws.manifest.period
        if period is not None and period.start <= period.end:
            years.update(range(period.start, period.end + 1))
        return sorted(years)

    # -- appendices ---------------------------------------------------------------------------
    def code_tables(self) -> list[Table]:
        """Per domain: the codes the model uses, with their ancestors, so each code reads in context."""
        tables = []
        for collection, domain in COLLECTION_DOMAIN.items():
            used = Counter(e.reference for e in self.ws.collection(collection) if e.reference)
            shown: set[str] = set()
            for code in used:
                if code in self.catalogue:
                    shown.add(code)
                    shown.update(a.code for a in self.catalogue.ancestors(code))
            rows = []
            for code in self.catalogue.codes:  # catalogue order is code order
                if code in shown:
                    found = self.catalogue.codes[code]
                    rows.append(row(code, found.name, "Lokal" if found.local else "Nasional",
                                    angka(used[code]) if used[code] else "-"))
            tables.append(Table(
                key=f"lampiran-{domain.lower()}", caption=f"Kode {DOMAIN_NAMES[domain]} ({domain}) yang digunakan",
                columns=["Kode", "Nama", "Asal", "Jumlah Elemen"], rows=rows, align=["left", "left", "left", "right"],
                empty=f"Belum digunakan kode {domain}.",
            ))
        return tables

    def element_lists(self) -> list[Table]:
        """Every element of every collection by perangkat daerah, then name (an anchor per element)."""
        tables = []
        for collection in COLLECTIONS:
            rows: list[Row] = []
            if collection == "organizations":
                columns = ["Nama", "Singkatan", "Jenis", "Kode"]
                rows = [
                    row(o.name, o.short_name or "-", L.label(L.ORGANIZATION_KINDS, o.kind), o.code or "-", anchor=o.id)
                    for o in self.ix.organizations
                ]
            elif collection == "roadmap":
                columns = ["Kegiatan", "Penanggung Jawab", "Tahun", "Substansi"]
                activities = sorted(self.ws.collection(collection),
                                    key=lambda a: (str(getattr(a, "year", "")), a.name.lower(), a.id))
                rows = [
                    row(a.name, self.ix.org_label(a.owner_id), str(getattr(a, "year", "-")),
                        L.label(L.SUBSTANCES, getattr(a, "substance", None)), anchor=a.id)
                    for a in activities
                ]
            else:
                columns = ["Nama", "Kode Referensi", "Status"]
                for owner, elements in self.ix.by_owner(self.ws.collection(collection)):
                    rows.append(group(self.ix.org_title(owner)))
                    rows.extend(row(self.ix.name(e.id), e.reference or "-", L.label(L.STATUS, e.status), anchor=e.id)
                                for e in elements)
            label = COLLECTION_LABELS[collection]
            tables.append(Table(
                key=f"daftar-{collection}", caption=f"Daftar {label.lower()}", title=label, columns=columns, rows=rows,
                empty=f"Belum ada {label.lower()} yang tercatat.",
            ))
        return tables

