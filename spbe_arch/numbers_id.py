"""Numbers written the Indonesian way (``1.250``, ``2,47``, ``87,5%``): the document, the duplicate
reports and figures in Indonesian all write them so. A module of its own, so that a command that only
writes a number need not load the document package."""

from __future__ import annotations


def angka(value: int | float | None) -> str:
    """An integer with Indonesian thousands separators: ``1.250``."""
    if value is None:
        return "-"
    return f"{int(value):,}".replace(",", ".")


def desimal(value: float | None, digits: int = 2) -> str:
    """A decimal number with a decimal comma: ``2,47``."""
    if value is None:
        return "-"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def persen(value: float | None) -> str:
    """A percentage with one decimal and a decimal comma: ``87,5%``."""
    return "-" if value is None else f"{desimal(value, 1)}%"
