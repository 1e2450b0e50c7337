"""Which file translates which (`tmtool pair`): two folders in, a one-to-one list of pairs out.

Every document is read once (through `read_side`, so any format `align` reads) and reduced to a
fingerprint. Candidates come from an inverted index of the target side's keys held by at most a
tenth of the targets (numbers, dates, names, linked words; a source looks up its rarest first,
within a budget of postings, so a short document whose keys are all common still finds its
counterpart) plus the documents nearest in length and shape, never from comparing every pair:
each source document meets a few dozen targets. A candidate's score in [0, 1] combines the
weighted share of keys both documents hold with how alike their lengths and structures are.
`assign` chooses pairs greedily, best score first, each document used once, down to
`min_score`, so a document without a counterpart stays unpaired; a weak pair must also be the
best candidate of both its documents (measured: more precise than the optimal assignment, which
pairs every leftover document with whatever scores above the threshold). It serves the first
round; the final assignment verifies the uncertain pairs (`verified_assignment`).
"""
from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tmtool.align.fingerprints import Fingerprint

CANDIDATES = 20  # targets per source document from each index (keys, shape)
PRE_RANKED = 80  # shape candidates compared in full, the nearest by a cheap distance
LENGTH_WINDOW = 0.25  # shape candidates lie within this of the usual length ratio, in log(letters)
RARE_KEYS = 80  # a source document's rarest keys looked up in the index
MAX_POSTINGS_SHARE = 0.1  # content keys in more than this share of targets are not indexed
POSTINGS_BUDGET = 3000  # postings a source document visits, its rarest keys' first
LENGTH_SIGMA = 0.25  # spread of log(target letters / source letters) around the usual ratio
PROFILE_SCALE = 32.0  # mean distance of block ends (of 255) at which the profiles count 1/e
PLACE_SCALE = 40.0  # distance of first occurrences (of 255) at which a shared key counts 1/e
BLOCKS_FLOOR = 0.5  # similarity kept by documents paragraphed differently
SENTENCES_FLOOR = 0.2  # ... by documents whose sentences do not line up (a dropped sentence)
MARKS_FLOOR = 0.5  # ... by documents whose question and exclamation marks differ
SURE_SCORE = 0.45  # a pair scoring this much is taken even if one document has a close rival
MARGIN = 0.0  # below it, a pair must beat every rival of both documents by this much
CONTENT_WEIGHT = 0.5  # share of the score from keys (the rest: length and structure)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A source and target document (indices into the two fingerprint lists) and their score."""

    src: int
    tgt: int
    score: float
    content: float
    shape: float
    # for verified candidates (`verified_assignment`): the probability that they translate,
    # its evidence in nats, and the smaller share of either document the alignment pairs
    verified: float | None = None
    evidence: float | None = None
    coverage: float | None = None


@dataclass
class Pairing:
    """The chosen pairs, the best candidate of each document, and every candidate scored."""

    pairs: list[Candidate]
    candidates: list[Candidate]
    best_src: dict[int, Candidate] = field(default_factory=dict)  # source index -> its best
    best_tgt: dict[int, Candidate] = field(default_factory=dict)


class KeyIndex:
    """Document frequencies and weights of both sides' keys, postings of the targets' rarer
    keys, and the targets' masses (the weight their keys could share at most)."""

    def __init__(self, sources: Sequence[Fingerprint], targets: Sequence[Fingerprint]) -> None:
        self.tgt_df: Counter[int] = Counter(k for fp in targets for k in fp.keys)
        src_df: Counter[int] = Counter(k for fp in sources for k in fp.keys if k in self.tgt_df)
        self.documents = max(len(sources), len(targets))
        # a key found on both sides weighs by how rare it is on the side where it is commoner;
        # a key one side never has is no evidence either way
        self.weights = {k: self._idf(max(df, self.tgt_df[k])) for k, df in src_df.items()}
        limit = max(2, int(MAX_POSTINGS_SHARE * len(targets)))
        self.postings: dict[int, list[int]] = defaultdict(list)
        self.length_shift = length_shift(sources, targets)
        for index, fp in enumerate(targets):
            for key in fp.keys:
                if key in self.weights and self.tgt_df[key] <= limit:
                    self.postings[key].append(index)
        self.tgt_mass = [self.mass(fp) for fp in targets]

    def _idf(self, df: int) -> float:
        return math.log((self.documents + 1) / (df + 0.5))

    def weight(self, key: int) -> float:
        return self.weights.get(key, 0.0)

    def mass(self, fp: Fingerprint) -> float:
        """The weight a document's keys could share at most (keys the other side never has
        do not count: they are not evidence either way)."""
        return sum(self.weights.get(k, 0.0) for k in fp.keys)

    def candidates(self, src: Fingerprint) -> set[int]:
        """The targets sharing most of the source's rare keys (weighted, over the square root
        of the target's mass, as `content_similarity` will), its rarest keys looked up first
        until POSTINGS_BUDGET postings are visited."""
        votes: dict[int, float] = defaultdict(float)
        rare = sorted((k for k in src.keys if k in self.postings), key=self.weight, reverse=True)
        visited = 0
        for key in rare[:RARE_KEYS]:
            weight = self.weight(key)
            for target in self.postings[key]:
                votes[target] += weight
            visited += len(self.postings[key])
            if visited >= POSTINGS_BUDGET:
                break
        norm = {t: v / math.sqrt(self.tgt_mass[t] or 1.0) for t, v in votes.items()}
        return set(sorted(norm, key=lambda t: (-norm[t], t))[:CANDIDATES])


