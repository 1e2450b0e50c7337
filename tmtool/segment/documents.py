"""Documents -> `Block`s of sentence `Segment`s: the aligner's view of a file.

Structure is a hard boundary (a sentence never spans two blocks or a hard line break),
except with `markup="literal"`, where blocks are blank-line paragraphs (`literal.py`).
When a sentence break falls inside a bold/italic/link span, the span is NOT closed and
reopened: each segment keeps the codes it holds, so an OPEN or CLOSE whose partner is in
another segment stands unpaired (TMX `<it>`); pair ids are renumbered 1, 2, ... per segment.
"""
from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from tmtool.errors import ConfigError
from tmtool.fileio import decode_html, decode_text
from tmtool.model import CodeKind, InlineCode, Segment
from tmtool.segment.breaks import CompiledRules
from tmtool.segment.codespans import breaks_around_code, code_spans
from tmtool.segment.idents import heading_ident, id_in_codes
from tmtool.segment.inline import HardBreak, Piece, RawBlock
from tmtool.segment.srx import SegmentationRules, load_rules

FORMATS = ("auto", "md", "txt", "html", "docx", "odt", "presegmented")
# codes: inline markup as InlineCodes (TMX bpt/ept/ph); plain: words only; literal: the exact
# source characters, as a CAT tool reading the .md/.txt file as plain text segments it.
MARKUP_MODES = ("codes", "literal", "plain")
BLOCK_KINDS = ("heading", "paragraph", "list-item", "caption", "table-cell", "quote", "line",
               "footnote", "front-matter")
_EXTENSIONS = {
    ".md": "md", ".markdown": "md", ".mdown": "md", ".mkd": "md", ".mdx": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "txt", ".text": "txt",
    # Word and OpenDocument files are read from their bytes (office.py), by content.
    ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx",
    ".odt": "odt", ".ott": "odt", ".fodt": "odt",
}
_HTML_PAGE = regex.compile(r"^\ufeff?\s*(?:<!--.*?-->\s*)*<(?:(!doctype\s+html)|html)[\s>]",
                           regex.IGNORECASE | regex.DOTALL)
_HTML_END = regex.compile(r"</html>\s*$", regex.IGNORECASE)
_SPACE = regex.compile(r"[ \t\n\r\f\v]+")


@dataclass(frozen=True, slots=True)
class Block:
    """One structural block of a document: its kind, its sentences, where it starts.

    `kind` is one of "heading", "paragraph", "list-item", "caption", "table-cell",
    "quote", "line" (presegmented input), "footnote" (a Word/OpenDocument note) or
    "front-matter" (a page's title, description...); `line` is the 1-based line it starts on
    (in .docx/.odt: the paragraph number). `section` counts the pieces of site syntax
    (component tags, admonition or shortcode markers, comments) before the block: blocks of
    different sections are never one unit (a `<Note>` and the paragraph after it). `ident`
    names the block alike in both languages (`idents.py`): "#" + a heading's id, a
    front-matter key + ":", else "".
    """

    kind: str
    segments: tuple[Segment, ...]
    line: int
    section: int = 0
    ident: str = ""


def format_for_name(name: str) -> str:
    """The input format a file name implies: md, html, docx, odt or txt (the default)."""
    return _EXTENSIONS.get(os.path.splitext(name)[1].lower(), "txt")


def sniffed_page(text: str | bytes, fmt: str) -> str:
    """"html" for a .txt or .md file that is a whole HTML page (a page saved under a text
    name, which read as text would put its tags into every segment), else `fmt`."""
    if fmt not in ("txt", "md"):
        return fmt
    head, tail = (text[:1024], text[-64:]) if isinstance(text, str) else (
        text[:1024].decode("utf-8", "replace"), text[-64:].decode("utf-8", "replace"))
    found = _HTML_PAGE.match(head)
    if found and (found.group(1) or _HTML_END.search(tail)):  # a doctype, or <html> ... </html>
        return "html"
    return fmt


