"""Coverage laws: how many of a segment's keys a true partner explains, and a wrong one.

Beta-binomial laws of "k of n keys explained" are fitted on the document's own confident pairs
(true) and shifted pairs (wrong), and mixed with a 10 % chance that a true pair's words are
simply unknown to the table; a segment's evidence is the log-likelihood ratio of its count.
Ratios are computed one at a time when first asked for (a segment's beads see a few of its
possible counts), from lgamma values shared by every segment of the same facing.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Sequence

from tmtool.align.beads import MAX_SIDE

UNKNOWN_SHARE = 0.1  # share of true pairs assumed to look, to the word table, like wrong ones


def _beta_binomial_moments(counts: Sequence[tuple[int, int]]) -> tuple[float, float]:
    """(mean rate, intra-pair correlation) of (hits, trials) counts, by the method of moments."""
    hits = sum(k for k, _ in counts)
    trials = sum(n for _, n in counts)
    if trials == 0:
        return 0.5, 0.5
    p = (hits + 0.5) / (trials + 1.0)
    spread = sum((k - n * p) ** 2 for k, n in counts)
    binomial = sum(n * p * (1 - p) for _, n in counts)
    pairs = sum(n * (n - 1) * p * (1 - p) for _, n in counts)
    rho = (spread - binomial) / pairs if pairs > 0 else 0.5
    return p, min(max(rho, 0.02), 0.9)


def _ln_beta(a: float, b: float) -> float:
    return math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)


class CoverageModel:
    """Beta-binomial laws of "k of n keys explained" for true and for wrong pairs.

    The beta-binomial (rather than a binomial) admits that the keys of one pair are not
    independent: a free translation leaves many keys unexplained at once, so a poorly covered
    true pair is not taken for two deletions.
    """

    def __init__(self, true_rate: float, false_rate: float, rho_true: float, rho_false: float) -> None:
        self.params: list[tuple[float, float, float, float]] = []
        for facing in range(MAX_SIDE + 1):
            # facing k segments: one true partner (or none) plus k - 1 unrelated ones
            extra = max(facing, 1) - 1
            p_false = 1 - (1 - false_rate) ** (extra + 1)
            p_true = max(1 - (1 - true_rate) * (1 - false_rate) ** extra, p_false)
            s_true = 1 / rho_true - 1
            s_false = 1 / rho_false - 1
            self.params.append(
                (p_true * s_true, (1 - p_true) * s_true, p_false * s_false, (1 - p_false) * s_false)
            )
        self.neutral = true_rate <= false_rate
        self._rows: list[dict[int, array[float]]] = [{} for _ in range(MAX_SIDE + 1)]
        self._bases: list[float | None] = [None] * (MAX_SIDE + 1)
        self._lgamma_rows: list[list[list[float]]] = [[[], [], [], []] for _ in range(MAX_SIDE + 1)]

    @classmethod
    def fit(cls, true_counts: Sequence[tuple[int, int]], false_counts: Sequence[tuple[int, int]]) -> CoverageModel:
        p_true, rho_true = _beta_binomial_moments(true_counts)
        p_false, rho_false = _beta_binomial_moments(false_counts)
        return cls(p_true, p_false, rho_true, rho_false)

    def llr(self, hits: int, keys: int, facing: int) -> float:
        if keys == 0:
            return 0.0
        return self.ratio(hits, keys, facing)

    def table(self, keys: int, facing: int) -> list[float]:
        """The log-likelihood ratio for 0..keys hits of a segment of `keys` keys."""
        return [self.ratio(hits, keys, facing) for hits in range(keys + 1)]

    def ratios(self, keys: int, facing: int) -> array[float]:
        """`table(keys, facing)` as far as it is known: NaN for ratios not computed yet (a
        segment's bead sees only a few of its possible hit counts)."""
        found = self._rows[facing].get(keys)
        if found is None:
            known = 0.0 if self.neutral or keys == 0 else math.nan
            found = self._rows[facing][keys] = array("d", [known]) * (keys + 1)
        return found

    def ratio(self, hits: int, keys: int, facing: int) -> float:
        """The log-likelihood ratio for `hits` of `keys` keys explained, facing `facing` segments."""
        row = self.ratios(keys, facing)
        found = row[hits]
        if found != found:  # noqa: PLR0124 (NaN: not computed yet)
            found = row[hits] = self._compute(hits, keys, facing)
        return found

    def _compute(self, hits: int, keys: int, facing: int) -> float:
        a1, b1, a0, b0 = self.params[facing]
        base = self._bases[facing]
        if base is None:
            base = self._bases[facing] = _ln_beta(a0, b0) - _ln_beta(a1, b1)
        rest = keys - hits
        # ln B(k + a, keys - k + b) = lgamma(k + a) + lgamma(keys - k + b) - lgamma(their sum):
        # the first two depend on k or keys - k alone and are shared by every row of this facing
        true_hits, true_misses, false_hits, false_misses = self._lgammas(facing, keys)
        true_ln_beta = true_hits[hits] + true_misses[rest] - math.lgamma((hits + a1) + (rest + b1))
        false_ln_beta = false_hits[hits] + false_misses[rest] - math.lgamma((hits + a0) + (rest + b0))
        # P(k | true) = (1 - e) BB_true(k) + e BB_false(k): a true pair may be one whose
        # words the table simply does not know, so missing evidence is bounded by ln(e).
        return math.log(
            (1 - UNKNOWN_SHARE) * math.exp(true_ln_beta - false_ln_beta + base) + UNKNOWN_SHARE
        )

    def _lgammas(self, facing: int, keys: int) -> list[list[float]]:
        """lgamma(k + p) for k = 0..keys (at least), for each parameter p of `facing`."""
        cached = self._lgamma_rows[facing]
        if len(cached[0]) <= keys:
            for shift, values in zip(self.params[facing], cached):
                values.extend(math.lgamma(k + shift) for k in range(len(values), keys + 1))
        return cached


NEUTRAL = CoverageModel(0.5, 0.5, 0.5, 0.5)
# The laws a documentation page pair's own pairs replace, used while it has too few of them to
# fit its own (a short page, or one whose first pass went astray because its translation is out
# of date), as the published length variance is (`lengths.PUBLISHED_S2`): measured with the links known
# before any learning (identical keys, names, cognates) on four public page pairs (three
# documentation pages and a speech, 280 pairs), where a true partner explains 18 % of a
# segment's keys and a shifted one 2 %; rounded down, so that the prior claims less than that.
GENERIC = CoverageModel(0.15, 0.02, 0.05, 0.02)
