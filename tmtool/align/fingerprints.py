"""Cheap fingerprints of a document for finding its translation among thousands (`tmtool pair`).

A fingerprint is what survives translation without a dictionary: numbers, dates (a month next
to a number), names and international words compared through KMU-55 transliteration and a
coarse sound key, Latin-script words kept as they are, the length, and the structure (blocks,
headings, sentences). Keys are 64-bit digests in a sorted array, so ten thousand fingerprints
take a few megabytes; the text itself is never kept. For the verification of uncertain pairs
(`verification`), the first segments are kept as their lengths and the positions of their keys
and word stems in those arrays (two bytes each), enough to align two documents without them.
"""
from __future__ import annotations

import hashlib
from array import array
from collections import Counter
from dataclasses import dataclass, field

import regex

from tmtool.align.inputs import AlignSide, expected_script
from tmtool.lang.translit import transliterate

STEM_LETTERS = 5  # a word's stem: its first letters (a crude stemmer that suits inflected Ukrainian)
NAME_KEY_CLASSES = 4  # sound classes of a name kept in its key (inflected endings fall off)

_WORD = regex.compile(r"\p{L}{4,}")
_TOKEN = regex.compile(r"(?P<num>\d+)|(?P<word>\p{L}+(?:['\u2019\u02bc]\p{L}+)*)")
# Spellings that sound alike in English and in KMU-55 romanization, longest first.
_DIGRAPHS = (("shch", "s"), ("sch", "s"), ("tch", "k"), ("zh", "s"), ("kh", "k"), ("ch", "k"),
             ("sh", "s"), ("ts", "s"), ("th", "t"), ("ph", "p"), ("ck", "k"), ("gh", "k"))
_SOFT_C = regex.compile(r"c(?=[eiy])")  # English c sounds s before e, i, y, else k
# Coarse sound classes (vowels, y, j and w carry none), in the spirit of Soundex.
_CLASSES = str.maketrans({**dict.fromkeys("bpfv", "p"), **dict.fromkeys("cgkqhx", "k"),
                          **dict.fromkeys("sz", "s"), **dict.fromkeys("dt", "t"),
                          **dict.fromkeys("mn", "n"), "l": "l", "r": "r"})
_NOT_CLASSES = regex.compile(r"[^pkstnlr]")
_MONTHS_UK = {
    1: "січень січня січні", 2: "лютий лютого лютому", 3: "березень березня березні",
    4: "квітень квітня квітні", 5: "травень травня травні", 6: "червень червня червні",
    7: "липень липня липні", 8: "серпень серпня серпні", 9: "вересень вересня вересні",
    10: "жовтень жовтня жовтні", 11: "листопад листопада листопаді", 12: "грудень грудня грудні",
}
_MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december"]
MONTHS = {form: number for number, forms in _MONTHS_UK.items() for form in forms.split()}
MONTHS.update({name: number for number, name in enumerate(_MONTHS_EN, 1)})
MONTHS.update({name[:3]: number for number, name in enumerate(_MONTHS_EN, 1) if name != "may"})


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What `tmtool pair` keeps of one document: sorted key digests and its shape."""

    path: str
    keys: array[int]  # sorted, distinct 64-bit digests
    places: bytes  # where each key first occurs, as a share of the letters (0-255)
    counts: bytes  # how often each key occurs (at most 255)
    letters: int
    blocks: int
    headings: int
    segments: int
    profile: bytes  # where the blocks end, as shares of the letters (0-255), the first ones
    sentences: bytes  # where the sentences end, the same way
    questions: bytes  # where question marks stand
    exclamations: bytes
    words: array[int] = field(default_factory=lambda: array("q"))  # word stems, as `keys`
    word_places: bytes = b""
    word_counts: bytes = b""
    # per segment (the first VERIFY_SEGMENTS): letters, and its distinct terms as positions in
    # `keys` (below len(keys)) or in `words` (len(keys) on), from segment_starts[k] on
    segment_letters: array[int] = field(default_factory=lambda: array("H"))
    segment_terms: array[int] = field(default_factory=lambda: array("H"))
    segment_starts: array[int] = field(default_factory=lambda: array("I", [0]))
    block_starts: bytes = b""  # per kept segment: 1 where a block (paragraph, heading...) starts

    def segment_digests(self) -> list[list[int]]:
        """Each kept segment's terms (keys and word stems) as digests."""
        stems_from = len(self.keys)
        digests = [self.keys[t] if t < stems_from else self.words[t - stems_from] for t in self.segment_terms]
        starts = self.segment_starts
        return [digests[starts[k]:starts[k + 1]] for k in range(len(starts) - 1)]


PROFILE_BLOCKS = 32  # block ends kept in a profile
PROFILE_SENTENCES = 128  # sentence ends kept
VERIFY_SEGMENTS = 256  # segments kept for verification (longer documents rarely need it)


