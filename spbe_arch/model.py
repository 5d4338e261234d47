"""The workspace format as pydantic classes.

Keys are English snake_case and SPBE category values are the Indonesian terms, because the
values appear verbatim in the generated document. ``extra="forbid"`` everywhere: a misspelt key
is a finding, never silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, model_validator

MAX_BUDGET = 10**16  # rupiah: above the national budget, so a larger number is a typing error
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
RUNNING_STATUSES: tuple[Status, ...] = ("aktif", "pengembangan")  # in use, or being built: others depend on it
PLANNED_STATUSES: tuple[Status, ...] = ("rencana", "pengembangan")  # not in use yet: the roadmap should say when
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

    # -- status: the one place that says which statuses mean what ---------------------------------
    @property
    def running(self) -> bool:
        """In use or being built (``aktif``, ``pengembangan``): what depends on it depends on something real."""
        return self.status in RUNNING_STATUSES

    @property
    def planned(self) -> bool:
        """Not in use yet (``rencana``, ``pengembangan``)."""
        return self.status in PLANNED_STATUSES

    @property
    def retired(self) -> bool:
        """Stopped (``dihentikan``): kept in the model as history, left out of what is in use."""
        return self.status == "dihentikan"

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
# The kinds that are perangkat daerah (PP 18/2016: secretariats, inspectorate, dinas, badan, kecamatan; the
# RSUD and Satpol PP as models list them), not units of one (bagian, UPTD, kelurahan) nor villages.
PERANGKAT_DAERAH: frozenset[str] = frozenset({"sekretariat-daerah", "sekretariat-dprd", "inspektorat", "dinas", "badan",
                                              "kecamatan", "rsud", "satpol-pp"})
# The kinds of unit a Pemda has many of, each reporting the systems they share (two hospitals' E-Klaim,
# five kecamatan's EP3): two of one kind giving one name are more likely one system than two OPDs are.
MANY_OF_A_KIND: frozenset[str] = frozenset({"rsud", "uptd", "kecamatan", "kelurahan"})


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

    @property
    def central(self) -> bool:
        """A central government agency (instansi pusat, e.g. BPS) named in the model: not an OPD of the
        Pemda, so not counted among its perangkat daerah, and its data sets need no produsen data here."""
        return self.kind == "instansi-pusat"

    @property
    def perangkat_daerah(self) -> bool:
        """One of the Pemda's perangkat daerah, not a unit of one, a village or a central agency."""
        return self.kind in PERANGKAT_DAERAH


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
    # Satu Data Indonesia (Perpres 39/2019): the producer (produsen data) is named per data set
    producer: ElementId | None = None
    data_kind: Literal["induk", "referensi", "sektoral"] | None = None
    personal: bool | None = None  # holds personal data (UU 27/2022)
    open_data: bool | None = None  # published as open data


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
    developer: Literal["internal", "vendor", "nasional"] | None = None
    source_code_owned: bool | None = None  # the Pemda holds the source code and its rights
    licence: str | None = None
    pse_registered: bool | None = None  # registered as a Penyelenggara Sistem Elektronik
    domain: str | None = None  # e.g. "sakti.pasuruankab.go.id"
    security_score: Annotated[int, Field(ge=0, le=50)] | None = None  # BSSN category self-assessment score
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
    national: bool | None = None  # run by the central government (PDN, SPLP nasional): outside the Pemda
    jip_connected: bool | None = None  # connected to the Jaringan Intra Pemerintah
    ownership: Literal["milik-sendiri", "sewa", "komputasi-awan"] | None = None


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
    kami_score: Annotated[int, Field(ge=0, le=1000)] | None = None  # Indeks KAMI total score
    kami_result: Literal[
        "tidak-layak", "pemenuhan-kerangka-kerja-dasar", "cukup-baik", "baik"
    ] | None = None
    audit_dates: list[dt.date] = Field(default_factory=list)


