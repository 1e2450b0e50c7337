"""The SRX engine: where a text breaks into sentences under an ordered list of rules.

At each position the first rule whose `before` matches up to it and whose `after` matches
from it decides (exceptions come first in a rule file). Each rule is one regex,
`(?<=before)(?=after)`; neighbouring rules of one kind are joined into one alternation.
Only break rules scan the text (one `finditer` each); earlier rules are tried only there.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from tmtool.errors import InputError

# Java/ICU names that Python's `regex` spells differently (SRX files are written for Java).
_JAVA_CLASSES = {
    "javaLowerCase": "Ll",
    "javaUpperCase": "Lu",
    "javaLetter": "L",
    "javaDigit": "Nd",
    "javaWhitespace": "White_Space",
    "javaLetterOrDigit": "Alnum",
    "IsAlphabetic": "Alphabetic",
    "IsLetter": "L",
    "IsDigit": "Nd",
    "IsUppercase": "Uppercase",
    "IsLowercase": "Lowercase",
    "IsWhite_Space": "White_Space",
    "IsPunctuation": "P",
}
_QUOTED = regex.compile(r"\\Q(.*?)(?:\\E|$)", regex.DOTALL)
_JAVA_CLASS = regex.compile(r"\\([pP])\{(" + "|".join(_JAVA_CLASSES) + r")\}")
_LEADING_FLAGS = regex.compile(r"^\(\?([a-zA-Z]+)\)")


def java_to_python(pattern: str) -> str:
    """Translate the Java regex features SRX files use into `regex` syntax: `\\Q...\\E`
    quoting, `\\p{javaLowerCase}`-style classes, and a leading `(?i)` (made scoped, since
    the pattern is embedded in a larger one)."""
    pattern = _QUOTED.sub(lambda m: regex.escape(m.group(1)), pattern)
    pattern = _JAVA_CLASS.sub(lambda m: f"\\{m.group(1)}{{{_JAVA_CLASSES[m.group(2)]}}}", pattern)
    flags = _LEADING_FLAGS.match(pattern)
    if flags:
        kept = "".join(f for f in flags.group(1) if f in "imsx")
        rest = pattern[flags.end():]
        pattern = f"(?{kept}:{rest})" if kept else rest
    return pattern


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """One rule, or several neighbouring rules of one kind joined.

    `pattern` is `(?<=before)(?=after)`. A rule with a back reference cannot be a
    look-behind (it is matched right to left, so the group is not set yet); it keeps
    `before` as a forward regex anchored at its end, and `after`, instead.
    """

    is_break: bool
    pattern: regex.Pattern[str]
    before: regex.Pattern[str] | None = None
    after: regex.Pattern[str] | None = None

    def matches(self, text: str, position: int) -> bool:
        if self.before is None:
            return self.pattern.match(text, position) is not None
        return (self.after is None or self.after.match(text, position) is not None) and (
            self.before.search(text, 0, position) is not None
        )

    def positions(self, text: str) -> list[int]:
        """Inner positions where this rule matches."""
        if self.before is None:
            return [m.start() for m in self.pattern.finditer(text, 1, len(text))]
        ends = {m.end() for m in self.pattern.finditer(text, overlapped=True)}
        return [p for p in sorted(ends) if 0 < p < len(text) and self.matches(text, p)]


@dataclass(frozen=True, slots=True)
class CompiledRules:
    """Rules for one language, compiled once; `breaks(text)` is the engine."""

    rules: tuple[CompiledRule, ...]
    break_indexes: tuple[int, ...]

    def breaks(self, text: str) -> list[int]:
        """Offsets (0 < offset < len(text)) at which `text` is split, ascending."""
        if not self.break_indexes or len(text) < 2:
            return []
        candidates: dict[int, int] = {}
        for index in self.break_indexes:
            for position in self.rules[index].positions(text):
                if 0 < position < len(text):
                    candidates.setdefault(position, index)
        out: list[int] = []
        for position in sorted(candidates):
            for rule in self.rules[: candidates[position]]:
                if rule.matches(text, position):
                    if rule.is_break:
                        out.append(position)
                    break
            else:
                out.append(position)
        return out


def _lookaround(before: str, after: str) -> str:
    parts = []
    if before:
        parts.append(f"(?<={before})")
    if after:
        parts.append(f"(?={after})")
    return "".join(parts)


def compile_rules(
    rules: Sequence[tuple[bool, str, str, int | None]], *, name: str
) -> CompiledRules:
    """Compile (is_break, before, after, line) rules; a bad regex is an `InputError`."""
    singles: list[tuple[bool, str, str]] = []
    for is_break, before, after, line in rules:
        before, after = java_to_python(before), java_to_python(after)
        try:
            regex.compile(_lookaround(before, after), regex.VERSION0)
        except regex.error as exc:
            raise InputError(name, line, f"bad rule regex: {exc}") from None
        singles.append((is_break, before, after))
    compiled = _merge_neighbours(singles)
    break_indexes = tuple(i for i, rule in enumerate(compiled) if rule.is_break)
    return CompiledRules(tuple(compiled), break_indexes)


# Back references, recursion and named groups: a rule holding one is never merged.
_GROUP_REFERENCE = regex.compile(r"\\[1-9]|\\[kg]<|\(\?P[=>]|\(\?&|\(\?R|\(\?\d|\(\?P?<[A-Za-z_]")
_BACK_REFERENCE = regex.compile(r"\\[1-9]|\\[kg]<|\(\?P=")


def _merge_neighbours(singles: list[tuple[bool, str, str]]) -> list[CompiledRule]:
    """Join neighbouring rules of the same kind into one alternation: the first rule that
    matches decides and neighbours decide alike, so the result is the same with fewer
    regex calls. A rule with group references or named groups stays alone."""
    out: list[CompiledRule] = []
    group: list[str] = []
    group_kind = False
    for is_break, before, after in singles:
        source = _lookaround(before, after)
        if group and (group_kind != is_break or _GROUP_REFERENCE.search(source)):
            out.append(_joined(group_kind, group))
            group = []
        if _GROUP_REFERENCE.search(source):
            out.append(_single(is_break, before, after, source))
            continue
        group_kind = is_break
        group.append(source)
    if group:
        out.append(_joined(group_kind, group))
    return out


def _joined(is_break: bool, sources: list[str]) -> CompiledRule:
    pattern = "|".join(f"(?:{source})" for source in sources) if len(sources) > 1 else sources[0]
    return CompiledRule(is_break, regex.compile(pattern, regex.VERSION0))


def _single(is_break: bool, before: str, after: str, source: str) -> CompiledRule:
    if _BACK_REFERENCE.search(before):
        try:
            after_pattern = regex.compile(after, regex.VERSION0) if after else None
            return CompiledRule(
                is_break,
                regex.compile(f"(?:{before})(?={after})" if after else before, regex.VERSION0),
                regex.compile(f"(?:{before})\\Z", regex.VERSION0),
                after_pattern,
            )
        except regex.error:
            pass  # `after` refers to a group of `before`: only the look-around form works
    return CompiledRule(is_break, regex.compile(source, regex.VERSION0))
