"""SRX 2.0 rule files: read with lxml (through `safexml`) into `SegmentationRules`.

Every rule is checked when the file is read; `breaks.py` compiles the rules of a language
on first use. Elements are matched by local name, so a file without the SRX namespace is
read as well; anything that is not SRX is refused with the file and line at fault. Header
`formathandle` and `segmentsubflows` are read past: rules see only the words, with inline
codes taken out (`documents.py` puts the codes back on either side of each break).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import regex

from tmtool.errors import InputError
from tmtool.safexml import parse
from tmtool.segment.breaks import CompiledRules, compile_rules, java_to_python

SHIPPED_NAME = "tmtool.srx"


@dataclass(frozen=True, slots=True)
class Rule:
    """One `<rule>`: a break (or, with `is_break` False, an exception) between the text
    matched by `before` and the text matched by `after` ("" matches anywhere)."""

    is_break: bool
    before: str
    after: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class LanguageMap:
    """One `<languagemap>`: language codes matching `pattern` use rule set `rule_name`."""

    pattern: str
    rule_name: str
    line: int | None = None


@dataclass(frozen=True)
class SegmentationRules:
    """A whole SRX file: named rule sets and the map from language codes to them.

    With `cascade`, every matching map entry contributes its rules, in map order;
    otherwise only the first matching entry does (SRX 2.0, section 2.3).
    """

    language_rules: dict[str, tuple[Rule, ...]]
    maps: tuple[LanguageMap, ...]
    cascade: bool = False
    name: str = "<rules>"
    _compiled: dict[str, CompiledRules] = field(default_factory=dict, repr=False, compare=False)

    def rules_for(self, lang: str) -> tuple[Rule, ...]:
        """The rules that apply to `lang` (e.g. "uk", "en-GB"), in the order they are tried."""
        chosen: list[Rule] = []
        for entry in self.maps:
            if regex.fullmatch(java_to_python(entry.pattern), lang, flags=regex.IGNORECASE):
                chosen.extend(self.language_rules[entry.rule_name])
                if not self.cascade:
                    break
        return tuple(chosen)

    def compiled(self, lang: str) -> CompiledRules:
        """The compiled rules for `lang`, built once per language and kept."""
        key = lang.lower().replace("_", "-")
        found = self._compiled.get(key)
        if found is None:
            found = compile_rules(
                [(r.is_break, r.before, r.after, r.line) for r in self.rules_for(key)], name=self.name
            )
            self._compiled[key] = found
        return found


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: Any, name: str) -> list[Any]:
    return [child for child in element if _local(child) == name]


def _pattern_text(element: Any) -> str:
    return "".join(element.itertext())


def read_srx(data: bytes, *, name: str) -> SegmentationRules:
    """Parse SRX bytes; every regex is compiled once here so a bad one is reported now."""
    root = parse(data, name=name).getroot()
    if _local(root) != "srx":
        raise InputError(name, root.sourceline, f"not an SRX file (root element <{_local(root)}>)")
    header = next(iter(_children(root, "header")), None)
    body = next(iter(_children(root, "body")), None)
    if body is None:
        raise InputError(name, root.sourceline, "SRX file has no <body>")
    cascade = header is not None and header.get("cascade", "no").strip().lower() == "yes"
    language_rules: dict[str, tuple[Rule, ...]] = {}
    for holder in _children(body, "languagerules"):
        for rule_set in _children(holder, "languagerule"):
            rule_name = rule_set.get("languagerulename")
            if not rule_name:
                raise InputError(name, rule_set.sourceline, "<languagerule> without languagerulename")
            language_rules[rule_name] = tuple(_read_rule(rule, name) for rule in _children(rule_set, "rule"))
    maps: list[LanguageMap] = []
    for holder in _children(body, "maprules"):
        for entry in _children(holder, "languagemap"):
            pattern, rule_name = entry.get("languagepattern"), entry.get("languagerulename")
            if pattern is None or rule_name is None:
                raise InputError(
                    name, entry.sourceline, "<languagemap> needs languagepattern and languagerulename"
                )
            if rule_name not in language_rules:
                raise InputError(name, entry.sourceline, f"<languagemap> names unknown rule set {rule_name!r}")
            try:
                regex.compile(java_to_python(pattern))
            except regex.error as exc:
                raise InputError(name, entry.sourceline, f"bad languagepattern {pattern!r}: {exc}") from None
            maps.append(LanguageMap(pattern, rule_name, entry.sourceline))
    rules = SegmentationRules(language_rules, tuple(maps), cascade, name)
    for rule_set_rules in language_rules.values():
        compile_rules([(r.is_break, r.before, r.after, r.line) for r in rule_set_rules], name=name)
    return rules


def _read_rule(element: Any, name: str) -> Rule:
    flag = (element.get("break") or "yes").strip().lower()
    if flag not in ("yes", "no"):
        raise InputError(name, element.sourceline, f'<rule break="{flag}">: must be "yes" or "no"')
    before = next(iter(_children(element, "beforebreak")), None)
    after = next(iter(_children(element, "afterbreak")), None)
    return Rule(
        flag == "yes",
        _pattern_text(before) if before is not None else "",
        _pattern_text(after) if after is not None else "",
        element.sourceline,
    )


def shipped_srx() -> bytes:
    """tmtool's own Ukrainian and English rules, as the SRX file shipped in the package."""
    return resources.files("tmtool.segment").joinpath("rules", SHIPPED_NAME).read_bytes()


@functools.lru_cache(maxsize=1)
def _shipped_rules() -> SegmentationRules:
    return read_srx(shipped_srx(), name=SHIPPED_NAME)


def load_rules(path: str | None = None) -> SegmentationRules:
    """Rules from an SRX file, or tmtool's shipped rules when `path` is None."""
    if path is None:
        return _shipped_rules()
    from tmtool.fileio import display_name, open_input

    with open_input(path) as handle:
        data = handle.read()
    return read_srx(data, name=display_name(path))