class RoadmapActivity(OwnedElement):
    COLLECTION: ClassVar[str] = "roadmap"
    substance: Literal[
        "tata-kelola", "manajemen", "layanan", "infrastruktur", "aplikasi", "keamanan", "audit-tik"
    ] = "aplikasi"
    year: Annotated[int, Field(ge=2000, le=2100)]
    affects: list[ElementId] = Field(default_factory=list)
    budget: Annotated[int, Field(ge=0, le=MAX_BUDGET)] | None = None
    end_year: Annotated[int, Field(ge=2000, le=2100)] | None = None  # last year of a multi-year activity
    change: Literal["baru", "peningkatan", "penghentian"] | None = None  # what the activity does to `affects`
    funding: Literal["apbd", "apbn", "dak", "hibah", "lainnya"] | None = None
    sub_activity_code: str | None = None  # APBD sub-kegiatan code (Permendagri 90/2019 nomenclature)


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

    @model_validator(mode="after")
    def _start_not_after_end(self) -> Period:
        if self.start > self.end:
            raise ValueError(f"the period starts ({self.start}) after it ends ({self.end})")
        return self


class SpbeIndex(Strict):
    year: int
    score: Annotated[float, Field(ge=0, le=5)]
    predicate: Literal["kurang", "cukup", "baik", "sangat-baik", "memuaskan"] | None = None


class IndeksSettings(Strict):
    """Which Indeks indicator set the workspace is evaluated on (docs/indeks.md)."""

    set: Literal["spbe-2020", "pemdi-2026"] = "spbe-2020"


class Approval(Strict):
    """The regulation that adopts the document (lembar pengesahan), e.g. a Peraturan Bupati."""

    regulation: str | None = None  # "Peraturan Bupati Pasuruan"
    number: str | None = None
    year: Annotated[int, Field(ge=2000, le=2100)] | None = None
    about: str | None = None  # "tentang ..."
    official: str | None = None  # who signs: "Bupati Pasuruan"
    name: str | None = None
    place: str | None = None
    date: dt.date | None = None


class PolicyDirection(Strict):
    """Arah kebijakan: the visi, misi and tujuan of the RPJMD the architecture serves."""

    source: str | None = None  # "RPJMD Kabupaten Pasuruan 2025-2029"
    vision: str | None = None
    missions: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)


class DocumentSettings(Strict):
    title: str | None = None
    subtitle: str | None = None
    date: dt.date | None = None
    version: str | None = None
    authors: list[str] = Field(default_factory=list)
    background: str | None = None
    notice: str | None = None  # shown on the cover, e.g. that the model is an illustrative example
    emblem: str | None = None  # lambang daerah on the cover: an image file inside the workspace
    approval: Approval | None = None
    foreword: str | None = None  # kata pengantar
    legal_basis: list[str] = Field(default_factory=list)  # dasar hukum; replaces the standard list
    policy: PolicyDirection | None = None
    closing: str | None = None  # penutup


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


class LocalFunctionSetting(Strict):
    """A function many OPDs build an application for, added to the shipped lexicon (docs/duplicates.md)."""

    id: NonEmpty
    function: NonEmpty
    en: str | None = None
    strength: Literal["strong", "weak"] = "strong"
    concepts: list[Annotated[list[NonEmpty], Field(min_length=1)]] = Field(default_factory=list)
    unless: list[NonEmpty] = Field(default_factory=list)
    # what the name of the OPD whose affairs the function is says: its application is the one kept
    affairs: list[Annotated[list[NonEmpty], Field(min_length=1)]] = Field(default_factory=list)
    # the function is what an institution is (puskesmas, rumah sakit): a website named by it is that
    # institution's own site, not an application of the function
    institution: bool = False


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
    functions: list[LocalFunctionSetting] = Field(default_factory=list)
    # function id -> the RAB process area (level 3) `spbe classify` suggests for its applications
    function_rab: dict[NonEmpty, Annotated[str, StringConstraints(pattern=r"^RAB\.\d\d\.\d\d\.\d\d$")]] = Field(
        default_factory=dict)


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
    indeks: IndeksSettings = Field(default_factory=IndeksSettings)
    duplicates: DuplicateSettings = Field(default_factory=DuplicateSettings)
    exclude: list[str] = Field(default_factory=list)


def dump_element(element: Element) -> dict[str, Any]:
    """The element as the plain mapping a YAML file would hold, defaults left out."""
    return element.model_dump(mode="json", exclude_defaults=True)
