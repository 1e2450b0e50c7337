"""Translation-memory lookup at scale: import rate, store size, lookup latency and recall
against brute force, on SQLite and on PostgreSQL.

Data (`tm_corpus.py`): N distinct Ukrainian-English pairs (default 1,000,000), generated
from real Ukrainian and English text, with near-duplicate clusters; queries: edited copies of
stored sentences (1-3 edits: a word substituted, deleted, inserted, inflected or moved, case,
punctuation, a number) and sentences never stored.

Two brute-force baselines scan every stored sentence for every query:
- `rapidfuzz scan`: `process.extract(query, all_sentences, scorer=fuzz.ratio, limit=5)` over
  the characters, the issue's baseline (timed; its results are not tmtool's percentage);
- `oracle`: the exact best matches by tmtool's own percentage: a rapidfuzz scan of every
  sentence's stem sequence (one character per distinct stem, `Levenshtein`), which bounds the
  percentage from above, then the percentage itself on every sentence the bound cannot rule
  out. Recall is measured against the oracle:
  * best found: the lookup's first match has the oracle's best score (queries whose best
    is >= --min; a tie with another unit counts, as the order among equals is arbitrary);
  * matches found: of the oracle's top --limit matches >= --min, how many the lookup's list
    matches (as a multiset of scores, for the same reason).
Latency is the wall time of `tmtool.tm.lookup.lookup` per query, second pass (warm cache,
as a user repeating lookups has); the first pass is printed too.

Usage:
  python benchmarks/tm_lookup.py --units 1000000 --backend both
  python benchmarks/tm_lookup.py --units 50000 --queries 200     (a quick run)
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import pickle
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tm_corpus import Corpus, Query

from tmtool.model import Segment, TranslationUnit, Variant
from tmtool.tm.lookup import LookupOptions, Match, lookup
from tmtool.tm.similarity import match_score
from tmtool.tm.store import MemoryStore, open_store
from tmtool.tm.tokens import MatchTokens, text_tokens


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def units_of(pairs: list[tuple[str, str]]) -> Iterator[TranslationUnit]:
    for number, (uk, en) in enumerate(pairs, start=1):
        yield TranslationUnit((Variant("uk-UA", Segment.from_text(uk)),
                               Variant("en-GB", Segment.from_text(en))), tuid=str(number))


def build(store: MemoryStore, pairs: list[tuple[str, str]], batch: int) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    report = store.import_units(units_of(pairs), batch_size=batch)
    assert report.added == len(pairs), report
    return time.perf_counter() - wall, time.process_time() - cpu


class Oracle:
    """Exact best matches by tmtool's percentage, by a scan of every stored sentence."""

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = sentences
        self.codes: dict[str, str] = {}
        self.encoded = [self.encode(text_tokens(text)) for text in sentences]
        text_tokens.cache_clear()

    def encode(self, tokens: MatchTokens) -> str:
        out = []
        for stem in tokens.stems:
            code = self.codes.get(stem)
            if code is None:
                number = len(self.codes) + 0x100
                number += 0x800 if number >= 0xD800 else 0  # skip surrogates
                code = self.codes[stem] = chr(number)
            out.append(code)
        return "".join(out)

    def best(self, query: str, floor: int, limit: int) -> list[int]:
        """The top `limit` scores >= `floor`, best first."""
        tokens = text_tokens(query)
        if not tokens.stems:
            return []
        found = process.extract(self.encode(tokens), self.encoded,
                                scorer=Levenshtein.normalized_similarity,
                                score_cutoff=floor / 100, limit=None)
        found.sort(key=lambda item: -item[1])
        scores: list[int] = []
        for _code, bound, index in found:
            if len(scores) >= limit and bound * 100 < scores[limit - 1]:
                break
            score = match_score(tokens, text_tokens(self.sentences[index]))
            if score >= floor:
                scores.append(score)
                scores.sort(reverse=True)
        return scores[:limit]


def run_lookups(store: MemoryStore, queries: list[Query], options: LookupOptions
                ) -> tuple[list[list[Match]], list[float], list[float]]:
    passes: list[list[float]] = []
    results: list[list[Match]] = []
    for _ in range(2):
        times, results = [], []
        for query in queries:
            start = time.perf_counter()
            results.append(lookup(store, query.uk, options))
            times.append(time.perf_counter() - start)
        passes.append(times)
    return results, passes[0], passes[1]


