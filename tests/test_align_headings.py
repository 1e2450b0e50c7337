"""Out-of-date documentation translations: heading ids and front-matter keys are fixed points.

The fixtures have the structure of real pages whose translation lags behind: an MDX page
(`tools`) whose English gained a troubleshooting section and rewrote its last section, and a
Hugo page (`harbors`) whose Ukrainian pins the English headings' ids (`{#viewing-harbors}`)
while the older English has none and lacks a section. Before heading ids were fixed points,
the first MDX page lost every pair after the new section (each Ukrainian sentence paired with
a troubleshooting tip, scores near 1).
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from tmtool.align.headings import block_keys, fixed_block_pairs, fixed_spans, segment_spans
from tmtool.align.inputs import side_from_text
from tmtool.align.levels import DocumentAlignment, align_sides
from tmtool.align.pipeline import AlignOptions

DATA = Path(__file__).parent / "data" / "align"
MODES = ["codes", "literal", "plain"]


def align_fixture(name: str, ext: str, markup: str = "codes") -> DocumentAlignment:
    uk = (DATA / f"{name}.uk.{ext}").read_text(encoding="utf-8")
    en = (DATA / f"{name}.en.{ext}").read_text(encoding="utf-8")
    src = side_from_text(uk, name=f"{name}.uk.{ext}", lang="uk-UA", presegmented=False, markup=markup)
    tgt = side_from_text(en, name=f"{name}.en.{ext}", lang="en-GB", presegmented=False, markup=markup)
    return align_sides(src, tgt, AlignOptions())


def pair_starts(doc: DocumentAlignment, width: int = 24) -> list[tuple[str, str]]:
    """Each pair as the first characters of its two sides (markup and '## ' left out)."""
    def start(text: str) -> str:
        return text.lstrip("#*> [").replace("**", "").replace("_", "")[:width].strip()

    return [(start(" ".join(doc.src.segments[i].text for i in b.src)),
             start(" ".join(doc.tgt.segments[j].text for j in b.tgt))) for b in doc.beads if b.is_pair()]


def unpaired_targets(doc: DocumentAlignment) -> list[str]:
    return [doc.tgt.segments[j].text.strip() for b in doc.beads if not b.src for j in b.tgt]


TOOLS_PAIRS = [
    ("Інструменти розробника W", "Widget Developer Tools"),
    ("Використовуйте інструмен", "Use Widget Developer Too"),
    ("Як встановити інструмент", "How to install Widget De"),
    ("Розширення для браузера", "Browser extension"),
    ("Найзручніше налагоджуват", "The easiest way to debug"),
    ("Воно є для кількох пошир", "It is available for seve"),
    ("Встановити для Chrome", "Install for Chrome"),
    ("Встановити для Firefox", "Install for Firefox"),
    ("Встановити для Edge", "Install for Edge"),
    ("Тепер на сайті, створено", "Now, if you visit a webs"),
    ("Safari та інші браузери", "Safari and other browser"),
    ("Для інших браузерів (нап", "For other browsers (for"),
    ("Потім запустіть інструме", "Next open the developer"),
    ("Під'єднайте свій сайт, д", "Then connect your websit"),
    ("Перезавантажте сайт у бр", "Reload your website in t"),
    ("Мобільний застосунок (Wi", "Mobile (Widget Native)"),
    ("Дізнатися більше про нал", "Learn more about debuggi"),
]


@pytest.mark.parametrize("markup", ["codes", "plain"])
def test_a_section_only_the_english_has_pairs_with_nothing_and_the_sections_after_it_keep_their_pairs(
    markup: str,
) -> None:
    doc = align_fixture("tools", "mdx", markup)
    found = pair_starts(doc)
    assert found[:16] == TOOLS_PAIRS[:16] and found[-1] == TOOLS_PAIRS[-1]
    tips = unpaired_targets(doc)
    assert tips[:2] == ["Troubleshooting the browser extension",
                        "If the developer tools do not see your application, here are some steps to try:"]
    assert any(tip.startswith("Reinstall the tools") for tip in tips)


def test_a_rewritten_section_leaves_its_sentences_unpaired_rather_than_paired_with_the_old_ones() -> None:
    """The English 'Mobile' section is the old one: only its link line still translates the
    Ukrainian; the rest of both sides stays unpaired instead of being paired in order. (Without
    markup, the link is no evidence and the two first sentences of each side are paired.)"""
    doc = align_fixture("tools", "mdx")
    assert pair_starts(doc) == TOOLS_PAIRS
    src_unpaired = [doc.src.segments[i].text[:20] for b in doc.beads if not b.tgt for i in b.src]
    assert src_unpaired == ["Застосунки, зроблені", "Усе працює так само,", "Для версій Widget Na"]
    assert "It should connect to any local Widget Native app that's running." in unpaired_targets(doc)


def test_literal_markup_pairs_the_same_headings_and_paragraphs() -> None:
    doc = align_fixture("tools", "mdx", "literal")
    starts = [(s[:10], t[:10]) for s, t in pair_starts(doc)]
    for pair in [("Розширення", "Browser ex"), ("Найзручніш", "The easies"), ("Перезаван", "Reload you"),
                 ("Мобільний", "Mobile (Wi"), ("Дізнатися", "Learn more")]:
        assert (pair[0][:10], pair[1][:10]) in [(s[:len(pair[0])], t[:len(pair[1])]) for s, t in starts]
    assert not [t for _, t in starts if t.startswith(("Troublesho", "Check that", "Try a priv", "It should"))]


@pytest.mark.parametrize("markup", MODES)
def test_hugo_headings_with_the_english_ids_pair_with_the_older_english_headings(markup: str) -> None:
    doc = align_fixture("harbors", "md", markup)
    heading_pairs = [(s, t) for s, t in pair_starts(doc, 40) if t.startswith(
        ("When to Use", "Working with", "Viewing harbors", "Setting the harbor", "Harbors and DNS"))]
    assert [s.split(" {#")[0] for s, _ in heading_pairs] == [
        "Коли використовувати кілька гаваней", "Робота з гаванями", "Перегляд гаваней",
        "Вибір гавані для запиту", "Гавані та DNS"]
    unpaired_src = [doc.src.segments[i].text for b in doc.beads if not b.tgt for i in b.src]
    assert any("Початкові гавані" in text for text in unpaired_src)
    dns = [(s[:14], t[:14]) for s, t in pair_starts(doc, 40) if t.startswith(("When you create", "This entry"))]
    assert dns == [("Коли ви створю", "When you creat"), ("Цей запис має ", "This entry is ")]


def test_heading_keys_are_ids_else_the_words_a_site_generator_makes_an_id_of() -> None:
    uk = "---\ntitle: Гавані\n---\n\n## Перегляд {#viewing-harbors}\n\nТекст.\n\n## Без id\n\nТекст.\n"
    en = "---\ntitle: Harbors\n---\n\n## Viewing harbors\n\nText.\n\n## Without id\n\nText.\n"
    src = side_from_text(uk, name="a.uk.md", lang="uk-UA", presegmented=False)
    tgt = side_from_text(en, name="a.en.md", lang="en-GB", presegmented=False)
    assert block_keys(src) == ["title:", "#viewingharbors", "", "#безid", ""]
    assert block_keys(tgt) == ["title:", "#viewingharbors", "", "#withoutid", ""]
    assert fixed_block_pairs(src, tgt) == [(0, 0), (1, 1)]
    spans = fixed_spans(fixed_block_pairs(src, tgt), len(src.blocks), len(tgt.blocks))
    assert spans == [(0, 1, 0, 1), (1, 2, 1, 2), (2, 5, 2, 5)]
    assert segment_spans(spans, src, tgt) == spans  # one segment a block here


def headings(*pairs: tuple[str, str]) -> str:
    return "\n\n".join(f"## {words} {{/*{ident}*/}}" for words, ident in pairs) + "\n"


def test_an_id_found_twice_on_a_side_fixes_nothing_and_crossing_ids_keep_the_longest_chain() -> None:
    src = side_from_text(headings(("Один", "one"), ("Два", "two"), ("Три", "three"), ("Знову", "one"),
                                  ("Чотири", "four")), name="a.uk.md", lang="uk-UA", presegmented=False)
    tgt = side_from_text(headings(("Two", "two"), ("One", "one"), ("Three", "three"), ("Four", "four")),
                         name="a.en.md", lang="en-GB", presegmented=False)
    assert fixed_block_pairs(src, tgt) == [(1, 0), (2, 2), (4, 3)]
    crossed = side_from_text(headings(("Три", "three"), ("Два", "two"), ("Чотири", "four")),
                             name="b.uk.md", lang="uk-UA", presegmented=False)
    chain = fixed_block_pairs(crossed, tgt)
    assert len(chain) == 2 and chain[-1] == (2, 3)
    assert all(a < c and b < d for (a, b), (c, d) in itertools.pairwise(chain))


MERGED_UK = """---
title: Встановлення
---

