"""Speed and memory of the TMX core: write, then stream-read, a generated TMX of N units.

Prints units per second for `write_tmx`, for `read_tmx`, and for a bare lxml `iterparse`
pass over the same file (clearing as it goes: the practical limit of any streaming reader),
with the peak RSS of each phase. Reading phases run in their own subprocess so each peak
RSS is that phase's own. Targets: read >= 60 % of the bare rate; peak RSS < 150 MB.

Usage: python benchmarks/tmx_io.py [--units N] [--keep FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timezone

from lxml import etree

from tmtool.formats.tmx import TmxHeader, read_tmx, write_tmx
from tmtool.model import CodeKind, InlineCode, Segment, TranslationUnit, Variant

UK_WORDS = "договір набирає чинності з дати підписання сторонами та діє протягом року".split()
EN_WORDS = "the agreement enters into force on the date of signature and lasts a year".split()
DATE = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)


def _sentence(words: list[str], number: int, length: int) -> str:
    picked = [words[(number * 7 + k * 3) % len(words)] for k in range(length)]
    return " ".join(picked).capitalize() + f" {number}."


def generate_units(count: int) -> Iterator[TranslationUnit]:
    """Plain two-language units; every tenth carries a bold pair (Level-2 codes)."""
    bold_open = InlineCode(CodeKind.OPEN, 1, "<b>", "bold")
    bold_close = InlineCode(CodeKind.CLOSE, 1, "</b>", "bold")
    for number in range(count):
        length = 6 + number % 12
        uk_text = _sentence(UK_WORDS, number, length)
        en_text = _sentence(EN_WORDS, number, length)
        if number % 10 == 0:
            uk = Segment(("Натисніть ", bold_open, uk_text, bold_close))
            en = Segment(("Click ", bold_open, en_text, bold_close))
        else:
            uk, en = Segment.from_text(uk_text), Segment.from_text(en_text)
        yield TranslationUnit(
            (Variant("uk-UA", uk), Variant("en-GB", en)),
            tuid=f"u{number}",
            creation_date=DATE,
            change_date=DATE,
        )


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _read_phase(path: str) -> dict[str, float]:
    start = time.perf_counter()
    count = 0
    with open(path, "rb") as stream:
        for _unit in read_tmx(stream, name=path):
            count += 1
    return {"units": count, "seconds": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def _bare_phase(path: str) -> dict[str, float]:
    start = time.perf_counter()
    count = 0
    for _event, element in etree.iterparse(
        path, events=("end",), tag="tu", huge_tree=True, resolve_entities=False, no_network=True
    ):
        count += 1
        element.clear(keep_tail=False)
        parent = element.getparent()
        while element.getprevious() is not None:
            del parent[0]
    return {"units": count, "seconds": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}


def _in_subprocess(phase: str, path: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, __file__, "--phase", phase, path],
        check=True, capture_output=True, text=True,
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def _line(label: str, figures: dict[str, float]) -> str:
    rate = figures["units"] / figures["seconds"]
    return (
        f"{label:<22} {int(figures['units']):>10,} units {figures['seconds']:8.2f} s "
        f"{rate:>12,.0f} units/s   peak RSS {figures['rss_mb']:7.1f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--keep", help="write the TMX here and keep it")
    parser.add_argument("--phase", choices=("read", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("path", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        phase = _read_phase if args.phase == "read" else _bare_phase
        print(json.dumps(phase(args.path)))
        return
    handle, path = tempfile.mkstemp(suffix=".tmx") if not args.keep else (None, args.keep)
    if handle is not None:
        os.close(handle)
    try:
        start = time.perf_counter()
        with open(path, "wb") as stream:
            written = write_tmx(generate_units(args.units), stream, header=TmxHeader(creationdate=DATE))
        write = {"units": written, "seconds": time.perf_counter() - start, "rss_mb": _peak_rss_mb()}
        size_mb = os.path.getsize(path) / 1024 / 1024
        read = _in_subprocess("read", path)
        bare = _in_subprocess("bare", path)
        print(f"TMX file: {size_mb:,.1f} MB, {args.units:,} units (python {sys.version.split()[0]})")
        print(_line("write_tmx", write))
        print(_line("read_tmx", read))
        print(_line("bare lxml iterparse", bare))
        ratio = (read["units"] / read["seconds"]) / (bare["units"] / bare["seconds"])
        print(f"read_tmx / bare lxml: {ratio:.0%} (target >= 60%)")
    finally:
        if not args.keep:
            os.unlink(path)


if __name__ == "__main__":
    main()
