"""Prose out of plain text and Markdown for linting: markup that is not prose (code, URLs,
HTML tags and comments, emphasis markers) and documentation-site syntax (MDX imports and
components, heading ids, shortcodes, admonition markers, conflict markers: `segment.sitesyntax`)
is overwritten with spaces, and the text is cut into blocks (paragraphs, headings, list items,
table rows). Front matter is not prose, but its reader-facing fields (title, description...)
are, and come back as fields of their own.

Decision: markup is blanked, never removed, so every character keeps its line and column
and findings point at the exact place in the file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from tmtool.segment.frontmatter import FrontMatterField
from tmtool.segment.sitesyntax import INLINE_SITE_SYNTAX, mask_site_syntax

_INLINE = re.compile(
    r"<!--.*?-->"                                   # HTML comments (suppressions live here)
    r"|" + INLINE_SITE_SYNTAX +                     # heading ids, shortcodes inside a line
    r"|(`+).+?\1"                                   # code spans
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"             # link/image destinations
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"    # HTML tags
    r"|<[a-z][a-z0-9+.-]*:[^<>\s]*>"                # autolinks
    r"|\b(?:https?|ftp)://[^\s<>()]+"               # bare URLs
    r"|\[\^[^\]\s]+\]:?"                            # footnote labels [^1] and [^1]:
    r"|\\[!-/:-@\[-`{-~]"                           # backslash escapes
    r"|!?\[(?=[^\]\n]*\])"                          # link text openers
    r"|\*+|~~|(?<!\w)_+|_+(?!\w)",                  # emphasis markers
    re.DOTALL,
)
# In MDX, braces hold a JavaScript expression ({props.title}, {'{'}), never prose; in other
# Markdown they are text.
_JSX_EXPRESSION = re.compile(r"\{(?:'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`|[^{}\n'\"`])*\}")
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+.*$", re.MULTILINE)  # not footnotes: prose
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_BLOCK_START = re.compile(r"^ {0,3}(?:#{1,6}(?:\s|$)|[-+*]\s|\d{1,9}[.)]\s|\|)")


def blank(text: str) -> str:
    """The same text with every character but newlines turned into a space."""
    return re.sub(r"[^\n]", " ", text)


def _blank_match(match: re.Match[str]) -> str:
    return blank(match.group(0))


def markdown_prose(text: str, *, name: str = "") -> str:
    """Markdown with its non-prose markup blanked out (same length, same line breaks)."""
    return markdown_page(text, name=name)[0]


def markdown_page(text: str, *, name: str = "") -> tuple[str, tuple[FrontMatterField, ...]]:
    """The page's prose (as `markdown_prose`) and its front matter's text fields. A front
    matter that looks like fields but is not YAML is refused (InputError naming its line)."""
    masked = mask_site_syntax(text.split("\n"), name=name)
    prose = _INLINE.sub(_blank_match, _REFERENCE.sub(_blank_match, "\n".join(masked.lines)))
    if name.lower().endswith(".mdx"):
        prose = _JSX_EXPRESSION.sub(_blank_match, prose)
    return prose, masked.fields


def text_prose(text: str) -> str:
    """Plain text with only HTML comments (inline suppressions) blanked out."""
    return re.sub(r"<!--.*?-->", _blank_match, text, flags=re.DOTALL)


def split_blocks(text: str, *, markdown: bool) -> Iterator[tuple[int, str]]:
    """(first line, text) of each block: lines between blank lines; in Markdown a heading,
    list item, table row or quote also starts a new block (so no sentence runs across)."""
    start = 0
    block: list[str] = []
    for number, line in enumerate(text.split("\n")):
        if not line.strip():
            if block:
                yield start + 1, "\n".join(block)
            block = []
            continue
        if block and markdown and (_BLOCK_START.match(line) or _HEADING.match(block[-1])):
            yield start + 1, "\n".join(block)
            block = []
        if not block:
            start = number
        block.append(line)
    if block:
        yield start + 1, "\n".join(block)
