"""The monotone bead search: dynamic programming restricted to a window of target positions
per source position, so time and memory grow with length times window width, never with
length squared.

Windows come from a coarser alignment: `coarse_to_fine` halves both documents (joining
neighbouring segments) until they are small, aligns that exactly, and widens each finer
level's search only around the projected path (the FastDTW idea). Later passes search a
corridor around the previous pass's path (`corridor`).
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence

# A bead as (first source index, end source index, first target index, end target index).
Span = tuple[int, int, int, int]
CostFn = Callable[[int, int, int, int], float]

INF = float("inf")
UNPRICED = math.nan  # a bead the search did not price (its start was outside the window or beam)
EXACT_LIMIT = 80  # documents with at most this many segments a side are searched in full
MAX_RADIUS = 128  # corridors stop widening here, so time stays linear even on unrelated texts


class Prices:
    """The bead prices a search computed, kept for the confidence pass, which prices beads of
    the same cost function near the chosen path (a memo of a pure function: whatever is
    missing is priced again). Row `i` holds the price of shape `k` ending at target position
    `j` at `(j - lo[i]) * shapes + k`, `UNPRICED` where the search did not price it.

    Only beads ending inside `keep` (per row, the lowest and highest target position kept;
    by default the whole window) are kept: the chosen path stays near the path that guided
    the search, and whole rows would hold the corridor's full width in memory."""

    def __init__(self, keep: tuple[Sequence[int], Sequence[int]] | None = None) -> None:
        self.keep = keep
        self.lo: list[int] = []
        self.hi: list[int] = []
        self.rows: list[array[float]] = []

    def restart(self) -> None:
        self.lo, self.hi, self.rows = [], [], []

    def add(self, low: int, high: int, priced: array[float], shapes: int) -> None:
        """The next row: the prices of the beads ending at `low`..`high`."""
        i = len(self.rows)
        first, last = (low, high) if self.keep is None else (max(low, self.keep[0][i]), min(high, self.keep[1][i]))
        last = max(last, first - 1)
        self.lo.append(first)
        self.hi.append(last)
        self.rows.append(priced[(first - low) * shapes:(last - low + 1) * shapes])

    def price(self, i: int, j: int, k: int, shapes: int) -> float:
        """The stored price, or UNPRICED."""
        if i >= len(self.rows) or not self.lo[i] <= j <= self.hi[i]:
            return UNPRICED
        return self.rows[i][(j - self.lo[i]) * shapes + k]


def search(
    n: int, m: int, lo: Sequence[int], hi: Sequence[int],
    shapes: Sequence[tuple[int, int]], cost: CostFn, beam: float = INF, prices: Prices | None = None,
) -> list[Span]:
    """The cheapest monotone bead path from (0, 0) to (n, m) inside the window.

    Row `i` (source segments consumed) may hold target positions `lo[i]..hi[i]`; `cost(i0, i1,
    j0, j1)` prices the bead of source segments i0..i1-1 and target segments j0..j1-1
    (shape penalty included). The window must contain (0, 0) and (n, m). Cells costing more
    than `beam` above the best of their row are abandoned (never extended). `prices`, when
    given, receives the prices computed (those of beads ending inside its `keep`).
    """
    if lo[0] != 0:
        raise ValueError("the search window must start at (0, 0)")
    reach = max(di for di, _ in shapes) + 1
    live: list[list[tuple[int, float]]] = []  # per row: (target position, cost) still open
    backs: list[bytearray] = []
    if prices is not None:
        prices.restart()
    for i in range(n + 1):
        row, back, priced = _row(i, lo[i], hi[i], live, shapes, cost, prices is not None)
        limit = min(row) + beam
        live.append([(lo[i] + index, value) for index, value in enumerate(row) if value <= limit])
        backs.append(back)
        if prices is not None and priced is not None:
            prices.add(lo[i], hi[i], priced, len(shapes))
        if i >= reach:
            live[i - reach] = []  # no bead reaches back this far any more
    if not lo[n] <= m <= hi[n] or backs[n][m - lo[n]] == 0xFF and (n, m) != (0, 0):
        raise ValueError("the search window does not reach the end of both documents")
    path: list[Span] = []
    i, j = n, m
    while i > 0 or j > 0:
        di, dj = shapes[backs[i][j - lo[i]]]
        path.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    path.reverse()
    return path


def _row(
    i: int, low: int, high: int, live: list[list[tuple[int, float]]], shapes: Sequence[tuple[int, int]],
    cost: CostFn, keep: bool,
) -> tuple[list[float], bytearray, array[float] | None]:
    """Row `i` of the search: the best cost of each cell from `low` to `high`, the shape of
    the bead that ends the best path there (0xFF: none), and (`keep`) every bead price computed."""
    width = high - low + 1
    count = len(shapes)
    row = [INF] * width
    back = bytearray(b"\xff") * width
    priced = array("d", [UNPRICED]) * (width * count) if keep else None
    if i == 0:
        row[0] = 0.0
    for k, (di, dj) in enumerate(shapes):
        if di == 0 or di > i:
            continue
        pi, shift = i - di, dj - low
        for pj, prev in live[pi]:
            c = pj + shift  # the bead's end, as a cell of this row
            if c < 0 or c >= width:
                continue
            price = cost(pi, i, pj, pj + dj)
            if priced is not None:
                priced[c * count + k] = price
            total = prev + price
            if total < row[c]:
                row[c] = total
                back[c] = k
    for k, (di, dj) in enumerate(shapes):
        if di > 0 or dj == 0:
            continue
        for c in range(width - dj):  # beads of target segments alone, from cells of this row
            prev = row[c]
            if prev == INF:
                continue
            price = cost(i, i, low + c, low + c + dj)
            if priced is not None:
                priced[(c + dj) * count + k] = price
            total = prev + price
            if total < row[c + dj]:
                row[c + dj] = total
                back[c + dj] = k
    return row, back, priced


