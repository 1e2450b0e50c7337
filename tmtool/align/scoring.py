"""The price of a bead: shape prior + Gale-Church length cost - lexical log-likelihood ratio (nats).

The lexical part counts, per segment, the keys with a linked key on the other side, and
weighs the counts by the document's coverage laws (`coverage.CoverageModel`). The search calls
the price millions of times, so `BeadCost.function` and `LexicalModel.function` give it as
closures that keep what they computed near the search's position; they take sums in the same
order as the plain methods, so both give the same floats.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence

from tmtool.align.beads import MAX_SIDE
from tmtool.align.coverage import NEUTRAL, CoverageModel
from tmtool.align.evidence import Links, Side
from tmtool.align.lengths import LengthModel
from tmtool.align.search import INF, CostFn

_SQRT_PI = math.sqrt(math.pi)

CACHE_ROWS = 4  # rows of pair masks kept while the search moves down the source side
CACHED_CELLS = 1 << 12  # segment pairs whose masks the price closures keep (under 1 MB)
# A bead with four or more segments on a side whose lengths alone cost more than this many nats
# (over five standard deviations) is impossible: its word evidence, the dearest part of the
# price, is not computed. A true 1-4 or 1-5 bead has lengths that add up.
LONG_BEAD_LENGTH_LIMIT = 15.0


class LexicalModel:
    """Pair masks (which keys of a segment are explained by another) and their weights."""

    def __init__(self, src: Side, tgt: Side, forward: Links, backward: Links) -> None:
        self.src_sizes = [len(k) for k in src.keys]
        self.tgt_sizes = [len(k) for k in tgt.keys]
        self.src_sets = [frozenset(k) for k in src.keys]
        self.tgt_sets = [frozenset(k) for k in tgt.keys]
        self.src_linked = [
            tuple((1 << bit, forward[k]) for bit, k in enumerate(keys) if k in forward)
            for keys in src.keys
        ]
        self.tgt_linked = [
            tuple((1 << bit, backward[k]) for bit, k in enumerate(keys) if k in backward)
            for keys in tgt.keys
        ]
        self._rows: dict[int, dict[int, tuple[int, int]]] = {}
        self.src_model = NEUTRAL
        self.tgt_model = NEUTRAL
        # the price closures' cells (see `function`), valid for one pair of coverage models
        self._cells: dict[int, Cell] = {}
        self._cells_models = (self.src_model, self.tgt_model)

    def masks(self, i: int, j: int) -> tuple[int, int]:
        """(bits of source keys explained by target j, bits of target keys explained by i)."""
        row = self._rows.get(i)
        if row is None:
            if len(self._rows) > 2 * CACHE_ROWS:  # searches move forward: forget far rows
                for old in [r for r in self._rows if abs(r - i) > CACHE_ROWS]:
                    del self._rows[old]
            row = self._rows[i] = {}
        found = row.get(j)
        if found is None:
            found = row[j] = self._pair_masks(i, j)
        return found

    def llr(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """ln P(keys explained as observed | translation) / P(... | unrelated)."""
        masks = self.masks
        src_llr, tgt_llr = self.src_model.llr, self.tgt_model.llr
        if i1 - i0 == 1 and j1 - j0 == 1:
            src_mask, tgt_mask = masks(i0, j0)
            return src_llr(src_mask.bit_count(), self.src_sizes[i0], 1) + tgt_llr(
                tgt_mask.bit_count(), self.tgt_sizes[j0], 1
            )
        if j1 - j0 == 1:  # n-1: each source segment faces the one target segment
            src_total, tgt_union = 0.0, 0
            for i in range(i0, i1):
                src_mask, tgt_mask = masks(i, j0)
                src_total += src_llr(src_mask.bit_count(), self.src_sizes[i], 1)
                tgt_union |= tgt_mask
            return src_total + tgt_llr(tgt_union.bit_count(), self.tgt_sizes[j0], i1 - i0)
        if i1 - i0 == 1:  # 1-n
            tgt_total, src_union = 0.0, 0
            for j in range(j0, j1):
                src_mask, tgt_mask = masks(i0, j)
                tgt_total += tgt_llr(tgt_mask.bit_count(), self.tgt_sizes[j], 1)
                src_union |= src_mask
            return tgt_total + src_llr(src_union.bit_count(), self.src_sizes[i0], j1 - j0)
        src_union_list = [0] * (i1 - i0)
        tgt_union_list = [0] * (j1 - j0)
        for i in range(i0, i1):
            for j in range(j0, j1):
                src_mask, tgt_mask = masks(i, j)
                src_union_list[i - i0] |= src_mask
                tgt_union_list[j - j0] |= tgt_mask
        return sum(
            src_llr(mask.bit_count(), self.src_sizes[i0 + k], j1 - j0)
            for k, mask in enumerate(src_union_list)
        ) + sum(
            tgt_llr(mask.bit_count(), self.tgt_sizes[j0 + k], i1 - i0)
            for k, mask in enumerate(tgt_union_list)
        )

    def function(self) -> CostFn:
        """`llr` as a closure with everything bound, each segment pair's masks and 1-1 ratios
        computed once while the search is near it (the search calls it millions of times);
        the closures of one model share them."""
        if self._cells_models != (self.src_model, self.tgt_model):  # ratios changed: so do cells
            self._cells, self._cells_models = {}, (self.src_model, self.tgt_model)
        src, tgt = _SideRatios(self.src_model, self.src_sizes), _SideRatios(self.tgt_model, self.tgt_sizes)
        stride = len(self.tgt_sizes) + 1
        cell = _cell_function(self._pair_masks, self._cells, stride, src, tgt)
        return _llr_function(self._cells, cell, stride, src, tgt)

    def _pair_masks(self, i: int, j: int) -> tuple[int, int]:
        """`masks` without the cache."""
        tgt_set = self.tgt_sets[j]
        src_mask = 0
        for bit, links in self.src_linked[i]:
            if not links.isdisjoint(tgt_set):
                src_mask |= bit
        src_set = self.src_sets[i]
        tgt_mask = 0
        for bit, links in self.tgt_linked[j]:
            if not links.isdisjoint(src_set):
                tgt_mask |= bit
        return src_mask, tgt_mask

    def fit(self, pairs: Sequence[tuple[int, int]], minimum: int = 10,
            fallback: CoverageModel = NEUTRAL) -> None:
        """Set the weights from confident 1-1 pairs (i, j) in document order; with fewer than
        `minimum` of them, or pairs whose words tell true from shifted no better than chance,
        the `fallback` laws (no evidence, or `coverage.GENERIC`)."""
        if len(pairs) < max(minimum, 2):
            self._rows.clear()
            self.src_model = self.tgt_model = fallback
            return
        shift = 3
        src_true, src_false, tgt_true, tgt_false = [], [], [], []
        for index, (i, j) in enumerate(pairs):
            src_mask, tgt_mask = self.masks(i, j)
            src_true.append((src_mask.bit_count(), self.src_sizes[i]))
            tgt_true.append((tgt_mask.bit_count(), self.tgt_sizes[j]))
            wrong = pairs[(index + shift) % len(pairs)][1]
            src_mask, tgt_mask = self.masks(i, wrong)
            src_false.append((src_mask.bit_count(), self.src_sizes[i]))
            tgt_false.append((tgt_mask.bit_count(), self.tgt_sizes[wrong]))
        self._rows.clear()
        self.src_model = _or(CoverageModel.fit(src_true, src_false), fallback)
        self.tgt_model = _or(CoverageModel.fit(tgt_true, tgt_false), fallback)


def _or(model: CoverageModel, fallback: CoverageModel) -> CoverageModel:
    return fallback if model.neutral else model


# what a price closure keeps of a segment pair: (1-1 ratio, its source part, its target part,
# source mask, target mask), under the key source index * (target count + 1) + target index
Cell = tuple[float, float, float, int, int]


def _cell_function(
    pair_masks: Callable[[int, int], tuple[int, int]], cells: dict[int, Cell], stride: int,
    src: _SideRatios, tgt: _SideRatios,
) -> Callable[[int, int], Cell]:
    """The function that computes and keeps a segment pair's `Cell`."""
    src_one, tgt_one, src_ratio, tgt_ratio = src.of(1), tgt.of(1), src.ratio, tgt.ratio

    def cell(i: int, j: int) -> Cell:
        if len(cells) >= CACHED_CELLS:  # searches move forward: start afresh
            cells.clear()
        src_mask, tgt_mask = pair_masks(i, j)
        src_llr = src_one[i][src_mask.bit_count()]
        if src_llr != src_llr:  # noqa: PLR0124 (NaN: not computed yet)
            src_llr = src_ratio(i, 1, src_mask.bit_count())
        tgt_llr = tgt_one[j][tgt_mask.bit_count()]
        if tgt_llr != tgt_llr:  # noqa: PLR0124 (NaN: not computed yet)
            tgt_llr = tgt_ratio(j, 1, tgt_mask.bit_count())
        found = cells[i * stride + j] = (src_llr + tgt_llr, src_llr, tgt_llr, src_mask, tgt_mask)
        return found

    return cell


