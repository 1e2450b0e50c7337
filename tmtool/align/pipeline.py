"""Aligning two lists of segments: a length-only pass, then a lexical pass that learns from it.

Pass 0 is Gale-Church with the document's own length ratio, searched coarse-to-fine; the next
pass learns word links, coverage laws and the length variance from pass 0's confident 1-1
pairs and searches a corridor around its path with all bead shapes. What it learned
(`Evidence`) can be reused on another view of the same pair (blocks, sentences in blocks).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from tmtool.align.beads import BEAD_SHAPES, DELETION, Bead, prior_penalties, with_deletion
from tmtool.align.confidence import RADIUS, band, bead_posteriors
from tmtool.align.coverage import GENERIC, NEUTRAL, CoverageModel
from tmtool.align.evidence import learn_links, link_tables
from tmtool.align.lengths import LengthModel, estimate_length_model, initial_length_model, loosened
from tmtool.align.regions import Groups, Regions, within_groups
from tmtool.align.scoring import BeadCost, LexicalModel
from tmtool.align.search import INF, CostFn, Prices, Span, coarse_to_fine, search, search_around
from tmtool.align.views import KeyedView, TermPair, glossary_links, keyed_view

# Pass 0 uses Gale & Church's own bead shapes.
LENGTH_SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))
LEARN_LIMIT = 6000  # confident pairs used for learning (spread evenly over the document)
FEW_PAIRS = 3  # blocks are few: their coverage law is fitted on as few pairs as this
# A partial path this many nats (a factor e^40) worse than the best one at the same source
# position is abandoned; the search widens its corridor if the best path hugs its border.
BEAM = 40.0
LENGTH_BEAM = 20.0  # the same for the length-only pass, whose costs are smaller
COARSE_RADIUS = 6  # corridor half-width between the levels of the length-only pass
CONFIDENT_LOG_ODDS = math.log(99.0)  # word evidence that picks pairs for the length model
# The search keeps the prices of beads this many target positions beyond the confidence band
# around the path that guides it: the chosen path rarely strays further from its guide.
PRICES_KEPT = 1

# what an alignment is run for: scored beads, beads alone, or only the evidence it learns
Wanted = Literal["scored", "beads", "evidence"]


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Settings of one alignment (generic; nothing here is fitted to a particular corpus)."""

    glossary: tuple[TermPair, ...] = ()
    passes: int = 1  # lexical passes after the length-only pass
    radius: int = 4  # half-width of the corridor searched around the previous path
    min_score: float = 0.0
    deletion: float = DELETION  # prior of a segment (or block) left unpaired, each direction


@dataclass(frozen=True)
class Evidence:
    """What a lexical pass learned from a document pair, reusable on another view of the same
    pair (its blocks, or its sentences inside blocks)."""

    links: frozenset[tuple[str, str]]
    src_model: CoverageModel | None  # None: fit anew on the new view's own first pass
    tgt_model: CoverageModel | None
    length: LengthModel
    view: KeyedView | None = field(default=None, compare=False, repr=False)


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
    llr = lexical.function()
    best_of_src: dict[int, tuple[float, int]] = {}
    best_of_tgt: dict[int, tuple[float, int]] = {}
    for i0, i1, j0, _ in path:
        for i in range(i0, i1):
            for j in range(max(0, j0 - reach), min(m, j0 + reach + 1)):
                odds = llr(i, i + 1, j, j + 1)
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
    preset: Evidence | None = None,
    groups: Groups | None = None,
    *, scores: bool = True,
) -> list[Bead]:
    """Beads over the two segment lists (indices into them), in document order.

    `src_extra`/`tgt_extra` add evidence keys per segment (e.g. inline-markup types).
    `regions` (documents only; every segment must then have text) confines beads to
    aligned blocks. `preset` replaces learning by what was learned elsewhere. `groups` (one
    id per segment and side, in runs) keeps a bead from joining segments of two groups.
    With `scores=False` the confidence pass is skipped and every bead scores 0.0.
    """
    return align_with_evidence(src_texts, tgt_texts, options, src_extra, tgt_extra, regions, preset, groups,
                               wanted="scored" if scores else "beads")[0]


