"""Give each implementation status recorded before histories were kept its first report.

The status becomes the history's first row: as of the day it was last changed (in the
Council's time zone), reported by the secretariat, which entered it. Kept apart from the
migration that creates the table: on PostgreSQL, writing rows in the same transaction as the
deferred index creation fails with "pending trigger events".
"""

import zoneinfo

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    Implementation = apps.get_model("workinggroups", "Implementation")
    ImplementationReport = apps.get_model("workinggroups", "ImplementationReport")
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    notes = [field.attname for field in Implementation._meta.concrete_fields if field.name.startswith("note")]
    for current in Implementation.objects.filter(as_of__isnull=True).iterator():
        as_of = current.updated_at.astimezone(zone).date()
        ImplementationReport.objects.create(
            recommendation_id=current.recommendation_id,
            country_id=current.country_id,
            status=current.status,
            as_of=as_of,
            reported_by="secretariat",
            recorded_at=current.updated_at,
            **{name: getattr(current, name) for name in notes},
        )
        # update() leaves updated_at alone: the row's version (core.concurrency) does not move.
        Implementation.objects.filter(pk=current.pk).update(as_of=as_of)


class Migration(migrations.Migration):
    dependencies = [("workinggroups", "0006_consensus_history_and_roadmaps")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
