"""Per-document CPU cost of `tmtool align` on small documents: warm (many documents in one
long-running process, the batch case) and cold (one document per fresh process).

The documents are the sample interview (Markdown, read, segmented and aligned on two levels,
as `tmtool align sources/interview.uk.md sources/interview.en.md` does) and the benchmark's
small presegmented books (23 to 141 verses a side). The baseline is another revision of
tmtool (by default the point where this branch left `main`), unpacked with `git archive`
into a temporary folder and imported from there; baseline and current code run in
alternating child processes (A B A B ...), so a change in the machine's load hits both
alike. CPU time (`time.process_time`, user + system), not wall time; per document the
median over all warm runs. Every child fingerprints every alignment (beads and scores,
exactly), and the table says whether both revisions gave the same output. Compiled modules
are cached per revision, as an installed package caches them.

`--instructions DOC ...` adds valgrind's instruction counts of one warm alignment of those
documents (callgrind, the difference between a child aligning the document twice more and
not at all after its first time): slow (about a minute per document and revision) but the
same on a busy machine as on a quiet one.

    python benchmarks/align_cost.py [--bench ../shared/bench] [--baseline REV] [--repeats 4]
                                    [--instructions "sample (md)" phi]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SMALL_BOOKS = ("phm", "jud", "tit", "phi", "jam", "gal")

CHILD = r"""
import hashlib, json, sys, time
start = time.process_time()
from tmtool.align.batch import AlignJob, align_job
imported = time.process_time()
spec = json.loads(sys.argv[1])
jobs = {name: AlignJob(src, tgt, "uk-UA", "en-GB", presegmented=pre) for name, src, tgt, pre in spec["docs"]}
first, prints = {}, {}
for name, job in jobs.items():
    t = time.process_time()
    doc = align_job(job)
    first[name] = time.process_time() - t
    prints[name] = hashlib.sha256(repr([(b.src, b.tgt, b.score) for b in doc.beads]).encode()).hexdigest()
warm = {name: [] for name in jobs}
for _ in range(spec["rounds"]):
    for name, job in jobs.items():
        t = time.process_time()
        align_job(job)
        warm[name].append(time.process_time() - t)
print(json.dumps({"import_s": imported - start, "first_s": first, "warm_s": warm, "prints": prints,
                  "module": __import__("tmtool").__file__}))
"""


@dataclass(frozen=True)
class ChildRun:
    """What one child process measured."""

    import_s: float  # importing tmtool.align.batch
    first_s: dict[str, float]  # each document's first alignment in the process
    warm_s: dict[str, list[float]]  # each document's later alignments
    prints: dict[str, str]  # each document's beads and scores, hashed


def snapshot(revision: str, into: Path) -> Path:
    """The `tmtool` package of `revision`, unpacked under `into`."""
    archive = subprocess.run(["git", "-C", str(PROJECT), "archive", revision, "tmtool"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def documents(bench: Path) -> list[tuple[str, str, str, bool]]:
    docs = [("sample (md)", str(PROJECT / "sources" / "interview.uk.md"),
             str(PROJECT / "sources" / "interview.en.md"), False)]
    for name in SMALL_BOOKS:
        folder = bench / "data" / "docs" / name
        docs.append((name, str(folder / "src.uk.txt"), str(folder / "tgt.en.txt"), True))
    return docs


def child_env(root: Path, pycache: Path) -> dict[str, str]:
    """Import tmtool from `root`, keeping compiled modules in `pycache` (as an installed package
    keeps them), whatever PYTHONDONTWRITEBYTECODE says."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(root), PYTHONPYCACHEPREFIX=str(pycache))
    return env


def run_child(root: Path, docs: list[tuple[str, str, str, bool]], rounds: int, pycache: Path) -> ChildRun:
    spec = json.dumps({"docs": docs, "rounds": rounds})
    # run from `root`: Python puts the working folder first on the import path
    result = subprocess.run([sys.executable, "-c", CHILD, spec], check=True, capture_output=True,
                            text=True, env=child_env(root, pycache), cwd=root)
    found = json.loads(result.stdout)
    if not str(found["module"]).startswith(str(root)):
        raise SystemExit(f"the child imported {found['module']}, not tmtool from {root}")
    return ChildRun(found["import_s"], found["first_s"], found["warm_s"], found["prints"])


