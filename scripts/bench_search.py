"""Time the summaries' search on a database holding some 2,000 summaries in seven languages.

Run against a scratch PostgreSQL database (it is migrated and filled):
    DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/rec_search_bench .venv/bin/python scripts/bench_search.py
"""

from __future__ import annotations

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rec_portal.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from meetings.models import Meeting, PublicSummary  # noqa: E402

SUMMARIES = 2000
# Words of each language with some of their suffixed forms, and filler.
WORDS = {
    "en": ["meeting", "meetings", "reintegration", "returnees", "families", "rehabilitation", "group", "the", "of"],
    "ru": ["реинтеграции", "реинтеграция", "возвращенцев", "семьи", "совет", "заседание", "группы", "и", "в"],
    "uz": ["yigʻilishi", "yigʻilishini", "qaytganlar", "oilalari", "kengash", "reabilitatsiya", "va"],
    "kk": ["кеңесінің", "кеңес", "отырысы", "отбасылары", "оралғандар", "және"],
    "ky": ["жыйынындагы", "жыйын", "кеңеш", "үй-бүлөлөр", "кайтып", "жана"],
    "tg": ["ҷаласаҳо", "ҷаласа", "шӯро", "оилаҳо", "бозгаштагон", "ва"],
    "tk": ["maslahatlaryň", "maslahat", "maşgalalar", "gaýdyp", "gelenler", "we"],
}
QUERIES = ["reintegration", "Реинтеграция", "yig'ilish", "КЕҢЕС", "жыйын", "ҷаласа", "maslahat", "семьи совет"]


def _text(rng: random.Random, language: str, words: int) -> str:
    return " ".join(rng.choice(WORDS[language]) for _ in range(words))


def fill() -> None:
    """Create the summaries (and their meetings) unless they are there."""
    if PublicSummary.objects.count() >= SUMMARIES:
        return
    Meeting.objects.filter(slug__startswith="bench-meeting-").delete()
    rng = random.Random(7)  # noqa: S311 - filler text, not a secret.
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title_en=f"Bench meeting {n}",
            slug=f"bench-meeting-{n}",
            level="public",
            starts_at=now - datetime.timedelta(days=n),
            ends_at=now - datetime.timedelta(days=n, hours=-3),
            time_zone="Asia/Tashkent",
        )
        for n in range(SUMMARIES)
    )
    summaries = []
    for n, meeting in enumerate(meetings):
        texts = {}
        for language in WORDS:
            texts[f"title_{language}"] = _text(rng, language, 6)
            texts[f"text_{language}"] = _text(rng, language, 150)
        summaries.append(
            PublicSummary(
                meeting=meeting,
                slug=f"bench-summary-{n}",
                status="published",
                published_at=now - datetime.timedelta(days=n),
                reviewed_at=now - datetime.timedelta(days=n, hours=1),
                **texts,
            )
        )
    PublicSummary.objects.bulk_create(summaries)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE meetings_publicsummary")


def measure(query: str, runs: int = 15) -> tuple[int, float]:
    """Return how many summaries `query` finds and the median milliseconds of counting and reading one page."""
    timings, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = PublicSummary.objects.published().search(query)
        count = found.count()
        list(found[:20])
        timings.append((time.perf_counter() - start) * 1000)
    return count, statistics.median(timings)


def main() -> None:
    call_command("migrate", verbosity=0)
    fill()
    print(f"{PublicSummary.objects.count()} summaries, {connection.vendor}")
    for query in QUERIES:
        count, median = measure(query)
        print(f"{query!r}: {count} found, {median:.1f} ms (count + first page, median of 15)")
    queryset = PublicSummary.objects.published().search("yig'ilish")[:20]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        explain = "EXPLAIN (ANALYZE, COSTS OFF)" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
        cursor.execute(f"{explain} {sql}", params)
        print("\n".join(" | ".join(str(cell) for cell in row) for row in cursor.fetchall()))


if __name__ == "__main__":
    main()
