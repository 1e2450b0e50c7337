"""Word documents (.docx) -> blocks, read with lxml straight from the package's XML parts.

What is read, as a reader of the printed page sees it: paragraphs, headings (by outline
level, see `docxstyles`), list items, table cells (each paragraph of a cell a block), text
boxes (after the paragraph that anchors them), and footnotes then endnotes after the body,
each note paragraph a "footnote" block, its reference a standalone code. Tracked changes are
read as accepted (insertions and moves in, deletions and moved-away text out, a deleted
paragraph mark joins two paragraphs); a drop cap (the first letter in a frame paragraph of
its own) is read as part of the word it begins; comments, hidden text, content-control placeholders,
page headers and footers, tables of contents and page-number fields are left out; other
fields show their result (a HYPERLINK field as a link). Of `mc:AlternateContent`, only the
first choice tmtool understands is read (a text box's shape is, Word 2016's emoji element
`w16se:symEx` is not: its fallback holds the character as text). Paragraph numbers (`RawBlock.line`) count the paragraphs in that order
as Word shows them with changes accepted (empty ones and tables of contents included, a
deleted row's not, two paragraphs joined by a deleted mark or a drop cap once), so lint can
point at "paragraph 12".
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import regex

from tmtool.errors import InputError
from tmtool.model import InlineCode
from tmtool.segment.docxelements import (
    ALTERNATE,
    SDT,
    choice,
    is_drop_cap,
    is_toc,
    mark_deleted,
    sdt_content,
    shows_placeholder,
    text_boxes,
    unwrapped,
)
from tmtool.segment.docxparts import R, WordPackage
from tmtool.segment.docxstyles import VAL, Flags, Styles, W, load_styles
from tmtool.segment.inline import RawBlock
from tmtool.segment.package import Package
from tmtool.segment.runs import Format, RunCollector, standalone

_W = "{" + W + "}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
P, R_, T, TBL, TR, TC = (_W + t for t in ("p", "r", "t", "tbl", "tr", "tc"))
PPR, RPR = _W + "pPr", _W + "rPr"
# Inline elements whose content is never text of the accepted, visible document.
_SKIP_INLINE = frozenset(_W + t for t in (
    "del", "moveFrom", "pPr", "rPr", "sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr",
    "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd",
    "permStart", "permEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart",
    "moveToRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
    "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlMoveFromRangeStart",
    "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
    "rt",  # ruby annotation text: the base text is read, not the reading aid above it
))
_MATH = frozenset({_M + "oMath", _M + "oMathPara"})
_PICTURES = frozenset({_W + "drawing", _W + "pict", _W + "object"})
_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "noBreakHyphen": "\u2011"}
_BREAKS = frozenset({_W + "br", _W + "cr"})
_NOTE_REFERENCES = {_W + "footnoteReference": "footnote", _W + "endnoteReference": "endnote"}
# Fields whose result is page furniture or generated: page numbers, tables of contents and
# indexes, page references; any other field shows its result as the reader sees it.
SKIPPED_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "SECTION", "TOC", "TOA", "INDEX",
                            "PAGEREF", "NOTEREF", "RD", "TC", "XE", "TA", "FILENAME"})
_HYPERLINK = regex.compile(r'^HYPERLINK\s+(?:"(?P<quoted>[^"]*)"|(?P<bare>[^\s\\]+))?'
                           r'(?:.*?\\l\s+"(?P<anchor>[^"]*)")?', regex.IGNORECASE | regex.DOTALL)
_NOTE_TYPES_SKIPPED = frozenset({"separator", "continuationSeparator", "continuationNotice"})


@dataclass
class _Field:
    """A complex field (`w:fldChar` begin ... separate ... end) being read."""

    paragraph: int = 0  # where it begins, for the message when it never ends
    instruction: list[str] = field(default_factory=list)
    in_result: bool = False
    skip: bool = False
    link: str | None = None

    def settle(self) -> None:
        """At `separate`: decide from the instruction whether the result is shown."""
        instruction = "".join(self.instruction).strip()
        keyword = instruction.split(None, 1)[0].upper() if instruction else ""
        self.in_result = True
        self.skip = keyword in SKIPPED_FIELDS
        if keyword == "HYPERLINK":
            match = _HYPERLINK.match(instruction)
            target = (match.group("quoted") or match.group("bare") or "") if match else ""
            anchor = match.group("anchor") if match else None
            self.link = target + (f"#{anchor}" if anchor else "")


def read_docx_blocks(package: Package) -> list[RawBlock]:
    """The blocks of a Word package, body first, then footnotes and endnotes."""
    return _DocxReader(WordPackage(package)).read()


class _DocxReader:
    def __init__(self, word: WordPackage) -> None:
        self.word = word
        self.styles: Styles = load_styles(word.related("styles"))
        self.links = word.relationships
        self.blocks: list[RawBlock] = []
        self.number = 0
        self.notes: dict[str, list[str]] = {"footnote": [], "endnote": []}
        self.context: list[str] = []  # "table-cell" or "footnote": what a plain paragraph is
        self.fields: list[_Field] = []
        self.pending: tuple[int, RunCollector] | None = None  # a paragraph whose mark was deleted
        self.boxes: list[Any] = []  # text boxes met in the current paragraph

    def read(self) -> list[RawBlock]:
        body = self.word.xml(self.word.main).find(_W + "body")
        if body is not None:
            self._container(body)
            self._check_fields_closed()
        for kind in ("footnote", "endnote"):
            self._notes(kind)
        return self.blocks

    def _notes(self, kind: str) -> None:
        wanted = self.notes[kind]
        part = self.word.related_part(kind + "s")
        if not wanted or part is None or not self.word.package.has(part):
            return
        self.links = self.word.relationships_of(part)
        notes = {n.get(_W + "id"): n for n in self.word.xml(part).iter(_W + kind)
                 if n.get(_W + "type", "normal") not in _NOTE_TYPES_SKIPPED}
        self.context.append("footnote")
        for note_id in wanted:
            if note_id in notes:
                self._story(notes[note_id])
        self.context.pop()

    def _story(self, container: Any) -> None:
        """A separate flow of text (a note, a text box): fields and joins do not cross it."""
        saved = self.fields, self.pending
        self.fields, self.pending = [], None
        self._container(container)
        self._check_fields_closed()
        self.fields, self.pending = saved

    def _check_fields_closed(self) -> None:
        """A field begun and never ended would hide all the text after it as its code or
        result, so the file is refused rather than read short."""
        if self.fields:
            raise InputError(self.word.name, None, (
                f"a field (w:fldChar) begun in paragraph {self.fields[0].paragraph} never ends, so "
                "the text after it cannot be told from the field's code; open the file in Word, "
                "remove or repair that field, save it, and try again"))

    # Block level

    def _container(self, container: Any) -> None:
        for child in container:
            tag = child.tag
            kept = len(self.blocks)
            if tag == P:
                self._paragraph(child)
            elif tag == TBL:
                self._table(child)
            elif tag == SDT:
                self._container(sdt_content(child))
                if is_toc(child) or shows_placeholder(child):  # counted, then dropped
                    del self.blocks[kept:]
            elif tag == ALTERNATE:
                self._container(choice(child))
            elif tag in (_W + "customXml", _W + "ins", _W + "moveTo"):
                self._container(child)
            elif tag == _W + "altChunk":
                raise InputError(self.word.name, None, (
                    "embeds another document (w:altChunk), which Word merges only when it opens "
                    "the file; open it in Word, save it, and try again"))
        self._flush_pending()

    def _table(self, table: Any) -> None:
        for row in unwrapped(table, TR):
            properties = row.find(_W + "trPr")
            if properties is not None and properties.find(_W + "del") is not None:
                continue  # a deleted row
            for cell in unwrapped(row, TC):
                self.context.append("table-cell")
                self._container(cell)
                self.context.pop()

    def _paragraph(self, paragraph: Any) -> None:
        if self.pending is None:  # a paragraph whose mark was deleted runs on into this one
            self.number += 1
        number, collector = self.pending or (self.number, RunCollector())
        self.pending = None
        ppr = paragraph.find(PPR)
        style_id = self.styles.paragraph_style(ppr)
        boxes, self.boxes = self.boxes, []
        self._inline(paragraph, collector, self.styles.paragraph_flags(style_id), None)
        if mark_deleted(ppr) or is_drop_cap(ppr):
            self.pending = (number, collector)
        elif not self.styles.is_toc(style_id):
            self._emit(self.styles.paragraph_kind(ppr, style_id), number, collector)
        found, self.boxes = self.boxes, boxes
        for box in found:
            self._story(box)

    def _emit(self, kind: str, number: int, collector: RunCollector) -> None:
        if kind == "paragraph" and self.context:
            kind = self.context[-1]
        elif self.context and self.context[-1] == "footnote":
            kind = "footnote"
        if collector.has_text():
            self.blocks.append(RawBlock(kind, number, collector.pieces()))

    def _flush_pending(self) -> None:
        if self.pending is not None:
            number, collector = self.pending
            self.pending = None
            self._emit("paragraph", number, collector)

    # Inline level

    def _inline(self, element: Any, out: RunCollector, baseline: Flags, link: str | None) -> None:
        for child in element:
            tag = child.tag
            if tag == R_:
                self._run(child, out, baseline, link)
            elif tag in _SKIP_INLINE or not isinstance(tag, str):
                continue
            elif tag == _W + "hyperlink":
                self._inline(child, out, baseline, self._link_target(child) or link)
            elif tag == SDT:
                if not shows_placeholder(child):
                    self._inline(sdt_content(child), out, baseline, link)
            elif tag == _W + "fldSimple":
                self._simple_field(child, out, baseline, link)
            elif tag == ALTERNATE:
                self._inline(choice(child), out, baseline, link)
            elif tag in _MATH:
                if self._visible():
                    out.code(standalone("<math>", "x-math"))
            else:  # w:ins, w:moveTo, w:smartTag, w:customXml, w:dir, w:bdo, w:ruby, ...
                self._inline(child, out, baseline, link)

    def _run(self, run: Any, out: RunCollector, baseline: Flags, link: str | None) -> None:
        rpr = run.find(RPR)
        style = rpr.find(_W + "rStyle") if rpr is not None else None
        flags = self.styles.run_format(baseline, style.get(VAL) if style is not None else None, rpr)
        self._run_content(run, out, flags, link)

    def _run_content(self, run: Any, out: RunCollector, flags: frozenset[str], link: str | None) -> None:
        fmt: Format | None = None  # the run's formatting where it shows; None: to work out
        for child in run:
            tag = child.tag
            if tag == _W + "fldChar":
                self._field_char(child.get(_W + "fldCharType", ""))
                fmt = None
            elif tag == _W + "instrText":
                if self.fields and not self.fields[-1].in_result:
                    self.fields[-1].instruction.append(child.text or "")
            elif tag == ALTERNATE:
                self._run_content(choice(child), out, flags, link)
            elif "hidden" not in flags:
                fmt = fmt or self._shown_format(flags, link)
                if fmt is not _NOT_SHOWN:
                    self._visible_content(child, tag, out, fmt)

    def _shown_format(self, flags: frozenset[str], link: str | None) -> Format:
        """The run's codes where the fields around it show their result, else _NOT_SHOWN."""
        if not self._visible():
            return _NOT_SHOWN
        link = link or self._field_link()
        return _format(flags - {"ulined"} if link else flags, link)

    def _visible_content(self, child: Any, tag: Any, out: RunCollector, fmt: Format) -> None:
        if tag == T:
            out.text(child.text or "", fmt)
        elif tag in _TEXT:
            out.text(_TEXT[tag], fmt)
        elif tag in _BREAKS:
            out.hard_break()
        elif tag in _NOTE_REFERENCES:
            out.code(self._note_reference(_NOTE_REFERENCES[tag], child.get(_W + "id", "")))
        elif tag == _W + "sym":
            font, char = child.get(_W + "font", ""), child.get(_W + "char", "")
            out.code(standalone(f'<sym font="{font}" char="{char}">', "x-sym"))
        elif tag in _PICTURES:
            boxes = text_boxes(child)
            self.boxes += boxes
            if not boxes:
                out.code(standalone("<img>", "image"))

    def _note_reference(self, kind: str, note_id: str) -> InlineCode:
        """The code for a note's reference, numbered as the reader sees it ([^1], [^e1]);
        the note is read after the body, once, however often it is referenced."""
        notes = self.notes[kind]
        if note_id not in notes:
            notes.append(note_id)
        mark = "" if kind == "footnote" else "e"
        return standalone(f"[^{mark}{notes.index(note_id) + 1}]", "x-footnote")

    # Fields

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.fields.append(_Field(self.number))
        elif kind == "separate" and self.fields:
            self.fields[-1].settle()
        elif kind == "end" and self.fields:
            self.fields.pop()

    def _simple_field(self, element: Any, out: RunCollector, baseline: Flags, link: str | None) -> None:
        simple = _Field(self.number, [element.get(_W + "instr", "")])
        simple.settle()
        depth = len(self.fields)
        self.fields.append(simple)
        self._inline(element, out, baseline, link)
        del self.fields[depth:]  # with any field left open inside it

    def _visible(self) -> bool:
        return all(f.in_result and not f.skip for f in self.fields)

    def _field_link(self) -> str | None:
        return next((f.link for f in reversed(self.fields) if f.link is not None), None)

    def _link_target(self, hyperlink: Any) -> str | None:
        rel_id, anchor = hyperlink.get("{" + R + "}id"), hyperlink.get(_W + "anchor")
        target = self.links[rel_id].target if rel_id in self.links else ""
        if anchor:
            target += "#" + anchor
        return target if rel_id is not None or anchor else None


_NOT_SHOWN = Format(frozenset({"hidden"}))


@functools.lru_cache(maxsize=4096)
def _format(flags: frozenset[str], link: str | None) -> Format:
    return Format(flags, link)
