"""Pre-translating a document (Markdown, plain text, HTML, Word, OpenDocument): its sentences
become the units of an XLIFF 1.2 file, targets filled from a memory as for PO and XLIFF.

The document is segmented as `tmtool segment` and `align` do (structure is a hard boundary,
inline markup becomes codes), so a memory aligned from earlier documents matches with the
same codes. Each trans-unit is named `BLOCK.SENTENCE`; a target left empty has the state
`needs-translation`. A legacy .doc, an RTF or a PDF is refused by the reader, with a line
saying how to save it.
"""
from __future__ import annotations

import io

from tmtool.fileio import read_bytes
from tmtool.formats.xliff import STATE
from tmtool.formats.xliff_write import write_xliff
from tmtool.locales import DEFAULT_SRC_LANG, DEFAULT_TGT_LANG
from tmtool.model import Prop, Segment, TranslationUnit, Variant
from tmtool.segment import format_for_name, read_document
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


def pretranslate_document(path: str, name: str, store: MemoryStore,
                          options: PretranslateOptions) -> PretranslateResult:
    """An XLIFF 1.2 of the document's sentences with the targets the memory fills."""
    src = options.src_lang or DEFAULT_SRC_LANG
    tgt = options.tgt_lang or DEFAULT_TGT_LANG
    fmt = format_for_name(name)
    blocks = read_document(read_bytes(path), lang=src, name=name, fmt=fmt)
    finder = MatchFinder(store, src, tgt)
    analysis = Analysis()
    units = [_unit(f"{block_number}.{sentence}", segment, finder, options, analysis)
             for block_number, block in enumerate(blocks, start=1)
             for sentence, segment in enumerate(block.segments, start=1)]
    buffer = io.BytesIO()
    write_xliff(units, buffer, src_lang=src, tgt_lang=tgt, original=name,
                datatype=DATATYPES.get(fmt, "plaintext"))
    return PretranslateResult(buffer.getvalue(), analysis, src, tgt, "document")
