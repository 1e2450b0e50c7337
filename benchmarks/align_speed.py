"""Time and peak memory of `tmtool.align` on document pairs of 1k, 10k and 50k segments a side.

The pairs are cut from (and, past its 7.4k verses, repeated from) the benchmark's whole-New-
Testament document, rebuilt into a temporary folder by `../shared/bench/make_align_bench.py`;
each size runs in a fresh process, which reports its own seconds and peak resident memory.

    python benchmarks/align_speed.py [--sizes 1000 10000 50000] [--bench ../shared/bench]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
from tmtool.align.pipeline import align_texts
src = open(sys.argv[1], encoding="utf-8").read().splitlines()
tgt = open(sys.argv[2], encoding="utf-8").read().splitlines()
start = time.perf_counter()
beads = align_texts(src, tgt)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"src": len(src), "tgt": len(tgt), "seconds": seconds, "peak_mib": peak,
                  "beads": len(beads)}))
"""


def build_nt(bench: Path, work: Path) -> tuple[list[str], list[str], list[tuple[list[int], list[int]]]]:
    subprocess.run(
        [sys.executable, str(bench / "make_align_bench.py"), "--only", "nt",
         "--out-dir", str(work)], check=True, stdout=subprocess.DEVNULL,
    )
    doc = work / "nt"
    src = (doc / "src.uk.txt").read_text(encoding="utf-8").splitlines()
    tgt = (doc / "tgt.en.txt").read_text(encoding="utf-8").splitlines()
    gold = [(b[0], b[1]) for b in json.loads((doc / "gold.json").read_text(encoding="utf-8"))]
    return src, tgt, gold


def cut(src: list[str], tgt: list[str], gold: list[tuple[list[int], list[int]]],
        size: int) -> tuple[list[str], list[str]]:
    """Whole beads, in order and repeating the document, until the source side has `size` lines."""
    out_src: list[str] = []
    out_tgt: list[str] = []
    while True:
        for src_ids, tgt_ids in gold:
            out_src.extend(src[i] for i in src_ids)
            out_tgt.extend(tgt[j] for j in tgt_ids)
            if len(out_src) >= size:
                return out_src, out_tgt


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--bench", type=Path, default=PROJECT.parent / "shared" / "bench")
    args = parser.parse_args()
    if not (args.bench / "make_align_bench.py").is_file():
        parser.error(f"{args.bench} has no make_align_bench.py (pass --bench)")
    with tempfile.TemporaryDirectory(prefix="align-speed-") as temp:
        work = Path(temp)
        src, tgt, gold = build_nt(args.bench, work)
        print("segments_src\tsegments_tgt\tseconds\tpeak_mib\tx_1k")
        first: float | None = None
        for size in args.sizes:
            src_part, tgt_part = cut(src, tgt, gold, size)
            src_path, tgt_path = work / f"{size}.uk.txt", work / f"{size}.en.txt"
            src_path.write_text("\n".join(src_part) + "\n", encoding="utf-8")
            tgt_path.write_text("\n".join(tgt_part) + "\n", encoding="utf-8")
            result = subprocess.run(
                [sys.executable, "-c", CHILD, str(src_path), str(tgt_path)],
                check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(PROJECT)},
            )
            row = json.loads(result.stdout)
            first = first or row["seconds"]
            print(f"{row['src']}\t{row['tgt']}\t{row['seconds']:.2f}\t{row['peak_mib']:.0f}\t"
                  f"{row['seconds'] / first:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
