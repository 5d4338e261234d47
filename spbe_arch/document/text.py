"""Indonesian formatting (dates, rupiah, numbers) and the escapers of every output format.

Every text that comes from the model goes through one of the escapers here before it reaches a
document: HTML (Jinja's autoescape, after :func:`clean`), Markdown (:func:`md_escape`) and Word XML
(:func:`xml_text`, after python-docx's own XML escaping).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from spbe_arch import textsafe
from spbe_arch.numbers_id import angka as angka  # re-exported: the templates' filters
from spbe_arch.numbers_id import desimal as desimal
from spbe_arch.numbers_id import persen as persen

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
    "November", "Desember",
)

# Characters XML 1.0 forbids (and HTML treats as errors): C0 controls except tab, newline, carriage
# return; lone surrogates; U+FFFE and U+FFFF.
# C1 controls and bidi overrides go too (:mod:`spbe_arch.textsafe`).
_FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{textsafe.BIDI}\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


def clean(text: object) -> str:
    """``text`` as a string without the control characters that no document format accepts."""
    if text is None:
        return ""
    return _FORBIDDEN.sub("", str(text))


def one_line(text: object) -> str:
    """Cleaned text on one line: every run of white space (line breaks included) becomes one space."""
    return _SPACES.sub(" ", clean(text)).strip()


def md_escape(text: object) -> str:
    """Model text as literal Markdown inline content on one line (:func:`textsafe.markdown`)."""
    return textsafe.markdown(clean(text))


def paragraphs(text: object) -> list[str]:
    """A free text split into its paragraphs (blank lines), each on one line."""
    return [p for p in (one_line(block) for block in re.split(r"\n\s*\n", clean(text))) if p]


def xml_text(text: object) -> str:
    """Text that python-docx can write into Word XML: forbidden characters removed."""
    return clean(text)


def tanggal(value: dt.date | None) -> str:
    """A date the Indonesian way: ``30 Juni 2025``."""
    if value is None:
        return "-"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def rupiah(value: int | None) -> str:
    """An amount in rupiah as Indonesian documents write it: ``Rp1.250.000.000``."""
    if value is None:
        return "-"
    return f"Rp{angka(value)}"


def juta(value: int | None) -> str:
    """An amount in millions of rupiah, for tables headed "juta rupiah": ``1.250`` or ``12,5``."""
    if value is None:
        return "-"
    millions = value / 1_000_000
    if millions == int(millions):
        return angka(int(millions))
    return desimal(millions, 2).rstrip("0").rstrip(",")


ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
         (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    result = []
    for value, letters in ROMAN:
        count, number = divmod(number, value)
        result.append(letters * count)
    return "".join(result)


def github_slug(text: str) -> str:
    """The anchor GitHub (and, for these headings, GitLab) gives a Markdown heading."""
    lowered = clean(text).strip().lower()
    kept = "".join(c for c in lowered if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def unique_slugs(texts: list[str]) -> list[str]:
    """Slugs for headings in order, with GitHub's ``-1``, ``-2`` suffixes for repeated ones."""
    seen: dict[str, int] = {}
    result = []
    for text in texts:
        slug = github_slug(text)
        if slug in seen:
            seen[slug] += 1
            slug = f"{slug}-{seen[slug]}"
        else:
            seen[slug] = 0
        result.append(slug)
    return result
