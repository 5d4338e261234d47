"""Measure the fast line reader (yamlfast) against the full event reader (yamlevents).

Reads every ``*.yaml`` file under a directory once into memory, then times both ways of reading on
each text in turn (the best of --repeat runs each, with the garbage-collector setting of a ``spbe``
process): the loader's (the fast reader, and the full one where it gives up) and the full reader
alone. Reports both totals, the speed-up, and the share of files that the fast reader accepted.

    python benchmarks/bench_reader.py DIR [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from spbe_arch.cli import configure_gc
from spbe_arch.yamlevents import read_document
from spbe_arch.yamlfast import read_simple


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    configure_gc()  # the garbage-collector setting of a `spbe` process
    texts = [path.read_text(encoding="utf-8-sig") for path in sorted(args.directory.rglob("*.yaml"))]
    clock = time.perf_counter
    fast = full = 0.0
    accepted = 0
    for text in texts:  # file by file, the two readers in turn: a busy machine slows both alike
        best_fast = best_full = float("inf")
        for _ in range(args.repeat):
            start = clock()
            doc = read_simple(text)
            if doc is None:
                read_document(text)
            best_fast = min(best_fast, clock() - start)
            start = clock()
            read_document(text)
            best_full = min(best_full, clock() - start)
        fast += best_fast
        full += best_full
        accepted += doc is not None
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
