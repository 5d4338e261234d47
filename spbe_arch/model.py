"""The workspace format as pydantic classes (DESIGN section 4).

Keys are English snake_case and SPBE category values are the Indonesian terms, because the
values appear verbatim in the generated document. ``extra="forbid"`` everywhere: a misspelt key
is a finding, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ID_RE = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")
FORMAT_VERSION = 1


def slugify(text: str) -> str:
    """A valid id made from any text, used to suggest a fix for an invalid id."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "id"


def id_problem(value: str) -> str:
    return (f"{value!r} is not a valid id: use lower-case letters, digits and single '.', '_' or '-' "
            f"between them (e.g. {slugify(value)!r})")


# The pattern is checked by pydantic-core (fast); the loader turns its error into a message with a fix.
ElementId = Annotated[str, StringConstraints(pattern=ID_RE.pattern)]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Scalar = str | bool | int | float | dt.date | None

Status = Literal["rencana", "pengembangan", "aktif", "dihentikan"]
SecurityCategory = Literal["strategis", "tinggi", "rendah"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=False)


class Element(Strict):
    """Fields every element shares; ``ignore`` silences rules for this element only."""

    COLLECTION: ClassVar[str] = ""
    DOMAIN: ClassVar[str | None] = None  # reference-code domain prefix, e.g. "RAA"

    id: ElementId
    name: NonEmpty
    description: str | None = None
    reference: str | None = None
    status: Status = "aktif"
    tags: list[str] = Field(default_factory=list)
    properties: dict[str, Scalar] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=list)

    @property
    def owner_id(self) -> str | None:
        return getattr(self, "owner", None)

    def ignored_rules(self) -> set[str]:
        codes = {c.strip().upper() for c in self.ignore}
        raw = self.properties.get("spbe-ignore")
        if isinstance(raw, str):
            codes.update(c.strip().upper() for c in re.split(r"[,\s]+", raw) if c.strip())
        return codes


class OwnedElement(Element):
    owner: ElementId


OrganizationKind = Literal[
    "sekretariat-daerah", "sekretariat-dprd", "inspektorat", "dinas", "badan", "kecamatan",
    "kelurahan", "rsud", "satpol-pp", "uptd", "instansi-pusat", "lainnya",
]


class Organization(Element):
    COLLECTION: ClassVar[str] = "organizations"
    short_name: str | None = None
    kind: OrganizationKind = "dinas"
    parent: ElementId | None = None
    affairs: list[Annotated[str, StringConstraints(pattern=r"^\d\.\d{2}$")]] = Field(default_factory=list)
    code: str | None = None

    @property
    def label(self) -> str:
        return self.short_name or self.name


class Process(OwnedElement):
    COLLECTION: ClassVar[str] = "processes"
    DOMAIN: ClassVar[str | None] = "RAB"
    kind: Literal["inti", "manajemen", "pendukung"] = "inti"
    parent: ElementId | None = None
    services: list[ElementId] = Field(default_factory=list)
    data: list[ElementId] = Field(default_factory=list)


Channel = Literal["web", "mobile", "loket", "api", "email", "telepon", "media-sosial", "lainnya"]


class Service(OwnedElement):
    COLLECTION: ClassVar[str] = "services"
    DOMAIN: ClassVar[str | None] = "RAL"
    kind: Literal["publik", "administrasi"] = "publik"
    audience: list[Literal["masyarakat", "badan-usaha", "asn", "instansi"]] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    applications: list[ElementId] = Field(default_factory=list)
    maturity: Literal["informasi", "interaksi", "transaksi", "kolaborasi", "optimalisasi"] | None = None


UpdateFrequency = Literal[
    "harian", "mingguan", "bulanan", "triwulanan", "semesteran", "tahunan", "ad-hoc", "real-time"
]


