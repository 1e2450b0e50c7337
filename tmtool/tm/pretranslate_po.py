"""Pre-translating a gettext catalogue: empty msgstr (and msgstr[n]) filled from a memory,
every other byte of the file left as it was.

The catalogue is parsed with polib, but written by splicing: only the entries that get a
translation are re-serialised (by polib, at the file's wrap width) and put back in place of
their own lines, so comments, wrapping, order, obsolete entries and the header stay
byte-for-byte. A fuzzy fill gets `#, fuzzy`, the memory's source as `#| msgid` (as msgmerge
does) and a translator comment with the score. The msgid is the source (English in real
catalogues): see `formats.po_lang` for the direction.

Plural messages are filled only from memory units the PO reader wrote for plural forms
(`x-plural-form`, `x-msgid-plural` on form 0, `x-msgid` on the others), and only when the
memory has every form the catalogue's Plural-Forms asks for; a singular translation is
never copied into the plural forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import polib

from tmtool.errors import InputError, OutputError
from tmtool.formats.po import CONTEXT, MSGID, MSGID_PLURAL, PLURAL_FORM
from tmtool.formats.po_lang import resolve_po_languages
from tmtool.formats.po_props import message_text, text_edges, unit_edges
from tmtool.model import TranslationUnit
from tmtool.tm.lookup import Match
from tmtool.tm.pretranslate import (
    EXACT,
    Analysis,
    MatchFinder,
    PretranslateOptions,
    PretranslateResult,
    score_note,
)
from tmtool.tm.similarity import match_score
from tmtool.tm.store import MemoryStore
from tmtool.tm.tokens import text_tokens

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


@dataclass(frozen=True)
class Fill:
    score: int
    forms: dict[int, tuple[str, str]]   # form -> (translation, the memory's source for it)
    source: str               # the memory's msgid, for `#| msgid`
    source_plural: str | None = None


def _load(path: str, name: str) -> tuple[polib.POFile, bytes]:
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        return polib.pofile(path, wrapwidth=78), data
    except FileNotFoundError:
        raise InputError(name, None, "no such file") from None
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise InputError(name, int(found.group(1)) if found else None,
                         f"PO syntax error: {str(exc).splitlines()[0]}") from None


def _with_edges(translation: str, memory_source: str, msgid: str) -> str:
    """The translation with the msgid's leading and trailing white space ("Usage:\n",
    which msgfmt --check demands) where the memory's source had other edges (TMX writers
    trim them); where the edges agree, the translation keeps its own."""
    if not msgid.strip():
        return translation
    lead, trail = text_edges(msgid)
    source_lead, source_trail = text_edges(memory_source)
    own_lead, own_trail = text_edges(translation)
    return ((lead if source_lead != lead else own_lead) + translation.strip()
            + (trail if source_trail != trail else own_trail))


def _po_texts(match: Match) -> tuple[str, str]:
    """(translation, source) of a match as its PO had them: the white space that the PO
    reader keeps in `x-po-edges` (and a TMX writer trims) put back at the ends."""
    edges = unit_edges(match.unit)
    return message_text(match.target, edges, 2), message_text(match.source, edges, 0)


def _nplurals(catalog: polib.POFile) -> int | None:
    found = _NPLURALS.search(catalog.metadata.get("Plural-Forms", ""))
    return int(found.group(1)) if found else None


class PoFiller:
    """Finds the fill of each untranslated entry of one catalogue."""

    def __init__(self, finder: MatchFinder, options: PretranslateOptions,
                 nplurals: int | None) -> None:
        self.finder = finder
        self.options = options
        self.nplurals = nplurals

    def singular(self, entry: polib.POEntry) -> tuple[int | None, Fill | None]:
        match = self.finder.best(entry.msgid, context=entry.msgctxt,
                                 accept=lambda unit: unit.prop(PLURAL_FORM) is None,
                                 source_text=lambda found: _po_texts(found)[1])
        if match is None:
            return None, None
        fill = Fill(match.score, {0: _po_texts(match)}, match.source.native_text())
        return match.score, fill if match.score >= self.options.min_score else None

    def plural(self, entry: polib.POEntry) -> tuple[int | None, Fill | None, str | None]:
        """(best score, the fill, why not filled)."""
        candidates = [m for m in self.finder.matches(entry.msgid, limit=20)
                      if m.unit.prop(PLURAL_FORM) == "0" and m.unit.prop(MSGID_PLURAL)]
        if not candidates:
            return None, None, "plural: no plural message in the memory"
        if self.nplurals is None:
            return candidates[0].score, None, "plural: the catalogue has no Plural-Forms"
        best_score = None
        for match in sorted(candidates, key=lambda m: m.unit.prop(CONTEXT) != entry.msgctxt):
            plural_source = match.unit.prop(MSGID_PLURAL) or ""
            score = min(match.score, match_score(text_tokens(entry.msgid_plural),
                                                 text_tokens(plural_source)))
            best_score = score if best_score is None else max(best_score, score)
            forms = self._forms(match.unit, _po_texts(match), plural_source)
            if forms is not None and score >= self.options.min_score:
                return score, Fill(score, forms, match.source.native_text(), plural_source), None
        return best_score, None, "plural: forms missing in the memory or below --min"

    def _forms(self, first: TranslationUnit, form0: tuple[str, str], plural_source: str
               ) -> dict[int, tuple[str, str]] | None:
        """Every plural form of the message `first` (form 0) belongs to, or None."""
        assert self.nplurals is not None
        singular = first.variant(self.finder.src_lang)
        singular_text = singular.segment.text.strip() if singular else ""
        forms = {0: form0}
        siblings = self.finder.matches(plural_source, floor=EXACT, limit=50)
        for sibling in siblings:
            unit = sibling.unit
            form = unit.prop(PLURAL_FORM) or ""
            if (form.isdigit() and 0 < int(form) < self.nplurals
                    and (unit.prop(MSGID) or "").strip() == singular_text
                    and unit.prop(CONTEXT) == first.prop(CONTEXT)):
                forms.setdefault(int(form), _po_texts(sibling))
        return forms if len(forms) == self.nplurals else None


def _apply(entry: polib.POEntry, fill: Fill) -> None:
    if entry.msgid_plural:
        entry.msgstr_plural = {
            form: _with_edges(text, source, entry.msgid_plural if form else entry.msgid)
            for form, (text, source) in sorted(fill.forms.items())}
    else:
        entry.msgstr = _with_edges(*fill.forms[0], entry.msgid)
    if fill.score < EXACT:
        if "fuzzy" not in entry.flags:
            entry.flags.insert(0, "fuzzy")
        entry.previous_msgid = fill.source
        if fill.source_plural is not None:
            entry.previous_msgid_plural = fill.source_plural
        note = score_note(fill.score)
        entry.tcomment = f"{entry.tcomment}\n{note}" if entry.tcomment else note
    elif "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")


def _is_untranslated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return not any(entry.msgstr_plural.values())
    return not entry.msgstr


def _splice(data: bytes, catalog: polib.POFile, changed: list[polib.POEntry],
            name: str) -> bytes:
    """The original bytes with each changed entry's lines replaced by polib's text for it."""
    encoding = catalog.encoding or "utf-8"
    text = data.decode(encoding)
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split("\n")
    starts = sorted(entry.linenum for entry in catalog if entry.linenum)
    replaced: dict[int, tuple[int, str]] = {}
    for entry in changed:
        begin = entry.linenum - 1
        later = [start for start in starts if start > entry.linenum]
        end = (later[0] - 1) if later else len(lines)
        while end > begin and not lines[end - 1].strip():
            end -= 1
        body = entry.__unicode__(catalog.wrapwidth).rstrip("\n").replace("\n", newline)
        replaced[begin] = (end, body + ("\r" if newline == "\r\n" else ""))
    out: list[str] = []
    index = 0
    while index < len(lines):
        if index in replaced:
            end, body = replaced[index]
            out.append(body)
            index = end
        else:
            out.append(lines[index])
            index += 1
    try:
        return "\n".join(out).encode(encoding)
    except UnicodeEncodeError as exc:
        raise OutputError(f"{name}: a translation from the memory holds "
                          f"{exc.object[exc.start]!r}, which the file's charset {encoding} "
                          "cannot hold; convert the catalogue to UTF-8 (msgconv)") from None


def pretranslate_po(path: str, name: str, store: MemoryStore,
                    options: PretranslateOptions) -> PretranslateResult:
    """The catalogue with its untranslated entries filled, and the analysis."""
    catalog, data = _load(path, name)
    languages = resolve_po_languages(catalog.metadata, name=name, header_lines={},
                                     src_lang=options.src_lang, tgt_lang=options.tgt_lang)
    src, tgt = languages.source, languages.target
    filler = PoFiller(MatchFinder(store, src, tgt), options, _nplurals(catalog))
    analysis = Analysis()
    changed: list[polib.POEntry] = []
    for entry in catalog:
        if entry.obsolete or not entry.msgid:
            continue
        if not _is_untranslated(entry):
            analysis.already_translated += 1
            continue
        if entry.msgid_plural:
            score, fill, reason = filler.plural(entry)
        else:
            score, fill = filler.singular(entry)
            reason = "no match" if score is None else "below --min"
        words = text_tokens(entry.msgid).word_count
        analysis.count(score, words + text_tokens(entry.msgid_plural).word_count)
        if fill is None:
            analysis.skipped(reason or "no match")
            continue
        _apply(entry, fill)
        analysis.filled(fill.score)
        changed.append(entry)
    return PretranslateResult(_splice(data, catalog, changed, name), analysis, src, tgt, "po")

