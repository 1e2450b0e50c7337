"""Word translations `tmtool pair` learns from the pairs it is sure of, for a second round.

Names and numbers are rare in many texts; words are everywhere. After a first round, the pairs
scoring `SEED_SCORE` or more show which Ukrainian stems occur in the same documents as which
English stems (Dice's coefficient): корабель/ship, учні/disciples. Each Ukrainian stem keeps its
best partner, and in the second round a document's stems count as keys through those links. Only
stems seen in several sure pairs, and not in most of them, take part; nothing is given in
advance, so the links fit the archive at hand.
"""
from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from tmtool.align.fingerprints import Fingerprint

SEED_SCORE = 0.4  # first-round pairs scoring this much teach words
MIN_PAIRS = 3  # a stem pair must co-occur in this many sure pairs
MIN_DICE = 0.5
COMMON_SHARE = 0.1  # stems in more of the sure pairs than this tell too little
LEARN_STEMS = 60  # a document's rarest stems taking part
MAX_SEEDS = 4000  # sure pairs used at most (the best ones)


def _rarest(stems: array[int], df: Counter[int], limit: float) -> list[int]:
    usable = [s for s in stems if MIN_PAIRS <= df[s] <= limit]
    usable.sort(key=lambda s: (df[s], s))
    return usable[:LEARN_STEMS]


def learn_links(pairs: Sequence[tuple[Fingerprint, Fingerprint]]) -> dict[int, int]:
    """Ukrainian stem digest -> the English stem digest it most likely translates."""
    pairs = pairs[:MAX_SEEDS]
    src_df: Counter[int] = Counter(s for src, _ in pairs for s in src.words)
    tgt_df: Counter[int] = Counter(t for _, tgt in pairs for t in tgt.words)
    limit = max(MIN_PAIRS, COMMON_SHARE * len(pairs))
    targets = [_rarest(tgt.words, tgt_df, limit) for _, tgt in pairs]
    seen_in: dict[int, list[int]] = defaultdict(list)  # source stem -> the pairs holding it
    for number, (src, _) in enumerate(pairs):
        for stem in _rarest(src.words, src_df, limit):
            seen_in[stem].append(number)
    links: dict[int, int] = {}
    for stem in sorted(seen_in):
        together: Counter[int] = Counter(t for number in seen_in[stem] for t in targets[number])
        best = max(together, key=lambda t: (together[t], -t), default=None)
        if best is None or together[best] < MIN_PAIRS:
            continue
        if 2 * together[best] / (src_df[stem] + tgt_df[best]) >= MIN_DICE:
            links[stem] = best
    return links


def _with_keys(fp: Fingerprint, extra: dict[int, tuple[int, int]]) -> Fingerprint:
    """`fp` with more keys (digest -> (place, count)); its own keys win. The copy keeps no
    segments (their term positions index the keys as read): verify with `fp` itself."""
    table = {key: (fp.places[n], fp.counts[n]) for n, key in enumerate(fp.keys)}
    for key, value in extra.items():
        table.setdefault(key, value)
    ordered = sorted(table)
    return replace(fp, keys=array("q", ordered), places=bytes(table[k][0] for k in ordered),
                   counts=bytes(table[k][1] for k in ordered), segment_letters=array("H"),
                   segment_terms=array("H"), segment_starts=array("I", [0]), block_starts=b"")


def with_links(sources: Sequence[Fingerprint], targets: Sequence[Fingerprint],
               links: dict[int, int]) -> tuple[list[Fingerprint], list[Fingerprint]]:
    """Both sides with linked stems among their keys: a source's stems as their English
    partners, a target's stems that are some stem's partner as themselves."""
    partners = set(links.values())
    new_sources = [_with_keys(fp, {links[w]: (fp.word_places[n], fp.word_counts[n])
                                   for n, w in enumerate(fp.words) if w in links})
                   for fp in sources]
    new_targets = [_with_keys(fp, {w: (fp.word_places[n], fp.word_counts[n])
                                   for n, w in enumerate(fp.words) if w in partners})
                   for fp in targets]
    return new_sources, new_targets
