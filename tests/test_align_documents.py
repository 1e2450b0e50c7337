"""Real-structured document pairs aligned whole: documentation pages (MDX with front matter,
components, code fences, heading ids, an untranslated note) and an official speech whose English
cuts long Ukrainian sentences into several. No pair is dropped or merged, none crosses a block,
and where the bold sits changes no score."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from tmtool.align.inputs import side_from_text
from tmtool.align.levels import DocumentAlignment, align_sides, joinable_runs
from tmtool.align.pipeline import AlignOptions, align_texts
from tmtool.align.regions import within_groups
from tmtool.align.search import INF
from tmtool.cli import cli
from tmtool.formats.tmx import read_tmx

DATA = Path(__file__).parent / "data" / "align"
PAGES = {"forms": "mdx", "forms-note": "mdx", "state": "md", "speech": "md"}


def texts(name: str) -> tuple[str, str]:
    ext = PAGES[name]
    return ((DATA / f"{name}.uk.{ext}").read_text(encoding="utf-8"),
            (DATA / f"{name}.en.{ext}").read_text(encoding="utf-8"))


def align_texts_of(uk: str, en: str, ext: str = "mdx", markup: str = "codes") -> DocumentAlignment:
    src = side_from_text(uk, name=f"page.uk.{ext}", lang="uk-UA", presegmented=False, markup=markup)
    tgt = side_from_text(en, name=f"page.en.{ext}", lang="en-GB", presegmented=False, markup=markup)
    return align_sides(src, tgt, AlignOptions())


def align_page(name: str, markup: str = "codes") -> DocumentAlignment:
    return align_texts_of(*texts(name), ext=PAGES[name], markup=markup)


def pairs(doc: DocumentAlignment) -> dict[tuple[str, str], float]:
    """(Ukrainian text, English text) of every pair, segments of a side joined by a space."""
    return {
        (" ".join(doc.src.segments[i].text for i in b.src), " ".join(doc.tgt.segments[j].text for j in b.tgt)):
        b.score for b in doc.beads if b.is_pair()
    }


def english(doc: DocumentAlignment, start: str) -> int:
    (found,) = [k for k, s in enumerate(doc.tgt.segments) if s.text.startswith(start)]
    return found


def test_a_freely_rendered_second_sentence_is_paired_as_when_its_paragraph_is_aligned_alone() -> None:
    doc = align_page("forms")
    uk = ["Тепер ви знаєте, як читати, перевіряти введення у формі та повідомляти про помилки.",
          "Спробуйте самостійно створити форму реєстрації з паролем і адресою пошти!"]
    en = ["Now you know how to read the input of a form, check it and report the errors.",
          "Try it on your own!"]
    alone = align_texts(uk, en)
    assert [(b.src, b.tgt) for b in alone] == [((0,), (0,)), ((1,), (1,))]
    found = pairs(doc)
    assert found[(uk[0], en[0])] > 0.9
    assert found[(uk[1], en[1])] > 0.9


def test_two_clean_pairs_whose_lengths_err_both_ways_are_not_merged() -> None:
    found = pairs(align_page("forms"))
    assert found[("Показуйте повідомлення про помилку безпосередньо під тим полем, до якого воно належить.",
                  "Render the error under the field it belongs to.")] > 0.9
    assert found[("Програми зчитування оголошують її через aria-describedby.",
                  "Screen readers announce it when you link the two with aria-describedby.")] > 0.9


@pytest.mark.parametrize(("name", "untranslated"), [
    ("forms", ["Browsers also check some fields on their own.",
               "Add the novalidate attribute to the form if you want to show your own messages instead."]),
    ("forms-note", ["Never trust disabled alone."]),
    ("state", ["Never call Hooks inside conditions."]),
])
def test_a_page_pair_gives_every_sentence_its_one_to_one_pair(name: str, untranslated: list[str]) -> None:
    doc = align_page(name)
    assert Counter(b.shape for b in doc.beads) == Counter({"1-1": len(doc.src.segments), "0-1": len(untranslated)})
    assert [doc.tgt.segments[b.tgt[0]].text for b in doc.beads if not b.src] == untranslated
    assert all(b.score > 0.9 for b in doc.beads if b.is_pair())
    # in order and one to one: pair k joins the k-th Ukrainian and the k-th translated English segment
    translated = [j for j, s in enumerate(doc.tgt.segments) if s.text not in untranslated]
    assert [(b.src[0], b.tgt[0]) for b in doc.beads if b.is_pair()] == list(enumerate(translated))


@pytest.mark.parametrize("name", list(PAGES))
def test_no_bead_spans_two_blocks_of_a_side(name: str) -> None:
    doc = align_page(name)
    for side, positions in ((doc.src, [b.src for b in doc.beads]), (doc.tgt, [b.tgt for b in doc.beads])):
        owner = {k: index for index, (first, end) in enumerate(side.blocks) for k in range(first, end)}
        assert all(len({owner[k] for k in bead}) <= 1 for bead in positions)


def test_an_untranslated_note_pairs_with_nothing_and_the_next_paragraph_keeps_its_pairs(tmp_path: Path) -> None:
    """The English page has a newer <Note> the Ukrainian one lacks, and the paragraph after it
    has its bold on other words: the note must not join that paragraph's first pair, and the
    right pair must keep a high score, so that --min-score 0.5 keeps it."""
    doc = align_page("forms-note")
    note = english(doc, "Never trust")
    assert next(b for b in doc.beads if note in b.tgt).src == ()
    right = ("Ніколи не покладайтеся лише на атрибут disabled, щоб не дати надіслати форму.",
             "Never rely on the disabled attribute alone to stop a form from being submitted.")
    assert pairs(doc)[right] > 0.9
    units = tmx_units(tmp_path, "forms-note", "--min-score", "0.5")
    assert (right[0], right[1]) in units
    assert not [u for u in units if "Never trust" in u[1]]


def test_where_the_bold_sits_in_a_paragraph_changes_no_score() -> None:
    uk, en = texts("forms-note")
    moved = en.replace("**Never rely on the `disabled` attribute alone** to stop a form",
                       "Never rely on the `disabled` attribute alone to stop a form").replace(
        "in the developer tools in a few seconds.", "in the **developer tools** in a few seconds.")
    assert moved != en
    before, after = align_texts_of(uk, en), align_texts_of(uk, moved)
    assert [(b.src, b.tgt, b.score) for b in before.beads] == [(b.src, b.tgt, b.score) for b in after.beads]


def test_a_long_ukrainian_sentence_rendered_as_five_english_ones_is_one_bead() -> None:
    doc = align_page("speech")
    shapes = Counter(b.shape for b in doc.beads)
    assert shapes == Counter({"1-1": len(doc.src.segments) - 2, "1-5": 2})
    long_beads = [b for b in doc.beads if b.shape == "1-5"]
    assert [doc.tgt.segments[b.tgt[0]].text[:20] for b in long_beads] == [
        "Last winter, Russian", "That is why today we"]
    assert all(b.score > 0.9 for b in doc.beads)


def tmx_units(tmp_path: Path, name: str, *options: str) -> list[tuple[str, str]]:
    ext = PAGES[name]
    out = tmp_path / f"{name}.tmx"
    result = CliRunner().invoke(cli, ["align", str(DATA / f"{name}.uk.{ext}"), str(DATA / f"{name}.en.{ext}"),
                                      "-o", str(out), "-q", *options])
    assert result.exit_code == 0, result.stderr
    with out.open("rb") as stream:
        return [(u.variants[0].text, u.variants[1].text) for u in read_tmx(stream, name=str(out))]


@pytest.mark.parametrize("markup", ["codes", "literal", "plain"])
def test_front_matter_title_and_description_are_aligned_in_every_markup_mode(tmp_path: Path, markup: str) -> None:
    units = tmx_units(tmp_path, "forms", "--markup", markup)
    assert units[:3] == [
        ("Форми: обробка введення користувача", "Forms: Handling User Input"),
        ("Дізнайтеся, як читати те, що вводять люди, перевіряти це перед надсиланням і показувати корисні помилки.",
         "Learn how to read what people type, check it before it is sent, and show helpful errors."),
        ("Форми", "Forms"),
    ]
    written = "\n".join(text for unit in units for text in unit)
    for syntax in ("```", "import ", "<Note", "TabItem", ":::", "<!--", "sidebar_position", "alt="):
        assert syntax not in written


def test_joinable_runs_keep_headings_front_matter_and_sections_apart() -> None:
    kinds = ["front-matter", "front-matter", "heading", "paragraph", "paragraph", "paragraph",
             "list-item", "list-item", "heading", "heading"]
    sections = [0, 1, 2, 2, 2, 3, 3, 3, 3, 3]
    assert joinable_runs(kinds, sections) == [0, 1, 2, 3, 3, 4, 5, 5, 6, 7]


def test_a_bead_may_not_join_two_groups_of_a_side() -> None:
    cost = within_groups(lambda i0, i1, j0, j1: 1.0, ([0, 0, 1], [0, 1, 1]))
    assert cost(0, 2, 0, 1) == 1.0 and cost(2, 3, 1, 3) == 1.0
    assert cost(1, 3, 0, 1) == INF and cost(0, 1, 0, 2) == INF