def _llr_function(
    cells: dict[int, Cell], cell: Callable[[int, int], Cell], stride: int, src: _SideRatios,
    tgt: _SideRatios,
) -> CostFn:
    """`LexicalModel.llr` over kept cells, its sums taken in the same order (the same floats)."""
    src_of, tgt_of, src_ratio, tgt_ratio = src.of, tgt.of, src.ratio, tgt.ratio
    many = _many_function(cells, cell, stride, src, tgt)

    def llr(i0: int, i1: int, j0: int, j1: int) -> float:
        di, dj = i1 - i0, j1 - j0
        key = i0 * stride + j0
        if dj == 1:
            if di == 1:
                return (cells.get(key) or cell(i0, j0))[0]
            # n-1: each source segment faces the one target segment
            src_total, tgt_union = 0.0, 0
            for i in range(i0, i1):
                found = cells.get(key) or cell(i, j0)
                src_total += found[1]
                tgt_union |= found[4]
                key += stride
            hits = tgt_union.bit_count()
            ratio = tgt_of(di)[j0][hits]
            if ratio != ratio:  # noqa: PLR0124 (NaN: not computed yet)
                ratio = tgt_ratio(j0, di, hits)
            return src_total + ratio
        if di == 1:  # 1-n
            tgt_total, src_union = 0.0, 0
            for j in range(j0, j1):
                found = cells.get(key) or cell(i0, j)
                tgt_total += found[2]
                src_union |= found[3]
                key += 1
            hits = src_union.bit_count()
            ratio = src_of(dj)[i0][hits]
            if ratio != ratio:  # noqa: PLR0124 (NaN: not computed yet)
                ratio = src_ratio(i0, dj, hits)
            return tgt_total + ratio
        return many(i0, i1, j0, j1)

    return llr


