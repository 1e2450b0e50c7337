"""Run the shared alignment benchmark (../shared/bench) for tmtool and the kit's Gale-Church
baseline, and write the per-document table to benchmarks/results/align_bench.md.

    python benchmarks/align_bench.py [--bench ../shared/bench] [--runs 1] [--no-nt]
    python benchmarks/align_bench.py --held-out    # only the held-out books, printed

`--held-out` scores the New Testament books outside the main set (never used while
developing the aligner), cut by book from the "nt" document and its gold.

The whole-NT "scale" document is not stored in the kit; it is rebuilt into a temporary folder
with the kit's make_align_bench.py (deterministic). hunalign is not installed here, so its
figures are the kit README's reference results, quoted, not re-measured.
"""
from __future__ import annotations

import argparse
import csv
import json
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
TMTOOL = f"{shlex.quote(sys.executable)} -m tmtool align --presegmented {{src}} {{tgt}} --format json -q -o {{out}}"
BASELINE = f"{shlex.quote(sys.executable)} {{bench}}/baseline_gale_church.py {{src}} {{tgt}} -o {{out}}"
HUNALIGN_REFERENCE = "hunalign tokenized + lowercased `-realign` (kit README): main F1 0.856, nt F1 0.931 in 7.02 s"


def run(bench: Path, label: str, command: str, docs: Path, which: str, runs: int, tsv: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(bench / "run_bench.py"), "--label", label, "--cmd", command,
         "--docs", str(docs), "--set", which, "--runs", str(runs), "--tsv", str(tsv)],
        check=True, capture_output=True, text=True, cwd=PROJECT,
    )
    sys.stderr.write(result.stdout)
    return result.stdout