class DataSet(OwnedElement):
    COLLECTION: ClassVar[str] = "data"
    DOMAIN: ClassVar[str | None] = "RAD"
    steward: ElementId | None = None
    classification: Literal["terbuka", "terbatas", "tertutup"] = "terbatas"
    master: bool = False
    format: str | None = None
    update_frequency: UpdateFrequency | None = None


class Technology(Strict):
    language: str | None = None
    framework: str | None = None
    database: str | None = None


class Integration(Strict):
    target: ElementId
    via: ElementId | None = None
    data: list[ElementId] = Field(default_factory=list)
    protocol: Literal["api", "file", "database", "manual"] = "api"
    description: str | None = None


class Application(OwnedElement):
    COLLECTION: ClassVar[str] = "applications"
    DOMAIN: ClassVar[str | None] = "RAA"
    acronym: str | None = None
    kind: Literal["umum", "khusus"] = "khusus"
    source: Literal["nasional", "lokal"] = "lokal"
    users: list[ElementId] = Field(default_factory=list)
    platform: list[Literal["web", "mobile", "desktop"]] = Field(default_factory=list)
    url: str | None = None
    technology: Technology | None = None
    supports: list[ElementId] = Field(default_factory=list)
    reads: list[ElementId] = Field(default_factory=list)
    writes: list[ElementId] = Field(default_factory=list)
    hosted_on: list[ElementId] = Field(default_factory=list)
    integrations: list[Integration] = Field(default_factory=list)
    security_category: SecurityCategory | None = None
    since: Annotated[int, Field(ge=1970, le=2100)] | None = None
    replaces: list[ElementId] = Field(default_factory=list)
    distinct_from: list[ElementId] = Field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym and self.acronym not in self.name else self.name


InfrastructureKind = Literal[
    "pusat-data", "komputasi-awan", "server", "penyimpanan", "jaringan-intra", "internet", "splp",
    "perangkat-keamanan", "sistem-operasi", "basis-data", "lainnya",
]


class Infrastructure(OwnedElement):
    COLLECTION: ClassVar[str] = "infrastructure"
    DOMAIN: ClassVar[str | None] = "RAI"
    kind: InfrastructureKind = "server"
    located_in: ElementId | None = None
    connected_to: list[ElementId] = Field(default_factory=list)
    provider: str | None = None
    tier: Annotated[int, Field(ge=1, le=4)] | None = None


class Security(OwnedElement):
    COLLECTION: ClassVar[str] = "security"
    DOMAIN: ClassVar[str | None] = "RAK"
    kind: Literal[
        "standar-prosedur", "edukasi", "identifikasi-kerentanan", "peningkatan", "penanganan-insiden",
        "audit", "kelaikan",
    ] = "standar-prosedur"
    protects: list[ElementId] = Field(default_factory=list)
    standard: str | None = None
    last_done: dt.date | None = None


class RoadmapActivity(OwnedElement):
    COLLECTION: ClassVar[str] = "roadmap"
    substance: Literal[
        "tata-kelola", "manajemen", "layanan", "infrastruktur", "aplikasi", "keamanan", "audit-tik"
    ] = "aplikasi"
    year: Annotated[int, Field(ge=2000, le=2100)]
    affects: list[ElementId] = Field(default_factory=list)
    budget: Annotated[int, Field(ge=0)] | None = None


ELEMENT_CLASSES: dict[str, type[Element]] = {
    cls.COLLECTION: cls
    for cls in (
        Organization, Process, Service, DataSet, Application, Infrastructure, Security, RoadmapActivity
    )
}
COLLECTIONS: tuple[str, ...] = tuple(ELEMENT_CLASSES)

# Indonesian names of the collections, as the document and reports show them.
COLLECTION_LABELS: dict[str, str] = {
    "organizations": "Perangkat Daerah",
    "processes": "Proses Bisnis",
    "services": "Layanan",
    "data": "Data dan Informasi",
    "applications": "Aplikasi",
    "infrastructure": "Infrastruktur",
    "security": "Keamanan",
    "roadmap": "Peta Rencana",
}


