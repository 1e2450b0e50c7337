"""Documentation pages (MDX, Docusaurus, Hugo, Jekyll): only their text becomes segments, and
their site syntax (components, shortcodes, fences, comments, admonitions) ends blocks."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tmtool.errors import InputError
from tmtool.model import CodeKind, InlineCode
from tmtool.segment import read_document
from tmtool.segment.sitesyntax import mask_site_syntax

DATA = Path(__file__).parent / "data" / "align"
MODES = ("codes", "literal", "plain")


def blocks(text: str, markup: str = "codes", lang: str = "en", name: str = "page.md") -> list[list[str]]:
    """Each block's segments, as native text (codes) or text (literal, plain)."""
    found = read_document(text, lang=lang, name=name, markup=markup)
    return [[s.native_text() if markup == "codes" else s.text for s in b.segments] for b in found]


def words(text: str, markup: str = "codes") -> list[str]:
    return [segment for block in blocks(text, markup) for segment in block]


FORMS_EN_CODES = [
    (2, "front-matter", ["Forms: Handling User Input"]),
    (3, "front-matter", ["Learn how to read what people type, check it before it is sent, and show helpful errors."]),
    (4, "front-matter", ["Forms"]),
    (16, "paragraph", ["Forms are how people talk to your app.",
                       ("This page shows how to keep form data in state and how to check it before you send "
                        "it to a server.")]),
    (22, "list-item", ["How to read the value of a text field"]),
    (23, "list-item", ["How to validate input while the user types"]),
    (24, "list-item", ["How to show an error next to the field"]),
    (28, "heading", ["Reading input values {/*reading-input-values*/}"]),
    (30, "paragraph", ["Every text field fires a `change` event when its value changes.",
                       "**Store the value in state** and pass it back to the field through the `value` prop."]),
    (41, "paragraph", ["This pattern is called a *controlled* field.", "The field always shows what the state holds."]),
    (45, "paragraph", ["**You do not have to control every field.**",
                       "An uncontrolled field keeps its own value, and you read it only when the form is submitted."]),
    (49, "paragraph", ["Use the `? :` operator to choose between two messages.",
                       "`useState` returns the current value and a function that updates it."]),
    (51, "heading", ["Why validate on the client? {/*why-validate-on-the-client*/}"]),
    (53, "paragraph", ["Checking input in the browser gives people instant feedback.",
                       "It does not replace the checks on your server, which must never trust the client."]),
    (57, "paragraph", ["Browsers also check some fields on their own.",
                       "**Add the `novalidate` attribute** to the form if you want to show your own messages instead."]),
    (63, "paragraph", ["**Never rely on the `disabled` attribute alone** to stop a form from being submitted.",
                       "A user can remove it in the developer tools in a few seconds."]),
    (67, "heading", ["Step 1. Install the validation library {/*step-1-install-the-validation-library*/}"]),
    (69, "paragraph", ["Run the following command in the root folder of your project:"]),
    (88, "paragraph", ["Run it again (if needed!) before you commit.", "The lock file must list the new package."]),
    (90, "heading", ["Step 2. Describe the rules {/*step-2-describe-the-rules*/}"]),
    (92, "paragraph", ["A rule is a function that receives the value and returns an error message or `null`.",
                       "Keep each rule small, so that you can reuse it in other forms."]),
    (94, "list-item", ["Write one rule per condition."]),
    (95, "list-item", ["Combine the rules with `all()`:"]),
    (101, "list-item", ["Call the combined rule from the `onChange` handler."]),
    (110, "paragraph", ["The value goes from the field to the rules, and the first error comes back to the screen."]),
    (114, "paragraph", ["Keep messages short"]),
    (116, "paragraph", ["People read an error message in less than a second.", "Say what is wrong and how to fix it."]),
    (120, "heading", ["Showing errors {#showing-errors}"]),
    (122, "paragraph", ["Render the error under the field it belongs to.",
                        "Screen readers announce it when you link the two with `aria-describedby`."]),
    (128, "paragraph", ["If the form has many fields, also show a summary at the top.",
                        "It helps people who use a keyboard to find the first problem quickly."]),
    (135, "heading", ["What's next? {/*whats-next*/}"]),
    (137, "paragraph", ["Now you know how to read the input of a form, check it and report the errors.",
                        "Try it on your own!"]),
]