def recall(results: list[list[Match]], oracle: list[list[int]], queries: list[Query],
           floor: int, kind: str | None = None) -> tuple[int, int, int, int]:
    """(queries with a best >= floor, best found, oracle matches >= floor, found)."""
    with_best = best_found = wanted = got = 0
    for matches, best, query in zip(results, oracle, queries):
        if kind and query.kind != kind:
            continue
        expected = [score for score in best if score >= floor]
        if not expected:
            continue
        with_best += 1
        mine = [m.score for m in matches if m.score >= floor]
        best_found += bool(mine) and mine[0] == expected[0]
        wanted += len(expected)
        got += sum((Counter(expected) & Counter(mine)).values())
    return with_best, best_found, wanted, got


def report_backend(name: str, size: int, import_s: tuple[float, float], units: int,
                   runs: dict[int, tuple[list[list[Match]], list[float], list[float]]],
                   oracles: dict[int, list[list[int]]], queries: list[Query],
                   brute_p95: tuple[float, float]) -> None:
    wall, cpu = import_s
    print(f"\n== {name}")
    print(f"import: {units:,} units in {wall:.1f} s wall ({units / wall:,.0f} units/s), "
          f"{cpu:.1f} s CPU of this process; store {size / 2**20:,.0f} MiB")
    for floor, (results, first, second) in sorted(runs.items(), reverse=True):
        for label, times in (("first pass", first), ("second pass", second)):
            ms = [t * 1000 for t in times]
            print(f"lookup --min {floor} {label}: p50 {percentile(ms, .5):.1f} ms, "
                  f"p95 {percentile(ms, .95):.1f} ms, p99 {percentile(ms, .99):.1f} ms, "
                  f"max {max(ms):.1f} ms")
        p95 = percentile(second, .95)
        print(f"  p95 speed-up: {brute_p95[0] / p95:.1f}x over the rapidfuzz scan, "
              f"{brute_p95[1] / p95:.1f}x over the oracle scan")
        oracle = oracles[floor]
        for kind in (None, "edited", "unrelated"):
            with_best, best, wanted, got = recall(results, oracle, queries, floor, kind)
            if with_best:
                print(f"  min {floor} {kind or 'all':9}: best found {best}/{with_best} "
                      f"({100 * best / with_best:.1f} %), matches found {got}/{wanted} "
                      f"({100 * got / max(wanted, 1):.1f} %)")


def sqlite_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def postgres_size(store: MemoryStore) -> int:
    conn = store.conn  # type: ignore[attr-defined]
    row = conn.execute("SELECT sum(pg_total_relation_size(oid)) FROM pg_class "
                       "WHERE relname IN ('tm_units', 'tm_segments', 'tm_postings')").fetchone()
    return int(row[0])


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--unrelated", type=float, default=0.3, help="share of never-stored queries")
    parser.add_argument("--min", type=int, default=70)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database (default: start one)")
    parser.add_argument("--batch", type=int, default=10_000, help="units per import transaction")
    parser.add_argument("--brute-queries", type=int, default=0,
                        help="time the rapidfuzz scan on this many queries (default: all)")
    parser.add_argument("--workdir", help="where the SQLite file goes (default: a temp folder)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--cache", help="keep the brute-force results in this file and reuse "
                        "them when the data settings are the same")
    return parser.parse_args()


def make_data(args: argparse.Namespace) -> tuple[list[tuple[str, str]], list[Query]]:
    start = time.perf_counter()
    corpus = Corpus(args.seed)
    pairs = list(corpus.pairs(args.units))
    stored = [uk for uk, _ in pairs]
    queries = corpus.queries(stored, args.queries, args.unrelated, set(stored))
    words = statistics.mean(len(uk.split()) for uk in stored[:100_000])
    print(f"data: {len(pairs):,} pairs (mean {words:.1f} words in Ukrainian), "
          f"{len(queries)} queries ({sum(q.kind == 'edited' for q in queries)} edited), "
          f"made in {time.perf_counter() - start:.0f} s")
    return pairs, queries