# --- manifest --------------------------------------------------------------------------------


class Government(Strict):
    name: NonEmpty
    code: str | None = None
    kind: Literal["kabupaten", "kota", "provinsi", "kementerian", "lembaga"] = "kabupaten"
    province: str | None = None
    address: str | None = None


class Period(Strict):
    start: Annotated[int, Field(ge=2000, le=2100)]
    end: Annotated[int, Field(ge=2000, le=2100)]


class SpbeIndex(Strict):
    year: int
    score: Annotated[float, Field(ge=0, le=5)]
    predicate: Literal["kurang", "cukup", "baik", "sangat-baik", "memuaskan"] | None = None


class DocumentSettings(Strict):
    title: str | None = None
    subtitle: str | None = None
    date: dt.date | None = None
    version: str | None = None
    authors: list[str] = Field(default_factory=list)
    background: str | None = None


class PropertySpec(Strict):
    type: Literal["string", "number", "integer", "boolean", "date"] = "string"
    required: bool = False
    values: list[Scalar] | None = None
    description: str | None = None


class NationalFunctionSetting(Strict):
    """A function with a national application, added to the shipped table (docs/duplicates.md)."""

    id: NonEmpty
    function: NonEmpty
    national: NonEmpty
    provider: str | None = None
    kind: Literal["aplikasi-umum", "nasional"] = "nasional"
    names: list[NonEmpty] = Field(default_factory=list)
    concepts: list[Annotated[list[NonEmpty], Field(min_length=1)]] = Field(default_factory=list)
    unless: list[NonEmpty] = Field(default_factory=list)


def _different(entry: list[str]) -> list[str]:
    if len(set(entry)) < 2:
        raise ValueError(f"{entry} names one application; an entry names two or more different ones")
    return entry


class DuplicateSettings(Strict):
    threshold: Annotated[float, Field(ge=0, le=1)] | None = None
    # each entry: two or more applications declared not to be duplicates of each other
    not_duplicates: list[Annotated[list[ElementId], Field(min_length=2), AfterValidator(_different)]] = Field(
        default_factory=list)
    # additions to the shipped tables of spbe_arch/duplicates/data (docs/duplicates.md); an empty word or
    # name pattern would match everything, so it is an error
    aliases: dict[NonEmpty, NonEmpty] = Field(default_factory=dict)
    synonyms: dict[NonEmpty, list[NonEmpty]] = Field(default_factory=dict)
    fillers: list[NonEmpty] = Field(default_factory=list)
    places: list[NonEmpty] = Field(default_factory=list)
    national_functions: list[NationalFunctionSetting] = Field(default_factory=list)


Severity = Literal["error", "warning", "info"]


def _off_is_false(value: Any) -> Any:
    """YAML 1.1 reads an unquoted ``off`` as false; ``rules: {AP004: off}`` must still mean off."""
    return "off" if value is False else value


RuleSetting = Annotated[Literal["off", "info", "warning", "error"], BeforeValidator(_off_is_false)]


class Manifest(Strict):
    spbe: Literal[1]
    government: Government
    period: Period | None = None
    reference: str = "perpres-132-2022"
    reference_extensions: str | None = None
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    properties: dict[
        Literal[
            "organizations", "processes", "services", "data", "applications", "infrastructure",
            "security", "roadmap",
        ],
        dict[str, PropertySpec],
    ] = Field(default_factory=dict)
    document: DocumentSettings = Field(default_factory=DocumentSettings)
    spbe_index: list[SpbeIndex] = Field(default_factory=list)
    duplicates: DuplicateSettings = Field(default_factory=DuplicateSettings)
    exclude: list[str] = Field(default_factory=list)


def dump_element(element: Element) -> dict[str, Any]:
    """The element as the plain mapping a YAML file would hold, defaults left out."""
    return element.model_dump(mode="json", exclude_defaults=True)
