"""The two levels of a document alignment: blocks first, then sentences inside aligned blocks.

Blocks (paragraphs, headings, captions, list items) are aligned with the same model as
sentences, their kind, inline markup and heading ids counting as evidence, so a heading pairs
with a heading; the block beads then become hard regions for the sentence alignment, whose
lexical model is still learned from the whole document. Blocks are hard limits of every kind:
a sentence bead never spans two blocks of a side, and a block bead joins several blocks of a
side only when they are paragraphs (or list items, or quotes) of one section, never a heading
with a paragraph nor a component's content with the paragraph after it. Markup is evidence for
blocks only: where a translator put the bold inside a paragraph says nothing about which
sentences pair, so it must not lower a pair's score. Headings that share an id, and front-matter
fields, are fixed points of both levels (`headings.py`): an out-of-date translation that lacks
or adds whole sections cannot shift the pairs after them. Presegmented input has one level.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from tmtool.align.beads import Bead
from tmtool.align.foreign import foreign_segments, mark_unpaired
from tmtool.align.headings import fixed_block_pairs, fixed_spans, one_segment_pairs, segment_spans
from tmtool.align.inputs import AlignSide
from tmtool.align.lengths import loosened
from tmtool.align.pipeline import (
    AlignOptions,
    Evidence,
    align_texts,
    align_with_evidence,
    learn_evidence,
)
from tmtool.align.regions import UNPAIRED, Groups, Regions
from tmtool.align.search import Span
from tmtool.model import CodeKind, Segment

# Kinds of which several consecutive blocks (of one section) may be one side of a block bead:
# a translator joins or splits paragraphs, never headings, captions, cells or front matter.
JOINABLE_KINDS = frozenset({"paragraph", "list-item", "quote"})
# Prior of a block (paragraph, list item, note) left unpaired, in each direction: four times
# Gale & Church's sentence figure, since a translated page lacks or adds whole paragraphs, notes
# and sections (an out-of-date translation) far more often than a translated paragraph drops a
# sentence; with the sentence figure, two unrelated paragraphs standing where the missing ones
# would be look likelier as a pair than as two unpaired blocks.
BLOCK_DELETION = 0.02
# Placeholders whose text is the same in both languages (heading ids): their text is evidence.
_IDENTITY_TYPES = frozenset({"x-mdx-comment", "x-anchor"})


def markup_keys(segment: Segment) -> list[str]:
    """Evidence keys for a segment's inline codes (bold, link, ...), opening codes only; a
    heading id (`{/*try-react*/}`, `{#setup}`) is a key of its own text, kept in translations."""
    return [
        "m" + (code.native if code.type in _IDENTITY_TYPES else code.type or code.native)
        for code in segment.codes if code.kind is not CodeKind.CLOSE
    ]


@dataclass(frozen=True, slots=True)
class DocumentAlignment:
    """Both sides of a document pair and its beads (positions into `segments`)."""

    src: AlignSide
    tgt: AlignSide
    beads: tuple[Bead, ...]


@dataclass(frozen=True, slots=True)
class SentencePlan:
    """What the sentence level of a pair searched with, so that aligning part of the pair
    again (around a reviewer's anchors) searches exactly as the whole alignment did."""

    evidence: Evidence | None
    regions: Regions | None
    groups: Groups | None


def align_sides(src: AlignSide, tgt: AlignSide, options: AlignOptions) -> DocumentAlignment:
    beads, _ = plan_sentences(src, tgt, options)
    return DocumentAlignment(src, tgt, tuple(beads))


def plan_sentences(src: AlignSide, tgt: AlignSide, options: AlignOptions) -> tuple[list[Bead], SentencePlan]:
    """The sentence beads of a pair, and the evidence, block regions and groups behind them."""
    src_texts, tgt_texts = src.texts, tgt.texts
    if len(src.blocks) <= 1 or len(tgt.blocks) <= 1:  # no structure on one side: one level
        beads, evidence = align_with_evidence(src_texts, tgt_texts, options)
        return beads, SentencePlan(evidence, None, None)
    # headings that share an id are fixed points of both levels (`headings.py`); words are
    # learned from a first, flat sentence alignment (blocks alone are too few to learn from),
    # then used to align blocks, then sentences inside aligned blocks
    foreign = (foreign_segments(src, tgt), foreign_segments(tgt, src))
    fixed_blocks = fixed_block_pairs(src, tgt)
    fixed = fixed_spans(fixed_blocks, len(src.blocks), len(tgt.blocks))
    fixed_segments = (Regions(segment_spans(fixed, src, tgt), len(src_texts), len(tgt_texts),
                              known=one_segment_pairs(fixed_blocks, src, tgt))
                      if len(fixed) > 1 else None)
    evidence = learn_evidence(src_texts, tgt_texts, options, regions=fixed_segments)
    # blocks keep the learned word links but not the sentences' coverage law (a block has
    # far more words, and a wrong block explains far more of them by chance) nor their sharpest
    # length law (`loosened`)
    block_evidence = (replace(evidence, src_model=None, tgt_model=None, length=loosened(evidence.length))
                      if evidence else None)
    spans = block_spans(src, tgt, options, block_evidence, (fixed, fixed_blocks) if len(fixed) > 1 else None,
                        foreign)
    regions = Regions(spans, len(src_texts), len(tgt_texts))
    groups = (mark_unpaired(_segment_blocks(src), foreign[0], UNPAIRED),
              mark_unpaired(_segment_blocks(tgt), foreign[1], UNPAIRED))
    beads = align_texts(src_texts, tgt_texts, options, regions=regions, preset=evidence, groups=groups)
    return beads, SentencePlan(evidence, regions, groups)


def _segment_blocks(side: AlignSide) -> list[int]:
    """The block index of each segment."""
    owner = [0] * len(side.segments)
    for index, (first, end) in enumerate(side.blocks):
        owner[first:end] = [index] * (end - first)
    return owner


def joinable_runs(kinds: Sequence[str], sections: Sequence[int]) -> list[int]:
    """A group id per block: consecutive blocks share one when both are of a joinable kind,
    of the same kind and of the same section."""
    runs: list[int] = []
    for index, kind in enumerate(kinds):
        joins = (index > 0 and kind in JOINABLE_KINDS and kind == kinds[index - 1]
                 and sections[index] == sections[index - 1])
        runs.append(runs[-1] if joins else (runs[-1] + 1 if runs else 0))
    return runs


def _block_view(side: AlignSide) -> tuple[list[str], list[list[str]], list[tuple[int, int]], list[int]]:
    blocks = list(side.blocks) or [(0, len(side.segments))]
    kinds = list(side.kinds) or ["paragraph"]
    sections = list(side.sections) or [0] * len(kinds)
    texts = [" ".join(s.text.strip() for s in side.segments[a:b]) for a, b in blocks]
    extra = [
        ["k" + kind] + [key for s in side.segments[a:b] for key in markup_keys(s)]
        for (a, b), kind in zip(blocks, kinds)
    ]
    return texts, extra, blocks, joinable_runs(kinds, sections)


def block_spans(
    src: AlignSide, tgt: AlignSide, options: AlignOptions, evidence: Evidence | None = None,
    fixed: tuple[Sequence[Span], Sequence[tuple[int, int]]] | None = None,
    foreign: tuple[Sequence[bool], Sequence[bool]] | None = None,
) -> list[tuple[int, int, int, int]]:
    """Block beads as segment ranges (first source, end source, first target, end target);
    `fixed` (block ranges tiling both sides and the block pairs they fix, `headings.py`)
    confines them, and a block whose segments are all `foreign` (per segment and side,
    `foreign.py`) pairs with nothing."""
    src_texts, src_extra, src_blocks, src_runs = _block_view(src)
    tgt_texts, tgt_extra, tgt_blocks, tgt_runs = _block_view(tgt)
    if foreign is not None:
        src_runs = mark_unpaired(src_runs, [all(foreign[0][a:b]) for a, b in src_blocks], UNPAIRED)
        tgt_runs = mark_unpaired(tgt_runs, [all(foreign[1][a:b]) for a, b in tgt_blocks], UNPAIRED)
    groups: Groups = (src_runs, tgt_runs)
    regions = Regions(fixed[0], len(src_texts), len(tgt_texts), known=fixed[1]) if fixed else None
    # only the blocks' positions are used, not their scores
    block_beads = align_texts(src_texts, tgt_texts, replace(options, deletion=BLOCK_DELETION), src_extra,
                              tgt_extra, regions=regions, preset=evidence, groups=groups, scores=False)
    spans = []
    i = j = 0
    for bead in block_beads:
        src_count = sum(src_blocks[b][1] - src_blocks[b][0] for b in bead.src)
        tgt_count = sum(tgt_blocks[b][1] - tgt_blocks[b][0] for b in bead.tgt)
        spans.append((i, i + src_count, j, j + tgt_count))
        i += src_count
        j += tgt_count
    return spans
