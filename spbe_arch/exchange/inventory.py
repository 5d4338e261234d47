"""``spbe import inventory``: a Pemda application inventory (.xlsx or .csv) into a new workspace.

Onboarding a government starts from the spreadsheet it already keeps. Each row becomes an
application; the OPD names become organizations (the same OPD written three ways becomes one);
server locations become infrastructure. What cannot be mapped is reported by row and column, never
silently dropped: unknown columns are kept as element properties.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from spbe_arch.duplicates.systems import government_labels, region_place
from spbe_arch.errors import SpbeError
from spbe_arch.exchange import inventory_headers as hd
from spbe_arch.exchange.inventory_merge import (
    describe_two_jobs,
    is_address,
    namesakes_apart,
    shared_addresses,
    system_key,
)
from spbe_arch.exchange.inventory_read import (
    MAPPING_MAX_BYTES,
    Grid,
    Header,
    cell_text,
    detect_header,
    read_grids,
    read_regular,
)
from spbe_arch.exchange.naming import IdAllocator, organization_kind
from spbe_arch.exchange.opd_names import OPD_SHORT_FORMS, WRITTEN_AS, Org, OrgRegistry, opd_key, tidy_name
from spbe_arch.exchange.workspace_writer import (
    ImportNote,
    ImportReport,
    count_by_collection,
    render_workspace,
    write_workspace,
)
from spbe_arch.model import Application, Element, Infrastructure, Organization, slugify
from spbe_arch.relations import iter_references

UNKNOWN_OPD = "opd-belum-ditentukan"
WEBSITE_TAG = "website"  # rows the inventory lists as websites, not applications: filter them with this tag
EXCEL_EPOCH = dt.date(1899, 12, 30)

_GOVERNMENT = re.compile(r"\b(kabupaten|kota|provinsi)\s+([a-z][a-z .'-]{1,40})", re.IGNORECASE)


class InventoryMapping(BaseModel):
    """A ``--mapping`` file: which sheet, which header row, and which column is which field."""

    model_config = ConfigDict(extra="forbid")
    sheet: str | None = None
    header_row: int | None = None  # 1-based, as the spreadsheet shows it
    columns: dict[str, str] = {}
    government: str | None = None


def load_mapping(path: Path) -> InventoryMapping:
    try:
        raw = yaml.load(read_regular(path, MAPPING_MAX_BYTES).decode("utf-8"), Loader=yaml.CSafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SpbeError(f"{path}: cannot read the mapping file: {exc}") from None
    try:
        mapping = InventoryMapping.model_validate(raw or {})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise SpbeError(f"{path}: {where}: {first['msg']} (keys: sheet, header_row, columns, government)") from None
    for header, target in mapping.columns.items():
        ok = target in hd.FIELDS or target == "ignore" or (target.startswith("property:") and len(target) > 9)
        if not ok:
            raise SpbeError(f"{path}: column {header!r} maps to {target!r}; use one of {', '.join(hd.FIELDS)}, "
                            "ignore, or property:NAME")
    return mapping


_INFRA_KINDS: tuple[tuple[str, str], ...] = (
    (r"\b(pdn|pusat data nasional)\b", "pusat-data"),
    (r"\b(cloud|awan|aws|azure|gcp|google cloud|vps|hosting|alibaba|biznet|idcloudhost|niagahoster)\b",
     "komputasi-awan"),
    (r"\b(pusat data|data center|datacenter|pdd|ruang server|dc)\b", "pusat-data"),
)
_OWN_SERVER = re.compile(r"\b(opd|sendiri|internal|lokal|masing|kantor|setempat)\b")


@dataclass
class _InfraRegistry:
    ids: IdAllocator
    orgs: OrgRegistry
    items: dict[str, Infrastructure] = field(default_factory=dict)  # key -> element
    notes: list[ImportNote] = field(default_factory=list)

    def resolve(self, text: str, app_owner: Org) -> str:
        norm = hd.normalise(text)
        named = self.orgs.find_in(text)
        own = named is None and bool(_OWN_SERVER.search(norm)) and not any(
            re.search(p, norm) for p, _ in _INFRA_KINDS[:2])
        key = f"{norm}@{app_owner.id}" if own else norm
        if key in self.items:
            return self.items[key].id
        kind = next((k for pattern, k in _INFRA_KINDS if re.search(pattern, norm)), "server")
        if own:
            owner, name = app_owner, f"{tidy_name(text)} {app_owner.short_name or app_owner.name}"
        elif named is not None:
            owner, name = named, tidy_name(text)
        elif re.search(_INFRA_KINDS[0][0], norm):  # the national data centre belongs to the ministry
            owner, name = self.orgs.ensure("Kementerian Komunikasi dan Digital", "Komdigi", "instansi-pusat"), \
                tidy_name(text)
        else:  # a shared data centre or cloud: Diskominfo's when the inventory has it
            owner = self.orgs.resolve("Dinas Komunikasi dan Informatika") or app_owner
            name = tidy_name(text)
        element = Infrastructure(id=self.ids.make(name), name=name, owner=owner.id, kind=kind)  # type: ignore[arg-type]
        self.items[key] = element
        self.notes.append(ImportNote(where=element.id, message=f"infrastructure {name!r} ({kind}) made from the "
                                     f"server location {text!r}, owned by {owner.id!r}; check kind and owner"))
        return element.id


# --- rows --------------------------------------------------------------------------------------------

@dataclass
class _Row:
    number: int  # 1-based row of the sheet
    values: dict[str, Any]  # field -> raw cell value
    extra: dict[str, Any]  # property name -> raw value (unmapped columns)


def _is_empty(value: Any) -> bool:
    return hd.normalise(cell_text(value)) in hd.EMPTY_MARKERS and not isinstance(value, int | float)


def _property_key(header: str) -> str:
    return slugify(header).replace("-", "_") or "kolom"


def _rows(grid: Grid, header: Header, report: ImportReport) -> list[_Row]:
    rows: list[_Row] = []
    name_col = next(c for c, f in header.fields.items() if f == "name")
    header_name = hd.normalise(header.labels[name_col])
    for index in range(header.row + 1, len(grid.rows)):
        number = index + 1
        raw = grid.rows[index]
        filled = {c: v for c, v in enumerate(raw) if not _is_empty(v)}
        for (r, c), formula in sorted(grid.formula_gaps.items()):
            if r == index and header.fields.get(c) != "ignore" and (c in header.fields or c in header.unmapped):
                report.warnings.append(ImportNote(where=f"row {number}", message=(
                    f"column {header.labels.get(c, c)!r}: formula {formula} has no computed value (the file was "
                    "never opened and saved in a spreadsheet program); left empty")))
        if not filled:
            continue
        if hd.normalise(cell_text(grid.cell(index, name_col))) == header_name:
            continue  # the header repeated (printed page by page)
        if len({cell_text(v) for v in filled.values()}) == 1 and all((index, c) in grid.wide_merges for c in filled):
            report.unmapped_rows.append(ImportNote(where=f"row {number}", message=(
                f"section heading {cell_text(next(iter(filled.values())))!r}, not an application")))
            continue
        values = {header.fields[c]: v for c, v in filled.items()
                  if header.fields.get(c) not in (None, "ignore") and not header.fields[c].startswith("property:")}
        extra = {header.fields[c][9:]: v for c, v in filled.items()
                 if header.fields.get(c, "").startswith("property:")}
        extra.update({_property_key(header.unmapped[c]): v for c, v in filled.items() if c in header.unmapped})
        if set(values) == {"name"} and not extra and _looks_like_heading(cell_text(values["name"])):
            report.unmapped_rows.append(ImportNote(where=f"row {number}", message=(
                f"section heading {cell_text(values['name'])!r}, not an application")))
            continue
        if "name" not in values:
            shown = "; ".join(f"{header.labels.get(c, f'column {c + 1}')}={cell_text(v)!r}"
                              for c, v in list(filled.items())[:3])
            report.unmapped_rows.append(ImportNote(where=f"row {number}",
                                                   message=f"no application name ({shown})"))
            continue
        rows.append(_Row(number, values, extra))
    return rows


def _looks_like_heading(text: str) -> bool:
    """'A. APLIKASI UMUM', 'II. Aplikasi Pelayanan Publik': a title between groups of rows."""
    return bool(re.match(r"^([A-Z]|[IVX]+|\d+)[.)]\s", text)) or (text.isupper() and len(text.split()) >= 2)


def _year(value: Any) -> int | None:
    """A year from a year, a date, an Excel date serial or a text such as '12/03/2019'."""
    if isinstance(value, dt.datetime | dt.date):
        return value.year
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = int(value)
        if 1970 <= number <= 2100:
            return number
        if 25569 <= number <= 73051:  # Excel serials of 1970-01-01 .. 2100-01-01
            return (EXCEL_EPOCH + dt.timedelta(days=number)).year
        return None
    found = re.findall(r"(?<!\d)(19[7-9]\d|20\d\d)(?!\d)", cell_text(value))
    return int(found[0]) if found else None


def _owners_by_name(rows: list[_Row], builder: _Builder) -> dict[str, int]:
    """How many OPDs give each name (its merge key): a name many OPDs give is a system they share."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        name = " ".join(cell_text(row.values["name"]).split())
        key = system_key(name, cell_text(row.values.get("url")) or None, "", builder.shared_addresses)
        owner_text = cell_text(row.values.get("owner"))
        org = builder.orgs.resolve(owner_text) if owner_text else None
        owners.setdefault(key, set()).add(org.id if org is not None else "")
    return {key: len(found) for key, found in owners.items()}


