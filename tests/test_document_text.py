"""Indonesian formatting and the Markdown escaper of the document."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from spbe_arch.document.text import angka, desimal, github_slug, juta, md_escape, one_line, rupiah, tanggal


def test_indonesian_formats() -> None:
    assert tanggal(dt.date(2025, 6, 30)) == "30 Juni 2025"
    assert tanggal(dt.date(2026, 1, 1)) == "1 Januari 2026"
    assert rupiah(1_250_000_000) == "Rp1.250.000.000"
    assert rupiah(0) == "Rp0" and rupiah(None) == "-"
    assert angka(1250) == "1.250" and angka(7) == "7"
    assert desimal(2.47) == "2,47" and desimal(1234.5, 1) == "1.234,5"
    assert juta(1_250_000_000) == "1.250" and juta(12_500_000) == "12,5" and juta(150_000_000) == "150"


@pytest.mark.parametrize("text", [
    "1. bukan daftar", "- bukan daftar", "+ juga", "# bukan judul", "> bukan kutipan", "a | b", "*tebal*",
    "_miring_", "`kode`", "<b>html</b>", "&amp; entitas", "[tautan](http://x)", "![gambar](x.png)", "---", "===",
    "a\\b", "~~coret~~", "x  \ny",
])
def test_markdown_escape_keeps_text_literal(text: str) -> None:
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md_escape(text))
    assert rendered == f"<p>{html.escape(one_line(text), quote=True)}</p>\n".replace("&#x27;", "'")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40))
def test_markdown_escape_round_trips(text: str) -> None:
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    expected = one_line(text)
    rendered = md.render(f"| kolom |\n|---|\n| {md_escape(text)} |\n")
    cell = rendered.split("<td>", 1)[1].split("</td>", 1)[0] if "<td>" in rendered else ""
    assert html.unescape(cell) == expected.strip()
    assert "<" not in cell


def test_github_slugs() -> None:
    assert github_slug("BAB I PENDAHULUAN") == "bab-i-pendahuluan"
    assert github_slug("1.1 Latar Belakang") == "11-latar-belakang"
    assert github_slug("7.2.1 Ringkasan Aplikasi") == "721-ringkasan-aplikasi"


def test_every_rule_has_an_indonesian_summary() -> None:
    from spbe_arch.document.rule_texts import RULE_SUMMARIES
    from spbe_arch.validate import all_rules

    missing = [r.code for r in all_rules() if r.code not in RULE_SUMMARIES]
    assert not missing, f"add an Indonesian summary to spbe_arch/document/rule_texts.py for {missing}"
