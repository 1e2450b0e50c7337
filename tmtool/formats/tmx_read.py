"""Streaming TMX 1.1-1.4b reader: yields one `TranslationUnit` per `<tu>`, memory flat.

The parser reports only `header` and `tu` end events; each `tu` is turned into a unit by
walking its children and is then cleared and unlinked, so memory does not grow with the
file. Reading is lenient (old `lang`, odd dates, `hi`/`ut`, `i` that are not numbers);
what cannot be read (no XML, wrong root, entities, `tuv` without `seg`) is an `InputError`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from lxml import etree

from tmtool import safexml
from tmtool.errors import InputError
from tmtool.formats.tmx_header import XML_LANG, TmxHeader, parse_tmx_date
from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit, Variant

_EVENT_TAGS = ("header", "tu")


def _attr_date(element: Any, name: str) -> Any:
    value = element.get(name)
    return parse_tmx_date(value) if value else None


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
    (translatable) content.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.types: dict[int, str | None] = {}
        self.fresh = 0

    def pair_of(self, i_value: str | None) -> int | None:
        if i_value is None:
            return None
        stripped = i_value.strip()
        if stripped.isdigit():
            return int(stripped)
        if stripped not in self.ids:
            self.fresh -= 1
            self.ids[stripped] = self.fresh
        return self.ids[stripped]

    def parts(self, container: Any) -> list[str | InlineCode]:
        parts: list[str | InlineCode] = [container.text] if container.text else []
        for child in container:
            tag = child.tag
            if tag == "bpt":
                pair = self.pair_of(child.get("i"))
                code_type = child.get("type")
                if pair is not None:
                    self.types[pair] = code_type
                parts.append(InlineCode(CodeKind.OPEN, pair, _element_text(child), code_type))
            elif tag == "ept":
                pair = self.pair_of(child.get("i"))
                code_type = self.types.get(pair) if pair is not None else None
                parts.append(InlineCode(CodeKind.CLOSE, pair, _element_text(child), code_type))
            elif tag == "ph" or tag == "ut":
                parts.append(
                    InlineCode(CodeKind.STANDALONE, None, _element_text(child), child.get("type"))
                )
            elif tag == "it":
                kind = CodeKind.CLOSE if child.get("pos") == "end" else CodeKind.OPEN
                parts.append(InlineCode(kind, None, _element_text(child), child.get("type")))
            elif tag == "hi":
                self.fresh -= 1
                code_type = child.get("type") or "hi"
                parts.append(InlineCode(CodeKind.OPEN, self.fresh, "", code_type))
                closing = InlineCode(CodeKind.CLOSE, self.fresh, "", code_type)
                parts.extend(self.parts(child))
                parts.append(closing)
            elif isinstance(tag, str):
                parts.extend(self.parts(child))  # an unknown element: keep its text
            if child.tail:
                parts.append(child.tail)
        return parts


class TmxReader:
    """Iterate over the units of one TMX stream; `header` is set once it has been read
    (before the first unit is yielded in any well-formed file)."""

    def __init__(self, stream: IO[bytes], *, name: str) -> None:
        self.stream = stream
        self.name = name
        self.header: TmxHeader | None = None

    def __iter__(self) -> Iterator[TranslationUnit]:
        context: Any = safexml.iterparse(self.stream, events=("end",), tag=_EVENT_TAGS)
        checked = False
        try:
            for _event, element in context:
                if not checked:
                    self._check_document(element.getroottree().getroot())
                    checked = True
                if element.tag == "tu":
                    unit = self._unit(element)
                    element.clear(keep_tail=False)
                    parent = element.getparent()
                    while element.getprevious() is not None:
                        del parent[0]
                    yield unit
                else:
                    self.header = self._header(element)
                    element.clear(keep_tail=False)
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

    def _unit(self, tu: Any) -> TranslationUnit:
        # The hot path, once per <tu>: a plain <tuv> (one <seg>, no inline codes) is read
        # inline; anything richer goes through `_variant`.
        variants: list[Variant] = []
        props: list[Prop] = []
        notes: list[str] = []
        for child in tu:
            tag = child.tag
            if tag == "tuv":
                seg = child[0] if len(child) == 1 else None
                lang = child.get(XML_LANG)
                if seg is None or lang is None or seg.tag != "seg" or len(seg) != 0:
                    variants.append(self._variant(child))
                    continue
                text = seg.text
                created = child.get("creationdate")
                changed = child.get("changedate")
                variants.append(
                    Variant(
                        lang,
                        Segment.from_text(text) if text else Segment(()),
                        (),
                        (),
                        parse_tmx_date(created) if created else None,
                        parse_tmx_date(changed) if changed else None,
                        seg.sourceline,
                    )
                )
            elif tag == "prop":
                props.append(_prop(child))
            elif tag == "note":
                notes.append(child.text or "")
        get = tu.get
        created = get("creationdate")
        changed = get("changedate")
        return TranslationUnit(
            tuple(variants),
            get("tuid"),
            tuple(props) if props else (),
            tuple(notes) if notes else (),
            parse_tmx_date(created) if created else None,
            parse_tmx_date(changed) if changed else None,
            get("creationid"),
            get("changeid"),
            get("srclang"),
            tu.sourceline,
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
    """Stream the units of a TMX file (any of 1.1-1.4b, UTF-8 or UTF-16)."""
    yield from TmxReader(stream, name=name)


def read_tmx_header(stream: IO[bytes], *, name: str) -> TmxHeader:
    """Read only as far as the `<header>`; an `InputError` if the file has none."""
    reader = TmxReader(stream, name=name)
    for _unit in reader:
        break
    if reader.header is None:
        raise InputError(name, None, "no <header> before the first <tu>")
    return reader.header
