"""Lexical evidence: each segment's keys (word stems, numbers, marks, markup types) and the
table of which Ukrainian keys may translate which English ones.

Links come from identical keys, names and international words compared through KMU-55
transliteration, glossary pairs, and stem pairs that co-occur in a first pass's confident pairs
(Dunning's log-likelihood test); nothing is given in advance.
"""
from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

import regex
from rapidfuzz import fuzz, process

from tmtool.lang.translit import transliterate

STEM_LETTERS = 5  # a word's key is its first letters: a crude stemmer that suits inflected Ukrainian
NAME_SIMILARITY = 75.0  # rapidfuzz ratio (0-100) at which two spellings are taken for one name
MAX_LINKS = 3  # learned partners kept per key (the strongest by log-likelihood)
G2_CRITICAL = 10.83  # chi-square(1) at p = 0.001: a co-occurrence this unlikely by chance counts
COMMON_SHARE = 1 / 3  # keys in more than this share of a side's segments carry no evidence
COGNATE_LETTERS = 6  # words this long may be international vocabulary
COGNATE_PREFIX = 7  # compared over their first letters (endings differ between languages)
COGNATE_SIMILARITY = 80.0
# Folded initials that may stand for a folded English initial (Europe/Yevropa,
# geography/heohrafiia)
_INITIALS = {"e": "ei", "g": "gh"}
_NUMBER_SEPARATOR = regex.compile(r"[.,]")
# the apostrophes a word token may hold that are not letters (U+02BC is a modifier letter)
_APOSTROPHE = regex.compile("['\u2019]")

_TOKEN = regex.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>\p{L}+(?:['\u2019\u02bc]\p{L}+)*)|(?P<mark>[?!«»„“”\"()\[\]%])"
)
_MARK_KEYS = {
    "?": "p?", "!": "p!", "%": "p%", "(": "p(", ")": "p(", "[": "p(", "]": "p(",
    "«": "pq", "»": "pq", "„": "pq", "“": "pq", "”": "pq", '"': "pq",
}


def _number_key(digits: str) -> str:
    """One spelling for 1,000 / 1.000 / 1000 and 2,5 / 2.5."""
    groups = _NUMBER_SEPARATOR.split(digits)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]):
        return "#" + "".join(groups)
    return "#" + ".".join(groups)


def segment_keys(text: str) -> tuple[list[str], list[str]]:
    """(keys, capitalised words after the first word) of one segment's plain text."""
    keys, names, _ = _scan(text)
    return keys, names


def _scan(text: str) -> tuple[list[str], list[str], list[str]]:
    """`segment_keys` and the lower-cased long words of a text: the runs of COGNATE_LETTERS or
    more letters (`\\p{L}`), which lie inside word tokens, between their apostrophes."""
    keys: list[str] = []
    names: list[str] = []
    long_words: list[str] = []
    first = True
    for number, word, mark in _TOKEN.findall(text):  # the group that matched is not empty
        if word:
            lower = word.lower()
            keys.append("w" + lower[:STEM_LETTERS])
            if not first and word[0].isupper() and len(word) >= 3:
                names.append(word)
            first = False
            if len(word) < COGNATE_LETTERS:
                continue
            if "'" in word or "\u2019" in word:
                long_words.extend(run.lower() for run in _APOSTROPHE.split(word) if len(run) >= COGNATE_LETTERS)
            else:
                long_words.append(lower)
        elif number:
            keys.append(_number_key(number))
        else:
            keys.append(_MARK_KEYS[mark])
    return keys, names, long_words


@dataclass
class Side:
    """One document side: distinct evidence keys per segment, and its name spellings."""

    keys: list[tuple[str, ...]]
    names: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)  # lower-cased words of COGNATE_LETTERS or more

    @classmethod
    def build(cls, texts: Sequence[str], extra: Sequence[Sequence[str]] | None = None) -> Side:
        per_segment: list[set[str]] = []
        names: set[str] = set()
        words: set[str] = set()
        for index, text in enumerate(texts):
            keys, seg_names, long_words = _scan(text)
            found = set(map(sys.intern, keys))
            if extra is not None:
                found.update(extra[index])
            per_segment.append(found)
            names.update(seg_names)
            words.update(long_words)
        df = Counter(chain.from_iterable(per_segment))
        limit = max(3.0, COMMON_SHARE * len(texts))
        common = {k for k, count in df.items() if count > limit and k.startswith("w")}
        return cls(keys=[tuple(sorted(found - common)) for found in per_segment], names=names, words=words)


Links = dict[str, frozenset[str]]


def name_links(src_names: Iterable[str], tgt_names: Iterable[str]) -> set[tuple[str, str]]:
    """(source key, target key) for capitalised words that transliterate to a similar spelling."""
    targets = sorted({t.lower() for t in tgt_names})
    pairs: set[tuple[str, str]] = set()
    if not targets:
        return pairs
    for name in sorted(set(src_names)):
        latin = transliterate(name).lower()
        for candidate, score, _ in process.extract(
            latin, targets, scorer=fuzz.ratio, score_cutoff=NAME_SIMILARITY - 15, limit=None
        ):
            prefix_score = fuzz.ratio(latin[:len(candidate)], candidate)
            if max(score, prefix_score) >= NAME_SIMILARITY:
                pairs.add(("w" + name.lower()[:STEM_LETTERS], "w" + candidate[:STEM_LETTERS]))
    return pairs


