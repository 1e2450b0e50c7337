"""Documentation-site syntax around Markdown: what a docs page holds besides its text.

MDX pages (react.dev, Docusaurus, Nextra), Hugo and Jekyll pages wrap Markdown in front matter,
ESM `import`/`export` lines, JSX component tags (`<Note>`, multi-line `<Diagram ...>`), shortcodes
and Liquid tags on lines of their own, HTML comments, admonition fences (`:::tip Title` ... `:::`),
code fences, and the conflict markers an unfinished merge leaves in a translated file. `mask_site_syntax` blanks all of it with spaces, so line numbers and columns stay
exact (literal mode cuts segments out of the masked lines), and lists the lines where a new block
must start: both Markdown readers see only text, and every such construct is a block boundary.
Components and shortcodes inside a line of text stay there as inline codes (`inline.py`).
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from tmtool.segment.frontmatter import FrontMatterField, read_front_matter

_FENCE = regex.compile(r"^[ \t]*(?:(?P<fence>`{3,})[^`]*|(?P<fence>~{3,}).*)$")
_ESM = regex.compile(
    r"^(?:import\b(?=\s*(?:['\"{*]|[\w$]+\s*(?:,|from\b)))"
    r"|export\b(?=\s*(?:default|const|let|var|function|async|class)\b|\s*[{*]))"
)
# Hugo shortcodes {{< x >}} {{% x %}}, Liquid tags {% x %} and output {{ x }}, kramdown {: .x}
# (a tag never runs past its own closing braces, so text between a pair of tags on one line,
# {{% notice %}}Text{{% /notice %}}, is not taken for one long tag)
SITE_TAG = (r"\{\{[<%](?:(?!\}\}).)*?[%>]\}\}|\{%-?(?:(?!%\}).)*?-?%\}|\{\{(?:(?!\}\}).)*?\}\}"
            r"|\{:[^{}\n]*\}")
# ... and, inside a line of text, MDX comments (heading ids {/*id*/}) and attribute ids {#id}
INLINE_SITE_SYNTAX = SITE_TAG + r"|\{/\*.*?\*/\}|\{#[^{}\n]*\}"
_SITE_TAGS_LINE = regex.compile(r"^[ \t]*(?:(?:" + SITE_TAG + r")[ \t]*)+$")
# Pairs whose content is code or a comment, never text.
_SKIPPED_PAIRS = (
    (regex.compile(r"^[ \t]*\{%-?\s*(comment|highlight)\b"), r"\{{%-?\s*end{name}\s*-?%\}}"),
    (regex.compile(r"^[ \t]*\{\{[<%]\s*(highlight|code)\b"), r"\{{\{{[<%]\s*/\s*{name}\s*[%>]\}}\}}"),
    (regex.compile(r"^[ \t]*\{\{/\*()"), r"\*/\}}\}}"),
)
_ADMONITION = regex.compile(r"^[ \t]*:{3,}[ \t]*(?:[\w-]+|\{[^{}\n]*\})?[ \t]*\[?(?P<title>.*?)\]?[ \t]*$")
_COMMENT_END = regex.compile(r"-->")
_COMPONENT = regex.compile(r"<(/?)([A-Z][\w.:-]*)")  # MDX components start with a capital
_TRAILING_CLOSE = regex.compile(r"(?:</[A-Z][\w.:-]*>[ \t]*)+$")
_CONFLICT_OPEN = regex.compile(r"^<{7}(?:[ \t].*)?$")
_CONFLICT_MIDDLE = regex.compile(r"^(?:={7}|\|{7}(?:[ \t].*)?)[ \t]*$")
_CONFLICT_CLOSE = regex.compile(r"^>{7}(?:[ \t].*)?$")
MAX_TAG_CHARS = 4000  # a component tag longer than this is taken for text, not a tag


@dataclass(frozen=True, slots=True)
class MaskedLines:
    """The document's lines with site syntax blanked (same count, same lengths), the 0-based
    indices of lines that must start a new block and of lines where something was blanked,
    and the front matter's text fields."""

    lines: tuple[str, ...]
    starts: frozenset[int]
    fields: tuple[FrontMatterField, ...]
    blanked: frozenset[int] = frozenset()


