"""Aligning a document pair again around the beads a person confirmed, never choosing those
they rejected.

Confirmed pairs are fixed: they cut both documents into free spans, and the search runs only
inside those spans, with the word evidence learned from the whole pair (as the block level
does). A free span whose two ends lie on the unconstrained alignment's path keeps that path's
beads (a best path is also the best between any two of its points, so a new search would only
repeat it); the others are searched anew. Then every bead that breaks a decision (a rejected
bead, or one pairing a segment confirmed as unpaired) is searched again with `MARGIN` beads
either side, under the decisions (the whole span if that finds nothing). The decisions reach the
search as a `Regions` whose `confine` prices such beads at infinity, so search.py needs no hook.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from tmtool.align.beads import Bead
from tmtool.align.inputs import AlignSide
from tmtool.align.levels import DocumentAlignment, plan_sentences
from tmtool.align.pipeline import AlignOptions, Evidence, align_texts
from tmtool.align.regions import Groups, Regions
from tmtool.align.search import INF, CostFn, Span, corridor
from tmtool.errors import TmtoolError

GUIDE_RADIUS = 10  # half-width of the corridor a constrained re-search keeps around its guide
MARGIN = 10  # beads either side of one that breaks a decision, searched again with it
CONFIRMED_SCORE = 1.0

BeadKey = tuple[tuple[int, ...], tuple[int, ...]]
Allowed = Callable[[int, int, int, int], bool]


class AnchorConflictError(TmtoolError):
    """The decisions leave no alignment for the free span `span` (segment positions)."""

    def __init__(self, span: Span) -> None:
        self.span = span
        super().__init__(conflict_message(span))


def conflict_message(span: Span, src_numbers: Sequence[int] | None = None,
                     tgt_numbers: Sequence[int] | None = None) -> str:
    """What an AnchorConflictError says, with segments numbered by `*_numbers[position]` when
    given (the numbers of `--format json`), else by position."""
    def segments(role: str, first: int, end: int, numbers: Sequence[int] | None) -> str:
        label = (lambda k: str(numbers[k])) if numbers is not None else str
        if end <= first:
            return f"no {role} segment"
        if end == first + 1:
            return f"{role} segment {label(first)}"
        return f"{role} segments {label(first)}-{label(end - 1)}"

    i0, i1, j0, j1 = span
    return (f"the decisions leave no way to align {segments('source', i0, i1, src_numbers)} with "
            f"{segments('target', j0, j1, tgt_numbers)}; drop a rejection there")


@dataclass(frozen=True, slots=True)
class Decisions:
    """A reviewer's decisions in segment positions: `confirmed` beads (pairs are fixed; a
    bead with one empty side keeps that segment unpaired) and `rejected` beads (never
    chosen). Confirmed pairs must be in document order without overlapping."""

    confirmed: tuple[BeadKey, ...] = ()
    rejected: tuple[BeadKey, ...] = ()


@dataclass(frozen=True, slots=True)
class _Context:
    """What every free span needs: texts, evidence, blocks, block groups and constraints."""

    src_texts: list[str]
    tgt_texts: list[str]
    options: AlignOptions
    evidence: Evidence | None
    blocks: Regions | None
    groups: Groups | None
    rejected: frozenset[BeadKey]
    lone_src: frozenset[int]
    lone_tgt: frozenset[int]


def align_anchored(src: AlignSide, tgt: AlignSide, options: AlignOptions,
                   decisions: Decisions) -> DocumentAlignment:
    """The alignment of `src` and `tgt` that keeps every confirmed bead (score 1.0) and
    contains no rejected one; raises AnchorConflictError when the decisions allow none."""
    anchors = _pair_anchors(decisions.confirmed, len(src.segments), len(tgt.segments))
    context, original = _unconstrained(src, tgt, options, decisions)
    on_path = {corner: k for k, corner in enumerate(_corners(original))}
    beads: list[Bead] = []
    for span, anchor in _free_spans(anchors, len(src.segments), len(tgt.segments)):
        if span is not None:
            beads.extend(_fill(span, original, on_path, context))
        if anchor is not None:
            beads.append(Bead(anchor[0], anchor[1], CONFIRMED_SCORE))
    for lone in decisions.confirmed:
        if len(lone[0]) + len(lone[1]) > 1 and not (lone[0] and lone[1]):
            beads = _joined(beads, lone)
    confirmed = set(decisions.confirmed)
    beads = [replace(b, score=CONFIRMED_SCORE) if (b.src, b.tgt) in confirmed else b for b in beads]
    return DocumentAlignment(src, tgt, tuple(beads))


def _joined(beads: list[Bead], lone: BeadKey) -> list[Bead]:
    """The single-segment deletions of a confirmed unpaired bead such as 3-0 made one bead
    again, where the first of them stood (the search has no such shape). Only beads of the
    other side alone can lie between them, and they may follow it."""
    side = 0 if lone[0] else 1
    members = set(lone[side])
    places = [k for k, b in enumerate(beads) if (b.src, b.tgt)[side] and set((b.src, b.tgt)[side]) <= members]
    rest = [b for k, b in enumerate(beads) if k not in set(places)]
    return rest[:places[0]] + [Bead(lone[0], lone[1])] + rest[places[0]:]


def _pair_anchors(confirmed: Sequence[BeadKey], n: int, m: int) -> list[BeadKey]:
    """The confirmed beads with both sides, in order; a crossing or overlap is a ValueError."""
    anchors = sorted((b for b in confirmed if b[0] and b[1]), key=lambda b: b[0][0])
    last_src = last_tgt = -1
    for src, tgt in anchors:
        if src[0] <= last_src or tgt[0] <= last_tgt or src[-1] >= n or tgt[-1] >= m:
            raise ValueError(f"confirmed bead {src}-{tgt} overlaps or crosses another")
        last_src, last_tgt = src[-1], tgt[-1]
    return anchors


def _unconstrained(src: AlignSide, tgt: AlignSide, options: AlignOptions,
                   decisions: Decisions) -> tuple[_Context, list[Bead]]:
    """The alignment without decisions (`levels.align_sides`'s), and what the free spans
    reuse from it: the evidence, the block regions and the block groups."""
    original, plan = plan_sentences(src, tgt, options)
    lone = [b for b in decisions.confirmed if not (b[0] and b[1])]
    context = _Context(
        src.texts, tgt.texts, options, plan.evidence, plan.regions, plan.groups,
        frozenset(decisions.rejected),
        frozenset(i for s, _ in lone for i in s), frozenset(j for _, t in lone for j in t),
    )
    return context, original


def _spans_of(beads: Sequence[Bead]) -> Iterator[Span]:
    """Beads as (first source, end source, first target, end target), deletions placed by order."""
    i = j = 0
    for bead in beads:
        yield i, i + len(bead.src), j, j + len(bead.tgt)
        i, j = i + len(bead.src), j + len(bead.tgt)


def _corners(beads: Sequence[Bead]) -> Iterator[tuple[int, int]]:
    yield 0, 0
    for _, i1, _, j1 in _spans_of(beads):
        yield i1, j1


def _free_spans(anchors: Sequence[BeadKey], n: int,
                m: int) -> Iterator[tuple[Span | None, BeadKey | None]]:
    """(free span before the anchor or None if empty, anchor), then the last free span."""
    i = j = 0
    for anchor in anchors:
        i1, j1 = anchor[0][0], anchor[1][0]
        yield ((i, i1, j, j1) if (i1 > i or j1 > j) else None), anchor
        i, j = anchor[0][-1] + 1, anchor[1][-1] + 1
    if i < n or j < m:
        yield (i, n, j, m), None


def _key(i0: int, i1: int, j0: int, j1: int) -> BeadKey:
    return tuple(range(i0, i1)), tuple(range(j0, j1))


def _allowed(context: _Context, di: int, dj: int) -> Allowed:
    """The decisions as a test on beads of a span that starts at (di, dj)."""
    rejected, lone_src, lone_tgt = context.rejected, context.lone_src, context.lone_tgt

    def allowed(i0: int, i1: int, j0: int, j1: int) -> bool:
        i0, i1, j0, j1 = i0 + di, i1 + di, j0 + dj, j1 + dj
        if (i1 > i0 and j1 > j0) and (
            any(i in lone_src for i in range(i0, i1)) or any(j in lone_tgt for j in range(j0, j1))
        ):
            return False
        return _key(i0, i1, j0, j1) not in rejected

    return allowed


def _fill(span: Span, original: Sequence[Bead], on_path: dict[tuple[int, int], int],
          context: _Context) -> list[Bead]:
    """The beads of one free span: the unconstrained path's when both ends lie on it, else
    searched anew; then each stretch that breaks a decision is searched again under them.

    `on_path` maps each corner of the unconstrained path to the number of beads before it."""
    first, end = on_path.get((span[0], span[2])), on_path.get((span[1], span[3]))
    if first is not None and end is not None:
        beads = list(original[first:end])
    else:
        beads = _search(span, context, None)
    return _enforce(span, beads, context)


def _enforce(span: Span, beads: list[Bead], context: _Context) -> list[Bead]:
    """`beads` (tiling `span`) with every bead that breaks a decision, and `MARGIN` beads
    either side, searched again under the decisions; the whole span if that is not enough."""
    allowed = _allowed(context, 0, 0)
    spans = [(a + span[0], b + span[0], c + span[2], d + span[2]) for a, b, c, d in _spans_of(beads)]
    broken = [k for k, s in enumerate(spans) if not allowed(*s)]
    if not broken:
        return beads
    out: list[Bead] = []
    done = 0
    try:
        for first, last in _stretches(broken, len(beads)):
            out.extend(beads[done:first])
            part = (spans[first][0], spans[last][1], spans[first][2], spans[last][3])
            out.extend(_constrained(part, beads[first:last + 1], context))
            done = last + 1
    except AnchorConflictError:
        if (0, len(beads) - 1) in _stretches(broken, len(beads)):
            raise
        return _constrained(span, beads, context)
    return out + beads[done:]


def _stretches(marks: Sequence[int], count: int) -> list[tuple[int, int]]:
    """Merged (first, last) bead ranges reaching `MARGIN` beads either side of each mark."""
    out: list[tuple[int, int]] = []
    for mark in marks:
        first, last = max(0, mark - MARGIN), min(count - 1, mark + MARGIN)
        if out and first <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], last))
        else:
            out.append((first, last))
    return out


def _search(span: Span, context: _Context, regions: Regions | None) -> list[Bead]:
    """Align the segments of `span` (with the block regions inside it when `regions` is None);
    the beads in document positions."""
    i0, i1, j0, j1 = span
    if regions is None:
        blocks = _clipped_blocks(context.blocks, span)
        regions = Regions(blocks, i1 - i0, j1 - j0) if blocks else None
    groups = context.groups and (context.groups[0][i0:i1], context.groups[1][j0:j1])
    beads = align_texts(context.src_texts[i0:i1], context.tgt_texts[j0:j1], context.options,
                        regions=regions, preset=context.evidence, groups=groups)
    return [Bead(tuple(i + i0 for i in b.src), tuple(j + j0 for j in b.tgt), b.score) for b in beads]


def _constrained(span: Span, guide: Sequence[Bead], context: _Context) -> list[Bead]:
    """Align `span` under the decisions, near `guide` (its unconstrained beads) when the span
    has no block regions; AnchorConflictError when no alignment obeys them."""
    i0, i1, j0, j1 = span
    n, m = i1 - i0, j1 - j0
    allowed = _allowed(context, i0, j0)
    if n == 0 or m == 0:
        raise AnchorConflictError(span)
    blocks = _clipped_blocks(context.blocks, span)
    window = None if blocks else corridor(list(_spans_of(guide)), n, m, GUIDE_RADIUS)
    try:
        beads = _search(span, context, ConstrainedRegions(blocks or [(0, n, 0, m)], n, m, allowed, window))
    except ValueError:
        raise AnchorConflictError(span) from None
    if not all(allowed(*s) for s in _spans_of(beads)):  # spans relative to the span's start
        raise AnchorConflictError(span)
    return beads


def _clipped_blocks(blocks: Regions | None, span: Span) -> list[Span]:
    """The block regions inside a free span, relative to it; none when the span's ends cut a
    block differently on the two sides (the reviewer overruled the block alignment there)."""
    if blocks is None:
        return []
    i0, i1, j0, j1 = span
    out: list[Span] = []
    for a0, a1, b0, b1 in blocks.spans:
        c0, c1 = min(max(a0, i0), i1), min(max(a1, i0), i1)
        d0, d1 = min(max(b0, j0), j1), min(max(b1, j0), j1)
        if c1 == c0 and d1 == d0:
            continue
        if (c1 == c0) != (a1 == a0) or (d1 == d0) != (b1 == b0):
            return []
        out.append((c0 - i0, c1 - i0, d0 - j0, d1 - j0))
    return out


class ConstrainedRegions(Regions):
    """Regions whose beads must also pass `allowed`; `guide` (lo, hi) replaces the window."""

    def __init__(self, spans: Sequence[Span], n: int, m: int, allowed: Allowed,
                 guide: tuple[list[int], list[int]] | None = None) -> None:
        super().__init__(spans, n, m)
        self.allowed = allowed
        self.guide = guide

    def window(self) -> tuple[list[int], list[int]]:
        return self.guide if self.guide is not None else super().window()

    def confine(self, cost: CostFn) -> CostFn:
        inner, allowed = super().confine(cost), self.allowed

        def constrained(i0: int, i1: int, j0: int, j1: int) -> float:
            return inner(i0, i1, j0, j1) if allowed(i0, i1, j0, j1) else INF

        return constrained
