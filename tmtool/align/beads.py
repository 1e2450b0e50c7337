"""Beads (groups of source and target segments that translate each other) and their priors.

The starting priors are Gale & Church's published bead frequencies (1-1 .89, 2-1/1-2 .089,
2-2 .011, 1-0/0-1 .0099, each pair split evenly between its two directions) plus small generic
shares for one sentence rendered as three, four or five (1-3 .0025, 1-4 .0008, 1-5 .0003 and
the mirrored shapes): official translations cut a long Ukrainian sentence into several short
English ones, and such a bead is chosen only where the words of every part carry it. They are
kept fixed: re-estimating them from a document's own first pass fed its mistakes back (more
deletions found, so more deletions expected).
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

GENERIC_PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099 / 2,
    (0, 1): 0.0099 / 2,
    (2, 1): 0.089 / 2,
    (1, 2): 0.089 / 2,
    (2, 2): 0.011,
    (1, 3): 0.0025,
    (3, 1): 0.0025,
    (1, 4): 0.0008,
    (4, 1): 0.0008,
    (1, 5): 0.0003,
    (5, 1): 0.0003,
}


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
