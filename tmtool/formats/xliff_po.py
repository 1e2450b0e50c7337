"""gettext messages in XLIFF 1.2, as translate-toolkit's po2xliff lays them out, both ways.

A plural message is a `<group restype="x-gettext-plurals">` of trans-units `ID[0]`,
`ID[1]`..., whose first source is the msgid and the others the msgid_plural; references are
`<context-group name="po-reference" purpose="location">` (sourcefile, linenumber);
extracted comments a `x-po-autocomment` context and a `<note from="developer">`; translator
comments a `<note from="po-translator">`; a fuzzy message's previous msgid an `<alt-trans
origin="previous">`; the header a trans-unit with
`restype="x-gettext-domain-header"` (marked translate="no" here, so CAT tools leave it).
What the toolkit does not carry gets `x-po-*` contexts in a `po-entry` context group:
msgctxt, flags, previous msgids and, so that each trans-unit alone rebuilds its message,
the other msgid of a plural form. Trans-units say `xml:space="preserve"`: white space at
the ends of a message is kept as it is.
"""
from __future__ import annotations

from typing import Any

from lxml import etree

from tmtool.formats.po_props import (
    CONTEXT,
    EXTRACTED,
    FLAGS,
    MSGID,
    MSGID_PLURAL,
    PLURAL_FORM,
    PREVIOUS_MSGCTXT,
    PREVIOUS_MSGID,
    PREVIOUS_MSGID_PLURAL,
    REFERENCE,
    PoHeader,
    is_po_prop,
)
from tmtool.model import Prop, TranslationUnit

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PLURALS_RESTYPE = "x-gettext-plurals"
HEADER_RESTYPE = "x-gettext-domain-header"
FROM_DEVELOPER = "developer"
FROM_TRANSLATOR = "po-translator"
# prop type -> context-type in the po-entry context group
CONTEXT_TYPES = {
    CONTEXT: "x-po-msgctxt",
    FLAGS: "x-po-flags",
    EXTRACTED: "x-po-autocomment",
    MSGID: "x-po-msgid",
    MSGID_PLURAL: "x-po-msgid-plural",
    PREVIOUS_MSGCTXT: "x-po-previous-msgctxt",
    PREVIOUS_MSGID: "x-po-previous-msgid",
    PREVIOUS_MSGID_PLURAL: "x-po-previous-msgid-plural",
}
_PROP_TYPES = {context_type: prop for prop, context_type in CONTEXT_TYPES.items()}


def is_po_unit(unit: TranslationUnit) -> bool:
    return any(is_po_prop(prop.type) for prop in unit.props)


def plural_form(unit: TranslationUnit) -> int | None:
    form = unit.prop(PLURAL_FORM)
    return int(form) if form is not None and form.isdigit() else None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


# --- writing ----------------------------------------------------------------------------
def _context_group(parent: Any, name: str, purpose: str,
                   contexts: list[tuple[str, str]]) -> None:
    group = etree.SubElement(parent, "context-group", name=name, purpose=purpose)
    for context_type, text in contexts:
        etree.SubElement(group, "context", {"context-type": context_type}).text = text


def add_po_metadata(element: Any, unit: TranslationUnit) -> None:
    """Append a PO unit's context groups and notes to its trans-unit element."""
    for ref in (unit.prop(REFERENCE) or "").split():
        path, _, line = ref.rpartition(":")
        location = [("sourcefile", path), ("linenumber", line)] if path and line.isdigit() \
            else [("sourcefile", ref)]
        _context_group(element, "po-reference", "location", location)
    entry = [(CONTEXT_TYPES[prop.type], prop.value) for prop in unit.props
             if prop.type in CONTEXT_TYPES]
    if entry:
        _context_group(element, "po-entry", "information", entry)
    extracted = unit.prop(EXTRACTED)
    if extracted:
        etree.SubElement(element, "note", {"from": FROM_DEVELOPER}).text = extracted
    for note in unit.notes:
        etree.SubElement(element, "note", {"from": FROM_TRANSLATOR}).text = note


