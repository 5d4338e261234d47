"""Where `spbe diagram --view` writes: format from the option, else the file suffix, else svg."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_arch.diagrams.target import view_target
from spbe_arch.errors import UsageError


@pytest.mark.parametrize(
    ("formats", "output", "expected"),
    [
        ([], None, ("svg", Path("landscape.svg"), Path("landscape.dot"))),
        (["png"], None, ("png", Path("landscape.png"), Path("landscape.dot"))),
        ([], Path("out/x.mmd"), ("mermaid", Path("out/x.mmd"), Path("out/x.dot"))),
        (["mermaid"], None, ("mermaid", None, Path("landscape.dot"))),
        (["dot"], None, ("dot", None, Path("landscape.dot"))),
        (["svg"], Path("-"), ("svg", None, Path("landscape.dot"))),
        (["png"], Path("pic.svg"), ("png", Path("pic.svg"), Path("pic.dot"))),
    ],
)
def test_view_target(formats: list[str], output: Path | None, expected: tuple[str, Path | None, Path]) -> None:
    target = view_target("landscape", formats, output)
    assert (target.format, target.file, target.keep_dot) == expected


def test_one_view_takes_one_format() -> None:
    with pytest.raises(UsageError, match="one --format"):
        view_target("landscape", ["svg", "png"], None)
