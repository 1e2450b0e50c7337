"""The banded search: exact inside its window, linear corridors, coarse-to-fine, regions."""
from __future__ import annotations

import math
import random

from tmtool.align.regions import Regions
from tmtool.align.search import (
    INF,
    Prices,
    Span,
    coarse_to_fine,
    corridor,
    full_window,
    search,
    search_around,
)

SHAPES = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))


def length_cost(src: list[int], tgt: list[int]):  # type: ignore[no-untyped-def]
    def cost(i0: int, i1: int, j0: int, j1: int) -> float:
        if i0 == i1 or j0 == j1:
            return 5.0
        a, b = sum(src[i0:i1]), sum(tgt[j0:j1])
        return abs(a - b) / (a + b) * 20 + (1.0 if (i1 - i0, j1 - j0) != (1, 1) else 0.0)
    return cost


def lengths(seed: int, n: int) -> tuple[list[int], list[int]]:
    rng = random.Random(seed)
    src = [rng.randint(20, 200) for _ in range(n)]
    tgt = list(src)
    tgt[n // 3:n // 3 + 2] = [tgt[n // 3] + tgt[n // 3 + 1]]
    del tgt[2 * n // 3]
    return src, tgt


def test_search_in_a_full_window_finds_the_known_path() -> None:
    src, tgt = lengths(1, 30)
    lo, hi = full_window(len(src), len(tgt))
    path = search(len(src), len(tgt), lo, hi, SHAPES, length_cost(src, tgt))
    assert (10, 11, 10, 12) not in path
    assert (10, 12, 10, 11) in path
    assert path[0][:3:2] == (0, 0) and path[-1][1::2] == (30, 28)


def test_coarse_to_fine_agrees_with_the_full_search() -> None:
    src, tgt = lengths(2, 400)
    lo, hi = full_window(len(src), len(tgt))
    full = search(len(src), len(tgt), lo, hi, SHAPES, length_cost(src, tgt))

    def make(a, b):  # type: ignore[no-untyped-def]
        return length_cost(list(a), list(b))

    assert coarse_to_fine(src, tgt, make, SHAPES, 3) == full


def test_corridor_is_narrow_around_a_diagonal_path() -> None:
    path: list[Span] = [(k, k + 1, k, k + 1) for k in range(1000)]
    lo, hi = corridor(path, 1000, 1000, 4)
    assert max(h - low for low, h in zip(lo, hi)) <= 4 * 4 + 2
    assert lo[0] == 0 and hi[-1] == 1000


def test_search_around_repairs_a_stretch_where_the_guide_strays() -> None:
    src, tgt = lengths(3, 200)
    lo, hi = full_window(200, 198)
    best = search(200, 198, lo, hi, SHAPES, length_cost(src, tgt))
    # the guide follows the best path but strays 8 target segments off between beads 90-110
    guide = [(i0, i1, j0 + 8, j1 + 8) if 90 <= k <= 110 else (i0, i1, j0, j1)
             for k, (i0, i1, j0, j1) in enumerate(best)]
    assert search_around(guide, 200, 198, 2, SHAPES, length_cost(src, tgt)) == best


def test_regions_forbid_beads_across_block_boundaries() -> None:
    regions = Regions([(0, 2, 0, 1), (2, 3, 1, 3)], 3, 3)
    cost = regions.confine(lambda *span: 1.0)
    assert cost(0, 2, 0, 1) == 1.0
    assert cost(1, 3, 0, 1) == INF  # two source blocks
    assert cost(2, 3, 0, 2) == INF  # targets of two regions
    assert cost(2, 3, 1, 1) == 1.0  # a deletion inside its region
    assert cost(0, 1, 2, 2) == INF  # a deletion placed in another region


def test_a_huge_region_is_searched_in_a_band_not_a_square() -> None:
    regions = Regions([(0, 300, 0, 310), (300, 300, 310, 320)], 300, 320)
    lo, hi = regions.window()
    assert (lo[0], hi[-1]) == (0, 320)
    assert max(h - low for low, h in zip(lo[:-1], hi[:-1])) <= 2 * (50 + 10) + 1
    assert lo[300] <= 310 and hi[300] == 320  # the inserted block is reachable


def test_search_keeps_the_price_of_every_bead_it_priced_and_finds_the_same_path() -> None:
    src, tgt = lengths(4, 120)
    cost = length_cost(src, tgt)
    lo, hi = corridor([(k, k + 1, k, k + 1) for k in range(118)] + [(118, 120, 118, 118)], 120, 118, 4)
    prices = Prices()
    path = search(120, 118, lo, hi, SHAPES, cost, 30.0, prices)
    assert path == search(120, 118, lo, hi, SHAPES, cost, 30.0)
    priced = 0
    for i in range(121):
        for j in range(lo[i], hi[i] + 1):
            for k, (di, dj) in enumerate(SHAPES):
                found = prices.price(i, j, k, len(SHAPES))
                if not math.isnan(found):
                    assert found == cost(i - di, i, j - dj, j)
                    priced += 1
    assert priced > 120 * len(SHAPES)
    assert math.isnan(prices.price(5, hi[5] + 1, 0, len(SHAPES)))  # outside the window