def read_rows(tsv: Path) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    rows: dict[str, dict[str, str]] = {}
    pooled: dict[str, float] = {}
    with open(tsv, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("# pooled "):
                pooled = json.loads(line[len("# pooled "):])
    with open(tsv, encoding="utf-8") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            rows[row["doc"]] = row
    return rows, pooled


def held_out(bench: Path) -> int:
    """Align and score every NT book outside the main set, cut from the nt document."""
    sys.path.insert(0, str(bench))
    import eval_align  # type: ignore[import-not-found]

    main_books = {row.split("\t")[2] for row in (bench / "data" / "docs" / "manifest.tsv")
                  .read_text(encoding="utf-8").splitlines()[1:] if row.split("\t")[1] == "main"}
    with tempfile.TemporaryDirectory(prefix="align-heldout-") as temp:
        work = Path(temp)
        subprocess.run([sys.executable, str(bench / "make_align_bench.py"), "--only", "nt",
                        "--out-dir", str(work)], check=True, capture_output=True)
        doc = work / "nt"
        src = (doc / "src.uk.txt").read_text(encoding="utf-8").splitlines()
        tgt = (doc / "tgt.en.txt").read_text(encoding="utf-8").splitlines()
        meta = json.loads((doc / "meta.json").read_text(encoding="utf-8"))
        books: dict[str, list[list[list[int]]]] = {}
        for bead in json.loads((doc / "gold.json").read_text(encoding="utf-8")):
            verses = meta["src_verses"][bead[0][0]] if bead[0] else meta["tgt_verses"][bead[1][0]]
            books.setdefault(verses[0].split(".")[0], []).append(bead)
        pairs, found, total = [], 0, 0
        for name, beads in books.items():
            if name in main_books:
                continue
            s0 = min(i for b in beads for i in b[0])
            t0 = min(j for b in beads for j in b[1])
            s1 = max(i for b in beads for i in b[0]) + 1
            t1 = max(j for b in beads for j in b[1]) + 1
            (work / "s.txt").write_text("\n".join(src[s0:s1]) + "\n", encoding="utf-8")
            (work / "t.txt").write_text("\n".join(tgt[t0:t1]) + "\n", encoding="utf-8")
            subprocess.run([sys.executable, "-m", "tmtool", "align", "--presegmented", "-q",
                            str(work / "s.txt"), str(work / "t.txt"), "-o", str(work / "o.json")],
                           check=True, cwd=PROJECT)
            gold = [(tuple(i - s0 for i in b[0]), tuple(j - t0 for j in b[1])) for b in beads]
            pred = eval_align.load_beads(str(work / "o.json"), "json")
            pairs.append((gold, pred))
            ones = [b for b in gold if len(b[0]) == 1 and len(b[1]) == 1]
            found += sum(b in set(pred) for b in ones)
            total += len(ones)
            print(f"{name}\t{s1 - s0}\t{t1 - t0}\tF1={eval_align.score([(gold, pred)])['f1_strict']:.4f}")
    pooled = eval_align.score(pairs)
    print(f"held-out pooled: F1_strict={pooled['f1_strict']:.4f} F1_lax={pooled['f1_lax']:.4f}; "
          f"gold 1-1 pairs found as one bead: {found}/{total} = {found / total:.4f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=PROJECT.parent / "shared" / "bench")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-nt", action="store_true", help="skip the whole-NT scale document")
    parser.add_argument("--held-out", action="store_true", help="score the held-out NT books only")
    parser.add_argument("--out", type=Path, default=PROJECT / "benchmarks" / "results" / "align_bench.md")
    args = parser.parse_args()
    bench = args.bench.resolve()
    if args.held_out:
        return held_out(bench)
    docs = bench / "data" / "docs"
    with tempfile.TemporaryDirectory(prefix="align-bench-") as temp:
        work = Path(temp)
        results = {}
        for label, template in (("tmtool", TMTOOL), ("gale-church", BASELINE)):
            command = template.replace("{bench}", shlex.quote(str(bench)))
            run(bench, label, command, docs, "main", args.runs, work / f"{label}.tsv")
            results[label] = read_rows(work / f"{label}.tsv")
        nt_rows = {}
        if not args.no_nt:
            scale = work / "docs"
            subprocess.run([sys.executable, str(bench / "make_align_bench.py"), "--only", "nt",
                            "--out-dir", str(scale)], check=True, capture_output=True)
            (scale / "manifest.tsv").write_text((docs / "manifest.tsv").read_text(encoding="utf-8")
                                                + "", encoding="utf-8")
            for label, template in (("tmtool", TMTOOL), ("gale-church", BASELINE)):
                command = template.replace("{bench}", shlex.quote(str(bench)))
                run(bench, label, command, scale, "scale", args.runs, work / f"{label}-nt.tsv")
                nt_rows[label] = read_rows(work / f"{label}-nt.tsv")[0].get("nt")
    lines = [
        "# Alignment benchmark: tmtool vs the kit's Gale-Church baseline",
        "",
        "Produced by `python benchmarks/align_bench.py` (runs `../shared/bench/run_bench.py` with",
        f"`{TMTOOL.replace(shlex.quote(sys.executable), 'python')}`; {args.runs} run(s) per document,",
        "median wall-clock seconds, strict F1 as in the kit's eval_align.py).",
        "",
        "| doc | uk lines | en lines | tmtool F1 strict | tmtool F1 lax | tmtool s | Gale-Church F1 strict | GC s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    ours, gc = results["tmtool"][0], results["gale-church"][0]
    for name, row in ours.items():
        base = gc.get(name, {})
        lines.append(f"| {name} | {row['src']} | {row['tgt']} | {row['F1_strict']} | {row['F1_lax']} | "
                     f"{row['median_s']} | {base.get('F1_strict', '-')} | {base.get('median_s', '-')} |")
    pooled_ours, pooled_gc = results["tmtool"][1], results["gale-church"][1]
    lines.append(f"| **main, pooled** | | | **{pooled_ours['f1_strict']:.4f}** | {pooled_ours['f1_lax']:.4f} | | "
                 f"{pooled_gc['f1_strict']:.4f} | |")
    for label, row in nt_rows.items():
        if row:
            lines.append(f"| nt ({label}) | {row['src']} | {row['tgt']} | {row['F1_strict']} | {row['F1_lax']} | "
                         f"{row['median_s']} (peak {row['peak_mib']} MiB) | | |")
    lines += ["", f"Reference, not re-measured: {HUNALIGN_REFERENCE}.", ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    old = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    marker = "## Speed"
    tail = old[old.index(marker):] if marker in old else ""
    args.out.write_text("\n".join(lines) + ("\n" + tail if tail else ""), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
