"""tmtool: align Ukrainian-English documents into TMX, convert memories, lint terminology.

The package root stays small: the version and the data model. Heavier pieces are imported
from their own modules so that `tmtool --help` starts fast.
"""
from __future__ import annotations

from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit, Variant

__version__ = "0.1.0"

__all__ = [
    "CodeKind",
    "InlineCode",
    "Prop",
    "Segment",
    "TranslationUnit",
    "Variant",
    "__version__",
]
