"""What rules see of a unit: lazily computed sentence starts and matches, and the shortcut
that answers "sentence-initial?" at a text's start without splitting sentences."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.glossary.matcher import compile_glossary
from tmtool.glossary.model import Glossary, GlossaryEntry
from tmtool.lint.analysis import SideView, analyse_unit
from tmtool.lint.units import LintUnit, TextSide

GLOSSARY = compile_glossary(Glossary((
    GlossaryEntry("place.kyiv", "place", ("Київ",), "Kyiv", en_forbidden=("Kiev",)),
)), use_morphology=False)
# The definition the shortcut must agree with: opening characters only between the start of
# the offset's sentence and the offset.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'»”)\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*[#*>|-])")
_OPENING = re.compile(r"[\s\"'«“„(\[*_#>—–-]*")


def english_view(text: str) -> SideView:
    view = analyse_unit(LintUnit("t.txt", TextSide(text, 1)), GLOSSARY).english
    assert view is not None
    return view


def reference_initial(text: str, offset: int) -> bool:
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.end() <= offset:
            start = end.end()
    return _OPENING.fullmatch(text, start, offset) is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=' \n\t.!?"«»#*>-—(Kyiv', min_size=1, max_size=30), st.data())
def test_sentence_initial_agrees_with_the_sentence_split(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    assert english_view(text).is_sentence_initial(offset) == reference_initial(text, offset)


def test_start_of_text_needs_no_sentence_split() -> None:
    view = english_view("« Kyiv is big. Kiev is old.")
    assert view.is_sentence_initial(2)
    assert view._sentence_starts is None  # not computed for the text's opening words
    assert view.is_sentence_initial(15) and not view.is_sentence_initial(20)
    assert view.sentence_starts == [0, 14]


def test_matches_are_resolved_once_and_kept() -> None:
    view = english_view("Kyiv, not Kiev.")
    assert view.matches is view.matches
    assert [m.kind for m in view.matches] == ["en", "forbidden"]
