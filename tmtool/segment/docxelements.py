"""Word's block and markup-compatibility elements, as the Word reader (`docx`) meets them:
which branch of `mc:AlternateContent` to read, what a content control holds, a deleted
paragraph mark, a drop cap's frame, rows and cells behind content controls, text boxes.
"""
from __future__ import annotations

from typing import Any

from tmtool.segment.docxstyles import VAL, W

_W = "{" + W + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ALTERNATE, CHOICE, FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
RPR, SDT, SDT_CONTENT = _W + "rPr", _W + "sdt", _W + "sdtContent"
TXBX = _W + "txbxContent"

# Namespaces whose elements the reader finds its text in (a `mc:Choice` requiring only these
# is read): Word's main one, DrawingML and VML shapes, Word 2010 shapes, groups, canvases and
# text effects, and math. Markup Compatibility (ECMA-376 Part 3) has a reader take the first
# choice it understands, else the fallback.
_UNDERSTOOD = frozenset({
    W, "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/drawingml/2006/picture", "urn:schemas-microsoft-com:vml",
    "urn:schemas-microsoft-com:office:office", "http://schemas.microsoft.com/office/word/2010/wordml",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "http://schemas.microsoft.com/office/drawing/2010/main",
})


def choice(alternate: Any) -> Any:
    """The one branch of `mc:AlternateContent` read: the first choice whose required
    namespaces the reader understands, else the fallback, else nothing."""
    for branch in alternate.iterfind(CHOICE):
        required = branch.get("Requires", "").split()
        if all(branch.nsmap.get(prefix) in _UNDERSTOOD for prefix in required):
            return branch
    branch = alternate.find(FALLBACK)
    return branch if branch is not None else ()


def sdt_content(sdt: Any) -> Any:
    content = sdt.find(SDT_CONTENT)
    return content if content is not None else ()


def shows_placeholder(sdt: Any) -> bool:
    """A content control still showing its prompt ("Click here to enter text.")."""
    properties = sdt.find(_W + "sdtPr")
    return properties is not None and properties.find(_W + "showingPlcHdr") is not None


def is_toc(sdt: Any) -> bool:
    gallery = sdt.find(f"{_W}sdtPr/{_W}docPartObj/{_W}docPartGallery")
    return gallery is not None and gallery.get(VAL, "").lower() == "table of contents"


def mark_deleted(ppr: Any) -> bool:
    """A paragraph mark deleted (or moved away) in tracked changes: accepted, the paragraph
    runs on into the next one."""
    rpr = ppr.find(RPR) if ppr is not None else None
    return rpr is not None and (rpr.find(_W + "del") is not None or rpr.find(_W + "moveFrom") is not None)


def is_drop_cap(ppr: Any) -> bool:
    """Word keeps a drop cap (or one in the margin) as a frame paragraph holding the first
    letter(s) of the next paragraph, which runs on from it without a space."""
    frame = ppr.find(_W + "framePr") if ppr is not None else None
    return frame is not None and frame.get(_W + "dropCap", "none") in ("drop", "margin")


def unwrapped(parent: Any, tag: str) -> list[Any]:
    """Children with `tag`, looking through content controls and custom XML around them."""
    found: list[Any] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag == SDT:
            found += unwrapped(sdt_content(child), tag)
        elif child.tag in (_W + "customXml", ALTERNATE):
            found += unwrapped(choice(child) if child.tag == ALTERNATE else child, tag)
    return found


def text_boxes(element: Any) -> list[Any]:
    """The outermost text-box contents inside a drawing, one branch of each alternate."""
    found: list[Any] = []
    for child in element:
        if child.tag == TXBX:
            found.append(child)
        elif child.tag == ALTERNATE:
            found += text_boxes(choice(child))
        elif isinstance(child.tag, str):
            found += text_boxes(child)
    return found
