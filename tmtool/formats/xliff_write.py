"""XLIFF 1.2 out: a bilingual file for tools that want one, streamed with lxml `xmlfile`.

Inline codes are written as 1.2 native-code elements (`bpt`/`ept` for a pair, `it` for a
code whose partner is outside the segment, `ph` for a standalone code), whose content is the
code's native markup, so reading the file back gives the same codes. The unit's tuid becomes
the trans-unit id (numbered instead when missing or repeated); state and notes are kept,
other props are not (XLIFF 1.2 has no place for them).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any
from xml.sax.saxutils import quoteattr

from lxml import etree

from tmtool.formats.xliff import APPROVED, NS12, STATE
from tmtool.model import CodeKind, InlineCode, Segment, TranslationUnit

STATES_12 = frozenset({
    "new", "needs-translation", "needs-l10n", "needs-adaptation", "translated",
    "needs-review-translation", "needs-review-l10n", "needs-review-adaptation", "final",
    "signed-off",
})
# XLIFF 2.x states in 1.2 terms.
_STATE_FROM_2 = {"initial": "new", "translated": "translated", "reviewed": "signed-off",
                 "final": "final"}


def _q(tag: str) -> str:
    """Elements are built without a namespace and serialized inside a root that declares
    XLIFF 1.2 as the default namespace, so each unit is written without redeclaring it."""
    return tag


def _code(code: InlineCode, paired: set[int], next_id: list[int]) -> Any:
    attrs: dict[str, str] = {}
    if code.kind is CodeKind.STANDALONE:
        tag = "ph"
    elif code.pair is not None and code.pair in paired:
        tag = "bpt" if code.kind is CodeKind.OPEN else "ept"
    else:
        tag = "it"
        attrs["pos"] = "open" if code.kind is CodeKind.OPEN else "close"
    if tag in ("bpt", "ept"):
        attrs["id"] = str(code.pair)
    else:
        next_id[0] += 1
        attrs["id"] = f"x{next_id[0]}"
    if code.type and tag != "ept":
        attrs["ctype"] = code.type if code.type.startswith("x-") or code.type in (
            "bold", "italic", "underlined", "link", "image", "lb", "pb") else f"x-{code.type}"
    element = etree.Element(_q(tag), attrs)
    element.text = code.native
    return element


def _fill(element: Any, segment: Segment) -> None:
    """Put a segment's parts into an empty `source`/`target` element."""
    opened = {p.pair for p in segment.parts if isinstance(p, InlineCode) and p.kind is CodeKind.OPEN}
    closed = {p.pair for p in segment.parts if isinstance(p, InlineCode)
              and p.kind is CodeKind.CLOSE}
    paired = {pair for pair in opened & closed if pair is not None}
    next_id = [0]
    last: Any = None
    for part in segment.parts:
        if isinstance(part, str):
            if last is None:
                element.text = (element.text or "") + part
            else:
                last.tail = (last.tail or "") + part
            continue
        last = _code(part, paired, next_id)
        element.append(last)


def _unit_element(unit: TranslationUnit, unit_id: str, src_lang: str, tgt_lang: str) -> Any | None:
    source, target = unit.variant(src_lang), unit.variant(tgt_lang)
    if source is None or target is None:
        return None
    attrs = {"id": unit_id}
    if unit.prop(APPROVED) == "yes":
        attrs["approved"] = "yes"
    element = etree.Element(_q("trans-unit"), attrs)
    element.text = "\n        "
    source_element = etree.SubElement(element, _q("source"))
    _fill(source_element, source.segment)
    source_element.tail = "\n        "
    state = unit.prop(STATE)
    state = _STATE_FROM_2.get(state or "", state) if state not in STATES_12 else state
    target_element = etree.SubElement(
        element, _q("target"), {"state": state} if state in STATES_12 else {})
    _fill(target_element, target.segment)
    for note in unit.notes:
        target_element.tail = "\n        "
        note_element = etree.SubElement(element, _q("note"))
        note_element.text = note
        target_element = note_element
    target_element.tail = "\n      "
    return element


def write_xliff(
    units: Iterable[TranslationUnit],
    stream: IO[bytes],
    *,
    src_lang: str,
    tgt_lang: str,
    original: str = "tmtool",
    datatype: str = "plaintext",
) -> int:
    """Write the units that have both languages as one XLIFF 1.2 `<file>`; returns how many
    were written."""
    used: set[str] = set()
    written = 0
    file_attrs = " ".join(f'{key}={quoteattr(value)}' for key, value in (
        ("original", original), ("source-language", src_lang),
        ("target-language", tgt_lang), ("datatype", datatype)))
    stream.write(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{NS12}" version="1.2">\n'
        f"  <file {file_attrs}>\n    <body>\n".encode())
    for number, unit in enumerate(units, start=1):
        unit_id = unit.tuid if unit.tuid and unit.tuid not in used else str(number)
        while unit_id in used:
            unit_id = f"{unit_id}-{number}"
        element = _unit_element(unit, unit_id, src_lang, tgt_lang)
        if element is None:
            continue
        used.add(unit_id)
        element.tail = "\n"
        stream.write(b"      " + etree.tostring(element, encoding="utf-8"))
        written += 1
    stream.write(b"    </body>\n  </file>\n</xliff>\n")
    return written
