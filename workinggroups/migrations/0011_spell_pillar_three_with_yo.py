"""Write «Объединённых» with ё in the Russian name of GCTS pillar III, as docs/glossary.md has it."""

from django.db import migrations

OLD = "Наращивание потенциала государств и укрепление роли Организации Объединенных Наций"
NEW = "Наращивание потенциала государств и укрепление роли Организации Объединённых Наций"


def spell_with_yo(apps, schema_editor):
    Pillar = apps.get_model("workinggroups", "Pillar")
    # Only the name 0004 wrote: a name the secretariat has since edited stays as it is.
    Pillar.objects.filter(number=3, name_ru=OLD).update(name_ru=NEW)


class Migration(migrations.Migration):
    dependencies = [("workinggroups", "0010_four_more_languages")]

    operations = [migrations.RunPython(spell_with_yo, migrations.RunPython.noop)]