def test_mdx_page_gives_its_text_and_front_matter_and_nothing_else() -> None:
    text = (DATA / "forms.en.mdx").read_text(encoding="utf-8")
    found = read_document(text, lang="en", name="forms.en.mdx")
    assert [(b.line, b.kind, [s.native_text() for s in b.segments]) for b in found] == FORMS_EN_CODES


@pytest.mark.parametrize("markup", MODES)
@pytest.mark.parametrize("name", ["forms.en.mdx", "forms.uk.mdx"])
def test_no_site_syntax_reaches_a_segment_in_any_markup_mode(name: str, markup: str) -> None:
    text = (DATA / name).read_text(encoding="utf-8")
    segments = words(text, markup) if name.startswith("forms.en") else [
        s.text for b in read_document(text, lang="uk", name=name, markup=markup) for s in b.segments]
    joined = "\n".join(segments)
    for syntax in ("import", "export", "```", "~~~", "npm install", "<Note", "</", "TabItem", "Diagram",
                   "alt=", "height=", ":::", "<!--", "TODO", "section:", "sidebar_position", "useState('')"):
        assert syntax not in joined, syntax
    assert segments[:3] == [s for _, _, [s] in FORMS_EN_CODES[:3]] or name == "forms.uk.mdx"


@pytest.mark.parametrize("markup", MODES)
def test_front_matter_fields_are_blocks_in_every_markup_mode(markup: str) -> None:
    text = (DATA / "forms.en.mdx").read_text(encoding="utf-8")
    found = read_document(text, lang="en", name="forms.en.mdx", markup=markup)
    assert [(b.line, b.kind, [s.text for s in b.segments]) for b in found[:3]] == FORMS_EN_CODES[:3]
    if markup == "plain":  # literal mode's blocks are blank-line paragraphs instead
        assert [(b.line, b.kind) for b in found] == [(line, kind) for line, kind, _ in FORMS_EN_CODES]


def test_literal_segments_keep_the_markup_and_heading_ids_as_written() -> None:
    text = (DATA / "forms.en.mdx").read_text(encoding="utf-8")
    headings = [segments for segments in blocks(text, "literal") if segments[0].startswith("#")]
    assert headings == [
        ["## Reading input values {/*reading-input-values*/}"],
        ["## Why validate on the client? {/*why-validate-on-the-client*/}"],
        ["### Step 1. Install the validation library {/*step-1-install-the-validation-library*/}"],
        ["### Step 2. Describe the rules {/*step-2-describe-the-rules*/}"],
        ["## Showing errors {#showing-errors}"],
        ["## What's next? {/*whats-next*/}"],
    ]


@pytest.mark.parametrize("heading", ["Get started", "Why?", "Wow!", "Що далі?", "Чому це так!", "Step 1. Install"])
@pytest.mark.parametrize("markup", MODES)
def test_a_heading_id_comment_is_one_placeholder_of_its_heading(heading: str, markup: str) -> None:
    text = f"## {heading} {{/*get-started*/}}\n"
    found = read_document(text, lang="uk", name="x.md", markup=markup)
    assert len(found) == 1 and len(found[0].segments) == 1
    (segment,) = found[0].segments
    if markup == "codes":
        assert segment.parts == (f"{heading} ", InlineCode(CodeKind.STANDALONE, None, "{/*get-started*/}",
                                                           "x-mdx-comment"))
    else:
        assert segment.text == {"literal": text.strip(), "plain": heading}[markup]


@pytest.mark.parametrize(("text", "native"), [
    ("## Showing errors {#showing-errors}", "{#showing-errors}"),
    ("## Why? {#why .note}", "{#why .note}"),
])
def test_a_custom_heading_id_is_one_placeholder(text: str, native: str) -> None:
    (block,) = read_document(text, lang="en", name="x.md")
    (segment,) = block.segments
    assert segment.codes == (InlineCode(CodeKind.STANDALONE, None, native, "x-anchor"),)


