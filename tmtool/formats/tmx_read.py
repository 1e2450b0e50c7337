"""Streaming TMX 1.1-1.4b reader: yields one `TranslationUnit` per `<tu>`, memory flat.

The parser reports only `header` and `tu` end events; each `tu` is turned into a unit by
walking its children, then cleared (emptied `tu`s are unlinked in batches), so memory does
not grow with the file. Reading is lenient (old `lang`, odd dates, `hi`/`ut`, `i` that are
not numbers); what cannot be read (no XML, wrong root, entities, `tuv` without `seg` or
language) is an `InputError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import IO, Any

from lxml import etree

from tmtool import safexml
from tmtool.errors import InputError
from tmtool.formats.tmx_header import XML_LANG, TmxHeader, parse_tmx_date
from tmtool.model import (
    CodeKind,
    InlineCode,
    Prop,
    Segment,
    TranslationUnit,
    Variant,
    field_setters,
)

_EVENT_TAGS = ("header", "tu")
_UNIT_SETTERS = field_setters(
    TranslationUnit,
    ("variants", "tuid", "props", "notes", "creation_date", "change_date")
    + ("creation_id", "change_id", "src_lang", "line"),
)
_VARIANT_SETTERS = field_setters(
    Variant, ("lang", "segment", "props", "notes", "creation_date", "change_date", "line")
)
_SEGMENT_SETTERS = field_setters(Segment, ("parts",))
_CODE_SETTERS = field_setters(InlineCode, ("kind", "pair", "native", "type"))
_OPEN, _CLOSE, _STANDALONE = CodeKind.OPEN, CodeKind.CLOSE, CodeKind.STANDALONE
_MAX_CACHED_DATES = 4096


def _date(dates: dict[str | None, datetime | None], text: str | None) -> datetime | None:
    """`text` parsed as a TMX date and remembered in `dates` (emptied when it grows past
    a few thousand entries, so files whose every unit has its own date stay memory-flat)."""
    try:
        return dates[text]
    except KeyError:
        pass
    if len(dates) > _MAX_CACHED_DATES:
        dates.clear()
        dates[None] = None
    moment = dates[text] = parse_tmx_date(text) if text else None
    return moment


def _attr_date(element: Any, name: str) -> Any:
    value = element.get(name)
    return parse_tmx_date(value) if value else None


def _code(
    kind: CodeKind,
    pair: int | None,
    native: str,
    code_type: str | None,
    _new: Any = object.__new__,
    _setters: Any = _CODE_SETTERS,
) -> InlineCode:
    """`InlineCode(kind, pair, native, code_type)`, built through its slot setters."""
    code: InlineCode = _new(InlineCode)
    set_kind, set_pair, set_native, set_type = _setters
    set_kind(code, kind)
    set_pair(code, pair)
    set_native(code, native)
    set_type(code, code_type)
    return code


def _element_text(element: Any) -> str:
    """The native code inside `bpt`/`ept`/`ph`/`it`/`ut` (including any `sub` text)."""
    if len(element) == 0:
        return element.text or ""
    return "".join(element.itertext())


def _prop(element: Any) -> Prop:
    return Prop(
        element.get("type") or "",
        element.text or "",
        element.get(XML_LANG) or element.get("lang"),
    )


class _InlineReader:
    """Turns the children of one `<seg>` into segment parts.

    `bpt`/`ept` pair through `i`: numeric `i` values become `pair` as they are, others get a
    fresh negative number; `hi` becomes an OPEN/CLOSE pair with empty native text around its
    (translatable) content. Codes are built through the model's slot setters (hot path).
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.types: dict[int, str | None] = {}
        self.fresh = 0

    def pair_of(self, i_value: str) -> int:
        stripped = i_value.strip()
        if stripped.isdigit():
            return int(stripped)
        if stripped not in self.ids:
            self.fresh -= 1
            self.ids[stripped] = self.fresh
        return self.ids[stripped]

    def parts(self, container: Any) -> list[str | InlineCode]:
        text = container.text
        parts: list[str | InlineCode] = [text] if text else []
        append = parts.append
        for child in container:
            tag = child.tag
            if tag == "bpt" or tag == "ept":
                i_value = child.get("i")
                if i_value is None:
                    pair = None
                elif i_value.isdigit():
                    pair = int(i_value)
                else:
                    pair = self.pair_of(i_value)
                if tag == "bpt":
                    code_type = child.get("type")
                    if pair is not None:
                        self.types[pair] = code_type
                    kind = _OPEN
                else:
                    code_type = self.types.get(pair) if pair is not None else None
                    kind = _CLOSE
                append(_code(kind, pair, _element_text(child), code_type))
            elif tag == "ph" or tag == "ut":
                append(_code(_STANDALONE, None, _element_text(child), child.get("type")))
            elif tag == "it":
                kind = _CLOSE if child.get("pos") == "end" else _OPEN
                append(_code(kind, None, _element_text(child), child.get("type")))
            elif tag == "hi":
                self.fresh -= 1
                code_type = child.get("type") or "hi"
                append(_code(_OPEN, self.fresh, "", code_type))
                closing = _code(_CLOSE, self.fresh, "", code_type)
                parts.extend(self.parts(child))
                append(closing)
            elif isinstance(tag, str):
                parts.extend(self.parts(child))  # an unknown element: keep its text
            tail = child.tail
            if tail:
                append(tail)
        return parts


