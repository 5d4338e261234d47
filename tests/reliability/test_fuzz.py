"""The mutation fuzzer of the example, a bounded number of seeded cases (more with SPBE_FUZZ_CASES)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from tests.reliability.fuzz import EXAMPLE, mutate, run_case

SEED = 20261206
CASES = int(os.environ.get("SPBE_FUZZ_CASES", "6"))


def test_the_mutations_are_deterministic(tmp_path: Path) -> None:
    import shutil

    results = []
    for name in ("a", "b"):
        shutil.copytree(EXAMPLE, tmp_path / name)
        done = mutate(random.Random("7:3"), tmp_path / name)
        results.append((done, {p.relative_to(tmp_path / name).as_posix(): p.read_bytes()
                               for p in (tmp_path / name).rglob("*.yaml")}))
    assert results[0] == results[1] and results[0][0]


@pytest.mark.parametrize("index", range(CASES))
def test_mutated_example_gets_a_clean_answer(tmp_path: Path, index: int) -> None:
    for outcome in run_case(SEED, index, tmp_path):
        assert outcome.category in ("ok", "clean-error"), (outcome.case, outcome.detail, outcome.output[-1500:])


@pytest.mark.slow
@pytest.mark.parametrize("index", range(CASES, CASES + 30))
def test_more_mutated_examples(tmp_path: Path, index: int) -> None:
    for outcome in run_case(SEED, index, tmp_path):
        assert outcome.category in ("ok", "clean-error"), (outcome.case, outcome.detail, outcome.output[-1500:])
