"""OpenDocument text (.odt, .ott, flat .fodt) -> blocks, read with lxml from content.xml
(styles.xml for the named styles).

What is read: `text:h` headings, `text:p` paragraphs (a heading too when its style has an
outline level or is Title/Subtitle), list items, table cells (each paragraph a block), text
boxes and other shapes' text (after the paragraph that anchors them), and footnotes then
endnotes after the body as "footnote" blocks, each reference a standalone code. Spans and
automatic styles give bold/italic/underline/strike/super/subscript codes (see `odtstyles`),
`text:a` links. Tracked changes are read as accepted: the body already holds the text with
insertions, deletions live only in `text:tracked-changes`, which is skipped. Annotations,
hidden text and sections, indexes and tables of contents, and page-number fields are left out.
Paragraph numbers count every paragraph and heading in that order (empty, hidden and index
ones included; tracked deletions are not in the body), as in `docx.py`.
"""
from __future__ import annotations

from typing import Any

from tmtool.errors import InputError
from tmtool.segment.inline import RawBlock
from tmtool.segment.odtstyles import OFFICE, TEXT, Flags, OdtStyles, load_odt_styles
from tmtool.segment.package import Package
from tmtool.segment.runs import Format, RunCollector, standalone

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
XLINK = "{http://www.w3.org/1999/xlink}"
_MANIFEST = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
P, H, SPAN = TEXT + "p", TEXT + "h", TEXT + "span"
STYLE_NAME = TEXT + "style-name"
# Block-level elements whose content is generated or not part of the visible text.
_SKIP_BLOCKS = frozenset({
    TEXT + "tracked-changes", TEXT + "variable-decls", TEXT + "sequence-decls",
    TEXT + "user-field-decls", TEXT + "dde-connection-decls", OFFICE + "forms",
    OFFICE + "annotation", TEXT + "soft-page-break", TABLE + "table-columns",
    TABLE + "table-column", TABLE + "covered-table-cell",
})
# Inline elements whose content is not shown text (their tail still is).
_SKIP_INLINE = frozenset({
    OFFICE + "annotation", OFFICE + "annotation-end", TEXT + "note-citation",
    TEXT + "page-number", TEXT + "page-count", TEXT + "page-continuation",
    TEXT + "hidden-text", TEXT + "ruby-text", TEXT + "tracked-changes",
    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}title",
    "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}desc",
})
# Generated indexes: read for their paragraph numbers, then dropped.
_INDEXES = frozenset({
    TEXT + "table-of-content", TEXT + "alphabetical-index", TEXT + "illustration-index",
    TEXT + "table-index", TEXT + "object-index", TEXT + "user-index", TEXT + "bibliography",
})
_LIST_PARTS = frozenset({TEXT + "list-item", TEXT + "list-header"})
_ROW_GROUPS = frozenset({TABLE + "table-rows", TABLE + "table-header-rows", TABLE + "table-row-group"})


def read_odt_blocks(package: Package) -> list[RawBlock]:
    """The blocks of an OpenDocument text package."""
    _refuse_encrypted(package)
    content = package.xml("content.xml")
    styles_root = package.xml("styles.xml") if package.has("styles.xml") else None
    return _OdtReader(load_odt_styles(styles_root, content)).read(content, package.name)


def read_flat_odt_blocks(root: Any, *, name: str) -> list[RawBlock]:
    """The blocks of a flat OpenDocument file (.fodt): one XML file holding every part."""
    return _OdtReader(load_odt_styles(root)).read(root, name)


def _refuse_encrypted(package: Package) -> None:
    if not package.has("META-INF/manifest.xml"):
        return
    for entry in package.xml("META-INF/manifest.xml").iter(_MANIFEST + "file-entry"):
        if entry.get(_MANIFEST + "full-path") == "content.xml" and entry.find(
                _MANIFEST + "encryption-data") is not None:
            raise InputError(package.name, None, (
                "is password-protected (encrypted OpenDocument); open it, remove the password "
                "(LibreOffice: File > Properties > Security) and save it again"))


