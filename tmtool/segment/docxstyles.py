"""Word styles (`word/styles.xml`): which paragraphs are headings or list items, and what
formatting a run gets from its paragraph and character styles.

Decisions: a heading is known by its outline level (on the paragraph or anywhere up the
style's based-on chain), as Word itself knows it, so "Заголовок 1", a renamed style and a
custom style based on Heading 2 all count; the English built-in name ("heading 1", which
Word writes whatever the interface language) and a few localized names are a fallback for
files from other programs. Formatting the paragraph's style gives every run (a bold heading
style) is the paragraph's baseline and becomes no code; what a run adds over it, directly or
through a character style such as Strong, does. Word's toggle rule applies: a bold character
style inside a bold paragraph style gives plain text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
VAL = _W + "val"
# Run properties tmtool turns into codes, plus hidden text (w:vanish), by element name.
_TOGGLES = {"b": "bold", "i": "italic", "strike": "x-strike", "dstrike": "x-strike", "vanish": "hidden"}
_HEADING_NAME = regex.compile(
    r"^(?:heading|заголовок|überschrift|titre|nagłówek|título|titolo|kop)\s*([1-9])$", regex.IGNORECASE)
_KIND_BY_NAME = {"title": "heading", "subtitle": "heading", "caption": "caption",
                 "quote": "quote", "intense quote": "quote", "block text": "quote"}

Flags = dict[str, bool]


def run_flags(rpr: Any) -> Flags:
    """The code types (and "hidden") a `w:rPr` sets on or off; absent ones are absent.

    Only direct children count, so the old formatting kept in `w:rPrChange` (a tracked
    formatting change) is ignored: tracked changes are read as accepted."""
    flags: Flags = {}
    if rpr is None:
        return flags
    for child in rpr:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith(_W):
            continue
        local = tag[len(_W):]
        if local in _TOGGLES:
            flags[_TOGGLES[local]] = child.get(VAL, "true").lower() not in ("0", "false", "off")
        elif local == "u":
            flags["ulined"] = child.get(VAL, "single") != "none"
        elif local == "vertAlign":
            value = child.get(VAL, "baseline")
            flags["x-sup"] = value == "superscript"
            flags["x-sub"] = value == "subscript"
        elif local == "specVanish":
            flags["hidden"] = True
    return flags


@dataclass
class _Style:
    kind: str  # "paragraph", "character", "table", "numbering"
    name: str
    based_on: str | None
    outline: int | None
    numbered: bool | None
    flags: Flags
    toc: bool = False


@dataclass
class Styles:
    """The styles of one document, resolved along based-on chains on demand."""

    styles: dict[str, _Style] = field(default_factory=dict)
    default_paragraph: str | None = None
    default_flags: Flags = field(default_factory=dict)
    _flags: dict[str | None, Flags] = field(default_factory=dict)

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while style_id is not None and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def paragraph_style(self, ppr: Any) -> str | None:
        style = ppr.find(_W + "pStyle") if ppr is not None else None
        return style.get(VAL) if style is not None else self.default_paragraph

    def paragraph_kind(self, ppr: Any, style_id: str | None) -> str:
        """heading, list-item, caption, quote or paragraph."""
        chain = self._chain(style_id)
        outline = _outline(ppr)
        if outline is None:
            outline = next((s.outline for s in chain if s.outline is not None), None)
        if outline is not None and outline < 9:
            return "heading"
        for style in chain:
            if outline is None and _HEADING_NAME.match(style.name):  # level 9: body text
                return "heading"
            if style.name.lower() in _KIND_BY_NAME:
                return _KIND_BY_NAME[style.name.lower()]
        numbered = _numbered(ppr)
        if numbered is None:
            numbered = next((s.numbered for s in chain if s.numbered is not None), None)
        return "list-item" if numbered else "paragraph"

    def is_toc(self, style_id: str | None) -> bool:
        return any(style.toc for style in self._chain(style_id))

    def chain_flags(self, style_id: str | None) -> Flags:
        """Flags a style sets, the nearest setting up its chain winning."""
        flags = self._flags.get(style_id)
        if flags is None:
            flags = {}
            for style in self._chain(style_id):
                for name, value in style.flags.items():
                    flags.setdefault(name, value)
            self._flags[style_id] = flags
        return flags

    def paragraph_flags(self, style_id: str | None) -> Flags:
        """The baseline: document defaults overlaid with the paragraph style's chain."""
        return {**self.default_flags, **self.chain_flags(style_id)}

    def run_format(self, baseline: Flags, char_style: str | None, rpr: Any) -> frozenset[str]:
        """The code types a run has over its paragraph's baseline, plus "hidden" when it
        is hidden; toggles of the character style flip the paragraph's, direct formatting
        wins over both (ECMA-376 17.7.3)."""
        effective = dict(baseline)
        for name, value in self.chain_flags(char_style).items():
            effective[name] = effective.get(name, False) != value if name in _XOR else value
        effective.update(run_flags(rpr))
        return frozenset(name for name, on in effective.items()
                         if on and (name == "hidden" or not baseline.get(name, False)))


_XOR = frozenset({"bold", "italic", "x-strike", "hidden"})


def _outline(ppr: Any) -> int | None:
    element = ppr.find(_W + "outlineLvl") if ppr is not None else None
    if element is None:
        return None
    try:
        return int(element.get(VAL, "9"))
    except ValueError:
        return None


def _numbered(ppr: Any) -> bool | None:
    numpr = ppr.find(_W + "numPr") if ppr is not None else None
    if numpr is None:
        return None
    num_id = numpr.find(_W + "numId")
    return num_id is None or num_id.get(VAL, "0") != "0"


def load_styles(root: Any | None) -> Styles:
    """Styles from a parsed `w:styles` root (None: a document without styles.xml)."""
    styles = Styles()
    if root is None:
        return styles
    defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    styles.default_flags = run_flags(defaults)
    for element in root.iter(_W + "style"):
        style_id = element.get(_W + "styleId")
        if style_id is None:
            continue
        kind = element.get(_W + "type", "paragraph")
        name_element = element.find(_W + "name")
        name = name_element.get(VAL, style_id) if name_element is not None else style_id
        based = element.find(_W + "basedOn")
        ppr = element.find(_W + "pPr")
        styles.styles[style_id] = _Style(
            kind, name.strip(), based.get(VAL) if based is not None else None,
            _outline(ppr), _numbered(ppr), run_flags(element.find(_W + "rPr")),
            toc=regex.match(r"(?i)^(toc|table of contents|toc heading)\b", name.strip()) is not None,
        )
        if kind == "paragraph" and element.get(_W + "default", "0").lower() in ("1", "true", "on"):
            styles.default_paragraph = style_id
    return styles
