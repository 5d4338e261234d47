"""Running a Graphviz renderer: which one, with a timeout, never a hang.

The order: ``--dot`` or ``SPBE_DOT``; the ``graphviz-pure`` installed beside this Python; the one on
PATH; a system ``dot``, the only one that makes PDF. graphviz-pure gives the same bytes on every
platform, which is why it comes before a system Graphviz.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sysconfig
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from spbe_arch.diagrams import theme
from spbe_arch.errors import SpbeError

RenderFormat = Literal["svg", "png", "pdf"]
RENDER_FORMATS: tuple[str, ...] = ("svg", "png", "pdf")
PURE = "graphviz-pure"
ENV = "SPBE_DOT"
PURE_FORMATS = frozenset({"svg", "png"})
DOT_FORMATS = frozenset({"svg", "png", "pdf"})
INSTALL_HINT = ("install graphviz-pure (`pip install graphviz-pure`, a dependency of spbe-arch) or give a "
                "renderer with --dot PATH or SPBE_DOT")


class RendererUnavailable(SpbeError):
    """No renderer can make the asked format; the DOT source can still be written."""


class RendererTimeout(SpbeError):
    """The renderer ran longer than allowed and was stopped."""


@dataclass(frozen=True)
class Renderer:
    path: str
    origin: str  # how it was found, for messages: "--dot", "SPBE_DOT", "package", "PATH", "system dot"
    formats: frozenset[str]

    @property
    def name(self) -> str:
        return Path(self.path).name


def _executable(name: str) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def _formats_of(path: str) -> frozenset[str]:
    return PURE_FORMATS if PURE in Path(path).name.lower() else DOT_FORMATS


def _explicit(value: str, origin: str) -> Renderer:
    candidate = Path(value).expanduser()
    found = str(candidate) if candidate.is_file() and os.access(candidate, os.X_OK) else shutil.which(value)
    if found is None:
        raise SpbeError(f"renderer {value!r} given by {origin} is not an executable file or a command on PATH")
    return Renderer(found, origin, _formats_of(found))


def candidates(explicit: str | None = None) -> list[Renderer]:
    """Every renderer in the order of resolution; an explicit choice is the only candidate."""
    if explicit:
        return [_explicit(explicit, "--dot")]
    from_env = os.environ.get(ENV, "").strip()
    if from_env:
        return [_explicit(from_env, ENV)]
    found: list[Renderer] = []
    bundled = Path(sysconfig.get_path("scripts")) / _executable(PURE)
    if bundled.is_file() and os.access(bundled, os.X_OK):
        found.append(Renderer(str(bundled), "package", PURE_FORMATS))
    on_path = shutil.which(PURE)
    if on_path and all(Path(on_path) != Path(r.path) for r in found):
        found.append(Renderer(on_path, "PATH", PURE_FORMATS))
    system = shutil.which("dot")
    if system:
        found.append(Renderer(system, "system dot", DOT_FORMATS))
    return found


def find_renderer(explicit: str | None = None, fmt: str | None = None) -> Renderer | None:
    """The first renderer in the resolution order (that makes ``fmt``, when given), or None."""
    for renderer in candidates(explicit):
        if fmt is None or fmt in renderer.formats:
            return renderer
    return None


def require_renderer(fmt: str, explicit: str | None = None) -> Renderer:
    renderer = find_renderer(explicit, fmt)
    if renderer is not None:
        return renderer
    if fmt == "pdf":
        chosen = find_renderer(explicit)
        which = f"{chosen.name} ({chosen.origin}) makes only {', '.join(sorted(chosen.formats))}; " if chosen else ""
        raise RendererUnavailable(f"{which}PDF needs a system Graphviz `dot` on PATH (https://graphviz.org); "
                                  "use --format svg or png, which need nothing more")
    raise RendererUnavailable(f"no Graphviz renderer found to make {fmt}; {INSTALL_HINT}")


def _able(fmt: str, renderer: Renderer | None) -> Renderer:
    """The given renderer (else the first found) if it makes ``fmt``."""
    chosen = renderer if renderer is not None else require_renderer(fmt)
    if fmt not in chosen.formats:
        raise RendererUnavailable(f"{chosen.name} ({chosen.origin}) cannot make {fmt}"
                                  + ("; PDF needs a system Graphviz `dot`" if fmt == "pdf" else ""))
    return chosen


def render(dot: str, fmt: RenderFormat | str, timeout: float = 60, *, renderer: Renderer | None = None,
           dpi: int | None = None) -> bytes:
    """DOT source to SVG, PNG or PDF bytes.

    Raises :class:`RendererUnavailable` when nothing here can make ``fmt``, and :class:`SpbeError`
    when the renderer fails or runs longer than ``timeout`` seconds (it is then killed).
    """
    if fmt not in RENDER_FORMATS:
        raise SpbeError(f"cannot render {fmt!r}; choose one of {', '.join(RENDER_FORMATS)}")
    chosen = _able(fmt, renderer)
    args = [chosen.path, f"-T{fmt}"]
    if dpi is not None:
        args.append(f"-Gdpi={dpi}")
    output = _run(args, dot.encode("utf-8"), timeout, chosen)
    return declare_fonts(output) if fmt == "svg" else output


def render_many(sources: Sequence[str], fmt: RenderFormat | str, timeout: float = 60, *,
                renderer: Renderer | None = None) -> list[bytes]:
    """Several DOT sources in one run of the renderer, which saves its start-up for each (``--all``).

    The same errors as :func:`render`; ``timeout`` is for the whole run.
    """
    import tempfile

    chosen = _able(fmt, renderer)
    with tempfile.TemporaryDirectory(prefix="spbe-diagrams-") as folder:
        inputs = [Path(folder) / f"{i}.dot" for i in range(len(sources))]
        for path, source in zip(inputs, sources, strict=True):
            path.write_text(source, encoding="utf-8")
        _run([chosen.path, f"-T{fmt}", "-O", *map(str, inputs)], b"", timeout, chosen, expect_output=False)
        outputs = []
        for path in inputs:
            made = path.with_name(f"{path.name}.{fmt}")
            if not made.is_file() or made.stat().st_size == 0:
                raise SpbeError(f"the renderer {chosen.path} ({chosen.origin}) wrote no {fmt} for some views")
            outputs.append(made.read_bytes())
    return [declare_fonts(o) for o in outputs] if fmt == "svg" else outputs


def _run(args: list[str], data: bytes, timeout: float, renderer: Renderer, *, expect_output: bool = True) -> bytes:
    posix = os.name == "posix"
    try:
        process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=posix)
    except OSError as exc:
        raise SpbeError(f"cannot run the renderer {renderer.path} ({renderer.origin}): {exc.strerror or exc}") \
            from None
    try:
        stdout, stderr = process.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process, posix)
        raise RendererTimeout(f"the renderer {renderer.path} ({renderer.origin}) did not finish within {timeout:g} s "
                        "and was stopped") from None
    if process.returncode != 0 or (expect_output and not stdout):
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        reason = (f"was killed by signal {-process.returncode}" if process.returncode < 0
                  else f"failed with exit code {process.returncode}")
        shown = "; ".join(detail[-3:]) if detail else "no message"
        raise SpbeError(f"the renderer {renderer.path} ({renderer.origin}) {reason}: {shown}")
    return stdout


def _kill(process: subprocess.Popen[bytes], posix: bool) -> None:
    """Stop the renderer and anything it started, so that no pipe keeps us waiting."""
    with contextlib.suppress(OSError):
        if posix:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):  # a child that ignores SIGKILL is left behind
        process.communicate(timeout=5)


def declare_fonts(svg: bytes) -> bytes:
    """Let the SVG fall back to fonts with Arial's metrics, so that text fits its boxes without Arial."""
    return svg.replace(f'font-family="{theme.FONT}"'.encode(), f'font-family="{theme.FONT_STACK}"'.encode())
