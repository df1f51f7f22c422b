"""Helpers for data migrations."""

from __future__ import annotations

from django.db import migrations
from django.db.models import F


def fill_english_from_original(app_label: str, fields: dict[str, tuple[str, ...]]) -> migrations.RunPython:
    """Return an operation copying each original text column into its new `_en` column where empty."""

    def forwards(apps, schema_editor):
        for model_name, names in fields.items():
            model = apps.get_model(app_label, model_name)
            for name in names:
                model._base_manager.filter(**{f"{name}_en__isnull": True}).update(**{f"{name}_en": F(name)})

    return migrations.RunPython(forwards, migrations.RunPython.noop)
