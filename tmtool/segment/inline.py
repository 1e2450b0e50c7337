"""Inline markup of one block -> text pieces, `InlineCode`s and hard line breaks.

Markdown emphasis is paired with a simplified CommonMark delimiter algorithm (flanking
runs, innermost match first); HTML tags become codes named after the tag, `<br>` a hard
break. Documentation-site placeholders are one standalone code each: MDX comments used as
heading ids (`{/*getting-started*/}`), `{#custom-id}` attributes, Hugo shortcodes and Liquid
tags. Pair ids here are unique within the block; `documents.py` renumbers them per segment.
"""
from __future__ import annotations

import html
import itertools
from dataclasses import dataclass, field

import regex

from tmtool.model import CodeKind, InlineCode
from tmtool.segment.sitesyntax import SITE_TAG


class HardBreak:
    """A forced line break inside a block: always a segment boundary."""

    def __repr__(self) -> str:
        return "HARD_BREAK"


HARD_BREAK = HardBreak()
Piece = str | InlineCode | HardBreak

# TMX 1.4 names where one exists ("ulined", "image"), else an "x-" name.
_TAG_TYPES = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "cite": "italic",
    "u": "ulined", "ins": "ulined", "a": "link", "sup": "x-sup", "sub": "x-sub",
    "code": "x-code", "kbd": "x-code", "s": "x-strike", "strike": "x-strike", "del": "x-strike",
    "img": "image",
}
VOID_TAGS = frozenset({"img", "hr", "wbr", "input", "area", "embed", "source", "track", "col", "meta", "link"})
_MD_TYPES = {"*": ("italic", "bold"), "_": ("italic", "bold"), "~": ("x-strike", "x-strike")}


@dataclass
class RawBlock:
    """A structural block as a reader found it, before sentence splitting (`section` and
    `ident` as in `documents.Block`)."""

    kind: str
    line: int
    pieces: list[Piece]
    section: int = 0
    ident: str = ""


def tag_type(tag: str) -> str:
    return _TAG_TYPES.get(tag, f"x-html-{tag}")


@dataclass
class PairCounter:
    """Hands out pair ids unique within one block; remembers open HTML tags by name."""

    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    open_tags: dict[str, list[int]] = field(default_factory=dict)

    def new(self) -> int:
        return next(self.ids)

    def html_code(self, tag: str, native: str, closing: bool, self_closing: bool) -> InlineCode:
        if self_closing or tag in VOID_TAGS:
            return InlineCode(CodeKind.STANDALONE, None, native, tag_type(tag))
        stack = self.open_tags.setdefault(tag, [])
        if closing:
            pair = stack.pop() if stack else self.new()
            return InlineCode(CodeKind.CLOSE, pair, native, tag_type(tag))
        pair = self.new()
        stack.append(pair)
        return InlineCode(CodeKind.OPEN, pair, native, tag_type(tag))


@dataclass
class _Delimiter:
    char: str
    count: int
    can_open: bool
    can_close: bool
    original: int
    opens: list[InlineCode] = field(default_factory=list)
    closes: list[InlineCode] = field(default_factory=list)


_TOKEN = regex.compile(
    r"""(?P<mdx_comment>\{/\*.*?\*/\})
    |(?P<anchor>\{\#[\w:.-]+(?:[ \t][^{}\n]*)?\})
    |(?P<site_tag>""" + SITE_TAG + r""")
    |(?P<escape>\\[!-/:-@\[-`{-~])
    |(?P<hard>(?:[ ]{2,}|\\)\n)
    |(?P<newline>[ \t]*\n[ \t]*)
    |(?P<code>(?<!`)(?P<ticks>`+)(?!`)(?P<code_text>.+?)(?<!`)(?P=ticks)(?!`))
    |(?P<image>!\[(?:[^\[\]\\]|\\.)*\](?:\([^()\s]*(?:\s+"[^"]*")?\)|\[[^\]]*\]))
    |(?P<link>\[(?P<link_text>(?:[^\[\]\\]|\\.|\[[^\]]*\])*)\](?P<link_end>\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+"[^"]*")?\)|\[[^\]]*\]))
    |(?P<footnote>\[\^[^\]\s]+\])
    |(?P<autolink><(?P<url>(?:https?|ftp|mailto):[^<>\s]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>)
    |(?P<comment><!--.*?-->)
    |(?P<tag></?(?P<tag_name>[A-Za-z][\w.:-]*)(?:\s(?:[^<>{}]|(?P<braces>\{(?:[^{}]|(?&braces))*\}))*)?/?>)
    |(?P<entity>&(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)
    |(?P<delim>\*+|_+|~+)
    """,
    regex.VERBOSE | regex.DOTALL,
)
_SPECIAL = regex.compile(r"[\\`*_~\[\]<>&!\n{]")
# Standalone code types of the placeholders (TMX `ph`); the "x-" prefix as TMX 1.4 asks.
PLACEHOLDER_TYPES = {"mdx_comment": "x-mdx-comment", "anchor": "x-anchor", "site_tag": "x-site-tag"}
_PUNCT = regex.compile(r"[\p{P}\p{S}]")


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark left- and right-flanking tests for a delimiter run."""
    before_space = before == "" or before.isspace()
    after_space = after == "" or after.isspace()
    before_punct = bool(_PUNCT.match(before)) if before else False
    after_punct = bool(_PUNCT.match(after)) if after else False
    left = not after_space and (not after_punct or before_space or before_punct)
    right = not before_space and (not before_punct or after_space or after_punct)
    return left, right


def parse_markdown_inline(source: str, counter: PairCounter | None = None) -> list[Piece]:
    """Parse one block's inline Markdown (lines joined with "\\n", block markers removed)."""
    if not _SPECIAL.search(source):
        return [source]  # the common case: no markup at all
    counter = counter or PairCounter()
    nodes: list[Piece | _Delimiter] = []
    position = 0
    for match in _TOKEN.finditer(source):
        if match.start() > position:
            nodes.append(source[position:match.start()])
        position = match.end()
        if match.lastgroup == "delim":
            nodes.append(_delimiter(source, match))
        else:
            nodes += _token_pieces(match, counter)
    if position < len(source):
        nodes.append(source[position:])
    _pair_emphasis(nodes, counter)
    return _flatten(nodes)