def header_unit(header: PoHeader) -> Any:
    """The trans-unit holding a catalogue's header fields."""
    text = "".join(f"{field}: {value}\n" for field, value in (
        ("Language", header.language), ("Plural-Forms", header.plural_forms)) if value)
    element = etree.Element("trans-unit", {"id": "po-header", "restype": HEADER_RESTYPE,
                                           "translate": "no", XML_SPACE: "preserve"})
    for tag in ("source", "target"):
        etree.SubElement(element, tag).text = text
    return element


# --- reading ----------------------------------------------------------------------------
def preserves_space(elem: Any) -> bool:
    """Whether xml:space="preserve" is in force at `elem`."""
    while elem is not None:
        value = elem.get(XML_SPACE)
        if value is not None:
            return bool(value == "preserve")
        elem = elem.getparent()
    return False


def read_header(elem: Any) -> PoHeader:
    """The Language and Plural-Forms of a gettext header trans-unit."""
    fields: dict[str, str] = {}
    for tag in ("target", "source"):
        found = next((child for child in elem if _local(child.tag) == tag), None)
        if found is not None and not fields:
            for line in "".join(found.itertext()).split("\n"):
                key, sep, value = line.partition(":")
                if sep:
                    fields.setdefault(key.strip(), value.strip())
    return PoHeader(fields.get("Language") or None, fields.get("Plural-Forms") or None)


def _previous_source(alt_trans: Any) -> str | None:
    """The source of translate-toolkit's `<alt-trans origin="previous">`: the `#| msgid` of
    a fuzzy message."""
    if alt_trans.get("origin") != "previous":
        return None
    source = next((child for child in alt_trans
                   if isinstance(child.tag, str) and _local(child.tag) == "source"), None)
    return None if source is None else "".join(source.itertext())


def message_context(elem: Any) -> str | None:
    """The msgctxt of the gettext message a trans-unit holds (None without one)."""
    return next((prop.value for prop in po_props(elem) if prop.type == CONTEXT), None)


def po_props(elem: Any) -> list[Prop]:
    """The PO props in a trans-unit's context groups (references, po-entry contexts) and
    its previous msgid (`alt-trans origin="previous"`)."""
    props: list[Prop] = []
    references: list[str] = []
    previous: str | None = None
    for group in elem:
        if isinstance(group.tag, str) and _local(group.tag) == "alt-trans":
            previous = previous if previous is not None else _previous_source(group)
        if not isinstance(group.tag, str) or _local(group.tag) != "context-group":
            continue
        contexts = [(c.get("context-type"), "".join(c.itertext())) for c in group
                    if isinstance(c.tag, str) and _local(c.tag) == "context"]
        if group.get("name") == "po-reference":
            found = dict(contexts)
            path = found.get("sourcefile")
            if path:
                line = found.get("linenumber")
                references.append(f"{path}:{line}" if line else path)
            continue
        props.extend(Prop(_PROP_TYPES[kind], text) for kind, text in contexts
                     if kind in _PROP_TYPES)
    if references:
        props.append(Prop(REFERENCE, " ".join(references)))
    if previous is not None and all(prop.type != PREVIOUS_MSGID for prop in props):
        props.append(Prop(PREVIOUS_MSGID, previous))
    return props


def unit_notes(elem: Any, props: list[Prop]) -> tuple[str, ...]:
    """A trans-unit's notes, white space kept where xml:space says so; a developer note
    that repeats the extracted comment already carried in a prop is left out."""
    extracted = {prop.value for prop in props if prop.type == EXTRACTED}
    notes = []
    for note in elem:
        if not isinstance(note.tag, str) or _local(note.tag) != "note":
            continue
        text = "".join(note.itertext())
        if not preserves_space(note):
            text = text.strip()
        if text and not (note.get("from") == FROM_DEVELOPER and text in extracted):
            notes.append(text)
    return tuple(notes)


def plural_props(index: int, sources: dict[int, str], props: list[Prop]) -> list[Prop]:
    """The plural-form props of the trans-unit at `index` of a plural group whose sources by
    index are `sources`; the other msgid comes from a context when present."""
    kinds = {prop.type for prop in props}
    extra = [Prop(PLURAL_FORM, str(index))]
    if index == 0 and MSGID_PLURAL not in kinds and 1 in sources:
        extra.append(Prop(MSGID_PLURAL, sources[1]))
    elif index > 0 and MSGID not in kinds and 0 in sources:
        extra.append(Prop(MSGID, sources[0]))
    return extra
