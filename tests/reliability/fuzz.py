"""A seeded mutation fuzzer of the example workspace: the same seed gives the same cases.

Each case copies the example, applies one to three mutations (hostile names, wrong types, huge
numbers, removed keys, duplicated or dangling ids, deep nesting, truncated or corrupted bytes,
an empty file), then runs two commands on it through :func:`harness.run`, which judges the answer.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from tests.reliability.harness import HOSTILE_NAMES, Outcome, run

EXAMPLE = Path(__file__).resolve().parents[2] / "models" / "kabupaten-pasuruan"
Leaf = tuple[Any, Any]  # (container, key or index)


def _leaves(data: Any) -> list[Leaf]:
    """Every (container, key) of the document, found without recursion."""
    found: list[Leaf] = []
    stack = [data]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
        for key, value in items:
            found.append((node, key))
            if isinstance(value, dict | list):
                stack.append(value)
    return found


def _ids(data: Any) -> list[str]:
    return [c[k] for c, k in _leaves(data) if k == "id" and isinstance(c[k], str)]


def _structural(rng: random.Random, data: Any, ids: list[str]) -> None:
    leaves = _leaves(data)
    if not leaves:
        return
    container, key = rng.choice(leaves)
    kind = rng.randrange(8)
    if kind == 0:
        container[key] = rng.choice(HOSTILE_NAMES)
    elif kind == 1:
        container[key] = rng.choice([10**400, -1, 1e308, float("inf"), None, True, [], {}, "", "x" * 5000,
                                     [[[[[["deep"]]]]]], {"id": "x"}, 2**63, "2025-13-45", "RAA.99.99.99.99"])
    elif kind == 2 and isinstance(container, dict):
        del container[key]
    elif kind == 3 and isinstance(container, list) and isinstance(container[key], dict):
        container.append(dict(container[key]))  # the same id twice
    elif kind == 4 and ids:
        container[key] = rng.choice([*ids, "tidak-ada", "a" * 240])  # a dangling or arbitrary reference
    elif kind == 5:
        nested: Any = "dasar"
        for _ in range(rng.choice([50, 500])):
            nested = [nested]
        container[key] = nested
    elif kind == 6 and isinstance(container, dict):
        container[rng.choice(["ignore", "properties", "tags", "parent", "located_in", "budget"])] = \
            rng.choice(HOSTILE_NAMES)
    else:
        container[key] = rng.choice(HOSTILE_NAMES) * rng.randint(1, 3)


def _raw(rng: random.Random, raw: bytes) -> bytes:
    kind = rng.randrange(5)
    cut = rng.randrange(len(raw) + 1)
    if kind == 0:
        return raw[:cut]
    if kind == 1:
        return raw[:cut] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + raw[cut:]
    if kind == 2:
        return b""
    if kind == 3:
        return raw[:cut] + rng.choice([b"\t", b": :", b"- [", b"{", b"&a *a", b"!!python/object:os.system", b"\x00",
                                       b"\xff\xfe", b"<<: *x", b"---\n...\n"]) + raw[cut:]
    return raw.replace(b"  ", b" ", 1)


def mutate(rng: random.Random, ws: Path) -> list[str]:
    """Apply one to three mutations to the workspace at ``ws``; what was done, for the report."""
    files = sorted(p for p in ws.rglob("*.yaml") if ".schema" not in p.parts and ".labels" not in p.parts)
    done = []
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(files)
        rel = path.relative_to(ws).as_posix()
        raw = path.read_bytes()
        if rng.random() < 0.25:
            path.write_bytes(_raw(rng, raw))
            done.append(f"{rel}: bytes")
            continue
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError:
            continue
        ids = _ids(data)
        _structural(rng, data, ids)
        try:
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        except (yaml.YAMLError, RecursionError, ValueError):
            continue
        path.write_text(text, encoding="utf-8")
        done.append(f"{rel}: structure")
    return done


Command = Callable[[Path, Path, random.Random], list[str]]
COMMANDS: list[tuple[str, Command, list[str]]] = [
    ("validate", lambda ws, out, rng: ["validate", str(ws)], []),
    ("validate-github", lambda ws, out, rng: ["validate", str(ws), "-f", "github"], []),
    ("validate-json", lambda ws, out, rng: ["validate", str(ws), "-f", "json"], []),
    ("stats", lambda ws, out, rng: ["stats", str(ws)], []),
    ("show", lambda ws, out, rng: ["show", rng.choice(["app-simpeg", "diskominfo", "tidak-ada"]), "-w", str(ws)], []),
    ("diagram-dot", lambda ws, out, rng: ["diagram", str(ws), "--view", "landscape", "-f", "dot", "-o",
                                          str(out / "l.dot")], ["out"]),
    ("diagram-mermaid", lambda ws, out, rng: ["diagram", str(ws), "--view", "integration", "-f", "mermaid", "-o",
                                              str(out / "i.mmd")], ["out"]),
    ("archi-csv", lambda ws, out, rng: ["export", "archi-csv", str(ws), "-o", str(out / "csv")], ["out"]),
    ("doc-md", lambda ws, out, rng: ["doc", str(ws), "-f", "md", "-o", str(out / "d.md")], ["out"]),
    ("duplicates-csv", lambda ws, out, rng: ["duplicates", str(ws), "-f", "csv"], []),
]


def run_case(seed: int, index: int, sandbox: Path, *, timeout: int = 120) -> list[Outcome]:
    """Case ``index`` of the run seeded ``seed``: a mutated copy of the example and two commands."""
    rng = random.Random(f"{seed}:{index}")
    case_dir = sandbox / f"case-{index}"
    ws = case_dir / "ws"
    shutil.copytree(EXAMPLE, ws, ignore=shutil.ignore_patterns(".schema", "README.md"))
    done = mutate(rng, ws)
    outcomes = []
    for name, make, allowed in rng.sample(COMMANDS, 2):
        label = f"fuzz {seed}:{index} {name} [{'; '.join(done)}]"
        outcomes.append(run(label, make(ws, case_dir / "out", rng), case_dir, allowed=allowed, timeout=timeout))
    shutil.rmtree(case_dir, ignore_errors=True)
    return outcomes


__all__ = ["COMMANDS", "mutate", "run_case"]
