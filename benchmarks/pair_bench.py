"""`tmtool pair` on generated archives of 500 to 5,000 document pairs: precision and recall of the
pairs, time and peak memory, and how they grow with the archive.

Each archive is `archive.py`'s (read its docstring: sections of New Testament chapters in md, txt,
html and docx/odt when available, under random names and folders, 10 % documents without a
counterpart on each side, near-duplicate revisions and drafts, dropped verses, re-paragraphed
translations, datelines on 30 %). Precision = right pairs / pairs written; recall = right pairs /
pairs in the gold. Documents meant to stay unpaired (drafts, documents without a translation)
count against precision when paired. Past 600 pairs the generator re-cuts the same verses, so
larger archives also hold partly overlapping documents (harder; see the "overlap" column).

`--assignment` also compares tmtool's greedy assignment with the optimal one (scipy's
linear_sum_assignment on the same candidates, maximising the total score above --min-score),
when scipy is installed. The machine is shared: compare times within one run.

    python benchmarks/pair_bench.py [--sizes 500 1000 2000 5000] [--seed 1] [--no-dates] [-j 2]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from archive import available_formats, write_archive
from measure import run_tmtool

PROJECT = Path(__file__).resolve().parents[1]
def run_pair(root: Path, jobs: int) -> dict[str, float]:
    return run_tmtool(["pair", "UK", "EN", "-o", "pairs.tsv", "--report", "report.json", "-q",
                       "-j", str(jobs)], code_root=PROJECT, cwd=root)


def score(pairs: list[tuple[str, str]], gold: list[tuple[str, str]]) -> tuple[float, float, int]:
    truth = dict(gold)
    right = sum(1 for src, tgt in pairs if truth.get(src) == tgt)
    return right / max(1, len(pairs)), right / max(1, len(gold)), len(pairs) - right


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-dates", action="store_true", help="no datelines in the documents")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--assignment", action="store_true", help="compare with scipy's optimum")
    options = parser.parse_args()
    print(f"formats: {', '.join(available_formats())}; seed {options.seed}; datelines "
          f"{'off' if options.no_dates else 'on'}; -j {options.jobs}")
    print("| pairs | uk docs | en docs | seconds | s per 1k docs | peak MiB | precision | recall | "
          "wrong | overlap |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in options.sizes:
        with tempfile.TemporaryDirectory() as temp:
            root = Path(temp)
            kinds: dict[str, str] = {}
            gold = write_archive(root, size, seed=options.seed, dates=not options.no_dates, kinds=kinds)
            uk_docs = sum(1 for k in kinds if k.startswith("UK"))
            en_docs = len(kinds) - uk_docs
            measured = run_pair(root, options.jobs)
            lines = (root / "pairs.tsv").read_text(encoding="utf-8").splitlines()
            pairs = [tuple(line.split("\t")) for line in lines if not line.startswith("#")]
            precision, recall, wrong = score(pairs, gold)  # type: ignore[arg-type]
            overlap = "yes" if size > 600 else "no"  # one cut of the verses holds ~720 sections
            print(f"| {size} | {uk_docs} | {en_docs} | {measured['seconds']:.1f} | "
                  f"{1000 * measured['seconds'] / (uk_docs + en_docs):.2f} | {measured['peak_mib']:.0f} | "
                  f"{precision:.4f} | {recall:.4f} | {wrong} | {overlap} |", flush=True)
            if options.assignment:
                report = json.loads((root / "report.json").read_text(encoding="utf-8"))
                best = optimal(report, float(report["settings"]["min_score"]))
                if best is None:
                    print("  (scipy not installed: no optimal assignment to compare)")
                else:
                    p, r, w = score(best, gold)
                    print(f"  optimal assignment on the same candidates: precision {p:.4f}, "
                          f"recall {r:.4f}, wrong {w}")


if __name__ == "__main__":
    main()
