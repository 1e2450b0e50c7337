"""Fuzzy lookup: the memory's best matches for a segment, with CAT-style percentages.

Candidates come from the index, never from a scan of the memory:
1. the exact-key index gives every unit with the same stems (identical, case-, punctuation-
   or inflection-only variants: the short sentences of common words a word index misses);
2. the query's terms are ranked by document frequency and taken rarest first, within a
   postings budget, until every unit that could still reach `--min` must hold one of them
   (a unit missing k of the query's words needs k edits: counting filter); past the budget
   only terms that complete that guarantee are taken, up to a hard cap;
3. each candidate gets an upper bound on its score from its word count and the chosen
   terms it lacks (`similarity.stem_bound`); candidates are scored in descending bound and
   the search stops when no remaining bound can beat the `limit`-th match found.
Results are sorted by score, then character similarity, then content key: the same on every
back-end, since back-ends only fetch.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz import fuzz

from tmtool.errors import ConfigError
from tmtool.locales import primary_language
from tmtool.model import Segment, TranslationUnit
from tmtool.tm.indexing import MAX_WORD_COUNT, NUMBER_MARK, exact_key, term_occurrences
from tmtool.tm.similarity import match_score, stem_bound
from tmtool.tm.store import MemoryStore
from tmtool.tm.tokens import MatchTokens, segment_tokens, text_tokens

SOFT_BUDGET = 30_000      # postings read for ranking when the guarantee is already met
HARD_BUDGET = 60_000      # postings read at most to reach the guarantee
EXACT_LIMIT = 1_000       # units read from the exact-key index
MAX_RANKED = 5_000        # candidates given a bound, by the number of chosen terms they hold
MAX_SCORED = 200          # candidates scored at most per query
_FETCH = 50               # units fetched per round trip


@dataclass(frozen=True)
class LookupOptions:
    """`src_lang` is the language of the query (`--from`), `tgt_lang` of the translations."""

    src_lang: str = "uk"
    tgt_lang: str = "en"
    min_score: int = 70
    limit: int = 5

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


def _choose_terms(counts: Counter[str], frequencies: dict[str, int], slack: int) -> list[str]:
    """Terms rarest first while within the soft budget; past it, only while the guarantee
    (more chosen word occurrences than `slack` misses) is not met, within the hard budget."""
    chosen: list[str] = []
    occurrences = total = 0
    for term in sorted(frequencies, key=lambda t: (frequencies[t], t)):
        frequency = frequencies[term]
        budget = SOFT_BUDGET if occurrences > slack else HARD_BUDGET
        if chosen and total + frequency > budget:
            break
        chosen.append(term)
        occurrences += 0 if term.startswith(NUMBER_MARK) else counts[term]
        total += frequency
    return chosen


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
    chosen = _choose_terms(counts, frequencies, slack)
    postings = store.postings(lang, chosen)
    hits: Counter[int] = Counter()
    lengths: dict[int, int] = {}
    word_occurrences = 0
    for term in chosen:
        found = postings.get(term)
        if found is None:
            continue
        if not term.startswith(NUMBER_MARK):
            word_occurrences += counts[term]
        for _ in range(counts[term]):
            hits.update(found.ids)
        lengths.update(zip(found.ids, found.word_counts))
    # Most shared chosen terms first; only the best-ranked get a bound (the cost of this
    # step must not grow with the memory). Hits include numbers, so `missing` (word
    # occurrences a unit lacks) is a lower bound and the score bound an upper one.
    ranked = sorted(hits.items(), key=itemgetter(1), reverse=True)[:MAX_RANKED]
    needed = word_occurrences - slack
    kept = []
    for unit_id, hit in ranked:
        if hit < needed:
            break
        length = lengths[unit_id]
        # a count at the cap is only "at least that long": no bound then
        bound = 100.0 if length >= MAX_WORD_COUNT else stem_bound(
            words, length, max(0, absent + word_occurrences - hit))
        if bound >= min_score:
            kept.append(_Candidate(bound, hit, unit_id))
    return kept


def _candidates(store: MemoryStore, lang: str, tokens: MatchTokens,
                min_score: int) -> list[_Candidate]:
    pool = {unit_id: _Candidate(100.0, len(tokens.stems) + len(tokens.numbers), unit_id)
            for unit_id in store.exact_units(lang, exact_key(tokens), EXACT_LIMIT)}
    if tokens.stems:
        for candidate in _posting_candidates(store, lang, tokens, min_score):
            pool.setdefault(candidate.unit_id, candidate)
    return sorted(pool.values(), key=lambda c: (-c.bound, -c.hits, c.unit_id))


def _batches(ranked: list[_Candidate]) -> Iterator[list[_Candidate]]:
    for start in range(0, min(len(ranked), MAX_SCORED), _FETCH):
        yield ranked[start:min(start + _FETCH, MAX_SCORED)]


def lookup(store: MemoryStore, query: Segment | str, options: LookupOptions) -> list[Match]:
    """Up to `options.limit` matches scoring at least `options.min_score`, best first."""
    tokens = query_tokens(query)
    if not tokens.identity:
        return []
    src, tgt = primary_language(options.src_lang), primary_language(options.tgt_lang)
    found: list[Match] = []
    with store.reading():
        ranked = _candidates(store, src, tokens, options.min_score)
        for batch in _batches(ranked):
            floor = found[options.limit - 1].score if len(found) >= options.limit else -1
            if batch[0].bound < max(options.min_score, floor):
                break
            units = store.units(c.unit_id for c in batch)
            for candidate in batch:
                if candidate.unit_id in units:
                    match = _score(tokens, *units[candidate.unit_id], src, tgt)
                    if match is not None and match.score >= options.min_score:
                        found.append(match)
            found.sort(key=_order)
    return found[: options.limit]


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
