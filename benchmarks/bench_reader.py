"""Measure the fast line reader (yamlfast) against the full event reader (yamlevents).

Reads every ``*.yaml`` file under a directory once into memory, then times both readers over all of
the texts (best of --repeat passes each) and reports their totals, the speed-up, and the share of
files that the fast reader accepted (the rest fall back to the full reader).

    python benchmarks/bench_reader.py DIR [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from spbe_arch.yamlevents import read_document
from spbe_arch.yamlfast import read_simple


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8-sig") for path in sorted(args.directory.rglob("*.yaml"))]
    fast = full = float("inf")
    accepted = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        accepted = sum(read_simple(text) is not None for text in texts)
        fast = min(fast, time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            read_document(text)
        full = min(full, time.perf_counter() - start)
    print(json.dumps({
        "files": len(texts),
        "megabytes": round(sum(len(text.encode()) for text in texts) / 1e6, 1),
        "fast_s": round(fast, 2),
        "full_s": round(full, 2),
        "speedup": round(full / fast, 1),
        "accepted_share": round(accepted / max(len(texts), 1), 3),
    }, indent=2))


if __name__ == "__main__":
    main()
