"""`tmtool tmx validate`: TMX 1.4b structure as the DTD states it, plus what a DTD cannot check.

Streaming: each `tu` is checked whole at its end event and then dropped. Problems in a
readable TMX are `Finding`s with a stable rule id (see `RULES`); a file that is not a TMX
at all (not XML, wrong root, entity declarations) raises `InputError`. A character XML 1.0
forbids stops the XML parser, so it is reported once, with its line and column, as the last
finding for that file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO, Any, cast

from lxml import etree

from tmtool import safexml
from tmtool.errors import InputError
from tmtool.findings import Finding, Severity
from tmtool.formats.kinds import looks_like_po, not_tmx_message
from tmtool.formats.tmx_header import MAX_SEGMENT_CHARS, SEGTYPES, XML_LANG, is_tmx_date
from tmtool.formats.tmx_labels import ScriptTally, same_language_findings
from tmtool.formats.tmx_structure import (
    ATTRIBUTES,
    DATE_ATTRIBUTES,
    INLINE_CHILDREN,
    REQUIRED,
    PeekedStream,
    encoding_note,
    paired_codes,
    segment_words,
)
from tmtool.locales import locale_problem

RULES: dict[str, str] = {
    "tmx-structure": "element missing, misplaced or unknown (TMX 1.4b DTD)",
    "tmx-attribute": "required attribute missing, or a value the DTD does not allow",
    "tmx-version": "the tmx version attribute is missing or not 1.4",
    "tmx-encoding": "not plain UTF-8 (byte-order mark or UTF-16)",
    "tmx-locale": "a language code CAT tools do not accept",
    "tmx-date": "a date not in the form YYYYMMDDThhmmssZ",
    "tmx-forbidden-char": "a character XML 1.0 forbids (CAT tools reject the whole file)",
    "tmx-discouraged-char": "a C1 control character (U+007F-U+009F) in a segment",
    "tmx-inline-pairing": "a bpt without its ept, or an ept without its bpt",
    "tmx-inline-id": "the same i used twice in one seg",
    "tmx-srclang": "srclang is *all*, differs between header and tu, or has no tuv",
    "tmx-duplicate-lang": "more than one tuv for the same language in a tu",
    "tmx-same-language": "two tuv of one language in a tu (uk and uk-UA): a mislabelled side",
    "tmx-swapped-labels": "a Cyrillic-script language without Cyrillic, another one Cyrillic",
    "tmx-empty-seg": "an empty segment",
    "tmx-long-seg": f"a segment longer than {MAX_SEGMENT_CHARS:,} characters",
}

_FORBIDDEN_MESSAGE = re.compile(
    r"invalid (?:xml)?char value (\d+)|char 0x([0-9a-f]+) out of allowed range"
    r"|invalid character in attribute value",
    re.IGNORECASE,
)
_C1_CONTROLS = re.compile("[\x7f-\x9f]")


class _Checker:
    """Collects the findings of one file; one method per element that gets checked."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.findings: list[Finding] = []
        self.srclang: str | None = None
        self.version = ""
        self.unit: str | None = None
        self.scripts = ScriptTally()

    def add(
        self, line: int | None, rule: str, severity: Severity, message: str, column: int = 1
    ) -> None:
        self.findings.append(
            Finding(self.name, line or 1, column, rule, severity, message, unit=self.unit)
        )

    def error(self, element: Any, rule: str, message: str) -> None:
        self.add(element.sourceline, rule, Severity.ERROR, message)

    def warning(self, element: Any, rule: str, message: str) -> None:
        self.add(element.sourceline, rule, Severity.WARNING, message)

    # --- document level -------------------------------------------------------------
    def root(self, root: Any) -> None:
        safexml.check_no_entities(root.getroottree().docinfo, name=self.name)
        if root.tag != "tmx":
            tag = root.tag if isinstance(root.tag, str) else "?"
            if etree.QName(root).localname == "xliff":
                raise InputError(self.name, root.sourceline, not_tmx_message(self.name, "xliff"))
            raise InputError(self.name, root.sourceline, f"root element is <{tag}>, not <tmx>")
        self.version = (root.get("version") or "").strip()
        if not self.version:
            self.error(root, "tmx-version", '<tmx> has no version attribute (write version="1.4")')
        elif self.version in ("1.1", "1.2", "1.3"):
            self.warning(root, "tmx-version", f"TMX {self.version}: checked as TMX 1.4b")
        elif self.version not in ("1.4", "1.4b"):
            self.error(root, "tmx-version", f"version {self.version!r} is not a TMX version")

    def root_children(self, root: Any) -> None:
        tags = [c.tag for c in root if isinstance(c.tag, str)]
        if tags[:1] != ["header"]:
            self.error(root, "tmx-structure", "<tmx> must start with <header>")
        if "body" not in tags:
            self.error(root, "tmx-structure", "<tmx> has no <body>")
        for child in root:
            if isinstance(child.tag, str) and child.tag not in ("header", "body"):
                self.error(child, "tmx-structure", f"unexpected <{child.tag}> in <tmx>")
        self.text_inside(root)

    def header(self, header: Any) -> None:
        self.attributes(header)
        srclang = (header.get("srclang") or "").strip()
        self.srclang = srclang or None
        if srclang == "*all*":
            self.warning(header, "tmx-srclang",
                         "header srclang is *all*; CAT tools want one real source locale")
        for child in header:
            if isinstance(child.tag, str) and child.tag not in ("note", "prop", "ude"):
                self.error(child, "tmx-structure", f"unexpected <{child.tag}> in <header>")
            elif child.tag == "prop":
                self.attributes(child)
        self.text_inside(header)

    def body_leftovers(self, tu: Any) -> None:
        """Check what sits in <body> before `tu` (it is about to be dropped)."""
        for sibling in tu.itersiblings(preceding=True):
            if isinstance(sibling.tag, str) and sibling.tag != "tu":
                self.error(sibling, "tmx-structure", f"unexpected <{sibling.tag}> in <body>")
            if sibling.tail and sibling.tail.strip():
                self.error(sibling, "tmx-structure", "text outside <tu> in <body>")

    # --- units ----------------------------------------------------------------------
    def tu(self, tu: Any) -> None:
        self.unit = tu.get("tuid")
        self.attributes(tu)
        tu_srclang = (tu.get("srclang") or "").strip()
        header_srclang = self.srclang or "*all*"
        if (
            tu_srclang not in ("", "*all*")
            and header_srclang != "*all*"
            and tu_srclang.lower() != header_srclang.lower()
        ):
            self.warning(tu, "tmx-srclang",
                         f"tu srclang {tu_srclang} differs from header srclang {header_srclang}")
        langs: dict[str, Any] = {}
        labels: list[str] = []
        seen_tuv = False
        for child in tu:
            tag = child.tag
            if tag == "tuv":
                seen_tuv = True
                lang = self.tuv(child)
                if lang is None:
                    continue
                labels.append(lang)
                if lang.lower() in langs:
                    self.error(child, "tmx-duplicate-lang", f"a second <tuv> for {lang} in this tu")
                langs.setdefault(lang.lower(), child)
            elif tag in ("note", "prop"):
                if seen_tuv:
                    self.error(
                        child, "tmx-structure", f"<{tag}> after <tuv>; notes and props come first"
                    )
                if tag == "prop":
                    self.attributes(child)
            elif isinstance(tag, str):
                self.error(child, "tmx-structure", f"unexpected <{tag}> in <tu>")
        if not seen_tuv:
            self.error(tu, "tmx-structure", "<tu> has no <tuv>")
        self.text_inside(tu)
        self.findings.extend(same_language_findings(self.name, tu.sourceline, self.unit, labels))
        self.srclang_present(tu, tu_srclang or self.srclang, langs)
        self.unit = None

    def srclang_present(self, tu: Any, srclang: str | None, langs: dict[str, Any]) -> None:
        if not srclang or srclang == "*all*" or not langs:
            return
        if srclang.lower() in langs:
            return
        primary = srclang.lower().split("-")[0]
        if any(lang.split("-")[0] == primary for lang in langs):
            self.warning(tu, "tmx-srclang",
                         f"no <tuv> in srclang {srclang} exactly (only another region)")
        else:
            self.error(tu, "tmx-srclang", f"no <tuv> in srclang {srclang}")

    def tuv(self, tuv: Any) -> str | None:
        self.attributes(tuv)
        lang: str | None = tuv.get(XML_LANG)
        if lang is None and tuv.get("lang") is not None:
            lang = tuv.get("lang")
            severity = Severity.ERROR if self.version.startswith("1.4") else Severity.WARNING
            self.add(
                tuv.sourceline,
                "tmx-attribute",
                severity,
                "<tuv> uses the TMX 1.1 lang attribute; write xml:lang",
            )
        elif lang is None:
            self.error(tuv, "tmx-attribute", "<tuv> lacks the required xml:lang attribute")
        segs = []
        for child in tuv:
            tag = child.tag
            if tag == "seg":
                segs.append(child)
            elif tag in ("note", "prop"):
                if segs:
                    self.error(
                        child, "tmx-structure", f"<{tag}> after <seg>; notes and props come first"
                    )
                if tag == "prop":
                    self.attributes(child)
            elif isinstance(tag, str):
                self.error(child, "tmx-structure", f"unexpected <{tag}> in <tuv>")
        if not segs:
            self.error(tuv, "tmx-structure", "<tuv> has no <seg>")
        for extra in segs[1:]:
            self.error(extra, "tmx-structure", "a second <seg> in one <tuv>")
        self.text_inside(tuv)
        for seg in segs[:1]:
            self.seg(seg)
            if lang is not None:
                self.scripts.add(lang, segment_words(seg), seg.sourceline)
        return lang

    def seg(self, seg: Any) -> None:
        self.inline(seg)
        words = segment_words(seg)
        if not words.strip() and len(seg) == 0:
            self.warning(seg, "tmx-empty-seg", "empty <seg>")
        elif len(words) > MAX_SEGMENT_CHARS:
            self.warning(
                seg,
                "tmx-long-seg",
                f"segment of {len(words):,} characters (over {MAX_SEGMENT_CHARS:,})",
            )
        match = _C1_CONTROLS.search(words)
        if match:
            self.warning(
                seg,
                "tmx-discouraged-char",
                f"C1 control character U+{ord(match.group()):04X} in segment",
            )
        opened: dict[str, Any] = {}
        closed: set[str] = set()
        for code in paired_codes(seg):
            i_value = code.get("i")
            if i_value is None:
                continue
            if code.tag == "bpt":
                if i_value in opened:
                    self.error(
                        code, "tmx-inline-id", f'i="{i_value}" used by two <bpt> in one <seg>'
                    )
                opened.setdefault(i_value, code)
            elif i_value in closed:
                self.error(code, "tmx-inline-id", f'i="{i_value}" used by two <ept> in one <seg>')
            elif i_value not in opened:
                self.error(
                    code, "tmx-inline-pairing", f'<ept i="{i_value}"> without a <bpt> before it'
                )
            else:
                closed.add(i_value)
        for i_value, code in opened.items():
            if i_value not in closed:
                self.error(code, "tmx-inline-pairing", f'<bpt i="{i_value}"> without its <ept>')

    def inline(self, element: Any) -> None:
        allowed = INLINE_CHILDREN[element.tag]
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag not in allowed:
                self.error(child, "tmx-structure", f"<{tag}> is not allowed in <{element.tag}>")
                continue
            self.attributes(child)
            self.inline(child)

    # --- shared checks --------------------------------------------------------------
    def attributes(self, element: Any) -> None:
        tag = element.tag
        known = ATTRIBUTES[tag]
        for name in REQUIRED.get(tag, ()):
            if element.get(name) is None:
                self.error(element, "tmx-attribute", f"<{tag}> lacks the required {name} attribute")
        for name, value in element.attrib.items():
            shown = "xml:lang" if name == XML_LANG else name
            if name not in known:
                self.warning(
                    element,
                    "tmx-attribute",
                    f"<{tag}> has an attribute the DTD does not define: {shown}",
                )
            elif name in DATE_ATTRIBUTES and not is_tmx_date(value):
                self.error(
                    element,
                    "tmx-date",
                    f"{shown}={value!r} is not a date of the form YYYYMMDDThhmmssZ",
                )
            elif name in ("xml:lang", XML_LANG, "lang", "adminlang") or (
                name == "srclang" and value != "*all*"
            ):
                problem = locale_problem(value.strip())
                if problem:
                    self.error(element, "tmx-locale", f"{shown}: {problem}")
            elif name == "segtype" and value not in SEGTYPES:
                self.error(
                    element,
                    "tmx-attribute",
                    f"segtype {value!r} is not one of {', '.join(SEGTYPES)}",
                )
            elif name == "pos" and value not in ("begin", "end"):
                self.error(element, "tmx-attribute", f"<it> pos {value!r} is not begin or end")

    def text_inside(self, element: Any) -> None:
        """Element-only content (tmx, header, tu, tuv) must not hold text."""
        if element.text and element.text.strip():
            self.error(element, "tmx-structure", f"text directly inside <{element.tag}>")
            return
        for child in element:
            if child.tail and child.tail.strip():
                self.error(child, "tmx-structure", f"text directly inside <{element.tag}>")
                return

    def forbidden(self, exc: etree.XMLSyntaxError) -> bool:
        match = _FORBIDDEN_MESSAGE.search(str(exc.msg or ""))
        if not match:
            return False
        number = match.group(1) or (str(int(match.group(2), 16)) if match.group(2) else None)
        what = f"U+{int(number):04X}" if number else "a character"
        line, column = exc.position if exc.position else (exc.lineno, 1)
        self.add(
            line,
            "tmx-forbidden-char",
            Severity.ERROR,
            f"{what} is forbidden in XML 1.0 (checking stopped here)",
            column=max(column, 1),
        )
        return True


