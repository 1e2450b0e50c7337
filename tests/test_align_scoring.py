"""Bead prices: the coverage law's ratios and the search's price closure give exactly the
numbers of the plain formulas (the closure caches and reorders nothing that changes a float)."""
from __future__ import annotations

import math
import random

from tests.test_align_beads import make_pair
from tmtool.align.beads import BEAD_SHAPES
from tmtool.align.coverage import UNKNOWN_SHARE, CoverageModel
from tmtool.align.evidence import Side, link_tables
from tmtool.align.scoring import LexicalModel


def closed_form(model: CoverageModel, hits: int, keys: int, facing: int) -> float:
    """The beta-binomial mixture's log-likelihood ratio, written out as the model defines it."""
    def ln_beta(a: float, b: float) -> float:
        return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)

    a1, b1, a0, b0 = model.params[facing]
    base = ln_beta(a0, b0) - ln_beta(a1, b1)
    return math.log((1 - UNKNOWN_SHARE) * math.exp(
        ln_beta(hits + a1, keys - hits + b1) - ln_beta(hits + a0, keys - hits + b0) + base
    ) + UNKNOWN_SHARE)


def test_ratios_computed_one_at_a_time_and_in_any_order_equal_the_closed_form() -> None:
    rng = random.Random(7)
    for _ in range(40):
        model = CoverageModel(rng.uniform(0.3, 0.95), rng.uniform(0.01, 0.3),
                              rng.uniform(0.02, 0.9), rng.uniform(0.02, 0.9))
        for _ in range(50):
            keys, facing = rng.randint(1, 140), rng.randint(1, 5)
            hits = rng.randint(0, keys)
            assert model.ratio(hits, keys, facing) == closed_form(model, hits, keys, facing)
        assert model.table(9, 2) == [closed_form(model, h, 9, 2) for h in range(10)]


def test_a_neutral_or_empty_segment_has_no_evidence() -> None:
    assert CoverageModel(0.2, 0.3, 0.5, 0.5).table(4, 1) == [0.0] * 5
    assert CoverageModel(0.8, 0.1, 0.5, 0.5).llr(0, 0, 1) == 0.0


def test_the_price_closure_gives_llr_exactly_for_every_bead_shape_in_any_order() -> None:
    uk, en = make_pair(5, 60)
    src, tgt = Side.build(uk), Side.build(en)
    links = {(a, b) for i in range(60) for a in src.keys[i] for b in tgt.keys[i] if a[0] == b[0] == "w"}
    lexical = LexicalModel(src, tgt, *link_tables(links))
    lexical.fit([(i, i) for i in range(60)])
    beads = [(i, i + di, j, j + dj) for i in range(60) for j in range(max(0, i - 6), min(60, i + 7))
             for di, dj in BEAD_SHAPES if di and dj and i + di <= 60 and j + dj <= 60]
    random.Random(1).shuffle(beads)
    llr = lexical.function()
    assert [llr(*bead) for bead in beads] == [lexical.llr(*bead) for bead in beads]


def test_too_few_pairs_or_pairs_that_tell_nothing_give_the_generic_laws_not_none() -> None:
    """A short page, or one whose first pass went astray (an out-of-date translation), still
    weighs its names and identical words: the generic laws stand in for its own."""
    from tmtool.align.coverage import GENERIC

    src = Side.build(["Київ і Львів", "Одеса", "Харків", "Дніпро"])
    tgt = Side.build(["Kyiv and Lviv", "Odesa", "Kharkiv", "Dnipro"])
    forward, backward = link_tables({("wкиїв", "wkyiv"), ("wльвів", "wlviv")})
    lexical = LexicalModel(src, tgt, forward, backward)
    lexical.fit([(0, 0), (1, 1)], fallback=GENERIC)
    assert lexical.src_model is GENERIC and lexical.tgt_model is GENERIC
    assert lexical.llr(0, 1, 0, 1) > 0 > lexical.llr(0, 1, 1, 2)
    same = [(k, k) for k in range(1, 4)] * 4  # no links: true and shifted pairs look alike
    lexical.fit(same, fallback=GENERIC)
    assert lexical.src_model is GENERIC
    lexical.fit([(0, 0), (1, 1)])  # by default, no evidence at all
    assert lexical.llr(0, 1, 0, 1) == 0.0
