"""XLIFF 1.2 out: a bilingual file for tools that want one, streamed with lxml `xmlfile`.

Inline codes are written as 1.2 native-code elements (`bpt`/`ept` for a pair, `it` for a
code whose partner is outside the segment, `ph` for a standalone code), whose content is the
code's native markup, so reading the file back gives the same codes. The unit's tuid becomes
the trans-unit id (numbered instead when missing or repeated); state and notes are kept,
other props are not (XLIFF 1.2 has no place for them), except a gettext message's, which
follow `xliff_po` (plural groups, contexts, comments, the catalogue header).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import IO, Any
from xml.sax.saxutils import quoteattr

from lxml import etree

from tmtool.formats.po_props import CONTEXT, MSGID, PoHeader, message_id
from tmtool.formats.states import has_fuzzy_flag
from tmtool.formats.xliff import APPROVED, NS12, STATE
from tmtool.formats.xliff_po import (
    PLURALS_RESTYPE,
    XML_SPACE,
    add_po_metadata,
    header_unit,
    is_po_unit,
    plural_form,
)
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


def _state(unit: TranslationUnit, po_unit: bool) -> str | None:
    state = unit.prop(STATE)
    state = _STATE_FROM_2.get(state or "", state) if state not in STATES_12 else state
    if state not in STATES_12 and po_unit:
        state = "needs-review-translation" if has_fuzzy_flag(unit) else "translated"
    return state if state in STATES_12 else None


def _indent(element: Any, depth: int) -> None:
    """Line breaks and indentation between a trans-unit's children."""
    inner, outer = "\n" + "  " * (depth + 1), "\n" + "  " * depth
    element.text = inner
    for child in element:
        child.tail = inner
    if len(element):
        element[-1].tail = outer


def _untranslated(target: Segment, state: str | None) -> bool:
    """A message still to translate (an untranslated PO entry): an empty target, state new."""
    return state == "new" and not target.parts


def _approved(unit: TranslationUnit, po_unit: bool) -> str | None:
    """The approved attribute: the file's own, else for a gettext message "no" when it is
    fuzzy and "yes" otherwise (tools that read XLIFF take a missing one as not approved)."""
    approved = unit.prop(APPROVED)
    if approved in ("yes", "no"):
        return approved
    if po_unit:
        return "no" if has_fuzzy_flag(unit) or unit.prop(STATE) == "new" else "yes"
    return None


def _unit_element(unit: TranslationUnit, unit_id: str, src_lang: str, tgt_lang: str,
                  catalogue: bool, depth: int = 3) -> Any | None:
    source, target = unit.variant(src_lang), unit.variant(tgt_lang)
    if source is None or target is None:
        return None
    po_unit = catalogue or is_po_unit(unit)
    attrs = {"id": unit_id}
    approved = _approved(unit, po_unit)
    if approved is not None:
        attrs["approved"] = approved
    attrs[XML_SPACE] = "preserve"
    element = etree.Element(_q("trans-unit"), attrs)
    _fill(etree.SubElement(element, _q("source")), source.segment)
    state = _state(unit, po_unit)
    if not _untranslated(target.segment, state):  # as po2xliff: no target, nothing to show
        _fill(etree.SubElement(element, _q("target"), {"state": state} if state else {}),
              target.segment)
    if po_unit:
        add_po_metadata(element, unit)
    else:
        for note in unit.notes:
            etree.SubElement(element, _q("note")).text = note
    _indent(element, depth)
    return element


def _plural_key(unit: TranslationUnit, src_lang: str) -> tuple[str | None, str] | None:
    """The message a plural-form unit belongs to, or None for any other unit."""
    form = plural_form(unit)
    source = unit.variant(src_lang)
    if form is None or source is None:
        return None
    msgid = source.segment.native_text() if form == 0 else unit.prop(MSGID)
    return (unit.prop(CONTEXT), msgid if msgid is not None else source.segment.native_text())


class _Ids:
    """Trans-unit and group ids, unique in the file: the unit's own where it has one."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.count = 0

    def take(self, wanted: str | None) -> str:
        self.count += 1
        unit_id = wanted if wanted and wanted not in self.used else str(self.count)
        while unit_id in self.used:
            unit_id = f"{unit_id}-{self.count}"
        self.used.add(unit_id)
        return unit_id


def _elements(units: Iterable[TranslationUnit], src_lang: str, tgt_lang: str,
              catalogue: bool) -> Iterator[tuple[Any, int]]:
    """Top-level body elements with how many trans-units each holds; the forms of a plural
    message that arrive together share one group. In a `catalogue` every unit is a gettext
    message, also one that carries no PO prop (no context, reference, comment or flag)."""
    ids = _Ids()
    group: Any = None
    group_key: tuple[str | None, str] | None = None
    for unit in units:
        key = _plural_key(unit, src_lang)
        if group is not None and key != group_key:
            yield _approve_group(group), len(group)
            group = None
        if key is None:
            element = _unit_element(unit, ids.take(unit.tuid), src_lang, tgt_lang, catalogue)
            if element is not None:
                yield element, 1
            continue
        if group is None:
            group_key = key
            group = etree.Element(_q("group"), {"id": ids.take(message_id(*key)),
                                                "restype": PLURALS_RESTYPE})
        element = _unit_element(unit, ids.take(f"{group.get('id')}[{plural_form(unit)}]"),
                                src_lang, tgt_lang, catalogue, depth=4)
        if element is not None:
            group.append(element)
    if group is not None:
        yield _approve_group(group), len(group)


def _approve_group(group: Any) -> Any:
    """A plural group approved as its forms are: translate-toolkit reads the group's own
    `approved` as the whole message's (a missing one makes the message fuzzy)."""
    marks = {member.get("approved") for member in group}
    if marks == {"yes"}:
        group.set("approved", "yes")
    elif "no" in marks:
        group.set("approved", "no")
    return group


def write_xliff(
    units: Iterable[TranslationUnit],
    stream: IO[bytes],
    *,
    src_lang: str,
    tgt_lang: str,
    original: str = "tmtool",
    datatype: str = "plaintext",
    po_header: PoHeader | None = None,
) -> int:
    """Write the units that have both languages as one XLIFF 1.2 `<file>`; returns how many
    trans-units were written. `po_header` (a catalogue's header) adds the gettext header
    trans-unit and makes every unit a gettext message (approved unless fuzzy)."""
    written = 0
    file_attrs = " ".join(f'{key}={quoteattr(value)}' for key, value in (
        ("original", original), ("source-language", src_lang),
        ("target-language", tgt_lang), ("datatype", datatype)))
    stream.write(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="{NS12}" version="1.2">\n'
        f"  <file {file_attrs}>\n    <body>\n".encode())
    header = [(header_unit(po_header), 0)] if po_header is not None else []
    for element, count in itertools.chain(header, _elements(units, src_lang, tgt_lang,
                                                                po_header is not None)):
        _indent(element, 3)
        element.tail = "\n"
        stream.write(b"      " + etree.tostring(element, encoding="utf-8"))
        written += count
    stream.write(b"    </body>\n  </file>\n</xliff>\n")
    return written
