"""gettext PO in, through polib: one translation unit per translated message and per plural
form, labelled with the languages `po_lang` settles.

The file is read in UTF-8, else in the charset its header declares (`decode_catalogue`).
What is left out is counted, never dropped silently: obsolete entries (`#~`), fuzzy ones
(unless asked for; they are marked in `x-po-flags` then) and untranslated ones (unless
asked for, as an XLIFF to translate needs them: their target is empty, state `new`). A
plural message becomes one unit per non-empty `msgstr[i]` (every form when untranslated),
marked `x-plural-form`, carrying the other msgid in a prop so each unit alone can rebuild
the message (see `po_props`).
"""
from __future__ import annotations

import codecs
import os
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

import polib

from tmtool.errors import InputError
from tmtool.fileio import decode_text, read_source_bytes
from tmtool.formats.po_lang import PoLanguages, resolve_po_languages
from tmtool.formats.po_props import (
    MSGID,
    MSGID_PLURAL,
    PLURAL_FORM,
    PoHeader,
    edge_props,
    entry_props,
    message_id,
    message_segment,
)
from tmtool.formats.readcheck import check_chars
from tmtool.formats.states import XLIFF_STATE
from tmtool.model import Prop, Segment, TranslationUnit, Variant

_KEYWORD = re.compile(r"^(?:#~\s*)?(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$")
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"$')
_HEADER_FIELD = re.compile(r'^"([A-Za-z-]+):')
_CHARSET = re.compile(rb'"Content-Type:[^"\n]*charset=([-\w.:]+)', re.IGNORECASE)


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


def _declared_charset(data: bytes) -> str | None:
    """The charset the header's Content-Type names, when Python knows it."""
    found = _CHARSET.search(data)
    if found is None:
        return None
    charset = found.group(1).decode("ascii")
    try:
        codecs.lookup(charset)
    except LookupError:
        return None
    return charset


def decode_catalogue(data: bytes, name: str) -> str:
    """A catalogue's text: UTF-8 (or BOM-marked UTF-16/32) as `decode_text` reads it, else
    the 8-bit charset its header declares, as msgfmt reads it (older Ukrainian catalogues are
    KOI8-U, CP1251 or ISO-8859-5). A file that is valid UTF-8 is read as UTF-8 whatever its
    header says: headers copied from a template say `charset=CHARSET` or worse."""
    try:
        return decode_text(data, name=name)
    except InputError:
        charset = _declared_charset(data)
        if charset is None or codecs.lookup(charset).name == "utf-8":
            raise
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(name, line, f"byte 0x{data[exc.start]:02x} is not {charset} text, "
                                     "the charset the header names") from None


def _header_lines(text: str) -> dict[str, int]:
    """The line of each field of the header entry (`"Language: uk\\n"` -> 'Language')."""
    found: dict[str, int] = {}
    msgids = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if line.startswith(("msgid ", "msgctxt ")):
            msgids += 1
            if msgids > 1 or line != 'msgid ""':
                break
        elif (match := _HEADER_FIELD.match(line)) is not None:
            found.setdefault(match.group(1), number)
    return found


def _parse(text: str, name: str) -> polib.POFile:
    try:
        return polib.pofile(_PoText(text + "\n"), encoding="utf-8")
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        detail = str(exc).split(":", 1)[1].strip() if "):" in str(exc) else "unexpected line"
        raise InputError(name, int(found.group(1)) if found else None,
                         f"PO syntax error: {detail}") from None


def _is_translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return any(entry.msgstr_plural.values())
    return bool(entry.msgstr)