def _encoding_findings(head: bytes, name: str) -> Iterator[Finding]:
    note = encoding_note(head)
    if note is not None:
        severity, message = note
        yield Finding(name, 1, 1, "tmx-encoding", Severity[severity], message)


def validate_tmx(stream: IO[bytes], *, name: str) -> Iterator[Finding]:
    """The problems of one TMX stream, in file order; `InputError` if it is not TMX."""
    peeked = PeekedStream(stream, 512)
    if looks_like_po(peeked.head):
        raise InputError(name, None, not_tmx_message(name, "po"))
    yield from _encoding_findings(peeked.head, name)
    checker = _Checker(name)
    root_seen = False
    context: Any = safexml.iterparse(
        cast(IO[bytes], peeked), events=("end",), tag=("header", "tu", "body", "tmx")
    )
    try:
        for _event, element in context:
            if not root_seen:
                checker.root(element.getroottree().getroot())
                root_seen = True
            tag = element.tag
            parent = element.getparent()
            if tag == "tu":
                # a <tu> anywhere else is reported by the check of its parent
                if parent is not None and parent.tag == "body":
                    checker.body_leftovers(element)
                    checker.tu(element)
                    element.clear(keep_tail=False)
                    while element.getprevious() is not None:
                        del parent[0]
            elif tag == "header":
                checker.header(element)
            elif tag == "body":
                for child in element:
                    if isinstance(child.tag, str) and child.tag != "tu":
                        checker.error(child, "tmx-structure", f"unexpected <{child.tag}> in <body>")
            elif parent is None:
                checker.root_children(element)
            yield from checker.findings
            checker.findings.clear()
        if not root_seen:
            checker.root(context.root)
            checker.root_children(context.root)
            yield from checker.findings
        yield from checker.scripts.swapped(name)
    except etree.XMLSyntaxError as exc:
        if not checker.forbidden(exc):
            raise safexml.xml_error(name, exc) from None
        yield from checker.findings
