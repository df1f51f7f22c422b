"""The catalogues keep to docs/glossary.md: no msgstr uses a form its "Forbidden forms" table forbids."""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib
import pytest
from django.conf import settings

from core.languages import CODES, DEFAULT_LANGUAGE

GLOSSARY = settings.BASE_DIR / "docs" / "glossary.md"
# Every code the glossary has a column for; only the portal's languages have catalogues yet.
GLOSSARY_LANGUAGES = ("en", "ru", "uz", "kk", "ky", "tg", "tk")
CATALOGUED = tuple(code for code in CODES if code != DEFAULT_LANGUAGE)


@dataclass(frozen=True)
class Forbidden:
    """One row of the glossary's "Forbidden forms" table."""

    language: str
    form: str
    context: str  # Empty: forbidden in every entry; otherwise only in entries with this msgctxt.


def _cells(line: str) -> list[str]:
    """Split a Markdown table row into its stripped cells."""
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _code(cell: str) -> str:
    """Return the text between a cell's backticks, or "" if it has none."""
    match = re.fullmatch(r"`([^`]+)`", cell)
    return match.group(1) if match else ""


def forbidden_forms() -> list[Forbidden]:
    """Read the "Forbidden forms" table of docs/glossary.md."""
    text = GLOSSARY.read_text(encoding="utf-8")
    section = text.split("\n## Forbidden forms\n", 1)[1]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = _cells(lines[0])
    lang, form, context = header.index("Lang"), header.index("Do not use"), header.index("Only in msgctxt")
    rows = []
    for line in lines[2:]:  # Past the header and its |---| line.
        cells = _cells(line)
        rows.append(Forbidden(cells[lang], _code(cells[form]), _code(cells[context])))
    return rows


def msgstrs(language: str) -> list[tuple[polib.POEntry, str]]:
    """Return every translated string of a catalogue with its entry, plural forms one by one."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django.po"))
    pairs = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        texts = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        pairs.extend((entry, text) for text in texts)
    return pairs


FORBIDDEN = forbidden_forms()


def test_the_table_is_read_whole():
    # A table that stopped parsing would let every catalogue pass.
    assert len(FORBIDDEN) >= 20
    assert all(row.form for row in FORBIDDEN), "a row's form is not in backticks"
    assert {row.language for row in FORBIDDEN} <= set(GLOSSARY_LANGUAGES)
    assert {row.language for row in FORBIDDEN} >= set(CATALOGUED)


def violations(row: Forbidden, pairs: list[tuple[polib.POEntry, str]]) -> list[str]:
    """Return the translations among `pairs` that use the row's form, as "msgid: msgstr" lines."""
    pattern = re.compile(re.escape(row.form), re.IGNORECASE)
    return [
        f"{entry.msgid!r}: {text!r}"
        for entry, text in pairs
        if (not row.context or entry.msgctxt == row.context) and pattern.search(text)
    ]


@pytest.mark.parametrize("row", [row for row in FORBIDDEN if row.language in CATALOGUED], ids=lambda row: row.form)
def test_no_msgstr_uses_a_forbidden_form(row: Forbidden):
    found = violations(row, msgstrs(row.language))
    assert not found, f"{row.language}: “{row.form}” is forbidden by docs/glossary.md:\n" + "\n".join(found)


def test_a_scoped_form_names_a_context_the_catalogue_has():
    # A renamed msgctxt would make its row check nothing.
    for row in FORBIDDEN:
        if row.context and row.language in CATALOGUED:
            assert any(entry.msgctxt == row.context for entry, _text in msgstrs(row.language)), row


def test_a_form_is_caught_in_any_case_and_a_scoped_one_only_in_its_context():
    summary = next(row for row in FORBIDDEN if row.form == "резюме")
    assert violations(summary, [(polib.POEntry(msgid="Summary"), "Резюме")])
    legend = next(row for row in FORBIDDEN if row.form == "Условные обозначения")
    secret_key = polib.POEntry(msgctxt=legend.context, msgid="Key:")
    chart_key = polib.POEntry(msgid="Key:")
    assert violations(legend, [(secret_key, "Условные обозначения:")])
    assert not violations(legend, [(chart_key, "Условные обозначения:")])


@pytest.mark.django_db
@pytest.mark.parametrize("language", CATALOGUED)
def test_the_pillar_and_theme_names_the_migrations_write_keep_to_the_glossary(language: str):
    from workinggroups.models import Pillar, Theme

    names = [(polib.POEntry(msgid=str(item)), getattr(item, f"name_{language}")) for item in Pillar.objects.all()]
    names += [(polib.POEntry(msgid=str(item)), getattr(item, f"name_{language}")) for item in Theme.objects.all()]
    assert len(names) == 8
    found = [line for row in FORBIDDEN if row.language == language for line in violations(row, names)]
    assert not found
