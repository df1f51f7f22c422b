"""Search public summaries by word forms in every language, ranked, on PostgreSQL and on SQLite.

How a query becomes terms (shared by both databases and by the highlighter):
- Apostrophes are dropped, in the index and in the query alike: Uzbek writes oʻ and gʻ with
  U+02BB and the tutuq belgisi with U+02BC, people type ', ’ or ` instead, or nothing.
  `yig'ilish`, `yigʻilish` and `yigilish` are then the same word.
- Each word is matched as a prefix, so that a word finds its suffixed forms (Uzbek, Kazakh,
  Kyrgyz, Tajik and Turkmen add suffixes: yigʻilish → yigʻilishini, кеңес → кеңесінің).
- Before that, a light stem cuts one common Russian or English ending off words longer than
  five letters, keeping at least four (реинтеграция → реинтеграц*, finding реинтеграции;
  meetings → meet*). It is a heuristic for recall, not a grammar: a prefix found too often
  costs a few extra results, a missed ending costs the one the reader looked for.

PostgreSQL: English and Russian texts keep their dictionaries' stemming (the word, stemmed,
then `:*`); the other five use `simple`, matched by the light stem as a prefix. The vector is
stored in a generated column with a GIN index (migration 0017), ranked by ts_rank with titles
weighted above texts. Stored, because an index on the expression alone still had PostgreSQL
parse fourteen texts again for every row found, to rank and recheck it.

SQLite: an FTS5 table (unicode61 tokenizer, which folds the case of every script and, with
`remove_diacritics 2`, the accents of Latin letters) holds each summary's titles and texts in
all languages; bm25 ranks it, titles ten times the texts. Triggers on the summaries' table keep
it in step: they are in the database, so every write (the services, the admin, a bulk
`update()`, a fixture, a shell) is indexed, which explicit calls from services would miss.
SQLite rebuilds a table to alter it and drops its triggers then, so after every `migrate`,
`ensure_sqlite_index` puts back missing or outdated triggers and refills the table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import FloatField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from core.languages import CODES, INTERFACE_LANGUAGES

TABLE = "meetings_publicsummary"
CONFIGS = tuple((language.code, language.search_config) for language in INTERFACE_LANGUAGES)
# ASCII apostrophe, right and left single quotation marks, grave accent, U+02BB and U+02BC.
APOSTROPHES = "'\u2019\u2018`\u02bb\u02bc"
_APOSTROPHES_SQL = "'" + APOSTROPHES.replace("'", "''") + "'"


def _folded_sql(column: str) -> str:
    """Return SQL giving `column` without apostrophes, as search terms are."""
    return f"translate(coalesce({TABLE}.{column}, ''), {_APOSTROPHES_SQL}, '')"


SUMMARY_VECTOR_SQL = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, {_folded_sql(f'{field}_{language}')}), '{weight}')"
    for language, config in CONFIGS
    for field, weight in (("title", "A"), ("text", "B"))
)
INDEX_NAME = "meetings_summary_search"
# PostgreSQL stores SUMMARY_VECTOR_SQL in this generated column (migration 0017), indexed by INDEX_NAME.
# Adding a language means a migration replacing the column with the new expression.
VECTOR_COLUMN = f"{TABLE}.search_vector"

FTS_TABLE = "meetings_summary_fts"
# Titles weigh ten times the texts in bm25, as weight A above B in PostgreSQL's ts_rank.
BM25 = f"bm25({FTS_TABLE}, 10.0, 1.0)"

MAX_WORDS = 10
# Longer "words" are noise (a pasted hash, a URL's remains); they still match from their start.
MAX_WORD_LENGTH = 40
# A prefix of one or two letters would match nearly everything.
MIN_PREFIX = 3
_WORD = re.compile(r"[^\W_]+")
_FOLD = str.maketrans("", "", APOSTROPHES)

# Longest first, so that -ами is cut before -и.
_RUSSIAN_ENDINGS = sorted(
    (
        *("а", "я", "о", "е", "ё", "ы", "и", "у", "ю", "й", "ь"),
        *("ам", "ям", "ах", "ях", "ом", "ем", "ём", "ой", "ей", "ою", "ею", "ов", "ев", "ью"),
        *("ия", "ие", "ий", "ию", "ии", "ая", "яя", "ое", "ее", "ые", "ый", "ых", "их", "ым", "им"),
        *("ого", "его", "ому", "ему", "ыми", "ими", "ами", "ями"),
    ),
    key=len,
    reverse=True,
)
_ENGLISH_ENDINGS = ("ings", "ing", "ies", "ied", "es", "ed", "s", "e", "y")


@dataclass(frozen=True)
class Term:
    """A word of a query: as typed (folded), its light stem, and whether to match it as a prefix."""

    word: str
    stem: str
    prefix: bool


def fold(text: str) -> str:
    """Return `text` without apostrophes, lower-cased and composed, as the index holds words."""
    return unicodedata.normalize("NFC", text).translate(_FOLD).lower()


def light_stem(word: str) -> str:
    """Return `word` without one common Russian or English ending, if it is long enough to lose one."""
    if len(word) <= 5:
        return word
    endings = _RUSSIAN_ENDINGS if "\u0400" <= word[-1] <= "\u04ff" else _ENGLISH_ENDINGS
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def search_terms(text: str) -> list[Term]:
    """Return the terms of the query `text`: its first words, folded and lightly stemmed."""
    terms = []
    for word in _WORD.findall(fold(text))[:MAX_WORDS]:
        word = word[:MAX_WORD_LENGTH]
        stem = light_stem(word)
        terms.append(Term(word, stem, prefix=len(stem) >= MIN_PREFIX))
    return terms


def search_summaries(summaries: QuerySet, text: str) -> QuerySet:
    """Return the summaries matching every word of `text` in any language, best first."""
    terms = search_terms(text)
    if not terms:
        # Only punctuation: nothing to look for, so nothing found.
        return summaries.none()
    if connections[summaries.db].vendor == "postgresql":
        # A column PostgreSQL computes from the texts on every write, and the GIN index covers.
        vector = RawSQL(VECTOR_COLUMN, [], output_field=SearchVectorField())  # noqa: S611
        query = _postgres_query(terms)
        summaries = summaries.annotate(search_vector=vector, search_rank=SearchRank(vector, query)).filter(
            search_vector=query
        )
    else:
        match = _fts5_query(terms)
        # The table's name is a constant; the query is a parameter.
        found = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])  # noqa: S608, S611
        rank = RawSQL(  # noqa: S611
            f"SELECT -{BM25} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid = {TABLE}.id",  # noqa: S608
            [match],
            output_field=FloatField(),
        )
        summaries = summaries.filter(pk__in=found).annotate(search_rank=rank)
    return summaries.order_by("-search_rank", "-published_at", "-pk")


def _postgres_query(terms: list[Term]) -> SearchQuery:
    """Return a tsquery asking for every term, each in any language's configuration."""
    query = None
    for term in terms:
        alternatives = None
        for config in dict.fromkeys(config for _language, config in CONFIGS):
            # Stemming configurations stem the word themselves; `simple` gets the light stem.
            value = term.stem if config == "simple" else term.word
            # Terms hold letters and digits only, so quoting them cannot break the tsquery's syntax.
            raw = f"'{value}':*" if term.prefix else f"'{value}'"
            part = SearchQuery(raw, config=config, search_type="raw")
            alternatives = part if alternatives is None else alternatives | part
        query = alternatives if query is None else query & alternatives
    return query


