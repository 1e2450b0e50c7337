"""Pre-translating an XLIFF file: missing or empty targets filled from a memory, in the XML
tree read through `safexml`, everything else left as it was.

XLIFF 1.2: a `trans-unit` gets `<target state="translated">` for a 100 % match or
`state="needs-review-translation"` plus a `<note from="tmtool">` with the score for a fuzzy
one; with a `seg-source` (Trados, memoQ) each `mrk mtype="seg"` is a segment of its own and
gets a target `mrk` of the same `mid` (the unit's state is the weakest of its segments). The
forms of a gettext plural group are filled each from the memory's same plural form.
XLIFF 2.x: a `segment` gets its target and `state="translated"`, or `state="initial"` with
`subState="tmtool:fuzzy"` and a unit note. `translate="no"` is respected.

Inline codes of the translation are placed as copies of the source's own elements (same
ids), matched by their markup; when a code cannot be placed the target is written as text
without codes and marked for review with a note saying so.
"""
from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from lxml import etree

from tmtool import safexml
from tmtool.errors import InputError
from tmtool.formats.po_props import PLURAL_FORM
from tmtool.formats.readcheck import file_locale
from tmtool.formats.xliff_inline import localname, segment2, segment12
from tmtool.formats.xliff_po import PLURALS_RESTYPE, message_context
from tmtool.model import CodeKind, InlineCode, Segment
from tmtool.tm.lookup import Match
from tmtool.tm.pretranslate import (
    EXACT,
    Analysis,
    MatchFinder,
    PretranslateOptions,
    PretranslateResult,
    UnitFilter,
    fit_translation,
    score_note,
    word_count,
)
from tmtool.tm.store import MemoryStore

_CONTAINERS = {"g", "pc"}
_CODES = {"g", "x", "bx", "ex", "bpt", "ept", "ph", "it", "pc", "sc", "ec"}
CODES_NOT_PLACED = "tmtool: inline codes of the match could not be placed; check the markup"


def _children(element: Any, name: str) -> list[Any]:
    return [child for child in element if localname(child) == name]


def _child(element: Any, name: str) -> Any | None:
    return next((child for child in element if localname(child) == name), None)


def _code_slots(element: Any) -> Iterator[tuple[CodeKind, Any]]:
    """The inline-code elements of a source in the order its segment lists its codes."""
    for child in element:
        name = localname(child)
        if name in _CONTAINERS:
            yield CodeKind.OPEN, child
            yield from _code_slots(child)
            yield CodeKind.CLOSE, child
        elif name in ("bx", "bpt", "sc"):
            yield CodeKind.OPEN, child
        elif name in ("ex", "ept", "ec"):
            yield CodeKind.CLOSE, child
        elif name == "it":
            yield (CodeKind.CLOSE if child.get("pos") == "close" else CodeKind.OPEN), child
        elif name in ("x", "ph"):
            yield CodeKind.STANDALONE, child
        elif isinstance(child.tag, str) and name not in ("sm", "em", "cp"):
            yield from _code_slots(child)


def _append_text(container: Any, text: str) -> None:
    if len(container):
        container[-1].tail = (container[-1].tail or "") + text
    else:
        container.text = (container.text or "") + text


def _place_code(code: InlineCode, slots: list[tuple[CodeKind, Any, InlineCode]],
                used: set[int], stack: list[Any]) -> bool:
    for index, (kind, element, source_code) in enumerate(slots):
        if index in used or kind is not code.kind or source_code.native != code.native:
            continue
        used.add(index)
        if localname(element) in _CONTAINERS:
            if kind is CodeKind.OPEN:
                shell = etree.SubElement(stack[-1], element.tag, dict(element.attrib))
                stack.append(shell)
                return True
            if len(stack) > 1 and stack[-1].tag == element.tag:
                stack.pop()
                return True
            return False
        placed = copy.deepcopy(element)
        placed.tail = None
        stack[-1].append(placed)
        return True
    return False


def write_target(target: Any, translation: Segment, source: Any, source_segment: Segment) -> bool:
    """Fill the empty `target` with `translation`; False when its codes could not all be
    placed (the text is then written without them)."""
    slots = [(kind, element, code) for (kind, element), code
             in zip(_code_slots(source), source_segment.codes)]
    used: set[int] = set()
    stack = [target]
    for part in translation.parts:
        if isinstance(part, str):
            _append_text(stack[-1], part)
        elif not _place_code(part, slots, used, stack):
            for child in list(target):
                target.remove(child)
            target.text = translation.text
            return False
    return len(stack) == 1


