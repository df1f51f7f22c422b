"""Copy the texts written before translation into their English columns.

Kept apart from the migration that adds the columns: on PostgreSQL, updating rows in the
same transaction as the deferred index creation fails with "pending trigger events".
"""

from django.db import migrations

from core.migration_helpers import fill_english_from_original


class Migration(migrations.Migration):
    dependencies = [("workinggroups", "0004_translate_pillars_and_themes")]

    operations = [
        fill_english_from_original(
            "workinggroups",
            {
                "workinggroup": ("name", "short_name", "mandate"),
                "workplan": ("title", "summary"),
                "workplanitem": ("title", "description"),
                "pillar": ("name",),
                "theme": ("name",),
                "recommendation": ("title", "text"),
                "implementation": ("note",),
            },
        )
    ]