def _fts5_query(terms: list[Term]) -> str:
    """Return an FTS5 query asking for every term, each as a quoted string and a prefix."""
    # Quoted, a term is a string to FTS5, never its syntax (NEAR, AND, -, ^, column filters).
    return " ".join(f'"{term.stem}"*' if term.prefix else f'"{term.word}"' for term in terms)


# SQLite's full-text table and the triggers that keep it in step with the summaries.


def _sqlite_folded(column: str, row: str) -> str:
    """Return SQLite SQL giving `row`.`column` without apostrophes."""
    sql = f"coalesce({row}.{column}, '')"
    for apostrophe in APOSTROPHES:
        quoted = "'" + apostrophe.replace("'", "''") + "'"
        sql = f"replace({sql}, {quoted}, '')"
    return sql


def sqlite_fill_sql(row: str, codes: tuple[str, ...] = CODES) -> tuple[str, str]:
    """Return SQL giving the titles and the texts of `row` in `codes`, as the FTS table holds them."""
    title, text = (
        " || ' ' || ".join(_sqlite_folded(f"{field}_{code}", row) for code in codes) for field in ("title", "text")
    )
    return title, text


def sqlite_triggers(codes: tuple[str, ...] = CODES) -> dict[str, str]:
    """Return the CREATE TRIGGER statements keeping the FTS table in step with the summaries, by name."""
    title, text = sqlite_fill_sql("new", codes)
    # Built from constants and column names only, like every statement below.
    insert = f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, {title}, {text});"  # noqa: S608
    delete = f"DELETE FROM {FTS_TABLE} WHERE rowid = old.id;"  # noqa: S608
    return {
        f"{FTS_TABLE}_insert": f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN {insert} END",
        f"{FTS_TABLE}_update": f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE ON {TABLE} BEGIN {delete} {insert} END",
        f"{FTS_TABLE}_delete": f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN {delete} END",
    }


