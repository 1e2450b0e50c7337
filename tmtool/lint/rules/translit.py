"""translit: a Ukrainian name outside the glossary romanized by another system than KMU-55.

What it flags: in a bilingual unit, a capitalised Ukrainian word inside a sentence that no
glossary entry covers (a name or other noun pymorphy3 knows, when installed; without it, any
such word, its case ending undone by suffix rules), or one opening a sentence that pymorphy3
knows as a first name, surname or patronymic ("Юлія Тимошенко виступила"), whose English rendering in the same unit
is a romanization of that word by one of the systems English texts use for Ukrainian names
(BGN/PCGN 1965, the 1996 and passport tables, ALA-LC: Tarasyuk, Andriy, Zelensky, Mriya)
but not the KMU-55 form. The English must be such a romanization letter for letter, so a
foreign name or exonym written back from Ukrainian (Больцман Boltzmann, Канада Canada,
Кнесет Knesset, Беннет Bennett, Макрон Macron, Шольц Scholz, Мадрид Madrid) is never
flagged, and nor is a Russian-derived form (Kharkov, Oleg): that is for the glossary's
`en_forbidden`. Info only: a person's own spelling (Zelenskyy) or an established English
name (the aircraft Mriya) beats the standard, and such names belong in the glossary, which
always wins (its spellings are never flagged).
Outside the glossary a Kazakh name written in Ukrainian (Кунанбаєв, "Kunanbayev") cannot be
told from a Ukrainian one, so it may be flagged too; the message says so, and a glossary entry
with its origin (`kk`) settles it for good.
Why: the Cabinet of Ministers Resolution No. 55 of 2010 is the default for Ukrainian names.
Example: uk «міністр Борис Тарасюк», en "minister Borys Tarasyuk"
Instead: en "minister Borys Tarasiuk", or a glossary entry for Tarasyuk.
"""
from __future__ import annotations

from collections.abc import Iterator

from tmtool.findings import Severity
from tmtool.glossary.declension import base_candidates
from tmtool.lang import morphology
from tmtool.lang.romanizations import is_romanization
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


def _initial_name_lemmas(word: str, use_morphology: bool) -> tuple[str, ...]:
    """The name lemmas of a sentence's first word (none without pymorphy3)."""
    return (morphology.name_lemmas(word) or ()) if use_morphology else ()


def check(analysed: AnalysedUnit) -> Iterator[Hit]:
    source, target = analysed.ukrainian, analysed.english
    if source is None or target is None:
        return
    # The English names are gathered only once a Ukrainian word calls for them.
    english: list[int] | None = None
    covered = {i for m in source.all_matches for i in range(m.first_token, m.last_token + 1)}
    reported: set[int] = set()
    text = source.tokens.text
    for index, (start, end) in enumerate(source.tokens.spans):
        if index in covered or end - start < 3 or not text[start].isupper():
            continue
        word = text[start:end]
        if word.isupper() or not has_cyrillic(word):
            continue
        if source.is_sentence_initial(start):
            # a capital opening a sentence says nothing: only a word the dictionary knows as a name
            lemmas = _initial_name_lemmas(word, analysed.compiled.uses_morphology)
            if not lemmas:
                continue
        else:
            lemmas = _lemmas(word, analysed.compiled.uses_morphology)
        if english is None:
            english = _english_names(analysed)
        if not english:
            return
        standards = {lemma: transliterate(lemma).capitalize() for lemma in lemmas}
        accepted = {standard.lower() for standard in standards.values()}
        for position in english:
            key = target.tokens.keys[position]
            if position in reported or key in accepted:
                continue
            lemma = next((lemma for lemma in lemmas if is_romanization(key, lemma)), None)
            if lemma is None:
                continue
            found = target.tokens.word(position)
            reported.add(position)
            en_start, en_end = target.tokens.spans[position]
            yield target.hit(
                analysed.unit, en_start, en_end,
                f"'{found}' romanizes «{word}» by another system than KMU-55, which gives "
                f"'{standards[lemma]}' (KMU-55 is for Ukrainian names: if this one is Kazakh or "
                f"otherwise foreign, or '{found}' is its own or established English spelling, "
                f"add it to the glossary)",
                found=found, expected=standards[lemma],
            )


def _english_names(analysed: AnalysedUnit) -> list[int]:
    """Positions of the capitalised English words outside glossary matches and not spellings
    the glossary knows; a sentence's first word too ("Yulia Tymoshenko spoke"), since only a
    letter-for-letter romanization of the Ukrainian word is ever reported."""
    view = analysed.english
    assert view is not None
    covered = {i for m in view.all_matches for i in range(m.first_token, m.last_token + 1)}
    tokens = view.tokens
    known = analysed.compiled.known_en
    return [
        index for index, (start, _end) in enumerate(tokens.spans)
        if index not in covered and tokens.text[start].isupper()
        and tokens.keys[index] not in known
    ]