## Спробувати локально {/*try-locally*/}

Щоб спробувати бібліотеку локально, завантажте цю сторінку. Відкрийте її в редакторі!

<<<<<<< HEAD
## Почати новий проєкт {/*start-a-new-project*/}

Якщо ви хочете створити застосунок повністю на цій бібліотеці, почніть новий проєкт.
=======
## Creating an App {/*creating-an-app*/}

If you want to start a new app, you can create an app using a recommended framework.
>>>>>>> 49284218b1f5c94f930f8a9b305040dbe7d3dd48

## Подальші кроки {/*next-steps*/}

Перегляньте короткий посібник, щоб познайомитися з головними поняттями.
"""
MERGED_EN = """---
title: Installation
---

## Try locally {/*try-locally*/}

To try the library locally, download this page. Open it in your editor!

## Start a new project {/*start-a-new-project*/}

If you want to build an app fully with this library, start a new project.

## Next steps {/*next-steps*/}

Head to the quick start guide for a tour of the main ideas.
"""


@pytest.mark.parametrize("markup", MODES)
def test_english_prose_on_the_ukrainian_side_pairs_with_nothing(markup: str) -> None:
    """A translated page committed mid-merge keeps the upstream English beside the Ukrainian:
    the English sentence must not take the place of the Ukrainian one that translates it, nor
    become a unit whose Ukrainian is English."""
    src = side_from_text(MERGED_UK, name="i.uk.md", lang="uk-UA", presegmented=False, markup=markup)
    tgt = side_from_text(MERGED_EN, name="i.en.md", lang="en-GB", presegmented=False, markup=markup)
    doc = align_sides(src, tgt, AlignOptions())
    starts = pair_starts(doc, 60)
    assert [t for s, t in starts if s.startswith("Якщо ви хочете")] == [
        "If you want to build an app fully with this library, start a"]
    assert not [s for s, _ in starts if s.startswith("If you want")]
    unpaired = [doc.src.segments[i].text for b in doc.beads if not b.tgt for i in b.src]
    assert any(text.startswith("If you want to start a new app") for text in unpaired)
