"""What names a block the same way in both languages of a documentation page.

Translators of documentation sites keep heading ids (`{/*try-react*/}` in MDX, `{#setup}` in
Hugo, Jekyll and Docusaurus, `<h2 id="Syntax">` in HTML) and front-matter keys untouched, so
that links and the site's build keep working: such an id names the same heading in the English
page and in its translation, however freely the heading's words were translated. A block's
`ident` is "#" + the heading id, or the front-matter key + ":", or "" (most blocks).
"""
from __future__ import annotations

from collections.abc import Iterable

import regex

from tmtool.model import CodeKind, InlineCode

# The placeholder types of heading ids (`inline.PLACEHOLDER_TYPES`).
ID_CODE_TYPES = frozenset({"x-mdx-comment", "x-anchor"})
_MDX_ID = regex.compile(r"\{/\*\s*([^*{}]+?)\s*\*/\}")
_ATTRIBUTE_ID = regex.compile(r"\{#([\w:.-]+)[^{}\n]*\}")


def heading_ident(heading_id: str) -> str:
    """The ident of a heading whose id is `heading_id` ("" when the id is empty)."""
    heading_id = heading_id.strip()
    return "#" + heading_id if heading_id else ""


def field_ident(key: str) -> str:
    """The ident of a front-matter field."""
    return key + ":"


def id_in_text(text: str) -> str:
    """The heading id written in `text` (`{/*x*/}` or `{#x}`): "" when there is none or more
    than one (a line that holds two headings' ids names neither)."""
    found = {m.group(1) for m in _MDX_ID.finditer(text)} | {m.group(1) for m in _ATTRIBUTE_ID.finditer(text)}
    return found.pop() if len(found) == 1 else ""


def id_in_codes(parts: Iterable[object]) -> str:
    """The heading id held by a heading's placeholder codes ("" when none, or more than one)."""
    natives = " ".join(part.native for part in parts if isinstance(part, InlineCode)
                       and part.kind is CodeKind.STANDALONE and part.type in ID_CODE_TYPES)
    return id_in_text(natives)
