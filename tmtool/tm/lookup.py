"""Fuzzy lookup: the memory's best matches for a segment, with CAT-style percentages.

Candidates come from the index, never from a scan of the memory:
1. the exact-key index gives every unit with the same stems (identical, case-, punctuation-
   or inflection-only variants: the short sentences of common words a word index misses);
2. the query's terms are ranked by document frequency and taken rarest first, within a
   postings budget, until every unit that could still reach `--min` must hold one of them
   (a unit missing k of the query's words needs k edits: counting filter); past the budget
   only terms that complete that guarantee are taken, up to a hard cap;
3. the candidates holding most chosen terms get an upper bound on their score from their
   word count and the chosen terms they lack (`similarity.stem_bound`); in descending bound,
   their sketches (hashed stems and numbers) are read and give a close bound (the stem
   similarity less the number penalty, which the score never exceeds); only candidates
   whose close bound can still enter the result are read and scored, and the search stops
   when no remaining bound can beat the `limit`-th match.
Results are sorted by score, then character similarity, then content key: the same on every
back-end, since back-ends only fetch.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import islice

from rapidfuzz import fuzz

from tmtool.errors import ConfigError
from tmtool.locales import primary_language
from tmtool.model import Segment, TranslationUnit
from tmtool.tm.indexing import (
    MAX_WORD_COUNT,
    NUMBER_MARK,
    exact_key,
    term_occurrences,
)
from tmtool.tm.packing import decode_sketch, token_hashes
from tmtool.tm.similarity import match_score, sketch_bound, stem_bound
from tmtool.tm.store import MemoryStore
from tmtool.tm.tokens import MatchTokens, segment_tokens, text_tokens

SOFT_BUDGET = 30_000      # postings read for ranking when the guarantee is already met
HARD_BUDGET = 60_000      # postings read at most to reach the guarantee (x effort)
EXACT_LIMIT = 1_000       # units read from the exact-key index
MAX_RANKED = 3_000        # candidates given a bound, by the number of chosen terms they hold
MAX_CHECKED = 1_000       # candidates whose sketches are read (x effort squared)
MAX_SCORED = 300          # candidates scored at most per query
_STEM_FETCH = 100         # sketches read per round trip
_FETCH = 25               # units read per round trip


@dataclass(frozen=True)
class LookupOptions:
    """`src_lang` is the language of the query (`--from`), `tgt_lang` of the translations;
    `distinct` shows a source with the same translation once (a memory of several
    catalogues holds "Cancel" -> "Скасувати" from each), the unit of the lowest key."""

    src_lang: str = "uk"
    tgt_lang: str = "en"
    min_score: int = 70
    limit: int = 5
    distinct: bool = False

    def __post_init__(self) -> None:
        if not 0 <= self.min_score <= 100:
            raise ConfigError(f"--min {self.min_score}: give a percentage from 0 to 100")
        if self.limit < 1:
            raise ConfigError(f"--limit {self.limit}: give at least 1")
        if primary_language(self.src_lang) == primary_language(self.tgt_lang):
            raise ConfigError(f"--from {self.src_lang} and --to {self.tgt_lang} are one language")


@dataclass(frozen=True, slots=True)
class Match:
    score: int
    source: Segment
    target: Segment
    unit: TranslationUnit
    key: bytes
    similarity: float  # character similarity, the tie-breaker among equal scores

    @property
    def tuid(self) -> str | None:
        return self.unit.tuid


@dataclass(frozen=True, slots=True)
class _Candidate:
    bound: float
    hits: int
    unit_id: int


def query_tokens(query: Segment | str) -> MatchTokens:
    return text_tokens(query) if isinstance(query, str) else segment_tokens(query)


def effort(min_score: int) -> float:
    """How much more work a lower `--min` may take: 1 down to 70 %, then growing (at 50 %
    a unit may have twice as many edits relative to its length, and far more units can)."""
    return max(1.0, (100 - min_score) / 30)


def _choose_terms(counts: Counter[str], frequencies: dict[str, int], slack: int,
                  hard_budget: int) -> list[str]:
    """Terms rarest first while within the soft budget; past it, only while the guarantee
    (more chosen word occurrences than `slack` misses) is not met, within the hard budget."""
    chosen: list[str] = []
    occurrences = total = 0
    for term in sorted(frequencies, key=lambda t: (frequencies[t], t)):
        frequency = frequencies[term]
        budget = SOFT_BUDGET if occurrences > slack else hard_budget
        if chosen and total + frequency > budget:
            break
        chosen.append(term)
        occurrences += 0 if term.startswith(NUMBER_MARK) else counts[term]
        total += frequency
    return chosen


def _top_by_hits(hits: Counter[int], needed: int) -> list[tuple[int, int]]:
    """The posting values holding the most chosen terms (at least `needed`), about
    MAX_RANKED of them, found with C-speed passes rather than a sort of every candidate."""
    histogram = Counter(hits.values())
    cutoff, total = needed, 0
    for hit in sorted(histogram, reverse=True):
        total += histogram[hit]
        if total >= MAX_RANKED:
            cutoff = max(hit, needed)
            break
    top = [(value, hit) for value, hit in hits.items() if hit > cutoff]
    level = ((value, hit) for value, hit in hits.items() if hit == cutoff)
    top.extend(islice(level, max(0, MAX_RANKED - len(top))))
    return top


def _posting_candidates(store: MemoryStore, lang: str, tokens: MatchTokens,
                        min_score: int) -> list[_Candidate]:
    counts = Counter(term_occurrences(tokens))
    words = len(tokens.stems)
    frequencies = store.term_counts(lang, counts)
    absent = sum(count for term, count in counts.items()
                 if term not in frequencies and not term.startswith(NUMBER_MARK))
    # A unit reaching min_score has at most `allowed` word edits, whatever its length.
    allowed = words * (100 - min_score) // max(min_score, 1)
    slack = allowed - absent
    if slack < 0 or not frequencies:
        return []
    chosen = _choose_terms(counts, frequencies, slack, int(HARD_BUDGET * effort(min_score)))
    postings = store.postings(lang, chosen)
    hits: Counter[int] = Counter()   # posting value (id << 8 | word count) -> terms held
    word_occurrences = 0
    for term in chosen:
        values = postings.get(term)
        if values is None:
            continue
        if not term.startswith(NUMBER_MARK):
            word_occurrences += counts[term]
        for _ in range(counts[term]):
            hits.update(values)
    # Hits include numbers, so the word occurrences a unit lacks (absent + occurrences -
    # hit) are a lower bound, and the score bound an upper one.
    missing_base = absent + word_occurrences
    kept = []
    for value, hit in _top_by_hits(hits, max(1, word_occurrences - slack)):
        length = value & MAX_WORD_COUNT
        # a count at the cap is only "at least that long": no bound then
        bound = 100.0 if length >= MAX_WORD_COUNT else stem_bound(
            words, length, max(0, missing_base - hit))
        if bound >= min_score:
            kept.append(_Candidate(bound, hit, value >> 8))
    return kept


def _candidates(store: MemoryStore, lang: str, tokens: MatchTokens,
                min_score: int) -> list[_Candidate]:
    pool = {unit_id: _Candidate(100.0, len(tokens.stems) + len(tokens.numbers), unit_id)
            for unit_id in store.exact_units(lang, exact_key(tokens), EXACT_LIMIT)}
    if tokens.stems:
        for candidate in _posting_candidates(store, lang, tokens, min_score):
            pool.setdefault(candidate.unit_id, candidate)
    ranked = sorted(pool.values(), key=lambda c: (-c.bound, -c.hits, c.unit_id))
    return ranked[:int(MAX_CHECKED * effort(min_score) ** 2)]


class _Search:
    """Scores candidates in descending bound until none left can enter the result."""

    def __init__(self, store: MemoryStore, tokens: MatchTokens, options: LookupOptions) -> None:
        self.store = store
        self.tokens = tokens
        self.options = options
        self.src = primary_language(options.src_lang)
        self.tgt = primary_language(options.tgt_lang)
        self.found: list[Match] = []
        self.scored = 0
        self.stem_hashes = token_hashes(tokens.stems)
        self.number_hashes = token_hashes(tokens.numbers)

    def floor(self) -> int:
        """The score a candidate must reach to enter: --min, then the limit-th match's."""
        limit = self.options.limit
        full = self.found[limit - 1].score if len(self.found) >= limit else 0
        return max(self.options.min_score, full)

    def run(self, ranked: list[_Candidate]) -> list[Match]:
        for start in range(0, len(ranked), _STEM_FETCH):
            batch = ranked[start:start + _STEM_FETCH]
            if batch[0].bound < self.floor() or self.scored >= MAX_SCORED:
                break
            self._check(batch)
        return self.found[: self.options.limit]

    def _check(self, batch: list[_Candidate]) -> None:
        """Bound each candidate closely by its sketch, then score the promising ones."""
        sketches = self.store.sketches(self.src, (c.unit_id for c in batch))
        bounded = []
        for rank, candidate in enumerate(batch):   # rank keeps the hits order among ties
            sketch = sketches.get(candidate.unit_id)
            if sketch is not None:
                bound = sketch_bound(self.stem_hashes, self.number_hashes,
                                     *decode_sketch(sketch))
                bounded.append((-bound, rank, candidate.unit_id))
        bounded.sort()
        for start in range(0, len(bounded), _FETCH):
            chunk = [unit_id for bound, _rank, unit_id in bounded[start:start + _FETCH]
                     if -bound >= self.floor()]
            if not chunk or self.scored >= MAX_SCORED:
                return
            units = self.store.units(chunk)
            self.scored += len(chunk)
            for unit_id in chunk:
                match = _score(self.tokens, *units[unit_id], self.src, self.tgt) \
                    if unit_id in units else None
                if match is not None and match.score >= self.options.min_score:
                    self.found.append(match)
            self.found.sort(key=_order)
            if self.options.distinct:
                self.found = _distinct(self.found)


