"""Document reading and sentence segmentation: documents become `Block`s of `Segment`s.

`read_document` keeps document structure (headings, paragraphs, list items, captions,
table cells) as hard boundaries and inline markup as `InlineCode`s; sentences inside a
block are split with SRX 2.0 rules (tmtool's own Ukrainian/English set unless given).
`markup="literal"` reads Markdown or text as a CAT tool's text filter shows it instead.
Presegmented input gives one Block per input line (empty lines too), so indices are lines.
"""
from __future__ import annotations

from tmtool.segment.documents import (
    BLOCK_KINDS,
    FORMATS,
    MARKUP_MODES,
    Block,
    format_for_name,
    read_document,
    split_sentences,
)
from tmtool.segment.srx import SegmentationRules, load_rules, shipped_srx

__all__ = [
    "BLOCK_KINDS",
    "FORMATS",
    "MARKUP_MODES",
    "Block",
    "SegmentationRules",
    "format_for_name",
    "load_rules",
    "read_document",
    "shipped_srx",
    "split_sentences",
]
