"""One walk over markdown-it's block tokens for every writer that is not HTML (Word, Typst).

The chapters are Markdown; each writer turns the same blocks into its own markup. The walk (which
tokens make a heading, a paragraph, a table, a list, a marker) lives here once; a writer fills in
what each block becomes.
"""

from __future__ import annotations

import re
from typing import Any

from spbe_arch.document.tables import Table

# A model table the Markdown could not hold (grouped rows, totals) stands in the text as this marker.
TABLE_MARKER = re.compile(r"<!--\s*spbe-table:(\d+)\s*-->")


class BlockWriter:
    """Calls one method per block of a chapter's tokens; the writers override them."""

    tables: list[Table]

    def walk(self, tokens: list[Any]) -> None:
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "heading_open":
                self.on_heading(int(token.tag[1]), tokens[i + 1])
                i += 3
                continue
            if kind == "paragraph_open":
                i += self.on_paragraph(tokens, i)
                continue
            if kind == "table_open":
                end = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
                self.on_markdown_table(tokens[i:end + 1])
                i = end + 1
                continue
            if kind in ("bullet_list_open", "ordered_list_open"):
                self.on_list_open(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.on_list_close()
            elif kind == "html_block":
                self.on_html(token.content)
            elif kind in ("fence", "code_block"):
                self.on_code(token.content)
            i += 1

    def on_html(self, content: str) -> None:
        """A marker: the model table it names is written in its place."""
        marker = TABLE_MARKER.search(content)
        if marker is not None and int(marker.group(1)) < len(self.tables):
            self.on_model_table(self.tables[int(marker.group(1))])

    # what each block becomes: the writers say
    def on_heading(self, level: int, inline: Any) -> None:
        raise NotImplementedError

    def on_paragraph(self, tokens: list[Any], i: int) -> int:
        """Write the paragraph that opens at ``tokens[i]``; return how many tokens it took."""
        raise NotImplementedError

    def on_markdown_table(self, tokens: list[Any]) -> None:
        raise NotImplementedError

    def on_model_table(self, table: Table) -> None:
        raise NotImplementedError

    def on_list_open(self, ordered: bool) -> None:
        raise NotImplementedError

    def on_list_close(self) -> None:
        raise NotImplementedError

    def on_code(self, content: str) -> None:
        raise NotImplementedError
