"""gettext PO in and out, through polib: one translation unit per translated message and
per plural form.

Decisions a reader must know: msgid is the source text, so the source language is a
parameter (PO headers name only the target); untranslated, fuzzy (unless asked for) and
obsolete entries are left out; a plural message becomes one unit per `msgstr[i]`, marked
`x-plural-form`, and carries the other msgid in a prop so each unit alone can rebuild the
message; msgctxt travels as `x-context`, translator comments as notes.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO

import polib

from tmtool.errors import InputError, OutputError
from tmtool.fileio import read_source_text
from tmtool.formats.readcheck import check_chars, file_locale
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG, primary_language
from tmtool.model import Prop, Segment, TranslationUnit, Variant

CONTEXT = "x-context"
PLURAL_FORM = "x-plural-form"
MSGID = "x-msgid"                 # on forms >= 1: the singular msgid
MSGID_PLURAL = "x-msgid-plural"   # on form 0: the plural msgid
REFERENCE = "x-po-reference"      # `#:` lines, space separated
EXTRACTED = "x-po-comment"        # `#.` lines
FLAGS = "x-po-flags"              # `#,` flags other than fuzzy (fuzzy kept only if included)
# White space at the ends of msgid/msgstr ("Usage:\n" is common in gettext), which TMX
# writers trim: a JSON list [source lead, source trail, target lead, target trail].
EDGES = "x-po-edges"
_PO_PROPS = {CONTEXT, PLURAL_FORM, MSGID, MSGID_PLURAL, REFERENCE, EXTRACTED, FLAGS, EDGES}

# Plural-Forms headers as the gettext manual gives them; other languages must be named
# explicitly (a wrong formula silently breaks a program's plurals).
PLURAL_FORMS = {
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "en": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "kk": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) "
          "? 1 : 2);",
}

_KEYWORD = re.compile(r"^(?:#~\s*)?(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$")
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"$')


@dataclass
class _Lines:
    """Where the msgid and each msgstr of one non-obsolete entry start."""

    msgid: int
    msgstr: dict[int, int] = field(default_factory=dict)


class _PoText(str):
    """PO content whose `splitlines` splits on LF only: polib splits with `str.splitlines`,
    which also breaks at U+2028, U+0085 and form feeds that may sit inside a msgid."""

    __slots__ = ()

    def splitlines(self, keepends: bool = False) -> list[str]:
        return self.split("\n")


def _scan(text: str, name: str) -> list[_Lines]:
    """Check what polib lets through (a truncated string, a msgid without msgstr) and note
    where each live entry's msgid and msgstrs start."""
    entries: list[_Lines] = []
    awaiting: int | None = None   # line of a msgid still waiting for its msgstr
    live = False                  # the entry being read is not obsolete
    after_msgstr = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("#~")):
            continue
        match = _KEYWORD.match(line)
        body = match.group(3) if match else line.removeprefix("#~").strip()
        if body.startswith('"') and not _QUOTED.match(body):
            raise InputError(name, number, "PO syntax error: unterminated or badly quoted string")
        if not match:
            continue
        keyword = match.group(1)
        if keyword == "msgid":
            if awaiting is not None:
                raise InputError(name, awaiting, "PO syntax error: msgid without msgstr")
            awaiting, live, after_msgstr = number, not line.startswith("#~"), False
            if live:
                entries.append(_Lines(number))
        elif keyword.startswith("msgstr"):
            if awaiting is None and not after_msgstr:
                raise InputError(name, number, "PO syntax error: msgstr without msgid")
            if live:
                entries[-1].msgstr.setdefault(int(match.group(2) or 0), number)
            awaiting, after_msgstr = None, True
        else:
            after_msgstr = False
    if awaiting is not None:
        raise InputError(name, awaiting, "PO syntax error: msgid without msgstr (truncated file?)")
    return entries


def _parse(text: str, name: str) -> polib.POFile:
    try:
        return polib.pofile(_PoText(text + "\n"), encoding="utf-8")
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        detail = str(exc).split(":", 1)[1].strip() if "):" in str(exc) else "unexpected line"
        raise InputError(name, int(found.group(1)) if found else None,
                         f"PO syntax error: {detail}") from None


