"""The earlier import path of :mod:`spbe_arch.diff.sources`, kept so that code written against it still runs."""

from spbe_arch.diff.sources import compare, compare_folders, load_revision, load_version

__all__ = ["compare", "compare_folders", "load_revision", "load_version"]
