"""The forward-backward posterior of chosen beads, on hand-made costs with known answers."""
from __future__ import annotations

import math

import pytest

from tests.test_align_beads import make_pair
from tmtool.align.beads import BEAD_SHAPES, GENERIC_PRIORS, prior_penalties
from tmtool.align.confidence import band, bead_posteriors
from tmtool.align.lengths import LengthModel
from tmtool.align.scoring import BeadCost
from tmtool.align.search import INF, Prices, full_window, search

SHAPES = ((1, 1), (1, 0), (0, 1), (2, 2))


def priced(one: float, two: float, gap: float = INF):  # type: ignore[no-untyped-def]
    def cost(i0: int, i1: int, j0: int, j1: int) -> float:
        if i1 - i0 == 2 and j1 - j0 == 2:
            return two
        if i1 - i0 == 1 and j1 - j0 == 1:
            return one
        return gap

    return cost


def test_two_equally_likely_readings_split_the_probability() -> None:
    path = [(0, 1, 0, 1), (1, 2, 1, 2)]
    assert bead_posteriors(path, 2, 2, SHAPES, priced(1.0, 2.0)) == pytest.approx([0.5, 0.5])


def test_a_bead_beating_its_only_alternative_by_d_nats_gets_the_logistic_of_d() -> None:
    path = [(0, 2, 0, 2)]
    posterior = bead_posteriors(path, 2, 2, SHAPES, priced(2.0, 1.0))[0]
    assert posterior == pytest.approx(1 / (1 + math.exp(-3.0)))


def test_a_bead_without_alternative_is_certain_and_scores_stay_in_the_unit_interval() -> None:
    path = [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)]
    posteriors = bead_posteriors(path, 3, 3, SHAPES, priced(0.5, INF, gap=30.0))
    assert all(0.0 <= p <= 1.0 for p in posteriors)
    assert posteriors == pytest.approx([1.0, 1.0, 1.0], abs=1e-9)


def test_a_wider_band_counts_more_alternatives() -> None:
    # shifted readings (deletion, pairs, insertion) run beside the diagonal; the band of
    # radius 0 holds only the path's own rectangles, a band of radius 2 holds more of them
    path = [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3), (3, 4, 3, 4)]
    cost = priced(1.0, INF, gap=2.0)
    narrow = bead_posteriors(path, 4, 4, SHAPES, cost, radius=0)
    wide = bead_posteriors(path, 4, 4, SHAPES, cost, radius=2)
    assert all(w < n for w, n in zip(wide, narrow))


def test_prices_kept_by_the_search_change_no_posterior() -> None:
    uk, en = make_pair(8, 50)
    del en[20]
    src, tgt = [len(t) for t in uk], [len(t) for t in en]
    cost = BeadCost(src, tgt, LengthModel(1.0, 2.0), prior_penalties(GENERIC_PRIORS), None).function()
    lo, hi = full_window(50, 49)
    prices = Prices()
    path = search(50, 49, lo, hi, BEAD_SHAPES, cost, 40.0, prices)
    fresh = bead_posteriors(path, 50, 49, BEAD_SHAPES, cost)
    kept = sum(map(len, prices.rows))
    assert bead_posteriors(path, 50, 49, BEAD_SHAPES, cost, known=prices) == fresh
    assert sum(map(len, prices.rows)) == 0  # taken over, not held twice
    assert bead_posteriors(path, 50, 49, BEAD_SHAPES, cost, known=Prices()) == fresh
    # a search that kept only part of its prices (a band around a guide off the path)
    guide = [(i0, i1, j0 + 3, j1 + 3) if 10 <= i0 < 30 and j1 + 3 <= 49 else (i0, i1, j0, j1) for i0, i1, j0, j1 in path]
    narrow = Prices(band(guide, 50, 49, 1))
    assert search(50, 49, lo, hi, BEAD_SHAPES, cost, 40.0, narrow) == path
    assert 0 < sum(map(len, narrow.rows)) < kept
    assert bead_posteriors(path, 50, 49, BEAD_SHAPES, cost, known=narrow) == fresh
