"""Generated Ukrainian-English sentence pairs and lookup queries for `tm_lookup.py`.

Vocabulary and phrasing come from real text: the clauses of the verse-aligned Ukrainian
(1903) and English (KJV) New Testaments in ../shared/bench/data and of the sample interview
in sources/. A pair joins one to three clauses of the same verse (or paragraph) in both
languages, and may carry a personal or place name (declined in Ukrainian, transliterated in
English), a year or a count. About a tenth are short UI-like messages built from templates
(many near-identical short sentences of common words, the hard case for a word index), and
about a quarter are near-duplicates of an earlier pair (a word, number, name or punctuation
mark changed, a clause dropped), as real memories have. Queries are stored sentences with
one to three edits, and sentences that were never stored.
"""
from __future__ import annotations

import gzip
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tmtool.glossary.declension import decline
from tmtool.lang.translit import transliterate

PROJECT = Path(__file__).resolve().parents[1]
# shared/ lies beside the project (CI, /work/main) or beside the worktrees' folder.
BENCH_DATA = next((folder / "shared" / "bench" / "data" for folder in PROJECT.parents[:2]
                   if (folder / "shared" / "bench" / "data").is_dir()),
                  PROJECT.parent / "shared" / "bench" / "data")
_CLAUSE_SPLIT = re.compile(r"\s*[,;:.!?]+\s*")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SYLLABLES = ["ба", "бо", "ва", "ви", "го", "гу", "да", "ду", "же", "за", "зі", "ко", "ку", "ла", "ли", "ль", "ма", "мо", "на", "ни", "по", "пу", "ра", "ри", "са", "со", "та", "ти", "фе", "ха", "це", "ча", "ше", "шу", "юр", "ян"]
_SURNAME_ENDINGS = ("енко", "ук", "юк", "чук", "ський", "ов", "ич", "як", "ець", "ко", "ишин")
_PLACE_ENDINGS = ("івка", "ове", "ськ", "ин", "ів", "иця", "опіль")
_FIRST_NAMES = ["Олександр", "Андрій", "Богдан", "Василь", "Дмитро", "Іван", "Микола", "Олег", "Петро", "Сергій", "Тарас", "Юрій", "Ярослав", "Ольга", "Наталія", "Оксана", "Ірина", "Марія", "Тетяна", "Галина", "Людмила", "Катерина", "Софія", "Анна", "Касим", "Айгуль", "Нурлан", "Жанна"]
# (uk, en) message templates; {n} a number, {name} a file or person, {place} a place.
_TEMPLATES = (
    ("Файл {name} не знайдено.", "File {name} not found."),
    ("Видалено {n} файлів.", "{n} files deleted."),
    ("Зберегти зміни в документі {name}?", "Save changes to document {name}?"),
    ("Зустріч відбудеться {n} березня у {place}.", "The meeting will take place on {n} March in {place}."),
    ("Дякуємо за ваш відгук!", "Thank you for your feedback!"),
    ("Сторінка {n} з {m}", "Page {n} of {m}"),
    ("Посол зустрівся з {name} у {place}.", "The Ambassador met {name} in {place}."),
    ("Ви впевнені, що хочете вийти?", "Are you sure you want to quit?"),
    ("Невірний пароль.", "Wrong password."),
    ("Завантаження {n}%", "Loading {n}%"),
    ("Так, звичайно.", "Yes, of course."),
    ("Ні, дякую.", "No, thank you."),
    ("У {n} році {name} переїхав до {place}.", "In {n}, {name} moved to {place}."),
    ("Звіт за {n} рік готовий.", "The report for {n} is ready."),
    ("Немає з'єднання з сервером.", "No connection to the server."),
    ("Оновлення встановлено.", "The update has been installed."),
    ("Ціна: {n} гривень.", "Price: {n} hryvnias."),
    ("Він народився в {place} у {n} році.", "He was born in {place} in {n}."),
)
_UK_EXTRA = ["також", "дуже", "нині", "вже", "знову", "разом", "тепер", "навіть", "саме", "лише", "справді"]


@dataclass(frozen=True)
class Query:
    uk: str
    kind: str        # "edited" or "unrelated"
    edits: tuple[str, ...] = ()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE_SPLIT.split(text) if len(c.split()) >= 2]


