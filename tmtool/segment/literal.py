"""Literal reading: a document as a CAT tool's plain-text filter shows a `.md` or `.txt` file.

Blocks are the blank-line paragraphs of the file (OmegaT's text filter; Markdown structure
inside one, such as a heading line followed by text or consecutive list items, does not split
it). In Markdown, documentation-site syntax (code fences, front matter, MDX imports and
component tags, shortcodes, comments, admonition markers) is no text: it is left out and ends
a paragraph (`sitesyntax.py`); front matter titles and descriptions are blocks of their own.
A segment is the exact source characters of its sentence, markup, block markers, inner line
breaks and hard-break spaces included, trimmed at both ends like OmegaT trims; a sentence with
nothing but site placeholders and markers (`## {{% heading "whatsnext" %}}`) is none. Where
sentences break is decided on the words alone (`wordview.py`), so markup never prevents a
break, and never inside inline code (`codespans.py`).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from tmtool.model import CodeKind, InlineCode, Segment
from tmtool.segment.breaks import CompiledRules
from tmtool.segment.codespans import breaks_around_code, code_spans
from tmtool.segment.idents import field_ident, heading_ident, id_in_text
from tmtool.segment.inline import HARD_BREAK, parse_markdown_inline
from tmtool.segment.sitesyntax import INLINE_SITE_SYNTAX, mask_site_syntax
from tmtool.segment.wordview import WordView, word_view

# A line of only spaces or tabs separates paragraphs, as in Markdown. OmegaT 3.6 [measured]: its
# text filter splits only at empty lines, but its default "Text" SRX rule breaks at a newline
# followed by spaces, so only a tab-only line differs (OmegaT keeps it inside the paragraph).
_BLANK = regex.compile(r"^[ \t]*$")
_HEADING = regex.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_SETEXT = regex.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_QUOTE = regex.compile(r"^ {0,3}>")
_MD_ITEM = regex.compile(r"^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]+\S)")
_TXT_ITEM = regex.compile(r"^\s*(?:[-*•]|\p{N}{1,3}[.)])\s+(?=\S)")
_TABLE_DELIMITER = regex.compile(r"^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_CAPTION_MAX_CHARS = 250
_PLACEHOLDER = regex.compile(INLINE_SITE_SYNTAX + r"|<!--.*?-->", regex.DOTALL)
_WORD = regex.compile(r"[\p{L}\p{N}]")
_ASCII_SPACE = " \t\n\r\f\v"


@dataclass(frozen=True, slots=True)
class LiteralBlock:
    """One blank-line paragraph: its kind, first line (1-based), exact source lines,
    section and ident (as in `documents.Block`)."""

    kind: str
    line: int
    lines: tuple[str, ...]
    section: int = 0
    ident: str = ""

    @property
    def source(self) -> str:
        return "\n".join(self.lines)


def read_literal_blocks(text: str, *, markdown: bool, name: str = "<text>") -> Iterator[LiteralBlock]:
    """The paragraphs of a decoded document, line breaks normalised to "\\n" (OmegaT does the same)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    starts: frozenset[int] = frozenset()
    blanked: frozenset[int] = frozenset()
    section = 0
    if markdown:
        masked = mask_site_syntax(lines, name=name)
        lines, starts, blanked = list(masked.lines), masked.starts, masked.blanked
        for section, field in enumerate(masked.fields):
            yield LiteralBlock("front-matter", field.line, tuple(field.source.split("\n")), section,
                               field_ident(field.key))
        section = len(masked.fields)
    paragraph: list[str] = []
    first = first_section = 0
    after_image = False
    for number, line in enumerate([*lines, ""], 1):
        blank = _BLANK.match(line) is not None
        if paragraph and (blank or number - 1 in starts):
            kind = _kind(paragraph, markdown)
            images_only = markdown and _is_images_only(paragraph)
            if kind == "paragraph" and after_image and not images_only and _short(paragraph):
                kind = "caption"
            ident = heading_ident(id_in_text(paragraph[0])) if kind == "heading" else ""
            yield LiteralBlock(kind, first, tuple(paragraph), first_section, ident)
            after_image = images_only
            paragraph = []
        if number - 1 in blanked or number - 1 in starts:
            section += 1
        if not blank:
            if not paragraph:
                first, first_section = number, section
            paragraph.append(line)


def _kind(lines: list[str], markdown: bool) -> str:
    first = lines[0]
    if not markdown:
        return "list-item" if _TXT_ITEM.match(first) else "paragraph"
    if _HEADING.match(first) or (len(lines) == 2 and _SETEXT.match(lines[1])):
        return "heading"
    if _QUOTE.match(first):
        return "quote"
    if _MD_ITEM.match(first):
        return "list-item"
    if len(lines) > 1 and "|" in first and _TABLE_DELIMITER.match(lines[1]):
        return "table-cell"
    return "paragraph"


def _is_images_only(lines: list[str]) -> bool:
    pieces = parse_markdown_inline("\n".join(lines))
    has_image = False
    for piece in pieces:
        if isinstance(piece, InlineCode):
            has_image = has_image or (piece.kind is CodeKind.STANDALONE and piece.type == "image")
        elif piece is not HARD_BREAK and not (isinstance(piece, str) and not piece.strip()):
            return False
    return has_image


def _short(lines: list[str]) -> bool:
    return sum(len(line.strip()) for line in lines) <= _CAPTION_MAX_CHARS


def segment_literal(block: LiteralBlock, compiled: CompiledRules, *, markdown: bool) -> list[Segment]:
    """The block's sentences as plain-text segments of its exact source characters."""
    source = block.source
    view = word_view(block.lines, markdown=markdown)
    breaks = breaks_around_code(compiled, view.words, code_spans(view.codes))
    cuts = [_cut(source, view, offset) for offset in breaks]
    bounds = [0, *sorted(set(cuts)), len(source)]
    segments = []
    for start, end in itertools.pairwise(bounds):
        # str.strip() trims Unicode spaces too (NBSP, U+2009, U+3000), as OmegaT does [measured].
        sentence = source[start:end].strip()
        if sentence and (not markdown or has_words(sentence)):
            segments.append(Segment.from_text(sentence))
    return segments


def has_words(sentence: str) -> bool:
    """False for a Markdown sentence that is only site placeholders and markers (a heading
    that is only a shortcode, `## {{% heading "whatsnext" %}}`); a sentence with no
    placeholder is kept as a text filter shows it, words or not (`---`)."""
    rest, found = _PLACEHOLDER.subn(" ", sentence)
    return not found or _WORD.search(rest) is not None


def _cut(source: str, view: WordView, offset: int) -> int:
    """Where in `source` a break at `offset` of the words falls: at the whitespace the words'
    space came from (else the first one) between the last character of one sentence and the
    first of the next, so closing markup (`.**`, a link's `](url "title")`) stays with the
    sentence it closes and opening markup (`**Next`) goes with the next."""
    words = view.words
    before = offset - 1
    while before >= 0 and words[before] == " ":
        before -= 1
    after = offset
    while after < len(words) and words[after] == " ":
        after += 1
    if before < 0 or after >= len(words):
        return 0 if before < 0 else len(source)
    start, end = view.origin[before] + 1, view.origin[after]
    for index in range(before + 1, after):  # the words' own space, if it maps into the gap
        if start <= view.origin[index] < end:
            return view.origin[index]
    for position in range(start, end):
        if source[position] in _ASCII_SPACE or source[position].isspace():
            return position
    return start