def cold_cpu(root: Path, out: Path, pycache: Path) -> float:
    """CPU seconds of one fresh `python -m tmtool align` on the sample."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sources = PROJECT / "sources"
    subprocess.run([sys.executable, "-m", "tmtool", "align", str(sources / "interview.uk.md"),
                    str(sources / "interview.en.md"), "-q", "-o", str(out)], check=True, cwd=root,
                   env=child_env(root, pycache))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions(root: Path, doc: tuple[str, str, str, bool], pycache: Path) -> int:
    """Instructions of one warm alignment of `doc` (callgrind)."""
    counts = []
    for rounds in (0, 2):
        spec = json.dumps({"docs": [doc], "rounds": rounds})
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, "-c", CHILD, spec],
            check=True, capture_output=True, text=True, env=child_env(root, pycache), cwd=root,
        )
        found = re.search(r"Collected : (\d+)", result.stderr)
        if found is None:
            raise SystemExit(f"valgrind gave no instruction count:\n{result.stderr[-500:]}")
        counts.append(int(found.group(1)))
    return (counts[1] - counts[0]) // 2


def merge_base() -> str:
    return subprocess.run(["git", "-C", str(PROJECT), "merge-base", "HEAD", "main"], check=True,
                          capture_output=True, text=True).stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=PROJECT.parent / "shared" / "bench")
    parser.add_argument("--baseline", help="git revision to compare with (default: merge-base with main)")
    parser.add_argument("--repeats", type=int, default=4, help="child processes per revision")
    parser.add_argument("--rounds", type=int, default=5, help="warm runs of every document per child")
    parser.add_argument("--cold", type=int, default=5, help="fresh-process runs per revision")
    parser.add_argument("--instructions", nargs="*", default=[], metavar="DOC",
                        help="also count instructions of these documents with valgrind")
    args = parser.parse_args()
    if not (args.bench / "data" / "docs").is_dir():
        parser.error(f"{args.bench} is not the benchmark kit (pass --bench)")
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (apt-get install valgrind)")
    revision = args.baseline or merge_base()
    docs = documents(args.bench.resolve())
    load_before = os.getloadavg()
    runs: dict[str, list[ChildRun]] = {"baseline": [], "current": []}
    cold: dict[str, list[float]] = {"baseline": [], "current": []}
    with tempfile.TemporaryDirectory(prefix="align-cost-") as temp:
        roots = {"baseline": snapshot(revision, Path(temp) / "baseline"), "current": PROJECT}
        caches = {label: Path(temp) / f"pycache-{label}" for label in roots}
        for label, root in roots.items():  # an uncounted first run compiles the modules
            cold_cpu(root, Path(temp) / f"{label}.tsv", caches[label])
        for _ in range(args.repeats):
            for label, root in roots.items():
                runs[label].append(run_child(root, docs, args.rounds, caches[label]))
        for _ in range(args.cold):
            for label, root in roots.items():
                cold[label].append(cold_cpu(root, Path(temp) / f"{label}.tsv", caches[label]))
        counted = {doc[0]: {label: instructions(root, doc, caches[label]) for label, root in roots.items()}
                   for doc in docs if doc[0] in args.instructions}
    print(f"baseline {revision[:12]} vs current {PROJECT.name}; {os.cpu_count()} CPUs; load average "
          f"{load_before[0]:.2f} before, {os.getloadavg()[0]:.2f} after")
    report([name for name, *_ in docs], runs, cold)
    for name, count in counted.items():
        print(f"{name}: {count['baseline']:,} instructions per warm alignment before, {count['current']:,} now: "
              f"{count['current'] / count['baseline']:.2f}")
    return 0


def report(names: list[str], runs: dict[str, list[ChildRun]], cold: dict[str, list[float]]) -> None:
    def warm_ms(label: str, name: str) -> float:
        return 1000 * statistics.median(t for run in runs[label] for t in run.warm_s[name])

    def median_ms(values: list[float]) -> float:
        return 1000 * statistics.median(values)

    print("| document | baseline ms | current ms | current / baseline | same beads and scores |")
    print("|---|---:|---:|---:|---|")
    ratios = []
    for name in names:
        base, now = warm_ms("baseline", name), warm_ms("current", name)
        same = len({run.prints[name] for label in runs for run in runs[label]}) == 1
        ratios.append(now / base)
        print(f"| {name} | {base:.1f} | {now:.1f} | {now / base:.2f} | {'yes' if same else 'NO'} |")
    print(f"| geometric mean | | | {statistics.geometric_mean(ratios):.2f} | |")
    for label, children in runs.items():
        imports = median_ms([run.import_s for run in children])
        first = median_ms([run.first_s[names[0]] for run in children])
        print(f"{label}: import of tmtool.align.batch {imports:.0f} ms CPU; first alignment of the sample "
              f"in a process {first:.0f} ms; whole `tmtool align` process on the sample "
              f"{median_ms(cold[label]):.0f} ms CPU (median of {len(cold[label])})")
    ratio = statistics.median(cold["current"]) / statistics.median(cold["baseline"])
    print(f"cold process current / baseline: {ratio:.2f}")


if __name__ == "__main__":
    sys.exit(main())
