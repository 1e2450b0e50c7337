"""How a gettext message travels inside a translation unit: the props that carry what a
TMX or XLIFF segment cannot, and the PO header fields a memory keeps.

One unit per translated message and per plural form. Decisions a reader must know:
white space at the ends of a message ("Usage:\\n") travels in `x-po-edges`, because TMX
writers trim segments; a message that is empty or only white space (gettext catalogues use
`msgctxt "month names" msgid ""`) becomes a segment of one placeholder code holding that
text, because CAT tools and the TMX writer drop empty segments.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import polib

from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit

CONTEXT = "x-context"
PLURAL_FORM = "x-plural-form"
MSGID = "x-msgid"                 # on forms >= 1: the singular msgid
MSGID_PLURAL = "x-msgid-plural"   # on form 0: the plural msgid
REFERENCE = "x-po-reference"      # `#:` lines, space separated
EXTRACTED = "x-po-comment"        # `#.` lines
FLAGS = "x-po-flags"              # `#,` flags (fuzzy only when fuzzy entries are included)
PREVIOUS_MSGCTXT = "x-po-previous-msgctxt"       # `#| msgctxt`
PREVIOUS_MSGID = "x-po-previous-msgid"           # `#| msgid`
PREVIOUS_MSGID_PLURAL = "x-po-previous-msgid-plural"
# White space at the ends of msgid/msgstr: a JSON list [source lead, source trail, target
# lead, target trail].
EDGES = "x-po-edges"
PO_PROPS = frozenset({CONTEXT, PLURAL_FORM, MSGID, MSGID_PLURAL, REFERENCE, EXTRACTED, FLAGS,
                      PREVIOUS_MSGCTXT, PREVIOUS_MSGID, PREVIOUS_MSGID_PLURAL, EDGES})
_PREVIOUS = ((PREVIOUS_MSGCTXT, "previous_msgctxt"), (PREVIOUS_MSGID, "previous_msgid"),
             (PREVIOUS_MSGID_PLURAL, "previous_msgid_plural"))

# Header props of a memory made from a catalogue (TMX <header>, XLIFF header unit).
HEADER_LANGUAGE = "x-po-language"
HEADER_PLURAL_FORMS = "x-po-plural-forms"
# The inline code type of a message that is empty or only white space.
BLANK_CODE = "x-po-blank"


@dataclass(frozen=True, slots=True)
class PoHeader:
    """What a catalogue's header says that a round trip must keep: `Language` as written
    there and `Plural-Forms`."""

    language: str | None = None
    plural_forms: str | None = None

    def as_props(self) -> tuple[Prop, ...]:
        pairs = ((HEADER_LANGUAGE, self.language), (HEADER_PLURAL_FORMS, self.plural_forms))
        return tuple(Prop(kind, value) for kind, value in pairs if value)

    @classmethod
    def from_props(cls, props: tuple[Prop, ...]) -> PoHeader | None:
        found = {prop.type: prop.value for prop in props}
        if HEADER_LANGUAGE not in found and HEADER_PLURAL_FORMS not in found:
            return None
        return cls(found.get(HEADER_LANGUAGE), found.get(HEADER_PLURAL_FORMS))


def is_po_prop(prop_type: str) -> bool:
    """Whether a prop type is one the PO reader writes (for writers of other formats)."""
    return prop_type in PO_PROPS


def message_id(context: str | None, msgid: str, form: int | None = None) -> str:
    """A stable tuid for a message (and one of its plural forms)."""
    key = (context + "\x04" if context is not None else "") + msgid
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return f"po-{digest}" if form is None else f"po-{digest}-{form}"


def entry_props(entry: polib.POEntry, include_fuzzy: bool) -> list[Prop]:
    """The props every unit of `entry` carries (context, references, comments, flags,
    previous msgids)."""
    props: list[Prop] = []
    if entry.msgctxt is not None:
        props.append(Prop(CONTEXT, entry.msgctxt))
    if entry.occurrences:
        props.append(Prop(REFERENCE, " ".join(
            f"{path}:{line}" if line else path for path, line in entry.occurrences)))
    if entry.comment:
        props.append(Prop(EXTRACTED, entry.comment))
    flags = [flag for flag in entry.flags if flag and (flag != "fuzzy" or include_fuzzy)]
    if flags:
        props.append(Prop(FLAGS, ", ".join(flags)))
    props.extend(Prop(kind, getattr(entry, attr)) for kind, attr in _PREVIOUS
                 if getattr(entry, attr) is not None)
    return props


def apply_props(entry: polib.POEntry, unit: TranslationUnit) -> None:
    """Put a unit's context, comments, references, flags and previous msgids on `entry`."""
    context = unit.prop(CONTEXT)
    if context is not None:
        entry.msgctxt = context
    if unit.notes:
        entry.tcomment = "\n".join(unit.notes)
    if unit.prop(EXTRACTED):
        entry.comment = unit.prop(EXTRACTED)
    for ref in (unit.prop(REFERENCE) or "").split():
        path, _, line = ref.rpartition(":")
        entry.occurrences.append((path, line) if path and line.isdigit() else (ref, ""))
    flags = unit.prop(FLAGS)
    if flags:
        entry.flags = [flag.strip() for flag in flags.split(",") if flag.strip()]
    for kind, attr in _PREVIOUS:
        value = unit.prop(kind)
        if value is not None:
            setattr(entry, attr, value)


def text_edges(text: str) -> tuple[str, str]:
    """The white space at the start and at the end of `text` (none for blank text)."""
    core = text.strip()
    if not core:
        return "", ""
    start = text.index(core)
    return text[:start], text[start + len(core):]


def edge_props(source: str, target: str) -> list[Prop]:
    """`x-po-edges` when either message has white space at an end."""
    edges = [*text_edges(source), *text_edges(target)]
    return [Prop(EDGES, json.dumps(edges, ensure_ascii=False))] if any(edges) else []


def message_segment(text: str) -> Segment:
    """A message as a segment: its text, or one placeholder code when it is blank."""
    if text.strip():
        return Segment.from_text(text)
    return Segment((InlineCode(CodeKind.STANDALONE, None, text, BLANK_CODE),))


def unit_edges(unit: TranslationUnit) -> list[str] | None:
    """The four edges of `x-po-edges`, or None when the unit has none (or a broken one)."""
    try:
        edges = json.loads(unit.prop(EDGES) or "null")
    except ValueError:
        return None
    valid = isinstance(edges, list) and len(edges) == 4 and all(isinstance(e, str) for e in edges)
    return edges if valid else None


def message_text(segment: Segment, edges: list[str] | None, first: int) -> str:
    """A segment as message text, with the white space `edges[first:first + 2]` back at its
    ends (a writer may have trimmed them); without edges the text is taken as it is."""
    text = segment.native_text()
    if edges is None or not text.strip():
        return text
    return edges[first] + text.strip() + edges[first + 1]