def ensure_sqlite_index(connection: BaseDatabaseWrapper) -> bool:
    """Put back the FTS table's missing or outdated triggers and refill it then; return whether it had to."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name, sql FROM sqlite_master WHERE name LIKE %s", [f"{FTS_TABLE}%"])
        existing = {name: (kind, sql) for kind, name, sql in cursor.fetchall()}
        if existing.get(FTS_TABLE, ("", ""))[0] != "table":
            return False  # Not migrated that far (or migrated back): the migration creates it.
        wanted = sqlite_triggers()
        stale = [name for name, sql in wanted.items() if existing.get(name, ("", ""))[1] != sql]
        if not stale:
            return False
        for name in stale:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(wanted[name])
        title, text = sqlite_fill_sql(TABLE)
        cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
        cursor.execute(f"INSERT INTO {FTS_TABLE}(rowid, title, text) SELECT id, {title}, {text} FROM {TABLE}")  # noqa: S608
    return True


# Highlighting, shared by both databases: escape first, then mark.

_TEXT_WORD = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}][^\W_]+)*")
EXCERPT_WORDS = 40
# Words shown before the first match, so that it is read in its sentence.
EXCERPT_LEAD = 8


def _loose(text: str) -> str:
    """Return `text` folded and without accents, for the highlighter to compare words loosely."""
    decomposed = unicodedata.normalize("NFD", fold(text))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _matcher(terms: list[Term]):
    """Return a function telling whether a word of a text matches one of `terms`."""
    exact = {_loose(term.word) for term in terms if not term.prefix}
    prefixes = tuple({_loose(term.stem) for term in terms if term.prefix})

    def matches(word: str) -> bool:
        loose = _loose(word)
        return loose in exact or (bool(prefixes) and loose.startswith(prefixes))

    return matches


def highlight(text: str, terms: list[Term]) -> SafeString:
    """Return `text` escaped, with the words matching `terms` in <mark>."""
    matches = _matcher(terms)
    parts, position = [], 0
    for found in _TEXT_WORD.finditer(text):
        if matches(found.group()):
            parts.append(escape(text[position : found.start()]))
            parts.append(f"<mark>{escape(found.group())}</mark>")
            position = found.end()
    parts.append(escape(text[position:]))
    # Every piece of the text went through escape() above; only our <mark> tags are markup.
    return mark_safe("".join(parts))


def excerpt(text: str, terms: list[Term], words: int = EXCERPT_WORDS) -> SafeString:
    """Return about `words` words of `text` around its first match, escaped and highlighted."""
    matches = _matcher(terms)
    spans = [found.span() for found in re.finditer(r"\S+", text)]
    first = next(
        (index for index, (start, end) in enumerate(spans) if any(map(matches, _TEXT_WORD.findall(text[start:end])))),
        None,
    )
    if first is None or first < EXCERPT_LEAD:
        shown = Truncator(text).words(words, truncate="…")
        return highlight(shown, terms)
    begin = first - EXCERPT_LEAD
    last = min(begin + words, len(spans)) - 1
    shown = text[spans[begin][0] : spans[last][1]]
    return mark_safe("…" + highlight(shown, terms) + ("…" if last < len(spans) - 1 else ""))
