"""HTML -> blocks with the standard library's tolerant `html.parser` (HTML is not XML, so
`safexml` does not apply; nothing is fetched or expanded beyond character references).

Block elements (p, h1-h6, li, td/th, blockquote, figcaption/caption, dt/dd) are blocks;
text loose in a container (div, section, body) is a paragraph, and a <p> inside a list item,
cell, quote or caption takes that kind; other tags are inline codes.
Script, style, head, pre and template content is skipped. Site syntax in the text (MDN macros
`{{jsxref("Array")}}`, Hugo shortcodes, Liquid tags) stays text, as a CAT tool's HTML filter
shows it, so that units match what the tool segments; a block of nothing else is no text.
A file's front matter gives front-matter blocks (`read_html_document`).
"""
from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

import regex

from tmtool.segment.frontmatter import read_front_matter
from tmtool.segment.idents import field_ident, heading_ident
from tmtool.segment.inline import HARD_BREAK, PairCounter, RawBlock
from tmtool.segment.sitesyntax import SITE_TAG

_BLOCK_KINDS = {
    "p": "paragraph", "li": "list-item", "td": "table-cell", "th": "table-cell",
    "figcaption": "caption", "caption": "caption", "dt": "paragraph", "dd": "paragraph",
    "blockquote": "quote", "summary": "paragraph", "address": "paragraph",
    **{f"h{level}": "heading" for level in range(1, 7)},
}
_CONTAINERS = frozenset({
    "html", "body", "div", "section", "article", "header", "footer", "aside", "nav", "main",
    "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "figure", "details", "center",
    "hr", "form", "fieldset",
})
# Elements whose kind a <p> or loose text inside them takes (<li><p>..</p></li> is a list item).
_ENCLOSING = frozenset({"li", "td", "th", "blockquote", "figcaption", "caption"})
_SITE_TAG = regex.compile(SITE_TAG, regex.DOTALL)  # MDN macros, Hugo shortcodes, Liquid tags in the text
_WORD = regex.compile(r"[\p{L}\p{N}]")
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
SKIPPED_ELEMENTS = frozenset({"script", "style", "head", "pre", "template", "noscript", "svg", "math"})


def read_html_document(text: str, *, name: str) -> Iterator[RawBlock]:
    """A whole HTML file: the front matter some sites keep even in HTML pages (MDN, Jekyll,
    Hugo: `---` lines first) gives front-matter blocks as in Markdown; the rest is HTML."""
    lines = text.split("\n")
    end, fields = read_front_matter(lines, name=name)
    for field in fields:
        yield RawBlock("front-matter", field.line, [field.value], ident=field_ident(field.key))
    yield from read_html_blocks("\n".join(lines[end:]), first_line=end + 1)


def _has_words(block: RawBlock) -> bool:
    """False for a block whose text is only site syntax (`<p>{{Compat("x.y")}}</p>`)."""
    text = "".join(piece for piece in block.pieces if isinstance(piece, str))
    return _WORD.search(_SITE_TAG.sub(" ", text)) is not None


def read_html_blocks(text: str, *, first_line: int = 1) -> Iterator[RawBlock]:
    reader = _HtmlReader(first_line)
    reader.feed(text)
    reader.close()
    reader.flush()
    return iter(reader.out)


class _HtmlReader(HTMLParser):
    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.out: list[RawBlock] = []
        self.block: RawBlock | None = None
        self.counter = PairCounter()
        self.skip_depth = 0
        self.context: list[str] = []  # kinds of the open li/td/th/blockquote/figcaption

    def _line(self) -> int:
        return self.getpos()[0] + self.first_line - 1

    def flush(self) -> None:
        if self.block is not None and self.block.pieces and _has_words(self.block):
            self.out.append(self.block)
        self.block = None

    def _open_block(self, kind: str) -> None:
        self.flush()
        if kind == "paragraph" and self.context:
            kind = self.context[-1]
        self.block = RawBlock(kind, self._line(), [])
        self.counter = PairCounter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, self.get_starttag_text() or f"<{tag}>", self_closing=False)
        if self.block is not None and tag in _HEADINGS and not self.skip_depth:
            self.block.ident = heading_ident(dict(attrs).get("id") or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, self.get_starttag_text() or f"<{tag}/>", self_closing=True)

    def _start(self, tag: str, native: str, *, self_closing: bool) -> None:
        if tag in SKIPPED_ELEMENTS:
            if not self_closing:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in _ENCLOSING:
            self.context.append(_BLOCK_KINDS[tag])
        if tag in _BLOCK_KINDS:
            self._open_block(_BLOCK_KINDS[tag])
        elif tag in _CONTAINERS:
            self.flush()
        elif tag == "br":
            if self.block is not None:
                self.block.pieces.append(HARD_BREAK)
        else:
            if self.block is None:
                self._open_block("paragraph")
            assert self.block is not None
            self.block.pieces.append(self.counter.html_code(tag, native, False, self_closing))

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_ELEMENTS:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if self.skip_depth:
            return
        if tag in _ENCLOSING and _BLOCK_KINDS[tag] in self.context:
            kind = _BLOCK_KINDS[tag]
            del self.context[len(self.context) - 1 - self.context[::-1].index(kind)]
        if tag in _BLOCK_KINDS or tag in _CONTAINERS:
            self.flush()
        elif tag != "br" and self.block is not None:
            self.block.pieces.append(self.counter.html_code(tag, f"</{tag}>", True, False))

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.block is None:
            if not data.strip():
                return
            self._open_block("paragraph")
        assert self.block is not None
        if not self.block.pieces:
            self.block.line = self._line() + data[: len(data) - len(data.lstrip())].count("\n")
        self.block.pieces.append(data)
