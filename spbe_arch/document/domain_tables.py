"""The tables of chapters II to IX: the government, the framework and the six domains."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cached_property

from spbe_arch.document import labels as L
from spbe_arch.document.index import ModelIndex, name_key
from spbe_arch.document.tables import Align, Row, Table, cell, group, row
from spbe_arch.document.text import angka, desimal, persen, tanggal
from spbe_arch.document.urusan import GROUPS, sort_key, urusan_name
from spbe_arch.model import COLLECTION_LABELS, Application, DataSet, Element
from spbe_arch.reference import COLLECTION_DOMAIN, DOMAIN_NAMES, Catalogue
from spbe_arch.stats import Stats

MARK = "●"
CENTER: Align = "center"
RIGHT: Align = "right"
MATRIX_COLUMNS = 8  # columns of marks per matrix table, so that it fits a portrait A4 page

Tables = dict[str, Table]


def _matrix(
    key: str, caption: str, corner: str, rows: Sequence[tuple[str, str]], columns: Sequence[tuple[str, str, str]],
    marks: dict[tuple[str, str], str], *, legend: str, note: str, width: int = MATRIX_COLUMNS,
) -> list[Table]:
    """A sparse matrix as tables of at most ``width`` mark columns.

    Rows are (id, label); columns are (id, short head, name): the heads (P1, D2, urusan codes) keep the
    mark columns narrow, and the names are given under each table after ``legend``.
    """
    tables = []
    chunks = [columns[i:i + width] for i in range(0, len(columns), width)] or [[]]
    for number, chunk in enumerate(chunks, 1):
        chunk_ids = [c for c, _, _ in chunk]
        body = [
            row(cell(label, rid), *[marks.get((rid, c), "") for c in chunk_ids])
            for rid, label in rows
            if any((rid, c) in marks for c in chunk_ids)
        ]
        names = "; ".join(f"{head} = {name}" for _, head, name in chunk)
        suffix = f" (bagian {number} dari {len(chunks)})" if len(chunks) > 1 else ""
        tables.append(Table(
            key=f"{key}-{number}" if len(chunks) > 1 else key, caption=caption + suffix,
            columns=[corner, *[head for _, head, _ in chunk]], rows=body,
            align=["left", *([CENTER] * len(chunk))], note=f"{legend} {names}. {note}.",
            empty=f"Tidak ada keterkaitan yang tercatat untuk {caption[0].lower()}{caption[1:]}.",
        ))
    return tables


def _numbered(prefix: str, items: Sequence[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [(item_id, f"{prefix}{i}", name) for i, (item_id, name) in enumerate(items, 1)]


class DomainTables:
    """Builds the tables of chapters II-IX from one workspace."""

    def __init__(self, index: ModelIndex, catalogue: Catalogue, stats: Stats) -> None:
        self.ix = index
        self.ws = index.ws
        self.catalogue = catalogue
        self.stats = stats

    def all(self) -> Tables:
        tables: Tables = {}
        for build in (self.general, self.framework, self.processes, self.services, self.data, self.applications,
                      self.infrastructure, self.security):
            tables.update(build())
        return tables

    def matrices(self) -> dict[str, list[Table]]:
        return {
            "opd_urusan": self.opd_by_urusan(),
            "aplikasi_proses": self.application_process(),
            "aplikasi_data": self.application_data(),
        }

    # -- shared ---------------------------------------------------------------------------
    def reference_usage(self, collection: str) -> Table:
        """The reference codes one domain's elements use, with how many use each."""
        domain = COLLECTION_DOMAIN[collection]
        used = Counter(e.reference for e in self.ws.collection(collection) if e.reference)
        rows = []
        for code in sorted(used, key=_code_key):
            found = self.catalogue.get(code)
            parent = self.catalogue.parent(code)
            name = found.name if found else "tidak terdapat dalam katalog referensi"
            origin = "lokal" if found and found.local else ("nasional" if found else "-")
            rows.append(row(code, name, f"{parent.code} {parent.name}" if parent else "-", origin.capitalize(),
                            angka(used[code])))
        return Table(
            key=f"referensi-{domain.lower()}", caption=f"Kode {domain} yang digunakan",
            columns=["Kode", "Nama", "Induk", "Asal", f"Jumlah {COLLECTION_LABELS[collection]}"],
            rows=rows, align=["left", "left", "left", "left", "right"],
            empty=f"Belum ada elemen {COLLECTION_LABELS[collection].lower()} yang dipetakan ke kode "
                  f"{DOMAIN_NAMES[domain].lower()} ({domain}).",
        )

    def target(self, collection: str) -> Table:
        """Elements of a domain that are planned, in development, retired, or touched by the roadmap."""
        elements = [
            e for e in self.ws.collection(collection)
            if e.status != "aktif" or self.ix.affected_by.get(e.id)
        ]
        rows: list[Row] = []
        for owner, items in self.ix.by_owner(elements):
            rows.append(group(self.ix.org_title(owner)))
            for element in items:
                activities = [self.ws.get(a) for a in self.ix.affected_by.get(element.id, [])]
                plan = ", ".join(f"{a.name} ({getattr(a, 'year', '-')})" for a in activities if a is not None)
                rows.append(row(self.ix.ref(element.id), L.label(L.STATUS, element.status), plan or "-"))
        label = COLLECTION_LABELS[collection].lower()
        return Table(
            key=f"target-{collection}", caption=f"Perubahan {label} menuju arsitektur target",
            columns=[COLLECTION_LABELS[collection], "Status", "Kegiatan Peta Rencana"], rows=rows,
            empty=f"Belum terdapat elemen {label} yang direncanakan, sedang dikembangkan, dihentikan, "
                  "atau menjadi sasaran kegiatan Peta Rencana SPBE.",
        )

    # -- chapter II ---------------------------------------------------------------------------
    def general(self) -> Tables:
        owned = Counter(a.owner for a in self.ws.applications)
        used = Counter(u for a in self.ws.applications for u in dict.fromkeys(a.users) if u != a.owner)
        rows: list[Row] = []
        current = None
        for number, org in enumerate(self.ix.organizations, 1):
            if org.kind != current:
                current = org.kind
                rows.append(group(L.label(L.ORGANIZATION_KINDS, org.kind)))
            rows.append(row(number, cell(org.name, org.id), org.short_name or "-",
                            ", ".join(sorted(org.affairs, key=sort_key)) or "-",
                            angka(owned.get(org.id, 0)), angka(used.get(org.id, 0))))
        organizations = Table(
            key="perangkat-daerah", caption="Perangkat daerah dan instansi pusat terkait",
            columns=["No.", "Nama", "Singkatan", "Urusan", "Aplikasi Dimiliki", "Aplikasi Lain Digunakan"],
            rows=rows, align=["right", "left", "left", "left", "right", "right"],
            empty="Belum terdapat perangkat daerah.",
        )
        index_rows = [
            row(str(i.year), desimal(i.score), L.label(L.PREDICATES, i.predicate or predicate_for(i.score)))
            for i in sorted(self.ws.manifest.spbe_index, key=lambda i: i.year)
        ]
        spbe_index = Table(
            key="indeks-spbe", caption="Hasil evaluasi Indeks SPBE", columns=["Tahun", "Indeks", "Predikat"],
            rows=index_rows, align=["left", "right", "left"],
            empty="Hasil evaluasi Indeks SPBE belum dicantumkan dalam dokumen ini.",
        )
        counts = self.stats.counts
        coverage = {c.collection: c for c in self.stats.coverage}
        summary_rows = []
        for collection, count in counts.items():
            cov = coverage.get(collection)
            summary_rows.append(row(
                COLLECTION_LABELS[collection], angka(count),
                f"{angka(cov.valid_codes)} ({persen(cov.percent)})" if cov else "-",
            ))
        summary = Table(
            key="ringkasan-model", caption="Ringkasan elemen arsitektur",
            columns=["Kelompok Elemen", "Jumlah", "Dipetakan ke Kode Referensi"], rows=summary_rows,
            align=["left", "right", "right"], empty="Belum terdapat elemen.",
        )
        return {"perangkat_daerah": organizations, "indeks_spbe": spbe_index, "ringkasan_model": summary}

    # -- chapter III --------------------------------------------------------------------------
    def framework(self) -> Tables:
        rows = []
        for collection, domain in COLLECTION_DOMAIN.items():
            codes = self.catalogue.domain(domain)
            national = sum(1 for c in codes if not c.local)
            local = sum(1 for c in codes if c.local)
            used = len({e.reference for e in self.ws.collection(collection) if e.reference in self.catalogue})
            rows.append(row(domain, self.catalogue.domain_titles.get(domain, DOMAIN_NAMES[domain]),
                            COLLECTION_LABELS[collection], angka(national), angka(local), angka(used)))
        references = Table(
            key="referensi-arsitektur", caption="Referensi Arsitektur SPBE yang digunakan",
            columns=["Kode", "Referensi Arsitektur", "Domain", "Kode Nasional", "Kode Lokal", "Kode Digunakan"],
            rows=rows, align=["left", "left", "left", "right", "right", "right"],
            empty="Katalog referensi tidak memuat kode.",
        )
        return {"referensi_arsitektur": references, "relasi_domain": self.domain_relations()}

    @cached_property
    def relation_counts(self) -> list[tuple[str, str, str, int]]:
        """(source collection, edge, target collection, count) of every relation between elements, in table
        order: counted once for both the domain-relations table and its figure."""
        from spbe_arch.relations import iter_references

        counts: Counter[tuple[str, str, str]] = Counter()
        for element in self.ws.iter_elements():
            for ref in iter_references(element):
                target = self.ws.get(ref.target)
                if ref.edge is None or ref.edge == "owned_by" or target is None:
                    continue
                counts[(element.COLLECTION, ref.edge, target.COLLECTION)] += 1
        order = {c: i for i, c in enumerate(COLLECTION_LABELS)}
        ranked = sorted(counts.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][2]], kv[0][1]))
        return [(s, e, t, n) for (s, e, t), n in ranked]

    def domain_relations(self) -> Table:
        rows = [
            row(COLLECTION_LABELS[s], L.label(L.EDGES, e), COLLECTION_LABELS[t], angka(n))
            for s, e, t, n in self.relation_counts
        ]
        return Table(
            key="relasi-domain", caption="Jumlah relasi antardomain",
            columns=["Dari", "Relasi", "Ke", "Jumlah"], rows=rows, align=["left", "left", "left", "right"],
            empty="Belum terdapat relasi antarelemen.",
        )

    # -- chapter IV: proses bisnis ------------------------------------------------------------
    def processes(self) -> Tables:
        rows: list[Row] = []
        for owner, items in self.ix.by_owner(self.ws.processes):
            rows.append(group(self.ix.org_title(owner)))
            for p in items:
                rows.append(row(
                    self.ix.ref(p.id), L.label(L.PROCESS_KINDS, p.kind), p.reference or "-",
                    self.ix.name(p.parent) if p.parent else "-", self.ix.names(p.services),
                    self.ix.names(self.ix.supported_by.get(p.id, [])),
                ))
        per_opd = Table(
            key="proses-per-opd", caption="Proses bisnis per perangkat daerah",
            columns=["Proses Bisnis", "Jenis", "Kode RAB", "Induk", "Layanan", "Aplikasi Pendukung"], rows=rows,
            empty="Belum terdapat proses bisnis.",
        )
        return {"referensi_rab": self.reference_usage("processes"), "proses_per_opd": per_opd,
                "target_proses": self.target("processes")}

    def opd_by_urusan(self) -> list[Table]:
        orgs = [o for o in self.ix.opd if o.affairs]
        codes = sorted({a for o in orgs for a in o.affairs}, key=sort_key)
        tables: list[Table] = []
        by_group: dict[str, list[str]] = {}
        for code in codes:
            prefix = code.split(".", 1)[0]
            by_group.setdefault(prefix if prefix in GROUPS else "lain", []).append(code)
        for prefix, group_codes in by_group.items():
            title = GROUPS.get(prefix, "Lainnya")
            marks = {(o.id, a): MARK for o in orgs for a in o.affairs if a in group_codes}
            tables.extend(_matrix(
                f"opd-urusan-{prefix}", f"Matriks perangkat daerah dan urusan: {title}", "Perangkat Daerah",
                [(o.id, o.label) for o in orgs], [(c, c, urusan_name(c)) for c in group_codes], marks,
                legend="Kode urusan:", note=f"{MARK} = urusan yang dilaksanakan perangkat daerah",
            ))
        return tables

    # -- chapter V: layanan ---------------------------------------------------------------
    def services(self) -> Tables:
        rows: list[Row] = []
        for owner, items in self.ix.by_owner(self.ws.services):
            rows.append(group(self.ix.org_title(owner)))
            for s in items:
                rows.append(row(
                    self.ix.ref(s.id), L.label(L.SERVICE_KINDS, s.kind), L.labels(L.AUDIENCES, list(s.audience)),
                    L.labels(L.CHANNELS, list(s.channels)), L.label(L.MATURITY, s.maturity),
                    self.ix.names(s.applications), self.ix.names(self.ix.delivered_by.get(s.id, [])),
                ))
        per_opd = Table(
            key="layanan-per-opd", caption="Layanan SPBE per perangkat daerah",
            columns=["Layanan", "Jenis", "Sasaran", "Kanal", "Kematangan", "Aplikasi", "Proses Bisnis"],
            rows=rows, empty="Belum terdapat layanan SPBE.",
        )
        maturity: Counter[tuple[str | None, str]] = Counter((s.maturity, s.kind) for s in self.ws.services)
        levels: list[str | None] = [*L.MATURITY, None]
        maturity_rows = [
            row(L.label(L.MATURITY, level, "Belum dinilai"), angka(maturity[(level, "publik")]),
                angka(maturity[(level, "administrasi")]),
                angka(maturity[(level, "publik")] + maturity[(level, "administrasi")]))
            for level in levels
        ]
        maturity_rows.append(row("Jumlah", angka(sum(1 for s in self.ws.services if s.kind == "publik")),
                                 angka(sum(1 for s in self.ws.services if s.kind == "administrasi")),
                                 angka(len(self.ws.services)), total=True))
        by_maturity = Table(
            key="layanan-kematangan", caption="Layanan menurut tingkat kematangan",
            columns=["Tingkat Kematangan", "Layanan Publik", "Administrasi Pemerintahan", "Jumlah"],
            rows=maturity_rows if self.ws.services else [], align=["left", "right", "right", "right"],
            empty="Belum terdapat layanan SPBE.",
        )
        return {"referensi_ral": self.reference_usage("services"), "layanan_per_opd": per_opd,
                "layanan_kematangan": by_maturity, "target_layanan": self.target("services")}

    # -- chapter VI: data -----------------------------------------------------------------
    def data(self) -> Tables:
        rows: list[Row] = []
        for owner, items in self.ix.by_owner(self.ws.data):
            rows.append(group(self.ix.org_title(owner)))
            for d in items:
                rows.append(row(
                    self.ix.ref(d.id), L.label(L.CLASSIFICATION, d.classification), "Ya" if d.master else "Tidak",
                    self.ix.org_label(d.steward) if d.steward else "-", d.format or "-",
                    L.label(L.FREQUENCY, d.update_frequency),
                ))
        per_opd = Table(
            key="data-per-opd", caption="Data dan informasi per perangkat daerah produsen data",
            columns=["Data", "Klasifikasi", "Data Induk", "Walidata", "Format", "Pemutakhiran"], rows=rows,
            empty="Belum terdapat data dan informasi.",
        )
        master_rows = [
            row(self.ix.ref(d.id), self.ix.org_label(d.owner), self.ix.org_label(d.steward) if d.steward else "-",
                self.ix.names(self.ix.writers.get(d.id, [])), angka(len(self.ix.readers.get(d.id, []))))
            for d in sorted((d for d in self.ws.data if d.master), key=name_key)
        ]
        master = Table(
            key="data-induk", caption="Data induk", columns=["Data Induk", "Produsen", "Walidata", "Aplikasi Penulis",
                                                              "Aplikasi Pembaca"],
            rows=master_rows, align=["left", "left", "left", "left", "right"],
            empty="Data induk belum ditetapkan.",
        )
        classification: Counter[str] = Counter(d.classification for d in self.ws.data)
        class_rows = [row(L.CLASSIFICATION[k], angka(classification[k])) for k in L.CLASSIFICATION]
        by_class = Table(
            key="data-klasifikasi", caption="Data menurut klasifikasi", columns=["Klasifikasi", "Jumlah Data"],
            rows=class_rows if self.ws.data else [], align=["left", "right"],
            empty="Belum terdapat data dan informasi.",
        )
        return {"referensi_rad": self.reference_usage("data"), "data_per_opd": per_opd, "data_induk": master,
                "data_klasifikasi": by_class, "target_data": self.target("data")}

    def application_data(self) -> list[Table]:
        """One wide table for the Lampiran: per application (by OPD, then name) the data it creates, writes, reads."""
        rows: list[Row] = []
        for owner, apps in self.ix.by_owner(self.ws.applications):
            body = []
            for app in apps:
                marks: dict[str, list[str]] = {"C": [], "W": [], "R": []}
                for data_id in dict.fromkeys([*app.writes, *app.reads]):
                    for letter in crw(app, data_id, self.ws.get(data_id)):
                        marks[letter].append(self.ix.name(data_id))
                if any(marks.values()):
                    body.append(row(app.label, *("; ".join(sorted(v, key=str.lower)) or "-" for v in marks.values())))
            if body:
                rows.append(group(self.ix.org_title(owner)))
                rows.extend(body)
        return [Table(
            key="aplikasi-data", caption="Matriks aplikasi dan data menurut perangkat daerah",
            columns=["Aplikasi", "Membuat (C)", "Menulis (W)", "Membaca (R)"], rows=rows,
            empty="Belum tercatat data yang dibaca atau ditulis oleh aplikasi.",
            note="C = aplikasi produsen data yang membuat data tersebut; W = aplikasi yang menulis atau memperbarui "
                 "data milik perangkat daerah lain; R = aplikasi yang membaca data",
        )] if rows else []

    # -- chapter VII: aplikasi ------------------------------------------------------------
    def applications(self) -> Tables:
        rows: list[Row] = []
        for owner, items in self.ix.by_owner(self.ws.applications):
            rows.append(group(self.ix.org_title(owner)))
            for a in items:
                rows.append(row(
                    self.ix.ref(a.id), L.label(L.APPLICATION_KINDS, a.kind), L.label(L.SOURCES, a.source),
                    L.label(L.STATUS, a.status), L.labels(L.PLATFORMS, list(a.platform)),
                    self.ix.names(list(dict.fromkeys(a.writes))), self.ix.hosting_text(a),
                ))
        per_opd = Table(
            key="aplikasi-per-opd", caption="Aplikasi per perangkat daerah",
            columns=["Aplikasi", "Jenis", "Sumber", "Status", "Platform", "Data Dikelola", "Hosting"], rows=rows,
            empty="Belum terdapat aplikasi.",
        )
        kinds: Counter[tuple[str, str]] = Counter((a.kind, a.source) for a in self.ws.applications)
        kind_rows = [
            row(f"Aplikasi {L.APPLICATION_KINDS[k]}", angka(kinds[(k, "nasional")]), angka(kinds[(k, "lokal")]),
                angka(kinds[(k, "nasional")] + kinds[(k, "lokal")]))
            for k in L.APPLICATION_KINDS
        ]
        kind_rows.append(row("Jumlah", angka(sum(1 for a in self.ws.applications if a.source == "nasional")),
                             angka(sum(1 for a in self.ws.applications if a.source == "lokal")),
                             angka(len(self.ws.applications)), total=True))
        by_kind = Table(
            key="aplikasi-jenis", caption="Aplikasi menurut jenis dan sumber",
            columns=["Jenis", "Nasional", "Lokal", "Jumlah"], rows=kind_rows if self.ws.applications else [],
            align=["left", "right", "right", "right"], empty="Belum terdapat aplikasi.",
        )
        return {"referensi_raa": self.reference_usage("applications"), "aplikasi_per_opd": per_opd,
                "aplikasi_jenis": by_kind, "integrasi": self.integrations(),
                "target_aplikasi": self.target("applications")}

    def integrations(self) -> Table:
        rows = []
        for app in sorted(self.ws.applications, key=name_key):
            for integration in app.integrations:
                target = self.ws.get(integration.target)
                rows.append(row(
                    self.ix.ref(app.id), self.ix.org_label(app.owner), self.ix.ref(integration.target),
                    self.ix.org_label(target.owner_id) if target is not None else "-",
                    self.ix.name(integration.via) if integration.via else "Langsung (titik ke titik)",
                    self.ix.names(integration.data), L.label(L.PROTOCOLS, integration.protocol),
                ))
        return Table(
            key="integrasi-aplikasi", caption="Integrasi antaraplikasi",
            columns=["Aplikasi", "Pemilik", "Terhubung ke", "Pemilik Tujuan", "Melalui", "Data", "Protokol"],
            rows=rows, empty="Belum tercatat integrasi antaraplikasi.",
        )

    def application_process(self) -> list[Table]:
        """One wide table for the Lampiran: per application (by OPD, then name) the processes it supports."""
        rows: list[Row] = []
        for owner, apps in self.ix.by_owner(self.ws.applications):
            body = [row(a.label, "; ".join(sorted((self.ix.name(p) for p in dict.fromkeys(a.supports)), key=str.lower)))
                    for a in apps if a.supports]
            if body:
                rows.append(group(self.ix.org_title(owner)))
                rows.extend(body)
        return [Table(
            key="aplikasi-proses", caption="Matriks aplikasi dan proses bisnis menurut perangkat daerah",
            columns=["Aplikasi", "Proses Bisnis yang Didukung"], rows=rows,
            empty="Belum tercatat proses bisnis yang didukung oleh aplikasi.",
        )] if rows else []

    # -- chapter VIII: infrastruktur ------------------------------------------------------
    def infrastructure(self) -> Tables:
        rows: list[Row] = []
        kinds = list(L.INFRASTRUCTURE_KINDS)
        items = sorted(self.ws.infrastructure,
                       key=lambda i: (kinds.index(i.kind) if i.kind in kinds else 99, i.name.lower(), i.id))
        current = None
        for infra in items:
            if infra.kind != current:
                current = infra.kind
                rows.append(group(L.label(L.INFRASTRUCTURE_KINDS, infra.kind)))
            rows.append(row(
                self.ix.ref(infra.id), self.ix.org_label(infra.owner), infra.reference or "-",
                self.ix.name(infra.located_in) if infra.located_in else "-", infra.provider or "-",
                str(infra.tier) if infra.tier else "-", self.ix.names(infra.connected_to),
                angka(len(self.ix.hosted.get(infra.id, []))),
            ))
        inventory = Table(
            key="infrastruktur", caption="Infrastruktur SPBE menurut jenis",
            columns=["Infrastruktur", "Pemilik", "Kode RAI", "Lokasi", "Penyedia", "Tier", "Terhubung ke",
                     "Aplikasi"],
            rows=rows, align=["left", "left", "left", "left", "left", "center", "left", "right"],
            empty="Belum terdapat infrastruktur SPBE.",
        )
        sites: Counter[str | None] = Counter()
        for app in self.ws.applications:
            found = {self.ix.site(i) for i in app.hosted_on} or {"-"}
            for site in found:
                sites[site] += 1
        site_rows = []
        for site, count in sorted(sites.items(), key=lambda kv: (kv[0] in (None, "-"), self.ix.name(kv[0] or ""))):
            if site == "-":
                label = "Lokasi hosting tidak dicatat"
            elif site is None:
                label = "Di luar pusat data yang tercatat"
            else:
                label = self.ix.name(site)
            site_rows.append(row(cell(label, site if site not in (None, "-") else None), angka(count)))
        hosting = Table(
            key="lokasi-hosting", caption="Aplikasi menurut lokasi hosting", columns=["Lokasi", "Jumlah Aplikasi"],
            rows=site_rows, align=["left", "right"], empty="Belum terdapat aplikasi.",
            note="Satu aplikasi yang ditempatkan di beberapa lokasi dihitung pada setiap lokasinya.",
        )
        return {"referensi_rai": self.reference_usage("infrastructure"), "infrastruktur": inventory,
                "lokasi_hosting": hosting, "target_infrastruktur": self.target("infrastructure")}

    # -- chapter IX: keamanan -------------------------------------------------------------
    def security(self) -> Tables:
        rows = []
        for control in sorted(self.ws.security, key=lambda s: (list(L.SECURITY_KINDS).index(s.kind), name_key(s))):
            rows.append(row(
                self.ix.ref(control.id), L.label(L.SECURITY_KINDS, control.kind), self.ix.org_label(control.owner),
                control.standard or "-", tanggal(control.last_done) if control.last_done else "-",
                self.ix.names(list(dict.fromkeys(control.protects))),
            ))
        controls = Table(
            key="kontrol-keamanan", caption="Kontrol keamanan SPBE",
            columns=["Kontrol", "Jenis", "Pelaksana", "Standar", "Terakhir Dilaksanakan", "Melindungi"], rows=rows,
            empty="Belum terdapat kontrol keamanan SPBE.",
        )
        categories: list[str | None] = [*L.SECURITY_CATEGORIES, None]
        cat_rows = []
        for category in categories:
            apps = [a for a in self.ws.applications if a.security_category == category]
            protected = sum(1 for a in apps if self.ix.protected_by.get(a.id))
            in_dc = sum(1 for a in apps if any(self.ix.site(i) for i in a.hosted_on))
            cat_rows.append(row(L.label(L.SECURITY_CATEGORIES, category, "Belum ditetapkan"), angka(len(apps)),
                                angka(protected), angka(in_dc)))
        by_category = Table(
            key="kategori-sistem-elektronik", caption="Aplikasi menurut kategori sistem elektronik",
            columns=["Kategori", "Jumlah Aplikasi", "Dilindungi Kontrol Keamanan", "Di Pusat Data"],
            rows=cat_rows if self.ws.applications else [], align=["left", "right", "right", "right"],
            empty="Belum terdapat aplikasi.",
        )
        strategic_rows = [
            row(self.ix.ref(a.id), self.ix.org_label(a.owner), self.ix.names(self.ix.protected_by.get(a.id, [])),
                self.ix.hosting_text(a))
            for a in sorted((a for a in self.ws.applications if a.security_category == "strategis"), key=name_key)
        ]
        strategic = Table(
            key="aplikasi-strategis", caption="Aplikasi berkategori strategis dan pengamanannya",
            columns=["Aplikasi", "Pemilik", "Kontrol Keamanan", "Hosting"], rows=strategic_rows,
            empty="Tidak terdapat aplikasi berkategori strategis.",
        )
        return {"referensi_rak": self.reference_usage("security"), "kontrol_keamanan": controls,
                "kategori_sistem_elektronik": by_category, "aplikasi_strategis": strategic,
                "target_keamanan": self.target("security")}


def crw(app: Application, data_id: str, data: Element | None) -> str:
    """C (the producer's own application writes it), W (another OPD's application writes it), R (reads)."""
    letters = []
    if data_id in app.writes:
        letters.append("C" if isinstance(data, DataSet) and data.owner == app.owner else "W")
    if data_id in app.reads:
        letters.append("R")
    return "".join(sorted(letters, key="CRW".index))


def predicate_for(score: float) -> str:
    """The Indeks SPBE predicate of a score (PermenPANRB 59/2020)."""
    if score >= 4.2:
        return "memuaskan"
    if score >= 3.5:
        return "sangat-baik"
    if score >= 2.6:
        return "baik"
    if score >= 1.8:
        return "cukup"
    return "kurang"


def _code_key(code: str) -> tuple[str, tuple[int, ...]]:
    head, _, rest = code.partition(".")
    return head, tuple(int(p) for p in rest.split(".") if p.isdigit())

