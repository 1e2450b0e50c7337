"""How fast the review page's first view is ready in headless Chromium, for a 5,000-bead
document aligned by tmtool, against a 100-bead page of the same text as the baseline.

    python benchmarks/review_page_load.py [--bench ../shared/bench] [--runs 5]

The document is the start of the kit's whole-New-Testament "scale" document (rebuilt in a
temporary folder by the kit's make_align_bench.py), cut after its first 5,000 gold beads and
aligned with `tmtool align --presegmented -o page.html`. Each load is a fresh navigation with
empty storage; "ready" is the page's own `performance.now()` once its first page of rows is
built and laid out (milliseconds since navigation started), "wall" is the time the WebDriver
`get` took. Needs the test extras (selenium) and Debian's chromium + chromium-driver.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.browser import Browser, chromium_available


def cut_document(nt: Path, beads: int, out: Path) -> None:
    """The first `beads` gold beads of the nt document, as src.uk.txt and tgt.en.txt."""
    gold = json.loads((nt / "gold.json").read_text(encoding="utf-8"))[:beads]
    src_end = max(i for b in gold for i in b[0]) + 1
    tgt_end = max(j for b in gold for j in b[1]) + 1
    out.mkdir()
    for name, end in (("src.uk.txt", src_end), ("tgt.en.txt", tgt_end)):
        lines = (nt / name).read_text(encoding="utf-8").splitlines()[:end]
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_page(folder: Path) -> tuple[Path, int]:
    page = folder / "page.html"
    subprocess.run([sys.executable, "-m", "tmtool", "align", "--presegmented", "-q", str(folder / "src.uk.txt"),
                    str(folder / "tgt.en.txt"), "-o", str(page)], check=True, cwd=PROJECT)
    text = page.read_text(encoding="utf-8")
    data = json.loads(text.split('id="review-data">', 1)[1].split("</script>", 1)[0])
    return page, len(data["beads"])


def measure(browser: Browser, page: Path, runs: int) -> tuple[list[float], list[float]]:
    ready, wall = [], []
    for _ in range(runs):
        browser.driver.get("about:blank")
        browser.driver.execute_script("try { localStorage.clear() } catch (e) {}")
        start = time.perf_counter()
        browser.driver.get(page.as_uri())
        ready.append(browser.wait_ready())
        wall.append((time.perf_counter() - start) * 1000)
    return ready, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", type=Path, default=PROJECT.parent / "shared" / "bench")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not chromium_available():
        print("review_page_load: needs chromium, chromedriver and selenium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="review-load-") as temp:
        work = Path(temp)
        subprocess.run([sys.executable, str(args.bench / "make_align_bench.py"), "--only", "nt",
                        "--out-dir", str(work)], check=True, capture_output=True)
        pages = {}
        for beads in (100, 5000):
            cut_document(work / "nt", beads, work / f"cut{beads}")
            pages[beads] = build_page(work / f"cut{beads}")
        sizes = {beads: page.stat().st_size for beads, (page, _) in pages.items()}
        browser = Browser(work / "downloads")
        try:
            version = browser.driver.capabilities.get("browserVersion", "?")
            results = {beads: measure(browser, page, args.runs) for beads, (page, _) in pages.items()}
        finally:
            browser.quit()
    print(f"headless Chromium {version}, {args.runs} fresh loads each (median / min, ms)")
    print("| page | beads | page size | ready (in page) | wall (WebDriver get) |")
    print("|---|---:|---:|---:|---:|")
    for beads, (_, count) in pages.items():
        ready, wall = results[beads]
        print(f"| {beads} gold beads | {count} | {sizes[beads] / 1e6:.2f} MB | "
              f"{statistics.median(ready):.0f} / {min(ready):.0f} | "
              f"{statistics.median(wall):.0f} / {min(wall):.0f} |")
    big, small = statistics.median(results[5000][0]), statistics.median(results[100][0])
    print(f"ratio 5,000 / 100 beads (ready, median): {big / small:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
