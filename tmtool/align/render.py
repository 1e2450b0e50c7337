"""One aligned document of a batch as the bytes its output file holds, and the envelope around them.

A batch writes documents as they finish, so each document is rendered on its own (in the worker
that aligned it) into a fragment appended to the output unchanged: TMX `<tu>` elements, TSV
lines, or one object of the JSON "documents" list. What depends on the whole file (the TMX
header's segtype, the JSON separators) is settled by the writer, so a file assembled from
fragments is byte for byte the file one writer would have written.
"""
from __future__ import annotations

import functools
import io
import json
from dataclasses import dataclass, field
from datetime import datetime

from tmtool import __version__
from tmtool.align.levels import DocumentAlignment
from tmtool.align.output import OutputOptions, document_json, kept_pairs, spans_sentences, tsv_lines
from tmtool.formats.tabular import SCORE_COLUMN, tsv_line
from tmtool.formats.tmx import TmxHeader, write_tmx

BATCH_FORMATS = ("tmx", "tsv", "json")
_TMX_BODY_END = b"\n  </body>"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How every document of a batch is written: the format, the output options, the locales
    (TMX header, TSV header) and the settings echoed in JSON output."""

    fmt: str
    out: OutputOptions
    src_lang: str
    tgt_lang: str
    settings: dict[str, object] = field(default_factory=dict, hash=False)


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """A finished document: its fragment, or the error that made it fail.

    `index` is its 0-based position in the manifest; `spans` is true when one of its units
    joins several segments (the TMX header then says `paragraph`).
    """

    index: int
    fragment: bytes = b""
    pairs: int = 0
    spans: bool = False
    summary: str = ""
    error: str | None = None


@functools.lru_cache(maxsize=8)
def tmx_envelope(src_lang: str, segtype: str, created: datetime | None) -> tuple[bytes, bytes]:
    """(everything `write_tmx` writes before the first unit, everything after the last)."""
    buffer = io.BytesIO()
    header = TmxHeader(srclang=src_lang, segtype=segtype, creationdate=created)
    write_tmx((), buffer, header=header)
    data = buffer.getvalue()
    cut = data.rindex(_TMX_BODY_END)
    return data[:cut], data[cut:]


def _tmx_fragment(doc: DocumentAlignment, options: RenderOptions) -> tuple[bytes, int]:
    from tmtool.align.output import translation_units

    buffer = io.BytesIO()
    header = TmxHeader(srclang=options.src_lang, segtype="sentence", creationdate=options.out.created)
    written = write_tmx(translation_units([doc], options.out), buffer, header=header)
    data = buffer.getvalue()
    head, tail = tmx_envelope(options.src_lang, "sentence", options.out.created)
    if not (data.startswith(head) and data.endswith(tail)):  # the writer changed its layout
        raise AssertionError("write_tmx output does not fit its own envelope")
    return data[len(head):len(data) - len(tail)], written


def render_document(index: int, doc: DocumentAlignment, options: RenderOptions,
                    summary: str) -> RenderedDocument:
    """The document's fragment in `options.fmt`, with its pair count."""
    spans = spans_sentences([doc], options.out.min_score)
    if options.fmt == "tmx":
        fragment, pairs = _tmx_fragment(doc, options)
    elif options.fmt == "json":
        fragment = document_json(doc, options.out).encode("utf-8")
        pairs = sum(1 for _ in kept_pairs(doc, options.out.min_score))
    else:
        lines = tsv_lines([doc], options.out)
        next(lines)  # the header, which `file_head` writes once a file
        fragment = "".join(lines).encode("utf-8")
        pairs = sum(1 for _ in kept_pairs(doc, options.out.min_score))
    return RenderedDocument(index, fragment, pairs, spans, summary)


def file_head(options: RenderOptions, spans: bool) -> bytes:
    """What an output file holds before its first document."""
    if options.fmt == "tmx":
        segtype = "paragraph" if spans else "sentence"
        return tmx_envelope(options.src_lang, segtype, options.out.created)[0]
    if options.fmt == "json":
        head = {"tmtool": __version__, "settings": options.settings}
        return (json.dumps(head, ensure_ascii=False)[:-1] + ', "documents": [\n').encode("utf-8")
    return tsv_line([options.src_lang, options.tgt_lang, SCORE_COLUMN]).encode("utf-8")


def file_tail(options: RenderOptions) -> bytes:
    """What an output file holds after its last document."""
    if options.fmt == "tmx":
        return tmx_envelope(options.src_lang, "sentence", options.out.created)[1]
    return b"\n]}\n" if options.fmt == "json" else b""


def separator(options: RenderOptions, first: bool) -> bytes:
    """What stands between two documents of one file (before every document but the first)."""
    return b",\n" if options.fmt == "json" and not first else b""