class _OdtReader:
    def __init__(self, styles: OdtStyles) -> None:
        self.styles = styles
        self.blocks: list[RawBlock] = []
        self.number = 0
        self.context: list[str] = []
        self.notes: dict[str, list[Any]] = {"footnote": [], "endnote": []}
        self.boxes: list[Any] = []

    def read(self, root: Any, name: str) -> list[RawBlock]:
        text = root.find(f"{OFFICE}body/{OFFICE}text")
        if text is None:
            raise InputError(name, None, "not an OpenDocument text document (no office:text body)")
        self._container(text)
        for kind in ("footnote", "endnote"):
            self.context.append("footnote")
            for body in self.notes[kind]:
                self._container(body)
            self.context.pop()
        return self.blocks

    def _container(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            if tag in (P, H):
                self._paragraph(child, heading=tag == H)
            elif tag == TEXT + "list":
                for item in child:
                    if item.tag in _LIST_PARTS:
                        self._within("list-item", item)
            elif tag == TEXT + "numbered-paragraph":
                self._within("list-item", child)
            elif tag == TABLE + "table":
                self._table(child)
            elif tag in _INDEXES or (tag == TEXT + "section" and child.get(TEXT + "display") == "none"):
                kept = len(self.blocks)
                self._container(child)
                del self.blocks[kept:]
            elif tag in _SKIP_BLOCKS or not isinstance(tag, str):
                continue
            elif tag.startswith(DRAW):
                self._shape(child)
            else:  # text:section, office:text children we do not know: read what they hold
                self._container(child)

    def _within(self, kind: str, element: Any) -> None:
        self.context.append(kind)
        self._container(element)
        self.context.pop()

    def _table(self, table: Any) -> None:
        for row in _rows(table):
            for cell in row:
                if cell.tag == TABLE + "table-cell":
                    self._within("table-cell", cell)

    def _shape(self, shape: Any) -> None:
        """A frame or shape anchored to the page or paragraph: its text as blocks."""
        boxes: list[Any] = []
        _collect_text_holders(shape, boxes)
        for box in boxes:
            self._container(box)

    def _paragraph(self, paragraph: Any, *, heading: bool) -> None:
        self.number += 1
        if _hidden_paragraph(paragraph):
            return
        style = paragraph.get(STYLE_NAME)
        baseline = self.styles.paragraph_baseline(style)
        own = {**baseline, **self.styles.flags("paragraph", style)}
        collector = RunCollector()
        saved, self.boxes = self.boxes, []
        self._inline(paragraph, collector, baseline, own, None)
        kind = "heading" if heading else self.styles.paragraph_kind(style)
        if self.context and (kind == "paragraph" or self.context[-1] == "footnote"):
            kind = self.context[-1]
        if collector.has_text():
            self.blocks.append(RawBlock(kind, self.number, collector.pieces()))
        found, self.boxes = self.boxes, saved
        for box in found:
            self._container(box)

    def _inline(self, element: Any, out: RunCollector, baseline: Flags, flags: Flags,
                link: str | None) -> None:
        fmt = _format(baseline, flags, link)
        if element.text and fmt is not None:
            out.text(element.text, fmt)
        for child in element:
            self._inline_child(child, out, baseline, flags, link)
            if child.tail and fmt is not None:
                out.text(child.tail, fmt)

    def _inline_child(self, child: Any, out: RunCollector, baseline: Flags, flags: Flags,
                      link: str | None) -> None:
        tag = child.tag
        hidden = flags.get("hidden", False)
        if tag == SPAN:
            inner = {**flags, **self.styles.flags("text", child.get(STYLE_NAME))}
            self._inline(child, out, baseline, inner, link)
        elif tag == TEXT + "a":
            self._inline(child, out, baseline, flags, child.get(XLINK + "href", ""))
        elif tag in _SKIP_INLINE or not isinstance(tag, str) or hidden:
            return
        elif tag == TEXT + "s":
            out.text(" " * _count(child.get(TEXT + "c")), _format(baseline, flags, link) or Format())
        elif tag == TEXT + "tab":
            out.text("\t", _format(baseline, flags, link) or Format())
        elif tag == TEXT + "line-break":
            out.hard_break()
        elif tag == TEXT + "note":
            self._note(child, out)
        elif tag.startswith(DRAW):
            self._inline_shape(child, out)
        elif tag == TEXT + "ruby":
            base = child.find(TEXT + "ruby-base")
            if base is not None:
                self._inline(base, out, baseline, flags, link)
        elif tag.startswith(TEXT) and tag[len(TEXT):].endswith(("-start", "-end", "bookmark",
                                                                "reference-mark", "change")):
            return  # bookmarks, reference marks, index marks, change marks: no text
        else:  # fields (date, sequence, author...), text:meta: their content is what shows
            self._inline(child, out, baseline, flags, link)

    def _note(self, note: Any, out: RunCollector) -> None:
        kind = note.get(TEXT + "note-class", "footnote")
        kind = kind if kind in self.notes else "footnote"
        body = note.find(TEXT + "note-body")
        if body is not None:
            self.notes[kind].append(body)
        mark = "" if kind == "footnote" else "e"
        out.code(standalone(f"[^{mark}{len(self.notes[kind])}]", "x-footnote"))

    def _inline_shape(self, shape: Any, out: RunCollector) -> None:
        boxes: list[Any] = []
        _collect_text_holders(shape, boxes)
        if boxes:
            self.boxes += boxes
        elif shape.tag in (DRAW + "frame", DRAW + "image", DRAW + "object"):
            out.code(standalone("<img>", "image"))


def _format(baseline: Flags, flags: Flags, link: str | None) -> Format | None:
    """The codes of text with these flags over the paragraph's baseline; None if hidden."""
    if flags.get("hidden", False):
        return None
    on = frozenset(name for name, value in flags.items()
                   if value and name != "hidden" and not baseline.get(name, False))
    return Format(on - {"ulined"} if link else on, link)


def _count(value: str | None) -> int:
    """`text:c` of `text:s`, capped: the spaces fold to one anyway, and a forged count of a
    billion must not build a gigabyte string."""
    try:
        return min(max(1, int(value)), 1000) if value else 1
    except ValueError:
        return 1


def _hidden_paragraph(paragraph: Any) -> bool:
    field = paragraph.find(f".//{TEXT}hidden-paragraph")
    return field is not None and field.get(TEXT + "is-hidden") == "true"


def _rows(table: Any) -> list[Any]:
    rows: list[Any] = []
    for child in table:
        if child.tag == TABLE + "table-row":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows += _rows(child)
    return rows


def _collect_text_holders(shape: Any, found: list[Any]) -> None:
    """Elements under a shape that hold paragraphs (a text box, a shape's own text)."""
    if any(child.tag in (P, H, TEXT + "list") for child in shape):
        found.append(shape)
        return
    for child in shape:
        if isinstance(child.tag, str) and child.tag.startswith(DRAW):
            _collect_text_holders(child, found)
