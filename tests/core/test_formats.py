"""Dates are written as each language writes them (docs/glossary.md, "Spelling decisions")."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import formats, translation

DAY = datetime.date(2026, 12, 29)
MONTHS_UZ = [
    "yanvar",
    "fevral",
    "mart",
    "aprel",
    "may",
    "iyun",
    "iyul",
    "avgust",
    "sentabr",
    "oktabr",
    "noyabr",
    "dekabr",
]


def test_an_uzbek_date_puts_the_year_first_and_the_month_in_lower_case():
    with translation.override("uz"):
        assert Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": DAY})) == "2026-yil 29-dekabr"
        moment = datetime.datetime(2026, 12, 29, 10, 0, tzinfo=datetime.UTC)
        assert formats.date_format(moment, "DATETIME_FORMAT") == "2026-yil 29-dekabr, 10:00"
        # Every month inside a date: our catalogue's "alt. month" names, not Django's capitalised ones.
        for month, name in enumerate(MONTHS_UZ, 1):
            assert formats.date_format(datetime.date(2026, month, 1), "DATE_FORMAT") == f"2026-yil 1-{name}"


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "29 December 2026"), ("ru", "29 декабря 2026 г."), ("uz", "2026-yil 29-dekabr")]
)
def test_each_language_writes_the_date_its_way(language: str, expected: str):
    with translation.override(language):
        assert formats.date_format(DAY, "DATE_FORMAT") == expected