@dataclass
class _Builder:
    report: ImportReport
    ids: IdAllocator = field(default_factory=IdAllocator)
    orgs: OrgRegistry = field(init=False)
    infra: _InfraRegistry = field(init=False)
    owner_keys: set[str] = field(default_factory=set)  # the OPDs of the owner column, as keys
    source_name: str = ""  # the inventory's file name, for the provenance of every application
    shared_addresses: frozenset[str] = frozenset()  # addresses too many systems give to say which one
    name_owners: dict[str, int] = field(default_factory=dict)  # a name's key -> how many OPDs give it

    def __post_init__(self) -> None:
        self.orgs = OrgRegistry(self.ids)
        self.infra = _InfraRegistry(self.ids, self.orgs)

    def warn(self, row: _Row, message: str) -> None:
        self.report.warnings.append(ImportNote(where=f"row {row.number}", message=message))

    def starts_agency(self, text: str) -> bool:
        """Whether the text names an agency by itself (not the tail of a name with a comma in it)."""
        if organization_kind(text) != "lainnya" or self.orgs.resolve(text) is not None:
            return True
        key = opd_key(text)
        if key in OPD_SHORT_FORMS or (text.strip().isupper() and " " not in text.strip()):  # 'Dinkes', 'DLH'
            return True
        return key in self.owner_keys or bool(
            re.match(r"^(bagian|bidang|sub ?bagian|uptd|upt|sekretariat|kantor)\b", hd.normalise(text)))

    def is_agency(self, text: str) -> bool:
        return self.starts_agency(text) or not hd.NOT_AGENCIES.search(hd.normalise(text))

    def users_of(self, text: str) -> tuple[list[str], list[str]]:
        """Agencies and the rest (people, 'semua OPD') named in a users cell.

        Commas separate the users, but also sit inside OPD names ('Dinas Pemberdayaan Perempuan,
        Perlindungan Anak, ...'): pieces that together name an OPD of the owner column, or that cannot
        start an agency's name, are joined back to the piece before them."""
        parts: list[str] = []
        for chunk in re.split(r"[;/\n]|\s+dan\s+(?=(?:dinas|badan|kecamatan|bagian|sekretariat))", text):
            pieces = [p.strip() for p in (chunk or "").split(",") if p.strip()]
            start = len(parts)
            i = 0
            while i < len(pieces):
                joined = next((j for j in range(len(pieces), i + 1, -1)
                               if opd_key(", ".join(pieces[i:j])) in self.owner_keys), None)
                if joined is not None:
                    parts.append(", ".join(pieces[i:joined]))
                    i = joined
                    continue
                piece = pieces[i]
                tail = len(parts) > start and self.starts_agency(parts[-1]) and not self.starts_agency(piece)
                if tail and not hd.NOT_AGENCIES.search(hd.normalise(piece)):
                    parts[-1] = f"{parts[-1]}, {piece}"
                else:
                    parts.append(piece)
                i += 1
        agencies = [p for p in parts if self.is_agency(p) and hd.normalise(p) not in hd.EMPTY_MARKERS]
        return agencies, [p for p in parts if p not in agencies]

    def application(self, row: _Row, systems: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
        """The fields of the row's application, or None when the row is merged into an earlier one."""
        v = row.values
        name = " ".join(cell_text(v["name"]).split())
        owner_text = cell_text(v.get("owner"))
        owner = self.orgs.resolve(owner_text) if owner_text else None
        if owner is None:
            owner = self.unknown_owner()
            self.warn(row, f"application {name!r} names no owning OPD; owned by {UNKNOWN_OPD!r} until you set it")
        url = cell_text(v.get("url")) or None
        origin = f"{self.source_name}:{row.number}"
        row_id = cell_text(v.get("row_id")) or None
        key = system_key(name, url, owner.id, self.shared_addresses)
        earlier = systems.get(key)
        if earlier is not None and key.startswith("name:") and owner.id != earlier["owner"] \
                and describe_two_jobs(earlier.get("description"), cell_text(v.get("description"))):
            self.report.assumptions.append(ImportNote(where=f"row {row.number}", message=(
                f"{name!r} of {owner.name} has the name of {earlier['name']!r} ({earlier['id']!r}) but its "
                f"description says another job: kept apart, for the duplicate analysis to judge")))
            key = f"{key}@{owner.id}"
            earlier = systems.get(key)
        elif earlier is not None and key.startswith("name:") and owner.id != earlier["owner"] and namesakes_apart(
                name, self.name_owners.get(key, 0), (self.orgs.kind_of(earlier["owner"]), earlier.get("description")),
                (owner.kind, cell_text(v.get("description")) or None)):
            self.report.assumptions.append(ImportNote(where=f"row {row.number}", message=(
                f"{name!r} of {owner.name} has the name of {earlier['name']!r} ({earlier['id']!r}) of another OPD, "
                "a word many offices give their own systems: kept apart, for the duplicate analysis to judge")))
            key = f"{key}@{owner.id}"
            earlier = systems.get(key)
        if earlier is not None:
            self.merge(earlier, row, name, owner, origin, row_id)
            return None
        acronym = cell_text(v.get("acronym")) or None
        data: dict[str, Any] = {"id": self.app_id(acronym, name, owner), "name": name, "owner": owner.id}
        if acronym:
            data["acronym"] = acronym
        properties = {k: self.property_value(x) for k, x in row.extra.items()}
        self.simple_fields(row, data, properties)
        if "url" not in data and is_address(name):
            data["url"] = name if "://" in name else f"https://{name}"
        self.relations(row, data, properties, owner)
        properties["source_rows"] = origin
        if row_id:
            properties["source_ids"] = row_id
        data["properties"] = properties
        systems[key] = data
        return data

    def merge(self, data: dict[str, Any], row: _Row, name: str, owner: Org, origin: str, row_id: str | None) -> None:
        """One system reported on several rows (a national application every OPD lists, the Pemda's own
        system every kecamatan lists): one application, its users the union of the OPDs that still use it.
        A row that says the system is no longer used ("Tidak Aktif") names an OPD that no longer uses it; a
        row in use makes the system in use, its OPD the owner where the first row's no longer uses it."""
        users: list[str] = data.setdefault("users", [])
        status = hd.status_value(cell_text(row.values["status"])) if "status" in row.values else None
        retired_row = status == "dihentikan"
        if data.get("status") == "dihentikan" and not retired_row:
            data["status"] = status or "aktif"
            if owner.id in users:
                users.remove(owner.id)
            owner_before, data["owner"] = data["owner"], owner.id
            self.report.assumptions.append(ImportNote(where=f"row {row.number}", message=(
                f"{name!r} of {owner.name} is in use where an earlier row of its system is not: the system is "
                f"recorded as in use, owned by {owner.name} (the earlier row's OPD, {owner_before!r}, no longer "
                "uses it)")))
        elif owner.id != data["owner"] and owner.id not in users and not retired_row:
            users.append(owner.id)
        if "users" in row.values:
            for text in self.users_of(cell_text(row.values["users"]))[0]:
                org = self.orgs.resolve(text)
                if org is not None and org.id != data["owner"] and org.id not in users:
                    users.append(org.id)
        if not users:
            data.pop("users")
        properties = data["properties"]
        properties["source_rows"] = f"{properties['source_rows']}; {origin}"
        if row_id:
            properties["source_ids"] = "; ".join(x for x in (properties.get("source_ids"), row_id) if x)
        first = str(properties["source_rows"]).split(";")[0].rsplit(":", 1)[-1]
        user = "" if owner.id == data["owner"] else f", {owner.name} recorded as a user" if not retired_row \
            else f"; {owner.name} no longer uses it"
        self.report.assumptions.append(ImportNote(where=f"row {row.number}", message=(
            f"{name!r} of {owner.name} is the system of row {first} ({data['name']!r}, {data['id']!r}); "
            f"merged into it{user}")))

    def app_id(self, acronym: str | None, name: str, owner: Org) -> str:
        base = slugify(acronym or name)[:50].strip("-") or "aplikasi"
        if base not in self.ids.used and not base.isdigit():
            return self.ids.make(base)
        return self.ids.make(f"{base}-{owner.id}")

    def simple_fields(self, row: _Row, data: dict[str, Any], properties: dict[str, Any]) -> None:
        v = row.values
        if "description" in v:
            data["description"] = cell_text(v["description"])
        for field_name in ("source", "category"):
            if field_name in v:
                self.category(row, cell_text(v[field_name]), data, properties, said=field_name == "source")
        for field_name, table in (("kind", hd.KIND_VALUES), ("security_category", hd.SECURITY_VALUES)):
            if field_name in v:
                text = cell_text(v[field_name])
                mapped = table.get(hd.normalise(text))
                if mapped is None:
                    self.warn(row, f"{field_name} {text!r} is not one of {', '.join(sorted(set(table)))}; "
                                   f"kept as property {field_name}")
                    properties[field_name] = text
                else:
                    data[field_name] = mapped
        if "status" in v:
            status = hd.status_value(cell_text(v["status"]))
            if status is None:
                self.warn(row, f"status {cell_text(v['status'])!r} not understood; taken as aktif")
            else:
                data["status"] = status
        if "platform" in v:
            platforms = hd.platform_values(cell_text(v["platform"]))
            if platforms:
                data["platform"] = platforms
            else:
                self.warn(row, f"platform {cell_text(v['platform'])!r} not understood; kept as property platform")
                properties["platform"] = cell_text(v["platform"])
        if "since" in v:
            year = _year(v["since"])
            if year is None:
                self.warn(row, f"year {cell_text(v['since'])!r} not understood; kept as property tahun")
                properties["tahun"] = cell_text(v["since"])
            else:
                data["since"] = year
        if "url" in v:
            data["url"] = cell_text(v["url"])
        if "reference" in v:
            data["reference"] = cell_text(v["reference"]).upper()
        technology = {f: cell_text(v[f]) for f in ("language", "framework", "database") if f in v}
        if technology:
            data["technology"] = technology

    def category(self, row: _Row, text: str, data: dict[str, Any], properties: dict[str, Any],
                 said: bool = False) -> None:
        """A category cell: who provides the application (pusat, daerah), or that the row is a website.
        What a provider column says (``said``: "Pihak Ketiga") stands over what a category column says
        ("Aplikasi Umum", which some OPDs write of their own shared applications)."""
        norm = hd.normalise(text)
        source = hd.SOURCE_VALUES.get(norm) or hd.CATEGORY_SOURCE.get(norm) \
            or next((value for lead, value in hd.SOURCE_LEADS if lead.match(norm)), None)
        platforms = _platforms_said(text)
        if source is not None:
            if said or "source" not in data:
                data["source"] = source
        elif norm in hd.CATEGORY_WEBSITE:
            data["tags"] = sorted({*data.get("tags", []), WEBSITE_TAG})
        elif platforms:
            # "Aplikasi berbasis Mobile", "Website - Layanan Publik": how the system is reached (a web
            # application is not a website), kept whole as kategori; what follows the dash is the
            # inventory's own grouping
            data["platform"] = sorted({*data.get("platform", []), *platforms})
            properties["kategori"] = text
        elif norm not in hd.CATEGORY_APPLICATION:
            self.warn(row, f"category {text!r} is neither a provider (pusat, daerah) nor website/aplikasi; "
                           "kept as property kategori")
            properties["kategori"] = text

    def relations(self, row: _Row, data: dict[str, Any], properties: dict[str, Any], owner: Org) -> None:
        v = row.values
        if "users" in v:
            agencies, others = self.users_of(cell_text(v["users"]))
            users = []
            for text in agencies:
                org = self.orgs.resolve(text)
                if org is not None and org.id not in users:
                    users.append(org.id)
            if users:
                data["users"] = users
            if others:
                properties["pengguna"] = ", ".join(others)
        if "hosted_on" in v:
            text = cell_text(v["hosted_on"])
            data["hosted_on"] = [self.infra.resolve(text, owner)]

    def property_value(self, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date() if value.time() == dt.time() else value.isoformat(sep=" ")
        if isinstance(value, bool | int | float | dt.date):
            return value
        return cell_text(value)

    def unknown_owner(self) -> Org:
        key = "__unknown__"
        if key not in self.orgs.orgs:
            self.orgs.orgs[key] = Org(self.ids.make(UNKNOWN_OPD), "Perangkat Daerah belum ditentukan", None,
                                       "lainnya")
        return self.orgs.orgs[key]


def _validated(builder: _Builder, row: _Row, data: dict[str, Any]) -> Application | None:
    try:
        return Application.model_validate(data)
    except ValidationError as exc:  # pragma: no cover - every value is checked while it is read
        builder.report.unmapped_rows.append(ImportNote(where=f"row {row.number}",
                                                       message=f"{data['name']!r}: {exc.errors()[0]['msg']}"))
        return None


_PLACE_IN_ROW = re.compile(r"\b((?i:kabupaten|kab|kota|provinsi|prov))\b\.?\s+"
                           r"([A-Z][A-Za-z'-]+)(?:\s+([A-Z][A-Za-z'-]+))?")
_KINDS = {"kabupaten": "kabupaten", "kab": "kabupaten", "kota": "kota", "provinsi": "provinsi", "prov": "provinsi"}
ROWS_NAMING_THE_PEMDA = 0.1  # the share of rows that must name one place for it to be the Pemda's
SECOND_WORD = 0.8  # how often a second word must follow the first for it to be part of the place (Konawe Selatan)


def government_in_rows(texts: list[str]) -> tuple[str, str, int] | None:
    """(kind, place, rows) of the government most of the rows name ("Web SKPD Dinas Sosial Kab. Konawe
    Selatan", "Aplikasi Statistik ... Kabupaten Konawe Selatan"), for a sheet with no title to say it."""
    first: Counter[tuple[str, str]] = Counter()
    both: Counter[tuple[str, str, str]] = Counter()
    for text in texts:
        places: set[tuple[str, str]] = set()
        longer: set[tuple[str, str, str]] = set()
        for found in _PLACE_IN_ROW.finditer(text):
            kind, word, second = _KINDS[found.group(1).casefold()], found.group(2).title(), found.group(3)
            places.add((kind, word))
            if second:
                longer.add((kind, word, second.title()))
        first.update(places)  # once per row
        both.update(longer)
    if not first:
        return None
    (kind, word), count = max(first.items(), key=lambda item: (item[1], item[0]))
    if count < max(3, ROWS_NAMING_THE_PEMDA * len(texts)):
        return None
    followed = [(n, s) for (k, w, s), n in both.items() if (k, w) == (kind, word)]
    if followed:
        n, second = max(followed)
        if n >= SECOND_WORD * count:
            return kind, f"{word} {second}", count
    return kind, word, count


_PLATFORM_CATEGORY = re.compile(r"^\s*(?:(?:aplikasi\s+)?berbasis\s+\w+|aplikasi\s+\w+|"
                                r"(?:website|web|mobile|android|desktop)\s*[-:])", re.IGNORECASE)


def _platforms_said(category: str) -> list[str]:
    """The platforms a category says a system is reached by (Aplikasi berbasis Website, Mobile - Layanan
    Publik); none for any other category."""
    return hd.platform_values(category) if _PLATFORM_CATEGORY.match(category) else []


_AN_ADDRESS = re.compile(r"(https?://|www\.|\.go\.id\b|\.desa\.id\b)")
_KIND_BEFORE = re.compile(r"\b(kabupaten|kab|kota|provinsi|prov)\.?\s+([a-z]+(?:\s+[a-z]+){0,2})")
ROWS_ON_THE_DOMAIN = 0.5  # the share of the rows with an address whose address must be on one Pemda's domain
UNITS_ON_A_PEMDA_DOMAIN = 5  # distinct hosts under a bare domain that make it a Pemda's, not an application's


def government_in_addresses(texts: list[str]) -> tuple[str | None, str, int] | None:
    """(kind, place, rows) of the Pemda on whose domain most addressed rows are (gunungkidulkab.go.id:
    Kabupaten Gunungkidul; magetan.go.id, with "Kab Magetan" written in the rows: Kabupaten Magetan), for
    a sheet whose title and rows do not name it. The place is written as the rows write it (Tanjung Batu
    of tanjungbatukota.go.id), else as the domain's word: the caller reports it as an assumption to check."""
    lowered = [text.casefold() for text in texts]
    domains: Counter[str] = Counter()
    for text in lowered:
        domains.update(government_labels(text))
    addressed = sum(1 for text in lowered if _AN_ADDRESS.search(text))
    if not domains:
        return None
    domain, count = max(domains.items(), key=lambda item: (item[1], item[0]))
    if count < max(3, ROWS_ON_THE_DOMAIN * addressed):
        return None
    region = region_place(domain)
    word, suffix = region if region is not None else (domain, None)
    written: Counter[tuple[str, str]] = Counter()  # (kind, place) as the rows write them
    for text in lowered:
        for found in _KIND_BEFORE.finditer(text):
            place = found.group(2).split()
            for n in range(len(place), 0, -1):
                if "".join(place[:n]) == word:
                    written[(found.group(1), " ".join(place[:n]))] += 1
                    break
    if written:
        (said_kind, place), _ = written.most_common(1)[0]
        kind = _KINDS[suffix or said_kind]
        return kind, place.title(), count
    if suffix is None:
        # a bare domain no row names as a Pemda: a national application's (lapor.go.id), unless it holds the
        # hosts of many units (dinkes.grobogan.go.id, kec.grobogan.go.id, ...): a Pemda's, of unknown kind
        units = {found.group(1) for text in lowered
                 for found in re.finditer(rf"([a-z0-9-]+)\.{re.escape(domain)}\.go\.id\b", text)}
        return (None, word.title(), count) if len(units) >= UNITS_ON_A_PEMDA_DOMAIN else None
    return _KINDS[suffix], word.title(), count


def _government(grid: Grid, header: Header, given: str | None) -> dict[str, Any]:
    if given:
        kind = next((k for k in ("kabupaten", "kota", "provinsi") if k in given.casefold()), "kabupaten")
        return {"name": given, "kind": kind}
    for index in range(header.row):
        for value in grid.rows[index]:
            found = _GOVERNMENT.search(cell_text(value))
            if found:
                place = " ".join(found.group(2).split()[:3]).strip(" .-")
                place = re.split(r"\s+(tahun|th|per|\d)", place, flags=re.IGNORECASE)[0]
                kind = found.group(1).lower()
                return {"name": f"Pemerintah {kind.title()} {place.title()}", "kind": kind}
    return {"name": "Pemerintah Daerah", "kind": "kabupaten"}


def _choose_sheet(grids: list[Grid], mapping: InventoryMapping) -> tuple[Grid, Header]:
    row = mapping.header_row - 1 if mapping.header_row else None
    found = [(g, h) for g in grids if (h := detect_header(g, mapping.columns, row)) is not None]
    if not found:
        names = ", ".join(repr(g.name) for g in grids)
        where = f"row {mapping.header_row}" if mapping.header_row else f"the first {30} rows"
        raise SpbeError(
            f"no header row found in {where} of {names}: expected columns such as 'Nama Aplikasi', "
            "'OPD Pemilik' or 'Perangkat Daerah', 'Fungsi'; name the columns in a --mapping file "
            "(columns: {'Your header': name, ...})")
    return max(found, key=lambda gh: len(gh[1].fields))


def build_inventory(source: Path, mapping: InventoryMapping | None = None,
                    government: str | None = None) -> tuple[dict[str, str], ImportReport, list[Element]]:
    """The workspace files for the inventory, the report, and the elements (for tests and callers)."""
    mapping = mapping or InventoryMapping()
    grids = read_grids(source, mapping.sheet)
    grid, header = _choose_sheet(grids, mapping)
    report = ImportReport(source=str(source), target="")
    report.header = f"row {header.row + 1} of {grid.name!r}"
    report.columns = {header.labels[c]: f for c, f in sorted(header.fields.items())}
    for col, label in sorted(header.unmapped.items()):
        report.unmapped_columns.append(ImportNote(
            where=f"column {col + 1}", message=f"{label!r} is not a known column; kept as property "
            f"{_property_key(label)!r} (name it in a --mapping file to map it)"))
    for col, field_name in sorted(header.duplicates.items()):
        label = header.labels[col]
        report.unmapped_columns.append(ImportNote(
            where=f"column {col + 1}", message=f"{label!r} also means {field_name}, which another column "
            f"gives; kept as property {_property_key(label)!r}"))
        header.unmapped[col] = label
    rows = _rows(grid, header, report)
    builder = _Builder(report, source_name=source.name, shared_addresses=shared_addresses(
        [(" ".join(cell_text(r.values["name"]).split()), cell_text(r.values.get("url")) or None) for r in rows]))
    builder.owner_keys = {opd_key(cell_text(r.values.get("owner"))) for r in rows if r.values.get("owner")}
    for row in rows:
        for field_name in ("owner", "users"):
            text = cell_text(row.values.get(field_name))
            if not text:
                continue
            parts = builder.users_of(text)[0] if field_name == "users" else [text]
            for part in parts:
                builder.orgs.collect(part)
    builder.orgs.build()
    builder.name_owners = _owners_by_name(rows, builder)
    systems: dict[str, dict[str, Any]] = {}
    made = [(r, d) for r in rows if (d := builder.application(r, systems)) is not None]
    apps = [a for a in (_validated(builder, r, d) for r, d in made) if a is not None]
    if not apps:
        raise SpbeError(f"{source}: no application rows under the header ({report.header})")
    report.assumptions += builder.infra.notes
    orgs = [Organization(id=o.id, name=o.name, short_name=o.short_name, kind=o.kind,  # type: ignore[arg-type]
                         properties={WRITTEN_AS: "; ".join(o.written_as)} if o.written_as else {})
            for o in sorted(builder.orgs.orgs.values(), key=lambda o: o.id)]
    elements: list[Element] = [*orgs, *apps, *builder.infra.items.values()]
    government_data = _government(grid, header, government or mapping.government)
    if government_data["name"] == "Pemerintah Daerah":
        texts = [" ".join(cell_text(r.values.get(f)) for f in ("name", "description", "owner", "url")) for r in rows]
        named = government_in_rows(texts)
        found = named or government_in_addresses(texts)
        if found is not None:
            kind, place, count = found
            # grobogan.go.id: a Pemda's domain that does not say whether a kabupaten or a kota
            title = kind.title() if kind else "Daerah"
            government_data = {"name": f"Pemerintah {title} {place}", "kind": kind or "kabupaten"}
            if named:
                said = f"name {title} {place}"
            elif kind:
                said = f"have addresses on {title} {place}'s domain"
            else:
                said = f"have addresses on {place.lower()}.go.id"
            check = "check it" if kind else "a kabupaten until you set its name and kind"
            report.assumptions.append(ImportNote(where="spbe.yaml", message=(
                f"the government's name was not found above the header; {count} of {len(rows)} rows {said}, "
                f"taken as {government_data['name']} ({check}, or give --government)")))
        else:
            report.assumptions.append(ImportNote(where="spbe.yaml", message="the government's name was not found "
                                                 "above the header; set it (or give --government)"))
    manifest = {"spbe": 1, "government": government_data}
    files = render_workspace(manifest, elements, f"Imported from {source.name} by spbe import inventory")
    return files, report, elements


def import_inventory(source: str | os.PathLike[str], into: Path, mapping_file: Path | None = None,
                     force: bool = False, government: str | None = None) -> ImportReport:
    """Read the inventory ``source`` and write it as a workspace into ``into``."""
    mapping = load_mapping(mapping_file) if mapping_file is not None else None
    files, report, elements = build_inventory(Path(source), mapping, government)
    report.target = str(into)
    report.files = write_workspace(into, files, force)
    report.created = count_by_collection(elements)
    report.relations = sum(1 for e in elements for ref in iter_references(e) if ref.edge is not None)
    return report
