"""Index the summaries' full-text search vector on PostgreSQL (other databases use a plain search)."""

from django.db import migrations

TABLE = "meetings_publicsummary"
INDEX_NAME = "meetings_summary_search"
# The expression as it was when this migration was written (English, Russian, Uzbek); a later
# migration rebuilds the index for the languages added since.
SUMMARY_VECTOR_SQL = (
    "setweight(to_tsvector('english'::regconfig, coalesce(meetings_publicsummary.title_en, '')), 'A') || "
    "setweight(to_tsvector('english'::regconfig, coalesce(meetings_publicsummary.text_en, '')), 'B') || "
    "setweight(to_tsvector('russian'::regconfig, coalesce(meetings_publicsummary.title_ru, '')), 'A') || "
    "setweight(to_tsvector('russian'::regconfig, coalesce(meetings_publicsummary.text_ru, '')), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(meetings_publicsummary.title_uz, '')), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, coalesce(meetings_publicsummary.text_uz, '')), 'B')"
)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {TABLE} USING gin (({SUMMARY_VECTOR_SQL}))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_translations")]

    operations = [migrations.RunPython(create_index, drop_index)]
