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

from tmtool.align.search import INF, CostFn, Span, path_extent

RADIUS = 2  # corridor half-width around the chosen path, in segments


def _logsumexp_cost(terms: list[float]) -> float:
    """-ln(sum(exp(-t))) of costs `terms` (INF when there are none)."""
    if not terms:
        return INF
    low = min(terms)
    if low == INF:
        return INF
    exp = math.exp
    return low - math.log(sum(exp(low - t) for t in terms))


def _band(path: Sequence[Span], n: int, m: int, radius: int) -> tuple[list[int], list[int]]:
    """Per source position, the target positions the path passes through, widened by
    `radius` either side (narrower than the search's corridor: only local alternatives)."""
    lo, hi = path_extent(path, n, m)
    return [max(0, j - radius) for j in lo], [min(m, j + radius) for j in hi]


def bead_posteriors(
    path: Sequence[Span], n: int, m: int, shapes: Sequence[tuple[int, int]], cost: CostFn,
    radius: int = RADIUS,
) -> list[float]:
    """For each bead of `path`, the probability in [0, 1] that a path drawn from the band
    (with probability exp(-cost)) contains it."""
    if not path:
        return []
    lo, hi = _band(path, n, m, radius)
    count = len(shapes)
    reach = max(di for di, _ in shapes) + 1
    forward: list[array[float]] = []
    edges: list[array[float]] = []  # row i: cost of shape k ending at cell c, at c * count + k
    for i in range(n + 1):
        low, high = lo[i], hi[i]
        width = high - low + 1
        row = array("d", [INF]) * width
        costs = array("d", [INF]) * (width * count)
        for c in range(width):
            j = low + c
            terms: list[float] = []
            for k, (di, dj) in enumerate(shapes):
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                if di == 0:
                    if pj < low:
                        continue
                    prev = row[pj - low]
                else:
                    if not lo[pi] <= pj <= hi[pi]:
                        continue
                    prev = forward[pi][pj - lo[pi]]
                if prev == INF:
                    continue
                price = cost(pi, i, pj, j)
                costs[c * count + k] = price
                if price != INF:
                    terms.append(prev + price)
            row[c] = 0.0 if i == 0 and j == 0 else _logsumexp_cost(terms)
        forward.append(row)
        edges.append(costs)
    total = forward[n][m - lo[n]]
    if total == INF:
        return [0.0] * len(path)
    backward: list[array[float]] = [array("d") for _ in range(n + 1)]
    for i in range(n, -1, -1):
        low, high = lo[i], hi[i]
        width = high - low + 1
        row = array("d", [INF]) * width
        for c in range(width - 1, -1, -1):
            j = low + c
            if i == n and j == m:
                row[c] = 0.0
                continue
            terms = []
            for k, (di, dj) in enumerate(shapes):
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                if di == 0:
                    if nj > high:
                        continue
                    after = row[nj - low]
                else:
                    if not lo[ni] <= nj <= hi[ni]:
                        continue
                    after = backward[ni][nj - lo[ni]]
                if after == INF:
                    continue
                price = edges[ni][(nj - lo[ni]) * count + k]
                if price != INF:
                    terms.append(price + after)
            row[c] = _logsumexp_cost(terms)
        backward[i] = row
        if i + reach <= n:
            edges[i + reach] = array("d")  # no bead reaches back further than this
    out = []
    for i0, i1, j0, j1 in path:
        through = forward[i0][j0 - lo[i0]] + cost(i0, i1, j0, j1) + backward[i1][j1 - lo[i1]]
        out.append(min(1.0, math.exp(total - through)) if through != INF else 0.0)
    return out


__all__ = ["bead_posteriors"]
