"""What the TMX 1.4b DTD allows, as tables the validator reads (no DTD needed at run time).

Attribute lists and content models follow `tmx14.dtd` element by element; `lang` is
accepted where TMX 1.1-1.2 used it. Also a stream wrapper that lets the validator look at
the first bytes (BOM, UTF-16) without needing a seekable input such as stdin.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import IO, Any

from tmtool.formats.tmx_header import XML_LANG

_TU_TUV_COMMON = frozenset(
    {
        "o-encoding",
        "datatype",
        "usagecount",
        "lastusagedate",
        "creationtool",
        "creationtoolversion",
        "creationdate",
        "creationid",
        "changedate",
        "changeid",
        "o-tmf",
    }
)

HEADER_REQUIRED = (
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
)

ATTRIBUTES: dict[str, frozenset[str]] = {
    "header": frozenset(HEADER_REQUIRED)
    | frozenset(
        {
            "o-encoding",
            "creationdate",
            "creationid",
            "changedate",
            "changeid",
        }
    ),
    "tu": _TU_TUV_COMMON | {"tuid", "segtype", "srclang"},
    "tuv": _TU_TUV_COMMON | {XML_LANG, "lang"},
    "prop": frozenset({"type", XML_LANG, "o-encoding", "lang"}),
    "note": frozenset({XML_LANG, "o-encoding", "lang"}),
    "seg": frozenset(),
    "bpt": frozenset({"i", "x", "type"}),
    "ept": frozenset({"i"}),
    "it": frozenset({"pos", "x", "type"}),
    "ph": frozenset({"x", "assoc", "type"}),
    "hi": frozenset({"x", "type"}),
    "ut": frozenset({"x"}),
    "sub": frozenset({"datatype", "type"}),
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "header": HEADER_REQUIRED,
    "prop": ("type",),
    "bpt": ("i",),
    "ept": ("i",),
    "it": ("pos",),
}

DATE_ATTRIBUTES = frozenset({"creationdate", "changedate", "lastusagedate"})

_CODES = frozenset({"bpt", "ept", "it", "ph", "hi", "ut"})
INLINE_CHILDREN: dict[str, frozenset[str]] = {
    "seg": _CODES,
    "hi": _CODES,
    "sub": frozenset({"bpt", "ept", "it", "ph", "hi", "ut"}),
    "bpt": frozenset({"sub"}),
    "ept": frozenset({"sub"}),
    "it": frozenset({"sub"}),
    "ph": frozenset({"sub"}),
    "ut": frozenset({"sub"}),
}

_NATIVE_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})


def segment_words(element: Any) -> str:
    """The translatable text of a `seg` (or `hi`): text and tails, not native code."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "hi":
            pieces.append(segment_words(child))
        elif isinstance(child.tag, str) and child.tag not in _NATIVE_CODES:
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    return "".join(pieces)


def paired_codes(container: Any) -> Iterator[Any]:
    """The `bpt`/`ept` of one segment flow: in the seg itself or inside its `hi`s (a `sub`
    is a flow of its own; codes elsewhere are structure errors reported separately)."""
    for child in container:
        if child.tag in ("bpt", "ept"):
            yield child
        elif child.tag == "hi":
            yield from paired_codes(child)


def encoding_note(head: bytes) -> tuple[str, str] | None:
    """(severity name, message) when a file's first bytes show it is not plain UTF-8."""
    if head.startswith(codecs.BOM_UTF8):
        return "WARNING", "UTF-8 byte-order mark; write UTF-8 without BOM"
    if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, b"<\x00", b"\x00<"):
        return "INFO", "UTF-16; UTF-8 is what every CAT tool reads"
    return None


class PeekedStream:
    """A read-only byte stream whose first `size` bytes are available as `head` up front."""

    def __init__(self, stream: IO[bytes], size: int) -> None:
        self._stream = stream
        self.head = stream.read(size)
        self._pending = self.head

    def read(self, size: int = -1) -> bytes:
        if self._pending:
            if size is None or size < 0:
                data, self._pending = self._pending + self._stream.read(), b""
                return data
            data, self._pending = self._pending[:size], self._pending[size:]
            if len(data) < size:
                data += self._stream.read(size - len(data))
            return data
        return self._stream.read(size)
