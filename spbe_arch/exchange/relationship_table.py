"""The ArchiMate 3.1 relationship table: which relationships may join which two element types.

Read from Archi's ``relationships-3.1.xml`` (bundled), the same table Archi's editor and its
"invalid relations" check use, so that a file we write never shows a relationship Archi rejects.
"""

from __future__ import annotations

import functools

from spbe_arch.exchange.xmlsafe import data_path

# Relationship names as the exchange format writes them (xsi:type), by the table's letter.
RELATIONSHIP_LETTERS: dict[str, str] = {
    "a": "Access", "c": "Composition", "f": "Flow", "g": "Aggregation", "i": "Assignment",
    "n": "Influence", "o": "Association", "r": "Realization", "s": "Specialization", "t": "Triggering",
    "v": "Serving",
}
RELATIONSHIP_TYPES: frozenset[str] = frozenset(RELATIONSHIP_LETTERS.values())


@functools.lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], frozenset[str]]:
    from lxml import etree

    keys_root = etree.parse(str(data_path("archimate-relationships", "relationships-keys.xml"))).getroot()
    letters = {
        key.get("char"): key.get("relationship", "").removesuffix("Relationship")
        for key in keys_root if isinstance(key.tag, str)
    }
    if letters != RELATIONSHIP_LETTERS:  # pragma: no cover - guards an edited data file
        raise RuntimeError("relationships-keys.xml does not hold the expected ArchiMate letters")
    root = etree.parse(str(data_path("archimate-relationships", "relationships-3.1.xml"))).getroot()
    table: dict[tuple[str, str], frozenset[str]] = {}
    for source in root:
        if not isinstance(source.tag, str):
            continue
        for target in source:
            if not isinstance(target.tag, str):
                continue
            allowed = frozenset(letters[c] for c in target.get("relations", ""))
            table[(source.get("concept", ""), target.get("concept", ""))] = allowed
    return table


def allowed(source_type: str, target_type: str) -> frozenset[str]:
    """The relationship types ArchiMate 3.1 allows from ``source_type`` to ``target_type``."""
    return _table().get((source_type, target_type), frozenset())


def is_allowed(relationship: str, source_type: str, target_type: str) -> bool:
    return relationship in allowed(source_type, target_type)


def element_types() -> frozenset[str]:
    """Every element type the table knows (without Junction and the 'Relationship' pseudo-target)."""
    return frozenset(s for s, _ in _table()) - {"Junction"}
