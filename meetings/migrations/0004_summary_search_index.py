"""Index the summaries' full-text search vector on PostgreSQL (other databases use a plain search)."""

from django.db import migrations

from meetings.search import INDEX_NAME, SUMMARY_VECTOR_SQL, TABLE


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {TABLE} USING gin (({SUMMARY_VECTOR_SQL}))")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_translations")]

    operations = [migrations.RunPython(create_index, drop_index)]
