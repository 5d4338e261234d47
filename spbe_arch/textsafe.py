"""Model text made safe for every output language: one quoting function per language.

Names, descriptions and ids come from YAML files and spreadsheets anyone can edit. Every writer
passes them through the function of its output language here, so no text can add a DOT
statement, a Mermaid link, an HTML attribute, a spreadsheet formula, a forged CI annotation or a
terminal escape sequence. There is one set of control characters (C0, DEL and C1) and one set of
bidirectional-override characters, shared by every language.
"""

from __future__ import annotations

import html
import re

# C0 controls, DEL and C1 controls: no output language shows them as text.
CONTROL = "\x00-\x1f\x7f-\x9f"
# Bidirectional formatting characters (Trojan Source, CVE-2021-42574) and the Unicode line breaks.
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
LINE_BREAKS = "\u2028\u2029\x85"
_CONTROL_RE = re.compile(f"[{CONTROL}]")
_UNSAFE_RE = re.compile(f"[{CONTROL}{BIDI}\u2028\u2029]")
# Code points no XML 1.0 document (hence no HTML, DOCX or ArchiMate file) may hold.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACE_RE = re.compile(r"\s+")
_TERMINAL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def strip_control(text: str) -> str:
    """``text`` without control or bidi characters; line breaks and tabs become spaces."""
    return _UNSAFE_RE.sub(lambda m: " " if m.group() in "\n\r\t\x85\u2028\u2029" else "", text)


def one_line(text: str) -> str:
    """One line: control and bidi characters gone, every run of white space one space."""
    return _SPACE_RE.sub(" ", strip_control(text)).strip()


def xml_chars(text: str) -> str:
    """Only the characters an XML 1.0 document can hold (tab, newline and carriage return kept)."""
    return _NOT_XML_RE.sub("", text)


def _visible(char: str) -> str:
    if char in _TERMINAL_ESCAPES:
        return _TERMINAL_ESCAPES[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """Text for a terminal or a log: control and bidi characters shown as escapes (``\\x1b``,
    ``\\n``, ``\\u202e``), so none can move the cursor, ring a bell, reorder a line or start a new
    line that a CI runner would read as a command."""
    return _UNSAFE_RE.sub(lambda m: _visible(m.group()), text)


def dot_id(text: str) -> str:
    """A DOT id as a double-quoted string: backslashes and quotes escaped, controls removed.

    Always quoted, so a keyword (``node``, ``subgraph``) or a brace in an id is only text.
    """
    value = strip_control(text).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{value}"'


_DOT_PLAIN_NAME = re.compile(f"[^\\\\\"<>{CONTROL}{BIDI}\u2028\u2029]+")


def dot_name(text: str) -> str:
    """A name for a writer that quotes DOT ids itself (the ``graphviz`` package): one with a
    backslash, a quote, ``<``, ``>`` or a control character is spelled in hex, so nothing can pass
    as an HTML string (``<...>``) or end a quoted id early. Distinct texts stay distinct."""
    if _DOT_PLAIN_NAME.fullmatch(text) and not text.startswith("x_"):
        return text
    return "x_" + text.encode("utf-8", "surrogatepass").hex()


def dot_html(text: str) -> str:
    """Text for a Graphviz HTML-like label on one line.

    Entities make ``<``, ``>``, ``&`` and quotes literal. Graphviz still expands ``\\N``, ``\\G``
    and friends inside HTML labels, so a backslash is doubled.
    """
    return html.escape(one_line(text), quote=True).replace("\\", "\\\\")


_MERMAID_SPECIAL = re.compile(r"[#\"<>&{}\[\]()|`\\]")


def mermaid_label(text: str) -> str:
    """Text for a double-quoted Mermaid label on one line.

    Mermaid turns ``#NN;`` into the character NN, so every character it could read as syntax or
    markup (and ``#`` itself) is written that way: no quote can end the label and no tag can reach
    the page; with line breaks gone, no ``-->`` or ``click`` can start a statement of its own.
    """
    return _MERMAID_SPECIAL.sub(lambda m: f"#{ord(m.group(0))};", one_line(text))


def html_text(text: str) -> str:
    """Text between HTML tags."""
    return html.escape(xml_chars(text), quote=False)


def html_attr(text: str) -> str:
    """An HTML attribute value, to be written between double quotes; line breaks become spaces."""
    return html.escape(one_line(text), quote=True)


_MD_INLINE = re.compile(r"([\\`*_{}\[\]<>#|~!])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_LINE_START = re.compile(r"^([-+])(?=\s|$)|^([-=])(?=[-=]*\s*$)")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def markdown(text: str) -> str:
    """Literal Markdown inline text on one line, safe in paragraphs, list items and table cells.

    Every ASCII punctuation character that can start Markdown syntax is backslash-escaped, so the
    text renders as written on GitHub, GitLab and markdown-it.
    """
    value = _MD_INLINE.sub(r"\\\1", one_line(text))
    value = _MD_ENTITY.sub("&amp;", value)
    value = _MD_ORDERED.sub(r"\1\\\2", value)
    return _MD_LINE_START.sub(lambda m: "\\" + (m.group(1) or m.group(2)), value)


FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text and never runs as a formula.

    As OWASP recommends for CSV injection: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or
    a line break (or their full-width forms) gets a leading apostrophe; quoting is left to the
    ``csv`` module. Control characters other than line breaks and tabs are removed.
    """
    value = _NOT_XML_RE.sub("", text)
    return "'" + value if value.startswith(FORMULA_START) else value


def github_data(text: str) -> str:
    """The message part of a GitHub Actions workflow command (``%``, CR and LF encoded)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command (file, title): ``:`` and ``,`` encoded too."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


__all__ = ["BIDI", "CONTROL", "FORMULA_START", "csv_cell", "dot_html", "dot_id", "dot_name", "github_data",
           "github_property", "html_attr", "html_text", "markdown", "mermaid_label", "one_line", "strip_control",
           "terminal", "xml_chars"]
