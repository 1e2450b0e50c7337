"""Sentence alignment of Ukrainian-English document pairs (`tmtool align`).

`align_texts` aligns two lists of segments; `align_sides` aligns two read documents on two
levels (blocks, then sentences); `batch` reads files and manifests. See `pipeline` for the
passes and `scoring` for the model.
"""
from __future__ import annotations

from tmtool.align.beads import Bead
from tmtool.align.pipeline import AlignOptions, align_texts

__all__ = ["AlignOptions", "Bead", "align_texts"]
