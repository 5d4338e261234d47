"""Tables of the document as data: every format's templates render the same :class:`Table`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Align = Literal["left", "right", "center"]


class Cell(BaseModel):
    """One cell: its text and, when it names an element, that element's id (a link in HTML)."""

    text: str
    link: str | None = None


class Row(BaseModel):
    """A data row; a group row (``group`` set) heads the rows of one OPD, year or kind that follow it."""

    cells: list[Cell] = Field(default_factory=list)
    group: str | None = None
    anchor: str | None = None  # id of the element this row describes
    total: bool = False  # a row of totals, printed bold


class Table(BaseModel):
    key: str
    caption: str
    title: str | None = None  # a heading for the table where a chapter gives each table its own section
    columns: list[str]
    rows: list[Row] = Field(default_factory=list)
    align: list[Align] = Field(default_factory=list)
    empty: str  # the sentence printed instead of a table without rows
    note: str | None = None  # printed under the table (a legend, a source)

    @property
    def has_rows(self) -> bool:
        return any(r.group is None for r in self.rows)

    def alignment(self, index: int) -> Align:
        return self.align[index] if index < len(self.align) else "left"

    @property
    def aligns(self) -> list[Align]:
        """The alignment of every column (left where none is given)."""
        return [self.alignment(i) for i in range(len(self.columns))]


# The builders below make thousands of cells from values they already know to be right, so they
# skip pydantic's validation (model_construct); the classes still document and type the shape.


def cell(text: object, link: str | None = None) -> Cell:
    return Cell.model_construct(text="" if text is None else str(text), link=link)


def row(*values: object, anchor: str | None = None, total: bool = False) -> Row:
    """A row from values: a :class:`Cell` is kept, anything else becomes a plain cell."""
    cells = [v if isinstance(v, Cell) else cell(v) for v in values]
    return Row.model_construct(cells=cells, group=None, anchor=anchor, total=total)


def group(label: str) -> Row:
    return Row.model_construct(cells=[], group=label, anchor=None, total=False)
