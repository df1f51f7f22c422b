"""Search word forms: store PostgreSQL's vector (apostrophes folded) and index it; give SQLite an FTS5 table.

The SQL is frozen here as it was when this migration was written (seven languages); after every
`migrate`, meetings.search.ensure_sqlite_index brings SQLite's triggers up to date with the code.
"""

from django.db import migrations

TABLE = "meetings_publicsummary"
INDEX_NAME = "meetings_summary_search"
FTS_TABLE = "meetings_summary_fts"
VECTOR_COLUMN = "search_vector"
LANGUAGES = (
    ("en", "english"),
    ("ru", "russian"),
    ("uz", "simple"),
    ("kk", "simple"),
    ("ky", "simple"),
    ("tg", "simple"),
    ("tk", "simple"),
)
# ASCII apostrophe, right and left single quotation marks, grave accent, U+02BB and U+02BC.
APOSTROPHES = ("''", "\u2019", "\u2018", "`", "\u02bb", "\u02bc")

SUMMARY_VECTOR_SQL = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, translate(coalesce({TABLE}.{field}_{code}, ''), "
    f"'{''.join(APOSTROPHES)}', '')), '{weight}')"
    for code, config in LANGUAGES
    for field, weight in (("title", "A"), ("text", "B"))
)
# As it was built by migration 0016, to go back to.
PREVIOUS_VECTOR_SQL = " || ".join(
    f"setweight(to_tsvector('{config}'::regconfig, coalesce({TABLE}.{field}_{code}, '')), '{weight}')"
    for code, config in LANGUAGES
    for field, weight in (("title", "A"), ("text", "B"))
)


def folded(column, row):
    sql = f"coalesce({row}.{column}, '')"
    for apostrophe in APOSTROPHES:
        sql = f"replace({sql}, '{apostrophe}', '')"
    return sql


def fill_sql(row):
    return tuple(
        " || ' ' || ".join(folded(f"{field}_{code}", row) for code, _ in LANGUAGES) for field in ("title", "text")
    )


def triggers():
    title, text = fill_sql("new")
    insert = f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, {title}, {text});"  # noqa: S608
    delete = f"DELETE FROM {FTS_TABLE} WHERE rowid = old.id;"  # noqa: S608
    return [
        f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON {TABLE} BEGIN {insert} END",
        f"CREATE TRIGGER {FTS_TABLE}_update AFTER UPDATE ON {TABLE} BEGIN {delete} {insert} END",
        f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON {TABLE} BEGIN {delete} END",
    ]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # Stored, not an index on an expression: ranking and rechecking read the vector instead of
        # parsing fourteen texts again for every row found (18 s for 2,000 rows before, see docs/benchmarks.md).
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
        schema_editor.execute(
            f"ALTER TABLE {TABLE} ADD COLUMN {VECTOR_COLUMN} tsvector GENERATED ALWAYS AS ({SUMMARY_VECTOR_SQL}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {INDEX_NAME} ON {TABLE} USING gin ({VECTOR_COLUMN})")
    elif vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')"
        )
        for trigger in triggers():
            schema_editor.execute(trigger)
        title, text = fill_sql(TABLE)
        schema_editor.execute(f"INSERT INTO {FTS_TABLE}(rowid, title, text) SELECT id, {title}, {text} FROM {TABLE}")  # noqa: S608


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")
        schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {VECTOR_COLUMN}")
        schema_editor.execute(f"CREATE INDEX {INDEX_NAME} ON {TABLE} USING gin (({PREVIOUS_VECTOR_SQL}))")
    elif vendor == "sqlite":
        for name in ("insert", "update", "delete"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{name}")
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0017_zones_by_city")]

    operations = [migrations.RunPython(forwards, backwards)]