@pytest.mark.parametrize("markup", MODES)
@pytest.mark.parametrize("text", [
    "Intro text.\n<Note>\nNote text.\n</Note>\nAfter text.\n",
    "Intro text.\n\n<Note>\n\nNote text.\n\n</Note>\n\nAfter text.\n",
    "Intro text.\n<Callout type=\"warning\" title={'Careful > here'}>Note text.</Callout>\nAfter text.\n",
    "Intro text.\n<Tabs groupId=\"os\"><TabItem value=\"win\" label=\"Windows\">\nNote text.\n</TabItem></Tabs>\nAfter text.\n",
    ("Intro text.\n<Diagram\n  name=\"flow\"\n  onClick={() => show({ step: 2 })}\n  alt=\"A > B\"\n>\n"
     "Note text.\n</Diagram>\nAfter text.\n"),
    "Intro text.\n<Illustration\n  src=\"/a.png\"\n  alt=\"A girl reading\"\n/>\nNote text.\n\nAfter text.\n",
])
def test_component_tags_are_block_boundaries_and_not_text(text: str, markup: str) -> None:
    assert blocks(text, markup) == [["Intro text."], ["Note text."], ["After text."]]


@pytest.mark.parametrize("text", ["Press <Kbd>Ctrl</Kbd> to copy it.", "<Kbd>Ctrl</Kbd> copies it.",
                                  "<Icon name=\"check\" /> Saved it."])
def test_components_inside_a_line_of_text_stay_inline_codes(text: str) -> None:
    assert blocks(text) == [[text]]
    assert blocks(text, "literal") == [[text]]


@pytest.mark.parametrize("markup", MODES)
def test_import_and_export_lines_are_skipped_but_prose_starting_with_import_is_not(markup: str) -> None:
    text = ("import Tabs from '@theme/Tabs';\nimport {\n  Note,\n} from './note';\nexport const meta = {\n"
            "  title: 'Not text',\n};\n\nText.\n\nimport duties rose. Then they fell.\n")
    assert words(text, markup) == ["Text.", "import duties rose.", "Then they fell."]


@pytest.mark.parametrize("markup", MODES)
def test_code_fences_are_skipped_wherever_they_stand(markup: str) -> None:
    text = ("Before.\n```js title=\"a.js\"\nconst a = 1; // Not text.\n```\n~~~\nNot text either.\n~~~\n"
            "1. Step one:\n\n    ```bash\n    npm install. Not text.\n    ```\n\n2. Step two.\n"
            "<Sandpack>\n\n````md\n```\nnested\n```\n````\n\n</Sandpack>\nAfter.\n")
    assert words(text, markup) == {
        "literal": ["Before.", "1. Step one:", "2. Step two.", "After."],
    }.get(markup, ["Before.", "Step one:", "Step two.", "After."])


@pytest.mark.parametrize("markup", MODES)
def test_front_matter_yaml_and_toml_text_fields(markup: str) -> None:
    yaml_page = ('---\ntitle: "Hooks: useState"\nslug: /hooks\ndraft: false\nsidebar_label: useState\n'
                 "description: >-\n  Read the state.\n  Set the state.\ntags: [a, b]\n---\n\nBody.\n")
    assert [(b.line, b.kind, [s.text for s in b.segments])
            for b in read_document(yaml_page, lang="en", name="x.md", markup=markup)] == [
        (2, "front-matter", ["Hooks: useState"]),
        (5, "front-matter", ["useState"]),
        (6, "front-matter", ["Read the state.", "Set the state."]),
        (12, "paragraph", ["Body."]),
    ]
    toml_page = '+++\ntitle = "Встановлення"\nweight = 3\n[params]\ntitle = "Not this"\n+++\nТекст.\n'
    assert blocks(toml_page, markup, lang="uk") == [["Встановлення"], ["Текст."]]


def test_a_dashed_block_that_is_not_a_mapping_is_markdown_not_front_matter() -> None:
    assert blocks("---\nChapter one\n---\n\nText.\n") == [["Chapter one"], ["Text."]]


def test_broken_yaml_front_matter_is_refused_with_its_line() -> None:
    with pytest.raises(InputError, match=r"^page\.md:3: front matter is not valid YAML: mapping values are not allowed here$"):
        read_document("---\ntitle: Hooks\ndescription: Read: the state\n---\nText.\n", lang="en", name="page.md")