class PoReader:
    """The units of one catalogue, with its languages, header and what was left out.

    The file is read and checked on first use of `header` or iteration; the languages are
    settled (and may be refused) on first use of `languages`, which iteration makes only
    when there is a translated message, so a catalogue with nothing to label gives no units
    rather than an error. `left_out` counts entries by reason (obsolete, fuzzy,
    untranslated) and `messages` the messages that gave units, both complete once
    iteration has ended.
    """

    def __init__(
        self, source: IO[bytes] | str | os.PathLike[str], *, name: str | None = None,
        src_lang: str | None = None, tgt_lang: str | None = None, include_fuzzy: bool = False,
        include_untranslated: bool = False,
    ) -> None:
        self._source = source
        self._name = name
        self.name = name or "<stream>"
        self._given = (src_lang, tgt_lang)
        self.include_fuzzy = include_fuzzy
        self.include_untranslated = include_untranslated
        self.left_out: Counter[str] = Counter()
        self.messages = 0
        self._loaded: tuple[polib.POFile, list[_Lines], dict[str, int], PoHeader] | None = None
        self._languages: PoLanguages | None = None

    def _load(self) -> tuple[polib.POFile, list[_Lines], dict[str, int], PoHeader]:
        if self._loaded is None:
            label, data = read_source_bytes(self._source, name=self._name)
            text = decode_catalogue(data, label)
            self.name = label
            check_chars(text, name=label, line=1)
            lines = _scan(text, label)
            catalog = _parse(text, label)
            header = PoHeader(catalog.metadata.get("Language", "").strip() or None,
                              catalog.metadata.get("Plural-Forms", "").strip() or None)
            self._loaded = (catalog, lines, _header_lines(text), header)
        return self._loaded

    @property
    def languages(self) -> PoLanguages:
        if self._languages is None:
            catalog, _, header_lines, _ = self._load()
            self._languages = resolve_po_languages(
                catalog.metadata, name=self.name, header_lines=header_lines,
                src_lang=self._given[0], tgt_lang=self._given[1])
        return self._languages

    @property
    def header(self) -> PoHeader:
        return self._load()[3]

    def __iter__(self) -> Iterator[TranslationUnit]:
        catalog, lines, _, _ = self._load()
        self.left_out.update(obsolete=len(catalog.obsolete_entries()))
        live = [entry for entry in catalog if not entry.obsolete]
        positions = lines[1:] if len(lines) == len(live) + 1 else lines
        if len(positions) != len(live):
            positions = [_Lines(entry.linenum or 1) for entry in live]
        for entry, where in zip(live, positions):
            if entry.msgid == "" and entry.msgctxt is None:
                continue   # a second header entry: nothing to translate
            if "fuzzy" in entry.flags and not self.include_fuzzy:
                self.left_out["fuzzy"] += 1
            elif not _is_translated(entry) and not self.include_untranslated:
                self.left_out["untranslated"] += 1
            else:
                self.messages += 1
                yield from _entry_units(entry, where, self.languages, self.include_fuzzy)


def read_po(
    source: IO[bytes] | str | os.PathLike[str],
    *,
    name: str | None = None,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    include_fuzzy: bool = False,
) -> Iterator[TranslationUnit]:
    """Translated messages of a PO file as units (source = msgid); languages as `po_lang`
    settles them."""
    yield from PoReader(source, name=name, src_lang=src_lang, tgt_lang=tgt_lang,
                        include_fuzzy=include_fuzzy)


def _entry_units(
    entry: polib.POEntry, where: _Lines, languages: PoLanguages, include_fuzzy: bool,
) -> Iterator[TranslationUnit]:
    props = entry_props(entry, include_fuzzy)
    translated = _is_translated(entry)
    if not translated:
        props.append(Prop(XLIFF_STATE, "new"))
    notes = (entry.tcomment,) if entry.tcomment else ()
    src_lang, tgt_lang, start = languages.source, languages.target, where.msgid
    if not entry.msgid_plural:
        forms: list[tuple[int | None, str, str, list[Prop]]] = [
            (None, entry.msgid, entry.msgstr, [])]
    else:
        forms = [(form, entry.msgid if form == 0 else entry.msgid_plural,
                  entry.msgstr_plural[form],
                  [Prop(PLURAL_FORM, str(form)), Prop(MSGID_PLURAL, entry.msgid_plural)
                   if form == 0 else Prop(MSGID, entry.msgid)])
                 for form in sorted(entry.msgstr_plural)
                 if entry.msgstr_plural[form] or not translated]
    for form, source, translation, form_props in forms:
        yield TranslationUnit(
            variants=(
                Variant(src_lang, message_segment(source), line=start),
                Variant(tgt_lang, message_segment(translation) if translated else Segment(()),
                        line=where.msgstr.get(form or 0, start)),
            ),
            tuid=message_id(entry.msgctxt, entry.msgid, form),
            props=tuple(form_props + props + edge_props(source, translation)), notes=notes,
            src_lang=src_lang, line=start,
        )