def mask_site_syntax(lines: Sequence[str], *, name: str, front_matter: bool = True) -> MaskedLines:
    """Blank everything in `lines` that is site syntax rather than text (see the module)."""
    masker = _Masker(lines)
    markers = conflict_markers(lines)  # first: a conflict may start inside the front matter
    for marker in markers:
        masker.blank(masker.offsets[marker], masker.offsets[marker + 1] - 1)
    unmarked = [masker.line(k) for k in range(len(lines))] if markers else lines
    index, fields = read_front_matter(unmarked, name=name) if front_matter else (0, [])
    if index:
        masker.blank(0, masker.offsets[index])
    while index < len(lines):
        index = masker.step(index)
    return MaskedLines(tuple(masker.text().split("\n")), frozenset(masker.starts), tuple(fields),
                       frozenset(masker.blanked))


def conflict_markers(lines: Sequence[str]) -> list[int]:
    """The indices of version-control conflict marker lines (`<<<<<<< HEAD`, `=======`,
    `>>>>>>> 4928421`) that an unfinished merge left in a file: markup, never text. A
    `=======` line counts only between an opening and a closing marker (elsewhere it
    underlines a heading)."""
    found: list[int] = []
    opened: list[int] = []
    for index, line in enumerate(lines):
        if _CONFLICT_OPEN.match(line):
            opened = [index]
        elif opened and _CONFLICT_MIDDLE.match(line):
            opened.append(index)
        elif opened and _CONFLICT_CLOSE.match(line):
            found += [*opened, index]
            opened = []
    return found


def tag_end(text: str, start: int) -> int | None:
    """The offset just past the `>` of the JSX tag opening at `start`, or None when it does not
    close: quoted attribute values and `{...}` expressions (which may hold `>`, as in
    `onClick={() => go()}`, or nested JSX) are skipped; a blank line ends the search."""
    depth, quote = 0, ""
    limit = min(len(text), start + MAX_TAG_CHARS)
    position = start + 1
    while position < limit:
        char = text[position]
        if quote:
            if char == "\\":
                position += 1
            elif char == quote:
                quote = ""
        elif char == '"' or char == "'" or (char == "`" and depth):
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0 and char == ">":
            return position + 1
        elif depth == 0 and (char == "<" or text.startswith("\n\n", position)):
            return None
        position += 1
    return None


