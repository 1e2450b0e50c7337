"""OpenDocument styles: headings and captions by paragraph style, and what formatting a span
or paragraph gives its text.

Decisions: a style's formatting is resolved up its parent chain (nearest setting wins). The
named (common) paragraph style is the paragraph's baseline and gives no code, like a Word
paragraph style; an automatic paragraph style's own settings are direct formatting, because
LibreOffice stores "the whole paragraph in bold" there instead of in a span.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import regex

STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_KIND_BY_NAME = {"title": "heading", "subtitle": "heading", "caption": "caption",
                 "quotations": "quote"}
_HEADING_NAME = regex.compile(r"^heading \d+$", regex.IGNORECASE)

Flags = dict[str, bool]


def text_flags(properties: Any) -> Flags:
    """Code types (and "hidden") a `style:text-properties` element sets on or off."""
    flags: Flags = {}
    if properties is None:
        return flags
    weight = properties.get(FO + "font-weight")
    if weight is not None:
        flags["bold"] = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
    slant = properties.get(FO + "font-style")
    if slant is not None:
        flags["italic"] = slant in ("italic", "oblique")
    underline = properties.get(STYLE + "text-underline-style")
    if underline is not None:
        flags["ulined"] = underline != "none"
    strike = properties.get(STYLE + "text-line-through-style")
    if strike is not None:
        flags["x-strike"] = strike != "none"
    position = properties.get(STYLE + "text-position")
    if position is not None:
        flags["x-sup"], flags["x-sub"] = _position(position)
    display = properties.get(TEXT + "display")
    if display is not None:
        flags["hidden"] = display == "none"
    return flags


def _position(value: str) -> tuple[bool, bool]:
    """(superscript, subscript) of a text-position: "super", "sub" or a signed percentage."""
    first = value.split()[0] if value.split() else "0%"
    if first in ("super", "sub"):
        return first == "super", first == "sub"
    try:
        shift = float(first.rstrip("%"))
    except ValueError:
        return False, False
    return shift > 0, shift < 0


@dataclass
class _Style:
    name: str  # the display name when there is one
    parent: str | None
    automatic: bool
    outline: bool
    flags: Flags


@dataclass
class OdtStyles:
    """Paragraph and text styles by (family, name); default styles by family."""

    styles: dict[tuple[str, str], _Style] = field(default_factory=dict)
    defaults: dict[str, Flags] = field(default_factory=dict)

    def _chain(self, family: str, name: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while name is not None and (family, name) in self.styles and name not in seen:
            seen.add(name)
            style = self.styles[(family, name)]
            chain.append(style)
            name = style.parent
        return chain

    def flags(self, family: str, name: str | None, *, named_only: bool = False) -> Flags:
        flags: Flags = {}
        for style in self._chain(family, name):
            if named_only and style.automatic:
                continue
            for key, value in style.flags.items():
                flags.setdefault(key, value)
        return flags

    def paragraph_baseline(self, name: str | None) -> Flags:
        return {**self.defaults.get("paragraph", {}), **self.flags("paragraph", name, named_only=True)}

    def paragraph_kind(self, name: str | None) -> str:
        for style in self._chain("paragraph", name):
            if style.outline or _HEADING_NAME.match(style.name):
                return "heading"
            if style.name.lower() in _KIND_BY_NAME:
                return _KIND_BY_NAME[style.name.lower()]
        return "paragraph"


def load_odt_styles(*roots: Any) -> OdtStyles:
    """Styles from the roots of styles.xml and content.xml (a flat .fodt: the one root).

    Only the common styles of styles.xml and the automatic styles of content.xml serve the
    body; styles.xml's automatic styles belong to page headers and footers."""
    styles = OdtStyles()
    for root in roots:
        if root is None:
            continue
        common = root.find(OFFICE + "styles")
        if common is not None:
            _add(styles, common, automatic=False)
        if root.tag != OFFICE + "document-styles":
            automatic = root.find(OFFICE + "automatic-styles")
            if automatic is not None:
                _add(styles, automatic, automatic=True)
    return styles


def _add(styles: OdtStyles, container: Any, *, automatic: bool) -> None:
    for element in container:
        if element.tag == STYLE + "default-style":
            family = element.get(STYLE + "family", "")
            styles.defaults[family] = text_flags(element.find(STYLE + "text-properties"))
        elif element.tag == STYLE + "style":
            name = element.get(STYLE + "name")
            if name is None:
                continue
            shown = element.get(STYLE + "display-name") or name.replace("_20_", " ")
            styles.styles[(element.get(STYLE + "family", ""), name)] = _Style(
                shown.strip(), element.get(STYLE + "parent-style-name"), automatic,
                element.get(STYLE + "default-outline-level", "") not in ("", "0"),
                text_flags(element.find(STYLE + "text-properties")),
            )
