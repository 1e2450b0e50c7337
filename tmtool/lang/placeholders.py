"""Placeholders of software strings: printf (`%s`, `%(name)d`, `%1$s`) and brace formats
(`{0}`, `{name!r:>8}`). CAT tools show them as codes; letters in them are not words (the `s`
of `%(link)sзареєструйтесь` is a conversion, not a Latin letter in a Ukrainian word)."""
from __future__ import annotations

import re

PLACEHOLDER = (
    r"%(?:\d+\$)?(?:\(\w+\))?[-+#0]?\d*(?:\.\d+)?[sdifuxXeEgGcr%]"
    r"|\{[\w.\[\]]*(?:![rsa])?(?::[^{}\s]*)?\}"
)
_PLACEHOLDER = re.compile(PLACEHOLDER)


def blank_placeholders(text: str) -> str:
    """`text` with every placeholder turned into spaces (same length, same offsets)."""
    if "%" not in text and "{" not in text:
        return text
    return _PLACEHOLDER.sub(lambda match: " " * len(match.group()), text)
