"""A generated bilingual archive for `pair_bench.py` and `batch.py`: two folders of documents with
unrelated names, made from the benchmark kit's verse tables (the 1903 Ukrainian New Testament
and the King James New Testament, ../shared/bench/data).

Documents are runs of 3-40 consecutive verses of one chapter (lengths log-normal), so
neighbouring documents are sections of the same book: the same names, the same style, similar
lengths. What a real archive adds is added too, each at a stated rate:
- 10 % documents without a counterpart on each side, a third of them near-duplicates of a
  paired document (a Ukrainian draft whose translation is another version);
- 5 % of the pairs are revisions of another pair (one verse dropped or added: two near-identical
  documents on each side, each with its own translation);
- translations that drop a verse (10 %), translations that merge or split one or two
  paragraphs (20 %), a heading on half of the documents (the book and chapter, shared by every section of
  that chapter), a dateline ("Київ, 12 березня 2019 р." / "Kyiv, 12 March 2019") on 30 % with
  dates from two years, so dates repeat across documents (`dates=False` leaves them out);
- every file in a random format (md, txt, html; docx/odt when a reader is installed), under a
  random name and a random year folder on each side.
Past about 600 documents the verses are cut again at other places, so larger sets also hold
documents that overlap partly: harder than the first 600, and said so in the output. No two
documents hold exactly the same verses (`distinct`, the default): a later cut can repeat a
section (of the documents planned, 46 of 1,250 share their verses with another at 1,000 pairs,
258 of 2,500 at 2,000, 4,855 of 12,500 at 10,000; none at 500), and two such documents
translate each other whatever the gold says, so the first version of this generator
(`distinct=False`) counted right answers as wrong.
"""
from __future__ import annotations

import gzip
import html
import math
import random
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
# shared/ lies beside the project (CI, the main checkout) or beside the worktrees' folder
DATA = next((p / "shared" / "bench" / "data" for p in (PROJECT.parent, PROJECT.parent.parent)
             if (p / "shared" / "bench" / "data").is_dir()), PROJECT.parent / "shared" / "bench" / "data")
BOOKS_UK = {"MAT": "Від Матвія", "MAR": "Від Марка", "LUK": "Від Луки", "JOH": "Від Івана",
            "ACT": "Діяння", "ROM": "До римлян", "REV": "Об'явлення"}
BOOKS_EN = {"MAT": "Matthew", "MAR": "Mark", "LUK": "Luke", "JOH": "John", "ACT": "Acts",
            "ROM": "Romans", "REV": "Revelation"}
MONTHS_UK = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
CITIES = (("Київ", "Kyiv"), ("Львів", "Lviv"), ("Харків", "Kharkiv"), ("Одеса", "Odesa"),
          ("Дніпро", "Dnipro"), ("Астана", "Astana"))


@dataclass
class Doc:
    """One generated document: its verses on each side, and how it is dressed."""

    verses: list[str]
    uk_drop: set[int] = field(default_factory=set)
    en_drop: set[int] = field(default_factory=set)
    heading: bool = False
    dateline: tuple[int, int, int, int] | None = None  # day, month, year, city
    en_paragraphs: bool = False  # paragraphed differently in English
    layout: int = 0  # seed of the paragraphing


def load_verses(name: str) -> OrderedDict[str, str]:
    verses: OrderedDict[str, str] = OrderedDict()
    with gzip.open(DATA / name, "rt", encoding="utf-8") as handle:
        for line in handle:
            verse, text = line.rstrip("\n").split("\t", 1)
            verses[verse] = text
    return verses


def chapters(uk: OrderedDict[str, str], en: OrderedDict[str, str]) -> list[list[str]]:
    by_chapter: OrderedDict[str, list[str]] = OrderedDict()
    for verse in uk:
        if verse in en:
            by_chapter.setdefault(verse.rsplit(".", 1)[0], []).append(verse)
    return list(by_chapter.values())


def sections(chapter_list: list[list[str]], rng: random.Random) -> list[list[str]]:
    """One cut of every chapter into runs of 3-40 verses (log-normal, median ~11)."""
    out: list[list[str]] = []
    for verses in chapter_list:
        start = 0
        while start < len(verses):
            size = max(3, min(40, round(math.exp(rng.gauss(2.4, 0.6)))))
            if len(verses) - (start + size) < 3:
                size = len(verses) - start
            out.append(verses[start:start + size])
            start += size
    rng.shuffle(out)
    return out