@pytest.mark.parametrize("markup", MODES)
def test_hugo_shortcodes_and_jekyll_tags_end_blocks_and_code_pairs_are_skipped(markup: str) -> None:
    text = ('{{< note >}}\nA note.\n{{< /note >}}\n{{% tab name="Linux" %}}\nOn Linux.\n{{% /tab %}}\n'
            "{{< highlight go >}}\nfmt.Println(\"Not text.\")\n{{< /highlight >}}\n{{/* A comment.\nStill. */}}\n"
            "{% include note.html %}\nAfter include.\n{% comment %}\nNot text.\n{% endcomment %}\n"
            "{% highlight ruby %}\nputs 'Not text.'\n{% endhighlight %}\n{% raw %}\nRaw text.\n{% endraw %}\n")
    assert blocks(text, markup) == [["A note."], ["On Linux."], ["After include."], ["Raw text."]]


@pytest.mark.parametrize(("text", "native"), [
    ('See {{< ref "docs/setup" >}} for details.', '{{< ref "docs/setup" >}}'),
    ("Welcome to {{ site.title }} today.", "{{ site.title }}"),
    ("Use {% link _posts/a.md %} here.", "{% link _posts/a.md %}"),
])
def test_shortcodes_and_liquid_inside_text_are_one_placeholder(text: str, native: str) -> None:
    (block,) = read_document(text, lang="en", name="x.md")
    (segment,) = block.segments
    assert segment.codes == (InlineCode(CodeKind.STANDALONE, None, native, "x-site-tag"),)
    assert segment.native_text() == text


@pytest.mark.parametrize("markup", MODES)
def test_html_comments_single_and_multi_line_are_not_text(markup: str) -> None:
    text = ("<!-- TODO: a note. -->\nFirst.\n\n<!--\nA comment.\n\nStill a comment.\n-->\nSecond.\n"
            "<!-- one --> Third, after a comment.\n")
    assert words(text, markup) == ["First.", "Second.", "Third, after a comment."]


@pytest.mark.parametrize("markup", MODES)
def test_docusaurus_admonitions_title_and_body_are_blocks_of_their_own(markup: str) -> None:
    text = ":::note Мій заголовок\n\nТіло нотатки.\n\n:::\n\n:::tip[Порада]\nКороткий текст.\n:::\nПісля.\n"
    assert blocks(text, markup, lang="uk") == [
        ["Мій заголовок"], ["Тіло нотатки."], ["Порада"], ["Короткий текст."], ["Після."]]


def test_block_lines_are_the_lines_of_the_file() -> None:
    text = "---\ntitle: T\n---\nimport A from 'a'\n\n<Note>\n\nText.\n\n</Note>\n"
    assert [(b.line, b.kind) for b in read_document(text, lang="en", name="x.mdx")] == [
        (2, "front-matter"), (8, "paragraph")]
    assert [(b.line, b.kind) for b in read_document(text, lang="en", name="x.mdx", markup="literal")] == [
        (2, "front-matter"), (8, "paragraph")]


@pytest.mark.parametrize("markup", MODES)
def test_text_after_a_comment_on_its_last_line_is_kept(markup: str) -> None:
    text = ("{{/* hidden */}} Shown text.\n\n{% comment %}\nhidden\n{% endcomment %} After a Liquid comment.\n\n"
            "<!-- a\nb --> After an HTML comment.\n")
    assert words(text, markup) == ["Shown text.", "After a Liquid comment.", "After an HTML comment."]


