"""The monotone bead search: dynamic programming restricted to a window of target positions
per source position, so time and memory grow with length times window width, never with
length squared.

Windows come from a coarser alignment: `coarse_to_fine` halves both documents (joining
neighbouring segments) until they are small, aligns that exactly, and widens each finer
level's search only around the projected path (the FastDTW idea). Later passes search a
corridor around the previous pass's path (`corridor`).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

# A bead as (first source index, end source index, first target index, end target index).
Span = tuple[int, int, int, int]
CostFn = Callable[[int, int, int, int], float]

INF = float("inf")
EXACT_LIMIT = 80  # documents with at most this many segments a side are searched in full
MAX_RADIUS = 128  # corridors stop widening here, so time stays linear even on unrelated texts


def search(
    n: int, m: int, lo: Sequence[int], hi: Sequence[int],
    shapes: Sequence[tuple[int, int]], cost: CostFn, beam: float = INF,
) -> list[Span]:
    """The cheapest monotone bead path from (0, 0) to (n, m) inside the window.

    Row `i` (source segments consumed) may hold target positions `lo[i]..hi[i]`; `cost(i0, i1,
    j0, j1)` prices the bead of source segments i0..i1-1 and target segments j0..j1-1
    (shape penalty included). The window must contain (0, 0) and (n, m). Cells costing more
    than `beam` above the best of their row are abandoned (never extended).
    """
    if lo[0] != 0:
        raise ValueError("the search window must start at (0, 0)")
    cross = [(k, di, dj) for k, (di, dj) in enumerate(shapes) if di > 0]
    along = [(k, dj) for k, (di, dj) in enumerate(shapes) if di == 0 and dj > 0]
    reach = max(di for di, _ in shapes) + 1
    live: list[list[tuple[int, float]]] = []  # per row: (target position, cost) still open
    backs: list[bytearray] = []
    for i in range(n + 1):
        low, high = lo[i], hi[i]
        width = high - low + 1
        row = [INF] * width
        back = bytearray(b"\xff") * width
        if i == 0:
            row[0] = 0.0
        for k, di, dj in cross:
            if di > i:
                continue
            pi = i - di
            for pj, prev in live[pi]:
                j = pj + dj
                if j < low or j > high:
                    continue
                total = prev + cost(pi, i, pj, j)
                if total < row[j - low]:
                    row[j - low] = total
                    back[j - low] = k
        for k, dj in along:
            for index in range(width - dj):
                prev = row[index]
                if prev == INF:
                    continue
                total = prev + cost(i, i, low + index, low + index + dj)
                if total < row[index + dj]:
                    row[index + dj] = total
                    back[index + dj] = k
        limit = min(row) + beam
        live.append([(low + index, value) for index, value in enumerate(row) if value <= limit])
        backs.append(back)
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


def full_window(n: int, m: int) -> tuple[list[int], list[int]]:
    return [0] * (n + 1), [m] * (n + 1)


def corridor(path: Sequence[Span], n: int, m: int, radius: int) -> tuple[list[int], list[int]]:
    """Every cell within `radius` rows and columns of the rectangles the path passes through."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    for i0, i1, j0, j1 in path:
        for i in range(i0, i1 + 1):
            lo[i] = min(lo[i], j0)
            hi[i] = max(hi[i], j1)
    if not path:
        lo[0] = hi[0] = 0
    wide_lo = [0] * (n + 1)
    wide_hi = [0] * (n + 1)
    for i in range(n + 1):
        first, last = max(0, i - radius), min(n, i + radius)
        wide_lo[i] = max(0, min(lo[first:last + 1]) - radius)
        wide_hi[i] = min(m, max(hi[first:last + 1]) + radius)
    return wide_lo, wide_hi


def touches_edge(path: Sequence[Span], lo: Sequence[int], hi: Sequence[int], m: int) -> bool:
    """True when the path runs along the window's border (the window may have cut it off)."""
    for _, i, _, j in path:
        if (j == lo[i] and j > 0) or (j == hi[i] and j < m):
            return True
    return False


def search_around(
    guide: Sequence[Span], n: int, m: int, radius: int,
    shapes: Sequence[tuple[int, int]], cost: CostFn, beam: float = INF,
) -> list[Span]:
    """Search a corridor of `radius` around a guide path; where the best path runs along the
    corridor's border, search again around it with twice the radius (up to `MAX_RADIUS`)."""
    while True:
        lo, hi = corridor(guide, n, m, radius)
        path = search(n, m, lo, hi, shapes, cost, beam)
        if radius >= MAX_RADIUS or not touches_edge(path, lo, hi, m):
            return path
        guide, radius = path, radius * 2


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
