"""Verification of an uncertain document pair (`tmtool pair`): does one document translate the
other sentence by sentence, or do the two only look alike as wholes?

Fingerprint scores compare documents as bags of keys and as shapes, so a short document whose
translation drops a sentence, or a draft one paragraph away from its twin, scores about as well
with the wrong partner. Aligners tell a translation from a non-translation by aligning the
sentences; this module does so on what fingerprints keep of the first segments (their letters,
keys, word stems and block starts, never the text) for the few candidates of uncertain
documents, never for every pair. Along the best monotonic path of beads, each bead adds the log
likelihood ratio of "these segments translate each other" against "the documents are
unrelated": the aligner's prior of its shape, Gale and Church's length model against the
lengths of unrelated segments, the terms whose learned partners the other side holds or lacks,
and whether both sides start a block there. The sum (`evidence`, in nats) ranks the candidates;
`coverage` says how much of both documents the path pairs.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from tmtool.align.beads import GENERIC_PRIORS
from tmtool.align.fingerprints import Fingerprint

OUTLIER_SHARE = 0.05  # translated beads whose lengths follow no rule (a note, a table)
MIN_BAND = 4  # segments either side of the diagonal the path may stray, at least
MIN_COVERAGE = 0.6  # share of both documents' letters a translation's path pairs, and ...
MAX_UNPAIRED, MAX_UNPAIRED_SHARE = 2, 0.2  # ... segments it may leave unpaired, or this share
_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)
_SHAPES = tuple((shape, math.log(prior)) for shape, prior in GENERIC_PRIORS.items())
Span = tuple[int, int, int, int]  # a bead: source segments i0..i1, target segments j0..j1
Entry = tuple[float, float]  # a partner's (gain, miss)


@dataclass(frozen=True, slots=True)
class LengthModel:
    """Letters of translated beads (Gale-Church: target ~ normal(ratio * source, variance *
    source)) against letters of unrelated target segments (log-normal: `mu`, `sigma` of ln)."""

    ratio: float
    variance: float
    mu: float
    sigma: float

    def log_null(self, letters: int) -> float:
        """ln density of an unrelated target segment's letters."""
        x = max(1, letters)
        z = (math.log(x) - self.mu) / self.sigma
        return -math.log(x * self.sigma) - _LOG_SQRT_2PI - 0.5 * z * z

    def evidence(self, src_letters: int, tgt_letters: int, parts: int, log_null: float) -> float:
        """ln P(a bead's target letters | translation) / P(them | unrelated), for `parts` target
        segments whose summed `log_null` is given; never below ln OUTLIER_SHARE."""
        src, tgt = max(1, src_letters), max(1, tgt_letters)
        spread = self.variance * src
        log_normal = -0.5 * (tgt - self.ratio * src) ** 2 / spread - 0.5 * math.log(spread) - _LOG_SQRT_2PI
        log_cuts = math.lgamma(parts) - (parts - 1) * math.log(tgt)  # where the parts end: uniform
        ratio = min(50.0, log_normal + log_cuts - log_null)
        return math.log((1 - OUTLIER_SHARE) * math.exp(ratio) + OUTLIER_SHARE)


@dataclass(frozen=True, slots=True)
class TermModel:
    """What a term (key or word stem digest) of one side expects of the aligned segments of the
    other: its partner there (the term it is translated by; a name or number is its own), and
    the evidence when the partner is there (`gain`, on top of `miss`) and when it is not
    (`miss`, negative): ln P(found | translation) / P(found | unrelated), and so for not found."""

    partner: dict[int, int]
    gain: dict[int, float]
    miss: dict[int, float]

    @classmethod
    def fit(cls, partner: dict[int, int], reliability: dict[int, float], frequency: dict[int, int],
            segments: int) -> TermModel:
        """From P(partner found | translation) and the partners' segment counts on the other
        side (`frequency` of `segments`): a partner as likely by chance is no evidence."""
        floor = 0.5 / (segments + 1)
        kept: dict[int, int] = {}
        gain: dict[int, float] = {}
        miss: dict[int, float] = {}
        for term, other in partner.items():
            found = reliability[term]
            chance = max(floor, (frequency.get(other, 0) + 0.5) / (segments + 1))
            if found <= 2 * chance or found >= 1:
                continue
            kept[term] = other
            miss[term] = math.log((1 - found) / (1 - chance))
            gain[term] = math.log(found / chance) - miss[term]
        return cls(kept, gain, miss)


