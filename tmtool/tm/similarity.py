"""The CAT-style match percentage of a memory segment against a query segment.

Formula (documented in docs/tm.md and `tmtool tm lookup --help`):

    n     = the number of words in the longer of the two segments
    base  = 100 * (1 - (LD(words) + LD(stems)) / (2 * n))
    score = floor(base - 2 * LD(numbers) - 2 * LD(codes) - LD(punctuation) - case)

LD is the Levenshtein distance over token sequences (a word substituted, inserted or deleted
costs 1), words compared case-folded; a word whose stem is unchanged (Кайсенов/Кайсенова,
minister/ministers) thus costs half a word, a different word a whole one, and a word moved
elsewhere a deletion plus an insertion. `case` is the number of words that differ only in
case. Numbers, inline codes (and placeholders) and punctuation do not count as words; each
difference costs the fixed points above. Only an identical segment (the same text and the
same inline codes, trimmed) scores 100; anything else, even a double space, at most 99.
Segments without words compare their numbers and codes as words: two messages made of
placeholders alone (`{name} ({kind})`, `%(a)s %(b)s`) share nothing but punctuation.
The score is symmetric.
"""
from __future__ import annotations

from rapidfuzz.distance import Levenshtein

from tmtool.tm.tokens import MatchTokens

NUMBER_PENALTY = 2
CODE_PENALTY = 2
PUNCTUATION_PENALTY = 1
CASE_PENALTY = 1
IDENTICAL = 100
BEST_FUZZY = 99


def match_score(query: MatchTokens, candidate: MatchTokens) -> int:
    """The percentage (0-100) of `candidate` as a match for `query`."""
    if query.identity == candidate.identity:
        return IDENTICAL
    distance = Levenshtein.distance
    longest = max(len(query.folded), len(candidate.folded))
    if longest:
        word_edits = distance(query.folded, candidate.folded)
        stem_edits = distance(query.stems, candidate.stems)
        case_edits = distance(query.words, candidate.words) - word_edits
        number_edits = distance(query.numbers, candidate.numbers)
        code_edits = distance(query.codes, candidate.codes)
    else:  # no words on either side: the numbers and codes are the words
        query_rest, candidate_rest = query.numbers + query.codes, candidate.numbers + candidate.codes
        longest = max(len(query_rest), len(candidate_rest))
        word_edits = stem_edits = distance(query_rest, candidate_rest)
        case_edits = number_edits = code_edits = 0
    penalty = (
        NUMBER_PENALTY * number_edits
        + CODE_PENALTY * code_edits
        + PUNCTUATION_PENALTY * distance(query.punct, candidate.punct)
        + CASE_PENALTY * case_edits
    )
    if longest:
        scale = 2 * longest
        score = (100 * (scale - word_edits - stem_edits) - penalty * scale) // scale
    else:
        score = 100 - penalty
    return max(0, min(BEST_FUZZY, score))


def sketch_bound(query_stems: list[int], query_numbers: list[int], stems: list[int],
                 numbers: list[int]) -> float:
    """An upper bound on the score of a segment from hashes of its stems and numbers
    (`packing`): its stem similarity, which `base` never exceeds, less the number penalty."""
    longest = max(len(query_stems), len(stems))
    if not longest:
        return 100.0
    similarity = 100.0 * (longest - Levenshtein.distance(query_stems, stems)) / longest
    return max(0.0, similarity - NUMBER_PENALTY * Levenshtein.distance(query_numbers, numbers))


def stem_bound(query_words: int, candidate_words: int, missing_words: int) -> float:
    """An upper bound (0-100) on the score of a candidate of `candidate_words` words that
    lacks `missing_words` of the query's words (by stem): each needs at least one edit, as
    does each word of length difference, and the score never exceeds the stem similarity."""
    longest = max(query_words, candidate_words)
    if not longest:
        return 100.0
    edits = max(abs(query_words - candidate_words), missing_words)
    return 100.0 * (longest - edits) / longest
