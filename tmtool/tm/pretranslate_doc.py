"""Pre-translating a document (Markdown, plain text, HTML, Word, OpenDocument): its sentences
become the units of an XLIFF 1.2 file, targets filled from a memory as for PO and XLIFF.

The document is segmented as `tmtool segment` and `align` do (structure is a hard boundary,
inline markup becomes codes), so a memory aligned from earlier documents matches with the
same codes. Each trans-unit is named `BLOCK.SENTENCE`; a target left empty has the state
`needs-translation`. Without `--src-lang`, the document's letters tell its language: an
English document (under 10 % Cyrillic letters) is translated into Ukrainian, anything else
from Ukrainian into English, so an English page is never labelled and matched as Ukrainian.
A legacy .doc, an RTF or a PDF is refused by the reader, with a line saying how to save it.
"""
from __future__ import annotations

import io

from tmtool.fileio import read_bytes
from tmtool.formats.xliff import STATE
from tmtool.formats.xliff_write import write_xliff
from tmtool.lang.script import script_counts
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
from tmtool.model import Prop, Segment, TranslationUnit, Variant, same_language
from tmtool.segment import format_for_name, read_document
from tmtool.segment.documents import Block
from tmtool.tm.pretranslate import (
    EXACT,
    Analysis,
    MatchFinder,
    PretranslateOptions,
    PretranslateResult,
    adapt_codes,
    score_note,
    word_count,
)
from tmtool.tm.store import MemoryStore

MIN_LETTERS = 20
ENGLISH_MAX_CYRILLIC = 0.1
DATATYPES = {"md": "x-markdown", "txt": "plaintext", "html": "html", "docx": "x-docx",
             "odt": "x-odt"}
# Documents `read_document` reads, and those it refuses with the way out (save as .docx/.odt).
DOCUMENT_EXTENSIONS = (".md", ".markdown", ".mdown", ".mkd", ".mdx", ".txt", ".text", ".html",
                       ".htm", ".xhtml", ".docx", ".docm", ".dotx", ".dotm", ".odt", ".ott",
                       ".fodt", ".doc", ".rtf", ".pdf")


def _unit(number: str, source: Segment, finder: MatchFinder, options: PretranslateOptions,
          analysis: Analysis) -> TranslationUnit:
    match = finder.best(source)
    analysis.count(match.score if match else None, word_count(source))
    target, state = Segment(()), "needs-translation"
    notes: tuple[str, ...] = ()
    if match is None or match.score < options.min_score:
        analysis.skipped("no match" if match is None else "below --min")
    else:
        analysis.filled(match.score)
        target = adapt_codes(match.target, match.source, source)
        state = "translated" if match.score >= EXACT else "needs-review-translation"
        notes = () if match.score >= EXACT else (score_note(match.score),)
    return TranslationUnit((Variant(finder.src_lang, source), Variant(finder.tgt_lang, target)),
                           tuid=number, props=(Prop(STATE, state),), notes=notes)


def _is_english(blocks: list[Block]) -> bool:
    """Whether the document's letters are English ones: under 10 % Cyrillic (a Ukrainian page
    about software may be mostly Latin names and commands, an English one is hardly Cyrillic)."""
    cyrillic, latin = script_counts(" ".join(s.text for b in blocks[:2000] for s in b.segments))
    return cyrillic + latin >= MIN_LETTERS and cyrillic < ENGLISH_MAX_CYRILLIC * (cyrillic + latin)


def pretranslate_document(path: str, name: str, store: MemoryStore,
                          options: PretranslateOptions) -> PretranslateResult:
    """An XLIFF 1.2 of the document's sentences with the targets the memory fills."""
    data, fmt = read_bytes(path), format_for_name(name)
    src, tgt = options.src_lang or DEFAULT_SRC_LANG, options.tgt_lang or DEFAULT_TGT_LANG
    blocks = read_document(data, lang=src, name=name, fmt=fmt)
    english_target = options.tgt_lang is not None and same_language(options.tgt_lang, "en")
    if options.src_lang is None and not english_target and _is_english(blocks):
        src = DEFAULT_TGT_LANG
        tgt = options.tgt_lang or DEFAULT_SRC_LANG
        blocks = read_document(data, lang=src, name=name, fmt=fmt)   # English sentence rules
    finder = MatchFinder(store, src, tgt)
    analysis = Analysis()
    units = [_unit(f"{block_number}.{sentence}", segment, finder, options, analysis)
             for block_number, block in enumerate(blocks, start=1)
             for sentence, segment in enumerate(block.segments, start=1)]
    buffer = io.BytesIO()
    write_xliff(units, buffer, src_lang=src, tgt_lang=tgt, original=name,
                datatype=DATATYPES.get(fmt, "plaintext"))
    return PretranslateResult(buffer.getvalue(), analysis, src, tgt, "document")
