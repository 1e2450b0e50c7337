"""`tmtool align --pairs` on 300 and 3,000 documents: documents per second, the client's peak
memory, and CPU seconds per document, for -j 1, -j 2 and --cluster local (2 workers), against
the same runs of another git revision (default: main, exported with `git archive`, so its
worktree is never touched).

The documents are Markdown, text and HTML files of five consecutive verses of the benchmark
kit's New Testament (../shared/bench/data), repeated past its 7,955 verses. Each run is a fresh
process that runs the CLI and reports, at exit, its own peak resident memory (the client only,
not the worker processes) and the CPU seconds of itself and of its reaped children (the workers;
see measure.py). The target: the client's peak for 3,000
documents within +15 % of its peak for 300. The machine is shared: compare ratios within one run.

    python benchmarks/batch.py [--sizes 300 3000] [--modes j1 j2 cluster] [--baseline main]
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import load_verses, render
from measure import run_tmtool

PROJECT = Path(__file__).resolve().parents[1]
MODES = {"j1": ["-j", "1"], "j2": ["-j", "2"], "cluster": ["--cluster", "local", "-j", "2"]}
VERSES_PER_DOCUMENT = 5

def write_documents(folder: Path, count: int) -> Path:
    """`count` document pairs of five verses in md/txt/html and their manifest."""
    uk, en = load_verses("uk_nt_1903.tsv.gz"), load_verses("en_kjv_nt.tsv.gz")
    verses = [v for v in uk if v in en]
    rng = random.Random(count)
    rows = []
    for number in range(count):
        start = (number * VERSES_PER_DOCUMENT) % (len(verses) - VERSES_PER_DOCUMENT)
        chosen = verses[start:start + VERSES_PER_DOCUMENT]
        for side, table in (("uk", uk), ("en", en)):
            fmt = rng.choice(["md", "txt", "html"])
            body = [" ".join(table[v] for v in chosen[:2]), " ".join(table[v] for v in chosen[2:])]
            path = folder / side / f"{number:05d}.{fmt}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(None, body, fmt), encoding="utf-8")
            rows.append(str(path.relative_to(folder)))
    manifest = folder / "pairs.tsv"
    manifest.write_text("".join(f"{a}\t{b}\n" for a, b in zip(rows[::2], rows[1::2])), encoding="utf-8")
    return manifest


def export(revision: str, into: Path) -> Path:
    """The tmtool package of `revision`, exported from git (no worktree is touched)."""
    archive = subprocess.run(["git", "-C", str(PROJECT), "archive", revision, "tmtool"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def run(code_root: Path, manifest: Path, args: list[str], work: Path) -> dict[str, float]:
    output = work / "out.tmx"
    result = run_tmtool(["align", "--pairs", str(manifest), "-o", str(output), "-q", *args],
                        code_root=code_root, cwd=work)
    output.unlink()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000])
    parser.add_argument("--modes", nargs="+", default=list(MODES), choices=list(MODES))
    parser.add_argument("--baseline", default="main", help="git revision to compare ('' for none)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        manifests = {size: write_documents(work / f"docs{size}", size) for size in options.sizes}
        codes = {"this": PROJECT}
        if options.baseline:
            codes[options.baseline] = export(options.baseline, Path(tempfile.mkdtemp(dir=temp)))
        print(f"| code | mode | documents | seconds | documents/s | client peak MiB | peak vs "
              f"{options.sizes[0]} | CPU s/document |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for label, root in codes.items():
            for mode in options.modes:
                if mode == "cluster" and label != "this":
                    continue  # older revisions have no --cluster
                first = None
                for size in options.sizes:
                    result = run(root, manifests[size], MODES[mode], work)
                    first = first or result["peak_mib"]
                    cpu = (result["cpu_self"] + result["cpu_children"]) / size
                    print(f"| {label} | {mode} | {size} | {result['seconds']:.1f} | "
                          f"{size / result['seconds']:.1f} | {result['peak_mib']:.1f} | "
                          f"{100 * (result['peak_mib'] / first - 1):+.1f} % | {cpu:.4f} |", flush=True)


if __name__ == "__main__":
    main()
