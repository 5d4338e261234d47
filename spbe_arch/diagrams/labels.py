"""Model text made safe for each diagram format, and wrapped so that boxes stay narrow.

Every text from the model passes through here before it reaches DOT or Mermaid: quotes, ``<``,
``&``, braces, ``|``, backslashes and newlines in a name must never change the diagram's syntax.
"""

from __future__ import annotations

import textwrap

from spbe_arch import textsafe


def clean(text: str) -> str:
    """One line of text: newlines, tabs and runs of spaces become one space; control and bidi
    characters go."""
    return textsafe.one_line(text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken between words (a long word is broken too)."""
    cleaned = clean(text)
    if not cleaned:
        return [""]
    return textwrap.wrap(cleaned, width=width, break_on_hyphens=False) or [cleaned]


def dot_html(text: str) -> str:
    """Text for a Graphviz HTML-like label (:func:`textsafe.dot_html`)."""
    return textsafe.dot_html(text)


def dot_html_lines(text: str, width: int, *, left: bool = False) -> str:
    """Wrapped text for an HTML-like label; ``left`` aligns every line but the last to the left."""
    separator = '<BR ALIGN="LEFT"/>' if left else "<BR/>"
    return separator.join(dot_html(line) for line in wrap(text, width))


def mermaid_text(text: str) -> str:
    """Text for a quoted Mermaid label (:func:`textsafe.mermaid_label`)."""
    return textsafe.mermaid_label(text)


def mermaid_lines(text: str, width: int) -> str:
    return "<br/>".join(mermaid_text(line) for line in wrap(text, width))
