"""XLIFF 1.2 and 2.x in: one translation unit per translated segment, streamed.

A 1.2 `trans-unit` with a `seg-source` (Trados, memoQ) gives one unit per `mrk mtype="seg"`
paired with the target `mrk` of the same `mid`; otherwise source and target form one unit,
as does each `segment` of a 2.x `unit`. The tuid is the unit id, with `#mid` / `#segment-id`
added when a unit holds several segments. Units marked `translate="no"` (or inside such a
group) and segments without a target are skipped; state and approval travel as props.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from lxml import etree

from tmtool.errors import InputError
from tmtool.fileio import display_name, open_input
from tmtool.formats.readcheck import file_locale
from tmtool.formats.xliff_inline import localname, segment2, segment12
from tmtool.model import Prop, Segment, TranslationUnit, Variant
from tmtool.safexml import check_no_entities, iterparse, xml_error

NS12 = "urn:oasis:names:tc:xliff:document:1.2"
NS2 = "urn:oasis:names:tc:xliff:document:2.0"
SDL = "http://sdl.com/FileTypes/SdlXliff/1.0"
MEMOQ = "MQXliff"
STATE = "x-xliff-state"
SUBSTATE = "x-xliff-substate"
APPROVED = "x-xliff-approved"
SDL_CONF = "x-sdl-conf"
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
        if target.is_empty() and not target.codes:
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


def _units12(ctx: _Context, elem: Any) -> Iterator[TranslationUnit]:
    source, target = _child(elem, "source"), _child(elem, "target")
    if source is None or target is None:
        return
    props = [Prop(APPROVED, "yes")] if elem.get("approved") == "yes" else []
    if target.get("state"):
        props.append(Prop(STATE, target.get("state")))
    if elem.get(f"{{{MEMOQ}}}status"):
        props.append(Prop(MEMOQ_STATUS, elem.get(f"{{{MEMOQ}}}status")))
    notes = tuple("".join(n.itertext()).strip() for n in _children(elem, "note")
                  if "".join(n.itertext()).strip())
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
        if source is None or target is None:
            continue
        seg_props = [Prop(STATE, segment.get("state"))] if segment.get("state") else []
        if segment.get("subState"):
            seg_props.append(Prop(SUBSTATE, segment.get("subState")))
        pairs.append((segment.get("id") or str(index), segment2(source, data), source.sourceline,
                      segment2(target, data), target.sourceline, seg_props))
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


def read_xliff(
    source: IO[bytes] | str | os.PathLike[str],
    *,
    name: str | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
) -> Iterator[TranslationUnit]:
    """Units of an XLIFF 1.2 or 2.x file; `src_lang`/`tgt_lang` apply only where the file
    names no language."""
    if isinstance(source, (str, os.PathLike)):
        with open_input(source) as handle:
            yield from read_xliff(handle, name=name or display_name(source),
                                  src_lang=src_lang, tgt_lang=tgt_lang)
        return
    label = name or "<stream>"
    ctx: _Context | None = None
    try:
        for event, elem in iterparse(source, events=("start", "end")):
            name_ = localname(elem)
            if ctx is None:
                ctx = _root(elem, label, src_lang, tgt_lang)
            if event == "start":
                _start(ctx, elem, name_)
                continue
            unit_tag = "trans-unit" if ctx.version == 1 else "unit"
            if name_ == unit_tag:
                if not ctx.skip[-1]:
                    yield from (_units12 if ctx.version == 1 else _units2)(ctx, elem)
                elem.clear(keep_tail=True)
                while elem.getprevious() is not None:
                    del elem.getparent()[0]
            if name_ in ("file", "group", "trans-unit", "unit") and ctx.skip:
                ctx.skip.pop()
    except etree.XMLSyntaxError as exc:
        raise xml_error(label, exc) from None
    if ctx is None:
        raise InputError(label, None, "empty file, not XLIFF")
