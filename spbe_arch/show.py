"""One element with everything known about it: its fields, where it is written, and what names it."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from spbe_arch import textsafe
from spbe_arch.errors import UnknownElementError
from spbe_arch.model import dump_element
from spbe_arch.relations import iter_references
from spbe_arch.suggest import suggest_id
from spbe_arch.workspace import Workspace


class Referrer(BaseModel):
    element: str
    name: str
    collection: str
    field: str


class ElementView(BaseModel):
    id: str
    collection: str
    location: str | None
    fields: dict[str, Any]
    referenced_by: list[Referrer]


def require_element(workspace: Workspace, element_id: str) -> None:
    if element_id not in workspace.elements:
        raise UnknownElementError(element_id, suggest_id(workspace, element_id))


def describe(workspace: Workspace, element_id: str) -> ElementView:
    require_element(workspace, element_id)
    element = workspace.elements[element_id]
    referrers = []
    for other in workspace.iter_elements():
        for ref in iter_references(other):
            if ref.target == element_id:
                referrers.append(Referrer(element=other.id, name=other.name, collection=other.COLLECTION,
                                          field=ref.field))
    location = workspace.locate(element_id)
    return ElementView(id=element_id, collection=element.COLLECTION, location=str(location) if location else None,
                       fields=dump_element(element), referenced_by=referrers)


def view_text(view: ElementView) -> str:
    import yaml

    lines = [f"{view.collection}: {view.id}  ({view.location})"]
    body = yaml.safe_dump(view.fields, allow_unicode=True, sort_keys=False, width=100)
    lines += ["  " + line for line in body.rstrip().splitlines()]
    if view.referenced_by:
        lines.append("referenced by:")
        lines += [f"  {r.element} ({r.collection}.{r.field}): {r.name}" for r in view.referenced_by]
    return "\n".join(textsafe.terminal(line) for line in lines) + "\n"