def _many_function(
    cells: dict[int, Cell], cell: Callable[[int, int], Cell], stride: int, src: _SideRatios,
    tgt: _SideRatios,
) -> CostFn:
    """`llr` of beads with several segments on both sides: each faces all those of the other."""
    src_ratio, tgt_ratio = src.ratio, tgt.ratio

    def many(i0: int, i1: int, j0: int, j1: int) -> float:
        di, dj = i1 - i0, j1 - j0
        key = i0 * stride + j0
        if di == 2 and dj == 2:  # the only such bead shape the aligner uses, written out
            top, top_right = cells.get(key) or cell(i0, j0), cells.get(key + 1) or cell(i0, j0 + 1)
            key += stride
            low, low_right = cells.get(key) or cell(i0 + 1, j0), cells.get(key + 1) or cell(i0 + 1, j0 + 1)
            return sum([
                src_ratio(i0, 2, (top[3] | top_right[3]).bit_count()),
                src_ratio(i0 + 1, 2, (low[3] | low_right[3]).bit_count()),
            ]) + sum([
                tgt_ratio(j0, 2, (top[4] | low[4]).bit_count()),
                tgt_ratio(j0 + 1, 2, (top_right[4] | low_right[4]).bit_count()),
            ])
        src_unions, tgt_unions = [0] * di, [0] * dj
        for a in range(di):
            for b in range(dj):
                found = cells.get(key + a * stride + b) or cell(i0 + a, j0 + b)
                src_unions[a] |= found[3]
                tgt_unions[b] |= found[4]
        return sum([src_ratio(i0 + a, dj, mask.bit_count()) for a, mask in enumerate(src_unions)]) + sum(
            [tgt_ratio(j0 + b, di, mask.bit_count()) for b, mask in enumerate(tgt_unions)]
        )

    return many


