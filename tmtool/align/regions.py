"""Hard limits of a document alignment: aligned blocks (regions) and groups that no bead joins.

Once paragraphs, headings and captions are aligned, each block bead is a region (a range of
source segments and a range of target segments); a sentence bead must lie inside one region,
and a deletion may only happen inside its own region. Groups are runs of consecutive segments
(or blocks) of one side: a bead may take several segments of a side only from one group, so a
sentence bead never spans two blocks and a block bead never joins a heading with a paragraph
or a component's content with the paragraph after it. Block boundaries are thus hard.
"""
from __future__ import annotations

from collections.abc import Sequence

from tmtool.align.search import INF, CostFn, Span

REGION_BAND = 50  # half-width of the search band inside one region, beyond any size difference


class Regions:
    """Regions as (first source, end source, first target, end target) segment ranges that
    tile both documents in order. `known` lists (source, target) pairs that are certainly
    right (headings that share an id): the surest pairs to learn words and lengths from."""

    def __init__(self, spans: Sequence[Span], n: int, m: int,
                 known: Sequence[tuple[int, int]] = ()) -> None:
        self.spans = list(spans)
        self.n, self.m = n, m
        self.known = tuple(known)
        self.src_region = [0] * n
        self.tgt_region = [0] * m
        for index, (i0, i1, j0, j1) in enumerate(self.spans):
            for i in range(i0, i1):
                self.src_region[i] = index
            for j in range(j0, j1):
                self.tgt_region[j] = index

    def window(self) -> tuple[list[int], list[int]]:
        """The search window: the regions' rectangles, cut down to a band around each one's
        diagonal when a region is large (so one huge block cannot make the search quadratic)."""
        lo = [self.m] * (self.n + 1)
        hi = [0] * (self.n + 1)
        for i0, i1, j0, j1 in self.spans:
            width = REGION_BAND + abs((j1 - j0) - (i1 - i0))
            for i in range(i0, i1 + 1):
                centre = j0 + (i - i0) * (j1 - j0) // max(i1 - i0, 1)
                lo[i] = min(lo[i], max(j0, centre - width))
                hi[i] = max(hi[i], min(j1, centre + width))
        return lo, hi

    def confine(self, cost: CostFn) -> CostFn:
        """`cost` for beads inside one region, infinite for beads that cross a boundary."""
        src_region, tgt_region, spans = self.src_region, self.tgt_region, self.spans

        def confined(i0: int, i1: int, j0: int, j1: int) -> float:
            if i1 > i0:
                region = src_region[i0]
                if src_region[i1 - 1] != region:
                    return INF
                if j1 > j0:
                    if tgt_region[j0] != region or tgt_region[j1 - 1] != region:
                        return INF
                else:
                    _, _, low, high = spans[region]
                    if not low <= j0 <= high:
                        return INF
            else:
                region = tgt_region[j0]
                if tgt_region[j1 - 1] != region:
                    return INF
                low, high, _, _ = spans[region]
                if not low <= i0 <= high:
                    return INF
            return cost(i0, i1, j0, j1)

        return confined


Groups = tuple[Sequence[int], Sequence[int]]  # (source groups, target groups), one id per segment
UNPAIRED = -1  # the group of a segment that pairs with nothing (`foreign.py`)


def within_groups(cost: CostFn, groups: Groups) -> CostFn:
    """`cost` for beads whose segments on each side come from one group, infinite otherwise;
    a segment of the group UNPAIRED may only be left unpaired."""
    src_group, tgt_group = groups

    def confined(i0: int, i1: int, j0: int, j1: int) -> float:
        if i1 - i0 > 1 and src_group[i0] != src_group[i1 - 1]:
            return INF
        if j1 - j0 > 1 and tgt_group[j0] != tgt_group[j1 - 1]:
            return INF
        return cost(i0, i1, j0, j1)

    if UNPAIRED not in src_group and UNPAIRED not in tgt_group:
        return confined
    src_lone = [group == UNPAIRED for group in src_group]
    tgt_lone = [group == UNPAIRED for group in tgt_group]

    def alone(i0: int, i1: int, j0: int, j1: int) -> float:
        if i1 > i0 and j1 > j0 and (any(src_lone[i0:i1]) or any(tgt_lone[j0:j1])):
            return INF
        return confined(i0, i1, j0, j1)

    return alone
