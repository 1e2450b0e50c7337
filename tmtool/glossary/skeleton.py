"""Romanization skeletons for near-miss detection (terminology-notes §4.8): spellings of one
name under different conventions fold to one key (Qaysenoff, Kaissenov, Kaysenov → kaisenov;
Shevchenco → Shevchenko's key; Tokaev → Tokayev's), while distinct names keep distinct keys.

`NearMissIndex` looks a capitalised word sequence up first by exact skeleton, then by edit
distance 1 (2 from ten letters) within a bucket keyed by word count, first letter and
length, so the cost stays flat as the glossary grows.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from tmtool.glossary.model import GlossaryEntry

# Upper-case letters are fold classes that no lower-case letter can collide with.
_FOLDS = (
    ("shch", "S"), ("sch", "S"), ("dzh", "J"), ("zh", "J"), ("j", "J"), ("kh", "h"),
    ("ts", "C"), ("tz", "C"), ("ch", "C"), ("sh", "S"), ("q", "k"), ("c", "k"),
    ("x", "ks"), ("w", "v"), ("y", "i"),
)
_DOUBLES = re.compile(r"(.)\1+")
_NON_LETTERS = re.compile(r"[^a-z ]+")
_GLIDE = re.compile(r"([aeou])i(?=[aeiou])")
SHORTEST = 4  # fewer characters (words and spaces) are never looked up
_ENDINGS = ((re.compile(r"off\b"), "ov"), (re.compile(r"eff\b"), "ev"))


@functools.lru_cache(maxsize=65_536)
def skeleton(text: str, *, j_as_i: bool = False) -> str:
    """The folded key of a Latin name or word sequence (words separated by one space).

    A lone `j` folds with `zh` (Jambyl / Zhambyl); with `j_as_i` it folds with `y` instead,
    as in German- and Polish-style spellings (Hrushevskij / Hrushevskyi, Jurij / Yurii).
    """
    key = " ".join(_NON_LETTERS.sub("", word) for word in text.lower().replace("-", " ").split())
    for pattern, replacement in _ENDINGS:
        key = pattern.sub(replacement, key)
    for old, new in _FOLDS:
        key = key.replace(old, "i" if j_as_i and old == "j" else new)
    # A glide between vowels is written y, i or not at all: Tokayev / Tokaev / Tokaiev.
    return _GLIDE.sub(r"\1", _DOUBLES.sub(r"\1", key))


def spelled(form: str) -> str:
    """Lower case, hyphens as spaces, no possessive: how near-miss compares word sequences."""
    return " ".join(form.lower().replace("’", "'").replace("'s", "").replace("-", " ").split())


def _same_stem(one: str, other: str, *, narrow: bool) -> bool:
    """Derivatives rather than misspellings: one key a prefix of the other (Kazakh/Kazakhs,
    Tokayev/Tokayeva), or equal once final vowels go (Zelenska/Zelenskyy). `narrow` keeps
    only the feminine -a against a masculine -y/-yi among final-vowel differences, for a
    window that is surely a name (two words, eight letters or more, or a term of the unit's
    Ukrainian side): there Ukrzaliznytsa, Rotary and Kostenka are slips, while a short lone
    capitalised word may be English ("Rotary Club")."""
    if one.startswith(other) or other.startswith(one):
        return True
    stem = one.rstrip("aeiou")
    if stem != other.rstrip("aeiou"):
        return False
    if not narrow:
        return True
    endings = {one[len(stem):], other[len(stem):]}
    return "a" in endings and bool(endings & {"i", "ii"})  # Zelenska / Zelensky(y)


@dataclass(frozen=True, slots=True)
class NearTarget:
    skeleton: str
    form: str
    entry: GlossaryEntry


class NearMissIndex:
    """The approved names of a glossary by skeleton."""

    def __init__(
        self, targets: Iterable[tuple[str, GlossaryEntry]], approved: Iterable[str] = ()
    ) -> None:
        # Every approved spelling, as `spelled` gives it: such a window is no near miss.
        self.approved = frozenset(spelled(form) for form in approved)
        self.exact: dict[str, NearTarget] = {}
        self.buckets: dict[tuple[int, str, int], list[NearTarget]] = {}
        for form, entry in targets:
            key = skeleton(form)
            if len(key.replace(" ", "")) < 3:
                continue
            target = NearTarget(key, form, entry)
            self.exact.setdefault(key, target)
            bucket = (key.count(" ") + 1, key[0], len(key))
            self.buckets.setdefault(bucket, []).append(target)
        self.max_words = max((k[0] for k in self.buckets), default=0)
        self.by_entry: dict[str, list[NearTarget]] = {}
        for bucket_targets in self.buckets.values():
            for target in bucket_targets:
                self.by_entry.setdefault(target.entry.term_id, []).append(target)

    def lookup(self, words: str, *, fuzzy: bool) -> NearTarget | None:
        """The target `words` is a variant of: equal skeletons always, a small edit distance
        when `fuzzy` (6 letters or more, neither key a derivative of the other)."""
        key = skeleton(words)
        if len(words) < SHORTEST:
            return None
        target = self.exact.get(key) or self.exact.get(skeleton(words, j_as_i=True))
        if target is not None or not fuzzy:
            return target
        letters = len(key.replace(" ", ""))
        if letters < 6:
            return None
        limit = 2 if letters >= 10 else 1
        count = key.count(" ") + 1
        best: tuple[int, NearTarget] | None = None
        for length in range(len(key) - limit, len(key) + limit + 1):
            for candidate in self.buckets.get((count, key[0], length), ()):
                if _same_stem(key, candidate.skeleton, narrow=count > 1 or letters >= 8):
                    continue
                distance = Levenshtein.distance(key, candidate.skeleton, score_cutoff=limit)
                if distance <= limit and (best is None or distance < best[0]):
                    best = (distance, candidate)
        return best[1] if best else None

    def lookup_among(self, words: str, term_ids: Iterable[str]) -> NearTarget | None:
        """The closest target of the entries `term_ids` (the terms the unit's Ukrainian side
        names) that `words` could be a slip for: the fuzzy test of `lookup` with no
        sentence-start or first-letter condition, comparing only with those entries."""
        key = skeleton(words)
        letters = len(key.replace(" ", ""))
        if len(words) < SHORTEST or letters < 6:
            return None
        limit = 2 if letters >= 10 else 1
        best: tuple[int, NearTarget] | None = None
        for term_id in term_ids:
            for candidate in self.by_entry.get(term_id, ()):
                if candidate.skeleton.count(" ") != key.count(" "):
                    continue
                if _same_stem(key, candidate.skeleton, narrow=True):
                    continue
                distance = Levenshtein.distance(key, candidate.skeleton, score_cutoff=limit)
                if distance <= limit and (best is None or distance < best[0]):
                    best = (distance, candidate)
        return best[1] if best else None

