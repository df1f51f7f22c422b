"""Load the four UN GCTS pillars and the Council's four themes, which recommendations are tagged with."""

from django.db import migrations

PILLARS = [
    (1, "Addressing the conditions conducive to the spread of terrorism"),
    (2, "Preventing and combating terrorism"),
    (3, "Building States' capacity and strengthening the role of the United Nations"),
    (4, "Ensuring human rights and the rule of law as the fundamental basis of the fight against terrorism"),
]
THEMES = [
    ("prosecution", "Prosecution"),
    ("rehabilitation", "Rehabilitation"),
    ("reintegration", "Reintegration"),
    ("repatriation", "Repatriation"),
]


def load(apps, schema_editor):
    Pillar = apps.get_model("workinggroups", "Pillar")
    Theme = apps.get_model("workinggroups", "Theme")
    for number, name in PILLARS:
        Pillar.objects.update_or_create(number=number, defaults={"name": name})
    for slug, name in THEMES:
        Theme.objects.update_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("workinggroups", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
