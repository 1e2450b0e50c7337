"""Per-document CPU cost of `tmtool align` on small documents: warm (many documents in one
long-running process, the batch case) and cold (one document per fresh process).

The documents are the sample interview (Markdown, read, segmented and aligned on two levels,
as `tmtool align sources/interview.uk.md sources/interview.en.md` does) and the benchmark's
small presegmented books (23 to 141 verses a side). The baseline is another revision of
tmtool (by default the point where this branch left `main`), unpacked with `git archive`
into a temporary folder and imported from there; baseline and current code run in
alternating child processes (A B A B ...), so a change in the machine's load hits both
alike. CPU time (`time.process_time`, user + system), not wall time; per document the
median over all warm runs. The children also fingerprint every alignment (beads and
scores, exactly) so the table says whether both revisions gave the same output.

    python benchmarks/align_cost.py [--bench ../shared/bench] [--baseline REV] [--repeats 4]
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
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
first = {}
prints = {}
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


def run_child(root: Path, spec: dict[str, object]) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    # run from `root`: Python puts the working folder first on the import path
    result = subprocess.run([sys.executable, "-c", CHILD, json.dumps(spec)], check=True,
                            capture_output=True, text=True, env=env, cwd=root)
    found = dict(json.loads(result.stdout))
    if not str(found["module"]).startswith(str(root)):
        raise SystemExit(f"the child imported {found['module']}, not tmtool from {root}")
    return found


def cold_cpu(root: Path, out: Path, pycache: Path) -> float:
    """CPU seconds of one fresh `python -m tmtool align` on the sample. Compiled modules are
    kept in `pycache` (as an installed package keeps them), whatever PYTHONDONTWRITEBYTECODE
    says, so a run after the first does not compile tmtool again."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(root), PYTHONPYCACHEPREFIX=str(pycache))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sources = PROJECT / "sources"
    subprocess.run([sys.executable, "-m", "tmtool", "align", str(sources / "interview.uk.md"),
                    str(sources / "interview.en.md"), "-q", "-o", str(out)], check=True, cwd=root, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
    args = parser.parse_args()
    if not (args.bench / "data" / "docs").is_dir():
        parser.error(f"{args.bench} is not the benchmark kit (pass --bench)")
    revision = args.baseline or merge_base()
    spec = {"docs": documents(args.bench.resolve()), "rounds": args.rounds}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="align-cost-") as temp:
        roots = {"baseline": snapshot(revision, Path(temp) / "baseline"), "current": PROJECT}
        runs: dict[str, list[dict[str, object]]] = {"baseline": [], "current": []}
        cold: dict[str, list[float]] = {"baseline": [], "current": []}
        for _ in range(args.repeats):
            for label, root in roots.items():
                runs[label].append(run_child(root, spec))
        for label, root in roots.items():  # an uncounted first run compiles the modules
            cold_cpu(root, Path(temp) / f"{label}.tsv", Path(temp) / f"pycache-{label}")
        for _ in range(args.cold):
            for label, root in roots.items():
                cold[label].append(cold_cpu(root, Path(temp) / f"{label}.tsv", Path(temp) / f"pycache-{label}"))
    report(revision, spec, runs, cold, load_before, os.getloadavg())
    return 0


def report(revision: str, spec: dict[str, object], runs: dict[str, list[dict[str, object]]],
           cold: dict[str, list[float]], load_before: tuple[float, float, float],
           load_after: tuple[float, float, float]) -> None:
    def warm_ms(label: str, name: str) -> float:
        times = [t for run in runs[label] for t in run["warm_s"][name]]  # type: ignore[index]
        return 1000 * statistics.median(times)

    names = [doc[0] for doc in spec["docs"]]  # type: ignore[attr-defined]
    print(f"baseline {revision[:12]} vs current {PROJECT.name}; {os.cpu_count()} CPUs; "
          f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print("| document | baseline ms | current ms | current / baseline | same output |")
    print("|---|---:|---:|---:|---|")
    ratios = []
    for name in names:
        base, now = warm_ms("baseline", name), warm_ms("current", name)
        same = runs["baseline"][0]["prints"][name] == runs["current"][0]["prints"][name]  # type: ignore[index]
        ratios.append(now / base)
        print(f"| {name} | {base:.1f} | {now:.1f} | {now / base:.2f} | {'yes' if same else 'NO'} |")
    geometric = statistics.geometric_mean(ratios)
    print(f"| geometric mean of ratios | | | {geometric:.2f} | |")
    for label in ("baseline", "current"):
        imports = statistics.median(float(run["import_s"]) for run in runs[label])  # type: ignore[arg-type]
        first = statistics.median(float(run["first_s"][names[0]]) for run in runs[label])  # type: ignore[index]
        print(f"{label}: import of tmtool.align.batch {1000 * imports:.0f} ms CPU, first sample "
              f"alignment in a process {1000 * first:.0f} ms, whole `tmtool align` process on the "
              f"sample {1000 * statistics.median(cold[label]):.0f} ms CPU (median of {len(cold[label])})")
    print(f"cold process current / baseline: {statistics.median(cold['current']) / statistics.median(cold['baseline']):.2f}")


if __name__ == "__main__":
    sys.exit(main())