class _Masker:
    def __init__(self, lines: Sequence[str]) -> None:
        # Searches look forward, where nothing is blanked yet: they read the source.
        self.source = "\n".join(lines)
        self.chars = list(self.source)
        self.offsets = [0]
        for line in lines:
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.starts: set[int] = set()
        self.blanked: set[int] = set()

    def text(self) -> str:
        return "".join(self.chars)

    def line(self, index: int) -> str:
        return "".join(self.chars[self.offsets[index]:self.offsets[index + 1] - 1])

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.offsets, offset) - 1

    def blank(self, start: int, end: int) -> None:
        """Blank [start, end) and mark where the text after it starts a block: the rest of the
        last line when it holds text, else the next line."""
        for position in range(start, min(end, len(self.chars))):
            if self.chars[position] != "\n":
                self.chars[position] = " "
        if end > start:
            self.blanked.update(range(self.line_of(start), self.line_of(min(end, len(self.chars)) - 1) + 1))
        last = self.line_of(max(start, min(end, len(self.chars)) - 1))
        rest_start = min(end, self.offsets[last + 1] - 1)
        rest = "".join(self.chars[rest_start:self.offsets[last + 1] - 1])
        self.starts.add(last if rest.strip() and end > start else last + 1)

    def step(self, index: int) -> int:
        """Blank the site syntax that starts on line `index`; the next line to look at."""
        line = self.line(index)
        if not line.strip():
            return index + 1
        for handler in (self._fence, self._comment, self._skipped_pair, self._site_tags,
                        self._esm, self._admonition, self._components):
            found = handler(index, line)
            if found is not None:
                return found
        self._trailing_components(index, line)
        return index + 1

    def _indent(self, index: int, line: str) -> int:
        return self.offsets[index] + len(line) - len(line.lstrip(" \t"))

    def _blank_through(self, start: int, closing: regex.Pattern[str], after: int) -> int:
        """Blank from `start` through the first match of `closing` at or after `after` (or to the
        end of the document); the line it ends on, to look again at what follows there."""
        found = closing.search(self.source, after)
        end = found.end() if found is not None else len(self.chars)
        self.blank(start, end)
        return self.line_of(end - 1)

    def _fence(self, index: int, line: str) -> int | None:
        opened = _FENCE.match(line)
        if opened is None:
            return None
        fence = opened.group("fence")
        closing = regex.compile(r"^[ \t]*" + regex.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        last = index + 1
        while last < len(self.offsets) - 1 and not closing.match(self.line(last)):
            last += 1
        self.blank(self.offsets[index], self.offsets[min(last + 1, len(self.offsets) - 1)] - 1)
        return last + 1

    def _comment(self, index: int, line: str) -> int | None:
        if not line.lstrip(" \t").startswith("<!--"):
            return None
        start = self._indent(index, line)
        return self._blank_through(start, _COMMENT_END, start + len("<!--"))

    def _skipped_pair(self, index: int, line: str) -> int | None:
        for opening, closing in _SKIPPED_PAIRS:
            found = opening.match(line)
            if found is not None:
                pattern = regex.compile(closing.format(name=regex.escape(found.group(1))))
                return self._blank_through(self._indent(index, line), pattern, self.offsets[index] + found.end())
        return None

    def _site_tags(self, index: int, line: str) -> int | None:
        if not _SITE_TAGS_LINE.match(line):
            return None
        self.blank(self.offsets[index], self.offsets[index + 1] - 1)
        return index + 1

    def _esm(self, index: int, line: str) -> int | None:
        if not _ESM.match(line) or (index and self.line(index - 1).strip()):
            return None
        last = index
        while last + 1 < len(self.offsets) - 1 and self.line(last + 1).strip():
            last += 1
        self.blank(self.offsets[index], self.offsets[last + 1] - 1)
        return last + 1

    def _admonition(self, index: int, line: str) -> int | None:
        found = _ADMONITION.match(line)
        if found is None:
            return None
        start = self.offsets[index]
        self.blank(start, start + found.start("title"))
        self.blank(start + found.end("title"), self.offsets[index + 1] - 1)
        if found.group("title").strip():
            self.starts.add(index)  # the title is a block of its own
        return index + 1

    def _components(self, index: int, line: str) -> int | None:
        """Component tags that open a line: blanked unless they are inline (`<Kbd>Ctrl</Kbd>
        opens it`, or self-closing before text); the text after them starts a block."""
        position = self._indent(index, line)
        if not _COMPONENT.match(self.source, position):
            return None
        chain: list[tuple[str, str]] = []  # (name, "open" | "close" | "self") of each tag
        while True:
            found = _COMPONENT.match(self.source, position)
            end = tag_end(self.source, position) if found else None
            if found is None or end is None:
                break
            kind = "close" if found.group(1) else "self" if self.source[end - 2] == "/" else "open"
            chain.append((found.group(2), kind))
            position = end
            while position < len(self.source) and self.source[position] in " \t":
                position += 1
        if not chain:
            return None
        last = self.line_of(position)
        rest = self.source[position:self.offsets[last + 1] - 1]
        if rest.strip() and _is_inline(chain, rest):
            return None
        self.blank(self._indent(index, line), position)
        return last if rest.strip() else last + 1

    def _trailing_components(self, index: int, line: str) -> None:
        """Closing tags that end a line of text (`...text.</Note>`) whose opening tag is not
        on the same line: blanked, and the next line starts a block."""
        found = _TRAILING_CLOSE.search(line)
        if found is None or found.start() == 0:
            return
        names = regex.findall(r"</([A-Z][\w.:-]*)>", found.group())
        if any(f"<{name}" in line[:found.start()] for name in names):
            return
        self.blank(self.offsets[index] + found.start(), self.offsets[index + 1] - 1)


def _is_inline(chain: list[tuple[str, str]], rest: str) -> bool:
    """Tags before text on their line are inline when they are all self-closing (an icon), or
    when the last one opens an element that closes on the same line with more text after it;
    a closing tag at a line start always ends a block."""
    kinds = {kind for _, kind in chain}
    if kinds == {"self"}:
        return True
    name, kind = chain[-1]
    if "close" in kinds or kind != "open":
        return False
    closing = rest.find(f"</{name}>")
    return closing >= 0 and bool(rest[closing + len(name) + 3:].strip())