def _tuid(context: str | None, msgid: str, form: int | None) -> str:
    key = (context + "\x04" if context is not None else "") + msgid
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return f"po-{digest}" if form is None else f"po-{digest}-{form}"


def _entry_props(entry: polib.POEntry, include_fuzzy: bool) -> list[Prop]:
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
    return props


def read_po(
    source: IO[bytes] | str | os.PathLike[str],
    *,
    name: str | None = None,
    src_lang: str = DEFAULT_SRC_LANG,
    tgt_lang: str | None = None,
    include_fuzzy: bool = False,
) -> Iterator[TranslationUnit]:
    """Translated messages of a PO file as units (source = msgid).

    The target language is the header's `Language`, else `tgt_lang`, else en-GB; a given
    `tgt_lang` is only the fallback, since the file knows its own language best.
    """
    label, text = read_source_text(source, name=name)
    check_chars(text, name=label, line=1)
    lines = _scan(text, label)
    catalog = _parse(text, label)
    declared = catalog.metadata.get("Language", "").strip()
    target = file_locale(declared, name=label, line=1, what="PO header Language") if declared \
        else (tgt_lang or DEFAULT_TGT_LANG)
    live = [entry for entry in catalog if not entry.obsolete]
    positions = lines[1:] if len(lines) == len(live) + 1 else lines
    if len(positions) != len(live):
        positions = [_Lines(entry.linenum or 1) for entry in live]
    for entry, where in zip(live, positions):
        if "fuzzy" in entry.flags and not include_fuzzy:
            continue
        yield from _entry_units(entry, where, src_lang, target, include_fuzzy)


def _edges(text: str) -> tuple[str, str]:
    core = text.strip()
    if not core:
        return "", ""
    start = text.index(core)
    return text[:start], text[start + len(core):]


def _edge_props(source: str, target: str) -> list[Prop]:
    edges = [*_edges(source), *_edges(target)]
    return [Prop(EDGES, json.dumps(edges, ensure_ascii=False))] if any(edges) else []


def _restore(text: str, edges: list[str], first: int) -> str:
    """`text` with the white space `edges[first:first + 2]` back at its ends."""
    return edges[first] + text.strip() + edges[first + 1] if text.strip() else text


def _unit_edges(unit: TranslationUnit) -> list[str]:
    try:
        edges = json.loads(unit.prop(EDGES) or "[]")
    except ValueError:
        edges = []
    valid = isinstance(edges, list) and len(edges) == 4 and all(isinstance(e, str) for e in edges)
    return edges if valid else ["", "", "", ""]


def _entry_units(
    entry: polib.POEntry, where: _Lines, src_lang: str, tgt_lang: str, include_fuzzy: bool
) -> Iterator[TranslationUnit]:
    props = _entry_props(entry, include_fuzzy)
    notes = (entry.tcomment,) if entry.tcomment else ()
    start = where.msgid
    if not entry.msgid_plural:
        if not entry.msgstr:
            return
        yield TranslationUnit(
            variants=(
                Variant(src_lang, Segment.from_text(entry.msgid), line=start),
                Variant(tgt_lang, Segment.from_text(entry.msgstr),
                        line=where.msgstr.get(0, start)),
            ),
            tuid=_tuid(entry.msgctxt, entry.msgid, None),
            props=tuple(props + _edge_props(entry.msgid, entry.msgstr)), notes=notes,
            src_lang=src_lang, line=start,
        )
        return
    for form in sorted(entry.msgstr_plural):
        translation = entry.msgstr_plural[form]
        if not translation:
            continue
        other = Prop(MSGID_PLURAL, entry.msgid_plural) if form == 0 else Prop(MSGID, entry.msgid)
        source = entry.msgid if form == 0 else entry.msgid_plural
        yield TranslationUnit(
            variants=(
                Variant(src_lang, Segment.from_text(entry.msgid if form == 0
                                                    else entry.msgid_plural), line=start),
                Variant(tgt_lang, Segment.from_text(translation),
                        line=where.msgstr.get(form, start)),
            ),
            tuid=_tuid(entry.msgctxt, entry.msgid, form),
            props=(Prop(PLURAL_FORM, str(form)), other, *props,
                   *_edge_props(source, translation)), notes=notes,
            src_lang=src_lang, line=start,
        )


