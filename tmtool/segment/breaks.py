"""The SRX engine: where a text breaks into sentences under an ordered list of rules.

At each position the first rule whose `before` matches up to it and whose `after` matches
from it decides (exceptions come first in a rule file). To stay fast, only break rules scan
the text (one `finditer` each); the rules before them are tried only at those candidates.
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
    is_break: bool
    pattern: regex.Pattern[str]


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
            for match in self.rules[index].pattern.finditer(text, 1, len(text)):
                position = match.start()
                if 0 < position < len(text) and candidates.get(position, index + 1) > index:
                    candidates[position] = index
        out: list[int] = []
        for position in sorted(candidates):
            first_break = candidates[position]
            for index in range(first_break):
                rule = self.rules[index]
                if rule.pattern.match(text, position):
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
    compiled: list[CompiledRule] = []
    for is_break, before, after, line in rules:
        source = _lookaround(java_to_python(before), java_to_python(after))
        try:
            pattern = regex.compile(source, regex.VERSION0)
        except regex.error as exc:
            raise InputError(name, line, f"bad rule regex: {exc}") from None
        compiled.append(CompiledRule(is_break, pattern))
    break_indexes = tuple(i for i, rule in enumerate(compiled) if rule.is_break)
    return CompiledRules(tuple(compiled), break_indexes)
