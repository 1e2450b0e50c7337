"""Gale-Church length model: how surprising the character lengths of a bead's two sides are.

The ratio `c` and the variance `s2` are estimated from the document pair itself (total length
ratio first, then a robust estimate over the confident pairs of a first pass); nothing is fitted
to a benchmark. Costs are in nats (-ln p), the unit every other part of the score uses.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

# Gale & Church (1993): variance of the target length per source character, used until the
# document's own pairs have been seen.
PUBLISHED_S2 = 6.8
FEW_RATIO_PAIRS = 5  # pairs from which the length ratio (not yet the variance) is estimated
_MEDIAN_CHI2_1 = 0.4549364  # median of a chi-square variable with one degree of freedom
_SQRT_PI = math.sqrt(math.pi)


@dataclass(frozen=True, slots=True)
class LengthModel:
    """`c`: expected target characters per source character; `s2`: variance per character."""

    c: float = 1.0
    s2: float = PUBLISHED_S2

    def delta(self, src_chars: int, tgt_chars: int) -> float:
        """The standardised length difference of a bead (0 for a perfect ratio)."""
        mean = (src_chars + tgt_chars / self.c) / 2.0
        if mean <= 0:
            return 0.0
        return (tgt_chars - self.c * src_chars) / math.sqrt(self.s2 * mean)

    def cost(self, src_chars: int, tgt_chars: int) -> float:
        """-ln P(|delta| this large | the sides are translations), two-sided."""
        if src_chars == 0 and tgt_chars == 0:
            return 0.0
        x = abs(self.delta(src_chars, tgt_chars)) / math.sqrt(2.0)
        p = math.erfc(x)
        if p > 1e-300:
            return -math.log(p)
        return x * x + math.log(x * _SQRT_PI)  # asymptotic tail of erfc


def initial_length_model(src_chars: Sequence[int], tgt_chars: Sequence[int]) -> LengthModel:
    """The document's overall length ratio with the published variance."""
    total_src, total_tgt = sum(src_chars), sum(tgt_chars)
    if total_src <= 0 or total_tgt <= 0:
        return LengthModel()
    return LengthModel(c=total_tgt / total_src)


def estimate_length_model(pairs: Sequence[tuple[int, int]], fallback: LengthModel) -> LengthModel:
    """Re-estimate `c` and `s2` from (source chars, target chars) of confident 1-1 pairs.

    The median is used for the variance so that the few wrong pairs of a first pass do not
    inflate it. Fewer than 20 pairs keep the fallback's variance, and fewer than 5 its ratio
    too: the fallback's ratio is the documents' total lengths', which is far off where one
    side has whole sections the other lacks (an out-of-date translation), while a few pairs
    chosen by their words already tell the ratio of the text the two sides share.
    """
    usable = [(a, b) for a, b in pairs if a > 0 and b > 0]
    if len(usable) < FEW_RATIO_PAIRS:
        return fallback
    c = sum(b for _, b in usable) / sum(a for a, _ in usable)
    if len(usable) < 20:
        return LengthModel(c=c, s2=fallback.s2)
    squares = sorted((b - c * a) ** 2 / ((a + b / c) / 2.0) for a, b in usable)
    median = squares[len(squares) // 2]
    s2 = median / _MEDIAN_CHI2_1
    # Keep the variance in a sane range: never sharper than a tenth, nor flatter than ten
    # times, the published value (guards against a degenerate document).
    s2 = min(max(s2, PUBLISHED_S2 / 10), PUBLISHED_S2 * 10)
    return LengthModel(c=c, s2=s2)


def loosened(model: LengthModel) -> LengthModel:
    """The document's ratio with a variance never sharper than the published one: the model for
    aligning blocks, and sentences inside aligned blocks.

    A document's own variance is fitted on its most regular pairs (on a literally translated
    documentation page it comes out ten times sharper than the published value). Where the
    question is which paragraph pairs with which, or how the sentences of two paired paragraphs
    correspond, so sharp a law makes a freely rendered pair look impossible: two clean 1-1 pairs
    whose length errors cancel become one 2-2, or a pair becomes two deletions, although the
    same paragraph aligned alone is right. Gale & Church measured the published variance for
    exactly these tasks.
    """
    return LengthModel(model.c, max(model.s2, PUBLISHED_S2))