def read_document(
    text: str | bytes,
    *,
    lang: str,
    name: str,
    fmt: str = "auto",
    rules: SegmentationRules | None = None,
    markup: str = "codes",
) -> list[Block]:
    """Split a decoded document into blocks of sentences.

    `fmt="presegmented"` gives one Block (kind "line") per input line, empty lines
    included as blocks without segments, so `blocks[i]` is input line i + 1 and the
    aligner's indices refer to input lines; each non-empty line is one segment, only
    trimmed, whatever `markup` says. For every other format, blocks without words are dropped.

    `markup="codes"` keeps inline markup as `InlineCode`s; `"plain"` gives the same
    sentences as text only; `"literal"` (Markdown and plain text, not HTML) reads the file
    as a CAT tool's text filter does: blank-line paragraphs whose segments are plain text
    holding the exact source characters (markup, block markers such as `## ` and inner
    line breaks included); only whitespace-only segments are dropped there.

    `text` may be the file's bytes: text formats are then decoded (`fileio.decode_text`), and
    .docx/.odt (which must be bytes) are read by content; a legacy .doc, an encrypted Office
    file, an RTF or a PDF is an InputError saying to save it as .docx or .odt. In those
    formats `Block.line` is the paragraph number (see `docx.py`).
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown document format {fmt!r} (choose from {', '.join(FORMATS)})")
    if markup not in MARKUP_MODES:
        raise ConfigError(f"unknown markup mode {markup!r} (choose from {', '.join(MARKUP_MODES)})")
    if fmt == "auto":  # literal reads a file as a CAT tool's text filter does: by its name
        fmt = format_for_name(name) if markup == "literal" else sniffed_page(text, format_for_name(name))
    text, fmt = _decode(text, name, fmt)
    if fmt == "presegmented":
        return list(_presegmented(_text_only(text, name)))
    compiled = (rules or load_rules()).compiled(lang)
    if markup == "literal":
        return _literal(_text_only(text, name), fmt, name, compiled)
    blocks: list[Block] = []
    for raw in _office_blocks(text, name) if isinstance(text, bytes) else _raw_blocks(text, fmt, name):
        segments = segment_pieces(raw.pieces, compiled)
        if markup == "plain":
            segments = [Segment.from_text(segment.text.strip()) for segment in segments]
        if segments:
            blocks.append(Block(raw.kind, tuple(segments), raw.line, raw.section, _ident(raw)))
    return blocks


def _decode(data: str | bytes, name: str, fmt: str) -> tuple[str | bytes, str]:
    """A file's bytes: kept for .docx/.odt (by name or content), else decoded text."""
    from tmtool.segment.office import OFFICE_FORMATS, sniff_format

    if isinstance(data, str):
        if fmt in OFFICE_FORMATS:
            raise ConfigError(f"{name}: a Word or OpenDocument file is read from its bytes, not text")
        return data, fmt
    found = sniff_format(data, name=name, fmt=fmt)
    if found in OFFICE_FORMATS:
        return data, fmt if fmt == "presegmented" else found
    if found == "html":
        return decode_html(data, name=name), found
    return decode_text(data, name=name), found


def _text_only(text: str | bytes, name: str) -> str:
    if isinstance(text, bytes):
        raise ConfigError(f"{name}: a Word or OpenDocument file has no lines: --presegmented and "
                          "literal markup are for text files")
    return text


def _office_blocks(data: bytes, name: str) -> Iterator[RawBlock]:
    from tmtool.segment.office import read_office_blocks

    return iter(read_office_blocks(data, name=name))


def _literal(text: str, fmt: str, name: str, compiled: CompiledRules) -> list[Block]:
    from tmtool.segment.literal import read_literal_blocks, segment_literal

    if fmt == "html":
        # A CAT tool reads HTML with an HTML filter (tags become its own tags), never as text.
        raise ConfigError(f"{name}: literal markup is for Markdown and plain text, not HTML (use codes)")
    markdown = fmt == "md"
    blocks: list[Block] = []
    for literal in read_literal_blocks(text, markdown=markdown, name=name):
        segments = segment_literal(literal, compiled, markdown=markdown)
        if segments:
            blocks.append(Block(literal.kind, tuple(segments), literal.line, literal.section, literal.ident))
    return blocks


def _ident(raw: RawBlock) -> str:
    """The reader's ident, else a heading's id among its placeholder codes."""
    if raw.ident or raw.kind != "heading":
        return raw.ident
    return heading_ident(id_in_codes(raw.pieces))


def _raw_blocks(text: str, fmt: str, name: str) -> Iterator[RawBlock]:
    if fmt == "md":
        from tmtool.segment.markdown import read_markdown_blocks

        return read_markdown_blocks(text, name=name)
    if fmt == "html":
        from tmtool.segment.htmldoc import read_html_document

        return read_html_document(text, name=name)
    from tmtool.segment.plaintext import read_plain_blocks

    return read_plain_blocks(text)


def _presegmented(text: str) -> Iterator[Block]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        segments = (Segment.from_text(stripped),) if stripped else ()
        yield Block("line", segments, number)


def split_sentences(text: str, lang: str, rules: SegmentationRules | None = None) -> list[str]:
    """Plain text -> its sentences, each trimmed (no markup handling, no empty strings)."""
    compiled = (rules or load_rules()).compiled(lang)
    bounds = [0, *compiled.breaks(text), len(text)]
    pieces = (text[start:end].strip() for start, end in itertools.pairwise(bounds))
    return [piece for piece in pieces if piece]


