"""``spbe init``: a new workspace with a manifest and one commented file per domain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from spbe_arch import textsafe
from spbe_arch.errors import SpbeError
from spbe_arch.fileio import write_text_atomic

SCHEMA_FOLDER = ".schema"  # hidden, so the loader skips it; copied with the workspace
MODELINE = "# yaml-language-server: $schema="

MANIFEST_HEAD = "# Manifest of an Arsitektur SPBE workspace (format: docs/workspace-format.md)\n"
MANIFEST_HINTS = """\
# reference_extensions: local-codes.yaml   # level 3+ codes of this government
# rules: {AP004: off, DA001: error}       # per-rule severity
"""


def _yaml(data: dict[str, Any]) -> str:
    """YAML written by the emitter, never by string formatting: any name, with quotes, a colon, a ``#``
    or a line break, is quoted by the emitter and reads back as it was given."""
    import yaml

    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)


def manifest_text(name: str, code: str, kind: str, start: int) -> str:
    """The commented manifest of a new workspace."""
    end = start + 4
    head = {"spbe": 1, "government": {"name": name, "code": code, "kind": kind},
            "period": {"start": start, "end": end}, "reference": "perpres-132-2022"}
    tail = {"document": {"title": f"Dokumen Arsitektur SPBE {name} {start}-{end}",
                         "authors": ["Tim Koordinasi SPBE"]}}
    return MANIFEST_HEAD + _yaml(head) + MANIFEST_HINTS + _yaml(tail)


FILES: dict[str, str] = {
    "organisasi.yaml": """\
# Perangkat daerah and central agencies (organizations)
organizations:
  - id: diskominfo
    name: Dinas Komunikasi dan Informatika
    short_name: Diskominfo
    kind: dinas
    affairs: ["2.16"]
""",
    "proses-bisnis/proses-bisnis.yaml": """\
# Proses bisnis (processes), coded with RAB reference codes
processes:
#  - id: pb-pengelolaan-informasi-publik
#    name: Pengelolaan Informasi Publik
#    owner: diskominfo
#    reference: RAB.09.03.03
#    kind: inti
#    services: [layanan-ppid]
""",
    "layanan/layanan.yaml": """\
# Layanan SPBE (services), coded with RAL reference codes
services:
#  - id: layanan-ppid
#    name: Layanan Informasi Publik (PPID)
#    owner: diskominfo
#    reference: RAL.01.43
#    kind: publik
#    audience: [masyarakat]
#    channels: [web, loket]
#    applications: [app-ppid]
""",
    "data/data.yaml": """\
# Data dan informasi (data), coded with RAD reference codes
data:
#  - id: data-informasi-publik
#    name: Daftar Informasi Publik
#    owner: diskominfo
#    steward: diskominfo
#    reference: RAD.09.03
#    classification: terbuka
""",
    "aplikasi/aplikasi.yaml": """\
# Aplikasi SPBE (applications), coded with RAA reference codes
applications:
#  - id: app-ppid
#    name: Portal PPID
#    owner: diskominfo
#    reference: RAA.02.02
#    kind: khusus
#    source: lokal
#    supports: [pb-pengelolaan-informasi-publik]
#    writes: [data-informasi-publik]
#    hosted_on: [vm-app-01]
#    security_category: rendah
""",
    "infrastruktur/infrastruktur.yaml": """\
# Infrastruktur SPBE (infrastructure), coded with RAI reference codes
infrastructure:
#  - id: pusat-data-daerah
#    name: Pusat Data Daerah
#    owner: diskominfo
#    kind: pusat-data
#    reference: RAI.01.02
#    tier: 2
#  - id: vm-app-01
#    name: VM Aplikasi 01
#    owner: diskominfo
#    kind: server
#    located_in: pusat-data-daerah
""",
    "keamanan/keamanan.yaml": """\
# Keamanan SPBE (security), coded with RAK reference codes
security:
#  - id: kebijakan-smki
#    name: Kebijakan Sistem Manajemen Keamanan Informasi
#    owner: diskominfo
#    kind: standar-prosedur
#    reference: RAK.01.01
#    standard: SNI ISO/IEC 27001
#    protects: [app-ppid]
""",
    "peta-rencana.yaml": """\
