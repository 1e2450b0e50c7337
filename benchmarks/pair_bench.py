"""`tmtool pair` on generated archives of 500 to 10,000 document pairs: precision and recall of
the pairs, time and peak memory, and how they grow with the archive, against another git
revision on the same archives (`--baseline`, exported with `git archive`).

Each archive is `archive.py`'s (read its docstring: sections of New Testament chapters in md, txt,
html and docx/odt when available, under random names and folders, 10 % documents without a
counterpart on each side, near-duplicate revisions and drafts, dropped verses, re-paragraphed
translations, datelines on 30 %). Precision = right pairs / pairs written; recall = right pairs /
pairs in the gold. Documents meant to stay unpaired (drafts, documents without a translation)
count against precision when paired. Past 600 pairs the generator re-cuts the same verses, so
larger archives also hold partly overlapping documents (harder; see the "overlap" column);
"near-identical" counts the wrong pairs whose two documents share 80 % of their verses or more
(a translation in all but the gold's name: an English-only section of another cut that holds a
Ukrainian-only section's verses and one more). `--allow-duplicates` writes the archives of the
generator's first version, where a later cut could repeat a section exactly.

Seconds are wall time, CPU seconds those of the tmtool process and its reaped workers, peak MiB
the tmtool process's own (not its workers'). `--assignment` also compares the result with the
optimal assignment of the same candidates' fingerprint scores (scipy's linear_sum_assignment,
maximising the total score above --min-score), when scipy is installed. The machine is shared:
compare times within one run.

    python benchmarks/pair_bench.py [--sizes 500 1000 2000 5000] [--seed 1 2 3] [--no-dates]
        [--allow-duplicates] [-j 2] [--baseline main] [--assignment]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import available_formats, write_archive
from batch import export
from measure import run_tmtool

PROJECT = Path(__file__).resolve().parents[1]
NEAR_IDENTICAL = 0.8  # share of verses two documents hold in common
HEADER = ("| code | pairs | seed | uk docs | en docs | seconds | CPU s | peak MiB | precision | recall "
          "| wrong | near-identical | overlap |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def run_pair(code_root: Path, root: Path, jobs: int) -> dict[str, float]:
    return run_tmtool(["pair", "UK", "EN", "-o", "pairs.tsv", "--report", "report.json", "-q",
                       "-j", str(jobs)], code_root=code_root, cwd=root)


def score(pairs: list[tuple[str, str]], gold: list[tuple[str, str]]) -> tuple[float, float, int]:
    truth = dict(gold)
    right = sum(1 for src, tgt in pairs if truth.get(src) == tgt)
    return right / max(1, len(pairs)), right / max(1, len(gold)), len(pairs) - right


def near_identical(pairs: list[tuple[str, str]], gold: list[tuple[str, str]],
                   verses: dict[str, frozenset[str]]) -> int:
    """Wrong pairs whose documents share NEAR_IDENTICAL of the longer one's verses."""
    truth = dict(gold)
    return sum(1 for src, tgt in pairs if truth.get(src) != tgt
               and len(verses[src] & verses[tgt]) >= NEAR_IDENTICAL * max(len(verses[src]), len(verses[tgt])))


def optimal(report: dict[str, object], min_score: float) -> list[tuple[str, str]] | None:
    """The assignment maximising the total score above `min_score` over the same candidates."""
    try:
        import numpy
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        return None
    candidates = report["candidates"]
    assert isinstance(candidates, list)
    sources = sorted({c["src"] for c in candidates})
    targets = sorted({c["tgt"] for c in candidates})
    row = {s: n for n, s in enumerate(sources)}
    col = {t: n for n, t in enumerate(targets)}
    gain = numpy.zeros((len(sources), len(targets)))
    for c in candidates:
        gain[row[c["src"]], col[c["tgt"]]] = max(0.0, c["score"] - min_score + 1e-9)
    rows, cols = linear_sum_assignment(gain, maximize=True)
    return [(sources[r], targets[c]) for r, c in zip(rows, cols) if gain[r, c] > 0]


def measure_code(label: str, code_root: Path, root: Path, size: int, seed: int, gold: list[tuple[str, str]],
                 verses: dict[str, frozenset[str]], options: argparse.Namespace) -> None:
    measured = run_pair(code_root, root, options.jobs)
    lines = (root / "pairs.tsv").read_text(encoding="utf-8").splitlines()
    pairs = [(line.split("\t")[0], line.split("\t")[1]) for line in lines if not line.startswith("#")]
    precision, recall, wrong = score(pairs, gold)
    uk_docs = sum(1 for path in verses if path.startswith("UK"))
    overlap = "yes" if size > 600 else "no"  # one cut of the verses holds ~720 sections
    cpu = measured["cpu_self"] + measured["cpu_children"]
    print(f"| {label} | {size} | {seed} | {uk_docs} | {len(verses) - uk_docs} | {measured['seconds']:.1f} | "
          f"{cpu:.1f} | {measured['peak_mib']:.0f} | {precision:.4f} | {recall:.4f} | {wrong} | "
          f"{near_identical(pairs, gold, verses)} | {overlap} |", flush=True)
    if options.assignment:
        report = json.loads((root / "report.json").read_text(encoding="utf-8"))
        best = optimal(report, float(report["settings"]["min_score"]))
        if best is None:
            print("  (scipy not installed: no optimal assignment to compare)")
        else:
            p, r, w = score(best, gold)
            print(f"  optimal assignment of the same candidates' fingerprint scores: precision {p:.4f}, "
                  f"recall {r:.4f}, wrong {w}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    parser.add_argument("--seed", type=int, nargs="+", default=[1])
    parser.add_argument("--no-dates", action="store_true", help="no datelines in the documents")
    parser.add_argument("--allow-duplicates", action="store_true",
                        help="the generator's first version: a later cut may repeat a section")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--baseline", default="", help="git revision to run on the same archives too")
    parser.add_argument("--assignment", action="store_true", help="compare with scipy's optimum")
    options = parser.parse_args()
    print(f"formats: {', '.join(available_formats())}; datelines {'off' if options.no_dates else 'on'}; "
          f"{'duplicates allowed' if options.allow_duplicates else 'distinct documents'}; -j {options.jobs}")
    print(HEADER)
    with tempfile.TemporaryDirectory() as temp:
        codes = {"this": PROJECT}
        if options.baseline:
            codes[options.baseline] = export(options.baseline, Path(tempfile.mkdtemp(dir=temp)))
        for size in options.sizes:
            for seed in options.seed:
                root = Path(tempfile.mkdtemp(dir=temp))
                verses: dict[str, frozenset[str]] = {}
                gold = write_archive(root, size, seed=seed, dates=not options.no_dates,
                                     distinct=not options.allow_duplicates, verses=verses)
                for label, code_root in codes.items():
                    measure_code(label, code_root, root, size, seed, gold, verses, options)


if __name__ == "__main__":
    main()
