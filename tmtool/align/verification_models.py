"""The models `verification` judges by, fitted to the archive at hand from the pairs the
fingerprints are sure of: nothing is given in advance, so they suit its languages, its
translators' habits and its vocabulary.

Lengths: the usual letter ratio and spread of translated text (Gale-Church, a robust estimate
over whole documents, whose sentence misfits add up) and how long unrelated segments are.
Terms: the sure pairs are aligned (first with the fingerprint round's word links and shared
names and numbers as partners), and in their beads each term's partner on the other side is the
term it meets most (Dice's coefficient); how often it is found there is its reliability, how
often the partner is in any segment its chance. Block starts: how often both sides start a
block together. Each estimate starts from a starting value worth a few observations, so a small
archive with few sure pairs keeps its names, numbers and the published figures. Counting the
pairs of terms that meet is the costly part; it is bounded by `LEARN_PAIRS` and done in passes
over slices of the terms, so memory does not grow with the archive.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from tmtool.align.fingerprints import Fingerprint
from tmtool.align.pairing import Candidate
from tmtool.align.verification import (
    LengthModel,
    TermModel,
    Verifier,
    best_path,
    boundary_table,
)

LEARN_PAIRS = 1000  # sure pairs aligned to learn from, the best ones
MIN_MEETINGS = 2  # a term and its partner meet in this many beads at least
START_RELIABILITY = 0.5  # of every partner, before the first alignment
START_TOGETHER, START_ALONE = 0.8, 0.05  # P(target starts a block | source does / does not)
TERM_PRIOR, BOUNDARY_PRIOR = 2.0, 20.0  # observations the starting values are worth
MEETINGS_PER_PASS = 400_000  # term pairs counted at once, at most
_MEDIAN_CHI2_1 = 0.4549364  # median of a chi-square variable with one degree of freedom
PUBLISHED_VARIANCE = 6.8  # Gale & Church, until ...
MIN_SURE = 20  # ... this many sure pairs are seen


def fit_lengths(sure: Sequence[Candidate], sources: Sequence[Fingerprint],
                targets: Sequence[Fingerprint]) -> LengthModel:
    """Ratio and variance from the sure pairs (medians, so a pair that dropped a paragraph does
    not count); the unrelated segments' log-normal from every target segment kept."""
    ratios = sorted(targets[c.tgt].letters / max(1, sources[c.src].letters) for c in sure)
    if len(ratios) >= MIN_SURE:
        ratio = ratios[len(ratios) // 2]
    else:  # the folders' median lengths, which a few documents without a counterpart barely move
        ratio = _median([fp.letters for fp in targets]) / max(1.0, _median([fp.letters for fp in sources]))
    spreads = sorted((targets[c.tgt].letters - ratio * sources[c.src].letters) ** 2
                     / max(1, sources[c.src].letters) for c in sure)
    variance = spreads[len(spreads) // 2] / _MEDIAN_CHI2_1 if len(spreads) >= MIN_SURE else PUBLISHED_VARIANCE
    count, total, squares = 0, 0.0, 0.0
    for fp in targets:
        for letters in fp.segment_letters:
            value = math.log(max(1, letters))
            count, total, squares = count + 1, total + value, squares + value * value
    mu = total / max(1, count)
    sigma = math.sqrt(max(0.0, squares / max(1, count) - mu * mu)) or 1.0
    return LengthModel(ratio, max(1.0, variance), mu, sigma)


def _median(values: Sequence[int]) -> float:
    ordered = sorted(values)
    return float(ordered[len(ordered) // 2]) if ordered else 1.0


def segment_frequencies(fps: Sequence[Fingerprint]) -> tuple[Counter[int], int]:
    """How many kept segments hold each term, and how many segments were kept."""
    frequency: Counter[int] = Counter()
    segments = 0
    for fp in fps:
        for digests in fp.segment_digests():
            frequency.update(set(digests))
            segments += 1
    return frequency, segments


@dataclass
class _Observations:
    """What the aligned sure pairs show: the terms of both sides of every pairing bead, how
    often (source starts a block, target starts one) at a bead's start, and how often each
    term's starting partner was found across the bead."""

    beads: list[tuple[frozenset[int], frozenset[int]]] = field(default_factory=list)
    starts: Counter[tuple[int, int]] = field(default_factory=Counter)
    found: tuple[Counter[int], Counter[int]] = field(default_factory=lambda: (Counter(), Counter()))


def fit_verifier(sure: Sequence[Candidate], sources: Sequence[Fingerprint],
                 targets: Sequence[Fingerprint], links: dict[int, int]) -> Verifier:
    """A verifier for this archive, learned from its sure pairs (`links`: the fingerprint
    round's word links, source stem -> target stem). Every estimate starts from the starting
    verifier's values, worth a few observations, so an archive with few sure pairs keeps them."""
    lengths = fit_lengths(sure, sources, targets)
    src_counts, tgt_counts = segment_frequencies(sources), segment_frequencies(targets)
    forward0, backward0 = _start_partners(links, src_counts[0], tgt_counts[0])
    block_share = _block_share(targets)
    start = Verifier(lengths, TermModel.fit(forward0, dict.fromkeys(forward0, START_RELIABILITY), *tgt_counts),
                     TermModel.fit(backward0, dict.fromkeys(backward0, START_RELIABILITY), *src_counts),
                     boundary_table(START_TOGETHER, START_ALONE, block_share))
    seen = _observe(sorted(sure, key=lambda c: -c.score)[:LEARN_PAIRS], sources, targets, start)
    src_meets: Counter[int] = Counter(term for src_terms, _ in seen.beads for term in src_terms)
    tgt_meets: Counter[int] = Counter(term for _, tgt_terms in seen.beads for term in tgt_terms)
    beads = [(frozenset(t for t in src_terms if src_meets[t] >= MIN_MEETINGS),
              frozenset(t for t in tgt_terms if tgt_meets[t] >= MIN_MEETINGS)) for src_terms, tgt_terms in seen.beads]
    forward, backward = _best_partners(beads, src_meets, tgt_meets)
    together = _shrunk(seen.starts[1, 1], seen.starts[1, 1] + seen.starts[1, 0], START_TOGETHER, BOUNDARY_PRIOR)
    alone = _shrunk(seen.starts[0, 1], seen.starts[0, 1] + seen.starts[0, 0], START_ALONE, BOUNDARY_PRIOR)
    return Verifier(lengths, _term_model(forward0, forward, seen.found[0], src_meets, tgt_counts),
                    _term_model(backward0, backward, seen.found[1], tgt_meets, src_counts),
                    boundary_table(together, alone, block_share))


def _shrunk(hits: int, trials: int, prior: float, weight: float) -> float:
    """hits / trials, drawn towards `prior` as if it had been seen `weight` times."""
    return (hits + weight * prior) / (trials + weight)


def _start_partners(links: dict[int, int], src_frequency: Counter[int], tgt_frequency: Counter[int]
                    ) -> tuple[dict[int, int], dict[int, int]]:
    """Partners before any alignment, both ways: the word links, and every term both sides
    have (names, numbers, Latin words) as its own partner."""
    forward = {term: links.get(term, term) for term in src_frequency}
    forward = {term: partner for term, partner in forward.items() if partner in tgt_frequency}
    backward: dict[int, int] = {}
    for term, partner in forward.items():
        backward.setdefault(partner, term)
    return forward, backward


def _term_model(start: dict[int, int], learned: dict[int, tuple[int, int]], start_found: Counter[int],
                meets: Counter[int], other: tuple[Counter[int], int]) -> TermModel:
    """Each term's learned partner, or else its starting one; its reliability is how often the
    partner was found across its beads, drawn towards START_RELIABILITY."""
    partner = {**start, **{term: found[0] for term, found in learned.items()}}
    hits = {term: learned[term][1] if term in learned else start_found[term] for term in partner}
    reliability = {term: _shrunk(hits[term], meets[term], START_RELIABILITY, TERM_PRIOR) for term in partner}
    return TermModel.fit(partner, reliability, *other)


def _block_share(targets: Sequence[Fingerprint]) -> float:
    kept = sum(len(fp.block_starts) for fp in targets)
    return min(0.95, max(0.05, sum(sum(fp.block_starts) for fp in targets) / max(1, kept)))


def _observe(pairs: Sequence[Candidate], sources: Sequence[Fingerprint], targets: Sequence[Fingerprint],
             verifier: Verifier) -> _Observations:
    """Align `pairs` with `verifier` and note what their pairing beads show."""
    seen = _Observations()
    for pair in pairs:
        src, tgt = verifier.source_view(sources[pair.src]), verifier.target_view(targets[pair.tgt])
        for i0, i1, j0, j1 in best_path(src, tgt, verifier)[1]:
            if i0 == i1 or j0 == j1:
                continue
            src_terms, tgt_terms = frozenset().union(*src.own[i0:i1]), frozenset().union(*tgt.own[j0:j1])
            seen.beads.append((src_terms, tgt_terms))
            seen.starts[src.starts[i0], tgt.starts[j0]] += 1
            seen.found[0].update(t for t in src_terms if verifier.forward.partner.get(t) in tgt_terms)
            seen.found[1].update(t for t in tgt_terms if verifier.backward.partner.get(t) in src_terms)
    return seen


def _best_partners(beads: Sequence[tuple[frozenset[int], frozenset[int]]], src_meets: Counter[int],
                   tgt_meets: Counter[int]) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    """Each term's partner (the other side's term with the best Dice's coefficient among those
    met MIN_MEETINGS times; then the one met more, then the smaller digest) and how often they
    met, both ways."""
    forward: dict[int, tuple[float, int, int]] = {}  # term -> (dice, meetings, -partner)
    backward: dict[int, tuple[float, int, int]] = {}
    for meetings in _meetings(beads):
        for (a, b), n in meetings.items():
            if n < MIN_MEETINGS:
                continue
            dice = 2 * n / (src_meets[a] + tgt_meets[b])
            if a not in forward or (dice, n, -b) > forward[a]:
                forward[a] = (dice, n, -b)
            if b not in backward or (dice, n, -a) > backward[b]:
                backward[b] = (dice, n, -a)
    return ({a: (-b, n) for a, (_, n, b) in forward.items()},
            {b: (-a, n) for b, (_, n, a) in backward.items()})


def _meetings(beads: Sequence[tuple[frozenset[int], frozenset[int]]]) -> Iterator[Counter[tuple[int, int]]]:
    """Counts of (source term, target term) meeting in a bead, in passes over slices of the
    source terms so that no pass holds more than about MEETINGS_PER_PASS counts."""
    total = sum(len(src) * len(tgt) for src, tgt in beads)
    passes = max(1, math.ceil(total / MEETINGS_PER_PASS))
    for part in range(passes):
        meetings: Counter[tuple[int, int]] = Counter()
        for src, tgt in beads:
            meetings.update((a, b) for a in src if a % passes == part for b in tgt)
        yield meetings
