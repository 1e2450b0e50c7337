"""Run the shared alignment benchmark (../shared/bench) for tmtool and the kit's Gale-Church
baseline, and write the per-document table to benchmarks/results/align_bench.md.

    python benchmarks/align_bench.py [--bench ../shared/bench] [--runs 1] [--no-nt]

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=PROJECT.parent / "shared" / "bench")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--no-nt", action="store_true", help="skip the whole-NT scale document")
    parser.add_argument("--out", type=Path, default=PROJECT / "benchmarks" / "results" / "align_bench.md")
    args = parser.parse_args()
    bench = args.bench.resolve()
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
