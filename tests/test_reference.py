"""The national reference catalogue shipped in domains/."""

from __future__ import annotations

import pytest

from spbe_arch.errors import SpbeError
from spbe_arch.reference import CODE_RE, Code, load_catalogue


def test_every_domain_is_loaded_with_its_levels() -> None:
    cat = load_catalogue()
    counts = {d: len(cat.domain(d)) for d in ("RAB", "RAL", "RAD", "RAA", "RAI", "RAK")}
    assert counts == {"RAB": 358, "RAL": 55, "RAD": 59, "RAA": 6, "RAI": 10, "RAK": 12}
    assert max(c.level for c in cat.domain("RAB")) == 3
    assert all(CODE_RE.match(c) for c in cat.codes)
    assert all(c.parent is None or c.parent in cat for c in cat.codes.values())


def test_lookup_parent_children_and_search() -> None:
    cat = load_catalogue()
    code = cat.get("RAB.09.06.03")
    assert code is not None and code.name == "Penataan Sumber Daya Manusia Aparatur"
    assert cat.parent("RAB.09.06.03") == cat.get("RAB.09.06")
    assert [c.code for c in cat.ancestors("RAB.09.06.03")] == ["RAB.09.06", "RAB.09"]
    assert [c.code for c in cat.children("RAA.02")] == ["RAA.02.01", "RAA.02.02"]
    assert [c.code for c in cat.search("sistem penghubung")] == ["RAI.02.02"]
    assert {c.code for c in cat.search("KEARSIPAN", "RAB")} == {"RAB.09.06.06"}


def test_codes_are_sorted_numerically() -> None:
    codes = [c.code for c in load_catalogue().domain("RAL")]
    assert codes.index("RAL.01.02") < codes.index("RAL.01.10") < codes.index("RAL.02")


def test_extensions_merge_without_replacing_national_codes() -> None:
    cat = load_catalogue()
    merged = cat.with_extensions([Code("RAA.02.02.01", "Kepegawaian", local=True),
                                  Code("RAA.02", "Should not replace", local=True)])
    assert merged.codes["RAA.02.02.01"].local
    assert merged.codes["RAA.02"].name == "Aplikasi Khusus"
    assert "RAA.02.02.01" not in cat


def test_unknown_version() -> None:
    with pytest.raises(SpbeError, match=r"perpres-132-2022"):
        load_catalogue("perpres-1-1900")


def test_select_by_domain_code_and_words() -> None:
    cat = load_catalogue()
    assert [c.code for c in cat.select("raa")] == ["RAA.01", "RAA.01.01", "RAA.01.02", "RAA.02", "RAA.02.01",
                                                   "RAA.02.02"]
    assert [c.code for c in cat.select("RAA.02")] == ["RAA.02", "RAA.02.01", "RAA.02.02"]
    assert [c.code for c in cat.select("RAA", "tertentu")] == ["RAA.02.01", "RAA.02.02"]
    assert [c.code for c in cat.select(None, "sistem penghubung")] == ["RAI.02.02"]
    with pytest.raises(SpbeError, match="neither a domain"):
        cat.select("XYZ")
