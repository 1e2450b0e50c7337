"""How sure the aligner is of each bead it chose: its posterior among the paths near its own.

Costs are negative log probabilities (shape prior, lengths, word evidence), so a forward-
backward sum over every path in a narrow band around the chosen path gives each chosen
bead the share of probability of the paths that contain it. A bead is weighed against its
local alternatives (a shifted pair, a merge, a deletion); alternatives outside the band are
ignored, which slightly overstates confidence, and an unrelated pair standing where a
translation should be still scores high, since two deletions are a priori rarer still.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Sequence

from tmtool.align.search import INF, UNPRICED, CostFn, Prices, Span, path_extent

RADIUS = 2  # corridor half-width around the chosen path, in segments
_TAKEN: array[float] = array("d")  # what is left of a row of prices no longer needed


def _logsumexp_cost(terms: list[float]) -> float:
    """-ln(sum(exp(-t))) of costs `terms` (INF when there are none)."""
    if not terms:
        return INF
    low = min(terms)
    if low == INF or len(terms) == 1:
        return low  # one term: low - ln(exp(0)) is low exactly
    exp = math.exp
    return low - math.log(sum([exp(low - t) for t in terms]))


def band(path: Sequence[Span], n: int, m: int, radius: int) -> tuple[list[int], list[int]]:
    """Per source position, the target positions the path passes through, widened by
    `radius` either side (narrower than the search's corridor: only local alternatives)."""
    lo, hi = path_extent(path, n, m)
    return [max(0, j - radius) for j in lo], [min(m, j + radius) for j in hi]


def bead_posteriors(
    path: Sequence[Span], n: int, m: int, shapes: Sequence[tuple[int, int]], cost: CostFn,
    radius: int = RADIUS, known: Prices | None = None,
) -> list[float]:
    """For each bead of `path`, the probability in [0, 1] that a path drawn from the band
    (with probability exp(-cost)) contains it. `known` holds prices of `cost` already
    computed (by the search that found `path`); they are taken over (emptied)."""
    if not path:
        return []
    lo, hi = band(path, n, m, radius)
    forward, edges = _forward(n, lo, hi, shapes, cost, known or Prices())
    total = forward[n][m - lo[n]]
    if total == INF:
        return [0.0] * len(path)
    backward = _backward(n, m, lo, hi, shapes, edges)
    out = []
    for i0, i1, j0, j1 in path:
        through = forward[i0][j0 - lo[i0]] + cost(i0, i1, j0, j1) + backward[i1][j1 - lo[i1]]
        out.append(min(1.0, math.exp(total - through)) if through != INF else 0.0)
    return out


def _forward(
    n: int, lo: Sequence[int], hi: Sequence[int], shapes: Sequence[tuple[int, int]], cost: CostFn,
    known: Prices,
) -> tuple[list[array[float]], list[array[float]]]:
    """Per row, -ln of the summed probability of the paths from (0, 0) to each cell, and the
    prices of the beads ending there (shape k at cell c: index c * len(shapes) + k; beads
    from a cell no path reaches are left unpriced)."""
    count = len(shapes)
    forward: list[array[float]] = []
    edges: list[array[float]] = []
    for i in range(n + 1):
        low, high = lo[i], hi[i]
        width = high - low + 1
        row = array("d", [INF]) * width
        costs = array("d", [UNPRICED]) * (width * count)
        if i < len(known.rows):  # the prices the search kept for cells of the band
            first, last = max(low, known.lo[i]), min(high, known.hi[i])
            kept, known.rows[i] = known.rows[i], _TAKEN  # taken over, not held twice
            if first <= last:
                costs[(first - low) * count:(last - low + 1) * count] = \
                    kept[(first - known.lo[i]) * count:(last - known.lo[i] + 1) * count]
        # per shape, in order: the row its beads start in, and that row's first and last cell
        sources = [(k, di, dj, row if di == 0 else forward[i - di], lo[i - di], hi[i - di])
                   for k, (di, dj) in enumerate(shapes) if di <= i]
        for c in range(width):
            j, at = low + c, c * count
            terms: list[float] = []
            for k, di, dj, values, first, last in sources:
                price = costs[at + k]
                if price == INF:
                    continue
                pj = j - dj
                if pj < first or pj > last:
                    continue
                prev = values[pj - first]
                if prev == INF:
                    continue
                if price != price:  # noqa: PLR0124 (NaN: not priced by the search)
                    price = costs[at + k] = cost(i - di, i, pj, j)
                    if price == INF:
                        continue
                terms.append(prev + price)
            row[c] = 0.0 if i == 0 and j == 0 else _logsumexp_cost(terms)
        forward.append(row)
        edges.append(costs)
    return forward, edges


def _backward(
    n: int, m: int, lo: Sequence[int], hi: Sequence[int], shapes: Sequence[tuple[int, int]],
    edges: list[array[float]],
) -> list[array[float]]:
    """Per row, -ln of the summed probability of the paths from each cell to (n, m)."""
    count = len(shapes)
    reach = max(di for di, _ in shapes) + 1
    backward: list[array[float]] = [array("d") for _ in range(n + 1)]
    for i in range(n, -1, -1):
        low, high = lo[i], hi[i]
        width = high - low + 1
        row = array("d", [INF]) * width
        # per shape, in order: the row its beads end in, that row's cells and bead prices
        targets = [(k, dj, row if di == 0 else backward[i + di], lo[i + di], hi[i + di], edges[i + di])
                   for k, (di, dj) in enumerate(shapes) if i + di <= n]
        for c in range(width - 1, -1, -1):
            j = low + c
            if i == n and j == m:
                row[c] = 0.0
                continue
            terms = []
            for k, dj, values, first, last, prices in targets:
                nj = j + dj
                if nj < first or nj > last:
                    continue
                price = prices[(nj - first) * count + k]
                if price < INF:  # neither impossible nor left unpriced (unreachable)
                    after = values[nj - first]
                    if after != INF:
                        terms.append(price + after)
            row[c] = _logsumexp_cost(terms)
        backward[i] = row
        if i + reach <= n:
            edges[i + reach] = _TAKEN  # no bead reaches back further than this
    return backward


__all__ = ["band", "bead_posteriors"]