def po_language(locale: str) -> str:
    """The PO header form of a locale: `en-GB` -> `en_GB`."""
    return locale.replace("-", "_")


def plural_forms(locale: str) -> str | None:
    return PLURAL_FORMS.get(primary_language(locale))


def _entry_for(unit: TranslationUnit, src_lang: str, tgt_lang: str) -> tuple[str, polib.POEntry]:
    """A fresh entry for one unit, and the key under which its plural forms gather."""
    source, target = unit.variant(src_lang), unit.variant(tgt_lang)
    if source is None or target is None:
        raise OutputError(f"unit {unit.tuid or '?'} (line {unit.line}) has no {src_lang} or "
                          f"{tgt_lang} text for a PO entry")
    edges = _unit_edges(unit)
    entry = polib.POEntry(msgid=_restore(source.segment.native_text(), edges, 0))
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
    form = unit.prop(PLURAL_FORM)
    text = _restore(target.segment.native_text(), edges, 2)
    if form is None or not form.isdigit():
        entry.msgstr = text
        return f"s\x00{context}\x00{entry.msgid}", entry
    if int(form) == 0:
        entry.msgid_plural = unit.prop(MSGID_PLURAL) or entry.msgid
    else:
        entry.msgid_plural, entry.msgid = entry.msgid, unit.prop(MSGID) or entry.msgid
    entry.msgstr_plural = {int(form): text}
    return f"p\x00{context}\x00{entry.msgid}\x00{entry.msgid_plural}", entry


def build_catalog(
    units: Iterable[TranslationUnit], *, src_lang: str, tgt_lang: str,
    revision_date: datetime | None = None,
) -> polib.POFile:
    """A PO catalog from units, plural forms gathered back into their message."""
    catalog = polib.POFile(wrapwidth=78)
    catalog.header = "Translations exported by tmtool."
    entries: dict[str, polib.POEntry] = {}
    nplurals = 0
    for unit in units:
        key, entry = _entry_for(unit, src_lang, tgt_lang)
        known = entries.get(key)
        if known is None:
            entries[key] = entry
            catalog.append(entry)
        elif entry.msgid_plural:
            known.msgstr_plural.update(entry.msgstr_plural)
        if entry.msgid_plural:
            nplurals = max(nplurals, max(entry.msgstr_plural) + 1)
    formula = plural_forms(tgt_lang)
    if nplurals and formula is None:
        raise OutputError(f"no Plural-Forms known for {tgt_lang}; plural messages cannot be "
                          "written to PO for it")
    for entry in catalog:
        if entry.msgid_plural:
            size = int(formula.split(";")[0].split("=")[1]) if formula else nplurals
            for form in range(size):
                entry.msgstr_plural.setdefault(form, "")
            entry.msgstr_plural = dict(sorted(entry.msgstr_plural.items()))
    catalog.metadata = {
        "Project-Id-Version": "tmtool export",
        "Language": po_language(tgt_lang),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": po_language(src_lang),
        "X-Generator": "tmtool",
    }
    if revision_date is not None:
        catalog.metadata["PO-Revision-Date"] = revision_date.strftime("%Y-%m-%d %H:%M+0000")
    if formula:
        catalog.metadata["Plural-Forms"] = formula
    return catalog


def write_po(
    units: Iterable[TranslationUnit], stream: IO[bytes], *, src_lang: str, tgt_lang: str,
    revision_date: datetime | None = None,
) -> int:
    """Write units as a PO file (UTF-8, LF); returns the number of units written."""
    counted: list[int] = [0]

    def counting() -> Iterator[TranslationUnit]:
        for unit in units:
            counted[0] += 1
            yield unit

    catalog = build_catalog(counting(), src_lang=src_lang, tgt_lang=tgt_lang,
                            revision_date=revision_date)
    stream.write((catalog.__unicode__() + "\n").encode("utf-8"))
    return counted[0]


def is_po_prop(prop_type: str) -> bool:
    """Whether a prop type is one the PO reader writes (for writers of other formats)."""
    return prop_type in _PO_PROPS