@pytest.mark.parametrize("markup", ["codes", "literal"])
def test_site_syntax_starts_a_new_section_and_blank_lines_do_not(markup: str) -> None:
    text = ("---\ntitle: T\ndescription: D.\n---\nOne.\n\nTwo.\n<Note>\nThree.\n\nFour.\n</Note>\nFive.\n\n"
            "<Callout>Six.</Callout>\nSeven.\n\n:::tip\nEight.\n:::\n")
    found = read_document(text, lang="en", name="x.mdx", markup=markup)
    sections = [b.section for b in found]
    assert [s.text for b in found for s in b.segments] == [
        "T", "D.", "One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "Eight."]
    same = [sections[k] == sections[k + 1] for k in range(len(sections) - 1)]
    #       T|D    D|One  One|Two Two|Three Three|Four Four|Five Five|Six Six|Seven Seven|Eight
    assert same == [False, False, True, False, True, False, False, False, False]


FRAGMENTS = st.sampled_from([
    "<Note>", "</Note>", "<Diagram\n  alt=\"a > b\"\n/>", "<Kbd>K</Kbd>", "```js", "```", "~~~", "{/*id*/}",
    "{#id}", "{{< note >}}", "{{< /note >}}", "{% raw %}", "{% comment %}", "{% endcomment %}", "<!--", "-->",
    ":::tip Title", ":::", "import A from 'a';", "export const x = {", "}", "---", "title: X", "Text.",
    "Речення тут.", "**bold**", "{{ x }}", "\n", "\n\n", " ", "  ",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40))
def test_masking_keeps_every_line_and_column_and_only_blanks(fragments: list[str]) -> None:
    lines = "".join(fragments).split("\n")
    try:
        masked = mask_site_syntax(lines, name="x.md")
    except InputError:
        return  # front matter that is not YAML: refused with its line, tested above
    assert [len(line) for line in masked.lines] == [len(line) for line in lines]
    for source, blanked in zip(lines, masked.lines):
        assert all(b == s or b == " " for s, b in zip(source, blanked))
    for markup in ("codes", "literal"):
        read_document("\n".join(lines), lang="en", name="x.md", markup=markup)


CONFLICTED = """## Спробувати {/*try-it*/}

<<<<<<< HEAD
Встановлювати нічого не треба. Спробуйте у пісочниці!
=======
You don't need to install anything. Try it in the sandbox!
>>>>>>> 49284218b1f5c94f930f8a9b305040dbe7d3dd48

Заголовок
=======

Текст після.
"""


@pytest.mark.parametrize("markup", MODES)
def test_conflict_markers_an_unfinished_merge_left_are_not_text(markup: str) -> None:
    """A translated page from a repository mid-merge: the marker lines (`<<<<<<< HEAD`,
    `=======`, `>>>>>>> sha`) are no segment and end blocks; both sides' text stays; a
    `=======` outside a conflict still underlines a heading."""
    found = read_document(CONFLICTED, lang="uk", name="page.md", markup=markup)
    texts = [s.text for b in found for s in b.segments if not s.text.startswith("Заголовок")]
    assert not [t for t in texts if "<<<<<<<" in t or "=======" in t or ">>>>>>>" in t or "4928421" in t]
    assert "Встановлювати нічого не треба." in texts
    assert any(t.startswith("You don't need to install anything.") for t in texts)
    heading = [b for b in found if any("Заголовок" in s.text for s in b.segments)]
    assert [b.kind for b in heading] == ["heading"]


def test_conflict_markers_are_found_only_between_an_opening_and_a_closing_marker() -> None:
    from tmtool.segment.sitesyntax import conflict_markers

    lines = CONFLICTED.split("\n")
    assert conflict_markers(lines) == [2, 4, 6]
    assert conflict_markers(["Title", "=======", "<<<<<<< HEAD", "text"]) == []


@pytest.mark.parametrize(("text", "markup", "ident"), [
    ("## Try it {/*try-it*/}\n", "codes", "#try-it"),
    ("## Try it {/*try-it*/}\n", "plain", "#try-it"),
    ("## Try it {/*try-it*/}\n", "literal", "#try-it"),
    ("### Перегляд {#viewing-harbors}\n", "codes", "#viewing-harbors"),
    ("### Перегляд {#viewing-harbors .wide}\n", "literal", "#viewing-harbors"),
    ("## Без id\n", "codes", ""),
    ("Абзац {/*not-a-heading*/}\n", "codes", ""),
    ("---\ntitle: Гавані\n---\n", "codes", "title:"),
    ("---\ntitle: Гавані\n---\n", "literal", "title:"),
])
def test_blocks_carry_the_heading_id_or_front_matter_key_that_names_them_in_both_languages(
    text: str, markup: str, ident: str,
) -> None:
    (block,) = read_document(text, lang="uk", name="page.md", markup=markup)
    assert block.ident == ident


def test_html_headings_carry_their_id_attribute() -> None:
    found = read_document('<h2 id="Syntax">Синтаксис</h2><p>Текст.</p><h3>Без id</h3>',
                          lang="uk", name="page.html")
    assert [(b.kind, b.ident) for b in found] == [("heading", "#Syntax"), ("paragraph", ""), ("heading", "")]


@pytest.mark.parametrize("markup", MODES)
def test_a_heading_that_is_only_a_shortcode_is_no_segment(markup: str) -> None:
    """Hugo pages title their last section with a shortcode (`## {{% heading "whatsnext" %}}`):
    nothing in it is text, in any mode; a heading of a product name still is."""
    text = '## {{% heading "whatsnext" %}}\n\n### etcd {#etcd}\n\n## {/*only-an-id*/}\n'
    assert [s.text.strip() for b in read_document(text, lang="uk", name="p.md", markup=markup)
            for s in b.segments] == (["### etcd {#etcd}"] if markup == "literal" else ["etcd"])


MDN_PAGE = """---
title: Array.isArray()
slug: Web/JavaScript/Reference/Global_Objects/Array/isArray
tags:
  - Array
  - Довідка
---
<div>{{JSRef}}</div>

<div>Метод <code>Array.isArray()</code> з'ясовує, чи є значення {{jsxref("Array", "масивом")}}.</div>

<h2 id="Syntax">Синтаксис</h2>

<p>{{Compat("javascript.builtins.Array.isArray")}}</p>
"""


@pytest.mark.parametrize("markup", ["codes", "plain"])
def test_an_html_page_with_front_matter_and_macros_gives_only_its_text(markup: str) -> None:
    """MDN's HTML pages open with YAML front matter and call macros in the text: the title is
    a front-matter block, the slug and tags are nothing, a paragraph that is only a macro is
    no segment, and a macro inside a sentence stays as written (OmegaT's HTML filter shows it
    as text, so a unit holding it as text is what fills the segment)."""
    found = read_document(MDN_PAGE, lang="uk", name="index.html", markup=markup)
    assert [(b.kind, b.line, b.ident) for b in found] == [
        ("front-matter", 2, "title:"), ("paragraph", 10, ""), ("heading", 12, "#Syntax")]
    texts = [s.native_text() if markup == "codes" else s.text for b in found for s in b.segments]
    sentence = "Метод <code>Array.isArray()</code> з'ясовує, чи є значення {{jsxref(\"Array\", \"масивом\")}}."
    assert texts == ["Array.isArray()", sentence if markup == "codes" else
                     "Метод Array.isArray() з'ясовує, чи є значення {{jsxref(\"Array\", \"масивом\")}}.", "Синтаксис"]


CONFLICTED_FRONT_MATTER = """---
<<<<<<< HEAD:content/warnings/page.md
title: "Попередження: хибний виклик"
layout: single
---

Ви тут, бо побачили помилку.
=======
title: Rules
---

You are here because of an error.
>>>>>>> cdc9917863111daeddf9c3552f9adf49c245e425:src/content/warnings/page.md

Існує три причини.
"""


@pytest.mark.parametrize("markup", MODES)
def test_a_conflict_that_starts_inside_the_front_matter_is_read_not_refused(markup: str) -> None:
    """A translated page committed mid-merge, its conflict opening inside the front matter:
    the markers are left out before the YAML is read, so the title is found and nothing is
    refused as "front matter is not valid YAML"."""
    found = read_document(CONFLICTED_FRONT_MATTER, lang="uk", name="page.md", markup=markup)
    assert (found[0].kind, found[0].ident, found[0].segments[0].text) == (
        "front-matter", "title:", "Попередження: хибний виклик")
    texts = [s.text for b in found for s in b.segments]
    assert "Ви тут, бо побачили помилку." in texts and "Існує три причини." in texts
    assert not [t for t in texts if "<<<<<<<" in t or ">>>>>>>" in t or "=======" in t]


@pytest.mark.parametrize("markup", ["codes", "plain"])
def test_text_between_a_pair_of_shortcodes_on_one_line_is_kept(markup: str) -> None:
    """A Hugo notice written on one line was taken for one long tag from its first `{{%` to
    the last `%}}`: the line was blanked as shortcodes only, its sentence lost (align, lint)."""
    page = ("{{% notice info %}}Kyiv is the capital.{{% /notice %}}\n\n"
            "{% if page.x %}Read more.{% endif %}\n\n{{< figure src=\"a.png\" >}}\n")
    assert [text.replace("{{% notice info %}}", "").replace("{{% /notice %}}", "")
            .replace("{% if page.x %}", "").replace("{% endif %}", "")
            for text in words(page, markup)] == ["Kyiv is the capital.", "Read more."]
    masked = mask_site_syntax(page.split("\n"), name="page.md").lines
    assert masked[0].strip() == "{{% notice info %}}Kyiv is the capital.{{% /notice %}}"
    assert masked[4].strip() == ""