def _token_pieces(match: regex.Match[str], counter: PairCounter) -> list[Piece]:
    """What one markup token (anything but an emphasis delimiter run) stands for."""
    kind, text = match.lastgroup, match.group()
    if kind == "escape":
        return [text[1]]
    if kind == "hard":
        return [HARD_BREAK]
    if kind == "newline":
        return [" "]
    if kind in PLACEHOLDER_TYPES:
        return [InlineCode(CodeKind.STANDALONE, None, text, PLACEHOLDER_TYPES[kind])]
    if kind in ("image", "footnote", "comment"):
        code_type = {"image": "image", "footnote": "x-footnote", "comment": "x-html-comment"}[kind]
        return [InlineCode(CodeKind.STANDALONE, None, text, code_type)]
    if kind == "tag":
        return [_tag_piece(text, match.group("tag_name").lower(), counter)]
    if kind == "entity":
        return [html.unescape(text)]
    pair = counter.new()
    if kind == "code":
        ticks = match.group("ticks")
        return [InlineCode(CodeKind.OPEN, pair, ticks, "x-code"), match.group("code_text"),
                InlineCode(CodeKind.CLOSE, pair, ticks, "x-code")]
    if kind == "link":
        return [InlineCode(CodeKind.OPEN, pair, "[", "link"),
                *parse_markdown_inline(match.group("link_text"), counter),
                InlineCode(CodeKind.CLOSE, pair, "]" + match.group("link_end"), "link")]
    assert kind == "autolink"
    return [InlineCode(CodeKind.OPEN, pair, "<", "link"), match.group("url"),
            InlineCode(CodeKind.CLOSE, pair, ">", "link")]


def _delimiter(source: str, match: regex.Match[str]) -> _Delimiter:
    """A run of `*`, `_` or `~` with what it may do (CommonMark flanking rules)."""
    text = match.group()
    before = source[match.start() - 1] if match.start() else ""
    after = source[match.end()] if match.end() < len(source) else ""
    left, right = _flanking(before, after)
    if text[0] == "_":  # no intraword emphasis with underscores
        before_punct = bool(before) and bool(_PUNCT.match(before))
        after_punct = bool(after) and bool(_PUNCT.match(after))
        left, right = left and (not right or before_punct), right and (not left or after_punct)
    return _Delimiter(text[0], len(text), left, right, len(text))


def _tag_piece(native: str, tag: str, counter: PairCounter) -> Piece:
    if tag == "br":
        return HARD_BREAK
    closing = native.startswith("</")
    return counter.html_code(tag, native, closing, native.endswith("/>"))


def _pair_emphasis(nodes: list[Piece | _Delimiter], counter: PairCounter) -> None:
    """Match closers with the nearest usable opener, innermost first (CommonMark 6.2)."""
    stack: list[_Delimiter] = []
    for node in nodes:
        if not isinstance(node, _Delimiter):
            continue
        while node.can_close and node.count:
            opener_index = _find_opener(stack, node)
            if opener_index is None:
                break
            opener = stack[opener_index]
            used = 2 if opener.count >= 2 and node.count >= 2 else 1
            if node.char == "~" and used != 2:
                break
            del stack[opener_index + 1:]
            pair = counter.new()
            code_type = _MD_TYPES[node.char][used - 1]
            native = node.char * used
            opener.opens.insert(0, InlineCode(CodeKind.OPEN, pair, native, code_type))
            node.closes.append(InlineCode(CodeKind.CLOSE, pair, native, code_type))
            opener.count -= used
            node.count -= used
            if opener.count == 0:
                stack.pop()
        if node.count and node.can_open:
            stack.append(node)


def _find_opener(stack: list[_Delimiter], closer: _Delimiter) -> int | None:
    for index in range(len(stack) - 1, -1, -1):
        opener = stack[index]
        if opener.char != closer.char or not opener.count:
            continue
        both = (opener.can_open and opener.can_close) or (closer.can_open and closer.can_close)
        if both and (opener.original + closer.original) % 3 == 0 and (
            opener.original % 3 or closer.original % 3
        ):
            continue
        return index
    return None


def _flatten(nodes: list[Piece | _Delimiter]) -> list[Piece]:
    out: list[Piece] = []
    for node in nodes:
        if isinstance(node, _Delimiter):
            out += node.closes
            if node.count:
                out.append(node.char * node.count)
            out += node.opens
        else:
            out.append(node)
    return out
