"""XLIFF 1.2 and 2.x in: one translation unit per translated segment, streamed.

A 1.2 `trans-unit` with a `seg-source` (Trados, memoQ) gives one unit per `mrk mtype="seg"`
paired with the target `mrk` of the same `mid`; otherwise source and target form one unit,
as does each `segment` of a 2.x `unit`. The tuid is the unit id, with `#mid` / `#segment-id`
added when a unit holds several segments. Units marked `translate="no"` (or inside such a
group) and segments without a target are skipped (unless asked for, as a PO catalogue made
from the file needs its untranslated messages: a 1.2 trans-unit or 2.x segment without a
target then gives a unit with an empty target in state `new` / `initial`); state and
approval travel as props (`states.is_draft` reads them).
A gettext message laid out as `xliff_po` describes (plural groups, PO contexts, the header
unit) comes back with the props the PO writer needs; `XliffReader` also tells the file's
languages and the catalogue header it carried.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from lxml import etree

from tmtool.errors import InputError
from tmtool.fileio import display_name, open_input
from tmtool.formats.po_props import PoHeader
from tmtool.formats.readcheck import file_locale
from tmtool.formats.states import SDL_CONFIRMATION, XLIFF_APPROVED, XLIFF_STATE
from tmtool.formats.xliff_inline import localname, segment2, segment12
from tmtool.formats.xliff_po import (
    HEADER_RESTYPE,
    PLURALS_RESTYPE,
    plural_props,
    po_props,
    read_header,
    unit_notes,
)
from tmtool.model import Prop, Segment, TranslationUnit, Variant
from tmtool.safexml import check_no_entities, iterparse, xml_error

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS2 = "urn:oasis:names:tc:xliff:document:2.0"
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
MEMOQ = "MQXliff"
STATE = XLIFF_STATE
SUBSTATE = "x-xliff-substate"
APPROVED = XLIFF_APPROVED
SDL_CONF = SDL_CONFIRMATION
MEMOQ_STATUS = "x-mq-status"
DOCUMENT = "x-document"


# One segment pair: segment id (mid), source, its line, target, its line, segment props.
_Pair = tuple[str | None, Segment, int, Segment, int, list[Prop]]


@dataclass
class _Context:
    """What the enclosing elements say about the units inside them."""

    name: str
    version: int
    src_lang: str | None
    tgt_lang: str | None
    original: str | None = None
    skip: list[bool] = field(default_factory=list)   # translate="no" per open group/file
    plural_groups: list[bool] = field(default_factory=list)   # per open group
    po_header: PoHeader | None = None
    untranslated: bool = False   # keep trans-units without a target (empty target, state new)


def _children(elem: Any, name: str) -> list[Any]:
    return [child for child in elem if localname(child) == name]


def _child(elem: Any, name: str) -> Any | None:
    return next((child for child in elem if localname(child) == name), None)


def _langs(ctx: _Context, line: int) -> tuple[str, str]:
    if not ctx.src_lang:
        raise InputError(ctx.name, line, "no source language in the XLIFF file (give --src-lang)")
    if not ctx.tgt_lang:
        raise InputError(ctx.name, line, "no target language in the XLIFF file (give --tgt-lang)")
    return ctx.src_lang, ctx.tgt_lang


def _unit(
    ctx: _Context, elem: Any, pairs: list[_Pair],
    props: list[Prop], notes: tuple[str, ...],
) -> Iterator[TranslationUnit]:
    src_lang, tgt_lang = _langs(ctx, elem.sourceline)
    unit_id = elem.get("id")
    shared = [Prop(DOCUMENT, ctx.original)] if ctx.original else []
    for seg_id, source, source_line, target, target_line, seg_props in pairs:
        if target.is_empty() and not target.codes and not ctx.untranslated:
            continue
        tuid = unit_id if len(pairs) == 1 or seg_id is None else f"{unit_id}#{seg_id}"
        yield TranslationUnit(
            variants=(Variant(src_lang, source, line=source_line),
                      Variant(tgt_lang, target, line=target_line)),
            tuid=tuid, props=tuple(shared + props + seg_props), notes=notes,
            src_lang=src_lang, line=elem.sourceline,
        )


def _notes(elem: Any) -> tuple[str, ...]:
    return tuple(text for note in elem.iter() if localname(note) == "note"
                 and (text := "".join(note.itertext()).strip()))


def _units12(ctx: _Context, elem: Any,
             plural: list[Prop] | None = None) -> Iterator[TranslationUnit]:
    source, target = _child(elem, "source"), _child(elem, "target")
    if source is None:
        return
    if ctx.untranslated and (target is None or (not len(target) and not target.text)):
        target = _untranslated_target(target, source)
    if target is None:
        return
    props = [*(plural or []), *po_props(elem)]
    if elem.get("approved") in ("yes", "no"):
        props.append(Prop(APPROVED, elem.get("approved")))
    if target.get("state"):
        props.append(Prop(STATE, target.get("state")))
    if elem.get(f"{{{MEMOQ}}}status"):
        props.append(Prop(MEMOQ_STATUS, elem.get(f"{{{MEMOQ}}}status")))
    notes = unit_notes(elem, props)
    seg_source = _child(elem, "seg-source")
    marks = [m for m in seg_source.iter() if localname(m) == "mrk" and m.get("mtype") == "seg"] \
        if seg_source is not None else []
    pairs: list[_Pair]
    if not marks:
        pairs = [(None, segment12(source), source.sourceline, segment12(target),
                  target.sourceline, [])]
        yield from _unit(ctx, elem, pairs, props, notes)
        return
    by_mid = {m.get("mid"): m for m in target.iter()
              if localname(m) == "mrk" and m.get("mtype") == "seg"}
    if not by_mid and len(marks) == 1:   # one segment, target left unsegmented
        by_mid = {marks[0].get("mid"): target}
    confidences = {seg.get("id"): seg.get("conf") for seg in elem.iter(f"{{{SDL}}}seg")}
    pairs = []
    for mark in marks:
        mid = mark.get("mid")
        found = by_mid.get(mid)
        if found is None:
            continue
        seg_props = [Prop(SDL_CONF, conf)] if (conf := confidences.get(mid)) else []
        pairs.append((mid, segment12(mark), mark.sourceline, segment12(found),
                      found.sourceline, seg_props))
    yield from _unit(ctx, elem, pairs, props, notes)


def _untranslated_target(target: Any | None, source: Any) -> Any:
    """The empty target of a trans-unit with nothing translated yet, in state `new` unless
    the file gives it another."""
    if target is not None and target.get("state"):
        return target
    empty = etree.Element(f"{{{NS12}}}target", {"state": "new"})
    empty.sourceline = source.sourceline
    return empty


def _units2(ctx: _Context, elem: Any) -> Iterator[TranslationUnit]:
    data: dict[str, str] = {}
    original_data = _child(elem, "originalData")
    if original_data is not None:
        data = {d.get("id"): "".join(d.itertext()) for d in _children(original_data, "data")}
    notes_elem = _child(elem, "notes")
    notes = _notes(notes_elem) if notes_elem is not None else ()
    pairs: list[_Pair] = []
    segments = _children(elem, "segment")
    for index, segment in enumerate(segments, start=1):
        source, target = _child(segment, "source"), _child(segment, "target")
        if source is None or (target is None and not ctx.untranslated):
            continue
        state = segment.get("state") or ("initial" if target is None else None)
        seg_props = [Prop(STATE, state)] if state else []
        if segment.get("subState"):
            seg_props.append(Prop(SUBSTATE, segment.get("subState")))
        translation = Segment(()) if target is None else segment2(target, data)
        pairs.append((segment.get("id") or str(index), segment2(source, data), source.sourceline,
                      translation, (target if target is not None else source).sourceline,
                      seg_props))
    if len(segments) == 1 and pairs:
        pairs = [(None, *pairs[0][1:])]
    yield from _unit(ctx, elem, pairs, [], notes)


def _start(ctx: _Context, elem: Any, name: str) -> None:
    line = elem.sourceline
    if name == "file":
        ctx.original = elem.get("original")
        if ctx.version == 1:
            for attr in ("source-language", "target-language"):
                if elem.get(attr):
                    code = file_locale(elem.get(attr), name=ctx.name, line=line, what=attr)
                    if attr == "source-language":
                        ctx.src_lang = code
                    else:
                        ctx.tgt_lang = code
    if name == "group" and ctx.version == 1:
        ctx.plural_groups.append(elem.get("restype") == PLURALS_RESTYPE)
    if name in ("file", "group", "trans-unit", "unit"):
        inherited = bool(ctx.skip and ctx.skip[-1])
        ctx.skip.append(inherited or elem.get("translate") == "no")


def _root(elem: Any, name: str, src_lang: str | None, tgt_lang: str | None) -> _Context:
    if localname(elem) != "xliff":
        raise InputError(name, elem.sourceline,
                         f"not an XLIFF file: the root element is <{localname(elem)}>")
    check_no_entities(elem.getroottree().docinfo, name=name)
    namespace = etree.QName(elem).namespace or ""
    version = elem.get("version", "")
    if version.startswith("2") or namespace.startswith("urn:oasis:names:tc:xliff:document:2"):
        ctx = _Context(name, 2, src_lang, tgt_lang)
        for attr, slot in (("srcLang", "src_lang"), ("trgLang", "tgt_lang")):
            if elem.get(attr):
                setattr(ctx, slot, file_locale(elem.get(attr), name=name,
                                               line=elem.sourceline, what=attr))
        return ctx
    if version.startswith("1") or namespace.startswith("urn:oasis:names:tc:xliff:document:1"):
        return _Context(name, 1, src_lang, tgt_lang)
    raise InputError(name, elem.sourceline, f"unsupported XLIFF version {version!r}")


def _drop(elem: Any) -> None:
    """Free a handled element and what precedes it (streaming)."""
    elem.clear(keep_tail=True)
    while elem.getprevious() is not None:
        del elem.getparent()[0]


def _plural_units(ctx: _Context, group: Any) -> Iterator[TranslationUnit]:
    """The units of a gettext plural group, each marked with its form."""
    members = _children(group, "trans-unit")
    forms: list[int] = []
    for position, member in enumerate(members):
        unit_id = member.get("id") or ""
        index = unit_id.rpartition("[")[2].rstrip("]")
        forms.append(int(index) if unit_id.endswith("]") and index.isdigit() else position)
    sources = {form: "".join(source.itertext()) for form, member in zip(forms, members)
               if (source := _child(member, "source")) is not None}
    for form, member in zip(forms, members):
        if member.get("translate") != "no":
            yield from _units12(ctx, member, plural_props(form, sources, po_props(member)))


def _end12(ctx: _Context, elem: Any, name: str) -> Iterator[TranslationUnit]:
    """What the end of an XLIFF 1.2 element yields; plural forms wait for their group."""
    if name == "trans-unit":
        if elem.get("restype") == HEADER_RESTYPE:
            ctx.po_header = read_header(elem)
        elif ctx.plural_groups and ctx.plural_groups[-1]:
            return
        elif not ctx.skip[-1]:
            yield from _units12(ctx, elem)
        _drop(elem)
    elif name == "group" and ctx.plural_groups.pop():
        if not ctx.skip[-1]:
            yield from _plural_units(ctx, elem)
        _drop(elem)


class XliffReader:
    """The units of an XLIFF 1.2 or 2.x file; `src_lang`/`tgt_lang` apply only where the file
    names no language. While and after reading, `src_lang`/`tgt_lang` are the languages in
    force and `po_header` the catalogue header the file carried (if any)."""

    def __init__(self, source: IO[bytes] | str | os.PathLike[str], *, name: str | None = None,
                 src_lang: str | None = None, tgt_lang: str | None = None,
                 include_untranslated: bool = False) -> None:
        self._source = source
        self.include_untranslated = include_untranslated
        self.name = name
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.po_header: PoHeader | None = None

    def __iter__(self) -> Iterator[TranslationUnit]:
        if isinstance(self._source, (str, os.PathLike)):
            with open_input(self._source) as handle:
                yield from self._read(handle, self.name or display_name(self._source))
            return
        yield from self._read(self._source, self.name or "<stream>")

    def _read(self, stream: IO[bytes], label: str) -> Iterator[TranslationUnit]:
        ctx: _Context | None = None
        try:
            for event, elem in iterparse(stream, events=("start", "end")):
                name_ = localname(elem)
                if ctx is None:
                    ctx = _root(elem, label, self.src_lang, self.tgt_lang)
                    ctx.untranslated = self.include_untranslated
                if event == "start":
                    _start(ctx, elem, name_)
                    self.src_lang, self.tgt_lang = ctx.src_lang, ctx.tgt_lang
                    continue
                if ctx.version == 1:
                    yield from _end12(ctx, elem, name_)
                    self.po_header = ctx.po_header
                elif name_ == "unit":
                    if not ctx.skip[-1]:
                        yield from _units2(ctx, elem)
                    _drop(elem)
                if name_ in ("file", "group", "trans-unit", "unit") and ctx.skip:
                    ctx.skip.pop()
        except etree.XMLSyntaxError as exc:
            raise xml_error(label, exc) from None
        if ctx is None:
            raise InputError(label, None, "empty file, not XLIFF")


def read_xliff(
    source: IO[bytes] | str | os.PathLike[str],
    *,
    name: str | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> Iterator[TranslationUnit]:
    """Units of an XLIFF 1.2 or 2.x file (see `XliffReader`)."""
    yield from XliffReader(source, name=name, src_lang=src_lang, tgt_lang=tgt_lang)
