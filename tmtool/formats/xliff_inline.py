"""XLIFF inline markup to and from `Segment` parts, for XLIFF 1.2 and 2.x.

Codes are numbered in the order their opening tag appears (1, 2, ...), so the pair numbers
a segment gets do not depend on the ids a tool happened to use; an end code whose start lies
outside the segment (and a 1.2 `<it>`) gets no pair. `native` is the original markup where
the file carries it (1.2 `bpt`/`ept`/`ph`/`it` content, 2.x `originalData`), else the XLIFF
tag itself, so converting to TMX never loses a code.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from tmtool.model import CodeKind, InlineCode, Segment

Part = str | InlineCode


def localname(elem: Any) -> str:
    return str(etree.QName(elem).localname) if isinstance(elem.tag, str) else ""


def _tag_text(elem: Any, *, close: bool = False, empty: bool = False) -> str:
    name = localname(elem)
    if close:
        return f"</{name}>"
    attrs = "".join(
        f' {etree.QName(key).localname}="{value}"' for key, value in elem.attrib.items()
    )
    return f"<{name}{attrs}{'/' if empty else ''}>"


class _Pairs:
    """Pair numbers handed out in order of the opening codes, looked up by the file's id."""

    def __init__(self) -> None:
        self.by_key: dict[str, tuple[int, str | None]] = {}
        self.count = 0

    def open(self, key: str | None, code_type: str | None = None) -> int:
        self.count += 1
        if key is not None:
            self.by_key[key] = (self.count, code_type)
        return self.count

    def close(self, key: str | None, code_type: str | None) -> tuple[int | None, str | None]:
        """The pair of the matching open code, and the type (an end tag inherits its start's,
        as 1.2 `ept`/`ex` carry none)."""
        pair, open_type = self.by_key.pop(key, (None, None)) if key is not None else (None, None)
        return pair, code_type or open_type


def _native(elem: Any) -> str:
    return "".join(elem.itertext())


def _walk12(elem: Any, pairs: _Pairs) -> Iterator[Part]:
    if elem.text:
        yield elem.text
    pair: int | None
    for child in elem:
        name = localname(child)
        ctype = child.get("ctype")
        if name == "g":
            pair = pairs.open(None)
            yield InlineCode(CodeKind.OPEN, pair, _tag_text(child), ctype)
            yield from _walk12(child, pairs)
            yield InlineCode(CodeKind.CLOSE, pair, "</g>", ctype)
        elif name == "x":
            yield InlineCode(CodeKind.STANDALONE, None, _tag_text(child, empty=True), ctype)
        elif name in ("bx", "bpt"):
            native = _tag_text(child, empty=True) if name == "bx" else _native(child)
            yield InlineCode(CodeKind.OPEN, pairs.open(child.get("rid") or child.get("id"), ctype),
                             native, ctype)
        elif name in ("ex", "ept"):
            native = _tag_text(child, empty=True) if name == "ex" else _native(child)
            pair, code_type = pairs.close(child.get("rid") or child.get("id"), ctype)
            yield InlineCode(CodeKind.CLOSE, pair, native, code_type)
        elif name == "ph":
            yield InlineCode(CodeKind.STANDALONE, None, _native(child), ctype)
        elif name == "it":
            kind = CodeKind.CLOSE if child.get("pos") == "close" else CodeKind.OPEN
            yield InlineCode(kind, None, _native(child), ctype)
        elif isinstance(child.tag, str):   # mrk and foreign elements: keep their text
            yield from _walk12(child, pairs)
        if child.tail:
            yield child.tail


def _walk2(elem: Any, pairs: _Pairs, data: dict[str, str]) -> Iterator[Part]:
    if elem.text:
        yield elem.text
    pair: int | None
    for child in elem:
        name = localname(child)
        kind_type = child.get("subType") or child.get("type")
        if name == "pc":
            pair = pairs.open(None)
            start = data.get(child.get("dataRefStart", ""), _tag_text(child))
            end = data.get(child.get("dataRefEnd", ""), "</pc>")
            yield InlineCode(CodeKind.OPEN, pair, start, kind_type)
            yield from _walk2(child, pairs, data)
            yield InlineCode(CodeKind.CLOSE, pair, end, kind_type)
        elif name == "sc":
            pair = None if child.get("isolated") == "yes" else \
                pairs.open(child.get("id"), kind_type)
            yield InlineCode(CodeKind.OPEN, pair,
                             data.get(child.get("dataRef", ""), _tag_text(child, empty=True)),
                             kind_type)
        elif name == "ec":
            pair, kind_type = (None, kind_type) if child.get("isolated") == "yes" else \
                pairs.close(child.get("startRef"), kind_type)
            yield InlineCode(CodeKind.CLOSE, pair,
                             data.get(child.get("dataRef", ""), _tag_text(child, empty=True)),
                             kind_type)
        elif name == "ph":
            yield InlineCode(CodeKind.STANDALONE, None,
                             data.get(child.get("dataRef", ""), _tag_text(child, empty=True)),
                             kind_type)
        elif name == "cp":
            try:
                yield chr(int(child.get("hex", ""), 16))
            except ValueError:
                pass
        elif name in ("sm", "em"):
            pass
        elif isinstance(child.tag, str):   # mrk and foreign elements: keep their text
            yield from _walk2(child, pairs, data)
        if child.tail:
            yield child.tail


def segment12(elem: Any) -> Segment:
    """The content of an XLIFF 1.2 `source`, `target` or `mrk` as a segment."""
    return Segment(tuple(_walk12(elem, _Pairs())))


def segment2(elem: Any, data: dict[str, str]) -> Segment:
    """The content of an XLIFF 2.x `source` or `target`; `data` is the unit's originalData."""
    return Segment(tuple(_walk2(elem, _Pairs(), data)))
