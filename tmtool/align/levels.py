"""The two levels of a document alignment: blocks first, then sentences inside aligned blocks.

Blocks (paragraphs, headings, captions, list items) are aligned with the same model as
sentences, their kind and inline markup counting as evidence, so a heading pairs with a heading;
the block beads then become hard regions for the sentence alignment, whose lexical model is
still learned from the whole document. Presegmented input has no blocks and one level.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from tmtool.align.beads import Bead
from tmtool.align.inputs import AlignSide
from tmtool.align.pipeline import AlignOptions, Evidence, align_texts, align_with_evidence
from tmtool.align.regions import Regions
from tmtool.model import CodeKind, Segment


def markup_keys(segment: Segment) -> list[str]:
    """Evidence keys for a segment's inline codes (bold, link, ...), opening codes only."""
    return ["m" + (code.type or code.native) for code in segment.codes if code.kind is not CodeKind.CLOSE]


@dataclass(frozen=True, slots=True)
class DocumentAlignment:
    """Both sides of a document pair and its beads (positions into `segments`)."""

    src: AlignSide
    tgt: AlignSide
    beads: tuple[Bead, ...]


def align_sides(src: AlignSide, tgt: AlignSide, options: AlignOptions) -> DocumentAlignment:
    src_texts, tgt_texts = src.texts, tgt.texts
    src_extra = [markup_keys(s) for s in src.segments]
    tgt_extra = [markup_keys(s) for s in tgt.segments]
    if len(src.blocks) <= 1 or len(tgt.blocks) <= 1:  # no structure on one side: one level
        beads = align_texts(src_texts, tgt_texts, options, src_extra, tgt_extra)
        return DocumentAlignment(src, tgt, tuple(beads))
    # words are learned from a first, flat sentence alignment (blocks alone are too few to
    # learn from), then used to align blocks, then sentences inside aligned blocks
    _, evidence = align_with_evidence(src_texts, tgt_texts, options, src_extra, tgt_extra)
    # blocks keep the learned word links but not the sentences' coverage law (a block has
    # far more words, and a wrong block explains far more of them by chance)
    block_evidence = replace(evidence, src_model=None, tgt_model=None) if evidence else None
    spans = block_spans(src, tgt, options, block_evidence)
    regions = Regions(spans, len(src_texts), len(tgt_texts))
    beads = align_texts(src_texts, tgt_texts, options, src_extra, tgt_extra, regions, evidence)
    return DocumentAlignment(src, tgt, tuple(beads))


def _block_view(side: AlignSide) -> tuple[list[str], list[list[str]], list[tuple[int, int]]]:
    blocks = list(side.blocks) or [(0, len(side.segments))]
    kinds = list(side.kinds) or ["paragraph"]
    texts = [" ".join(s.text.strip() for s in side.segments[a:b]) for a, b in blocks]
    extra = [
        ["k" + kind] + [key for s in side.segments[a:b] for key in markup_keys(s)]
        for (a, b), kind in zip(blocks, kinds)
    ]
    return texts, extra, blocks


def block_spans(
    src: AlignSide, tgt: AlignSide, options: AlignOptions, evidence: Evidence | None = None,
) -> list[tuple[int, int, int, int]]:
    """Block beads as segment ranges (first source, end source, first target, end target)."""
    src_texts, src_extra, src_blocks = _block_view(src)
    tgt_texts, tgt_extra, tgt_blocks = _block_view(tgt)
    block_beads = align_texts(src_texts, tgt_texts, options, src_extra, tgt_extra, preset=evidence)
    spans = []
    i = j = 0
    for bead in block_beads:
        src_count = sum(src_blocks[b][1] - src_blocks[b][0] for b in bead.src)
        tgt_count = sum(tgt_blocks[b][1] - tgt_blocks[b][0] for b in bead.tgt)
        spans.append((i, i + src_count, j, j + tgt_count))
        i += src_count
        j += tgt_count
    return spans