def boundary_table(together: float, alone: float, base: float) -> tuple[tuple[float, float], ...]:
    """[source starts a block][target starts one] -> evidence, from P(target starts | source
    starts) `together`, P(target starts | source does not) `alone`, and the share `base` of
    target segments that start a block (unrelated documents)."""
    return ((math.log((1 - alone) / (1 - base)), math.log(alone / base)),
            (math.log((1 - together) / (1 - base)), math.log(together / base)))


@dataclass(frozen=True, slots=True)
class Verifier:
    """The models verification judges by, fitted to the archive at hand (`verification_models`):
    lengths, the terms of each side, and block starts."""

    lengths: LengthModel
    forward: TermModel  # source terms -> target partners
    backward: TermModel  # target terms -> source partners
    boundaries: tuple[tuple[float, float], ...]

    def source_view(self, fp: Fingerprint) -> SegmentView:
        return segment_view(fp, self.forward)

    def target_view(self, fp: Fingerprint) -> SegmentView:
        return segment_view(fp, self.backward)


@dataclass(frozen=True, slots=True)
class SegmentView:
    """One document as verification sees it: each kept segment's letters, its own terms, the
    partners its terms expect on the other side (-> (gain, miss); several terms with one
    partner, like the spellings of a name, count once, as the strongest), its block starts, and
    whether segments were left out at the end."""

    letters: tuple[int, ...]
    own: tuple[frozenset[int], ...]
    partners: tuple[dict[int, Entry], ...]
    starts: bytes
    truncated: bool


@dataclass(frozen=True, slots=True)
class Verdict:
    """Evidence (nats) that the target translates the source, the smaller share of either
    document's letters that the best path pairs (`coverage`), and its unpaired segments."""

    evidence: float
    coverage: float
    unpaired: int = 0  # segments the path leaves without a partner
    segments: int = 0  # segments the path reaches, both sides

    @property
    def score(self) -> float:
        """The evidence as a probability that the pair translates, at even prior odds."""
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, self.evidence))))

    @property
    def is_whole(self) -> bool:
        """True when the path pairs most of both documents: MIN_COVERAGE of their letters, and
        all their segments but MAX_UNPAIRED (or MAX_UNPAIRED_SHARE of them). Two documents that
        share half their text do not translate each other."""
        return self.coverage >= MIN_COVERAGE and self.unpaired <= max(MAX_UNPAIRED,
                                                                      MAX_UNPAIRED_SHARE * self.segments)


def _merged(parts: Sequence[dict[int, Entry]]) -> dict[int, Entry]:
    merged: dict[int, Entry] = {}
    for part in parts:
        for partner, entry in part.items():
            if partner not in merged or entry[0] > merged[partner][0]:
                merged[partner] = entry
    return merged


def segment_view(fp: Fingerprint, model: TermModel) -> SegmentView:
    """`fp`'s kept segments, its terms looked up in `model` (the model of its side)."""
    own = [frozenset(digests) for digests in fp.segment_digests()]
    partners = [_merged([{model.partner[d]: (model.gain[d], model.miss[d])} for d in terms
                         if d in model.partner]) for terms in own]
    return SegmentView(tuple(fp.segment_letters), tuple(own), tuple(partners),
                       fp.block_starts or bytes(len(own)), fp.segments > len(own))


Range = tuple[frozenset[int], dict[int, float], float, float]  # own, partner gains, misses, ceiling
_LONGEST = max(max(shape) for shape in GENERIC_PRIORS)


_NO_RANGE: Range = (frozenset(), {}, 0.0, 0.0)


def _ranges(view: SegmentView) -> list[list[Range]]:
    """[end][size]: the terms of segments end-size..end-1 (a bead's side), each partner once:
    own terms, partners -> gain, summed misses, and the most the terms can add (all found)."""
    table = [[_NO_RANGE] * (_LONGEST + 1) for _ in range(len(view.own) + 1)]
    for end in range(1, len(view.own) + 1):
        for size in range(1, min(_LONGEST, end) + 1):
            start = end - size
            own = view.own[start] if size == 1 else frozenset().union(*view.own[start:end])
            partners = view.partners[start] if size == 1 else _merged(view.partners[start:end])
            misses = sum(entry[1] for entry in partners.values())
            gains = {partner: entry[0] for partner, entry in partners.items()}
            table[end][size] = (own, gains, misses, misses + sum(gains.values()))
    return table


def _terms_evidence(src: Range, tgt: Range) -> float:
    """A bead's terms: each side's misses, plus the gains of the partners the other holds."""
    return (src[2] + tgt[2] + sum(src[1][t] for t in src[1].keys() & tgt[0])
            + sum(tgt[1][t] for t in tgt[1].keys() & src[0]))


