"""Local reference codes a government defines under the national ones (``reference_extensions``),
and its own numbering of a domain (for example SIA-SPBE's) mapped to the national codes.

A local code takes the status (confirmed, provisional) of the national code it extends. A code of
an own numbering names the national code it corresponds to (``national``); a mapping to a code the
national catalogue does not hold is bad input (:class:`WorkspaceError`, exit code 2), because every
check of that domain would otherwise rest on it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

from spbe_arch.errors import WorkspaceError
from spbe_arch.findings import Finding
from spbe_arch.loader import ParsedFile, describe_error, read_file
from spbe_arch.reference import CODE_RE, DOMAIN_NAMES, OWN_CODE_RE, Catalogue, Code, CodeStatus
from spbe_arch.workspace import Workspace
from spbe_arch.wspaths import OutsideWorkspace, inside


class _LocalCode(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    description: str | None = None


class _OwnCode(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    national: str
    description: str | None = None


class _Numbering(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    codes: list[_OwnCode]


class _LocalCodes(BaseModel):
    model_config = ConfigDict(extra="forbid")
    codes: list[_LocalCode] = []
    numbering: dict[str, _Numbering] = {}


def load_extensions(workspace: Workspace, national: Catalogue) -> tuple[list[Code], list[Finding]]:
    """The workspace's local codes that are valid, and a finding for each that is not."""
    name = workspace.manifest.reference_extensions
    if not name:
        return [], []
    line, col = workspace.manifest_keys.get(("reference_extensions",), (1, 1))
    try:
        path = inside(workspace.root, name)
    except OutsideWorkspace as exc:
        return [], [Finding(rule="RC004", severity="error", file=workspace.manifest_file, line=line, column=col,
                            message=f"reference_extensions names {name!r}, which {exc}; it was not read")]
    rel = name
    if not path.is_file():
        return [], [Finding(rule="RC004", severity="error", file=workspace.manifest_file, line=line, column=col,
                            message=f"reference_extensions names {name!r}, which does not exist")]
    parsed = read_file(path, rel)
    findings = list(parsed.problems)
    if not parsed.readable or parsed.value is None:
        return [], findings
    try:
        doc = _LocalCodes.model_validate(parsed.value)
    except ValidationError as exc:
        for error in exc.errors():
            rule, message, _ = describe_error(_LocalCodes, error, "the local code file")
            findings.append(Finding(rule=rule, severity="error", message=message, file=rel, line=1, column=1))
        return [], findings
    accepted: list[Code] = []
    known = set(national.codes)
    for index, item in enumerate(doc.codes):
        item_positions = parsed.items.get(("codes", index))
        line, col = item_positions.keys.get(("code",), (1, 1)) if item_positions else (1, 1)
        problem = None
        parent = item.code.rsplit(".", 1)[0]
        if not CODE_RE.match(item.code):
            problem = f"local code {item.code!r} is malformed: expected e.g. RAA.02.02.01"
        elif item.code in national.codes:
            problem = f"local code {item.code!r} is already a national code ({national.codes[item.code].name})"
        elif item.code in {c.code for c in accepted}:
            problem = f"local code {item.code!r} is defined twice"
        elif parent not in known:
            problem = (f"local code {item.code!r} must extend an existing code, but {parent!r} is neither "
                       "national nor defined above it")
        if problem:
            findings.append(Finding(rule="RC004", severity="error", message=problem, file=rel, line=line, column=col))
            continue
        status = _status_of(national, accepted, parent)
        accepted.append(Code(item.code, item.name, item.description, local=True, status=status,
                             source=f"local code of this workspace ({rel})"))
        known.add(item.code)
    accepted += _own_numbering(doc, national, rel, parsed)
    return accepted, findings


def _status_of(national: Catalogue, accepted: list[Code], parent: str) -> CodeStatus:
    found = national.codes.get(parent) or next((c for c in accepted if c.code == parent), None)
    return found.status if found is not None else "provisional"


def _own_numbering(doc: _LocalCodes, national: Catalogue, rel: str, parsed: ParsedFile) -> list[Code]:
    """The codes of the workspace's own numberings; a wrong mapping raises :class:`WorkspaceError`."""
    codes: list[Code] = []
    for domain, numbering in doc.numbering.items():
        for index, item in enumerate(numbering.codes):
            path = ("numbering", domain, "codes", index)
            line, col = parsed.positions.values.get((*path, "national"), parsed.positions.values.get(path, (1, 1)))
            where = f"{rel}:{line}:{col}"
            if domain not in DOMAIN_NAMES:
                raise WorkspaceError(f"{rel}: numbering {domain!r} is not a domain ({', '.join(DOMAIN_NAMES)})")
            if not OWN_CODE_RE.match(item.code) or not item.code.startswith(domain + "."):
                raise WorkspaceError(f"{where}: code {item.code!r} of the {numbering.name} numbering must start "
                                     f"with {domain}. followed by numbers (e.g. {domain}.1.2)")
            target = national.codes.get(item.national)
            if target is None or target.domain != domain:
                hint = national.closest(item.national, domain, limit=3)
                near = f"; nearest: {', '.join(c.code for c in hint)}" if hint else ""
                raise WorkspaceError(f"{where}: code {item.code!r} of the {numbering.name} numbering maps to "
                                     f"{item.national!r}, which is not a national {domain} code{near}")
            codes.append(Code(item.code, item.name, item.description or target.name, local=True,
                              status=target.status, maps_to=target.code,
                              source=f"{numbering.name} numbering of this workspace ({rel}), mapped to {target.code}"))
    return codes


def numbered_domains(workspace: Workspace) -> dict[str, str]:
    """The domains the workspace numbers itself, with the numbering's name (empty when none)."""
    name = workspace.manifest.reference_extensions
    if not name or not (workspace.root / name).is_file():
        return {}
    parsed = read_file(workspace.root / name, name)
    value = parsed.value if parsed.readable and isinstance(parsed.value, dict) else {}
    raw = value.get("numbering") if isinstance(value, dict) else None
    if not isinstance(raw, dict):
        return {}
    return {str(k): str(v.get("name", k)) if isinstance(v, dict) else str(k) for k, v in raw.items()}


def workspace_catalogue(workspace: Workspace) -> Catalogue:
    """The catalogue the workspace's codes are checked against: national codes plus its local ones."""
    from spbe_arch.reference import load_catalogue

    national = load_catalogue(workspace.manifest.reference)
    local, _ = load_extensions(workspace, national)
    return national.with_extensions(local, numbered_domains(workspace)) if local else national
