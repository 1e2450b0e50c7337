"""TMX 1.4b in one import: the streaming reader, the streaming writer, the header and dates.

The work is split by job into `tmx_header` (header data, dates), `tmx_read` and `tmx_write`;
`tmx_check` (the validator behind `tmtool tmx validate`) is imported on its own.
"""

from __future__ import annotations

from tmtool.formats.tmx_header import (
    MAX_SEGMENT_CHARS,
    SEGTYPES,
    TmxHeader,
    format_tmx_date,
    is_tmx_date,
    parse_tmx_date,
)
from tmtool.formats.tmx_locales import read_tmx_locales
from tmtool.formats.tmx_read import TmxReader, read_tmx, read_tmx_header
from tmtool.formats.tmx_write import (
    FORBIDDEN_CHARS,
    derive_tuid,
    has_empty_segment,
    trim_segment,
    write_tmx,
)

__all__ = [
    "FORBIDDEN_CHARS",
    "MAX_SEGMENT_CHARS",
    "SEGTYPES",
    "TmxHeader",
    "TmxReader",
    "derive_tuid",
    "format_tmx_date",
    "has_empty_segment",
    "is_tmx_date",
    "parse_tmx_date",
    "read_tmx",
    "read_tmx_header",
    "read_tmx_locales",
    "trim_segment",
    "write_tmx",
]