class TmxReader:
    """Iterate over the units of one TMX stream; `header` is set once it has been read
    (before the first unit is yielded in any well-formed file)."""

    def __init__(self, stream: IO[bytes], *, name: str) -> None:
        self.stream = stream
        self.name = name
        self.header: TmxHeader | None = None

    def __iter__(self) -> Iterator[TranslationUnit]:
        return self._units()

    def _units(self) -> Iterator[TranslationUnit]:
        # The hot path, run once per <tu>, is one flat loop on purpose (each layer removed
        # was measured with benchmarks/tmx_io.py): names are bound to locals; a <tuv> that
        # holds just its <seg> is read and built right here, through the model's slot
        # setters; a <tuv> with props, notes or no xml:lang goes through `_variant`.
        new = object.__new__
        unit_cls, variant_cls, segment_cls = TranslationUnit, Variant, Segment
        (
            set_variants,
            set_tuid,
            set_unit_props,
            set_unit_notes,
            set_unit_created,
            set_unit_changed,
            set_creation_id,
            set_change_id,
            set_src_lang,
            set_unit_line,
        ) = _UNIT_SETTERS
        set_lang, set_segment, set_props, set_notes, set_created, set_changed, set_line = (
            _VARIANT_SETTERS
        )
        (set_parts,) = _SEGMENT_SETTERS
        xml_lang = XML_LANG
        empty_segment = Segment(())
        # Parsed dates by their text; a file's dates repeat a lot. Bounded: see _date.
        dates: dict[str | None, datetime | None] = {None: None}
        context: Any = safexml.iterparse(self.stream, events=("end",), tag=_EVENT_TAGS)
        checked = False
        count = 0
        try:
            for _event, tu in context:
                if not checked:
                    self._check_document(tu.getroottree().getroot())
                    checked = True
                if tu.tag != "tu":
                    self.header = self._header(tu)
                    tu.clear(keep_tail=False)
                    continue
                variants: list[Variant] = []
                props: tuple[Prop, ...] = ()
                notes: tuple[str, ...] = ()
                for child in tu:
                    tag = child.tag
                    if tag == "tuv":
                        seg = child[0] if len(child) == 1 else None
                        if seg is None or seg.tag != "seg":
                            variants.append(self._variant(child))
                            continue
                        attributes = child.items()
                        if len(attributes) == 1 and attributes[0][0] == xml_lang:
                            lang = attributes[0][1]
                            created = changed = None
                        else:
                            by_name = dict(attributes)
                            lang = by_name.get(xml_lang)
                            created = _date(dates, by_name.get("creationdate"))
                            changed = _date(dates, by_name.get("changedate"))
                        if not lang:  # the old `lang`, or an error: `_variant` decides
                            variants.append(self._variant(child))
                            continue
                        if len(seg):
                            segment = segment_cls(tuple(_InlineReader().parts(seg)))
                        elif text := seg.text:
                            segment = new(segment_cls)
                            set_parts(segment, (text,))
                        else:
                            segment = empty_segment
                        variant = new(variant_cls)
                        set_lang(variant, lang)
                        set_segment(variant, segment)
                        set_props(variant, ())
                        set_notes(variant, ())
                        set_created(variant, created)
                        set_changed(variant, changed)
                        set_line(variant, seg.sourceline)
                        variants.append(variant)
                    elif tag == "prop":
                        props += (_prop(child),)
                    elif tag == "note":
                        notes += (child.text or "",)
                get = tu.get
                tuid = get("tuid")
                created_text = get("creationdate")
                changed_text = get("changedate")
                unit = new(unit_cls)
                set_variants(unit, tuple(variants))
                set_tuid(unit, tuid)
                set_unit_props(unit, props)
                set_unit_notes(unit, notes)
                try:
                    set_unit_created(unit, dates[created_text])
                except KeyError:
                    set_unit_created(unit, _date(dates, created_text))
                try:
                    set_unit_changed(unit, dates[changed_text])
                except KeyError:
                    set_unit_changed(unit, _date(dates, changed_text))
                # Most units carry no other attribute: look the rarer ones up only if any.
                found = (tuid is not None) + (created_text is not None) + (changed_text is not None)
                if len(tu.attrib) > found:
                    set_creation_id(unit, get("creationid"))
                    set_change_id(unit, get("changeid"))
                    set_src_lang(unit, get("srclang"))
                else:
                    set_creation_id(unit, None)
                    set_change_id(unit, None)
                    set_src_lang(unit, None)
                set_unit_line(unit, tu.sourceline)
                # Memory stays flat: each <tu> is emptied at once, and the emptied elements
                # are unlinked from their parent in batches (cheaper than one at a time).
                # Units still queued by the parser may go too (lxml keeps them alive for
                # us); one of those has no parent any more when its turn comes.
                tu.clear(keep_tail=False)
                count += 1
                if not count & 1023 and (parent := tu.getparent()) is not None:
                    del parent[:]
                yield unit
            if not checked:
                self._check_document(context.root)
        except etree.XMLSyntaxError as exc:
            raise safexml.xml_error(self.name, exc) from None

    def _check_document(self, root: Any) -> None:
        safexml.check_no_entities(root.getroottree().docinfo, name=self.name)
        if root.tag != "tmx":
            tag = root.tag if isinstance(root.tag, str) else "?"
            raise InputError(self.name, root.sourceline, f"root element is <{tag}>, not <tmx>")

    def _header(self, element: Any) -> TmxHeader:
        get = element.get
        props = tuple(_prop(c) for c in element if c.tag == "prop")
        notes = tuple(c.text or "" for c in element if c.tag == "note")
        root = element.getparent()
        return TmxHeader(
            srclang=get("srclang") or "",
            segtype=get("segtype") or "",
            creationtool=get("creationtool") or "",
            creationtoolversion=get("creationtoolversion") or "",
            o_tmf=get("o-tmf") or "",
            adminlang=get("adminlang") or "",
            datatype=get("datatype") or "",
            o_encoding=get("o-encoding"),
            creationdate=_attr_date(element, "creationdate"),
            creationid=get("creationid"),
            changedate=_attr_date(element, "changedate"),
            changeid=get("changeid"),
            props=props,
            notes=notes,
            version=(root.get("version") or "") if root is not None else "",
            line=element.sourceline,
        )

    def _variant(self, tuv: Any) -> Variant:
        get = tuv.get
        lang = get(XML_LANG) or get("lang")
        if len(tuv) == 1:
            seg = tuv[0]
            props: tuple[Prop, ...] = ()
            notes: tuple[str, ...] = ()
            if seg.tag != "seg":
                seg = None
        else:
            seg, props, notes = self._variant_children(tuv)
        if not lang:
            raise InputError(self.name, tuv.sourceline, "<tuv> has no xml:lang")
        if seg is None:
            raise InputError(self.name, tuv.sourceline, f'<tuv xml:lang="{lang}"> has no <seg>')
        if len(seg) == 0:
            text = seg.text
            segment = Segment((text,) if text else ())
        else:
            segment = Segment(tuple(_InlineReader().parts(seg)))
        created = get("creationdate")
        changed = get("changedate")
        return Variant(
            lang,
            segment,
            props,
            notes,
            parse_tmx_date(created) if created else None,
            parse_tmx_date(changed) if changed else None,
            seg.sourceline,
        )

    @staticmethod
    def _variant_children(tuv: Any) -> tuple[Any, tuple[Prop, ...], tuple[str, ...]]:
        seg = None
        props: list[Prop] = []
        notes: list[str] = []
        for child in tuv:
            tag = child.tag
            if tag == "seg":
                seg = child
            elif tag == "prop":
                props.append(_prop(child))
            elif tag == "note":
                notes.append(child.text or "")
        return seg, tuple(props), tuple(notes)


def read_tmx(stream: IO[bytes], *, name: str) -> Iterator[TranslationUnit]:
    """Stream the units of a TMX file (any of 1.1-1.4b, UTF-8 or UTF-16): a generator that
    starts reading only when iterated (returned as is, not wrapped in another layer)."""
    return iter(TmxReader(stream, name=name))


def read_tmx_header(stream: IO[bytes], *, name: str) -> TmxHeader:
    """Read only as far as the `<header>`; an `InputError` if the file has none."""
    reader = TmxReader(stream, name=name)
    for _unit in reader:
        break
    if reader.header is None:
        raise InputError(name, None, "no <header> before the first <tu>")
    return reader.header
