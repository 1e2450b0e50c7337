"""A segment's markup written back as text, every span closed: for outputs without codes (TSV).

When a sentence break falls inside a bold or link span, each segment keeps the codes it holds
(`documents.py`), which TMX writes as `<it>`; written back as plain text, "**One." and
"Two**" would leave `**` opened in one cell and closed in the next. Here an opening code
without its partner in the text gets its closing markup at the end, and a closing code its
opening markup at the start ("**One.**", "**Two**"); where the partner cannot be known (a link's
target, an autolink), the lone code is left out, never a half of it.
"""
from __future__ import annotations

import regex

from tmtool.model import CodeKind, InlineCode, Segment

_TAG = regex.compile(r"</?([A-Za-z][\w.:-]*)")
_REPEATED = regex.compile(r"^([*_~`])\1*$")  # emphasis, strike-through, code: closed by itself


def _family(code: InlineCode) -> str:
    """What a code must meet to be closed: its own native for Markdown runs, the tag name for
    HTML, "link" for links."""
    tag = _TAG.match(code.native)
    if tag is not None:
        return "tag:" + tag.group(1).lower()
    if code.type == "link":
        return "link"
    return code.native


def _partner(code: InlineCode) -> str | None:
    """The markup that closes an opening code or opens a closing one, when it can be known."""
    if _REPEATED.match(code.native):
        return code.native
    tag = _TAG.match(code.native)
    if tag is not None:
        return f"</{tag.group(1)}>" if code.kind is CodeKind.OPEN else f"<{tag.group(1)}>"
    if code.type == "link" and code.kind is CodeKind.CLOSE and code.native.startswith("]"):
        return "["
    return None


def balanced_native_text(segment: Segment) -> str:
    """The segment's text with its markup in place and every span closed within it."""
    out: list[str] = []
    open_codes: list[tuple[int, InlineCode]] = []  # (position in out, code) still open
    lone_closes: list[InlineCode] = []
    for part in segment.parts:
        if isinstance(part, str) or part.kind is CodeKind.STANDALONE:
            out.append(part if isinstance(part, str) else part.native)
            continue
        if part.kind is CodeKind.OPEN:
            open_codes.append((len(out), part))
            out.append(part.native)
            continue
        family = _family(part)
        match = next((k for k in range(len(open_codes) - 1, -1, -1) if _family(open_codes[k][1]) == family), None)
        if match is not None:
            del open_codes[match]
            out.append(part.native)
        elif _partner(part) is not None:
            lone_closes.append(part)
            out.append(part.native)
    for position, code in reversed(open_codes):
        partner = _partner(code)
        if partner is None:
            out[position] = ""  # a link whose target is in another segment: its "[" goes
        else:
            out.append(partner)
    return "".join(_partner(code) or "" for code in reversed(lone_closes)) + "".join(out)