def key_digest(key: str) -> int:
    """A stable signed 64-bit digest (the same in every process, unlike `hash`)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little",
                          signed=True)


def sound_key(latin: str) -> str:
    """A coarse key shared by an English spelling and a KMU-55 romanization of one name:
    Shevchenko/Shevchenka, Kyiv/Kiev/Kyievi, Zelenskyi/Zelensky."""
    word = latin.lower()
    for old, new in _DIGRAPHS:
        word = word.replace(old, new)
    word = _SOFT_C.sub("s", word)
    classes = _NOT_CLASSES.sub("", word.translate(_CLASSES))
    collapsed = [c for index, c in enumerate(classes) if not index or c != classes[index - 1]]
    return "".join(collapsed[:NAME_KEY_CLASSES])


def text_keys(text: str, *, cyrillic: bool) -> list[str]:
    """The keys of one sentence, in order: numbers, dated months, names, Latin words."""
    keys: list[str] = []
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(text)]
    for index, (kind, token) in enumerate(tokens):
        if kind == "num":
            keys.append("n" + (token.lstrip("0") or "0"))
            continue
        lower = token.lower()
        month = MONTHS.get(lower)
        if month and any(kind == "num" for kind, _ in tokens[max(0, index - 1):index + 2]):
            keys.append(f"m{month}")
        is_latin = token.isascii()
        if is_latin and cyrillic:
            keys.append("l" + lower)  # a Latin word inside Cyrillic text stays as written
        if index > 0 and token[0].isupper() and len(token) >= 3 and not month:  # a name
            key = sound_key(transliterate(token) if not is_latin else token)
            if key:
                keys.append("w" + key)
            if len(key) >= 3:  # a case ending or a Latin -us/-um may add a last class
                keys.append("w" + key[:-1])
        if is_latin and not cyrillic and token[0].isupper():
            keys.append("l" + lower)
    return keys


def word_stems(text: str) -> list[str]:
    """The stems (first letters, lower case) of a sentence's words of four letters or more:
    what `tmtool pair` learns translations of from the pairs it is sure of."""
    return ["s" + m.group().lower()[:STEM_LETTERS] for m in _WORD.finditer(text)]


class _Occurrences:
    """Where keys first occur and how often, while a document is read."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.counts: Counter[str] = Counter()

    def add(self, keys: list[str], at: int) -> None:
        self.counts.update(keys)
        for key in keys:
            self.first.setdefault(key, at)

    def table(self, letters: int) -> tuple[array[int], bytes, bytes]:
        """(sorted digests, first places, counts)."""
        by_digest = sorted((key_digest(key), key) for key in self.first)
        digests = array("q", (digest for digest, _ in by_digest))
        places = _shares([self.first[key] for _, key in by_digest], letters, limit=len(by_digest))
        return digests, places, bytes(min(255, self.counts[key]) for _, key in by_digest)


def fingerprint(side: AlignSide, path: str) -> Fingerprint:
    """The fingerprint of one read document (`read_side` output)."""
    cyrillic = expected_script(side.lang) == "cyrillic"
    keys, words = _Occurrences(), _Occurrences()
    running = [0]  # letters before each segment
    marks: dict[str, list[int]] = {"?": [], "!": []}
    segment_terms: list[tuple[list[str], list[str]]] = []
    letters = 0
    for text in side.texts:
        terms = (text_keys(text, cyrillic=cyrillic), word_stems(text))
        keys.add(terms[0], letters)
        words.add(terms[1], letters)
        if len(segment_terms) < VERIFY_SEGMENTS:
            segment_terms.append(terms)
        for char in text:
            if char.isalpha():
                letters += 1
            elif char in marks:
                marks[char].append(letters)
        running.append(letters)
    headings = sum(1 for kind in side.kinds if kind == "heading")
    ends = [running[end] for _, end in side.blocks[:-1][:PROFILE_BLOCKS]]  # the last ends at 100 %
    firsts = {start for start, _ in side.blocks} or {0}
    key_table, word_table = keys.table(letters), words.table(letters)
    return Fingerprint(path, *key_table, letters, max(1, len(side.blocks)), headings,
                       len(side.segments), _shares(ends, letters),
                       _shares(running[1:-1], letters, limit=PROFILE_SENTENCES),
                       _shares(marks["?"], letters), _shares(marks["!"], letters), *word_table,
                       *_segment_table(segment_terms, running, key_table[0], word_table[0]),
                       bytes(k in firsts for k in range(len(segment_terms))))


def _segment_table(segment_terms: list[tuple[list[str], list[str]]], running: list[int],
                   keys: array[int], words: array[int]) -> tuple[array[int], array[int], array[int]]:
    """(letters, term positions, starts) of the kept segments, as `Fingerprint` holds them."""
    position = {digest: n for n, digest in enumerate(keys)}
    position.update({digest: len(keys) + n for n, digest in enumerate(words)})
    letters = array("H", (min(0xFFFF, running[k + 1] - running[k]) for k in range(len(segment_terms))))
    terms, starts = array("H"), array("I", [0])
    for segment_keys, segment_stems in segment_terms:
        found = {position[key_digest(term)] for term in (*segment_keys, *segment_stems)}
        terms.extend(sorted(n for n in found if n <= 0xFFFF))
        starts.append(len(terms))
    return letters, terms, starts


def _shares(positions: list[int], letters: int, limit: int = PROFILE_BLOCKS) -> bytes:
    """Positions (in letters from the start) as shares of the document, 0-255, the first ones."""
    return bytes(min(255, round(255 * p / max(1, letters))) for p in positions[:limit])
