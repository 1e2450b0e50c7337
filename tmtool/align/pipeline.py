"""Aligning two lists of segments: a length-only pass, then lexical passes that learn from it.

Pass 0 is Gale-Church with the document's own length ratio, searched coarse-to-fine. Each
later pass takes the confident 1-1 pairs of the previous one (1-1 beads between 1-1 beads),
re-estimates the length model, bead priors and lexical weights, learns a word-translation
table from them, and searches a corridor around the previous path with all bead shapes.
Empty segments join no bead.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tmtool.align.beads import BEAD_SHAPES, GENERIC_PRIORS, Bead, prior_penalties
from tmtool.align.evidence import (
    Side,
    cognate_links,
    identity_links,
    learn_links,
    link_tables,
    name_links,
    segment_keys,
)
from tmtool.align.lengths import estimate_length_model, initial_length_model
from tmtool.align.regions import Regions
from tmtool.align.scoring import BeadCost, LexicalModel
from tmtool.align.search import INF, CostFn, Span, coarse_to_fine, search, search_around

# Pass 0 uses Gale & Church's own bead shapes.
LENGTH_SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
LEARN_LIMIT = 6000  # confident pairs used for learning (spread evenly over the document)
# A partial path this many nats (a factor e^50) worse than the best one at the same source
# position is abandoned; the search widens its corridor if the best path hugs its border.
BEAM = 40.0
LENGTH_BEAM = 20.0  # the same for the length-only pass, whose costs are smaller
COARSE_RADIUS = 6  # corridor half-width between the levels of the length-only pass
CONFIDENT_LOG_ODDS = math.log(99.0)  # word evidence that picks pairs for the length model

# (Ukrainian forms, English forms) of one glossary entry
TermPair = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Settings of one alignment (generic; nothing here is fitted to a particular corpus)."""

    glossary: tuple[TermPair, ...] = ()
    passes: int = 1  # lexical passes after the length-only pass
    radius: int = 4  # half-width of the corridor searched around the previous path
    min_score: float = 0.0


def glossary_links(terms: Sequence[TermPair]) -> set[tuple[str, str]]:
    """Every word key of a Ukrainian form linked to every word key of the English forms."""
    links: set[tuple[str, str]] = set()
    for uk_forms, en_forms in terms:
        uk_keys = {k for form in uk_forms for k in segment_keys(form)[0] if k.startswith("w")}
        en_keys = {k for form in en_forms for k in segment_keys(form)[0] if k.startswith("w")}
        links.update((a, b) for a in uk_keys for b in en_keys)
    return links


def confident_pairs(path: Sequence[Span]) -> list[tuple[int, int]]:
    """1-1 beads whose neighbours are 1-1 beads too: the first pass's safest pairs."""
    out = []
    for index, (i0, i1, j0, j1) in enumerate(path):
        if i1 - i0 != 1 or j1 - j0 != 1:
            continue
        neighbours = [*path[max(0, index - 1):index], *path[index + 1:index + 2]]
        if all(b[1] - b[0] == 1 and b[3] - b[2] == 1 for b in neighbours):
            out.append((i0, j0))
    return out


def lexical_pairs(lexical: LexicalModel, path: Sequence[Span], reach: int = 2) -> list[tuple[int, int]]:
    """(i, j) near the path whose word evidence alone makes them each other's best partner,
    with odds of at least 99 to 1."""
    m = len(lexical.tgt_sizes)
    best_of_src: dict[int, tuple[float, int]] = {}
    best_of_tgt: dict[int, tuple[float, int]] = {}
    for i0, i1, j0, _ in path:
        for i in range(i0, i1):
            for j in range(max(0, j0 - reach), min(m, j0 + reach + 1)):
                odds = lexical.llr(i, i + 1, j, j + 1)
                if odds > best_of_src.get(i, (-INF, 0))[0]:
                    best_of_src[i] = (odds, j)
                if odds > best_of_tgt.get(j, (-INF, 0))[0]:
                    best_of_tgt[j] = (odds, i)
    return [
        (i, j) for i, (odds, j) in sorted(best_of_src.items())
        if odds >= CONFIDENT_LOG_ODDS and best_of_tgt[j][1] == i
    ]


def _spread(items: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(k * step)] for k in range(limit)]


