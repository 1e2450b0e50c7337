"""Beads (groups of source and target segments that translate each other) and their priors.

The starting priors are Gale & Church's published bead frequencies (1-1 .89, 2-1/1-2 .089,
2-2 .011, 1-0/0-1 .0099, each pair split evenly between its two directions) plus a small
generic share for 1-3/3-1 (.0025). Official translations also cut a long Ukrainian sentence into
four or five short English ones (1-4, 1-5 and the mirrored shapes); their priors make such a
bead exactly as likely as the bead one segment shorter plus a deletion, so a long bead never
swallows an untranslated neighbour on the prior alone (a deletion costs more than any one
missing word evidence): lengths and words decide. The priors are kept fixed: re-estimating them
from a document's own first pass fed its mistakes back (more deletions found, so more
deletions expected).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

# (source segments, target segments) of every bead type the search may use.
BEAD_SHAPES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (1, 3), (3, 1), (1, 4), (4, 1), (1, 5), (5, 1),
)
MAX_SIDE = max(max(shape) for shape in BEAD_SHAPES)  # segments on one side of a bead, at most

ONE_TO_ONE, DELETION, ONE_TO_THREE = 0.89, 0.0099 / 2, 0.0025


def _one_longer(prior: float) -> float:
    """The prior of a bead one segment longer than a bead of prior `prior`: that bead plus a
    deletion, so neither reading is favoured before lengths and words are seen."""
    return prior * DELETION / ONE_TO_ONE


GENERIC_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): ONE_TO_ONE,
    (1, 0): DELETION,
    (0, 1): DELETION,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
    (1, 3): ONE_TO_THREE,
    (3, 1): ONE_TO_THREE,
    (1, 4): _one_longer(ONE_TO_THREE),
    (4, 1): _one_longer(ONE_TO_THREE),
    (1, 5): _one_longer(_one_longer(ONE_TO_THREE)),
    (5, 1): _one_longer(_one_longer(ONE_TO_THREE)),
}


def with_deletion(deletion: float) -> dict[tuple[int, int], float]:
    """The generic priors with a segment left unpaired at `deletion` in each direction."""
    if deletion == DELETION:
        return GENERIC_PRIORS
    return {**GENERIC_PRIORS, (1, 0): deletion, (0, 1): deletion}


@dataclass(frozen=True, slots=True)
class Bead:
    """Source and target segment indices (0-based, consecutive) and a score in [0, 1].

    A bead with an empty side is a deletion or insertion; it is reported but never becomes
    a translation unit.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0

    @property
    def shape(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def is_pair(self) -> bool:
        """True when both sides hold segments (the bead can become a translation unit)."""
        return bool(self.src) and bool(self.tgt)


def prior_penalties(priors: Mapping[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """-ln P(shape) / P(1-1): the extra cost of choosing a bead of that shape."""
    base = priors[(1, 1)]
    return {shape: -math.log(p / base) for shape, p in priors.items()}
