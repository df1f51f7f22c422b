"""Copy the texts written before translation into their English columns.

Kept apart from the migration that adds the columns: on PostgreSQL, updating rows in the
same transaction as the deferred index creation fails with "pending trigger events".
"""

from django.db import migrations

from core.migration_helpers import fill_english_from_original


class Migration(migrations.Migration):
    dependencies = [("members", "0002_translations")]

    operations = [
        fill_english_from_original("members", {"country": ("name",), "organization": ("name", "description")})
    ]
