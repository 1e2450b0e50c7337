"""Front matter of a documentation page: which of its fields readers see, and where they stand.

A page may open with YAML between `---` lines (Jekyll, Docusaurus, MDX, Hugo) or TOML between
`+++` lines (Hugo). Only top-level fields whose value is text shown to readers (`TEXT_KEYS`:
title, description, sidebar label...) become segments; identifiers, dates, flags and
positions do not. YAML is parsed with PyYAML (its node marks give each value's line and exact
characters); a `---` block that is not a mapping is not front matter but Markdown (a thematic
break), so no words are lost; a broken one that looks like fields is refused with its line.
"""
from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import regex

from tmtool.errors import InputError

# Docusaurus: title, sidebar_label, description; Hugo: linkTitle, summary; Jekyll: excerpt.
TEXT_KEYS = frozenset({"title", "subtitle", "sidebar_label", "linkTitle", "description", "summary", "excerpt"})
_FIELD_LINE = regex.compile(r"^[ \t]*[\w-]+[ \t]*:")
_TOML_VALUE = regex.compile(r"""^[ \t]*(?P<key>[\w-]+)[ \t]*=[ \t]*(?P<value>.*?)[ \t]*$""")


@dataclass(frozen=True, slots=True)
class FrontMatterField:
    """One text field: `line` is the 1-based line its value starts on, `value` the decoded
    text, `source` the value's characters as written (quotes and block indicators left out)."""

    key: str
    line: int
    value: str
    source: str


def read_front_matter(lines: Sequence[str], *, name: str) -> tuple[int, list[FrontMatterField]]:
    """(how many lines the front matter takes, its text fields); (0, []) when there is none."""
    if not lines:
        return 0, []
    opener = lines[0].rstrip()
    if opener not in ("---", "+++"):
        return 0, []
    closers = ("---", "...") if opener == "---" else ("+++",)
    end = next((k for k in range(1, len(lines)) if lines[k].rstrip() in closers), None)
    if end is None:
        return 0, []
    body = list(lines[1:end])
    fields = _yaml_fields(body, name) if opener == "---" else _toml_fields(body, name)
    if fields is None:
        return 0, []
    return end + 1, fields


def _yaml_fields(body: list[str], name: str) -> list[FrontMatterField] | None:
    """The text fields of a YAML mapping; None when the block is not a mapping at all."""
    import yaml  # here, not at the top: most documents have no front matter

    text = "\n".join(body)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        if not any(_FIELD_LINE.match(line) for line in body):
            return None  # "---" text "---": a thematic break and a setext heading, not YAML
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise InputError(name, line, f"front matter is not valid YAML: {problem}") from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        return None
    fields = []
    for key_node, value_node in root.value:
        if (isinstance(key_node, yaml.ScalarNode) and key_node.value in TEXT_KEYS
                and isinstance(value_node, yaml.ScalarNode) and value_node.value.strip()):
            fields.append(FrontMatterField(
                key_node.value, 2 + value_node.start_mark.line, value_node.value.strip(),
                _yaml_source(text, value_node),
            ))
    return fields


def _yaml_source(text: str, node: Any) -> str:
    written = text[node.start_mark.index:node.end_mark.index]
    if node.style in ('"', "'"):
        return written[1:-1].strip()
    if node.style in ("|", ">"):
        return written.partition("\n")[2].strip()  # the lines below the indicator
    return written.strip()


def _toml_fields(body: list[str], name: str) -> list[FrontMatterField]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        table = tomllib.loads("\n".join(body))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(name, None, f"front matter is not valid TOML: {exc}") from None
    fields = []
    for index, line in enumerate(body):
        if line.lstrip().startswith("["):
            break  # a [table] header: the top-level fields are over
        match = _TOML_VALUE.match(line)
        if match is None or match.group("key") not in TEXT_KEYS:
            continue
        value = table.get(match.group("key"))
        if isinstance(value, str) and value.strip():
            fields.append(FrontMatterField(match.group("key"), index + 2, value.strip(),
                                           _toml_source(match.group("value"), value)))
    return fields


def _toml_source(written: str, value: str) -> str:
    """The characters between the quotes of a one-line string, else the decoded value."""
    for quote in ('"', "'"):
        if len(written) >= 2 and written[0] == quote and written[-1] == quote and written[:3] != quote * 3:
            return written[1:-1].strip()
    return value.strip()