def align_with_evidence(
    src_texts: Sequence[str], tgt_texts: Sequence[str], options: AlignOptions,
    src_extra: Sequence[Sequence[str]] | None = None,
    tgt_extra: Sequence[Sequence[str]] | None = None,
    regions: Regions | None = None,
    preset: Evidence | None = None,
    groups: Groups | None = None,
    *, wanted: Wanted = "scored",
) -> tuple[list[Bead], Evidence | None]:
    """`align_texts`, also returning the evidence its last pass used (None if none). `wanted`
    "beads" skips the confidence pass (every bead scores 0.0); "evidence" skips the last
    search too (no beads: only what was learned is wanted)."""
    src_keep = [i for i, t in enumerate(src_texts) if t.strip()]
    tgt_keep = [j for j, t in enumerate(tgt_texts) if t.strip()]
    if regions is not None and (len(src_keep), len(tgt_keep)) != (len(src_texts), len(tgt_texts)):
        raise ValueError("regions need segments that all have text")
    src = [src_texts[i].strip() for i in src_keep]
    tgt = [tgt_texts[j].strip() for j in tgt_keep]
    spans, evidence = _align_nonempty(
        src, tgt, options,
        [src_extra[i] for i in src_keep] if src_extra is not None else None,
        [tgt_extra[j] for j in tgt_keep] if tgt_extra is not None else None,
        regions, preset,
        ([groups[0][i] for i in src_keep], [groups[1][j] for j in tgt_keep]) if groups is not None else None,
        wanted,
    )
    beads = [
        Bead(tuple(src_keep[i] for i in range(i0, i1)), tuple(tgt_keep[j] for j in range(j0, j1)), s)
        for (i0, i1, j0, j1), s in spans
    ]
    return beads, evidence


def learn_evidence(
    src_texts: Sequence[str], tgt_texts: Sequence[str], options: AlignOptions,
    regions: Regions | None = None,
) -> Evidence | None:
    """What `align_with_evidence` would learn, without its last search and confidence pass
    (their beads are not needed when only the evidence is wanted)."""
    return align_with_evidence(src_texts, tgt_texts, options, regions=regions, wanted="evidence")[1]


def _learn(
    path: Sequence[Span], view: KeyedView, chars: tuple[Sequence[int], Sequence[int]],
    length: LengthModel, known: Sequence[tuple[int, int]] = (),
) -> tuple[LexicalModel, Evidence]:
    """Learn word links and coverage laws from a path's confident pairs and the `known` ones
    (`Regions.known`), then the lengths."""
    src_side, tgt_side = view.src_side, view.tgt_side
    sample = _with_known(_spread(confident_pairs(path), LEARN_LIMIT), known)
    learned = learn_links([(src_side.keys[i], tgt_side.keys[j]) for i, j in sample])
    forward, backward = link_tables(view.base_links | learned)
    lexical = LexicalModel(src_side, tgt_side, forward, backward)
    lexical.fit(sample, fallback=_fallback(known))
    # Lengths are re-estimated on pairs chosen by words alone: pairs chosen by the
    # length-only pass would make the document look more regular than it is.
    chosen = _with_known(lexical_pairs(lexical, path), known)
    length = estimate_length_model([(chars[0][i], chars[1][j]) for i, j in chosen], length)
    return lexical, Evidence(frozenset(learned), lexical.src_model, lexical.tgt_model, length, view)


def _fallback(known: Sequence[tuple[int, int]]) -> CoverageModel:
    """The coverage laws of a document pair with too few pairs to fit its own: the generic
    ones for a documentation page whose headings fix pairs (the kind of text they were measured
    on, where a short or out-of-date page leaves the first pass few pairs to trust), else none
    (lengths alone decide until the pair's own words can)."""
    return GENERIC if known else NEUTRAL


