"""Jinja2 environments of the document, with user overrides and template errors that name file and line.

Templates live in ``templates/`` (shipped in the wheel). ``--templates DIR`` puts DIR in front of
them: a file there with the same relative path (e.g. ``document/md/07-aplikasi.md.j2``) replaces
the shipped one, and every other file still comes from the shipped set.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from markupsafe import Markup

from spbe_arch.document import text as T
from spbe_arch.errors import SpbeError
from spbe_arch.resources import data_dir

Family = Literal["html", "md"]
DOCX_TEMPLATE = "document/template.docx"


class TemplateError(SpbeError):
    """A document template cannot be read or rendered; the message names its file and line."""


class Numbering:
    """Table and figure numbers per chapter ("Tabel 7.2", "Gambar 3.1") in the order templates ask for them."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}

    def _next(self, kind: str, chapter: object) -> str:
        key = (kind, str(chapter))
        self.counts[key] = self.counts.get(key, 0) + 1
        return f"{kind} {chapter}.{self.counts[key]}"

    def table(self, chapter: object) -> str:
        return self._next("Tabel", chapter)

    def figure(self, chapter: object) -> str:
        return self._next("Gambar", chapter)


def _finalize_html(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    return T.clean(value)


def _finalize_md(value: Any) -> Any:
    """Markdown autoescape: every value printed by a template is escaped unless marked safe."""
    if value is None:
        return Markup("")
    if isinstance(value, Markup):
        return value
    return Markup(T.md_escape(value))


def _md_paragraphs(value: object) -> Markup:
    return Markup("\n\n".join(T.md_escape(p) for p in T.paragraphs(value)))


def _join(values: object, separator: str = ", ") -> str:
    """Values joined into one plain string, which the format's escaping then escapes as a whole."""
    if isinstance(values, str):
        return values
    return separator.join(str(v) for v in values)  # type: ignore[attr-defined]


def _holds(count: int | None, noun: str) -> str:
    """"memuat 12 proses bisnis", or "belum memuat proses bisnis": an architecture imported from an
    inventory has no processes yet, and "memuat 0 proses bisnis" reads as a slip in a signed document."""
    return f"memuat {T.angka(count)} {noun}" if count else f"belum memuat {noun}"


FILTERS: dict[str, Callable[..., Any]] = {
    "tanggal": T.tanggal, "rupiah": T.rupiah, "angka": T.angka, "desimal": T.desimal, "persen": T.persen,
    "roman": T.roman, "satu_baris": T.one_line, "paragraf": T.paragraphs, "gabung": _join, "memuat": _holds,
}


class Templates:
    """The shipped templates, with an optional user folder in front of them."""

    def __init__(self, user_dir: Path | None = None) -> None:
        self.default_dir = data_dir("templates")
        self.user_dir = user_dir
        if user_dir is not None and not user_dir.is_dir():
            raise TemplateError(f"--templates {user_dir}: no such folder")
        self._envs: dict[Family, Any] = {}

    def environment(self, family: Family) -> Any:
        """The Jinja2 environment of one format family (autoescape for HTML, Markdown escaping for Markdown)."""
        if family in self._envs:
            return self._envs[family]
        import jinja2

        folders = [str(self.user_dir)] if self.user_dir is not None else []
        folders.append(str(self.default_dir))
        loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(f, encoding="utf-8") for f in folders])
        env = jinja2.Environment(
            loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True, finalize=_finalize_html if family == "html" else _finalize_md,
        )
        env.filters.update(FILTERS)
        if family == "md":
            env.filters["paragraf_md"] = _md_paragraphs
        self._envs[family] = env
        return env

    def render(self, family: Family, name: str, context: dict[str, Any]) -> str:
        """Render one template; any template problem becomes a :class:`TemplateError` naming file and line."""
        import jinja2

        env = self.environment(family)
        try:
            return str(env.get_template(name).render(context))
        except jinja2.TemplateSyntaxError as exc:
            where = exc.filename or exc.name or name
            raise TemplateError(f"{where}:{exc.lineno}: template syntax error: {exc.message}") from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(f"template {exc.name!r} not found (needed by {name})") from None
        except SpbeError:
            raise
        except Exception as exc:  # an error raised while a template runs: point at the template line
            where = _template_frame(exc) or name
            detail = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else str(exc)
            raise TemplateError(f"{where}: template error: {detail}") from None

    def docx_template(self) -> Path:
        """The Word template: the user's ``document/template.docx`` if given, else the shipped one."""
        if self.user_dir is not None and (self.user_dir / DOCX_TEMPLATE).is_file():
            return self.user_dir / DOCX_TEMPLATE
        return self.default_dir / DOCX_TEMPLATE

    def unknown_files(self) -> list[str]:
        """Files of the user folder that replace no shipped template (a misspelt name would be ignored).

        They are still used when another template includes or imports them.
        """
        if self.user_dir is None:
            return []
        found = [p.relative_to(self.user_dir).as_posix() for p in sorted(self.user_dir.rglob("*")) if p.is_file()]
        return [p for p in found if not (self.default_dir / p).is_file()]


def _template_frame(exc: BaseException) -> str | None:
    """``file:line`` of the innermost template frame of a traceback (Jinja2 rewrites frames to templates)."""
    last = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith((".j2", ".jinja", ".jinja2", ".css")):
            last = f"{frame.filename}:{frame.lineno}"
    return last
