"""Peak memory of `spbe validate` on one large element file (default 50 MB, within the 64 MiB limit).

Writes a workspace whose ``aplikasi.yaml`` holds enough applications to reach ``--mb`` megabytes, then
runs ``spbe validate`` in a fresh process, under an address-space cap of ``--cap-gb`` where the platform
allows it, and reports its wall time, peak resident memory and exit code (0 or 1 is a clean run; a
traceback or a memory error under the cap is a failure). Also reports the peak of a bare PyYAML C
parse of the same file, to tell the parser's share from the model's.

    python benchmarks/bench_big_file.py [--mb 50] [--cap-gb 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MANIFEST = """spbe: 1
government: {name: Pemerintah Kabupaten Besar, code: "99.99", kind: kabupaten}
period: {start: 2025, end: 2029}
"""
ORGS = "organizations:\n  - {id: diskominfo, name: Dinas Komunikasi dan Informatika, kind: dinas, affairs: ['2.16']}\n"

ENTRY = """  - id: app-{i:07d}
    name: Aplikasi Layanan Nomor {i} untuk Pengelolaan Data dan Informasi Perangkat Daerah
    description: Aplikasi contoh nomor {i} yang dibuat untuk mengukur memori validasi pada berkas yang sangat besar.
    owner: diskominfo
    kind: khusus
    source: lokal
    reference: RAA.02.02
"""

PARSE = """
import resource, sys, yaml
yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def write_workspace(root: Path, megabytes: float) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "spbe.yaml").write_text(MANIFEST, encoding="utf-8")
    (root / "organisasi.yaml").write_text(ORGS, encoding="utf-8")
    target = int(megabytes * 1_000_000)
    path = root / "aplikasi.yaml"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("applications:\n")
        size, i = 0, 0
        while size < target:
            text = ENTRY.format(i=i)
            handle.write(text)
            size += len(text.encode("utf-8"))
            i += 1
    return path


def _cap(gigabytes: float) -> None:
    limit = int(gigabytes * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def measure(command: list[str], cap_gb: float | None) -> dict[str, object]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          preexec_fn=(lambda: _cap(cap_gb)) if cap_gb else None)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_kb / 1024, 1),
            "exit_code": done.returncode, "traceback": "Traceback" in done.stderr,
            "last_line": (done.stdout.strip().splitlines() or done.stderr.strip().splitlines() or [""])[-1][:200]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--cap-gb", type=float, default=2.0)
    parser.add_argument("--keep", type=Path, help="write the workspace here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spbe-big-") as folder:
        root = args.keep or Path(folder) / "ws"
        path = write_workspace(root, args.mb)
        size = path.stat().st_size
        # validate first: the children's peak is a maximum over every child waited for so far
        validate = measure([sys.executable, "-m", "spbe_arch", "validate", str(root), "-f", "json"], args.cap_gb)
        parse = subprocess.run([sys.executable, "-c", PARSE, str(path)], capture_output=True, text=True,
                               check=False)
        result = {"file_mb": round(size / 1e6, 1), "cap_gb": args.cap_gb,
                  "pyyaml_c_parse_peak_mb": round(int(parse.stdout.strip() or 0) / 1024, 1), "validate": validate}
        validate["last_line"] = validate["last_line"] if validate["exit_code"] not in (0, 1) else ""
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