def _with_known(pairs: list[tuple[int, int]], known: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`pairs` and the known pairs, in document order, each once; a pair that shares a segment
    with a known one is left out."""
    if not known:
        return pairs
    kept = set(known)
    src_taken, tgt_taken = {i for i, _ in known}, {j for _, j in known}
    kept.update((i, j) for i, j in pairs if i not in src_taken and j not in tgt_taken)
    return sorted(kept)


def _reuse(path: Sequence[Span], view: KeyedView, preset: Evidence,
           known: Sequence[tuple[int, int]] = ()) -> LexicalModel:
    """A lexical model from evidence learned on another view of the same document pair."""
    forward, backward = link_tables(view.base_links | preset.links)
    lexical = LexicalModel(view.src_side, view.tgt_side, forward, backward)
    if preset.src_model is None or preset.tgt_model is None:
        lexical.fit(_with_known(confident_pairs(path), known), minimum=FEW_PAIRS, fallback=_fallback(known))
    else:
        lexical.src_model, lexical.tgt_model = preset.src_model, preset.tgt_model
    return lexical


@dataclass(frozen=True)
class _Search:
    """How one view is searched: its size, hard limits and corridor."""

    n: int
    m: int
    radius: int
    regions: Regions | None
    groups: Groups | None

    def limited(self, cost: CostFn) -> CostFn:
        cost = cost if self.groups is None else within_groups(cost, self.groups)
        return cost if self.regions is None else self.regions.confine(cost)

    def find(self, guide: Sequence[Span], shapes: Sequence[tuple[int, int]], cost: CostFn,
             prices: Prices | None = None) -> list[Span]:
        if self.regions is None:
            return search_around(guide, self.n, self.m, self.radius, shapes, self.limited(cost), BEAM,
                                 prices)
        lo, hi = self.regions.window()
        # no beam here: a region may allow only a few paths, which a beam could all cut off
        return search(self.n, self.m, lo, hi, shapes, self.limited(cost), prices=prices)

    def length_pass(self, chars: tuple[Sequence[int], Sequence[int]], length: LengthModel,
                    penalties: dict[tuple[int, int], float]) -> list[Span]:
        """Pass 0: lengths only, with Gale & Church's bead shapes."""
        def length_only(a: Sequence[int], b: Sequence[int]) -> CostFn:
            return BeadCost(a, b, length, penalties, None).function()

        if self.regions is None:
            return coarse_to_fine(*chars, length_only, LENGTH_SHAPES, COARSE_RADIUS, LENGTH_BEAM)
        return self.find([], LENGTH_SHAPES, length_only(*chars))


def _align_nonempty(
    src: Sequence[str], tgt: Sequence[str], options: AlignOptions,
    src_extra: Sequence[Sequence[str]] | None, tgt_extra: Sequence[Sequence[str]] | None,
    regions: Regions | None, preset: Evidence | None, groups: Groups | None = None,
    wanted: Wanted = "scored",
) -> tuple[list[tuple[Span, float]], Evidence | None]:
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        deletions = [((i, i + 1, 0, 0), 0.0) for i in range(n)] + [((0, 0, j, j + 1), 0.0) for j in range(m)]
        return deletions, preset
    chars = ([len(t) for t in src], [len(t) for t in tgt])
    length = initial_length_model(*chars)
    priors = with_deletion(options.deletion)
    penalties = prior_penalties({s: priors[s] for s in LENGTH_SHAPES})
    plan = _Search(n, m, options.radius, regions, groups)
    known = regions.known if regions is not None else ()
    path = plan.length_pass(chars, length, penalties)
    view = keyed_view(src, tgt, src_extra, tgt_extra, options.glossary, preset.view if preset else None)
    cost = BeadCost(*chars, length, penalties, None)
    shapes: Sequence[tuple[int, int]] = LENGTH_SHAPES
    prices: Prices | None = None
    evidence = preset
    passes = options.passes if preset is None else 1
    for number in range(passes):
        if preset is None:
            lexical, evidence = _learn(path, view, chars, length, known)
            length = evidence.length
        else:
            lexical, length = _reuse(path, view, preset, known), preset.length
        if wanted == "evidence" and number == passes - 1:
            return [], evidence  # the last search would only give beads
        if regions is not None:
            length = loosened(length)
        cost = BeadCost(*chars, length, prior_penalties(priors), lexical)
        shapes = BEAD_SHAPES
        prices = Prices(band(path, n, m, RADIUS + PRICES_KEPT))
        path = plan.find(path, shapes, cost.function(), prices)
    if wanted == "beads":
        return [(span, 0.0) for span in path], evidence
    posteriors = bead_posteriors(path, n, m, shapes, plan.limited(cost.function()), known=prices)
    # the score is the posterior of the chosen bead (deletions are never exported: score 0)
    return [
        (span, p if span[0] < span[1] and span[2] < span[3] else 0.0) for span, p in zip(path, posteriors)
    ], evidence


__all__ = ["AlignOptions", "Evidence", "TermPair", "align_texts", "align_with_evidence", "confident_pairs",
           "glossary_links", "learn_evidence"]
