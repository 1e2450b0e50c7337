"""gettext PO out: units gathered back into messages, a header `msgfmt --check` accepts.

A message is identified as gettext does, by msgctxt and msgid; its plural forms gather from
their units. A unit whose message (or plural form) was already written with another text
is left out and counted, as is one with an empty msgid and no context (that is the header's
place). A draft (`states.is_draft`: an XLIFF target that needs translation or review) is
written `#, fuzzy`; an empty target is an untranslated message. Comments are written line
for line as they came, never re-wrapped; Plural-Forms follows `po_plurals`; `Language` is
the original header's when the memory carries it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import IO

import polib

from tmtool.errors import OutputError
from tmtool.formats.po_plurals import choose_plural_rule
from tmtool.formats.po_props import (
    MSGID,
    MSGID_PLURAL,
    PLURAL_FORM,
    PoHeader,
    apply_props,
    message_text,
    unit_edges,
)
from tmtool.formats.states import is_draft
from tmtool.model import TranslationUnit, same_language

WRAP_WIDTH = 78
Warn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class PoWriteResult:
    """What a PO writer did: messages written from how many units, and what it left out
    (`conflicting`: another text for a message already written; `no msgid`)."""

    messages: int
    units: int
    left_out: tuple[tuple[str, int], ...] = ()


def po_language(locale: str) -> str:
    """The PO header form of a locale: `en-GB` -> `en_GB`."""
    return locale.replace("-", "_")


def _entry_for(unit: TranslationUnit, src_lang: str,
               tgt_lang: str) -> tuple[tuple[str | None, str], polib.POEntry, int | None]:
    """A fresh entry for one unit, its gettext key (msgctxt, msgid) and its plural form."""
    source, target = unit.variant(src_lang), unit.variant(tgt_lang)
    if source is None or target is None:
        raise OutputError(f"unit {unit.tuid or '?'} (line {unit.line}) has no {src_lang} or "
                          f"{tgt_lang} text for a PO entry")
    edges = unit_edges(unit)
    source_text = message_text(source.segment, edges, 0)
    text = message_text(target.segment, edges, 2)
    entry = polib.POEntry(msgid=source_text)
    apply_props(entry, unit)
    if is_draft(unit) and "fuzzy" not in entry.flags and target.segment.parts:
        entry.flags.insert(0, "fuzzy")   # an XLIFF draft: gettext must not use it as final
    form_prop = unit.prop(PLURAL_FORM)
    if form_prop is None or not form_prop.isdigit():
        entry.msgstr = text
        return (entry.msgctxt, entry.msgid), entry, None
    form = int(form_prop)
    other = unit.prop(MSGID_PLURAL if form == 0 else MSGID)
    if form == 0:
        entry.msgid_plural = other if other is not None else source_text
    else:
        entry.msgid_plural, entry.msgid = source_text, other if other is not None else source_text
    entry.msgstr_plural = {form: text}
    return (entry.msgctxt, entry.msgid), entry, form


class _Gatherer:
    """Entries in first-seen order, plural forms joined, clashes counted."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str | None, str], polib.POEntry] = {}
        self.units = 0
        self.left_out: Counter[str] = Counter()

    def add(self, key: tuple[str | None, str], entry: polib.POEntry, form: int | None) -> None:
        self.units += 1
        if key == (None, ""):
            self.left_out["no msgid"] += 1
            return
        known = self.entries.get(key)
        if known is None:
            self.entries[key] = entry
        elif form is not None and known.msgid_plural:
            text = entry.msgstr_plural[form]
            if known.msgstr_plural.setdefault(form, text) != text:
                self.left_out["conflicting"] += 1
        elif form is not None or known.msgid_plural or known.msgstr != entry.msgstr:
            self.left_out["conflicting"] += 1


def build_catalog(
    units: Iterable[TranslationUnit], *, src_lang: str, tgt_lang: str,
    header: PoHeader | None = None, revision_date: datetime | None = None,
    on_warning: Warn | None = None,
) -> tuple[polib.POFile, PoWriteResult]:
    """A PO catalogue from units, plural forms gathered back into their message."""
    gathered = _Gatherer()
    for unit in units:
        gathered.add(*_entry_for(unit, src_lang, tgt_lang))
    catalog = polib.POFile(wrapwidth=WRAP_WIDTH)
    catalog.header = "Translations exported by tmtool."
    plural = [entry for entry in gathered.entries.values() if entry.msgid_plural]
    rule, warning = choose_plural_rule(
        tgt_lang, max((max(e.msgstr_plural) + 1 for e in plural), default=0),
        carried=header.plural_forms if header else None,
        carried_language=header.language if header else None)
    if warning and on_warning:
        on_warning(warning)
    for entry in gathered.entries.values():
        if entry.msgid_plural and rule is not None:
            for form in range(rule.nplurals):
                entry.msgstr_plural.setdefault(form, "")
            entry.msgstr_plural = dict(sorted(entry.msgstr_plural.items()))
        catalog.append(entry)
    catalog.metadata = _metadata(src_lang, tgt_lang, header, revision_date)
    if rule is not None:
        catalog.metadata["Plural-Forms"] = rule.header
    result = PoWriteResult(len(catalog), gathered.units,
                           tuple(sorted(gathered.left_out.items())))
    return catalog, result


def _metadata(src_lang: str, tgt_lang: str, header: PoHeader | None,
              revision_date: datetime | None) -> dict[str, str]:
    language = po_language(tgt_lang)
    if header and header.language and same_language(header.language, tgt_lang):
        language = header.language
    metadata = {
        "Project-Id-Version": "tmtool export",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": po_language(src_lang),
        "X-Generator": "tmtool",
    }
    if revision_date is not None:
        metadata["PO-Revision-Date"] = revision_date.strftime("%Y-%m-%d %H:%M+0000")
    return metadata


def _comment_lines(prefix: str, text: str) -> list[str]:
    return [f"{prefix} {line}" if line else prefix for line in text.split("\n")] if text else []


def render_entry(entry: polib.POEntry, wrapwidth: int = WRAP_WIDTH) -> str:
    """An entry as PO text: comments line for line as they are (polib would re-wrap long
    ones, changing them), the rest as polib writes it."""
    lines = _comment_lines("#", entry.tcomment) + _comment_lines("#.", entry.comment)
    tcomment, comment = entry.tcomment, entry.comment
    entry.tcomment = entry.comment = ""
    try:
        lines.append(entry.__unicode__(wrapwidth))
    finally:
        entry.tcomment, entry.comment = tcomment, comment
    return "\n".join(lines)


def render_catalog(catalog: polib.POFile) -> str:
    """The whole catalogue as text, ending with a line break."""
    parts = ["\n".join(_comment_lines("#", catalog.header) +
                       [catalog.metadata_as_entry().__unicode__(catalog.wrapwidth)])]
    parts.extend(render_entry(entry, catalog.wrapwidth) for entry in catalog)
    return "\n".join(parts) + "\n"


def write_po(
    units: Iterable[TranslationUnit], stream: IO[bytes], *, src_lang: str, tgt_lang: str,
    header: PoHeader | None = None, revision_date: datetime | None = None,
    on_warning: Warn | None = None,
) -> PoWriteResult:
    """Write units as a PO file (UTF-8, LF)."""
    catalog, result = build_catalog(units, src_lang=src_lang, tgt_lang=tgt_lang, header=header,
                                    revision_date=revision_date, on_warning=on_warning)
    stream.write(render_catalog(catalog).encode("utf-8"))
    return result
