"""Word and OpenDocument versions of a Markdown document, for tests that compare readers.

Blocks come from tmtool's Markdown reader; each becomes a paragraph with the matching style,
and its text is cut into runs (spans) at pseudo-random places, with the marks Word leaves
between runs (revision ids, proofing marks, bookmarks, language tags), so a reader that made
codes per run, or lost text at a split, would not give the Markdown's segments.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from tests.office_files import docx_package, odt_package
from tmtool.model import CodeKind, InlineCode
from tmtool.segment.inline import HardBreak, Piece
from tmtool.segment.markdown import read_markdown_blocks

DOCX_STYLES = {"heading": "2", "list-item": "a8", "caption": "a9"}
ODT_STYLES = {"heading": "Heading_20_2", "caption": "Illustration"}
WORD_FLAGS = {"bold": ("<w:b/>", '<w:rStyle w:val="ac"/>'), "italic": ("<w:i/>", '<w:i w:val="1"/>'),
              "ulined": ('<w:u w:val="single"/>',), "x-strike": ("<w:strike/>",),
              "x-sup": ('<w:vertAlign w:val="superscript"/>',), "x-sub": ('<w:vertAlign w:val="subscript"/>',)}
ODF_FLAGS = {"bold": 'fo:font-weight="bold"', "italic": 'fo:font-style="italic"',
             "ulined": 'style:text-underline-style="solid"', "x-strike": 'style:text-line-through-style="solid"',
             "x-sup": 'style:text-position="super 58%"', "x-sub": 'style:text-position="sub 58%"'}
BETWEEN_RUNS = ('<w:proofErr w:type="spellStart"/>', '<w:proofErr w:type="spellEnd"/>',
                '<w:bookmarkStart w:id="{n}" w:name="_Hlk{n}"/><w:bookmarkEnd w:id="{n}"/>',
                '<w:proofErr w:type="gramStart"/>', "")

Chunk = tuple[str, frozenset[str], str | None]  # text, code types, link target


def chunks(pieces: list[Piece], rng: random.Random) -> Iterator[Chunk | HardBreak]:
    """The block's text cut at random places, each piece with the formatting around it."""
    open_codes: dict[int | None, InlineCode] = {}
    for piece in pieces:
        if isinstance(piece, HardBreak):
            yield piece
        elif isinstance(piece, InlineCode):
            if piece.kind is CodeKind.OPEN:
                open_codes[piece.pair] = piece
            elif piece.kind is CodeKind.CLOSE:
                open_codes.pop(piece.pair, None)
            else:
                raise ValueError(f"no Word form for {piece}")
        else:
            types = frozenset(c.type for c in open_codes.values() if c.type != "link")
            link = "https://example.org/" if any(c.type == "link" for c in open_codes.values()) else None
            cuts = sorted(rng.sample(range(1, len(piece)), min(len(piece) - 1, rng.randint(0, 4))))
            for start, end in zip([0, *cuts], [*cuts, len(piece)]):
                yield piece[start:end], types, link


def docx_from_markdown(markdown: str, *, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    paragraphs = []
    for block in read_markdown_blocks(markdown):
        style = DOCX_STYLES.get(block.kind)
        runs = []
        for chunk in chunks(block.pieces, rng):
            if isinstance(chunk, HardBreak):
                runs.append("<w:r><w:br/></w:r>")
                continue
            text, types, link = chunk
            properties = "".join(rng.choice(WORD_FLAGS[t]) for t in sorted(types))
            properties += rng.choice(("", '<w:lang w:val="uk-UA"/>', "<w:noProof/>"))
            space = ' xml:space="preserve"' if text != text.strip() else ""
            rsid = f"00{rng.randrange(16**6):06X}"
            run = f'<w:r w:rsidR="{rsid}"><w:rPr>{properties}</w:rPr><w:t{space}>{escape(text)}</w:t></w:r>'
            if link is not None:
                run = f'<w:hyperlink r:id="rIdLink">{run}</w:hyperlink>'
            runs.append(run + rng.choice(BETWEEN_RUNS).format(n=len(runs)))
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        paragraphs.append(f'<w:p w:rsidR="00A1B2C3" w14:paraId="{len(paragraphs):08X}">'
                          f'<w:pPr>{style_xml}</w:pPr>{"".join(runs)}</w:p>')
    return docx_package("".join(paragraphs), hyperlinks={"rIdLink": "https://example.org/"})


def odt_from_markdown(markdown: str, *, seed: int = 1) -> bytes:
    rng = random.Random(seed)
    styles: dict[frozenset[str], str] = {}
    paragraphs = []
    for block in read_markdown_blocks(markdown):
        parts = []
        for chunk in chunks(block.pieces, rng):
            if isinstance(chunk, HardBreak):
                parts.append("<text:line-break/>")
                continue
            text, types, link = chunk
            content = escape(text).replace("  ", ' <text:s/>')
            if types:
                name = styles.setdefault(types, f"T{len(styles) + 1}")
                content = f'<text:span text:style-name="{name}">{content}</text:span>'
            if link is not None:
                content = f"<text:a xlink:href={quoteattr(link)}>{content}</text:a>"
            parts.append(content + rng.choice(("", "<text:soft-page-break/>", '<text:bookmark text:name="b"/>')))
        style = ODT_STYLES.get(block.kind, "Standard")
        tag = "text:h" if block.kind == "heading" else "text:p"
        level = ' text:outline-level="2"' if block.kind == "heading" else ""
        paragraph = f'<{tag} text:style-name="{style}"{level}>{"".join(parts)}</{tag}>'
        if block.kind == "list-item":
            paragraph = f"<text:list><text:list-item>{paragraph}</text:list-item></text:list>"
        paragraphs.append(paragraph)
    automatic = "".join(
        f'<style:style style:name="{name}" style:family="text"><style:text-properties '
        f'{" ".join(ODF_FLAGS[t] for t in sorted(types))}/></style:style>' for types, name in styles.items())
    return odt_package("".join(paragraphs), automatic)