def length_shift(sources: Sequence[Fingerprint], targets: Sequence[Fingerprint]) -> float:
    """The usual log(target letters) - log(source letters) of the two folders."""
    return _median([_log_letters(fp) for fp in targets]) - _median([_log_letters(fp) for fp in sources])


class ShapeIndex:
    """Targets sorted by length, to find those of about a source's length and shape. A
    source's shape candidates do not change when its keys do, so they are found once (by the
    source's position) for both rounds of `tmtool pair`."""

    def __init__(self, targets: Sequence[Fingerprint], length_shift: float) -> None:
        self.targets = targets
        self.length_shift = length_shift
        self.order = sorted(range(len(targets)), key=lambda t: _log_letters(targets[t]))
        self.positions = [_log_letters(targets[t]) for t in self.order]
        self.found: dict[int, dict[int, float]] = {}

    def candidates(self, number: int, src: Fingerprint) -> dict[int, float]:
        """The targets most alike in shape (-> their shape similarity) among those within
        the length window whose sentence and block counts are not far off."""
        if number not in self.found:
            centre = _log_letters(src) + self.length_shift
            low = bisect.bisect_left(self.positions, centre - LENGTH_WINDOW)
            high = bisect.bisect_right(self.positions, centre + LENGTH_WINDOW)
            near = sorted((_count_distance(src, self.targets[t], centre), t) for t in self.order[low:high])
            shapes = {t: shape_similarity(src, self.targets[t], self.length_shift) for _, t in near[:PRE_RANKED]}
            self.found[number] = dict(sorted(shapes.items(), key=lambda item: -item[1])[:CANDIDATES])
        return self.found[number]


def _count_distance(src: Fingerprint, tgt: Fingerprint, centre: float) -> float:
    """A cheap distance in length, sentences and blocks (before the full shape similarity)."""
    return ((_log_letters(tgt) - centre) / LENGTH_SIGMA) ** 2 + (
        math.log((tgt.segments + 1) / (src.segments + 1)) / 0.2) ** 2 + (
        math.log((tgt.blocks + 1) / (src.blocks + 1)) / 0.3) ** 2


def _log_letters(fp: Fingerprint) -> float:
    return math.log(fp.letters + 20)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def content_similarity(src: Fingerprint, tgt: Fingerprint, index: KeyIndex,
                       src_mass: float, tgt_mass: float) -> float:
    """Weighted keys in common over the geometric mean of both documents' weights; a shared
    key counts less when it first occurs elsewhere in the document, or a different number of
    times."""
    if not src_mass or not tgt_mass:
        return 0.0
    where = {key: n for n, key in enumerate(tgt.keys)}
    total = 0.0
    for n, key in enumerate(src.keys):
        m = where.get(key)
        if m is None:
            continue
        place = math.exp(-abs(src.places[n] - tgt.places[m]) / PLACE_SCALE)
        total += index.weight(key) * place * _ratio(src.counts[n], tgt.counts[m])
    return total / math.sqrt(src_mass * tgt_mass)


def _ratio(a: int, b: int) -> float:
    return (min(a, b) + 1) / (max(a, b) + 1)


