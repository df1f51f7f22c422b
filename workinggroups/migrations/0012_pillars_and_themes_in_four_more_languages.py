"""Name the four UN GCTS pillars and the Council's four themes in Kazakh, Kyrgyz, Tajik and Turkmen.

Shortened from the pillars' full names in docs/glossary.md as 0002 and 0004 shorten the English,
Russian and Uzbek ones; the themes as the glossary has them. A name already written stays.
"""

from django.db import migrations
from django.db.models import Q

# number: {language: name}
PILLARS = {
    1: {
        "kk": "Терроризмнің таралуына ықпал ететін жағдайларды жою",
        "ky": "Терроризмдин жайылышына өбөлгө түзгөн шарттарды жоюу",
        "tg": "Бартараф кардани шароите, ки ба паҳншавии терроризм мусоидат мекунад",
        "tk": "Terrorçylygyň ýaýramagyna ýardam edýän şertleri aradan aýyrmak",
    },
    2: {
        "kk": "Терроризмнің алдын алу және оған қарсы күрес",
        "ky": "Терроризмдин алдын алуу жана ага каршы күрөшүү",
        "tg": "Пешгирии терроризм ва мубориза бар зидди он",
        "tk": "Terrorçylygyň öňüni almak we oňa garşy göreşmek",
    },
    3: {
        "kk": "Мемлекеттердің әлеуетін арттыру және Біріккен Ұлттар Ұйымының рөлін күшейту",
        "ky": "Мамлекеттердин мүмкүнчүлүгүн арттыруу жана Бириккен Улуттар Уюмунун ролун күчөтүү",
        "tg": "Тақвияти иқтидори давлатҳо ва афзоиши нақши Созмони Милали Муттаҳид",
        "tk": "Döwletleriň mümkinçiliklerini artdyrmak we Birleşen Milletler Guramasynyň ornuny berkitmek",
    },
    4: {
        "kk": "Терроризмге қарсы күрестің негізгі іргетасы ретінде адам құқықтары мен заңның үстемдігін қамтамасыз ету",
        "ky": "Терроризмге каршы күрөштүн негизги пайдубалы катары адам укуктарын жана мыйзамдын үстөмдүгүн камсыз кылуу",
        "tg": "Таъмини ҳуқуқи инсон ва волоияти қонун ҳамчун асоси бунёдии мубориза бар зидди терроризм",
        "tk": "Adam hukuklaryny we kanunyň rowaçlygyny terrorçylyga garşy göreşiň esasy binýady hökmünde üpjün etmek",
    },
}
# slug: {language: name}
THEMES = {
    "prosecution": {
        "kk": "Қылмыстық қудалау",
        "ky": "Кылмыш-жаза куугунтугу",
        "tg": "Таъқиби ҷиноӣ",
        "tk": "Jenaýat yzarlamasy",
    },
    "rehabilitation": {"kk": "Оңалту", "ky": "Реабилитациялоо", "tg": "Тавонбахшӣ", "tk": "Reabilitasiýa"},
    "reintegration": {"kk": "Реинтеграциялау", "ky": "Реинтеграциялоо", "tg": "Ҳамгироӣ", "tk": "Reintegrasiýa"},
    "repatriation": {"kk": "Репатриациялау", "ky": "Репатриация", "tg": "Бозгардонӣ", "tk": "Repatriasiýa"},
}


def translate(apps, schema_editor):
    for model, key, names in (("Pillar", "number", PILLARS), ("Theme", "slug", THEMES)):
        Model = apps.get_model("workinggroups", model)
        for value, by_language in names.items():
            for language, name in by_language.items():
                empty = Q(**{f"name_{language}": ""}) | Q(**{f"name_{language}__isnull": True})
                Model.objects.filter(empty, **{key: value}).update(**{f"name_{language}": name})


class Migration(migrations.Migration):
    dependencies = [("workinggroups", "0011_spell_pillar_three_with_yo")]

    operations = [migrations.RunPython(translate, migrations.RunPython.noop)]
