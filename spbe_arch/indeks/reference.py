"""The shipped indicator sets (``domains/indeks/*.yaml``): indicators, weights, level names and criteria."""

from __future__ import annotations

import functools
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from spbe_arch.errors import SpbeError
from spbe_arch.resources import data_dir

Scale = Literal["kapabilitas_proses", "kapabilitas_fungsi_teknis"]
EvidenceKind = Literal[
    "integrasi-splp", "hosting-pusat-data", "aplikasi-umum", "produsen-data", "kelengkapan-domain",
    "peta-rencana", "kategori-keamanan",
]
DEFAULT_SET = "spbe-2020"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(_Frozen):
    level: int
    name: str
    criterion: str


class Indicator(_Frozen):
    number: int
    name: str
    aspect_number: int
    aspect: str
    domain_number: int | None = None
    domain: str | None = None
    weight: float
    scale: Scale
    evidence: tuple[EvidenceKind, ...] = ()
    keywords: tuple[str, ...] = ()
    national: tuple[str, ...] = ()


class IndicatorSet(_Frozen):
    set: str
    name: str
    official: bool
    sources: tuple[str, ...]
    note: str
    scales: dict[str, tuple[Level, ...]]
    indicators: tuple[Indicator, ...] = Field(min_length=1)

    def get(self, number: int) -> Indicator | None:
        return next((i for i in self.indicators if i.number == number), None)

    def level(self, indicator: Indicator, level: int) -> Level:
        return self.scales[indicator.scale][level - 1]

    @property
    def numbers(self) -> list[int]:
        return [i.number for i in self.indicators]


def available_sets() -> list[str]:
    return sorted(p.stem for p in (data_dir("domains") / "indeks").glob("*.yaml"))


@functools.lru_cache(maxsize=8)
def load_set(name: str = DEFAULT_SET) -> IndicatorSet:
    """The indicator set ``name``; an unknown name is a usage error listing the shipped ones."""
    if name not in available_sets():
        raise SpbeError(f"no Indeks indicator set {name!r}; shipped: {', '.join(available_sets())}")
    path = data_dir("domains") / "indeks" / f"{name}.yaml"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20x faster
    return IndicatorSet.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))
