"""Disjoint sets (union-find) of the duplicate finder: rows of one system, groups that hold one system.

Written here rather than taken from networkx, whose import alone costs more than a small inventory's
whole duplicate run."""

from __future__ import annotations

from typing import Generic, TypeVar

T = TypeVar("T", int, str)  # row indexes, application ids


class DisjointSets(Generic[T]):
    """Sets joined pair by pair; each named by its least member (so the result never depends on the
    order of the joins)."""

    def __init__(self) -> None:
        self.parent: dict[T, T] = {}

    def root(self, x: T) -> T:
        while self.parent.setdefault(x, x) != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, x: T, y: T) -> bool:
        """Join the sets of x and y; False when they were one already."""
        first, second = self.root(x), self.root(y)
        if first == second:
            return False
        low, high = (first, second) if first < second else (second, first)
        self.parent[high] = low
        return True

    def sets(self) -> list[list[T]]:
        """Every set of two or more, its members sorted, in the order of their least members."""
        members: dict[T, list[T]] = {}
        for x in sorted(self.parent):
            members.setdefault(self.root(x), []).append(x)
        return [m for m in members.values() if len(m) > 1]