def full_window(n: int, m: int) -> tuple[list[int], list[int]]:
    return [0] * (n + 1), [m] * (n + 1)


def path_extent(path: Sequence[Span], n: int, m: int) -> tuple[list[int], list[int]]:
    """Per source position, the lowest and highest target positions the path touches."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i0, i1, j0, j1 in path:
        for i in range(i0, i1 + 1):
            lo[i] = min(lo[i], j0)
            hi[i] = max(hi[i], j1)
    return lo, hi


def corridor(path: Sequence[Span], n: int, m: int, radius: int) -> tuple[list[int], list[int]]:
    """Every cell within `radius` rows and columns of the rectangles the path passes through."""
    lo, hi = path_extent(path, n, m)
    if not path:
        lo[0] = hi[0] = 0
    wide_lo = [0] * (n + 1)
    wide_hi = [0] * (n + 1)
    for i in range(n + 1):
        first, last = max(0, i - radius), min(n, i + radius)
        wide_lo[i] = max(0, min(lo[first:last + 1]) - radius)
        wide_hi[i] = min(m, max(hi[first:last + 1]) + radius)
    return wide_lo, wide_hi


def edge_beads(path: Sequence[Span], lo: Sequence[int], hi: Sequence[int], m: int) -> list[int]:
    """Indices of the beads that end on the window's border (the window may have cut the
    best path off there)."""
    return [
        k for k, (_, i, _, j) in enumerate(path)
        if (j == lo[i] and j > 0) or (j == hi[i] and j < m)
    ]


def _stretches(marks: Sequence[int], margin: int, count: int) -> list[tuple[int, int]]:
    """Merged (first, last) bead ranges reaching `margin` beads either side of each mark."""
    out: list[tuple[int, int]] = []
    for mark in marks:
        first, last = max(0, mark - margin), min(count - 1, mark + margin)
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def search_around(
    guide: Sequence[Span], n: int, m: int, radius: int,
    shapes: Sequence[tuple[int, int]], cost: CostFn, beam: float = INF, prices: Prices | None = None,
) -> list[Span]:
    """Search a corridor of `radius` around a guide path. Where the best path runs along the
    corridor's border, only that stretch (between two points of the path well away from it)
    is searched again with twice the radius, up to `MAX_RADIUS`; so a rare difficult spot
    does not make a long document cost twice as much. `prices` receives the prices of the
    last search of the whole corridor."""
    lo, hi = corridor(guide, n, m, radius)
    path = search(n, m, lo, hi, shapes, cost, beam, prices)
    touched = edge_beads(path, lo, hi, m)
    while touched and radius < MAX_RADIUS:
        radius *= 2
        stretches = _stretches(touched, 4 * radius, len(path))
        if sum(last - first + 1 for first, last in stretches) * 2 > len(path):
            # trouble everywhere: the guide itself is off, search everything again
            lo, hi = corridor(path, n, m, radius)
            path = search(n, m, lo, hi, shapes, cost, beam, prices)
            touched = edge_beads(path, lo, hi, m)
            continue
        rebuilt: list[Span] = []
        still: list[int] = []
        done = 0
        for first, last in stretches:
            rebuilt.extend(path[done:first])
            i0, j0, i1, j1 = path[first][0], path[first][2], path[last][1], path[last][3]
            local = [(a - i0, b - i0, c - j0, d - j0) for a, b, c, d in path[first:last + 1]]
            sub_lo, sub_hi = corridor(local, i1 - i0, j1 - j0, radius)

            def shifted(a: int, b: int, c: int, d: int, i0: int = i0, j0: int = j0) -> float:
                return cost(a + i0, b + i0, c + j0, d + j0)

            sub = search(i1 - i0, j1 - j0, sub_lo, sub_hi, shapes, shifted, beam)
            still.extend(len(rebuilt) + k for k in edge_beads(sub, sub_lo, sub_hi, j1 - j0))
            rebuilt.extend((a + i0, b + i0, c + j0, d + j0) for a, b, c, d in sub)
            done = last + 1
        rebuilt.extend(path[done:])
        path, touched = rebuilt, still
    return path


def _halve(lengths: Sequence[int]) -> list[int]:
    return [sum(lengths[k:k + 2]) for k in range(0, len(lengths), 2)]


def coarse_to_fine(
    src_lengths: Sequence[int], tgt_lengths: Sequence[int],
    make_cost: Callable[[Sequence[int], Sequence[int]], CostFn],
    shapes: Sequence[tuple[int, int]], radius: int, beam: float = INF,
) -> list[Span]:
    """Align two length sequences by recursive halving; `make_cost(src, tgt)` builds the
    cost function for one level's (joined) lengths."""
    n, m = len(src_lengths), len(tgt_lengths)
    if max(n, m) <= EXACT_LIMIT or min(n, m) < 2:
        lo, hi = full_window(n, m)
    else:
        coarse = coarse_to_fine(
            _halve(src_lengths), _halve(tgt_lengths), make_cost, shapes, radius, beam
        )
        projected = [
            (min(2 * i0, n), min(2 * i1, n), min(2 * j0, m), min(2 * j1, m))
            for i0, i1, j0, j1 in coarse
        ]
        return search_around(projected, n, m, radius, shapes, make_cost(src_lengths, tgt_lengths), beam)
    return search(n, m, lo, hi, shapes, make_cost(src_lengths, tgt_lengths), beam)
