"""The registry of national applications (``domains/national-applications.yaml``): who runs each one,
the function it serves and the regulation that designates it, if one is cited.

Proposals and rule AP015 name an application as a designated Aplikasi Umum only when its entry has a
``source``; otherwise they say that its basis is to be confirmed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from spbe_arch.resources import data_dir

REGISTRY_FILE = "national-applications.yaml"


class NationalApplication(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    aliases: list[str] = Field(default_factory=list)
    owner: str
    function: str
    function_id: str | None = None
    synonyms: list[str] = Field(default_factory=list)
    source: str | None = None
    status: Literal["ditetapkan", "recommended"]
    note: str | None = None


@lru_cache(maxsize=1)
def national_applications() -> tuple[NationalApplication, ...]:
    """Every entry of the shipped registry, in file order."""
    raw = yaml.load((data_dir("domains") / REGISTRY_FILE).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return tuple(NationalApplication.model_validate(entry) for entry in (raw or {}).get("applications") or [])


def basis_by_function() -> dict[str, str]:
    """Function id of the finder's table -> the cited regulation, for entries that cite one."""
    return {a.function_id: a.source for a in national_applications()
            if a.function_id and a.source and a.status == "ditetapkan"}
