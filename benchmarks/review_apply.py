"""How far a review takes the alignment: on every document of the shared benchmark, confirm
the gold bead wherever `tmtool align` missed it, run `tmtool align --apply`, and score.

    python benchmarks/review_apply.py [--bench ../shared/bench] [--rounds 3] [--no-nt]

Round 1 is the issue's measure: one decision (a confirmed gold bead, as a reviewer would make
it in the page) for every gold bead the aligner did not find exactly, then one `--apply`. The
free spans between the confirmed beads are aligned again, so a further round confirms whatever
that re-alignment still got wrong, until nothing is left or `--rounds` is reached. Everything
goes through the command line (`python -m tmtool align`) and the kit's own scorer
(eval_align.py, strict F1). Results: printed, and written to benchmarks/results/review_apply.md.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
Bead = tuple[tuple[int, ...], tuple[int, ...]]


def tmtool_align(src: Path, tgt: Path, out: Path, *extra: str) -> float:
    """Run the CLI; returns its wall-clock seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tmtool", "align", "--presegmented", str(src), str(tgt),
                    "--format", "json", "-q", "-o", str(out), *extra], check=True, cwd=PROJECT)
    return time.perf_counter() - start


def read_beads(path: Path) -> list[Bead]:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["beads"] if isinstance(data, dict) else data
    return [(tuple(b["src"]), tuple(b["tgt"])) if isinstance(b, dict) else (tuple(b[0]), tuple(b[1]))
            for b in items]


def write_log(path: Path, src: Path, tgt: Path, beads: list[Bead]) -> None:
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (src, tgt)]
    decisions = [{"src": list(s), "tgt": list(t), "status": "confirmed"} for s, t in beads]
    path.write_text(json.dumps({"src_sha256": digest[0], "tgt_sha256": digest[1],
                                "decisions": decisions}, indent=0), encoding="utf-8")


def review_document(name: str, folder: Path, work: Path, rounds: int, scorer: Any) -> dict[str, Any]:
    """Align, then confirm the missed gold beads and apply, round after round."""
    src, tgt = folder / "src.uk.txt", folder / "tgt.en.txt"
    gold = read_beads(folder / "gold.json")
    pred_path = work / f"{name}.json"
    align_s = tmtool_align(src, tgt, pred_path)
    before = pred = read_beads(pred_path)
    confirmed: list[Bead] = []
    history: list[tuple[int, float, list[Bead], float]] = []  # decisions, F1, prediction, seconds
    for _ in range(rounds):
        missed = [b for b in gold if b not in set(pred) and b not in confirmed]
        if not missed:
            break
        confirmed += missed
        log = work / f"{name}.review.json"
        write_log(log, src, tgt, sorted(confirmed, key=lambda b: (b[0] or b[1])[0]))
        seconds = tmtool_align(src, tgt, pred_path, "--apply", str(log))
        pred = read_beads(pred_path)
        history.append((len(missed), scorer.score([(gold, pred)])["f1_strict"], pred, seconds))
    return {"doc": name, "gold": gold, "before": before, "f1_before": scorer.score([(gold, before)])["f1_strict"],
            "history": history, "decisions": len(confirmed), "align_s": align_s}


def documents(bench: Path, with_nt: bool, work: Path) -> list[tuple[str, Path]]:
    lines = (bench / "data" / "docs" / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]
    found = [(cells[0], bench / "data" / "docs" / cells[0]) for cells in (line.split("\t") for line in lines)
             if cells[1] == "main"]
    if with_nt:  # the scale document is not stored in the kit; it is rebuilt deterministically
        subprocess.run([sys.executable, str(bench / "make_align_bench.py"), "--only", "nt",
                        "--out-dir", str(work)], check=True, capture_output=True)
        found.append(("nt", work / "nt"))
    return found


def table(rows: list[dict[str, Any]], scorer: Any) -> list[str]:
    out = [("| doc | gold beads | strict F1 before | decisions, round 1 | strict F1 after round 1 | "
            "rounds | decisions in all | strict F1 at the end | align s | apply s (round 1) |"),
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        history = row["history"] or [(0, row["f1_before"], row["before"], 0.0)]
        out.append(f"| {row['doc']} | {len(row['gold'])} | {row['f1_before']:.4f} | {history[0][0]} | "
                   f"{history[0][1]:.4f} | {len(row['history'])} | {row['decisions']} | {history[-1][1]:.4f} | "
                   f"{row['align_s']:.2f} | {history[0][3]:.2f} |")
    main = [r for r in rows if r["doc"] != "nt"]
    before = scorer.score([(r["gold"], r["before"]) for r in main])["f1_strict"]
    after = scorer.score([(r["gold"], r["history"][0][2] if r["history"] else r["before"]) for r in main])
    decided = sum(r["history"][0][0] for r in main if r["history"])
    out.append(f"| **main, pooled** | {sum(len(r['gold']) for r in main)} | {before:.4f} | {decided} | "
               f"{after['f1_strict']:.4f} | | | | | |")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=PROJECT.parent / "shared" / "bench")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-nt", action="store_true", help="leave out the 7.4k-line scale document")
    parser.add_argument("--results", type=Path, default=PROJECT / "benchmarks" / "results" / "review_apply.md")
    args = parser.parse_args()
    sys.path.insert(0, str(args.bench))
    import eval_align  # type: ignore[import-not-found]

    rows = []
    with tempfile.TemporaryDirectory(prefix="review-apply-") as temp:
        work = Path(temp)
        for name, folder in documents(args.bench, not args.no_nt, work):
            rows.append(review_document(name, folder, work, args.rounds, eval_align))
            print(f"{name}: " + ", ".join(f"{d} decisions -> F1 {f:.4f}" for d, f, _, _ in rows[-1]["history"]),
                  file=sys.stderr)
    text = "\n".join(table(rows, eval_align)) + "\n"
    print(text)
    args.results.write_text(HEADER + text, encoding="utf-8")
    return 0


HEADER = """# Review by confirmation: `tmtool align --apply` on the shared benchmark

Produced by `python benchmarks/review_apply.py`. For every document, each gold bead that
`tmtool align --presegmented` did not find exactly is confirmed in an edit log (one decision
each), and `tmtool align --apply LOG` aligns again; strict F1 by the kit's `eval_align.py`.
Round 1 is that single pass; later rounds confirm what the re-alignment of the free spans
still got wrong. Seconds are one wall-clock run of the CLI (Python start-up included).

"""

if __name__ == "__main__":
    sys.exit(main())
