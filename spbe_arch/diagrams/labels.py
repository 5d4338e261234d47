"""Model text made safe for each diagram format, and wrapped so that boxes stay narrow.

Every text from the model passes through here before it reaches DOT or Mermaid: quotes, ``<``,
``&``, braces, ``|``, backslashes and newlines in a name must never change the diagram's syntax.
"""

from __future__ import annotations

import html
import re
import textwrap

_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """One line of text: newlines, tabs and runs of spaces become one space; control bytes go."""
    return _SPACE.sub(" ", _CONTROL.sub("", text)).strip()


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters, broken between words (a long word is broken too)."""
    cleaned = clean(text)
    if not cleaned:
        return [""]
    return textwrap.wrap(cleaned, width=width, break_on_hyphens=False) or [cleaned]


def dot_html(text: str) -> str:
    """Text for a Graphviz HTML-like label.

    Entities make ``<``, ``>``, ``&`` and quotes literal. Graphviz still expands ``\\N``, ``\\G``
    and friends inside HTML labels, so a backslash is doubled.
    """
    return html.escape(clean(text), quote=True).replace("\\", "\\\\")


def dot_html_lines(text: str, width: int, *, left: bool = False) -> str:
    """Wrapped text for an HTML-like label; ``left`` aligns every line but the last to the left."""
    separator = '<BR ALIGN="LEFT"/>' if left else "<BR/>"
    return separator.join(dot_html(line) for line in wrap(text, width))


_MERMAID_SPECIAL = re.compile(r"[#\"<>&{}\[\]()|`\\]")


def mermaid_text(text: str) -> str:
    """Text for a quoted Mermaid label: every character Mermaid could read as syntax or markup.

    Mermaid turns ``#NN;`` into the character NN, so the special characters (and ``#`` itself)
    are written that way.
    """
    return _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group(0))};", clean(text))


def mermaid_lines(text: str, width: int) -> str:
    return "<br/>".join(mermaid_text(line) for line in wrap(text, width))
