"""Full-text search of public summaries: PostgreSQL's text search with ranking, a plain fallback elsewhere.

English and Russian texts are stemmed with PostgreSQL's dictionaries of those
languages; Uzbek has none, so its texts use the `simple` configuration. The
vector below is also the expression of a GIN index (migration 0004), so the
planner answers searches from the index.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

TABLE = "meetings_publicsummary"
CONFIGS = (("en", "english"), ("ru", "russian"), ("uz", "simple"))

SUMMARY_VECTOR_SQL = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, coalesce({TABLE}.{field}_{language}, '')), '{weight}')"
    for language, config in CONFIGS
    for field, weight in (("title", "A"), ("text", "B"))
)
INDEX_NAME = "meetings_summary_search"


def search_summaries(summaries: QuerySet, text: str) -> QuerySet:
    """Return the summaries matching `text`, best first."""
    if connections[summaries.db].vendor == "postgresql":
        # A constant built above from fixed names, never from input: the GIN index matches it.
        vector = RawSQL(SUMMARY_VECTOR_SQL, [], output_field=SearchVectorField())  # noqa: S611
        query = None
        for _language, config in CONFIGS:
            part = SearchQuery(text, config=config, search_type="websearch")
            query = part if query is None else query | part
        return (
            summaries.annotate(search_vector=vector, search_rank=SearchRank(vector, query))
            .filter(search_vector=query)
            .order_by("-search_rank", "-published_at")
        )
    # Elsewhere (SQLite): every word must appear in a title or text, in any language.
    for word in text.split()[:10]:
        match = Q()
        for language, _config in CONFIGS:
            match |= Q(**{f"title_{language}__icontains": word}) | Q(**{f"text_{language}__icontains": word})
        summaries = summaries.filter(match)
    return summaries
