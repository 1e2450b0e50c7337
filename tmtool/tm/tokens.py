"""A segment as the match score and the memory index see it: words, their stems, numbers,
inline codes and punctuation, each kept apart.

Text is normalised first (NFC, one apostrophe, no soft hyphens or stress marks, see
`tmtool.lang.tokens`), so «Кам’янське» typed with U+2019, U+02BC or U+0027 gives the same
words. In plain text (PO messages, lookups typed on the command line) printf and brace
placeholders (`%s`, `%(name)d`, `{0}`) and XML-like tags (`<b>`, `</a>`) count as inline
codes, as CAT tools treat them.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from tmtool.lang.placeholders import PLACEHOLDER
from tmtool.lang.stemming import stem
from tmtool.lang.tokens import normalize_text
from tmtool.model import CodeKind, InlineCode, Segment
from tmtool.segment.inline import VOID_TAGS, tag_type

_CODE = re.compile(PLACEHOLDER + r"|</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
_MAY_HOLD_CODE = re.compile(r"[%{<]")
_PAIRED_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*)?>")  # not self-closing
_NUMBER = re.compile(r"(?<![^\W_])\d+(?:[.,:/]\d+)*(?![^\W_])")
# Letters and digits with inner apostrophes; a token of digits only is a number's piece.
_WORDLIKE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_PUNCTUATION = re.compile(r"[^\w\s']|(?<![^\W_])'|'(?![^\W_])")


@dataclass(frozen=True, slots=True)
class MatchTokens:
    """The parts of one segment that the score compares.

    `words` keep their case (for the case penalty), `folded` are case-folded, `stems` are
    the index terms (`tmtool.lang.stemming`); `codes` are inline codes by their markup;
    `identity` is the text with its codes' markup, trimmed: equal identities score 100.
    """

    words: tuple[str, ...]
    folded: tuple[str, ...]
    stems: tuple[str, ...]
    numbers: tuple[str, ...]
    codes: tuple[str, ...]
    punct: tuple[str, ...]
    identity: str

    @property
    def word_count(self) -> int:
        """Words and numbers: what a CAT tool's analysis counts."""
        return len(self.words) + len(self.numbers)


def _code_signature(code: InlineCode) -> str:
    """A code as compared. A paired code with a type by its kind and type, so bold is bold
    whether Markdown wrote `**`, HTML `<b>` or Word a bold run (a memory aligned from one
    format serves documents in another); any other code by its markup, so a placeholder typed
    as text equals the same code read from a file."""
    if code.kind is not CodeKind.STANDALONE:
        if code.type:
            return _paired_signature(code.kind is CodeKind.OPEN, code.type)
        if code.native:  # an XLIFF <bpt>&lt;b></bpt> without ctype: its tag tells the type
            return _text_code_signature(code.native)
    return code.native or f"\x00{code.kind.value}:{code.type or ''}\x00"


def _paired_signature(opening: bool, code_type: str) -> str:
    return f"\x00{'open' if opening else 'close'}:{code_type}\x00"


def _text_code_signature(markup: str) -> str:
    """A code found in plain text: an opening or closing HTML tag as the paired code a reader
    would have made of it (`<b>` is bold), anything else (a placeholder, `<br/>`) by its markup."""
    tag = _PAIRED_TAG.fullmatch(markup)
    if tag is None or tag.group(2).lower() in VOID_TAGS:
        return markup
    return _paired_signature(not tag.group(1), tag_type(tag.group(2).lower()))


def _scan(text: str, words: list[str], numbers: list[str], codes: list[str],
          punct: list[str]) -> None:
    """Each kind of token found by its own C-speed pass (the hot path of an import)."""
    text = normalize_text(text).text
    if _MAY_HOLD_CODE.search(text):
        codes.extend(map(_text_code_signature, _CODE.findall(text)))
        text = _CODE.sub(" ", text)
    found = _NUMBER.findall(text)
    if found:
        numbers.extend(found)
        words.extend(token for token in _WORDLIKE.findall(text) if not token.isdecimal())
        text = _NUMBER.sub(" ", text)  # a number's inner . and , are not punctuation
    else:
        words.extend(_WORDLIKE.findall(text))
    punct.extend(_PUNCTUATION.findall(text))


def _tokens(words: list[str], numbers: list[str], codes: list[str], punct: list[str],
            identity: str) -> MatchTokens:
    folded = tuple(map(str.casefold, words))
    return MatchTokens(
        words=tuple(words), folded=folded, stems=tuple(map(stem, folded)),
        numbers=tuple(numbers), codes=tuple(codes), punct=tuple(punct), identity=identity,
    )


def analyse_text(text: str) -> MatchTokens:
    """The match tokens of a plain string (placeholders and tags count as codes)."""
    words: list[str] = []
    numbers: list[str] = []
    codes: list[str] = []
    punct: list[str] = []
    _scan(text, words, numbers, codes, punct)
    identity = _CODE.sub(lambda code: _text_code_signature(code.group()), text) if codes else text
    return _tokens(words, numbers, codes, punct, identity.strip())


text_tokens = functools.lru_cache(maxsize=65_536)(analyse_text)
"""`analyse_text`, remembered: lookups meet the same memory segments again and again."""


def word_sequence(text: str) -> list[str]:
    """The case-folded words and numbers of a text, in order (for phrase matching)."""
    text = normalize_text(text).text
    if _MAY_HOLD_CODE.search(text):
        text = _CODE.sub(" ", text)
    return [token.casefold() for token in _WORDLIKE.findall(text)]


def segment_tokens(segment: Segment) -> MatchTokens:
    """The match tokens of a segment with inline codes."""
    parts = segment.parts
    if len(parts) <= 1 and all(isinstance(part, str) for part in parts):
        return analyse_text(segment.text)
    words: list[str] = []
    numbers: list[str] = []
    codes: list[str] = []
    punct: list[str] = []
    identity: list[str] = []
    for part in parts:
        if isinstance(part, str):
            _scan(part, words, numbers, codes, punct)
            identity.append(part)
        else:
            signature = _code_signature(part)
            codes.append(signature)
            identity.append(signature)
    return _tokens(words, numbers, codes, punct, "".join(identity).strip())