def _read_verses(name: str) -> dict[str, str]:
    with gzip.open(BENCH_DATA / name, "rt", encoding="utf-8") as handle:
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)


class Corpus:
    """A deterministic generator of pairs and queries (one `random.Random(seed)`)."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        uk, en = _read_verses("uk_nt_1903.tsv.gz"), _read_verses("en_kjv_nt.tsv.gz")
        self.clause_pairs: list[tuple[list[str], list[str]]] = []
        for verse in sorted(uk.keys() & en.keys()):
            pair = (_clauses(uk[verse]), _clauses(en[verse]))
            if pair[0] and pair[1]:
                self.clause_pairs.append(pair)
        self._add_interview()
        self.uk_words = sorted({w for ukc, _ in self.clause_pairs for c in ukc
                                for w in _WORD.findall(c)})
        self.en_words = sorted({w for _, enc in self.clause_pairs for c in enc
                                for w in _WORD.findall(c)})
        self.names = [self._surname() for _ in range(20_000)]
        self.places = [self._place() for _ in range(3_000)]
        self.bases: list[tuple[str, str, dict[str, str]]] = []

    def _add_interview(self) -> None:
        uk = (PROJECT / "sources" / "interview.uk.md").read_text(encoding="utf-8").split("\n\n")
        en = (PROJECT / "sources" / "interview.en.md").read_text(encoding="utf-8").split("\n\n")
        for uk_block, en_block in zip(uk, en):
            pair = (_clauses(uk_block.strip("#*— \n")), _clauses(en_block.strip("#*— \n")))
            if pair[0] and pair[1]:
                self.clause_pairs.extend([pair] * 20)  # modern prose, weighted up

    def _stem(self, count: int) -> str:
        return "".join(self.rng.choice(_SYLLABLES) for _ in range(count))

    def _surname(self) -> str:
        return (self._stem(self.rng.choice((1, 2, 2, 3))) + self.rng.choice(_SURNAME_ENDINGS)).title()

    def _place(self) -> str:
        return (self._stem(self.rng.choice((2, 3))) + self.rng.choice(_PLACE_ENDINGS)).title()

    def _name_forms(self) -> tuple[str, str]:
        """A Ukrainian name in some case and its English transliteration (nominative)."""
        first = self.rng.choice(_FIRST_NAMES)
        surname = self.rng.choice(self.names)
        forms = sorted(decline(surname.lower()))
        uk_form = self.rng.choice(forms).title() if self.rng.random() < 0.5 else surname
        return f"{first} {uk_form}", f"{transliterate(first)} {transliterate(surname)}"

    def _slots(self) -> dict[str, str]:
        name_uk, name_en = self._name_forms()
        place = self.rng.choice(self.places)
        n = str(self.rng.choice((self.rng.randint(1, 31), self.rng.randint(1900, 2030),
                                 self.rng.randint(1, 5000))))
        return {"name_uk": name_uk, "name_en": name_en, "place_uk": place,
                "place_en": transliterate(place), "n": n, "m": str(self.rng.randint(2, 500))}

    def _template(self, slots: dict[str, str]) -> tuple[str, str]:
        uk, en = self.rng.choice(_TEMPLATES)
        return (uk.format(name=slots["name_uk"], place=slots["place_uk"], n=slots["n"], m=slots["m"]),
                en.format(name=slots["name_en"], place=slots["place_en"], n=slots["n"], m=slots["m"]))

    def _prose(self, slots: dict[str, str]) -> tuple[str, str]:
        uk_parts, en_parts = [], []
        for _ in range(self.rng.choice((1, 2, 2, 2, 3, 3, 4))):
            uk_clauses, en_clauses = self.rng.choice(self.clause_pairs)
            index = self.rng.randrange(min(len(uk_clauses), len(en_clauses)))
            uk_parts.append(uk_clauses[index])
            en_parts.append(en_clauses[index])
        roll = self.rng.random()
        if roll < 0.2:
            uk_parts.append(f"сказав {slots['name_uk']}")
            en_parts.append(f"said {slots['name_en']}")
        elif roll < 0.3:
            uk_parts.append(f"у {slots['n']} році")
            en_parts.append(f"in {slots['n']}")
        ending = self.rng.choice(".....?!")
        return _sentence(", ".join(uk_parts) + ending), _sentence(", ".join(en_parts) + ending)

    def _variant(self, uk: str, en: str, slots: dict[str, str]) -> tuple[str, str]:
        """A near-duplicate of a stored pair: one small change on both sides."""
        change = self.rng.choice(("number", "name", "word", "punct", "clause"))
        if change == "number" and slots["n"] in uk:
            new = str(self.rng.randint(1, 3000))
            return uk.replace(slots["n"], new), en.replace(slots["n"], new)
        if change == "name" and slots["name_uk"] in uk:
            name_uk, name_en = self._name_forms()
            return uk.replace(slots["name_uk"], name_uk), en.replace(slots["name_en"], name_en)
        if change == "punct":
            return uk[:-1] + self.rng.choice("?!…"), en[:-1] + self.rng.choice("?!")
        if change == "clause" and ", " in uk:
            return uk.rsplit(", ", 1)[0] + uk[-1], en.rsplit(", ", 1)[0] + en[-1]
        words = uk.split()
        words[self.rng.randrange(len(words))] = self.rng.choice(self.uk_words)
        en_words = en.split()
        en_words[self.rng.randrange(len(en_words))] = self.rng.choice(self.en_words)
        return " ".join(words), " ".join(en_words)

    def fresh_pair(self) -> tuple[str, str, dict[str, str]]:
        slots = self._slots()
        uk, en = self._template(slots) if self.rng.random() < 0.1 else self._prose(slots)
        return uk, en, slots

    def pairs(self, count: int) -> Iterator[tuple[str, str]]:
        """`count` distinct (uk, en) pairs."""
        seen: set[int] = set()
        made = 0
        while made < count:
            if self.bases and self.rng.random() < 0.25:
                uk, en, slots = self.rng.choice(self.bases)
                uk, en = self._variant(uk, en, slots)
            else:
                uk, en, slots = self.fresh_pair()
                if len(self.bases) < 50_000:
                    self.bases.append((uk, en, slots))
                else:
                    self.bases[self.rng.randrange(50_000)] = (uk, en, slots)
            key = hash((uk, en))
            if key in seen:
                continue
            seen.add(key)
            made += 1
            yield uk, en

    def edited(self, sentence: str) -> Query:
        """A stored sentence with one to three edits of the kinds translators meet."""
        words = sentence.split()
        applied = []
        for _ in range(self.rng.choice((1, 1, 2, 2, 3))):
            edit = self.rng.choice(("substitute", "delete", "insert", "inflect", "case",
                                    "punct", "swap", "number"))
            at = self.rng.randrange(len(words))
            if edit == "substitute":
                words[at] = self.rng.choice(self.uk_words)
            elif edit == "delete" and len(words) > 2:
                del words[at]
            elif edit == "insert":
                words.insert(at, self.rng.choice(_UK_EXTRA))
            elif edit == "inflect":
                forms = sorted(decline(words[at].lower().strip(",.?!")))
                if len(forms) > 1:
                    words[at] = self.rng.choice(forms)
            elif edit == "case":
                words[at] = words[at].swapcase()
            elif edit == "punct":
                words[at] = words[at].rstrip(",.?!") + self.rng.choice(("", ",", ";", "."))
            elif edit == "swap" and at + 1 < len(words):
                words[at], words[at + 1] = words[at + 1], words[at]
            elif edit == "number":
                words.insert(at, str(self.rng.randint(2, 99)))
            applied.append(edit)
        return Query(" ".join(words), "edited", tuple(applied))

    def queries(self, stored_uk: list[str], count: int, unrelated_share: float,
                stored: set[str]) -> list[Query]:
        queries: list[Query] = []
        while len(queries) < count:
            if self.rng.random() < unrelated_share:
                uk = self.fresh_pair()[0]
                if uk not in stored:
                    queries.append(Query(uk, "unrelated"))
            else:
                queries.append(self.edited(self.rng.choice(stored_uk)))
        return queries