def brute_force(args: argparse.Namespace, stored: list[str], queries: list[Query]
                ) -> tuple[dict[int, list[list[int]]], tuple[float, float]]:
    start = time.perf_counter()
    oracle = Oracle(stored)
    floors = sorted({args.min, 50})
    oracles: dict[int, list[list[int]]] = {floor: [] for floor in floors}
    oracle_times = []
    for query in queries:
        began = time.perf_counter()
        scores = oracle.best(query.uk, floors[0], args.limit)
        oracle_times.append(time.perf_counter() - began)
        for floor in floors:
            oracles[floor].append([s for s in scores if s >= floor])
    print(f"oracle (tmtool's percentage, exact): built in {time.perf_counter() - start:.0f} s; "
          f"per query p50 {percentile(oracle_times, .5) * 1000:.0f} ms, "
          f"p95 {percentile(oracle_times, .95) * 1000:.0f} ms")
    sample = queries[: args.brute_queries or len(queries)]
    scan_times = []
    for query in sample:
        began = time.perf_counter()
        process.extract(query.uk, stored, scorer=fuzz.ratio, limit=5)
        scan_times.append(time.perf_counter() - began)
    p95 = percentile(scan_times, .95)
    print(f"rapidfuzz scan (fuzz.ratio over {len(stored):,} sentences, {len(sample)} queries): "
          f"p50 {percentile(scan_times, .5) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
          f"p99 {percentile(scan_times, .99) * 1000:.0f} ms")
    return oracles, (p95, percentile(oracle_times, .95))


def cached_brute_force(args: argparse.Namespace, stored: list[str], queries: list[Query]
                       ) -> tuple[dict[int, list[list[int]]], tuple[float, float]]:
    """`brute_force`, or its results from `--cache` when made with the same settings."""
    settings = (args.units, args.queries, args.unrelated, args.min, args.limit, args.seed)
    if args.cache and Path(args.cache).is_file():
        with open(args.cache, "rb") as handle:
            saved = pickle.load(handle)
        if saved["settings"] == settings and saved["queries"] == queries:
            print(f"brute force: results reused from {args.cache}: " + saved["summary"])
            return saved["oracles"], saved["p95"]
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        oracles, p95 = brute_force(args, stored, queries)
    print(output.getvalue(), end="")
    if args.cache:
        with open(args.cache, "wb") as handle:
            pickle.dump({"settings": settings, "queries": queries, "oracles": oracles,
                         "p95": p95, "summary": output.getvalue()}, handle)
    return oracles, p95


def main() -> None:
    args = parse_args()
    print(f"tm_lookup: --units {args.units} --queries {args.queries} --min {args.min} "
          f"--limit {args.limit} --backend {args.backend}; load at start {os.getloadavg()[0]:.2f}")
    pairs, queries = make_data(args)
    oracles, brute_p95 = cached_brute_force(args, [uk for uk, _ in pairs], queries)
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="tm-bench-"))
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    compared: dict[str, list[list[Match]]] = {}
    for backend in backends:
        server = None
        if backend == "sqlite":
            location = str(workdir / "bench.db")
        elif args.pg_url:
            location = args.pg_url
        else:
            from tests.pgserver import create_database, start_server

            server = start_server(durable=True)
            location = create_database(server, "tm_bench")
        try:
            with open_store(location, create=True) as store:
                timing = build(store, pairs, args.batch)
                size = sqlite_size(Path(location)) if backend == "sqlite" else postgres_size(store)
                runs = {floor: run_lookups(store, queries,
                                           LookupOptions("uk", "en", floor, args.limit))
                        for floor in oracles}
            compared[backend] = runs[args.min][0]
            report_backend(backend, size, timing, len(pairs), runs, oracles, queries, brute_p95)
        finally:
            if server is not None:
                server.stop()
    if len(compared) == 2:
        same = sum([(m.score, m.key) for m in a] == [(m.score, m.key) for m in b]
                   for a, b in zip(compared["sqlite"], compared["postgresql"]))
        print(f"\nidentical match lists on both back-ends: {same}/{len(queries)} queries")
    print(f"load at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
