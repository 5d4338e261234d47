"""Arbitrary names through every output language's quoting, parsed back by that language's rules."""

from __future__ import annotations

import csv
import html
import html.parser
import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_arch import textsafe
from spbe_arch.diagrams.labels import dot_html_lines, mermaid_lines
from tests.reliability.harness import check_mermaid, dot_tokens

names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | st.sampled_from(
    ['"', "\\", "\\\"", "<b>", "-->", "click x", "=1+1", "\n::error::x", "\x1b[2J", "\u202e", "\x85", "#", "&amp;",
     "]]", "}", "x_41", "%0A", "node", "subgraph"])
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)
_CONTROL = re.compile(f"[{textsafe.CONTROL}{textsafe.BIDI}\u2028\u2029]")


@SETTINGS
@given(names)
def test_dot_id_is_one_quoted_string_that_unquotes_to_the_text(name: str) -> None:
    quoted = textsafe.dot_id(name)
    tokens = dot_tokens(f"digraph {{ {quoted} }}")
    assert tokens == ["digraph", "{", quoted, "}"]
    inner = re.sub(r"\\(.)", r"\1", quoted[1:-1], flags=re.S)
    assert inner == textsafe.strip_control(name)


@SETTINGS
@given(names, names)
def test_dot_names_stay_single_tokens_and_distinct(first: str, second: str) -> None:
    import graphviz

    for name in (first, second):
        quoted = graphviz.quoting.quote(textsafe.dot_name(name))
        assert len(dot_tokens(f"graph {{ {quoted} }}")) == 4
        assert not quoted.startswith("<")
    if first != second:
        assert textsafe.dot_name(first) != textsafe.dot_name(second)


@SETTINGS
@given(names)
def test_dot_html_label_holds_only_its_own_markup(name: str) -> None:
    label = f"<{dot_html_lines(name, 20)}>"
    tokens = dot_tokens(f"digraph {{ a [label={label}] }}")
    assert tokens[-3] == label
    body = re.sub(r"<BR/>", "", label[1:-1])
    assert "<" not in body and ">" not in body
    assert html.unescape(body.replace("\\\\", "\\")).replace(" ", "") == textsafe.one_line(name).replace(" ", "")


@SETTINGS
@given(names)
def test_mermaid_label_is_one_statement_and_decodes_to_the_text(name: str) -> None:
    label = mermaid_lines(name, 25)
    assert check_mermaid(f'flowchart LR\n  n1["{label}"]\n  n1 -->|"{textsafe.mermaid_label(name)}"| n2\n') == []
    decoded = re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label.replace("<br/>", " "))
    assert decoded.replace(" ", "") == textsafe.one_line(name).replace(" ", "")


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text += data


@SETTINGS
@given(names)
def test_html_text_and_attribute_parse_back_to_the_text(name: str) -> None:
    parser = _Collect()
    parser.feed(f'<p title="{textsafe.html_attr(name)}">{textsafe.html_text(name)}</p>')
    parser.close()
    assert parser.tags == ["p"]
    assert parser.attrs == [("title", textsafe.one_line(name))]
    assert parser.text.replace("\r\n", "\n").replace("\r", "\n") == \
        textsafe.xml_chars(name).replace("\r\n", "\n").replace("\r", "\n")


@SETTINGS
@given(names)
def test_markdown_text_has_no_active_syntax(name: str) -> None:
    text = textsafe.markdown(name)
    assert "\n" not in text
    unescaped = re.sub(r"\\([\\`*_{}\[\]<>#|~!+\-=.)])", "", text)
    assert not re.search(r"[`*_{}\[\]<>#|~!]", unescaped)


@SETTINGS
@given(st.lists(names, min_size=1, max_size=4))
def test_csv_cells_read_back_and_never_start_a_formula(cells: list[str]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerow([textsafe.csv_cell(c) for c in cells])
    row = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert len(row) == len(cells)
    for written, original in zip(row, cells, strict=True):
        assert not written.startswith(textsafe.FORMULA_START)
        assert written.removeprefix("'") in (original, textsafe.xml_chars(original))


@SETTINGS
@given(names)
def test_terminal_text_holds_no_control_or_bidi_character(name: str) -> None:
    shown = textsafe.terminal(name)
    assert not _CONTROL.search(shown)
    assert "\n" not in shown


@SETTINGS
@given(names)
def test_github_data_is_one_line_that_the_runner_decodes_back(name: str) -> None:
    encoded = textsafe.github_data(name)
    assert "\n" not in encoded and "\r" not in encoded
    assert encoded.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%") == name
    prop = textsafe.github_property(name)
    assert ":" not in prop and "," not in prop