class _Filler:
    """Fills one XLIFF tree, counting into `analysis`."""

    def __init__(self, store: MemoryStore, options: PretranslateOptions, name: str) -> None:
        self.store = store
        self.options = options
        self.name = name
        self.analysis = Analysis()
        self.directions: list[tuple[str, str]] = []

    def languages(self, element: Any, src_attr: str, tgt_attr: str) -> tuple[str, str]:
        src = self.options.src_lang or element.get(src_attr)
        tgt = self.options.tgt_lang or element.get(tgt_attr)
        for value, what in ((src, f"{src_attr} (give --src-lang)"),
                            (tgt, f"{tgt_attr} (give --tgt-lang)")):
            if not value:
                raise InputError(self.name, element.sourceline, f"no {what}")
        direction = (file_locale(str(src), name=self.name, line=element.sourceline, what=src_attr),
                     file_locale(str(tgt), name=self.name, line=element.sourceline, what=tgt_attr))
        self.directions.append(direction)
        return direction

    def match(self, finder: MatchFinder, query: Segment, accept: UnitFilter | None = None,
              context: str | None = None) -> Match | None:
        """The match that fills `query` (among the memory units `accept` allows; a unit of
        the same gettext `context` first), counting the segment in the analysis."""
        found = finder.best(query, accept=accept, context=context)
        self.analysis.count(found.score if found else None, word_count(query))
        if found is None or found.score < self.options.min_score:
            self.analysis.skipped("no match" if found is None else "below --min")
            return None
        self.analysis.filled(found.score)
        return found


def _skipped(element: Any) -> bool:
    return any(node.get("translate") == "no" for node in (element, *element.iterancestors()))


def _is_empty(element: Any | None) -> bool:
    return element is None or (not (element.text or "").strip() and not len(element))


def _new_target(after: Any) -> Any:
    """An empty `target` right after `after` (its source or seg-source), indented alike."""
    target = etree.Element(_tag(after, "target"))
    _insert_child(after.getparent(), target, after.getnext())
    return target


def _tag(sibling: Any, name: str) -> str:
    namespace = etree.QName(sibling).namespace
    return f"{{{namespace}}}{name}" if namespace else name


def _insert_child(parent: Any, child: Any, before: Any | None) -> None:
    """Insert `child` before `before` (else last), indented like its neighbours."""
    if before is not None:
        before.addprevious(child)
        previous = child.getprevious()
        child.tail = previous.tail if previous is not None else parent.text
        return
    last = parent[-1] if len(parent) else None
    parent.append(child)
    if last is not None:
        previous = last.getprevious()
        child.tail = last.tail
        last.tail = previous.tail if previous is not None else parent.text


def _add_note12(unit: Any, text: str) -> None:
    note = etree.Element(_tag(unit, "note"), {"from": "tmtool"})
    note.text = text
    _insert_child(unit, note, _child(unit, "alt-trans"))


def _fill_segment(filler: _Filler, finder: MatchFinder, source: Any, target: Any | None,
                  query: Segment, accept: UnitFilter | None = None,
                  context: str | None = None) -> tuple[int, bool] | None:
    """(score, codes placed) of the fill, or None; a missing target is made only when a
    match fills it."""
    match = filler.match(finder, query, accept, context)
    if match is None:
        return None
    if target is None:
        target = _new_target(source)
    placed = write_target(target, fit_translation(match, query), source, query)
    return match.score, placed


def _plural_filter(unit: Any) -> UnitFilter:
    """Memory units that may fill `unit`: in a po2xliff plural group (form from the id
    `ID[n]`, else the position) the same plural form only, since forms 1 and 2 share one
    English source but not one Ukrainian translation; elsewhere no plural form."""
    group = unit.getparent()
    if group is None or localname(group) != "group" or group.get("restype") != PLURALS_RESTYPE:
        return lambda found: found.prop(PLURAL_FORM) is None
    members = _children(group, "trans-unit")
    index = (unit.get("id") or "").rpartition("[")[2].rstrip("]")
    form = index if (unit.get("id") or "").endswith("]") and index.isdigit() \
        else str(members.index(unit))
    return lambda found: found.prop(PLURAL_FORM) == form


def _unit12(filler: _Filler, finder: MatchFinder, unit: Any) -> None:
    source, target = _child(unit, "source"), _child(unit, "target")
    seg_source = _child(unit, "seg-source")
    marks = [m for m in seg_source.iter() if localname(m) == "mrk" and m.get("mtype") == "seg"] \
        if seg_source is not None else []
    if source is None:
        return
    results: list[tuple[int, bool]] = []
    unfilled = 0
    if not marks:
        if not _is_empty(target):
            filler.analysis.already_translated += 1
            return
        result = _fill_segment(filler, finder, source, target, segment12(source),
                               _plural_filter(unit), message_context(unit))
        if result is None:
            return
        results.append(result)
    else:
        results, unfilled = _marks12(filler, finder, unit, seg_source, marks, target)
    if not results:
        return
    target = _child(unit, "target")
    assert target is not None   # made by the fill
    exact = all(score >= EXACT and placed for score, placed in results)
    state = "needs-translation" if unfilled else \
        "translated" if exact else "needs-review-translation"
    target.set("state", state)
    for score, placed in results:
        if score < EXACT:
            _add_note12(unit, score_note(score))
        if not placed:
            _add_note12(unit, CODES_NOT_PLACED)


def _empty_marks(seg_source: Any, tag: str) -> Any:
    """A copy of the seg-source under another tag, its segment marks emptied."""
    copied = copy.deepcopy(seg_source)
    copied.tag = tag
    for mark in copied.iter():
        if localname(mark) == "mrk" and mark.get("mtype") == "seg":
            for child in list(mark):
                mark.remove(child)
            mark.text = None
    return copied