def verify(src: SegmentView, tgt: SegmentView, verifier: Verifier) -> Verdict:
    """The evidence of the best path and its coverage (no segments on a side: no evidence)."""
    path_evidence, path = best_path(src, tgt, verifier)
    unpaired = sum(i1 - i0 + j1 - j0 for i0, i1, j0, j1 in path if i0 == i1 or j0 == j1)
    return Verdict(path_evidence, coverage(src, tgt, path), unpaired,
                   path[-1][1] + path[-1][3] if path else 0)


def best_path(src: SegmentView, tgt: SegmentView, verifier: Verifier) -> tuple[float, list[Span]]:
    """The monotonic path of beads with the most evidence, and that evidence; a truncated side
    may end anywhere."""
    n, m = len(src.letters), len(tgt.letters)
    if not n or not m:
        return -math.inf, []
    totals, shapes = _fill(src, tgt, verifier)
    end = _end(totals, n, m, src.truncated or tgt.truncated)
    if end is None:
        return -math.inf, []
    path: list[Span] = []
    i, j = end
    while i or j:
        (di, dj), _ = _SHAPES[shapes[i][j]]
        path.append((i - di, i, j - dj, j))
        i, j = i - di, j - dj
    return totals[end[0]][end[1]], path[::-1]


def _fill(src: SegmentView, tgt: SegmentView, verifier: Verifier) -> tuple[list[list[float]], list[list[int]]]:
    """The dynamic programme: [i][j] -> the evidence of the best path to the cell (-inf where
    none is searched) and its last bead's shape (an index into _SHAPES). A bead's terms are
    compared only when their ceiling could still make it the best."""
    n, m = len(src.letters), len(tgt.letters)
    src_ranges, tgt_ranges = _ranges(src), _ranges(tgt)
    src_at, tgt_at = _running(src.letters), _running(tgt.letters)
    lengths, boundaries = verifier.lengths, verifier.boundaries
    null_at = _running([lengths.log_null(x) for x in tgt.letters])
    band = max(MIN_BAND, (n + m) // 8)
    totals = [[-math.inf] * (m + 1) for _ in range(n + 1)]
    shapes = [[0] * (m + 1) for _ in range(n + 1)]
    totals[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m // n
        for j in range(max(0, centre - band), min(m, centre + band) + 1):
            top, top_shape = -math.inf, 0
            for number, ((di, dj), log_shape) in enumerate(_SHAPES):
                if di > i or dj > j or totals[i - di][j - dj] == -math.inf:
                    continue
                gain = totals[i - di][j - dj] + log_shape
                if di and dj:
                    src_range, tgt_range = src_ranges[i][di], tgt_ranges[j][dj]
                    gain += boundaries[src.starts[i - di]][tgt.starts[j - dj]] + lengths.evidence(
                        int(src_at[i] - src_at[i - di]), int(tgt_at[j] - tgt_at[j - dj]), dj,
                        null_at[j] - null_at[j - dj])
                    if gain + src_range[3] + tgt_range[3] <= top:
                        continue
                    gain += _terms_evidence(src_range, tgt_range)
                if gain > top:
                    top, top_shape = gain, number
            if (i or j) and top > -math.inf:
                totals[i][j], shapes[i][j] = top, top_shape
    return totals, shapes


def _running(values: Sequence[float]) -> list[float]:
    totals = [0.0]
    for value in values:
        totals.append(totals[-1] + value)
    return totals


def _end(totals: list[list[float]], n: int, m: int, open_end: bool) -> tuple[int, int] | None:
    """Where the path ends: at both documents' ends or, with a truncated side, at the best
    place on the last row or column."""
    if not open_end:
        return (n, m) if totals[n][m] > -math.inf else None
    ends = [(n, j) for j in range(m + 1)] + [(i, m) for i in range(n)]
    best = max(ends, key=lambda end: totals[end[0]][end[1]])
    return best if totals[best[0]][best[1]] > -math.inf and best != (0, 0) else None


def coverage(src: SegmentView, tgt: SegmentView, path: Sequence[Span]) -> float:
    """The smaller share of either side's letters (of the segments the path reaches) in beads
    that pair segments of both sides."""
    if not path:
        return 0.0
    shares = []
    for letters, side in ((src.letters, 0), (tgt.letters, 2)):
        paired = sum(sum(letters[bead[side]:bead[side + 1]]) for bead in path
                     if bead[0] < bead[1] and bead[2] < bead[3])
        shares.append(paired / max(1, sum(letters[:path[-1][side + 1]])))
    return min(shares)
