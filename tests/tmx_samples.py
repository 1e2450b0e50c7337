"""A fixed set of units that exercises the TMX writer, shared by the writer tests."""

from __future__ import annotations

from datetime import datetime, timezone

from tmtool.formats.tmx import TmxHeader
from tmtool.model import CodeKind, InlineCode, Prop, Segment, TranslationUnit, Variant

DATE = datetime(2025, 1, 1, 12, 0, 0, tzinfo=timezone.utc)
HEADER = TmxHeader(
    srclang="uk-UA", segtype="sentence", creationdate=DATE, creationtoolversion="0.0.0"
)


def sample_units() -> list[TranslationUnit]:
    bold = (
        InlineCode(CodeKind.OPEN, 1, "<b>", "bold"),
        InlineCode(CodeKind.CLOSE, 1, "</b>", "bold"),
    )
    link = (
        InlineCode(CodeKind.OPEN, 2, '<a href="/x?a=1&b=2">', "link"),
        InlineCode(CodeKind.CLOSE, 2, "</a>", "link"),
    )
    image = InlineCode(CodeKind.STANDALONE, None, '<img src="logo.png"/>', "image")
    return [
        TranslationUnit(
            (
                Variant("uk-UA", Segment.from_text("Ціна & умови «оплати» — 100\u00a0грн.")),
                Variant("en-GB", Segment.from_text('Price & "payment" <terms> — UAH 100.')),
            ),
            tuid="price",
            creation_date=DATE,
            change_date=DATE,
            creation_id="olena",
            props=(Prop("x-document", "interview.md"),),
            notes=("Checked by the editor.",),
        ),
        TranslationUnit(
            (
                Variant(
                    "uk-UA",
                    Segment(
                        (
                            "Натисніть ",
                            bold[0],
                            "Зберегти",
                            bold[1],
                            ",",
                            image,
                            " ",
                            link[0],
                            "далі",
                            link[1],
                            ".",
                        )
                    ),
                ),
                Variant(
                    "en-GB",
                    Segment(
                        (
                            "Click ",
                            bold[0],
                            "Save",
                            bold[1],
                            image,
                            " to ",
                            link[0],
                            "continue",
                            link[1],
                            ".",
                        )
                    ),
                ),
            ),
            tuid="save",
            creation_date=DATE,
        ),
        TranslationUnit(
            (
                Variant(
                    "uk-UA", Segment.from_text("  Президенту України Володимирі Зеленському  ")
                ),
                Variant(
                    "en-GB", Segment.from_text("to the President of Ukraine Volodymyr Zelenskyy\n")
                ),
            ),
            creation_date=DATE,
        ),
        TranslationUnit(
            (
                Variant(
                    "uk-ua",
                    Segment(
                        (InlineCode(CodeKind.OPEN, None, "<i>", "italic"), "Почесний вартовий")
                    ),
                ),
                Variant(
                    "en-gb",
                    Segment((InlineCode(CodeKind.OPEN, None, "<i>", "italic"), "Guard of honour")),
                ),
            ),
            tuid="guard",
        ),
    ]