# Peta Rencana SPBE (roadmap)
roadmap:
#  - id: rm-integrasi-splp
#    name: Integrasi aplikasi melalui SPLP
#    owner: diskominfo
#    substance: aplikasi
#    year: 2026
#    budget: 250000000
""",
}


def _refuse_existing(target: Path) -> None:
    """Refuse to write a workspace where one is, or inside one (it would be loaded as part of it)."""
    if (target / "spbe.yaml").exists():
        raise SpbeError(f"{target}: already holds a workspace (spbe.yaml); nothing was written")
    from spbe_arch.loader import enclosing_workspace

    outer = enclosing_workspace(target)
    if outer is not None:
        raise SpbeError(f"{target}: is inside the workspace {outer}; a workspace inside another would "
                        "be loaded as part of it, so nothing was written")


def init_workspace(target: Path, name: str = "Pemerintah Kabupaten Contoh", code: str = "00.00",
                   kind: str = "kabupaten", start: int | None = None) -> list[Path]:
    """Create the files of a new workspace in ``target``; refuses to overwrite a workspace. Returns
    each file written, once."""
    for label, value in (("--name", name), ("--code", code), ("--kind", kind)):
        if textsafe.strip_control(value) != value or not value.strip():
            raise SpbeError(f"{label}: must be one line of text, without control characters")
    if target.exists() and not target.is_dir():
        raise SpbeError(f"{target}: is a file, not a folder; nothing was written")
    _refuse_existing(target)
    begin = start or dt.date.today().year
    files = {"spbe.yaml": manifest_text(name, code, kind, begin), **FILES}
    written: dict[Path, None] = {}
    for rel in files:
        path = target / rel
        if path.exists() or path.is_symlink():
            raise SpbeError(f"{path}: already exists; nothing was overwritten")
    for rel, text in files.items():
        path = target / rel
        write_text_atomic(path, text)
        written[path] = None
    written.update(dict.fromkeys(add_schema(target)))
    return list(written)


def add_schema(root: Path) -> list[Path]:
    """Write the JSON Schemas into ``root/.schema`` and point every YAML file of the workspace at them
    with a ``yaml-language-server`` line, so that editors complete and check the files as they are typed."""
    import yaml

    from spbe_arch.exchange.schema import ELEMENTS_SCHEMA, MANIFEST_SCHEMA, export_schema
    from spbe_arch.loader import MANIFEST_NAMES, YAML_SUFFIXES

    written = [Path(p) for p in export_schema(root / SCHEMA_FOLDER)]
    skip: set[str] = set()
    for name in MANIFEST_NAMES:
        if (root / name).is_file():
            manifest = yaml.safe_load((root / name).read_text(encoding="utf-8"))
            if isinstance(manifest, dict) and isinstance(manifest.get("reference_extensions"), str):
                skip.add(Path(manifest["reference_extensions"]).as_posix())
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or path.suffix not in YAML_SUFFIXES or rel.as_posix() in skip or any(
                part.startswith(".") for part in rel.parts):
            continue
        schema = MANIFEST_SCHEMA if rel.as_posix() in MANIFEST_NAMES else ELEMENTS_SCHEMA
        up = "../" * (len(rel.parts) - 1)
        line = f"{MODELINE}{up}{SCHEMA_FOLDER}/{schema}\n"
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        if lines and lines[0].startswith(MODELINE):
            if lines[0] == line:
                continue
            lines[0] = line
        else:
            lines.insert(0, line)
        write_text_atomic(path, "".join(lines))
        written.append(path)
    return written


def copy_example(target: Path) -> list[Path]:
    """Copy the bundled Kabupaten Pasuruan workspace into ``target`` (which must not hold a workspace)."""
    import shutil

    from spbe_arch.resources import example_model

    source = example_model()
    if not (source / "spbe.yaml").is_file():
        raise SpbeError(f"the bundled example is missing from this installation ({source})")
    _refuse_existing(target)
    shutil.copytree(source, target, dirs_exist_ok=True)
    return sorted(p for p in target.rglob("*") if p.is_file())