def plan(pairs: int, seed: int, dates: bool = True, distinct: bool = True
         ) -> tuple[list[Doc], list[Doc], list[Doc]]:
    """(paired documents, Ukrainian-only ones, English-only ones). With `distinct`, no two
    documents hold the same verses (a later cut repeating a section, a draft equal to a
    revision): two such documents translate each other whatever the gold says. False gives
    the archives of the first version of this generator."""
    rng = random.Random(seed)
    uk, en = load_verses("uk_nt_1903.tsv.gz"), load_verses("en_kjv_nt.tsv.gz")
    chapter_list = chapters(uk, en)
    pool: list[list[str]] = []
    used: set[tuple[str, ...]] = set()
    only = max(1, pairs // 10)
    while len(pool) < pairs + 2 * only:
        for section in sections(chapter_list, rng):
            if not distinct or tuple(section) not in used:
                pool.append(section)
                used.add(tuple(section))
    paired = [_dressed(Doc(v), rng, dates) for v in pool[:pairs]]
    for index in rng.sample(range(len(paired)), pairs // 20):  # revisions: both sides exist
        verses = _revised(paired[index].verses, rng, chapter_list, used if distinct else None)
        paired.append(_dressed(Doc(verses), rng, dates))
    uk_only = [_dressed(Doc(v), rng, dates) for v in pool[pairs:pairs + only]]
    for number in range(only // 3):  # drafts: near-duplicates of paired documents
        base = rng.choice(paired).verses
        uk_only[number] = _dressed(Doc(_revised(base, rng, chapter_list, used if distinct else None)),
                                   rng, dates)
    en_only = [_dressed(Doc(v), rng, dates) for v in pool[pairs + only:pairs + 2 * only]]
    return paired, uk_only, en_only


def _revised(verses: list[str], rng: random.Random, chapter_list: list[list[str]],
             used: set[tuple[str, ...]] | None = None) -> list[str]:
    """A near-duplicate: one verse dropped, or the verse after (or before) it added; with
    `used`, one whose verses no other document holds (a verse dropped elsewhere if need be)."""
    revised = _revised_once(verses, rng, chapter_list)
    if used is not None:
        places = [n for n in range(len(verses)) if tuple(verses[:n] + verses[n + 1:]) not in used]
        if tuple(revised) in used and len(verses) > 1 and places:
            drop = rng.choice(places)
            revised = verses[:drop] + verses[drop + 1:]
        used.add(tuple(revised))
    return revised


def _revised_once(verses: list[str], rng: random.Random, chapter_list: list[list[str]]) -> list[str]:
    if len(verses) > 4 and rng.random() < 0.5:
        drop = rng.randrange(len(verses))
        return verses[:drop] + verses[drop + 1:]
    book_chapter = verses[0].rsplit(".", 1)[0]
    chapter = next(c for c in chapter_list if c[0].rsplit(".", 1)[0] == book_chapter)
    first, last = chapter.index(verses[0]), chapter.index(verses[-1])
    if last + 1 < len(chapter):
        return verses + [chapter[last + 1]]
    if first > 0:
        return [chapter[first - 1]] + verses
    return verses[:-1]


def _dressed(doc: Doc, rng: random.Random, dates: bool) -> Doc:
    doc.heading = rng.random() < 0.5 and doc.verses[0].split(".")[0] in BOOKS_UK
    if dates and rng.random() < 0.3:
        doc.dateline = (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2020),
                        rng.randrange(len(CITIES)))
    if len(doc.verses) > 3 and rng.random() < 0.1:
        doc.en_drop = {rng.randrange(len(doc.verses))}
    doc.en_paragraphs = rng.random() < 0.2
    doc.layout = rng.randrange(1 << 30)
    return doc


def paragraphs(count: int, rng: random.Random) -> list[int]:
    """Paragraph sizes (1-5 verses) adding up to `count`."""
    sizes: list[int] = []
    while sum(sizes) < count:
        sizes.append(min(rng.randint(1, 5), count - sum(sizes)))
    return sizes


def texts(doc: Doc, side: str, uk: dict[str, str], en: dict[str, str]) -> tuple[str | None, list[str]]:
    """(heading, paragraphs) of one side of a document."""
    table, drop = (uk, doc.uk_drop) if side == "uk" else (en, doc.en_drop)
    layout = random.Random(doc.layout)
    sizes = paragraphs(len(doc.verses), layout)
    if side == "en" and doc.en_paragraphs:  # the translator merged or split a paragraph or two
        for _ in range(layout.randint(1, 2)):
            at = layout.randrange(len(sizes))
            if sizes[at] > 1 and layout.random() < 0.5:
                cut = layout.randint(1, sizes[at] - 1)
                sizes[at:at + 1] = [cut, sizes[at] - cut]
            elif at + 1 < len(sizes):
                sizes[at:at + 2] = [sizes[at] + sizes[at + 1]]
    verses = [table[v] if index not in drop else "" for index, v in enumerate(doc.verses)]
    out: list[str] = []
    for size in sizes:
        text = " ".join(v for v in verses[:size] if v)
        if text:
            out.append(text)
        verses = verses[size:]
    if doc.dateline:
        day, month, year, city = doc.dateline
        out.insert(0, f"{CITIES[city][0]}, {day} {MONTHS_UK[month - 1]} {year} р." if side == "uk"
                   else f"{CITIES[city][1]}, {day} {MONTHS_EN[month - 1]} {year}")
    heading = None
    if doc.heading:
        book, chapter = doc.verses[0].split(".")[:2]
        heading = f"{BOOKS_UK[book]}, розділ {chapter}" if side == "uk" else f"{BOOKS_EN[book]}, chapter {chapter}"
    return heading, out


def render(heading: str | None, body: list[str], fmt: str) -> str:
    if fmt == "md":
        return (f"# {heading}\n\n" if heading else "") + "\n\n".join(body) + "\n"
    if fmt == "html":
        head = f"<h1>{html.escape(heading)}</h1>\n" if heading else ""
        paras = "".join(f"<p>{html.escape(p)}</p>\n" for p in body)
        return f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>x</title></head><body>\n{head}{paras}</body></html>\n"
    return (f"{heading}\n\n" if heading else "") + "\n\n".join(body) + "\n"


def available_formats() -> list[str]:
    """md, txt and html, plus docx/odt when a writer library is installed and tmtool reads the
    file it writes (tried on a small document, so this follows tmtool's readers as they land)."""
    import tempfile

    from tmtool.align.inputs import read_side
    from tmtool.errors import TmtoolError

    formats = ["md", "txt", "html"]
    for fmt, module in (("docx", "docx"), ("odt", "odf")):
        try:
            __import__(module)
        except ImportError:
            continue
        with tempfile.TemporaryDirectory() as temp:
            path = Path(temp) / f"probe.{fmt}"
            write_binary(path, "Заголовок", ["Перше речення. Друге речення."], fmt)
            try:
                side = read_side(str(path), lang="uk-UA", presegmented=False)
            except TmtoolError:
                continue
            if "Друге речення." in side.texts:
                formats.append(fmt)
    return formats


def write_binary(path: Path, heading: str | None, body: list[str], fmt: str) -> None:
    if fmt == "docx":
        import docx

        document = docx.Document()
        if heading:
            document.add_heading(heading, level=1)
        for paragraph in body:
            document.add_paragraph(paragraph)
        document.save(str(path))
        return
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    odt = OpenDocumentText()
    if heading:
        odt.text.addElement(H(outlinelevel=1, text=heading))
    for paragraph in body:
        odt.text.addElement(P(text=paragraph))
    odt.save(str(path))


def write_archive(root: Path, pairs: int, seed: int = 1, dates: bool = True,
                  formats: list[str] | None = None, kinds: dict[str, str] | None = None,
                  distinct: bool = True, verses: dict[str, frozenset[str]] | None = None
                  ) -> list[tuple[str, str]]:
    """Write UK and EN folders under `root`; return the gold (uk path, en path), relative to root.
    `kinds`, when given, receives each written file's kind (pair, revision, draft, only, ...),
    `verses` the verses it holds; `distinct` as in `plan`."""
    rng = random.Random(f"files:{seed}")
    formats = formats or available_formats()
    uk, en = load_verses("uk_nt_1903.tsv.gz"), load_verses("en_kjv_nt.tsv.gz")
    paired, uk_only, en_only = plan(pairs, seed, dates, distinct)
    gold: list[tuple[str, str]] = []
    jobs = [(d, True, True, "revision" if n >= pairs else "pair") for n, d in enumerate(paired)]
    jobs += [(d, True, False, "draft" if n < len(uk_only) // 3 else "only") for n, d in enumerate(uk_only)]
    jobs += [(d, False, True, "only") for d in en_only]
    names: set[str] = set()
    for doc, has_uk, has_en, kind in jobs:
        written = []
        for side, present in (("uk", has_uk), ("en", has_en)):
            if not present:
                written.append("")
                continue
            fmt = rng.choice(formats)
            name = _fresh_name(rng, names, fmt)
            path = root / side.upper() / str(rng.randint(2015, 2024)) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            heading, body = texts(doc, side, uk, en)
            if fmt in ("docx", "odt"):
                write_binary(path, heading, body, fmt)
            else:
                path.write_text(render(heading, body, fmt), encoding="utf-8")
            written.append(str(path.relative_to(root)))
            if verses is not None:
                dropped = doc.uk_drop if side == "uk" else doc.en_drop
                verses[written[-1]] = frozenset(v for n, v in enumerate(doc.verses) if n not in dropped)
            if kinds is not None:
                flags = [kind, f"v{len(doc.verses)}"] + (["drop"] if doc.en_drop else [])
                flags += (["repara"] if doc.en_paragraphs else []) + (["date"] if doc.dateline else [])
                kinds[written[-1]] = " ".join(flags)
        if written[0] and written[1]:
            gold.append((written[0], written[1]))
    return gold


def _fresh_name(rng: random.Random, taken: set[str], fmt: str) -> str:
    while True:
        name = f"{rng.choice(['doc', 'art', 'file', 'item', 'n'])}{rng.randint(0, 10**7):07d}.{fmt}"
        if name not in taken:
            taken.add(name)
            return name