def profile_similarity(a: bytes, b: bytes) -> float:
    """How alike two documents' block ends are: 1 for the same places, less as they move
    apart or one has ends the other lacks."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.5
    distance = _nearest_distances(a, b) + _nearest_distances(b, a)
    return math.exp(-distance / (len(a) + len(b)) / PROFILE_SCALE)


def _nearest_distances(a: bytes, b: bytes) -> int:
    """The sum over `a` of each value's distance to the nearest value of `b` (both ascending)."""
    total = 0
    j = 0
    last = len(b) - 1
    for x in a:
        while j < last and b[j + 1] <= x:
            j += 1
        gap = abs(x - b[j])
        if j < last:
            gap = min(gap, b[j + 1] - x)
        total += gap
    return total


def _floored(similarity: float, floor: float) -> float:
    return floor + (1 - floor) * similarity


def shape_similarity(src: Fingerprint, tgt: Fingerprint, length_shift: float) -> float:
    """How alike two documents are in length (letters, against the usual ratio of the two
    folders), block ends, sentences and headings."""
    log_ratio = _log_letters(tgt) - _log_letters(src) - length_shift
    length = math.exp(-0.5 * (log_ratio / LENGTH_SIGMA) ** 2)
    # a translation may be paragraphed anew; its sentences still follow the original's
    structure = (_floored(profile_similarity(src.profile, tgt.profile), BLOCKS_FLOOR)
                 * _floored(profile_similarity(src.sentences, tgt.sentences), SENTENCES_FLOOR)
                 * _floored(profile_similarity(src.questions, tgt.questions), MARKS_FLOOR)
                 * _floored(profile_similarity(src.exclamations, tgt.exclamations), MARKS_FLOOR))
    headings = 1.0 if (src.headings > 0) == (tgt.headings > 0) else 0.8
    return length * structure * headings


def combined_score(content: float, shape: float) -> float:
    return CONTENT_WEIGHT * min(1.0, content) + (1 - CONTENT_WEIGHT) * shape


def find_candidates(sources: Sequence[Fingerprint], targets: Sequence[Fingerprint],
                    shapes: ShapeIndex | None = None) -> list[Candidate]:
    """Every source's candidates from the key index and the shape index (built here unless
    given, as both rounds share one), scored."""
    index = KeyIndex(sources, targets)
    shapes = shapes or ShapeIndex(targets, index.length_shift)
    tgt_mass = [index.mass(fp) for fp in targets]
    found: list[Candidate] = []
    for s, src in enumerate(sources):
        src_mass = index.mass(src)
        by_shape = shapes.candidates(s, src)
        for t in sorted(index.candidates(src) | by_shape.keys()):
            content = content_similarity(src, targets[t], index, src_mass, tgt_mass[t])
            shape = by_shape.get(t)
            if shape is None:
                shape = shape_similarity(src, targets[t], index.length_shift)
            found.append(Candidate(s, t, combined_score(content, shape), content, shape))
    return found


def _rival(candidate: Candidate, by_src: dict[int, list[Candidate]],
           by_tgt: dict[int, list[Candidate]]) -> float:
    """The best score of another candidate of either document (0 when there is none)."""
    others = [c.score for c in by_src[candidate.src][:2] if c is not candidate]
    others += [c.score for c in by_tgt[candidate.tgt][:2] if c is not candidate]
    return max(others, default=0.0)


def assign(candidates: Iterable[Candidate], min_score: float, src_names: Sequence[str],
           tgt_names: Sequence[str], sure_score: float = SURE_SCORE) -> Pairing:
    """One-to-one pairs, best score first (ties broken by the file names, so the result never
    depends on reading order), each at least `min_score`. A pair below `sure_score` is taken
    only if it is the best candidate of both its documents: a document whose best match is
    weak and not even its own best stays unpaired rather than paired by chance."""
    ordered = sorted(candidates, key=lambda c: (-c.score, src_names[c.src], tgt_names[c.tgt]))
    result = Pairing([], ordered)
    by_src: dict[int, list[Candidate]] = defaultdict(list)
    by_tgt: dict[int, list[Candidate]] = defaultdict(list)
    for candidate in ordered:
        result.best_src.setdefault(candidate.src, candidate)
        result.best_tgt.setdefault(candidate.tgt, candidate)
        by_src[candidate.src].append(candidate)
        by_tgt[candidate.tgt].append(candidate)
    used_src: set[int] = set()
    used_tgt: set[int] = set()
    for candidate in ordered:
        if candidate.score < min_score:
            break
        if candidate.src in used_src or candidate.tgt in used_tgt:
            continue
        if candidate.score < sure_score and _rival(candidate, by_src, by_tgt) > candidate.score - MARGIN:
            continue
        used_src.add(candidate.src)
        used_tgt.add(candidate.tgt)
        result.pairs.append(candidate)
    result.pairs.sort(key=lambda c: src_names[c.src])
    return result
