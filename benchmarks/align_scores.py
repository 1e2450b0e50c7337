"""How well `tmtool align`'s pair scores separate right pairs from wrong ones.

Over the benchmark's main set (gold.json of ../shared/bench/data/docs/*/), every predicted
bead with both sides is right when it is exactly a gold bead; the script prints, for right
and wrong beads, the share scoring < 0.5, >= 0.5 and >= 0.8, and the AUC (the chance that a
random right bead outscores a random wrong one) and the Brier score (mean squared error of
the score as a probability of being right; lower is better). `--sample` does the same on the sample
interview, whose reviewed golden TSV (tests/golden/align/sample/) says which pairs are right.

    python benchmarks/align_scores.py [--bench ../shared/bench] [--sample]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tmtool.align.pipeline import align_texts

PROJECT = Path(__file__).resolve().parents[1]


def auc(right: Sequence[float], wrong: Sequence[float]) -> float:
    """P(score of a right bead > score of a wrong one), ties counting half (rank-sum)."""
    if not right or not wrong:
        return float("nan")
    ranked = sorted([(s, 1) for s in right] + [(s, 0) for s in wrong])
    rank_sum = 0.0
    k = 0
    while k < len(ranked):
        end = k
        while end < len(ranked) and ranked[end][0] == ranked[k][0]:
            end += 1
        mid_rank = (k + 1 + end) / 2
        rank_sum += mid_rank * sum(flag for _, flag in ranked[k:end])
        k = end
    n1, n0 = len(right), len(wrong)
    return (rank_sum - n1 * (n1 + 1) / 2) / (n1 * n0)


def summary(label: str, right: Sequence[float], wrong: Sequence[float]) -> str:
    def shares(scores: Sequence[float]) -> str:
        if not scores:
            return "n=0"
        total = len(scores)
        low = sum(s < 0.5 for s in scores) / total
        mid = sum(s >= 0.5 for s in scores) / total
        high = sum(s >= 0.8 for s in scores) / total
        return f"n={total} <0.5 {low:.1%}  >=0.5 {mid:.1%}  >=0.8 {high:.1%}"

    brier = (sum((1 - s) ** 2 for s in right) + sum(s * s for s in wrong)) / max(len(right) + len(wrong), 1)
    return (f"{label}\n  right: {shares(right)}\n  wrong: {shares(wrong)}\n"
            f"  AUC {auc(right, wrong):.4f}  Brier {brier:.4f}")


def bench_scores(bench: Path) -> tuple[list[float], list[float]]:
    docs = bench / "data" / "docs"
    rows = (docs / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]
    right: list[float] = []
    wrong: list[float] = []
    for row in rows:
        name, which = row.split("\t")[:2]
        if which != "main":
            continue
        src = (docs / name / "src.uk.txt").read_text(encoding="utf-8").splitlines()
        tgt = (docs / name / "tgt.en.txt").read_text(encoding="utf-8").splitlines()
        gold = {(tuple(s), tuple(t)) for s, t in json.loads((docs / name / "gold.json").read_text(encoding="utf-8"))}
        doc_right = doc_wrong = 0
        for bead in align_texts(src, tgt):
            if not bead.is_pair():
                continue
            if (bead.src, bead.tgt) in gold:
                right.append(bead.score)
                doc_right += 1
            else:
                wrong.append(bead.score)
                doc_wrong += 1
        print(f"{name}: {doc_right} right, {doc_wrong} wrong pairs", file=sys.stderr)
    return right, wrong


def sample_scores() -> tuple[list[float], list[float]]:
    golden = PROJECT / "tests" / "golden" / "align" / "sample" / "interview.tsv"
    reviewed = {tuple(line.split("\t")[:2]) for line in golden.read_text(encoding="utf-8").splitlines()}
    with tempfile.TemporaryDirectory(prefix="align-scores-") as temp:
        out = Path(temp) / "s.tsv"
        subprocess.run(
            [sys.executable, "-m", "tmtool", "align", "sources/interview.uk.md", "sources/interview.en.md",
             "--format", "tsv", "-q", "-o", str(out)], check=True, cwd=PROJECT,
        )
        lines = out.read_text(encoding="utf-8").splitlines()[1:]  # after the locale header
    right: list[float] = []
    wrong: list[float] = []
    for line in lines:
        src, tgt, score = line.split("\t")[:3]
        (right if (src, tgt) in reviewed else wrong).append(float(score))
    return right, wrong


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=PROJECT.parent / "shared" / "bench")
    parser.add_argument("--sample", action="store_true", help="also score the sample interview")
    parser.add_argument("--no-bench", action="store_true", help="skip the benchmark's main set")
    args = parser.parse_args(argv)
    if not args.no_bench:
        print(summary("bench main set (pairs exactly in gold = right)", *bench_scores(args.bench)))
    if args.sample:
        print(summary("sample interview (pairs in the reviewed golden TSV = right)", *sample_scores()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
