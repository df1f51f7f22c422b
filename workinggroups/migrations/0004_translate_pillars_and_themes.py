"""Name the four UN GCTS pillars and the Council's four themes in Russian and Uzbek.

The Russian pillar names follow the established wording of the UN Global Counter-Terrorism
Strategy (A/RES/60/288), shortened as the English names in 0002 are: "Measures to …" is dropped
and, for pillars III and IV, so is the tail the English leaves out.
"""

from django.db import migrations

# number: (Russian, Uzbek)
PILLARS = {
    1: (
        "Устранение условий, способствующих распространению терроризма",
        "Terrorizm tarqalishiga olib keluvchi sharoitlarni bartaraf etish",
    ),
    2: (
        "Предотвращение терроризма и борьба с ним",
        "Terrorizmning oldini olish va unga qarshi kurashish",
    ),
    3: (
        "Наращивание потенциала государств и укрепление роли Организации Объединенных Наций",
        "Davlatlar salohiyatini oshirish va Birlashgan Millatlar Tashkilotining rolini kuchaytirish",
    ),
    4: (
        "Обеспечение уважения прав человека и верховенства права как фундаментальной основы борьбы с терроризмом",
        "Inson huquqlari va qonun ustuvorligini terrorizmga qarshi kurashning asosiy negizi sifatida taʼminlash",
    ),
}
# slug: (Russian, Uzbek)
THEMES = {
    "prosecution": ("Уголовное преследование", "Jinoiy javobgarlikka tortish"),
    "rehabilitation": ("Реабилитация", "Reabilitatsiya"),
    "reintegration": ("Реинтеграция", "Reintegratsiya"),
    "repatriation": ("Репатриация", "Repatriatsiya"),
}


def translate(apps, schema_editor):
    Pillar = apps.get_model("workinggroups", "Pillar")
    Theme = apps.get_model("workinggroups", "Theme")
    for number, (name_ru, name_uz) in PILLARS.items():
        Pillar.objects.filter(number=number).update(name_ru=name_ru, name_uz=name_uz)
    for slug, (name_ru, name_uz) in THEMES.items():
        Theme.objects.filter(slug=slug).update(name_ru=name_ru, name_uz=name_uz)


class Migration(migrations.Migration):
    dependencies = [("workinggroups", "0003_translations")]

    operations = [migrations.RunPython(translate, migrations.RunPython.noop)]