class _SideRatios:
    """One side's ratio rows (`CoverageModel.ratios`) per facing and segment, fetched for all
    its segments when a bead first needs that facing."""

    def __init__(self, model: CoverageModel, sizes: list[int]) -> None:
        self.model, self.sizes = model, sizes
        self.rows: list[list[array[float]] | None] = [None] * (MAX_SIDE + 1)

    def of(self, facing: int) -> list[array[float]]:
        """Per segment, its ratio row when facing `facing` segments."""
        found = self.rows[facing]
        if found is None:
            found = self.rows[facing] = [self.model.ratios(size, facing) for size in self.sizes]
        return found

    def ratio(self, k: int, facing: int, hits: int) -> float:
        """`model.llr` of segment `k` with `hits` keys explained, facing `facing` segments."""
        return self.model.ratio(hits, self.sizes[k], facing)


class BeadCost:
    """The search's cost function: shape penalty + length cost - lexical evidence."""

    def __init__(
        self, src_chars: Sequence[int], tgt_chars: Sequence[int], length: LengthModel,
        penalties: dict[tuple[int, int], float], lexical: LexicalModel | None,
    ) -> None:
        self.src_prefix = _prefix(src_chars)
        self.tgt_prefix = _prefix(tgt_chars)
        self.length = length
        self.penalties = penalties
        self.lexical = lexical

    def __call__(self, i0: int, i1: int, j0: int, j1: int) -> float:
        penalty = self.penalties[(i1 - i0, j1 - j0)]
        if i0 == i1 or j0 == j1:
            return penalty
        return penalty + self.evidence_cost(i0, i1, j0, j1)

    def evidence_cost(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Length cost minus lexical log-likelihood ratio (no shape prior)."""
        cost = self.length.cost(
            self.src_prefix[i1] - self.src_prefix[i0], self.tgt_prefix[j1] - self.tgt_prefix[j0]
        )
        if cost > LONG_BEAD_LENGTH_LIMIT and max(i1 - i0, j1 - j0) >= 4:
            return INF
        if self.lexical is not None:
            cost -= self.lexical.llr(i0, i1, j0, j1)
        return cost

    def function(self) -> CostFn:
        """The same price as `__call__`, as a closure with everything bound (the search calls
        it millions of times)."""
        src_prefix, tgt_prefix = self.src_prefix, self.tgt_prefix
        c, s2 = self.length.c, self.length.s2
        inv_c = 1.0 / c
        sides = range(MAX_SIDE + 1)
        penalty = [[self.penalties.get((a, b), INF) for b in sides] for a in sides]
        lexical = self.lexical.function() if self.lexical is not None else None
        erfc, log, sqrt = math.erfc, math.log, math.sqrt

        def cost(i0: int, i1: int, j0: int, j1: int) -> float:
            di, dj = i1 - i0, j1 - j0
            if di == 0 or dj == 0:
                return penalty[di][dj]
            src_chars = src_prefix[i1] - src_prefix[i0]
            tgt_chars = tgt_prefix[j1] - tgt_prefix[j0]
            x = abs(tgt_chars - c * src_chars) / sqrt(s2 * (src_chars + tgt_chars * inv_c))
            if x > LONG_BEAD_X and (di >= 4 or dj >= 4):
                return INF  # the length cost is above LONG_BEAD_LENGTH_LIMIT (see below)
            p = erfc(x)
            length_cost = -log(p) if p > 1e-300 else x * x + log(x * _SQRT_PI)
            if length_cost > LONG_BEAD_LENGTH_LIMIT and (di >= 4 or dj >= 4):
                return INF
            total = penalty[di][dj] + length_cost
            if lexical is not None:
                total -= lexical(i0, i1, j0, j1)
            return total

        return cost


def _long_bead_x() -> float:
    """A standardised length difference past which the length cost surely exceeds
    LONG_BEAD_LENGTH_LIMIT: found by bisection, then moved up by a margin far above the
    rounding error of erfc, so that skipping erfc there never changes a decision."""
    low, high = 0.0, 40.0
    for _ in range(200):
        middle = (low + high) / 2
        if -math.log(math.erfc(middle)) > LONG_BEAD_LENGTH_LIMIT:
            high = middle
        else:
            low = middle
    return high + 1e-6


LONG_BEAD_X = _long_bead_x()


def _prefix(values: Sequence[int]) -> list[int]:
    out = [0]
    for value in values:
        out.append(out[-1] + value)
    return out
