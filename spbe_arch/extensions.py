"""Local reference codes a government defines under the national ones (``reference_extensions``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, ValidationError

from spbe_arch.findings import Finding
from spbe_arch.loader import describe_error, read_file
from spbe_arch.reference import CODE_RE, Catalogue, Code
from spbe_arch.workspace import Workspace
from spbe_arch.wspaths import OutsideWorkspace, inside


class _LocalCode(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str
    name: str
    description: str | None = None


class _LocalCodes(BaseModel):
    model_config = ConfigDict(extra="forbid")
    codes: list[_LocalCode]


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
        accepted.append(Code(item.code, item.name, item.description, local=True))
        known.add(item.code)
    return accepted, findings


def workspace_catalogue(workspace: Workspace) -> Catalogue:
    """The catalogue the workspace's codes are checked against: national codes plus its local ones."""
    from spbe_arch.reference import load_catalogue

    national = load_catalogue(workspace.manifest.reference)
    local, _ = load_extensions(workspace, national)
    return national.with_extensions(local) if local else national
