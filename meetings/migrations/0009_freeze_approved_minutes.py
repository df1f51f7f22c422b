"""Approved minutes are frozen in the database itself, whatever writes to it: the admin, a service, raw SQL.

PostgreSQL: a trigger refuses any UPDATE that changes an approved row (anything but the
`updated_at` stamp) and any DELETE of one. SQLite (the zero-set-up default): a trigger
refuses UPDATEs that change the record's columns; its test-database flush deletes rows, so
deletions are refused by the model's PROTECT relations and the admin there. A correction is
an amendment: a new edition (meetings.services.start_amendment).
"""

from django.db import migrations

POSTGRES_FORWARD = """
CREATE OR REPLACE FUNCTION meetings_minutes_refuse_change_when_approved() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'approved' THEN
        IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at') THEN
            RAISE EXCEPTION 'approved minutes % are frozen; record an amendment instead', OLD.id
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER meetings_minutes_frozen
    BEFORE UPDATE OR DELETE ON meetings_minutes
    FOR EACH ROW EXECUTE FUNCTION meetings_minutes_refuse_change_when_approved();
"""

POSTGRES_BACKWARD = """
DROP TRIGGER IF EXISTS meetings_minutes_frozen ON meetings_minutes;
DROP FUNCTION IF EXISTS meetings_minutes_refuse_change_when_approved();
"""

# Every column of the record but the updated_at stamp.
FROZEN_COLUMNS = (
    "meeting_id",
    "edition",
    "amends_id",
    "amendment_reason",
    "text",
    "status",
    "version",
    "level",
    "circulated_at",
    "approved_at",
    "approved_by_id",
    "created_at",
)

SQLITE_FORWARD = """
CREATE TRIGGER meetings_minutes_frozen
BEFORE UPDATE ON meetings_minutes
WHEN OLD.status = 'approved' AND ({changed})
BEGIN
    SELECT RAISE(ABORT, 'approved minutes are frozen; record an amendment instead');
END;
""".format(changed=" OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in FROZEN_COLUMNS))

SQLITE_BACKWARD = "DROP TRIGGER IF EXISTS meetings_minutes_frozen;"


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD, params=None)  # The % in RAISE is PL/pgSQL, not a parameter.
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD, params=None)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0008_minutes_editions")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