def align_texts(
    src_texts: Sequence[str], tgt_texts: Sequence[str], options: AlignOptions = AlignOptions(),
    src_extra: Sequence[Sequence[str]] | None = None,
    tgt_extra: Sequence[Sequence[str]] | None = None,
    regions: Regions | None = None,
) -> list[Bead]:
    """Beads over the two segment lists (indices into them), in document order.

    `src_extra`/`tgt_extra` add evidence keys per segment (e.g. inline-markup types).
    `regions` (documents only; every segment must then have text) confines beads to
    aligned blocks.
    """
    src_keep = [i for i, t in enumerate(src_texts) if t.strip()]
    tgt_keep = [j for j, t in enumerate(tgt_texts) if t.strip()]
    if regions is not None and (len(src_keep), len(tgt_keep)) != (len(src_texts), len(tgt_texts)):
        raise ValueError("regions need segments that all have text")
    src = [src_texts[i].strip() for i in src_keep]
    tgt = [tgt_texts[j].strip() for j in tgt_keep]
    spans = _align_nonempty(
        src, tgt, options,
        [src_extra[i] for i in src_keep] if src_extra is not None else None,
        [tgt_extra[j] for j in tgt_keep] if tgt_extra is not None else None,
        regions,
    )
    return [
        Bead(tuple(src_keep[i] for i in range(i0, i1)), tuple(tgt_keep[j] for j in range(j0, j1)), s)
        for (i0, i1, j0, j1), s in spans
    ]


def _align_nonempty(
    src: Sequence[str], tgt: Sequence[str], options: AlignOptions,
    src_extra: Sequence[Sequence[str]] | None, tgt_extra: Sequence[Sequence[str]] | None,
    regions: Regions | None,
) -> list[tuple[Span, float]]:
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return [((i, i + 1, 0, 0), 0.0) for i in range(n)] + [((0, 0, j, j + 1), 0.0) for j in range(m)]
    src_chars = [len(t) for t in src]
    tgt_chars = [len(t) for t in tgt]
    length = initial_length_model(src_chars, tgt_chars)
    penalties = prior_penalties({s: GENERIC_PRIORS[s] for s in LENGTH_SHAPES})

    def length_only(a: Sequence[int], b: Sequence[int]) -> CostFn:
        return BeadCost(a, b, length, penalties, None).function()

    def find(guide: Sequence[Span], shapes: Sequence[tuple[int, int]], cost: CostFn) -> list[Span]:
        if regions is None:
            return search_around(guide, n, m, options.radius, shapes, cost, BEAM)
        lo, hi = regions.window()
        return search(n, m, lo, hi, shapes, regions.confine(cost), BEAM)

    if regions is None:
        path = coarse_to_fine(
            src_chars, tgt_chars, length_only, LENGTH_SHAPES, COARSE_RADIUS, LENGTH_BEAM
        )
    else:
        path = find([], LENGTH_SHAPES, length_only(src_chars, tgt_chars))
    src_side = Side.build(src, src_extra)
    tgt_side = Side.build(tgt, tgt_extra)
    base_links = identity_links(src_side, tgt_side)
    base_links |= name_links(src_side.names, tgt_side.names)
    base_links |= cognate_links(src_side.words, tgt_side.words)
    base_links |= glossary_links(options.glossary)
    cost = BeadCost(src_chars, tgt_chars, length, penalties, None)
    for _ in range(options.passes):
        sample = _spread(confident_pairs(path), LEARN_LIMIT)
        learned = learn_links([(src_side.keys[i], tgt_side.keys[j]) for i, j in sample])
        forward, backward = link_tables(base_links | learned)
        lexical = LexicalModel(src_side, tgt_side, forward, backward)
        lexical.fit(sample)
        # Lengths are re-estimated on pairs chosen by words alone: pairs chosen by the
        # length-only pass would make the document look more regular than it is.
        chosen = lexical_pairs(lexical, path)
        length = estimate_length_model([(src_chars[i], tgt_chars[j]) for i, j in chosen], length)
        cost = BeadCost(src_chars, tgt_chars, length, prior_penalties(GENERIC_PRIORS), lexical)
        path = find(path, BEAD_SHAPES, cost.function())
    return [(span, cost.score(*span)) for span in path]


__all__ = ["AlignOptions", "align_texts", "confident_pairs"]
