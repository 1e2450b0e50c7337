"""Speed and memory of `tmtool lint`: 100,000 generated bilingual units against a generated
5,000-entry glossary, and the same units against 500 entries.

The glossary looks like a real name glossary: Ukrainian people and places (surnames in
-енко, -ський, -чук, -ович…, places in -івка, -ове, -ськ…) with KMU-55 English renderings
and forbidden variants; each unit names one of them in an inflected Ukrainian case (genitive,
dative, instrumental, locative) beside its English rendering, and one unit in fifty carries
a forbidden spelling. Each run is its own subprocess, so its peak RSS is its own; lint
times leave out the time spent generating the units.
Targets: >= 10,000 units/s with 5,000 entries; the 5,000-entry run <= 2x the 500-entry run.

Usage: python benchmarks/lint_speed.py [--units N] [--entries N] [--small N] [--keep DIR] [--pipeline]
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from tmtool.findings import Finding
from tmtool.lang.translit import transliterate
from tmtool.lint.units import LintUnit, TextSide

# (nominative, instrumental ending, genitive ending), endings replacing a final й/а/о/ь
FIRST_NAMES = [("Олександр", "ом", "а"), ("Андрій", "єм", "я"), ("Богдан", "ом", "а"),
               ("Василь", "ем", "я"), ("Дмитро", "ом", "а"), ("Іван", "ом", "а"),
               ("Микола", "ою", "и"), ("Петро", "ом", "а"), ("Тарас", "ом", "а"),
               ("Юрій", "єм", "я"), ("Остап", "ом", "а"), ("Григорій", "єм", "я")]
ONSETS = ["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц",
          "ч", "ш", "бр", "гр", "др", "кр", "пр", "тр", "ст", "сл", "зв", "хм", "шв"]
VOWELS = ["а", "о", "е", "и", "і", "у"]
# suffix: (nominative, genitive, dative, instrumental, locative)
SURNAMES = [("енко", "енка", "енкові", "енком", "енкові"), ("ський", "ського", "ському", "ським", "ському"),
            ("чук", "чука", "чукові", "чуком", "чукові"), ("ович", "овича", "овичу", "овичем", "овичу"),
            ("ук", "ука", "укові", "уком", "укові"), ("ин", "ина", "инові", "ином", "инові")]
PLACES = [("івка", "івки", "івці", "івкою", "івці"), ("ове", "ового", "овому", "овим", "овому"),
          ("ськ", "ська", "ську", "ськом", "ську"), ("иця", "иці", "иці", "ицею", "иці")]
# (case, Ukrainian frame, English frame): people appear in three cases, places in two.
PERSON_FRAMES = [("ins", "Ми довго говорили з {uk} про війну.", "We talked with {en} about the war for a long time."),
                 ("gen", "Книжку {uk} видали торік.", "The book by {en} came out last year."),
                 ("dat", "Лист надіслали {uk} у березні.", "The letter was sent to {en} in March.")]
PLACE_FRAMES = [("loc", "Зустріч відбулася в {uk} минулого року.", "The meeting took place in {en} last year."),
                ("gen", "Дорога до {uk} забрала два дні.", "The road to {en} took two days.")]
CODAS = ["в", "д", "к", "л", "м", "н", "р", "с", "т", "ш", "ц"]


def _stem(rng: random.Random) -> str:
    syllables = rng.randint(2, 3)
    stem = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables))
    stem += rng.choice(CODAS)
    return stem[0].upper() + stem[1:]


def _misspell(en: str) -> str:
    """A realistic wrong rendering: Russian-style G for H, or a swapped y/i."""
    if "h" in en.lower():
        return en.replace("h", "g").replace("H", "G").replace("Zg", "Zh").replace("Kg", "Kh") \
            .replace("Sg", "Sh").replace("Cg", "Ch").replace("zg", "zh").replace("kg", "kh") \
            .replace("sg", "sh").replace("cg", "ch")
    if "y" in en:
        return en.replace("y", "i")
    return en.replace("i", "y")


def generate_glossary(count: int, seed: int = 7) -> list[dict[str, str]]:
    """`count` unique people and places, each with its case forms kept for the units."""
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    while len(rows) < count:
        stem = _stem(rng)
        if rng.random() < 0.7:
            first, first_ins, first_gen = rng.choice(FIRST_NAMES)
            first_stem = first[:-1] if first.endswith(("й", "а", "о", "ь")) else first
            suffix = rng.choice(SURNAMES)
            surname = stem + suffix[0]
            uk = f"{first} {surname}"
            forms = {"gen": f"{first_stem}{first_gen} {stem}{suffix[1]}", "dat": f"{stem}{suffix[2]}",
                     "ins": f"{first_stem}{first_ins} {stem}{suffix[3]}", "loc": f"{stem}{suffix[4]}"}
            kind, cell_uk = "person", f"{uk} | {surname}"
        else:
            suffix = rng.choice(PLACES)
            uk = stem + suffix[0]
            forms = {"gen": stem + suffix[1], "dat": stem + suffix[2], "ins": stem + suffix[3],
                     "loc": stem + suffix[4]}
            kind, cell_uk = "place", uk
        en = transliterate(uk)
        if en.casefold() in seen or uk.casefold() in seen:
            continue
        seen.update({en.casefold(), uk.casefold()})
        wrong = _misspell(en)
        if wrong == en or wrong.casefold() in seen:
            continue
        seen.add(wrong.casefold())
        rows.append({
            "id": f"{kind}.{len(rows):05d}", "type": kind, "uk": cell_uk, "en": en,
            "en_allowed": en.split()[-1] if kind == "person" else "", "en_forbidden": wrong,
            "en_historical": "", "note": "", **{f"_{k}": v for k, v in forms.items()},
            "_frames": kind,
        })
    return rows


def write_glossary(rows: list[dict[str, str]], path: Path) -> None:
    columns = ["id", "type", "uk", "en", "en_allowed", "en_forbidden", "en_historical", "note"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def generate_units(rows: list[dict[str, str]], count: int, seed: int = 11) -> Iterator[LintUnit]:
    """Bilingual units naming glossary entries in inflected Ukrainian; 1 in 50 is wrong."""
    rng = random.Random(seed)
    for number in range(count):
        row = rows[rng.randrange(len(rows))]
        frames = PERSON_FRAMES if row["_frames"] == "person" else PLACE_FRAMES
        case, uk_frame, en_frame = frames[rng.randrange(len(frames))]
        en_name = row["en_forbidden"] if number % 50 == 0 else row["en"]
        line = number * 4 + 3
        yield LintUnit("bench.tmx", TextSide(en_frame.format(en=en_name), line + 1, lang="en", exact=False),
                       TextSide(uk_frame.format(uk=row[f"_{case}"]), line, lang="uk", exact=False),
                       str(number + 1))


def run_one(glossary: Path, units: int, entries: int) -> dict[str, float]:
    """One timed run in this process (called in a child process)."""
    from tmtool.glossary import load_glossary
    from tmtool.lint.engine import Linter, LintOptions

    rows = generate_glossary(entries)
    generation_started = time.perf_counter()
    for _unit in generate_units(rows, units):  # the cost of making the units, subtracted below
        pass
    generation_s = time.perf_counter() - generation_started
    started = time.perf_counter()
    linter = Linter(load_glossary([glossary]), LintOptions())
    compiled = time.perf_counter()
    findings = 0
    for unit in generate_units(rows, units):
        findings += len(linter.check(unit))
    findings += len(linter.finish())
    lint_s = time.perf_counter() - compiled - generation_s
    return {
        "entries": entries, "units": units, "findings": findings,
        "compile_s": compiled - started, "lint_s": lint_s,
        "units_per_s": units / lint_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def write_units_tmx(rows: list[dict[str, str]], count: int, path: Path) -> None:
    """The same units as a TMX file, for a run through the whole `tmtool lint` pipeline."""
    from tmtool.formats.tmx import TmxHeader, write_tmx
    from tmtool.model import Segment, TranslationUnit, Variant

    def tus() -> Iterator[TranslationUnit]:
        for unit in generate_units(rows, count):
            assert unit.source is not None and unit.target is not None
            yield TranslationUnit((Variant("uk-UA", Segment.from_text(unit.source.text)),
                                   Variant("en-GB", Segment.from_text(unit.target.text))),
                                  tuid=unit.unit_id)

    with open(path, "wb") as handle:
        write_tmx(tus(), handle, header=TmxHeader())


def run_pipeline(glossary: Path, tmx: Path) -> dict[str, float]:
    """Read, lint and fingerprint a TMX file as `tmtool lint` does (called in a child)."""
    from tmtool.glossary import load_glossary
    from tmtool.lint.engine import Linter, LintOptions
    from tmtool.lint.session import LintRequest, run_lint

    started = time.perf_counter()
    linter = Linter(load_glossary([glossary]), LintOptions())
    compiled = time.perf_counter()

    def lint_all(units: Iterable[LintUnit]) -> list[Finding]:
        found = [f for unit in units for f in linter.check(unit)]
        return found + linter.finish()

    outcome = run_lint(LintRequest(paths=(str(tmx),)), lint_all)
    lint_s = time.perf_counter() - compiled
    return {
        "entries": 0, "units": outcome.units, "findings": len(outcome.findings),
        "compile_s": compiled - started, "lint_s": lint_s, "units_per_s": outcome.units / lint_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child(glossary: Path, units: int, entries: int, tmx: Path | None = None) -> dict[str, float]:
    extra = ["--child-tmx", str(tmx)] if tmx else []
    completed = subprocess.run(
        [sys.executable, __file__, "--child", str(glossary), "--units", str(units),
         "--entries", str(entries), *extra],
        capture_output=True, text=True, check=True,
    )
    result: dict[str, float] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=5_000)
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="keep the generated glossaries in this folder")
    parser.add_argument("--pipeline", action="store_true",
                        help="also time the whole pipeline (TMX reading, columns, fingerprints)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-tmx", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        if args.child_tmx:
            print(json.dumps(run_pipeline(args.child, args.child_tmx)))
        else:
            print(json.dumps(run_one(args.child, args.units, args.entries)))
        return
    with tempfile.TemporaryDirectory() as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        results = []
        piped: dict[str, float] | None = None
        for entries in (args.entries, args.small):
            path = folder / f"glossary-{entries}.csv"
            write_glossary(generate_glossary(entries), path)
            results.append(_child(path, args.units, entries))
        if args.pipeline:
            tmx = folder / "units.tmx"
            write_units_tmx(generate_glossary(args.entries), args.units, tmx)
            piped = _child(folder / f"glossary-{args.entries}.csv", args.units, args.entries, tmx)
    for r in results:
        print(f"{int(r['entries']):>6} entries: {int(r['units'])} units in {r['lint_s']:.2f} s "
              f"= {r['units_per_s']:,.0f} units/s; glossary compiled in {r['compile_s']:.2f} s; "
              f"{int(r['findings'])} findings; peak RSS {r['peak_rss_mb']:.0f} MB")
    if piped is not None:
        print(f"whole pipeline from a TMX file, {args.entries} entries: {int(piped['units'])} units "
              f"in {piped['lint_s']:.2f} s = {piped['units_per_s']:,.0f} units/s; "
              f"peak RSS {piped['peak_rss_mb']:.0f} MB")
    big, small = results
    print(f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          "(other processes slow every figure down)")
    ratio = big["lint_s"] / small["lint_s"]
    print(f"time ratio {int(big['entries'])}/{int(small['entries'])} entries: {ratio:.2f}x "
          f"(target <= 2x); speed target >= 10,000 units/s: "
          f"{'met' if big['units_per_s'] >= 10_000 else 'NOT met'}")


if __name__ == "__main__":
    main()