_FOLD_LETTERS = str.maketrans("cyw", "kiv")  # after the digraphs; no output is another's input


def _fold(latin: str) -> str:
    """A rough spelling skeleton shared by English and KMU-55 romanization."""
    return latin.replace("ph", "f").replace("th", "t").replace("kh", "h").translate(_FOLD_LETTERS)


def cognate_links(src_words: Iterable[str], tgt_words: Iterable[str]) -> set[tuple[str, str]]:
    """(source key, target key) for long words whose transliteration starts like an English
    word (політичну/political, культури/culture): international vocabulary."""
    by_initial: dict[str, dict[str, set[str]]] = {}
    for word in tgt_words:
        folded = _fold(word)[:COGNATE_PREFIX]
        for initial in _INITIALS.get(folded[0], folded[0]):
            by_initial.setdefault(initial, {}).setdefault(folded, set()).add("w" + word[:STEM_LETTERS])
    choices = {initial: sorted(prefixes) for initial, prefixes in by_initial.items()}
    pairs: set[tuple[str, str]] = set()
    for word in sorted(src_words):
        folded = _fold(transliterate(word).lower())[:COGNATE_PREFIX]
        if not folded.isalpha():
            continue
        for candidate, _, _ in process.extract(
            folded, choices.get(folded[0], []), scorer=fuzz.ratio,
            score_cutoff=COGNATE_SIMILARITY, limit=None,
        ):
            for target_key in by_initial[folded[0]][candidate]:
                pairs.add(("w" + word[:STEM_LETTERS], target_key))
    return pairs


def _g2(k11: int, k1: int, k2: int, total: int) -> float:
    """Dunning's log-likelihood ratio for a 2x2 co-occurrence table: 2 * sum of observed *
    ln(observed / expected) over its non-empty cells (written out cell by cell: it is called
    for every candidate pair)."""
    log = math.log
    g2 = 0.0
    if k11 > 0:
        g2 += k11 * log(k11 / (k1 * k2 / total))
    cell = k1 - k11
    if cell > 0:
        g2 += cell * log(cell / (k1 * (total - k2) / total))
    cell = k2 - k11
    if cell > 0:
        g2 += cell * log(cell / ((total - k1) * k2 / total))
    cell = total - k1 - k2 + k11
    if cell > 0:
        g2 += cell * log(cell / ((total - k1) * (total - k2) / total))
    return 2.0 * g2


def learn_links(pairs: Sequence[tuple[Sequence[str], Sequence[str]]]) -> set[tuple[str, str]]:
    """Word-key pairs that co-occur in aligned pairs far more often than chance."""
    total = len(pairs)
    if total < 10:
        return set()
    src_count = Counter(k for src_keys, _ in pairs for k in src_keys if k.startswith("w"))
    tgt_count = Counter(k for _, tgt_keys in pairs for k in tgt_keys if k.startswith("w"))
    # a key seen once cannot co-occur twice; counting one source key at a time keeps
    # memory small (a joint table of all pairs would hold millions of entries)
    tgt_words = [[k for k in tgt_keys if tgt_count[k] >= 2] for _, tgt_keys in pairs]
    rows_of: dict[str, list[int]] = {}
    for row, (src_keys, _) in enumerate(pairs):
        for key in src_keys:
            if src_count[key] >= 2:
                rows_of.setdefault(key, []).append(row)
    scored: list[tuple[float, str, str]] = []
    g2_of: dict[tuple[int, int, int], float] = {}  # the same small counts come back often
    for a, rows in rows_of.items():
        joint = Counter(chain.from_iterable(tgt_words[row] for row in rows))
        k1 = len(rows)
        for b, k11 in joint.items():
            k2 = tgt_count[b]
            if k11 < 2 or k11 * total <= k1 * k2:
                continue  # too rare, or not positively associated
            g2 = g2_of.get((k11, k1, k2))
            if g2 is None:
                g2 = g2_of[(k11, k1, k2)] = _g2(k11, k1, k2, total)
            if g2 >= G2_CRITICAL:
                scored.append((g2, a, b))
    scored.sort(reverse=True)
    per_src: Counter[str] = Counter()
    per_tgt: Counter[str] = Counter()
    links: set[tuple[str, str]] = set()
    for _, a, b in scored:
        if per_src[a] < MAX_LINKS or per_tgt[b] < MAX_LINKS:
            links.add((a, b))
            per_src[a] += 1
            per_tgt[b] += 1
    return links


def identity_links(src: Side, tgt: Side) -> set[tuple[str, str]]:
    """Keys spelled the same on both sides: numbers, marks, markup, Latin words in Ukrainian."""
    src_vocab = {k for keys in src.keys for k in keys}
    tgt_vocab = {k for keys in tgt.keys for k in keys}
    return {(k, k) for k in src_vocab & tgt_vocab}


def link_tables(pairs: Iterable[tuple[str, str]]) -> tuple[Links, Links]:
    """Forward (source key -> target keys) and backward tables."""
    forward: dict[str, set[str]] = {}
    backward: dict[str, set[str]] = {}
    for a, b in pairs:
        forward.setdefault(a, set()).add(b)
        backward.setdefault(b, set()).add(a)
    return (
        {k: frozenset(v) for k, v in forward.items()},
        {k: frozenset(v) for k, v in backward.items()},
    )