def segment_pieces(pieces: Iterable[Piece], compiled: CompiledRules) -> list[Segment]:
    """One block's pieces -> trimmed sentence segments; markup-only segments are dropped."""
    segments: list[Segment] = []
    for run in _runs(pieces):
        text, codes = _flatten_run(run)
        if not text.strip():
            continue
        breaks = breaks_around_code(compiled, text, code_spans(codes))
        bounds = [0, *breaks, len(text)]
        placed: list[list[tuple[int, InlineCode]]] = [[] for _ in range(len(bounds) - 1)]
        for offset, code in codes:
            placed[_segment_of(code, offset, text, breaks)].append((offset, code))
        for index, (start, end) in enumerate(itertools.pairwise(bounds)):
            segment = _build_segment(text, start, end, placed[index])
            if segment is not None:
                segments.append(segment)
    return segments


def _segment_of(code: InlineCode, offset: int, text: str, breaks: list[int]) -> int:
    """Which sentence a code at `offset` belongs to. At a break, or with only whitespace
    between it and a break, an opening code starts the next sentence; closing and
    standalone codes end the previous one ("<b>Hello. </b>World" closes in sentence one)."""
    if code.kind is CodeKind.OPEN:
        index = bisect.bisect_right(breaks, offset)
        if index < len(breaks) and not text[offset:breaks[index]].strip():
            index += 1
        return index
    index = bisect.bisect_left(breaks, offset)
    if code.kind is CodeKind.CLOSE and index and not text[breaks[index - 1]:offset].strip():
        index -= 1
    return index


def _runs(pieces: Iterable[Piece]) -> Iterator[list[Piece]]:
    run: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, HardBreak):
            yield run
            run = []
        else:
            run.append(piece)
    yield run


def _flatten_run(run: list[Piece]) -> tuple[str, list[tuple[int, InlineCode]]]:
    """The run's words with whitespace collapsed, and each code's offset in them."""
    chunks: list[str] = []
    length = 0
    last_space = True
    codes: list[tuple[int, InlineCode]] = []
    for piece in run:
        if isinstance(piece, InlineCode):
            # Spaces on both sides of a code are both kept ("Image ![i](i.png) inline"
            # keeps its two spaces, as a CAT tool shows them), except after a paired code
            # at the run's start; a placeholder there keeps the space after it.
            codes.append((length, piece))
            last_space = not chunks and piece.kind is not CodeKind.STANDALONE
            continue
        assert isinstance(piece, str)
        chunk = _SPACE.sub(" ", piece)
        if last_space and chunk.startswith(" "):
            chunk = chunk[1:]
        if chunk:
            chunks.append(chunk)
            length += len(chunk)
            last_space = chunk.endswith(" ")
    return "".join(chunks), codes


def _build_segment(
    text: str, start: int, end: int, codes: list[tuple[int, InlineCode]]
) -> Segment | None:
    parts: list[str | InlineCode] = []
    cursor = start
    for offset, code in codes:
        offset = min(max(offset, start), end)  # a code moved across whitespace to this sentence
        if offset > cursor:
            parts.append(text[cursor:offset])
            cursor = offset
        parts.append(code)
    if end > cursor:
        parts.append(text[cursor:end])
    _trim(parts)
    segment = Segment(tuple(_renumber(parts)))
    return None if segment.is_empty() else segment


def _trim(parts: list[str | InlineCode]) -> None:
    """Strip whitespace at both ends of the words, across paired codes standing at the edges
    ("<b>  Done. </b>"), but not across a placeholder: the space in "Why? {/*why*/}" or
    "![logo](l.png) Text" separates it from the words and is kept."""
    for indices in (range(len(parts)), range(len(parts) - 1, -1, -1)):
        for index in indices:
            part = parts[index]
            if isinstance(part, InlineCode):
                if part.kind is CodeKind.STANDALONE:
                    break
                continue
            parts[index] = part.lstrip() if indices.step == 1 else part.rstrip()
            if parts[index]:
                break


def _renumber(parts: list[str | InlineCode]) -> Iterator[str | InlineCode]:
    """Pair ids 1, 2, ... in order of appearance; a CLOSE whose OPEN is in another
    segment gets an id of its own."""
    mapping: dict[int | None, int] = {}
    next_id = 1
    for part in parts:
        if isinstance(part, str) or part.kind is CodeKind.STANDALONE:
            yield part
            continue
        if part.kind is CodeKind.CLOSE and part.pair in mapping:
            new_id = mapping.pop(part.pair)
        else:
            new_id = next_id
            next_id += 1
            if part.kind is CodeKind.OPEN:
                mapping[part.pair] = new_id
        yield InlineCode(part.kind, new_id, part.native, part.type)