def lookup(store: MemoryStore, query: Segment | str, options: LookupOptions) -> list[Match]:
    """Up to `options.limit` matches scoring at least `options.min_score`, best first."""
    tokens = query_tokens(query)
    if not tokens.identity:
        return []
    search = _Search(store, tokens, options)
    with store.reading():
        return search.run(_candidates(store, search.src, tokens, options.min_score))


def _distinct(matches: list[Match]) -> list[Match]:
    """The first match of each source and translation, in order."""
    seen: set[tuple[Segment, Segment]] = set()
    kept = []
    for match in matches:
        if (match.source, match.target) not in seen:
            seen.add((match.source, match.target))
            kept.append(match)
    return kept


def _order(match: Match) -> tuple[int, float, bytes]:
    return (-match.score, -match.similarity, match.key)


def _score(tokens: MatchTokens, key: bytes, unit: TranslationUnit, src: str,
           tgt: str) -> Match | None:
    source, target = unit.variant(src), unit.variant(tgt)
    if source is None or target is None or target.segment.is_empty():
        return None
    parts = source.segment.parts
    plain = len(parts) == 1 and isinstance(parts[0], str)
    candidate = text_tokens(parts[0]) if plain else segment_tokens(source.segment)
    score = match_score(tokens, candidate)
    similarity = fuzz.ratio(tokens.identity, candidate.identity)
    return Match(score, source.segment, target.segment, unit, key, similarity)