def _marks12(filler: _Filler, finder: MatchFinder, unit: Any, seg_source: Any,
             marks: list[Any], target: Any | None) -> tuple[list[tuple[int, bool]], int]:
    """(score, codes placed) of each segment filled, and how many stay empty."""
    created = target is None
    tails = [(child, child.tail) for child in unit]
    if target is None:
        target = _empty_marks(seg_source, _tag(unit, "target"))
        _insert_child(unit, target, seg_source.getnext())
    by_mid = {m.get("mid"): m for m in target.iter()
              if localname(m) == "mrk" and m.get("mtype") == "seg"}
    if not by_mid and _is_empty(target):
        if len(marks) == 1:   # memoQ: one segment, its target left without a mrk
            by_mid = {marks[0].get("mid"): target}
        else:
            for child in _empty_marks(seg_source, target.tag):
                target.append(child)
            by_mid = {m.get("mid"): m for m in target.iter()
                      if localname(m) == "mrk" and m.get("mtype") == "seg"}
    results = []
    unfilled = 0
    for mark in marks:
        slot = by_mid.get(mark.get("mid"))
        if slot is None:
            filler.analysis.skipped("seg-source segment without a target mrk")
            continue
        if not _is_empty(slot):
            filler.analysis.already_translated += 1
            continue
        result = _fill_segment(filler, finder, mark, slot, segment12(mark))
        if result is None:
            unfilled += 1
        else:
            results.append(result)
    if created and not results:   # nothing matched: the unit stays as it was
        unit.remove(target)
        for child, tail in tails:
            child.tail = tail
    return results, unfilled


def _fill12(filler: _Filler, root: Any) -> None:
    for file in (child for child in root if localname(child) == "file"):
        src, tgt = filler.languages(file, "source-language", "target-language")
        finder = MatchFinder(filler.store, src, tgt)
        for unit in file.iter(_tag(file, "trans-unit")):
            if not _skipped(unit):
                _unit12(filler, finder, unit)


def _fill2(filler: _Filler, root: Any) -> None:
    src, tgt = filler.languages(root, "srcLang", "trgLang")
    finder = MatchFinder(filler.store, src, tgt)
    for unit in root.iter(_tag(root, "unit")):
        if _skipped(unit):
            continue
        original = _child(unit, "originalData")
        data = {d.get("id"): "".join(d.itertext()) for d in _children(original, "data")} \
            if original is not None else {}
        for segment in _children(unit, "segment"):
            source, target = _child(segment, "source"), _child(segment, "target")
            if source is None:
                continue
            if not _is_empty(target):
                filler.analysis.already_translated += 1
                continue
            result = _fill_segment(filler, finder, source, target, segment2(source, data))
            if result is None:
                continue
            score, placed = result
            exact = score >= EXACT and placed
            segment.set("state", "translated" if exact else "initial")
            if not exact:
                segment.set("subState", "tmtool:fuzzy")
                _add_note2(unit, score_note(score) if placed else CODES_NOT_PLACED)


def _add_note2(unit: Any, text: str) -> None:
    notes = _child(unit, "notes")
    if notes is None:
        notes = etree.Element(_tag(unit, "notes"))
        _insert_child(unit, notes, unit[0] if len(unit) else None)
    note = etree.Element(_tag(unit, "note"), {"category": "tmtool"})
    note.text = text
    _insert_child(notes, note, None)


def pretranslate_xliff(path: str, name: str, store: MemoryStore,
                       options: PretranslateOptions) -> PretranslateResult:
    """The XLIFF file with its empty targets filled, and the analysis."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise InputError(name, None, "no such file") from None
    tree = safexml.parse(data, name=name)
    root = tree.getroot()
    if localname(root) != "xliff":
        raise InputError(name, root.sourceline,
                         f"not an XLIFF file: the root element is <{localname(root)}>")
    filler = _Filler(store, options, name)
    version = root.get("version", "")
    if version.startswith("2"):
        _fill2(filler, root)
    elif version.startswith("1"):
        _fill12(filler, root)
    else:
        raise InputError(name, root.sourceline, f"unsupported XLIFF version {version!r}")
    if not filler.directions:
        raise InputError(name, root.sourceline, "no <file> to translate")
    src, tgt = filler.directions[0]
    return PretranslateResult(_serialise(tree, data), filler.analysis, src, tgt, "xliff")


def _serialise(tree: Any, original: bytes) -> bytes:
    """The tree as bytes, with the original's XML declaration and the white space around
    the document kept as they were."""
    encoding = tree.docinfo.encoding or "UTF-8"
    body = etree.tostring(tree, encoding=encoding, xml_declaration=False)
    head = b""
    if original.startswith(b"<?xml"):
        end = original.index(b"?>") + 2
        rest = original[end:]
        head = original[:end] + rest[: len(rest) - len(rest.lstrip())]
    tail = original[len(original.rstrip()):]
    return bytes(head + body.strip() + tail)
