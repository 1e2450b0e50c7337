"""Inline code in sentence breaking: never split inside a code span, and let one open a sentence.

SRX rules see only words, and a code span's text is words to them: they would break after the
`?` of `` `? :` `` and, since `` `useState` `` starts with a lower-case letter, would not break
before "`useState` returns...". So breaks are found on a view of the text where each code span
starts with a capital (same length, so offsets hold), and breaks inside a span are dropped.
Both languages are treated alike, since the rules of both see the same view.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from tmtool.model import CodeKind, InlineCode
from tmtool.segment.breaks import CompiledRules

CODE_TYPE = "x-code"  # backtick spans, <code>, <kbd>


def code_spans(codes: Iterable[tuple[int, InlineCode]]) -> list[tuple[int, int]]:
    """(start, end) offsets of the text between each opening code of type `CODE_TYPE` and its
    closing code, given (offset, code) pairs in text order."""
    opened: dict[int | None, int] = {}
    spans = []
    for offset, code in codes:
        if code.type != CODE_TYPE:
            continue
        if code.kind is CodeKind.OPEN:
            opened[code.pair] = offset
        elif code.kind is CodeKind.CLOSE and code.pair in opened:
            spans.append((opened.pop(code.pair), offset))
    return sorted(spans)


def breaks_around_code(compiled: CompiledRules, text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """Where `text` breaks into sentences, never inside a code span; a span may open a sentence."""
    if not spans:
        return compiled.breaks(text)
    view = list(text)
    for start, end in spans:
        capital = view[start].upper() if start < end else ""
        if len(capital) == 1:
            view[start] = capital
    return [b for b in compiled.breaks("".join(view)) if not any(s < b < e for s, e in spans)]
