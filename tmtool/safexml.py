"""The one safe lxml configuration: no external entities, no network, no DTD loading.

Every XML read in tmtool goes through here. Entity declarations (the billion-laughs attack
and external entities) are refused outright rather than silently left unexpanded, because a
translation memory never needs them. So is a reference to an entity the file never declares
(`&nbsp;` in a TMX whose DOCTYPE names an external DTD): libxml2 accepts it, since the
unloaded DTD might declare it, and leaves a node the readers would skip, silently dropping
the character (and with it, a whole segment that held only that).
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from html.entities import name2codepoint
from typing import IO, Any

from lxml import etree

from tmtool.errors import InputError

DECLARED_ENTITIES = "the DOCTYPE declares entities, which tmtool refuses to expand"
_SAFE: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
}
# libxml2's reports of a reference to an undeclared entity (in an attribute value, where it
# leaves no node behind): a warning when a DTD might declare it, an error otherwise.
_UNDECLARED = frozenset({etree.ErrorTypes.WAR_UNDECLARED_ENTITY,
                         etree.ErrorTypes.ERR_UNDECLARED_ENTITY})


class EntityError(etree.XMLSyntaxError):  # type: ignore[misc]  # lxml is untyped here
    """An entity tmtool refuses (declared in the DOCTYPE, or referenced and never declared);
    `xml_error` turns it into an `InputError` without the "not well-formed" prefix, since
    the file may well be well-formed."""


def make_parser(**overrides: Any) -> etree.XMLParser:
    """A parser that never fetches or expands anything."""
    options: dict[str, Any] = {**_SAFE, "huge_tree": False}
    options.update(overrides)
    return etree.XMLParser(**options)


def undefined_entity_message(name: str) -> str:
    """What to tell the user about `&name;`, with the numeric reference when HTML knows it."""
    code = name2codepoint.get(name)
    instead = f"&#{code};" if code is not None else "a numeric character reference"
    return (f"the entity &{name}; is not defined in the file (tmtool does not load external "
            f"DTDs); write the character itself or {instead}")


class _GuardedParse:
    """The events of one `iterparse`, refusing undeclared entity references.

    Only a document with a DOCTYPE can hold one (elsewhere libxml2 rejects it as not
    well-formed), so other documents pass through untouched. In one with a DOCTYPE, each
    element is searched for entity nodes at its end event, before the caller sees it; at
    the end of the file the parser's log is searched for references inside attribute values,
    which leave no node.
    """

    __slots__ = ("_context",)

    def __init__(self, context: Any) -> None:
        self._context = context

    @property
    def root(self) -> Any:
        return self._context.root

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        events = iter(self._context)
        first = next(events, None)
        if first is None:
            return
        docinfo = first[1].getroottree().docinfo
        if not docinfo.doctype:
            yield first
            yield from events
            return
        if _declares_entities(docinfo):
            raise EntityError(DECLARED_ENTITIES, 0, 1, 0)
        for event, element in itertools.chain([first], events):
            if event == "end":
                refuse_entity_nodes(element)
            yield event, element
        _refuse_logged_references(self._context.error_log)


def refuse_entity_nodes(element: Any) -> None:
    """Raise `EntityError` for the first entity reference node under `element`."""
    found = next(element.iter(etree.Entity), None)
    if found is not None:
        raise EntityError(undefined_entity_message(found.name), 0, found.sourceline or 0, 0)


def _refuse_logged_references(log: Any) -> None:
    for entry in log:
        if entry.type in _UNDECLARED:
            name = entry.message.split("'")[1] if entry.message.count("'") >= 2 else "?"
            raise EntityError(undefined_entity_message(name), 0, entry.line, 0)


def iterparse(
    source: IO[bytes] | str, *, events: tuple[str, ...] = ("end",), **kwargs: Any
) -> Any:
    """`lxml.etree.iterparse` with the safe options (huge text nodes allowed: TMX seg
    text can be long; entity expansion stays off, so size stays bounded by the file).

    Iterating gives `(event, element)` pairs as lxml does and `.root` is the root once
    parsed; an undeclared entity reference raises `EntityError`, a subclass of
    `etree.XMLSyntaxError`, which callers already turn into an `InputError` with `xml_error`.
    """
    return _GuardedParse(etree.iterparse(source, events=events, huge_tree=True, **_SAFE, **kwargs))


def parse(source: IO[bytes] | str | bytes, *, name: str) -> Any:
    """Parse a whole (small) document safely; errors become an `InputError` naming `name`."""
    parser = make_parser()
    try:
        if isinstance(source, bytes):
            root = etree.fromstring(source, parser)
            tree = root.getroottree()
        else:
            tree = etree.parse(source, parser)
        check_no_entities(tree.docinfo, name=name)
        if tree.docinfo.doctype:
            refuse_entity_nodes(tree.getroot())
            _refuse_logged_references(parser.error_log)
    except etree.XMLSyntaxError as exc:
        raise xml_error(name, exc) from exc
    return tree


def _declares_entities(docinfo: Any) -> bool:
    dtd = docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())


def check_no_entities(docinfo: Any, *, name: str) -> None:
    """Refuse documents whose DOCTYPE declares entities (billion laughs, XXE)."""
    if _declares_entities(docinfo):
        raise InputError(name, 1, DECLARED_ENTITIES)


def xml_error(name: str, exc: etree.XMLSyntaxError) -> InputError:
    """A one-line `InputError` from lxml's syntax error (file, line, libxml2's message)."""
    line = exc.lineno if exc.lineno and exc.lineno > 0 else None
    message = str(exc.msg or exc).split(", line ")[0].strip()
    if isinstance(exc, EntityError):
        return InputError(name, line, message)
    return InputError(name, line, f"not well-formed XML: {message}")
