"""The duplicate groups in the document: a page's worth of whole groups per figure, numbered as in the
table, so that no printed group is cut across two pages."""

from __future__ import annotations

from pathlib import Path

from spbe_arch.diagrams import theme
from spbe_arch.diagrams.views.duplicates import build_duplicates, page_parts
from spbe_arch.document.views import duplicate_specs
from spbe_arch.duplicates import find_duplicates
from spbe_arch.loader import open_workspace


def test_the_groups_are_drawn_a_page_at_a_time(example: Path) -> None:
    workspace, _ = open_workspace(example)
    groups = find_duplicates(workspace, language="id").groups
    parts = page_parts(workspace)
    assert len(parts) > 1
    # every group once, in order, none cut
    assert [p for part in parts for p in part] == list(range(len(groups)))
    assert all(len(part) <= theme.DUPLICATE_PAGE_GROUPS for part in parts)
    specs = duplicate_specs(workspace)
    assert [s.key for s in specs] == ["kelompok-duplikasi", *(f"kelompok-duplikasi-{n}"
                                                              for n in range(2, len(parts) + 1))]
    last = parts[-1]
    shown = f"{last.start + 1}" if len(last) == 1 else f"{last.start + 1}–{last.stop}"
    assert specs[-1].caption == f"Kelompok duplikasi aplikasi (kelompok {shown} dari {len(groups)})"
    second = build_duplicates(workspace, parts[1])
    # the groups keep the numbers the table gives them
    assert sorted(c.title.split(":")[0] for c in second.clusters.values()) == sorted(
        f"Kelompok {p + 1}" for p in parts[1])
    assert "digraph" in (specs[1].dot() or "")


def test_a_few_groups_are_one_figure(small: Path) -> None:
    workspace, _ = open_workspace(small)
    specs = duplicate_specs(workspace)
    assert [(s.key, s.caption) for s in specs] == [("kelompok-duplikasi", "Kelompok duplikasi aplikasi")]


def test_no_part_of_the_example_is_cut_across_pages(example: Path) -> None:
    from spbe_arch.document import prepare
    from spbe_arch.document.printing import MIN_FONT_PT
    from spbe_arch.validate import validate

    workspace, _ = open_workspace(example)
    figures = prepare(validate(workspace)).figures
    keys = figures.keys("kelompok-duplikasi")
    assert len(keys) > 1
    for key in keys:
        plan = figures.print_plan(key)
        # each part fits one page with its text at the floor or above: no group is cut in two
        assert plan is not None and plan.tiles is None and plan.min_font >= MIN_FONT_PT, key
