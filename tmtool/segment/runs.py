"""Formatted text runs of a Word or OpenDocument paragraph -> pieces with paired inline codes.

Word splits one visibly uniform stretch of text into many runs (at every revision id,
spelling mark, bookmark or language change); LibreOffice splits spans likewise. So codes
are never made per run: the reader reports each chunk of text with its formatting, and codes
open and close only where the formatting really changes. A chunk of spaces, or a standalone
code such as a footnote reference, takes only the formatting its two neighbours share, so
"<b>Hello</b>␠<b>world</b>" is one bold stretch and a superscript note mark gets no <sup>.
Codes are HTML-like (`<b>`, `<a href="...">`) and typed like the HTML reader's, so the
aligner compares markup across formats; they nest properly, links outermost.
"""
from __future__ import annotations

import functools
import html
from collections.abc import Iterable
from dataclasses import dataclass

from tmtool.model import CodeKind, InlineCode
from tmtool.segment.inline import HARD_BREAK, HardBreak, PairCounter, Piece

# Code types in the order they open (outermost first), with their HTML-like native markup.
FLAG_TAGS = {"bold": "b", "italic": "i", "ulined": "u", "x-strike": "s", "x-sup": "sup", "x-sub": "sub"}
_ORDER = {name: index for index, name in enumerate(("link", *FLAG_TAGS))}


@dataclass(frozen=True, slots=True)
class Format:
    """What codes a chunk of text stands inside: flags (code types) and a link target."""

    flags: frozenset[str] = frozenset()
    link: str | None = None

    def common(self, other: Format) -> Format:
        return Format(self.flags & other.flags, self.link if self.link == other.link else None)

    def codes(self) -> tuple[tuple[str, str], ...]:
        """(code type, native opening markup), outermost first."""
        return _codes(self)


@functools.lru_cache(maxsize=4096)
def _codes(fmt: Format) -> tuple[tuple[str, str], ...]:
    opened = [("link", f'<a href="{html.escape(fmt.link)}">')] if fmt.link is not None else []
    flags = sorted(fmt.flags, key=_ORDER.__getitem__)
    return tuple(opened + [(flag, f"<{FLAG_TAGS[flag]}>") for flag in flags])


PLAIN = Format()
Item = tuple[str, Format] | InlineCode | HardBreak


class RunCollector:
    """Collects one paragraph's chunks, standalone codes and hard breaks, in order."""

    def __init__(self) -> None:
        self.items: list[Item] = []

    def text(self, text: str, fmt: Format) -> None:
        """Add text; spaces at its edges are kept apart, to be settled like any spaces, so
        codes hug the words wherever the runs were cut ("<b>Hello </b>" = "<b>Hello</b> ")."""
        core = text.strip()
        if not core:
            if text:
                self.items.append((text, fmt))
            return
        start = text.index(core[0])
        if start:
            self.items.append((text[:start], fmt))
        self.items.append((core, fmt))
        if start + len(core) < len(text):
            self.items.append((text[start + len(core):], fmt))

    def code(self, code: InlineCode) -> None:
        self.items.append(code)

    def hard_break(self) -> None:
        self.items.append(HARD_BREAK)

    def has_text(self) -> bool:
        return any(isinstance(item, tuple) and item[0].strip() for item in self.items)

    def pieces(self) -> list[Piece]:
        """The pieces with codes paired: open where formatting starts, close where it ends."""
        out: list[Piece] = []
        counter = PairCounter()
        stack: list[tuple[str, str, int]] = []  # (type, native, pair) of the open codes
        for item, fmt in zip(self.items, _settled(self.items)):
            _switch(stack, fmt, out, counter)  # at a hard break: PLAIN, so each line keeps its pairs
            out.append(item[0] if isinstance(item, tuple) else item)
        _switch(stack, PLAIN, out, counter)
        return out


def _settled(items: list[Item]) -> list[Format]:
    """The formatting each item stands in. Text with words keeps its own; a chunk of spaces
    or a standalone code takes what the nearest worded chunks on both sides (within the
    line) have in common, a line's edge counting as plain."""
    before: list[Format] = []
    last = PLAIN
    for item in items:
        if isinstance(item, HardBreak):
            last = PLAIN
        before.append(last)
        if isinstance(item, tuple) and item[0].strip():
            last = item[1]
    settled: list[Format] = [PLAIN] * len(items)
    following = PLAIN
    for index in range(len(items) - 1, -1, -1):
        item = items[index]
        if isinstance(item, HardBreak):
            following = PLAIN
        elif isinstance(item, tuple) and item[0].strip():
            settled[index] = following = item[1]
        else:
            settled[index] = before[index].common(following)
    return settled


def _switch(stack: list[tuple[str, str, int]], fmt: Format, out: list[Piece],
            counter: PairCounter) -> None:
    """Close the open codes `fmt` does not keep (and those opened inside them), then open
    what `fmt` adds."""
    wanted = fmt.codes()
    keep = 0
    while keep < len(stack) and (stack[keep][0], stack[keep][1]) in wanted:
        keep += 1
    while len(stack) > keep:
        code_type, native, pair = stack.pop()
        out.append(InlineCode(CodeKind.CLOSE, pair, _closing(code_type, native), code_type))
    open_now = {(code_type, native) for code_type, native, _ in stack}
    for code_type, native in wanted:
        if (code_type, native) not in open_now:
            pair = counter.new()
            stack.append((code_type, native, pair))
            out.append(InlineCode(CodeKind.OPEN, pair, native, code_type))


def _closing(code_type: str, native: str) -> str:
    return "</a>" if code_type == "link" else "</" + native[1:]


def standalone(native: str, code_type: str) -> InlineCode:
    return InlineCode(CodeKind.STANDALONE, None, native, code_type)


def plain_text(pieces: Iterable[Piece]) -> str:
    """The words of pieces, a hard break read as a space (for lint, which counts columns)."""
    return "".join(p if isinstance(p, str) else " " if isinstance(p, HardBreak) else "" for p in pieces)
