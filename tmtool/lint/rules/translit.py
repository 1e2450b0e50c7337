"""translit: a Ukrainian name outside the glossary romanized other than by KMU-55.

What it flags: in a bilingual unit, a capitalised Ukrainian word inside a sentence that no
glossary entry covers (a name or other noun pymorphy3 knows, when installed; without it, any
such word, its case ending undone by suffix rules) whose English rendering in the same unit is
a romanization variant of the national standard's form (equal skeletons, see near-miss) but
not that form. Info only: a person's own spelling (Zelenskyy) beats the standard, so such
names belong in the glossary.
Why: the Cabinet of Ministers Resolution No. 55 of 2010 is the default for Ukrainian names.
Example: uk «міністр Борис Тарасюк», en "minister Borys Tarasyuk"
Instead: en "minister Borys Tarasiuk", or a glossary entry for Tarasyuk.
"""
from __future__ import annotations

from collections.abc import Iterator

from tmtool.findings import Severity
from tmtool.glossary.declension import base_candidates
from tmtool.glossary.skeleton import skeleton
from tmtool.lang import morphology
from tmtool.lang.tokens import has_cyrillic
from tmtool.lang.translit import transliterate
from tmtool.lint.analysis import AnalysedUnit, Hit

RULE_ID = "translit"
DEFAULT_SEVERITY = Severity.INFO


def _lemmas(word: str, use_morphology: bool) -> tuple[str, ...]:
    """Possible nominative forms: dictionary names or nouns with pymorphy3; without it, the
    word with its case ending replaced by the suffix rules."""
    if use_morphology:
        lemmas = morphology.name_lemmas(word)
        if lemmas is not None:
            return lemmas or morphology.noun_lemmas(word) or ()
    return tuple(sorted(base_candidates(word.lower())))


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    source, target = analysed.ukrainian, analysed.english
    if source is None or target is None:
        return
    # The English names are gathered only once a Ukrainian word calls for them.
    english: dict[str, list[int]] | None = None
    covered = {i for m in source.all_matches for i in range(m.first_token, m.last_token + 1)}
    reported: set[int] = set()
    text = source.tokens.text
    for index, (start, end) in enumerate(source.tokens.spans):
        if index in covered or end - start < 3 or not text[start].isupper():
            continue
        word = text[start:end]
        if word.isupper() or not has_cyrillic(word) or source.is_sentence_initial(start):
            continue
        if english is None:
            english = _english_names(analysed)
        if not english:
            return
        lemmas = _lemmas(word, analysed.compiled.uses_morphology)
        if not lemmas:
            continue
        romanized = [transliterate(lemma).capitalize() for lemma in lemmas]
        accepted = {latin.lower() for latin in romanized}
        standards: dict[str, str] = {}
        for latin in romanized:
            standards.setdefault(skeleton(latin), latin)
        for key, standard in standards.items():
            for position in english.get(key, ()):
                if position in reported or target.tokens.keys[position] in accepted:
                    continue
                found = target.tokens.word(position)
                reported.add(position)
                en_start, en_end = target.tokens.spans[position]
                yield target.hit(
                    analysed.unit, en_start, en_end,
                    f"'{found}' renders «{word}» other than the KMU-55 standard; "
                    f"the standard gives '{standard}' (add a glossary entry if this spelling "
                    f"is the person's own)",
                    found=found, expected=standard,
                )


def _english_names(analysed: AnalysedUnit) -> dict[str, list[int]]:
    """Capitalised English words outside glossary matches and not sentence-initial, by
    skeleton."""
    view = analysed.english
    assert view is not None
    covered = {i for m in view.all_matches for i in range(m.first_token, m.last_token + 1)}
    names: dict[str, list[int]] = {}
    tokens = view.tokens
    known = analysed.compiled.known_en
    for index, (start, _end) in enumerate(tokens.spans):
        if index in covered or not tokens.text[start].isupper() or tokens.keys[index] in known:
            continue
        if view.is_sentence_initial(start):
            continue
        names.setdefault(skeleton(tokens.keys[index]), []).append(index)
    return names
