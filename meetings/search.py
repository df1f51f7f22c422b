"""Full-text search of public summaries: PostgreSQL's text search with ranking, a plain fallback elsewhere.

English and Russian texts are stemmed with PostgreSQL's dictionaries of those
languages; Uzbek has none, so its texts use the `simple` configuration. The
vector below is also the expression of a GIN index (migration 0004), so the
planner answers searches from the index.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from core.languages import INTERFACE_LANGUAGES

TABLE = "meetings_publicsummary"
CONFIGS = tuple((language.code, language.search_config) for language in INTERFACE_LANGUAGES)

SUMMARY_VECTOR_SQL = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, coalesce({TABLE}.{field}_{language}, '')), '{weight}')"
    for language, config in CONFIGS
    for field, weight in (("title", "A"), ("text", "B"))
)
INDEX_NAME = "meetings_summary_search"


_UZBEK_LETTER = re.compile(r"([oOgG])['‘’`ʼ]")


def spellings(text: str) -> list[str]:
    """Return `text` and, if it differs, its Uzbek spelling with oʻ and gʻ, which people seldom type."""
    uzbek = _UZBEK_LETTER.sub(lambda m: m.group(1) + "\u02bb", text)
    return [text] if uzbek == text else [text, uzbek]


def search_summaries(summaries: QuerySet, text: str) -> QuerySet:
    """Return the summaries matching `text`, best first."""
    if connections[summaries.db].vendor == "postgresql":
        # A constant built above from fixed names, never from input: the GIN index matches it.
        vector = RawSQL(SUMMARY_VECTOR_SQL, [], output_field=SearchVectorField())  # noqa: S611
        query = None
        for spelling in spellings(text):
            for _language, config in CONFIGS:
                part = SearchQuery(spelling, config=config, search_type="websearch")
                query = part if query is None else query | part
        return (
            summaries.annotate(search_vector=vector, search_rank=SearchRank(vector, query))
            .filter(search_vector=query)
            .order_by("-search_rank", "-published_at")
        )
    # Elsewhere (SQLite): every word must appear in a title or text, in any language.
    for word in text.split()[:10]:
        match = Q()
        for spelling in spellings(word):
            for language, _config in CONFIGS:
                match |= Q(**{f"title_{language}__icontains": spelling}) | Q(
                    **{f"text_{language}__icontains": spelling}
                )
        summaries = summaries.filter(match)
    return summaries
