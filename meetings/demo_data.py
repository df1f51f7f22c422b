"""The demo data loaded by `manage.py seed_demo`: plain values only, no database access.

Facts about the Council (its bodies, member states, organisers, partners and the two
2024 meetings) come from the public news item in the design's reference folder and are
written here in our own words. Everything else is invented for the demo and labelled:
titles start with "[Sample]" ("[Пример]" in Russian, "[Namuna]" in Uzbek), organisations
with "Sample", and sample people carry obviously made-up surnames and "Sample:" positions.

Public texts are stored in English, Russian and Uzbek (Latin script). A spec's field
`title` is the English text and its siblings `title_ru` and `title_uz` the translations;
None means "not translated yet", and the site then shows the English text with a note.
The Council's real facts are translated in full. Among the samples, some public texts are
left untranslated into Uzbek on purpose, so that the note can be seen:
  - the text (not the title) of the sample public summary of Working Group (d)'s meeting
    on women's groups (slug "sample-working-group-d-2025-05");
  - recommendation REC-C-2025-01 (title and text) and the text of REC-A-2025-01;
  - the description of the cancelled public lecture of Working Group (c);
  - the sample news items other than the call for practitioners;
  - the sample organisations' names and descriptions and the sample venues' names.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

# --- Levels ------------------------------------------------------------------------------

PUBLIC = "public"
COUNCIL = "council"
GROUP = "group"
RESTRICTED = "restricted"
LEVELS = (PUBLIC, COUNCIL, GROUP, RESTRICTED)


def at_least(level: str, floor: str) -> str:
    """Return the more closed of two levels."""
    return max(level, floor, key=LEVELS.index)


# --- Countries ---------------------------------------------------------------------------

# (ISO code, name in English, Russian and Uzbek, member state). International
# organisations need no country.
COUNTRIES: tuple[tuple[str, str, str, str, bool], ...] = (
    ("KZ", "Kazakhstan", "Казахстан", "Qozogʻiston", True),
    ("KG", "Kyrgyzstan", "Кыргызстан", "Qirgʻiziston", True),
    ("TJ", "Tajikistan", "Таджикистан", "Tojikiston", True),
    ("TM", "Turkmenistan", "Туркменистан", "Turkmaniston", True),
    ("UZ", "Uzbekistan", "Узбекистан", "Oʻzbekiston", True),
)
MEMBER_STATES: tuple[str, ...] = tuple(code for code, *_names, member in COUNTRIES if member)


# --- Organisations -----------------------------------------------------------------------


@dataclass(frozen=True)
class OrganizationSpec:
    """An organisation, keyed on its slug."""

    slug: str
    name: str
    acronym: str
    kind: str
    country: str | None
    partner_role: str
    description: str
    website: str = ""
    name_ru: str | None = None
    name_uz: str | None = None
    description_ru: str | None = None
    description_uz: str | None = None


ORGANISERS: tuple[str, ...] = ("isrs", "sss-uzbekistan", "unoct", "unrcca")
PARTNERS: tuple[str, ...] = ("unicef", "unodc", "icrc", "osce", "eu", "gcerf")

ORGANIZATIONS: tuple[OrganizationSpec, ...] = (
    OrganizationSpec(
        slug="isrs",
        name="Institute for Strategic and Regional Studies under the President of the Republic of Uzbekistan",
        acronym="ISRS",
        kind="government",
        country="UZ",
        partner_role="organiser",
        description=(
            "A research institute attached to the Presidency of Uzbekistan. It is one of the organisers of "
            "the Council's meetings, together with the State Security Service and two United Nations offices."
        ),
        website="https://isrs.uz",
        name_ru="Институт стратегических и межрегиональных исследований при Президенте Республики Узбекистан",
        name_uz="Oʻzbekiston Respublikasi Prezidenti huzuridagi Strategik va mintaqalararo tadqiqotlar instituti",
        description_ru=(
            "Научно-исследовательский институт при Президенте Узбекистана. Вместе со Службой государственной "
            "безопасности и двумя учреждениями ООН он организует заседания Совета."
        ),
        description_uz=(
            "Oʻzbekiston Prezidenti huzuridagi ilmiy-tadqiqot instituti. Davlat xavfsizlik xizmati va BMTning "
            "ikki tuzilmasi bilan birgalikda Kengash yigʻilishlarini tashkil etadi."
        ),
    ),
    OrganizationSpec(
        slug="sss-uzbekistan",
        name="State Security Service of the Republic of Uzbekistan",
        acronym="SSS",
        kind="government",
        country="UZ",
        partner_role="organiser",
        description=(
            "Uzbekistan's state security agency. It co-organises the Council's meetings with ISRS, UNOCT and UNRCCA."
        ),
        name_ru="Служба государственной безопасности Республики Узбекистан",
        name_uz="Oʻzbekiston Respublikasi Davlat xavfsizlik xizmati",
        description_ru=(
            "Орган государственной безопасности Узбекистана. Организует заседания Совета вместе с ИСМИ, "
            "Контртеррористическим управлением ООН и РЦПДЦА."
        ),
        description_uz=(
            "Oʻzbekistonning davlat xavfsizligi organi. Kengash yigʻilishlarini SMTI hamda BMTning ikki tuzilmasi – "
            "Terrorizmga qarshi kurash boshqarmasi va Preventiv diplomatiya boʻyicha mintaqaviy markaz bilan "
            "birgalikda tashkil etadi."
        ),
    ),
    OrganizationSpec(
        slug="unoct",
        name="United Nations Office of Counter-Terrorism",
        acronym="UNOCT",
        kind="un",
        country=None,
        partner_role="organiser",
        description=(
            "The UN office that leads the organisation's counter-terrorism work. Uzbekistan and UNOCT follow "
            "a Roadmap for cooperation for 2024–2025, and the Council's meetings are one way of carrying it "
            "out; UNOCT co-organises them."
        ),
        website="https://www.un.org/counterterrorism/",
        name_ru="Контртеррористическое управление ООН",
        name_uz="BMTning Terrorizmga qarshi kurash boshqarmasi",
        description_ru=(
            "Подразделение ООН, которое руководит контртеррористической работой Организации. Узбекистан и "
            "управление выполняют «Дорожную карту» сотрудничества на 2024–2025 годы; заседания Совета — одна из "
            "форм её реализации, и управление выступает их соорганизатором."
        ),
        description_uz=(
            "BMTda terrorizmga qarshi kurash ishlariga rahbarlik qiluvchi boshqarma. Oʻzbekiston va boshqarma "
            "2024–2025-yillarga moʻljallangan hamkorlik «Yoʻl xaritasi»ni amalga oshirmoqda. Kengash "
            "yigʻilishlari uni ijro etish shakllaridan biri boʻlib, boshqarma ularning tashkilotchilaridan biridir."
        ),
    ),
    OrganizationSpec(
        slug="unrcca",
        name="United Nations Regional Centre for Preventive Diplomacy for Central Asia",
        acronym="UNRCCA",
        kind="un",
        country=None,
        partner_role="organiser",
        description=(
            "The UN's centre for preventive diplomacy in Central Asia, based in Ashgabat. It is one of the "
            "co-organisers of the Council's meetings."
        ),
        website="https://unrcca.unmissions.org",
        name_ru="Региональный центр ООН по превентивной дипломатии для Центральной Азии",
        name_uz="BMTning Markaziy Osiyo uchun Preventiv diplomatiya boʻyicha mintaqaviy markazi",
        description_ru=(
            "Центр ООН по превентивной дипломатии в Центральной Азии, расположенный в Ашхабаде. Один из "
            "соорганизаторов заседаний Совета."
        ),
        description_uz=(
            "BMTning Markaziy Osiyodagi preventiv diplomatiya markazi, qarorgohi Ashxobodda joylashgan. Kengash "
            "yigʻilishlarining tashkilotchilaridan biri."
        ),
    ),
    # UNICEF and UNODC are UN entities, so they are filed under "United Nations".
    OrganizationSpec(
        slug="unicef",
        name="United Nations Children's Fund",
        acronym="UNICEF",
        kind="un",
        country=None,
        partner_role="partner",
        description=(
            "The UN agency for children. It takes part in the Council's meetings and brings its experience "
            "of working with children and families."
        ),
        website="https://www.unicef.org",
        name_ru="Детский фонд ООН",
        name_uz="BMTning Bolalar jamgʻarmasi",
        description_ru=(
            "Агентство ООН, работающее в интересах детей. Участвует в заседаниях Совета и делится опытом работы "
            "с детьми и семьями."
        ),
        description_uz=(
            "Bolalar manfaatlari yoʻlida ishlaydigan BMT agentligi. Kengash yigʻilishlarida qatnashib, bolalar "
            "va oilalar bilan ishlash tajribasini baham koʻradi."
        ),
    ),
    OrganizationSpec(
        slug="unodc",
        name="United Nations Office on Drugs and Crime",
        acronym="UNODC",
        kind="un",
        country=None,
        partner_role="partner",
        description=(
            "The UN office that helps states with crime prevention, criminal justice and the prevention of "
            "terrorism. It takes part in the Council's meetings as a partner."
        ),
        website="https://www.unodc.org",
        name_ru="Управление ООН по наркотикам и преступности",
        name_uz="BMTning Giyohvand moddalar va jinoyatchilik boʻyicha boshqarmasi",
        description_ru=(
            "Подразделение ООН, которое помогает государствам в предупреждении преступности, в вопросах "
            "уголовного правосудия и предупреждения терроризма. Участвует в заседаниях Совета как партнёр."
        ),
        description_uz=(
            "Davlatlarga jinoyatchilikning oldini olish, jinoiy odil sudlov va terrorizmning oldini olish "
            "masalalarida koʻmaklashadigan BMT tuzilmasi. Kengash yigʻilishlarida hamkor sifatida qatnashadi."
        ),
    ),
    OrganizationSpec(
        slug="icrc",
        name="International Committee of the Red Cross",
        acronym="ICRC",
        kind="international",
        country=None,
        partner_role="partner",
        description=(
            "The humanitarian organisation that protects and assists people affected by armed conflict. "
            "It takes part in the Council's meetings as a partner."
        ),
        website="https://www.icrc.org",
        name_ru="Международный комитет Красного Креста",
        name_uz="Xalqaro Qizil Xoch qoʻmitasi",
        description_ru=(
            "Гуманитарная организация, которая защищает людей, пострадавших от вооружённых конфликтов, и "
            "помогает им. Участвует в заседаниях Совета как партнёр."
        ),
        description_uz=(
            "Qurolli mojarolardan jabr koʻrgan odamlarni himoya qiluvchi va ularga yordam beruvchi gumanitar "
            "tashkilot. Kengash yigʻilishlarida hamkor sifatida qatnashadi."
        ),
    ),
    OrganizationSpec(
        slug="osce",
        name="Organization for Security and Co-operation in Europe",
        acronym="OSCE",
        kind="regional",
        country=None,
        partner_role="partner",
        description=(
            "A regional security organisation whose participating States include the five Central Asian "
            "countries. It takes part in the Council's meetings as a partner."
        ),
        website="https://www.osce.org",
        name_ru="Организация по безопасности и сотрудничеству в Европе",
        name_uz="Yevropada Xavfsizlik va Hamkorlik Tashkiloti",
        description_ru=(
            "Региональная организация по безопасности, в число государств-участников которой входят все пять "
            "стран Центральной Азии. Участвует в заседаниях Совета как партнёр."
        ),
        description_uz=(
            "Mintaqaviy xavfsizlik tashkiloti; uning ishtirokchi davlatlari qatoriga Markaziy Osiyoning beshala "
            "davlati ham kiradi. Kengash yigʻilishlarida hamkor sifatida qatnashadi."
        ),
    ),
    OrganizationSpec(
        slug="eu",
        name="European Union",
        acronym="EU",
        kind="regional",
        country=None,
        partner_role="partner",
        description="The European Union takes part in the Council's meetings as a partner.",
        website="https://european-union.europa.eu",
        name_ru="Европейский союз",
        name_uz="Yevropa Ittifoqi",
        description_ru="Европейский союз участвует в заседаниях Совета как партнёр.",
        description_uz="Yevropa Ittifoqi Kengash yigʻilishlarida hamkor sifatida qatnashadi.",
    ),
    OrganizationSpec(
        slug="gcerf",
        name="Global Community Engagement and Resilience Fund",
        acronym="GCERF",
        kind="international",
        country=None,
        partner_role="partner",
        description=(
            "A global fund that supports local, community-led efforts to build resilience against violent "
            "extremism. It takes part in the Council's meetings as a partner."
        ),
        website="https://www.gcerf.org",
        # The fund has no official Russian or Uzbek name: its English name is used in every language.
        name_ru="Global Community Engagement and Resilience Fund",
        name_uz="Global Community Engagement and Resilience Fund",
        description_ru=(
            "Глобальный фонд, который поддерживает инициативы местных сообществ, повышающие их устойчивость к "
            "насильственному экстремизму. Участвует в заседаниях Совета как партнёр."
        ),
        description_uz=(
            "Mahalliy jamoalarning zoʻravon ekstremizmga qarshi barqarorligini oshirishga qaratilgan "
            "tashabbuslarini qoʻllab-quvvatlovchi global jamgʻarma. Kengash yigʻilishlarida hamkor sifatida "
            "qatnashadi."
        ),
    ),
    OrganizationSpec(
        slug="sample-family-support-centre",
        name="Sample Centre for Family Support",
        acronym="",
        kind="ngo",
        country="KG",
        partner_role="",
        description="Sample organisation for the demo: a non-governmental centre that counsels returnee families.",
        description_ru=(
            "Пример организации для демонстрации: неправительственный центр, консультирующий семьи вернувшихся."
        ),
    ),
    OrganizationSpec(
        slug="sample-youth-initiative-network",
        name="Sample Youth Initiative Network",
        acronym="",
        kind="ngo",
        country="TJ",
        partner_role="",
        description="Sample organisation for the demo: a network of youth clubs running mentoring programmes.",
        description_ru="Пример организации для демонстрации: сеть молодёжных клубов, ведущих программы наставничества.",
    ),
    OrganizationSpec(
        slug="sample-institute-social-research",
        name="Sample Institute of Social Research",
        acronym="",
        kind="academic",
        country="KZ",
        partner_role="",
        description="Sample organisation for the demo: a university institute studying radicalisation and return.",
        description_ru=(
            "Пример организации для демонстрации: университетский институт, изучающий радикализацию и возвращение."
        ),
    ),
)


# --- Bodies ------------------------------------------------------------------------------

EXECUTIVE = "executive-committee"
WG_A = "working-group-a"
WG_B = "working-group-b"
WG_C = "working-group-c"
WG_D = "working-group-d"


@dataclass(frozen=True)
class BodySpec:
    """A body of the Council, keyed on its slug."""

    slug: str
    kind: str
    letter: str
    name: str
    short_name: str
    order: int
    mandate: str
    name_ru: str | None = None
    name_uz: str | None = None
    short_name_ru: str | None = None
    short_name_uz: str | None = None
    mandate_ru: str | None = None
    mandate_uz: str | None = None


BODIES: tuple[BodySpec, ...] = (
    BodySpec(
        slug=EXECUTIVE,
        kind="executive",
        letter="",
        name="Executive Committee",
        short_name="Executive Committee",
        order=0,
        mandate=(
            "Steers the Council between its plenary meetings: it sets priorities, keeps the four working "
            "groups' plans in step with one another, prepares plenary meetings and follows what becomes of "
            "the recommendations the groups put forward."
        ),
        name_ru="Исполнительный комитет",
        name_uz="Ijroiya qoʻmita",
        short_name_ru="Исполнительный комитет",
        short_name_uz="Ijroiya qoʻmita",
        mandate_ru=(
            "Руководит работой Совета в период между пленарными заседаниями: определяет приоритеты, согласует "
            "между собой планы четырёх рабочих групп, готовит пленарные заседания и следит за дальнейшей судьбой "
            "рекомендаций, которые вносят группы."
        ),
        mandate_uz=(
            "Yalpi yigʻilishlar oraligʻida Kengash faoliyatini boshqaradi: ustuvor yoʻnalishlarni belgilaydi, "
            "toʻrtta ishchi guruh rejalarini oʻzaro muvofiqlashtiradi, yalpi yigʻilishlarni tayyorlaydi va "
            "guruhlar ilgari surgan tavsiyalarning keyingi taqdirini kuzatib boradi."
        ),
    ),
    BodySpec(
        slug=WG_A,
        kind="working_group",
        letter="a",
        name="Accountability, legal and judicial issues",
        short_name="Working Group (a)",
        order=1,
        mandate=(
            "Looks at the legal side of return: how returnees' cases are investigated, prosecuted and tried, "
            "how accountability is secured while respecting human rights and the rule of law, and how the "
            "Central Asian states can cooperate better on legal matters. Its proposals are agreed by consensus."
        ),
        name_ru="Привлечение к ответственности, правовые и судебные вопросы",
        name_uz="Javobgarlik, huquqiy va sud masalalari",
        short_name_ru="Рабочая группа (a)",
        short_name_uz="(a) ishchi guruhi",
        mandate_ru=(
            "Занимается правовой стороной возвращения: как расследуются дела вернувшихся, как ведутся уголовное "
            "преследование и судебное разбирательство, как обеспечить ответственность при соблюдении прав человека "
            "и верховенства права и как государствам Центральной Азии лучше сотрудничать в правовых вопросах. "
            "Свои предложения группа принимает консенсусом."
        ),
        mandate_uz=(
            "Qaytish masalasining huquqiy jihatlarini oʻrganadi: qaytganlarga oid ishlar qanday tergov qilinadi, "
            "jinoiy taʼqib va sud muhokamasi qanday olib boriladi, inson huquqlari va qonun ustuvorligiga rioya "
            "etilgan holda javobgarlik qanday taʼminlanadi, Markaziy Osiyo davlatlari huquqiy masalalarda qanday "
            "qilib yanada yaqinroq hamkorlik qilishi mumkin. Guruh oʻz takliflarini konsensus asosida qabul qiladi."
        ),
    ),
    BodySpec(
        slug=WG_B,
        kind="working_group",
        letter="b",
        name="Psychosocial support, health and education",
        short_name="Working Group (b)",
        order=2,
        mandate=(
            "Deals with the care returnees need to rebuild their lives: mental health and psychosocial "
            "support, medical care, and schooling, with particular attention to children and their families. "
            "Its proposals are agreed by consensus."
        ),
        name_ru="Психосоциальная поддержка, здравоохранение и образование",
        name_uz="Psixoijtimoiy yordam, sogʻliqni saqlash va taʼlim",
        short_name_ru="Рабочая группа (b)",
        short_name_uz="(b) ishchi guruhi",
        mandate_ru=(
            "Занимается помощью, которая нужна вернувшимся, чтобы заново наладить жизнь: охраной психического "
            "здоровья и психосоциальной поддержкой, медицинской помощью и обучением, уделяя особое внимание детям "
            "и их семьям. Свои предложения группа принимает консенсусом."
        ),
        mandate_uz=(
            "Qaytganlarga hayotini qayta izga solishi uchun zarur boʻlgan yordam masalalari bilan shugʻullanadi: "
            "ruhiy salomatlik va psixoijtimoiy qoʻllab-quvvatlash, tibbiy yordam hamda taʼlim; bunda bolalar va "
            "ularning oilalariga alohida eʼtibor qaratiladi. Guruh oʻz takliflarini konsensus asosida qabul qiladi."
        ),
    ),
    BodySpec(
        slug=WG_C,
        kind="working_group",
        letter="c",
        name="Countering terrorist narratives",
        short_name="Working Group (c)",
        order=3,
        mandate=(
            "Studies the messages terrorist groups use to recruit and radicalise, and works on credible "
            "counter-messages and voices that support rehabilitation and reintegration. Its proposals are "
            "agreed by consensus."
        ),
        name_ru="Противодействие террористическим нарративам",
        name_uz="Terrorchilik narrativlariga qarshi kurashish",
        short_name_ru="Рабочая группа (c)",
        short_name_uz="(c) ishchi guruhi",
        mandate_ru=(
            "Изучает идеи и посылы, с помощью которых террористические группы вербуют и радикализируют людей, "
            "и разрабатывает убедительные контрнарративы, опираясь на авторитетные голоса, поддерживающие "
            "реабилитацию и реинтеграцию. Свои предложения группа принимает консенсусом."
        ),
        mandate_uz=(
            "Terrorchi guruhlar odamlarni yollash va radikallashtirish uchun foydalanadigan gʻoyalar va "
            "daʼvatlarni oʻrganadi, ularga qarshi ishonchli javob matnlarini ishlab chiqadi hamda reabilitatsiya "
            "va reintegratsiyani qoʻllab-quvvatlaydigan, jamoatchilik ishonchini qozongan kishilarni bu ishga "
            "jalb etadi. Guruh oʻz takliflarini konsensus asosida qabul qiladi."
        ),
    ),
    BodySpec(
        slug=WG_D,
        kind="working_group",
        letter="d",
        name="Civil society, including women's and youth groups",
        short_name="Working Group (d)",
        order=4,
        mandate=(
            "Brings civil society, women's organisations and youth groups into reintegration work in local "
            "communities, and looks at how such organisations can be supported and heard. Its proposals are "
            "agreed by consensus."
        ),
        name_ru="Гражданское общество, включая женские и молодёжные организации",
        name_uz="Fuqarolik jamiyati, jumladan, xotin-qizlar va yoshlar tashkilotlari",
        short_name_ru="Рабочая группа (d)",
        short_name_uz="(d) ishchi guruhi",
        mandate_ru=(
            "Вовлекает гражданское общество, женские и молодёжные организации в работу по реинтеграции в "
            "местных сообществах и ищет способы поддержать такие организации и сделать так, чтобы их голос был "
            "услышан. Свои предложения группа принимает консенсусом."
        ),
        mandate_uz=(
            "Fuqarolik jamiyati, xotin-qizlar va yoshlar tashkilotlarini mahalliy jamoalardagi reintegratsiya "
            "ishlariga jalb qiladi hamda bunday tashkilotlarni qoʻllab-quvvatlash va ularning ovozi "
            "eshitilishini taʼminlash yoʻllarini izlaydi. Guruh oʻz takliflarini konsensus asosida qabul qiladi."
        ),
    ),
)


# --- Venues ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VenueSpec:
    """A venue, keyed on (name, city)."""

    name: str
    city: str
    country: str
    time_zone: str
    address: str = ""
    name_ru: str | None = None
    name_uz: str | None = None
    city_ru: str | None = None
    city_uz: str | None = None


# The sample venues' names stay English-only.
VENUES: dict[str, VenueSpec] = {
    # The reference names Tashkent, not the hall; the ISRS hall is where the demo puts them.
    "tashkent": VenueSpec(
        "ISRS conference hall",
        "Tashkent",
        "UZ",
        "Asia/Tashkent",
        name_ru="Конференц-зал ИСМИ",
        name_uz="SMTI konferensiya zali",
        city_ru="Ташкент",
        city_uz="Toshkent",
    ),
    "almaty": VenueSpec(
        "Sample Conference Centre",
        "Almaty",
        "KZ",
        "Asia/Almaty",
        "Sample address, Almaty",
        city_ru="Алматы",
        city_uz="Olmaota",
    ),
    "bishkek": VenueSpec(
        "Sample Conference Centre",
        "Bishkek",
        "KG",
        "Asia/Bishkek",
        "Sample address, Bishkek",
        city_ru="Бишкек",
        city_uz="Bishkek",
    ),
    "dushanbe": VenueSpec(
        "Sample Conference Centre",
        "Dushanbe",
        "TJ",
        "Asia/Dushanbe",
        "Sample address, Dushanbe",
        city_ru="Душанбе",
        city_uz="Dushanbe",
    ),
    "ashgabat": VenueSpec(
        "Sample Conference Centre",
        "Ashgabat",
        "TM",
        "Asia/Ashgabat",
        "Sample address, Ashgabat",
        city_ru="Ашхабад",
        city_uz="Ashxobod",
    ),
}
ONLINE_TIME_ZONE = "Asia/Tashkent"


# --- People ------------------------------------------------------------------------------

# The day the Council was launched: the start of every seeded term.
COUNCIL_LAUNCH = datetime.date(2024, 5, 14)


@dataclass(frozen=True)
class Seat:
    """A membership of a body."""

    body: str
    role: str = "member"
    start: datetime.date = COUNCIL_LAUNCH
    end: datetime.date | None = None


@dataclass(frozen=True)
class PersonSpec:
    """A sample person; `key` names them in this module and builds their e-mail address."""

    key: str
    first_name: str
    last_name: str
    kind: str
    country: str | None
    time_zone: str
    position: str
    organization: str | None = None
    expertise: str = ""
    bio: str = ""
    languages: tuple[str, ...] = ("ru", "en")
    preferred_language: str = "en"
    public_profile: bool = False
    seats: tuple[Seat, ...] = ()

    @property
    def email(self) -> str:
        return f"{self.key}@demo.invalid"


PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec(
        key="aigerim.samplova",
        first_name="Aigerim",
        last_name="Samplova",
        kind="council_member",
        country="KZ",
        time_zone="Asia/Almaty",
        position="Sample: senior legal adviser",
        organization="sample-institute-social-research",
        expertise="Criminal procedure; international judicial cooperation",
        bio="Sample profile for the demo. Chairs Working Group (a).",
        languages=("kk", "ru", "en"),
        preferred_language="ru",
        public_profile=True,
        seats=(Seat(WG_A, "chair"), Seat(EXECUTIVE, "co_chair")),
    ),
    PersonSpec(
        key="bakyt.demoyev",
        first_name="Bakyt",
        last_name="Demoyev",
        kind="council_member",
        country="KG",
        time_zone="Asia/Bishkek",
        position="Sample: prosecutor",
        expertise="Prosecution of terrorism offences; juvenile justice",
        bio="Sample profile for the demo. Co-chairs Working Group (a).",
        languages=("ky", "ru"),
        preferred_language="ru",
        public_profile=True,
        seats=(Seat(WG_A, "co_chair"),),
    ),
    PersonSpec(
        key="yerlan.samplov",
        first_name="Yerlan",
        last_name="Samplov",
        kind="practitioner",
        country="KZ",
        time_zone="Asia/Almaty",
        position="Sample: probation officer",
        expertise="Probation and after-care; juvenile justice",
        languages=("kk", "ru"),
        preferred_language="ru",
        seats=(Seat(WG_A),),
    ),
    PersonSpec(
        key="farhod.exemplov",
        first_name="Farhod",
        last_name="Exemplov",
        kind="council_member",
        country="TJ",
        time_zone="Asia/Dushanbe",
        position="Sample: head of a rehabilitation centre",
        expertise="Psychosocial rehabilitation; health services for returnees",
        bio="Sample profile for the demo. Chairs Working Group (b).",
        languages=("tg", "ru", "en"),
        public_profile=True,
        seats=(Seat(WG_B, "chair"), Seat(EXECUTIVE)),
    ),
    PersonSpec(
        key="nurlan.sampleyev",
        first_name="Nurlan",
        last_name="Sampleyev",
        kind="expert",
        country="KZ",
        time_zone="Asia/Almaty",
        position="Sample: clinical psychologist",
        bio="Sample profile for the demo. Co-chairs Working Group (b).",
        expertise="Trauma-informed care for children",
        languages=("kk", "ru"),
        preferred_language="ru",
        seats=(
            Seat(WG_B, "co_chair"),
            # An ended term, so that current and past seats can be told apart.
            Seat(WG_C, "observer", end=datetime.date(2024, 12, 31)),
        ),
    ),
    PersonSpec(
        key="aizada.demova",
        first_name="Aizada",
        last_name="Demova",
        kind="practitioner",
        country="KG",
        time_zone="Asia/Bishkek",
        position="Sample: family counsellor",
        organization="sample-family-support-centre",
        expertise="Psychosocial support for returnee families; trauma-informed counselling",
        bio="Sample profile for the demo. Member of the informal regional network of practitioners.",
        languages=("ky", "ru"),
        preferred_language="ru",
        public_profile=True,
        seats=(Seat(WG_B),),
    ),
    PersonSpec(
        key="merdan.mockov",
        first_name="Merdan",
        last_name="Mockov",
        kind="council_member",
        country="TM",
        time_zone="Asia/Ashgabat",
        position="Sample: researcher in strategic communication",
        expertise="Counter-narratives; online radicalisation",
        bio="Sample profile for the demo. Chairs Working Group (c).",
        languages=("tk", "ru", "en"),
        public_profile=True,
        seats=(Seat(WG_C, "chair"), Seat(EXECUTIVE)),
    ),
    PersonSpec(
        key="jasur.pilotov",
        first_name="Jasur",
        last_name="Pilotov",
        kind="council_member",
        country="UZ",
        time_zone="Asia/Tashkent",
        position="Sample: media analyst",
        expertise="Media literacy; religious education",
        languages=("uz", "ru", "en"),
        preferred_language="uz",
        seats=(Seat(WG_C, "co_chair"),),
    ),
    PersonSpec(
        key="maral.testova",
        first_name="Maral",
        last_name="Testova",
        kind="expert",
        country="TM",
        time_zone="Asia/Ashgabat",
        position="Sample: lecturer in journalism",
        expertise="Audience research; messaging for young people",
        languages=("tk", "ru"),
        preferred_language="ru",
        seats=(Seat(WG_C),),
    ),
    PersonSpec(
        key="dilnoza.specimenova",
        first_name="Dilnoza",
        last_name="Specimenova",
        kind="council_member",
        country="UZ",
        time_zone="Asia/Tashkent",
        position="Sample: director of a women's NGO",
        expertise="Community reintegration; women's groups",
        bio="Sample profile for the demo. Chairs Working Group (d).",
        languages=("uz", "ru", "en"),
        preferred_language="uz",
        public_profile=True,
        seats=(Seat(WG_D, "chair"), Seat(EXECUTIVE)),
    ),
    PersonSpec(
        key="ogulgerek.mockova",
        first_name="Ogulgerek",
        last_name="Mockova",
        kind="expert",
        country="TM",
        time_zone="Asia/Ashgabat",
        position="Sample: youth worker",
        expertise="Youth participation; sport and culture programmes",
        bio="Sample profile for the demo. Co-chairs Working Group (d).",
        languages=("tk", "ru"),
        preferred_language="ru",
        public_profile=True,
        seats=(Seat(WG_D, "co_chair"),),
    ),
    PersonSpec(
        key="tahmina.exemplova",
        first_name="Tahmina",
        last_name="Exemplova",
        kind="practitioner",
        country="TJ",
        time_zone="Asia/Dushanbe",
        position="Sample: social worker",
        organization="sample-youth-initiative-network",
        expertise="Social work; mentoring of young returnees",
        languages=("tg", "ru"),
        preferred_language="ru",
        seats=(Seat(WG_D),),
    ),
    PersonSpec(
        key="nodira.pilotova",
        first_name="Nodira",
        last_name="Pilotova",
        kind="practitioner",
        country="UZ",
        time_zone="Asia/Tashkent",
        position="Sample: vocational trainer",
        expertise="Vocational training and job placement for returnees",
        bio="Sample profile for the demo. Member of the informal regional network of practitioners.",
        languages=("uz", "ru"),
        preferred_language="uz",
        public_profile=True,
    ),
    PersonSpec(
        key="rustam.specimenov",
        first_name="Rustam",
        last_name="Specimenov",
        kind="council_member",
        country="UZ",
        time_zone="Asia/Tashkent",
        position="Sample: senior official",
        expertise="Regional cooperation; repatriation",
        bio="Sample profile for the demo. Chairs the Executive Committee.",
        languages=("uz", "ru", "en"),
        preferred_language="ru",
        public_profile=True,
        seats=(Seat(EXECUTIVE, "chair"),),
    ),
    PersonSpec(
        key="sophie.example",
        first_name="Sophie",
        last_name="Example",
        kind="partner_representative",
        country=None,
        time_zone="Asia/Tashkent",
        position="Sample: child protection specialist",
        organization="unicef",
        languages=("en", "ru"),
    ),
    PersonSpec(
        key="daniel.sample",
        first_name="Daniel",
        last_name="Sample",
        kind="observer",
        country=None,
        time_zone="Europe/Zurich",
        position="Sample: programme officer",
        organization="gcerf",
        languages=("en",),
        seats=(Seat(WG_D, "observer"),),
    ),
)


# --- Demo accounts -----------------------------------------------------------------------


@dataclass(frozen=True)
class AccountSpec:
    """A demo login, one per role; `person` is the Member behind it (None for the secretariat)."""

    username: str
    first_name: str
    last_name: str
    is_secretariat: bool = False
    person: PersonSpec | None = None

    @property
    def email(self) -> str:
        return f"{self.username}@demo.invalid"


def _account_person(key: str, last_name: str, **kwargs) -> PersonSpec:
    return PersonSpec(key=f"{key}@account", first_name="Demo", last_name=last_name, **kwargs)


ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("secretariat", "Demo", "Secretariat", is_secretariat=True),
    AccountSpec(
        "exec",
        "Demo",
        "Executive",
        person=_account_person(
            "exec",
            "Executive",
            kind="council_member",
            country="UZ",
            time_zone="Asia/Tashkent",
            position="Sample: member of the Executive Committee",
            languages=("uz", "ru", "en"),
            preferred_language="ru",
            seats=(Seat(EXECUTIVE),),
        ),
    ),
    AccountSpec(
        "wg-a",
        "Demo",
        "Group A",
        person=_account_person(
            "wg-a",
            "Group A",
            kind="council_member",
            country="KZ",
            time_zone="Asia/Almaty",
            position="Sample: member of Working Group (a)",
            expertise="Criminal law",
            languages=("kk", "ru", "en"),
            seats=(Seat(WG_A),),
        ),
    ),
    AccountSpec(
        "wg-c",
        "Demo",
        "Group C",
        person=_account_person(
            "wg-c",
            "Group C",
            kind="expert",
            country="TJ",
            time_zone="Asia/Dushanbe",
            position="Sample: member of Working Group (c)",
            expertise="Strategic communication",
            languages=("tg", "ru", "uz"),
            preferred_language="uz",
            seats=(Seat(WG_C),),
        ),
    ),
    AccountSpec(
        "partner",
        "Demo",
        "Partner",
        person=_account_person(
            "partner",
            "Partner",
            kind="partner_representative",
            country=None,
            time_zone="Asia/Tashkent",
            position="Sample: programme officer",
            organization="unodc",
            languages=("en", "ru"),
        ),
    ),
)

# Keys by which meetings below name the demo accounts' people.
EXEC = "exec@account"
WGA = "wg-a@account"
WGC = "wg-c@account"
PARTNER = "partner@account"


# --- Meetings ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaSpec:
    """An agenda item; its order is its position in the meeting's agenda."""

    title: str
    level: str
    minutes: int = 15
    description: str = ""
    presenter: str | None = None
    presenter_name: str = ""
    title_ru: str | None = None
    title_uz: str | None = None
    description_ru: str | None = None
    description_uz: str | None = None


@dataclass(frozen=True)
class MinutesSpec:
    """A meeting's minutes in one state of the draft → circulated → approved workflow."""

    status: str
    level: str
    version: int = 1


@dataclass(frozen=True)
class DocumentSpec:
    """A document; a translation names the title of its original in the same meeting or body."""

    title: str
    filename: str
    language: str
    level: str
    text: str
    translation_of: str | None = None
    translation_status: str = "original"
    agenda_order: int | None = None


@dataclass(frozen=True)
class ActionSpec:
    """An action item; `due_days` counts from the meeting's day."""

    title: str
    owner: str
    level: str
    status: str
    due_days: int
    description: str = ""


@dataclass(frozen=True)
class SummarySpec:
    """A published public summary."""

    slug: str
    title: str
    text: str
    published_at: datetime.datetime
    title_ru: str | None = None
    title_uz: str | None = None
    text_ru: str | None = None
    text_uz: str | None = None


@dataclass(frozen=True)
class MeetingSpec:
    """A meeting keyed on its slug.

    `on` is a fixed date, or a number of days from today (negative: in the past) so
    the demo always has recent and upcoming meetings. `participants` None invites
    everyone with a current seat on the body.
    """

    slug: str
    title: str
    body: str | None
    kind: str
    status: str
    level: str
    on: datetime.date | int
    start: datetime.time
    end: datetime.time
    venue: str | None
    online: bool = False
    description: str = ""
    agenda: tuple[AgendaSpec, ...] = ()
    participants: tuple[str, ...] | None = None
    minutes: MinutesSpec | None = None
    documents: tuple[DocumentSpec, ...] = ()
    actions: tuple[ActionSpec, ...] = ()
    organisers: tuple[str, ...] = ()
    attending: tuple[str, ...] = ()
    summary: SummarySpec | None = None
    title_ru: str | None = None
    title_uz: str | None = None
    description_ru: str | None = None
    description_uz: str | None = None


def _t(hour: int, minute: int = 0) -> datetime.time:
    return datetime.time(hour, minute)


# How sample titles are labelled in each language.
SAMPLE_LABEL = {"en": "[Sample]", "ru": "[Пример]", "uz": "[Namuna]"}


def _labelled(language: str, text: str | None) -> str | None:
    """Return `text` with the sample label of `language` before it; None stays None (not translated)."""
    return None if text is None else f"{SAMPLE_LABEL[language]} {text}"


def sample_agenda(
    topic: str,
    level: str,
    *,
    plenary: bool = False,
    closed: bool = False,
    topic_ru: str | None = None,
    topic_uz: str | None = None,
) -> tuple[AgendaSpec, ...]:
    """Return a sample agenda whose items are never more open than the meeting itself."""
    items = [
        AgendaSpec(
            "[Sample] Opening and adoption of the agenda",
            level,
            10,
            title_ru="[Пример] Открытие заседания и утверждение повестки дня",
            title_uz="[Namuna] Yigʻilishning ochilishi va kun tartibini tasdiqlash",
        ),
        AgendaSpec(
            f"[Sample] {topic}",
            level,
            60,
            "Presentation followed by discussion.",
            title_ru=_labelled("ru", topic_ru),
            title_uz=_labelled("uz", topic_uz),
            description_ru="Презентация и обсуждение.",
            description_uz="Taqdimot va muhokama.",
        ),
        AgendaSpec(
            "[Sample] Progress on the 2024–2025 work plan",
            at_least(level, COUNCIL),
            30,
            title_ru="[Пример] Ход выполнения плана работы на 2024–2025 годы",
            title_uz="[Namuna] 2024–2025-yillarga moʻljallangan ish rejasining bajarilishi",
        ),
    ]
    if not plenary:  # A plenary has no body, so nothing in it can be at Group level.
        items.append(
            AgendaSpec(
                "[Sample] Draft recommendations for consensus",
                at_least(level, GROUP),
                45,
                title_ru="[Пример] Проекты рекомендаций для принятия консенсусом",
                title_uz="[Namuna] Konsensus asosida qabul qilinadigan tavsiyalar loyihalari",
            )
        )
    if closed:
        items.append(
            AgendaSpec(
                "[Sample] Closed session: review of individual cases",
                RESTRICTED,
                30,
                "Only the named participants take part in this item.",
                title_ru="[Пример] Закрытая часть: рассмотрение отдельных случаев",
                title_uz="[Namuna] Yopiq qism: alohida holatlarni koʻrib chiqish",
                description_ru="В обсуждении этого пункта участвуют только поимённо приглашённые.",
                description_uz="Bu masala muhokamasida faqat nomma-nom taklif etilganlar qatnashadi.",
            )
        )
    items.append(
        AgendaSpec(
            "[Sample] Any other business and date of the next meeting",
            level,
            15,
            title_ru="[Пример] Разное и дата следующего заседания",
            title_uz="[Namuna] Turli masalalar va navbatdagi yigʻilish sanasi",
        )
    )
    return tuple(items)


def sample_minutes_text(title: str) -> str:
    """Return the body of sample minutes for the meeting called `title`."""
    return (
        f"[Sample] Minutes of “{title}”.\n\n"
        "1. The chair opened the meeting and the agenda was adopted without changes.\n"
        "2. Members heard the main presentation and exchanged national experience.\n"
        "3. The secretariat reported on the work plan; items due this quarter are on track.\n"
        "4. The meeting agreed the follow-up actions listed below.\n\n"
        "These minutes are demo data and record no real discussion."
    )


def _doc_text(title: str, language: str) -> str:
    intro = {
        "en": "Sample document for the REC Portal demo.",
        "ru": "Образец документа для демонстрации портала REC.",
        "uz": "REC portali namoyishi uchun namuna hujjat.",
    }[language]
    return f"{intro}\n\n{title}\n\nThis file contains no real information.\n"


def _doc(title: str, filename: str, language: str, level: str, **kwargs) -> DocumentSpec:
    return DocumentSpec(title, filename, language, level, _doc_text(title, language), **kwargs)


# The two real meetings of 2024, from the reference.
FIRST_MEETING = "first-meeting-of-the-council-2024-05-14"
ROADMAP_MEETING = "roadmap-implementation-meeting-2024-07"

FIRST_MEETING_SUMMARY = (
    "On 14 May 2024 the Central Asia Regional Expert Council on the Rehabilitation and Reintegration of "
    "Returnees from armed conflict zones met for the first time, in Tashkent, and so began its work. Its "
    "members come from Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan.\n\n"
    "The Council works through an Executive Committee and four working groups, each with its own subject: "
    "(a) accountability, legal and judicial issues; (b) psychosocial support, health and education; "
    "(c) countering terrorist narratives; and (d) civil society, including women's and youth groups. The "
    "groups meet regularly and put forward recommendations and proposed solutions, which they agree by "
    "consensus."
)

ROADMAP_MEETING_SUMMARY = (
    "In July 2024 the Council met as part of carrying out the Roadmap for cooperation between Uzbekistan "
    "and the UN Office of Counter-Terrorism for 2024–2025. The meeting was organised by the Institute for "
    "Strategic and Regional Studies under the President of Uzbekistan, the State Security Service of "
    "Uzbekistan, UNOCT and the UN Regional Centre for Preventive Diplomacy for Central Asia. Besides "
    "representatives of the Central Asian states and members of the Council, more than ten international "
    "and regional organisations took part, among them UNICEF, UNODC, the ICRC, the OSCE, the European Union "
    "and GCERF.\n\n"
    "Participants heard what the Council's First Meeting of 14 May 2024 had achieved, discussed the working "
    "groups' preliminary plans for 2024–2025, and considered how to build an informal regional network of "
    "practitioners in rehabilitation and reintegration.\n\n"
    "Speakers welcomed the Council, set up on the initiative of the President of Uzbekistan, as a way to "
    "strengthen cooperation on prosecution, repatriation and reintegration, and as a distinctive platform "
    "where the countries of the region share what they have learnt from bringing their citizens home from "
    "conflict zones. They recalled that states had spoken highly of the Council at the UN Security Council "
    "meeting of 23 July 2024, and noted that its work follows the four pillars of the UN Global "
    "Counter-Terrorism Strategy, among them tackling the conditions in which terrorism spreads and upholding "
    "human rights and the rule of law. Participants agreed that the Council is a dependable mechanism for "
    "cooperation on the rehabilitation and reintegration of returnees, and one that other regions could "
    "learn from."
)

FIRST_MEETING_SUMMARY_RU = (
    "14 мая 2024 года в Ташкенте впервые собрался Региональный экспертный совет Центральной Азии по "
    "реабилитации и реинтеграции лиц, вернувшихся из зон вооружённых конфликтов, — так началась его работа. "
    "В Совет входят представители Казахстана, Кыргызстана, Таджикистана, Туркменистана и Узбекистана.\n\n"
    "Совет работает через Исполнительный комитет и четыре рабочие группы, у каждой из которых своё "
    "направление: (a) привлечение к ответственности, правовые и судебные вопросы; (b) психосоциальная "
    "поддержка, здравоохранение и образование; (c) противодействие террористическим нарративам; "
    "(d) гражданское общество, включая женские и молодёжные организации. Группы регулярно собираются и "
    "вырабатывают рекомендации и предложения, которые принимают консенсусом."
)

FIRST_MEETING_SUMMARY_UZ = (
    "2024-yil 14-mayda Toshkentda Qurolli mojaro hududlaridan qaytganlarni reabilitatsiya va reintegratsiya "
    "qilish boʻyicha Markaziy Osiyo mintaqaviy ekspertlar kengashi ilk bor yigʻildi va shu bilan oʻz ishini "
    "boshladi. Kengash tarkibiga Qozogʻiston, Qirgʻiziston, Tojikiston, Turkmaniston va Oʻzbekiston vakillari "
    "kiradi.\n\n"
    "Kengash Ijroiya qoʻmita va toʻrtta ishchi guruh orqali faoliyat yuritadi, ularning har biri oʻz "
    "yoʻnalishiga ega: (a) javobgarlik, huquqiy va sud masalalari; (b) psixoijtimoiy yordam, sogʻliqni saqlash "
    "va taʼlim; (c) terrorchilik narrativlariga qarshi kurashish; (d) fuqarolik jamiyati, jumladan, xotin-qizlar "
    "va yoshlar tashkilotlari. Guruhlar muntazam yigʻilib, tavsiyalar va taklif etilayotgan yechimlarni ishlab "
    "chiqadi hamda ularni konsensus asosida qabul qiladi."
)

ROADMAP_MEETING_SUMMARY_RU = (
    "В июле 2024 года Совет собрался в рамках реализации «Дорожной карты» сотрудничества между Узбекистаном и "
    "Контртеррористическим управлением ООН на 2024–2025 годы. Заседание организовали Институт стратегических и "
    "межрегиональных исследований при Президенте Узбекистана, Служба государственной безопасности Узбекистана, "
    "Контртеррористическое управление ООН и Региональный центр ООН по превентивной дипломатии для Центральной "
    "Азии. Помимо представителей государств Центральной Азии и членов Совета, в нём участвовали более десяти "
    "международных и региональных организаций, в том числе ЮНИСЕФ, УНП ООН, МККК, ОБСЕ, Европейский союз и "
    "GCERF.\n\n"
    "Участники ознакомились с итогами первого заседания Совета 14 мая 2024 года, обсудили предварительные планы "
    "рабочих групп на 2024–2025 годы и то, как создать неформальную региональную сеть практиков в сфере "
    "реабилитации и реинтеграции.\n\n"
    "Выступавшие приветствовали Совет, созданный по инициативе Президента Узбекистана, как способ укрепить "
    "сотрудничество в вопросах уголовного преследования, репатриации и реинтеграции и как особую площадку, где "
    "страны региона делятся опытом возвращения своих граждан из зон конфликтов. Они напомнили, что на заседании "
    "Совета Безопасности ООН 23 июля 2024 года государства высоко оценили создание Регионального экспертного "
    "совета, и отметили, что его работа следует четырём направлениям Глобальной контртеррористической стратегии "
    "ООН, в том числе устранению условий, способствующих распространению терроризма, и обеспечению прав человека "
    "и верховенства права. Участники сошлись во мнении, что Совет — надёжный механизм сотрудничества в "
    "реабилитации и реинтеграции вернувшихся и его опыт могут перенять другие регионы."
)

ROADMAP_MEETING_SUMMARY_UZ = (
    "2024-yil iyul oyida Kengash Oʻzbekiston va BMTning Terrorizmga qarshi kurash boshqarmasi oʻrtasidagi "
    "hamkorlik boʻyicha 2024–2025-yillarga moʻljallangan «Yoʻl xaritasi»ni amalga oshirish doirasida yigʻildi. "
    "Yigʻilishni Oʻzbekiston Prezidenti huzuridagi Strategik va mintaqalararo tadqiqotlar instituti, Oʻzbekiston "
    "Davlat xavfsizlik xizmati, BMTning Terrorizmga qarshi kurash boshqarmasi hamda BMTning Markaziy Osiyo uchun "
    "Preventiv diplomatiya boʻyicha mintaqaviy markazi tashkil etdi. Unda Markaziy Osiyo davlatlari vakillari va "
    "Kengash aʼzolaridan tashqari oʻndan ortiq xalqaro va mintaqaviy tashkilotlar, jumladan, YUNISEF, BMTning "
    "Giyohvand moddalar va jinoyatchilik boʻyicha boshqarmasi, Xalqaro Qizil Xoch qoʻmitasi, YXHT, Yevropa "
    "Ittifoqi va GCERF ishtirok etdi.\n\n"
    "Ishtirokchilar Kengashning 2024-yil 14-maydagi birinchi yigʻilishi natijalari bilan tanishdilar, ishchi "
    "guruhlarning 2024–2025-yillarga moʻljallangan dastlabki rejalarini hamda reabilitatsiya va reintegratsiya "
    "sohasidagi amaliyotchilarning norasmiy mintaqaviy tarmogʻini qanday shakllantirish masalasini muhokama "
    "qildilar.\n\n"
    "Soʻzga chiqqanlar Oʻzbekiston Prezidenti tashabbusi bilan tashkil etilgan Kengashni jinoiy javobgarlikka "
    "tortish, repatriatsiya va reintegratsiya sohasidagi hamkorlikni mustahkamlash vositasi hamda mintaqa "
    "davlatlari oʻz fuqarolarini mojaro hududlaridan qaytarish tajribasini oʻrtoqlashadigan oʻziga xos maydon "
    "sifatida olqishladilar. Ular 2024-yil 23-iyulda boʻlib oʻtgan BMT Xavfsizlik Kengashi majlisida davlatlar "
    "Mintaqaviy ekspertlar kengashining tashkil etilishini yuqori baholaganini eslatib oʻtdilar va uning "
    "faoliyati BMTning Terrorizmga qarshi kurash global strategiyasining toʻrt yoʻnalishiga, jumladan, terrorizm "
    "tarqalishiga olib keluvchi sharoitlarni bartaraf etish hamda inson huquqlari va qonun ustuvorligini "
    "taʼminlashga mos kelishini taʼkidladilar. Ishtirokchilar Kengash qaytganlarni reabilitatsiya va "
    "reintegratsiya qilishda hamkorlikning ishonchli mexanizmi ekanligi hamda uning tajribasidan boshqa "
    "mintaqalar ham foydalanishi mumkinligi borasida yakdil fikrga keldilar."
)

_TASHKENT = ZoneInfo("Asia/Tashkent")

REAL_MEETINGS: tuple[MeetingSpec, ...] = (
    MeetingSpec(
        slug=FIRST_MEETING,
        title="First Meeting of the Regional Expert Council",
        body=None,
        kind="plenary",
        status="held",
        level=PUBLIC,
        on=datetime.date(2024, 5, 14),
        # The reference gives the day and the city only; the hours are illustrative.
        start=_t(10),
        end=_t(17),
        venue="tashkent",
        description="The meeting at which the Council was launched.",
        agenda=(
            AgendaSpec(
                "Opening of the Council", PUBLIC, 30, title_ru="Открытие Совета", title_uz="Kengashning ochilishi"
            ),
            AgendaSpec(
                "Structure of the Council: the Executive Committee and four working groups",
                PUBLIC,
                90,
                title_ru="Структура Совета: Исполнительный комитет и четыре рабочие группы",
                title_uz="Kengash tuzilmasi: Ijroiya qoʻmita va toʻrtta ishchi guruh",
            ),
            AgendaSpec("Next steps", PUBLIC, 30, title_ru="Дальнейшие шаги", title_uz="Keyingi qadamlar"),
        ),
        participants=(),
        summary=SummarySpec(
            slug="first-meeting-of-the-council",
            title="The Council holds its First Meeting in Tashkent",
            text=FIRST_MEETING_SUMMARY,
            # Illustrative: the reference does not say when a summary was published.
            published_at=datetime.datetime(2024, 5, 14, 18, 0, tzinfo=_TASHKENT),
            title_ru="Совет провёл первое заседание в Ташкенте",
            title_uz="Kengash Toshkentda birinchi yigʻilishini oʻtkazdi",
            text_ru=FIRST_MEETING_SUMMARY_RU,
            text_uz=FIRST_MEETING_SUMMARY_UZ,
        ),
        title_ru="Первое заседание Регионального экспертного совета",
        title_uz="Mintaqaviy ekspertlar kengashining birinchi yigʻilishi",
        description_ru="Заседание, с которого Совет начал свою работу.",
        description_uz="Kengash oʻz faoliyatini boshlagan yigʻilish.",
    ),
    MeetingSpec(
        slug=ROADMAP_MEETING,
        title="Council meeting on implementing the Uzbekistan–UNOCT Roadmap for 2024–2025",
        body=None,
        kind="plenary",
        status="held",
        level=PUBLIC,
        # The exact date is not in the reference: it is a news item from late July 2024
        # that mentions the UN Security Council meeting of 23 July; 25 July is our pick.
        on=datetime.date(2024, 7, 25),
        start=_t(10),
        end=_t(17),
        venue="tashkent",
        description=(
            "A meeting of the Council held to carry out the 2024–2025 Roadmap for cooperation between "
            "Uzbekistan and the UN Office of Counter-Terrorism."
        ),
        agenda=(
            AgendaSpec(
                "Results of the First Meeting of the Council (14 May 2024)",
                PUBLIC,
                45,
                title_ru="Итоги первого заседания Совета (14 мая 2024 года)",
                title_uz="Kengash birinchi yigʻilishining yakunlari (2024-yil 14-may)",
            ),
            AgendaSpec(
                "Preliminary plans of the working groups for 2024–2025",
                PUBLIC,
                120,
                title_ru="Предварительные планы рабочих групп на 2024–2025 годы",
                title_uz="Ishchi guruhlarning 2024–2025-yillarga moʻljallangan dastlabki rejalari",
            ),
            AgendaSpec(
                "Developing an informal regional network of practitioners in rehabilitation and reintegration",
                PUBLIC,
                60,
                title_ru="Создание неформальной региональной сети практиков в сфере реабилитации и реинтеграции",
                title_uz=(
                    "Reabilitatsiya va reintegratsiya sohasidagi amaliyotchilarning norasmiy mintaqaviy "
                    "tarmogʻini rivojlantirish"
                ),
            ),
        ),
        participants=(),
        organisers=ORGANISERS,
        attending=PARTNERS,
        summary=SummarySpec(
            slug="roadmap-implementation-meeting-2024-07",
            title="Council meeting on implementing the Uzbekistan–UNOCT Roadmap",
            text=ROADMAP_MEETING_SUMMARY,
            published_at=datetime.datetime(2024, 7, 25, 18, 0, tzinfo=_TASHKENT),
            title_ru=(
                "Заседание Совета о реализации «Дорожной карты» Узбекистана и Контртеррористического управления ООН"
            ),
            title_uz=(
                "Oʻzbekiston va BMT Terrorizmga qarshi kurash boshqarmasi «Yoʻl xaritasi» ijrosiga bagʻishlangan "
                "Kengash yigʻilishi"
            ),
            text_ru=ROADMAP_MEETING_SUMMARY_RU,
            text_uz=ROADMAP_MEETING_SUMMARY_UZ,
        ),
        title_ru=(
            "Заседание Совета по реализации «Дорожной карты» сотрудничества Узбекистана и Контртеррористического "
            "управления ООН на 2024–2025 годы"
        ),
        title_uz=(
            "Oʻzbekiston va BMTning Terrorizmga qarshi kurash boshqarmasi oʻrtasidagi 2024–2025-yillarga "
            "moʻljallangan «Yoʻl xaritasi»ni amalga oshirishga bagʻishlangan Kengash yigʻilishi"
        ),
        description_ru=(
            "Заседание Совета, проведённое в рамках реализации «Дорожной карты» сотрудничества между Узбекистаном "
            "и Контртеррористическим управлением ООН на 2024–2025 годы."
        ),
        description_uz=(
            "Oʻzbekiston va BMTning Terrorizmga qarshi kurash boshqarmasi oʻrtasidagi hamkorlik boʻyicha "
            "2024–2025-yillarga moʻljallangan «Yoʻl xaritasi»ni amalga oshirish doirasida oʻtkazilgan Kengash "
            "yigʻilishi."
        ),
    ),
)


# Sample meetings on fixed dates, where the sample recommendations were adopted.
EXEC_2024 = "sample-executive-committee-2024-09"
EXEC_2025 = "sample-executive-committee-2025-03"
WG_A_2024 = "sample-working-group-a-2024-10"
WG_A_2025 = "sample-working-group-a-2025-04"
WG_B_2024 = "sample-working-group-b-2024-10"
WG_B_2025 = "sample-working-group-b-2025-04"
WG_C_2024 = "sample-working-group-c-2024-11"
WG_C_2025 = "sample-working-group-c-2025-05"
WG_D_2024 = "sample-working-group-d-2024-11"
WG_D_2025 = "sample-working-group-d-2025-05"

# Sample meetings dated relative to today.
PLENARY_NEXT = "sample-plenary-next"
PLENARY_PARTNERS = "sample-plenary-partners-consultation"
EXEC_RECENT = "sample-executive-committee-recent"
EXEC_CLOSED = "sample-executive-committee-closed-session"
EXEC_NEXT = "sample-executive-committee-next"
WG_A_RECENT = "sample-working-group-a-recent"
WG_A_CLOSED = "sample-working-group-a-closed-session"
WG_A_CLOSED_NEXT = "sample-working-group-a-closed-session-next"
WG_A_NEXT = "sample-working-group-a-next"
WG_C_CLOSED = "sample-working-group-c-closed-session"
WG_C_CLOSED_NEXT = "sample-working-group-c-closed-session-next"
WG_D_WORKSHOP = "sample-working-group-d-workshop"

_BG_NOTE = "[Sample] Background note on national legal frameworks"
_AGENDA_NOTE = "[Sample] Annotated agenda"
_PROGRESS = "[Sample] Progress report of the working groups"
_PROGRAMME = "[Sample] Workshop programme"


_SAMPLE_MEETING = "Sample meeting for the demo."
_SAMPLE_MEETING_RU = "Пример заседания для демонстрации."
_SAMPLE_MEETING_UZ = "Namoyish uchun namunaviy yigʻilish."
_BODIES_BY_SLUG = {spec.slug: spec for spec in BODIES}


def _sample_title(language: str, body: str, topic: str | None) -> str | None:
    """Return "[label] Body: topic" in `language` (not English), or None when the topic is not translated."""
    if topic is None:
        return None
    short_name = getattr(_BODIES_BY_SLUG[body], f"short_name_{language}")
    return f"{SAMPLE_LABEL[language]} {short_name}: {topic[0].lower()}{topic[1:]}"


def _fixed(
    slug: str,
    body: str,
    day: datetime.date,
    topic: str,
    venue: str | None,
    level: str,
    minutes: MinutesSpec,
    actions: tuple[ActionSpec, ...] = (),
    documents: tuple[DocumentSpec, ...] = (),
    topic_ru: str | None = None,
    topic_uz: str | None = None,
    summary: SummarySpec | None = None,
) -> MeetingSpec:
    return MeetingSpec(
        slug=slug,
        title=f"[Sample] {_BODIES_BY_SLUG[body].short_name}: {topic}",
        body=body,
        kind="regular",
        status="held",
        level=level,
        on=day,
        start=_t(9, 30),
        end=_t(16),
        venue=venue,
        online=venue is None,
        description=_SAMPLE_MEETING,
        agenda=sample_agenda(topic, level, topic_ru=topic_ru, topic_uz=topic_uz),
        minutes=minutes,
        actions=actions,
        documents=documents,
        summary=summary,
        title_ru=_sample_title("ru", body, topic_ru),
        title_uz=_sample_title("uz", body, topic_uz),
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    )


SAMPLE_MEETINGS: tuple[MeetingSpec, ...] = (
    # --- Fixed dates (2024–2025) ---
    _fixed(
        EXEC_2024,
        EXECUTIVE,
        datetime.date(2024, 9, 17),
        "Rules of procedure for the working groups",
        "tashkent",
        COUNCIL,
        MinutesSpec("approved", COUNCIL),
        actions=(
            ActionSpec(
                "[Sample] Circulate the rules of procedure to all members", "rustam.specimenov", COUNCIL, "done", 14
            ),
        ),
        topic_ru="Правила процедуры рабочих групп",
        topic_uz="Ishchi guruhlarning ish tartibi qoidalari",
    ),
    _fixed(
        EXEC_2025,
        EXECUTIVE,
        datetime.date(2025, 3, 11),
        "Setting up the informal network of practitioners",
        "tashkent",
        GROUP,
        MinutesSpec("approved", GROUP, version=2),
        actions=(
            ActionSpec(
                "[Sample] Invite each member state to name practitioners for the network",
                EXEC,
                GROUP,
                "in_progress",
                60,
            ),
        ),
        topic_ru="Создание неформальной сети практиков",
        topic_uz="Amaliyotchilarning norasmiy tarmogʻini tashkil etish",
    ),
    _fixed(
        WG_A_2024,
        WG_A,
        datetime.date(2024, 10, 15),
        "Comparing national legal frameworks",
        "almaty",
        GROUP,
        MinutesSpec("approved", GROUP),
        documents=(
            _doc(_BG_NOTE, "background-note-en.txt", "en", GROUP, agenda_order=2),
            _doc(
                "[Sample] Background note on national legal frameworks (Russian)",
                "background-note-ru.txt",
                "ru",
                GROUP,
                translation_of=_BG_NOTE,
                translation_status="verified",
                agenda_order=2,
            ),
            _doc(
                "[Sample] Background note on national legal frameworks (Uzbek)",
                "background-note-uz.txt",
                "uz",
                GROUP,
                translation_of=_BG_NOTE,
                translation_status="translated",
                agenda_order=2,
            ),
        ),
        actions=(
            ActionSpec("[Sample] Send the comparison table of national laws", WGA, GROUP, "done", 30),
            ActionSpec("[Sample] Ask UNODC for comments on the comparison", "bakyt.demoyev", GROUP, "cancelled", 45),
        ),
        topic_ru="Сравнение национальных правовых норм",
        topic_uz="Milliy huquqiy asoslarni taqqoslash",
    ),
    _fixed(
        WG_A_2025,
        WG_A,
        datetime.date(2025, 4, 16),
        "Training needs of judges and prosecutors",
        "bishkek",
        COUNCIL,
        MinutesSpec("approved", COUNCIL),
        actions=(
            ActionSpec(
                "[Sample] Draft the outline of a regional training course",
                "aigerim.samplova",
                COUNCIL,
                "in_progress",
                90,
            ),
        ),
        topic_ru="Потребности судей и прокуроров в обучении",
        topic_uz="Sudyalar va prokurorlarning oʻqishga boʻlgan ehtiyojlari",
    ),
    _fixed(
        WG_B_2024,
        WG_B,
        datetime.date(2024, 10, 22),
        "Psychosocial services available to returnees",
        "dushanbe",
        GROUP,
        MinutesSpec("approved", GROUP),
        actions=(
            ActionSpec("[Sample] Compile the survey of rehabilitation services", "aizada.demova", GROUP, "done", 30),
        ),
        topic_ru="Психосоциальные услуги, доступные вернувшимся",
        topic_uz="Qaytganlar uchun mavjud psixoijtimoiy xizmatlar",
    ),
    _fixed(
        WG_B_2025,
        WG_B,
        datetime.date(2025, 4, 23),
        "Schooling for returnee children",
        "tashkent",
        COUNCIL,
        MinutesSpec("approved", COUNCIL),
        topic_ru="Школьное обучение вернувшихся детей",
        topic_uz="Qaytgan bolalarning maktab taʼlimi",
    ),
    _fixed(
        WG_C_2024,
        WG_C,
        datetime.date(2024, 11, 5),
        "Counter-narrative materials in the region's languages",
        "ashgabat",
        GROUP,
        MinutesSpec("approved", GROUP),
        actions=(
            ActionSpec("[Sample] Collect counter-narrative materials in Uzbek and Tajik", WGC, GROUP, "done", 45),
        ),
        topic_ru="Контрнарративные материалы на языках региона",
        topic_uz="Mintaqa tillaridagi terrorchilik gʻoyalariga qarshi materiallar",
    ),
    _fixed(
        WG_C_2025,
        WG_C,
        datetime.date(2025, 5, 14),
        "Credible voices",
        None,
        GROUP,
        MinutesSpec("approved", GROUP),
        topic_ru="Авторитетные голоса",
        topic_uz="Jamoatchilik ishonchini qozongan kishilar",
    ),
    _fixed(
        WG_D_2024,
        WG_D,
        datetime.date(2024, 11, 19),
        "Mapping civil society organisations",
        "bishkek",
        COUNCIL,
        MinutesSpec("approved", COUNCIL),
        topic_ru="Карта организаций гражданского общества",
        topic_uz="Fuqarolik jamiyati tashkilotlari xaritasi",
    ),
    _fixed(
        WG_D_2025,
        WG_D,
        datetime.date(2025, 5, 20),
        "Women's groups in community reintegration",
        "almaty",
        PUBLIC,
        MinutesSpec("approved", PUBLIC),
        topic_ru="Женские организации в реинтеграции на местах",
        topic_uz="Mahalliy reintegratsiyada xotin-qizlar tashkilotlari",
        # A public sample summary: its text is left untranslated into Uzbek on purpose.
        summary=SummarySpec(
            slug="sample-working-group-d-2025-05",
            title="[Sample] Working Group (d) discusses women's groups in community reintegration",
            text=(
                "Sample summary for the demo. Working Group (d) met in Almaty to discuss how women's "
                "organisations help returnees settle back into their communities. Members compared national "
                "experience and looked at how the recommendation on involving women's groups, adopted in November "
                "2024, is being applied.\n\n"
                "This summary is demo data and describes no real discussion."
            ),
            published_at=datetime.datetime(2025, 5, 22, 12, 0, tzinfo=ZoneInfo("Asia/Almaty")),
            title_ru="[Пример] Рабочая группа (d) обсудила роль женских организаций в реинтеграции на местах",
            title_uz=(
                "[Namuna] (d) ishchi guruhi mahalliy reintegratsiyada xotin-qizlar tashkilotlarining rolini muhokama "
                "qildi"
            ),
            text_ru=(
                "Пример итогового сообщения для демонстрации. Рабочая группа (d) собралась в Алматы, чтобы "
                "обсудить, как женские организации помогают вернувшимся заново обустроиться в своих сообществах. "
                "Участники сравнили опыт своих стран и рассмотрели, как выполняется принятая в ноябре 2024 года "
                "рекомендация о вовлечении женских организаций.\n\n"
                "Это сообщение — демонстрационные данные и не отражает реального обсуждения."
            ),
        ),
    ),
    # --- Plenary, relative to today ---
    MeetingSpec(
        slug=PLENARY_NEXT,
        title="[Sample] Next plenary meeting of the Council",
        body=None,
        kind="plenary",
        status="planned",
        level=PUBLIC,
        on=100,
        start=_t(10),
        end=_t(17),
        venue="tashkent",
        description="Sample meeting for the demo: a plenary that is being planned.",
        agenda=sample_agenda(
            "Reports of the working groups",
            PUBLIC,
            plenary=True,
            topic_ru="Отчёты рабочих групп",
            topic_uz="Ishchi guruhlarning hisobotlari",
        ),
        participants=(),
        organisers=ORGANISERS,
        title_ru="[Пример] Следующее пленарное заседание Совета",
        title_uz="[Namuna] Kengashning navbatdagi yalpi yigʻilishi",
        description_ru="Пример заседания для демонстрации: пленарное заседание, которое сейчас готовится.",
        description_uz="Namoyish uchun namunaviy yigʻilish: hozir tayyorlanayotgan yalpi yigʻilish.",
    ),
    MeetingSpec(
        slug=PLENARY_PARTNERS,
        title="[Sample] Closed consultation with partner organisations",
        body=None,
        kind="consultation",
        status="held",
        level=RESTRICTED,
        on=-25,
        start=_t(14),
        end=_t(16, 30),
        venue=None,
        online=True,
        description="Sample meeting for the demo: only the named participants see it.",
        agenda=sample_agenda(
            "Support from partners for the practitioners' network",
            RESTRICTED,
            plenary=True,
            topic_ru="Поддержка сети практиков со стороны партнёров",
        ),
        participants=("rustam.specimenov", "dilnoza.specimenova", "sophie.example", PARTNER),
        minutes=MinutesSpec("approved", RESTRICTED),
        attending=("unicef", "unodc"),
        documents=(_doc("[Sample] Partners' funding overview", "funding-overview-en.txt", "en", RESTRICTED),),
        actions=(ActionSpec("[Sample] Share the partners' training calendar", PARTNER, RESTRICTED, "open", 30),),
        title_ru="[Пример] Закрытая консультация с организациями-партнёрами",
        description_ru="Пример заседания для демонстрации: его видят только поимённо приглашённые участники.",
        description_uz="Namoyish uchun namunaviy yigʻilish: uni faqat nomma-nom taklif etilgan ishtirokchilar koʻradi.",
    ),
    # --- Executive Committee, relative to today ---
    MeetingSpec(
        slug=EXEC_RECENT,
        title="[Sample] Executive Committee: review of the working groups' progress",
        body=EXECUTIVE,
        kind="regular",
        status="held",
        level=COUNCIL,
        on=-30,
        start=_t(10),
        end=_t(13),
        venue="tashkent",
        online=True,
        description=_SAMPLE_MEETING,
        agenda=sample_agenda(
            "Progress of the four working groups", COUNCIL, topic_ru="Ход работы четырёх рабочих групп"
        ),
        minutes=MinutesSpec("approved", COUNCIL),
        documents=(
            _doc(_PROGRESS, "progress-report-ru.txt", "ru", COUNCIL),
            _doc(
                "[Sample] Progress report of the working groups (English)",
                "progress-report-en.txt",
                "en",
                COUNCIL,
                translation_of=_PROGRESS,
                translation_status="translated",
            ),
        ),
        actions=(
            ActionSpec("[Sample] Collect implementation updates from the member states", EXEC, COUNCIL, "open", 21),
            ActionSpec("[Sample] Publish the summary of the last plenary", "rustam.specimenov", PUBLIC, "done", 7),
        ),
        title_ru="[Пример] Исполнительный комитет: обзор хода работы рабочих групп",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug=EXEC_CLOSED,
        title="[Sample] Executive Committee: closed session on a repatriation request",
        body=EXECUTIVE,
        kind="extraordinary",
        status="held",
        level=RESTRICTED,
        on=-20,
        start=_t(15),
        end=_t(17),
        venue=None,
        online=True,
        description="Sample meeting for the demo: only the named participants see it.",
        agenda=sample_agenda("A repatriation request", RESTRICTED, closed=True, topic_ru="Запрос о репатриации"),
        participants=("rustam.specimenov", "aigerim.samplova", "farhod.exemplov", EXEC),
        minutes=MinutesSpec("circulated", RESTRICTED),
        actions=(
            ActionSpec(
                "[Sample] Prepare a confidential note for the member state concerned",
                "rustam.specimenov",
                RESTRICTED,
                "in_progress",
                14,
            ),
        ),
        title_ru="[Пример] Исполнительный комитет: закрытое заседание по запросу о репатриации",
        description_ru="Пример заседания для демонстрации: его видят только поимённо приглашённые участники.",
        description_uz="Namoyish uchun namunaviy yigʻilish: uni faqat nomma-nom taklif etilgan ishtirokchilar koʻradi.",
    ),
    MeetingSpec(
        slug=EXEC_NEXT,
        title="[Sample] Executive Committee: preparing the next plenary",
        body=EXECUTIVE,
        kind="regular",
        status="confirmed",
        level=GROUP,
        on=14,
        start=_t(10),
        end=_t(13),
        venue="tashkent",
        online=True,
        description=_SAMPLE_MEETING,
        agenda=sample_agenda(
            "Programme of the next plenary meeting", GROUP, topic_ru="Программа следующего пленарного заседания"
        ),
        title_ru="[Пример] Исполнительный комитет: подготовка следующего пленарного заседания",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug="sample-executive-committee-planning",
        title="[Sample] Executive Committee: planning for the next period",
        body=EXECUTIVE,
        kind="regular",
        status="planned",
        level=COUNCIL,
        on=75,
        start=_t(10),
        end=_t(12),
        venue=None,
        online=True,
        description=_SAMPLE_MEETING,
        agenda=sample_agenda(
            "Priorities for the next work plans", COUNCIL, topic_ru="Приоритеты следующих планов работы"
        ),
        title_ru="[Пример] Исполнительный комитет: планирование на следующий период",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    # --- Working Group (a), relative to today ---
    MeetingSpec(
        slug=WG_A_RECENT,
        title="[Sample] Working Group (a): alternatives to detention for minors",
        body=WG_A,
        kind="regular",
        status="held",
        level=GROUP,
        on=-40,
        start=_t(10),
        end=_t(16),
        venue="almaty",
        description=_SAMPLE_MEETING,
        agenda=sample_agenda(
            "Alternatives to detention for minors",
            GROUP,
            topic_ru="Альтернативы содержанию под стражей для несовершеннолетних",
        ),
        minutes=MinutesSpec("circulated", GROUP, version=2),
        actions=(ActionSpec("[Sample] Revise the draft guidance after comments", WGA, GROUP, "open", 20),),
        title_ru="[Пример] Рабочая группа (a): альтернативы содержанию под стражей для несовершеннолетних",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug=WG_A_CLOSED,
        title="[Sample] Working Group (a): closed session on pending cases",
        body=WG_A,
        kind="consultation",
        status="held",
        level=RESTRICTED,
        on=-10,
        start=_t(14),
        end=_t(17),
        venue=None,
        online=True,
        description="Sample meeting for the demo: only the named participants see it.",
        agenda=sample_agenda(
            "Pending cases of returnees", RESTRICTED, closed=True, topic_ru="Незавершённые дела вернувшихся"
        ),
        participants=("aigerim.samplova", "bakyt.demoyev", "yerlan.samplov", WGA),
        minutes=MinutesSpec("draft", RESTRICTED),
        documents=(
            _doc(
                "[Sample] Case summaries for the closed session",
                "case-summaries-ru.txt",
                "ru",
                RESTRICTED,
                agenda_order=5,
            ),
        ),
        title_ru="[Пример] Рабочая группа (a): закрытое заседание по незавершённым делам",
        description_ru="Пример заседания для демонстрации: его видят только поимённо приглашённые участники.",
        description_uz="Namoyish uchun namunaviy yigʻilish: uni faqat nomma-nom taklif etilgan ishtirokchilar koʻradi.",
    ),
    MeetingSpec(
        slug=WG_A_NEXT,
        title="[Sample] Working Group (a): next regular meeting",
        body=WG_A,
        kind="regular",
        status="confirmed",
        level=GROUP,
        on=10,
        start=_t(10),
        end=_t(16),
        venue="bishkek",
        online=True,
        description=_SAMPLE_MEETING,
        agenda=sample_agenda("Legal aid for returnees", GROUP, closed=True, topic_ru="Юридическая помощь вернувшимся"),
        documents=(
            _doc(_AGENDA_NOTE, "annotated-agenda-en.txt", "en", GROUP),
            _doc(
                "[Sample] Annotated agenda (Uzbek)",
                "annotated-agenda-uz.txt",
                "uz",
                GROUP,
                translation_of=_AGENDA_NOTE,
                translation_status="pending",
            ),
        ),
        title_ru="[Пример] Рабочая группа (a): следующее очередное заседание",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug=WG_A_CLOSED_NEXT,
        title="[Sample] Working Group (a): chairs' consultation with prosecutors",
        body=WG_A,
        kind="consultation",
        status="confirmed",
        level=RESTRICTED,
        on=25,
        start=_t(11),
        end=_t(13),
        venue=None,
        online=True,
        description="Sample meeting for the demo: only the chair and co-chair are invited.",
        agenda=sample_agenda(
            "Cooperation with national prosecution services",
            RESTRICTED,
            topic_ru="Сотрудничество с национальными органами прокуратуры",
        ),
        participants=("aigerim.samplova", "bakyt.demoyev"),
        title_ru="[Пример] Рабочая группа (a): консультация председателей с прокурорами",
        description_ru="Пример заседания для демонстрации: приглашены только председатель и сопредседатель.",
        description_uz="Namoyish uchun namunaviy yigʻilish: faqat rais va hamrais taklif etilgan.",
    ),
    MeetingSpec(
        slug="sample-working-group-a-postponed",
        title="[Sample] Working Group (a): study visit (postponed)",
        body=WG_A,
        kind="workshop",
        status="postponed",
        level=COUNCIL,
        on=40,
        start=_t(9),
        end=_t(17),
        venue="dushanbe",
        description="Sample meeting for the demo. Postponed; a new date will be announced.",
        agenda=sample_agenda("Study visit to a court", COUNCIL, topic_ru="Ознакомительный визит в суд"),
        title_ru="[Пример] Рабочая группа (a): ознакомительный визит (перенесён)",
        description_ru="Пример заседания для демонстрации. Перенесено; новая дата будет объявлена позже.",
        description_uz="Namoyish uchun namunaviy yigʻilish. Keyinga qoldirildi; yangi sana keyinroq eʼlon qilinadi.",
    ),
    # --- Working Group (b), relative to today ---
    MeetingSpec(
        slug="sample-working-group-b-open-meeting",
        title="[Sample] Working Group (b): open meeting on returnee children in school",
        body=WG_B,
        kind="regular",
        status="held",
        level=PUBLIC,
        on=-50,
        start=_t(10),
        end=_t(17),
        venue="dushanbe",
        online=True,
        # Public meeting with items at every level: each person sees a different agenda.
        description="Sample meeting for the demo: an open session of the group.",
        agenda=sample_agenda(
            "Returnee children in school",
            PUBLIC,
            closed=True,
            topic_ru="Вернувшиеся дети в школе",
            topic_uz="Qaytgan bolalar maktabda",
        ),
        minutes=MinutesSpec("approved", PUBLIC),
        documents=(
            _doc(
                "[Sample] Presentation: returnee children in school",
                "presentation-en.txt",
                "en",
                PUBLIC,
                agenda_order=2,
            ),
            _doc(
                "[Sample] Draft recommendation on school enrolment",
                "draft-recommendation-en.txt",
                "en",
                GROUP,
                agenda_order=4,
            ),
            _doc(
                "[Sample] Notes on individual children's cases", "case-notes-ru.txt", "ru", RESTRICTED, agenda_order=5
            ),
        ),
        actions=(
            ActionSpec("[Sample] Share the school enrolment checklist", "farhod.exemplov", COUNCIL, "done", 14),
            ActionSpec(
                "[Sample] Ask UNICEF for examples of catch-up classes", "nurlan.sampleyev", GROUP, "in_progress", 40
            ),
        ),
        title_ru="[Пример] Рабочая группа (b): открытое заседание о вернувшихся детях в школе",
        title_uz="[Namuna] (b) ishchi guruhi: qaytgan bolalarning maktab taʼlimi boʻyicha ochiq yigʻilish",
        description_ru="Пример заседания для демонстрации: в его повестке есть пункты всех уровней доступа.",
        description_uz=(
            "Namoyish uchun namunaviy yigʻilish: uning kun tartibida barcha kirish darajalaridagi masalalar bor."
        ),
    ),
    MeetingSpec(
        slug="sample-working-group-b-recent",
        title="[Sample] Working Group (b): health services for returnees",
        body=WG_B,
        kind="regular",
        status="held",
        level=GROUP,
        on=-15,
        start=_t(10),
        end=_t(15),
        venue=None,
        online=True,
        description=_SAMPLE_MEETING,
        agenda=sample_agenda("Health services for returnees", GROUP, topic_ru="Медицинские услуги для вернувшихся"),
        minutes=MinutesSpec("draft", GROUP),
        title_ru="[Пример] Рабочая группа (b): медицинские услуги для вернувшихся",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug="sample-working-group-b-next",
        title="[Sample] Working Group (b): exchange between rehabilitation centres",
        body=WG_B,
        kind="regular",
        status="planned",
        level=GROUP,
        on=20,
        start=_t(10),
        end=_t(16),
        venue="tashkent",
        description=_SAMPLE_MEETING,
        agenda=sample_agenda(
            "Exchange between rehabilitation centres", GROUP, topic_ru="Обмен опытом между реабилитационными центрами"
        ),
        title_ru="[Пример] Рабочая группа (b): обмен опытом между реабилитационными центрами",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug="sample-working-group-b-cancelled",
        title="[Sample] Working Group (b): webinar on school counselling (cancelled)",
        body=WG_B,
        kind="workshop",
        status="cancelled",
        level=COUNCIL,
        on=5,
        start=_t(14),
        end=_t(16),
        venue=None,
        online=True,
        description="Sample meeting for the demo. Cancelled.",
        agenda=sample_agenda("School counselling", COUNCIL, topic_ru="Школьное консультирование"),
        title_ru="[Пример] Рабочая группа (b): вебинар о школьном консультировании (отменён)",
        description_ru="Пример заседания для демонстрации. Отменено.",
        description_uz="Namoyish uchun namunaviy yigʻilish. Bekor qilindi.",
    ),
    # --- Working Group (c), relative to today ---
    MeetingSpec(
        slug="sample-working-group-c-recent",
        title="[Sample] Working Group (c): narratives online",
        body=WG_C,
        kind="regular",
        status="held",
        level=GROUP,
        on=-35,
        start=_t(10),
        end=_t(16),
        venue="ashgabat",
        description=_SAMPLE_MEETING,
        agenda=sample_agenda("Narratives online", GROUP, topic_ru="Нарративы в интернете"),
        minutes=MinutesSpec("approved", GROUP),
        actions=(
            ActionSpec("[Sample] Draft a monitoring method for online narratives", "merdan.mockov", GROUP, "open", 30),
        ),
        title_ru="[Пример] Рабочая группа (c): нарративы в интернете",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug=WG_C_CLOSED,
        title="[Sample] Working Group (c): closed review of recruitment material",
        body=WG_C,
        kind="consultation",
        status="held",
        level=RESTRICTED,
        on=-5,
        start=_t(14),
        end=_t(16),
        venue=None,
        online=True,
        description="Sample meeting for the demo: only the named participants see it.",
        agenda=sample_agenda(
            "Recruitment material seen in the region",
            RESTRICTED,
            closed=True,
            topic_ru="Вербовочные материалы, выявленные в регионе",
        ),
        participants=("merdan.mockov", "jasur.pilotov", "maral.testova", WGC),
        minutes=MinutesSpec("draft", RESTRICTED),
        actions=(ActionSpec("[Sample] Annotate the recruitment material for the group", WGC, RESTRICTED, "open", 14),),
        title_ru="[Пример] Рабочая группа (c): закрытый разбор вербовочных материалов",
        description_ru="Пример заседания для демонстрации: его видят только поимённо приглашённые участники.",
        description_uz="Namoyish uchun namunaviy yigʻilish: uni faqat nomma-nom taklif etilgan ishtirokchilar koʻradi.",
    ),
    MeetingSpec(
        slug=WG_C_CLOSED_NEXT,
        title="[Sample] Working Group (c): closed follow-up session",
        body=WG_C,
        kind="consultation",
        status="confirmed",
        level=RESTRICTED,
        on=12,
        start=_t(14),
        end=_t(16),
        venue=None,
        online=True,
        description="Sample meeting for the demo: only the named participants see it.",
        agenda=sample_agenda(
            "Follow-up on recruitment material", RESTRICTED, topic_ru="Дальнейшая работа с вербовочными материалами"
        ),
        participants=("merdan.mockov", "jasur.pilotov", WGC),
        title_ru="[Пример] Рабочая группа (c): закрытое заседание по итогам разбора",
        description_ru="Пример заседания для демонстрации: его видят только поимённо приглашённые участники.",
        description_uz="Namoyish uchun namunaviy yigʻilish: uni faqat nomma-nom taklif etilgan ishtirokchilar koʻradi.",
    ),
    MeetingSpec(
        slug="sample-working-group-c-next",
        title="[Sample] Working Group (c): evaluating counter-narrative campaigns",
        body=WG_C,
        kind="regular",
        status="planned",
        level=GROUP,
        on=60,
        start=_t(10),
        end=_t(16),
        venue="tashkent",
        description=_SAMPLE_MEETING,
        agenda=sample_agenda(
            "Evaluating counter-narrative campaigns", GROUP, topic_ru="Оценка контрнарративных кампаний"
        ),
        title_ru="[Пример] Рабочая группа (c): оценка контрнарративных кампаний",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug="sample-working-group-c-cancelled",
        title="[Sample] Working Group (c): public lecture (cancelled)",
        body=WG_C,
        kind="workshop",
        status="cancelled",
        level=PUBLIC,
        on=-70,
        start=_t(15),
        end=_t(17),
        venue="ashgabat",
        description="Sample meeting for the demo. Cancelled.",
        agenda=sample_agenda(
            "Media literacy for young people",
            PUBLIC,
            topic_ru="Медиаграмотность для молодёжи",
            topic_uz="Yoshlar uchun media savodxonlik",
        ),
        title_ru="[Пример] Рабочая группа (c): открытая лекция (отменена)",
        title_uz="[Namuna] (c) ishchi guruhi: ochiq maʼruza (bekor qilindi)",
        description_ru="Пример заседания для демонстрации. Отменено.",
        # The description is left untranslated into Uzbek on purpose (see the module's docstring).
    ),
    # --- Working Group (d), relative to today ---
    MeetingSpec(
        slug="sample-working-group-d-recent",
        title="[Sample] Working Group (d): youth mentoring",
        body=WG_D,
        kind="regular",
        status="held",
        level=COUNCIL,
        on=-90,
        start=_t(10),
        end=_t(16),
        venue="bishkek",
        description=_SAMPLE_MEETING,
        agenda=sample_agenda("Youth mentoring", COUNCIL, topic_ru="Наставничество для молодёжи"),
        minutes=MinutesSpec("circulated", COUNCIL),
        actions=(
            ActionSpec("[Sample] Report on the youth mentoring pilot", "tahmina.exemplova", COUNCIL, "in_progress", 60),
        ),
        title_ru="[Пример] Рабочая группа (d): наставничество для молодёжи",
        description_ru=_SAMPLE_MEETING_RU,
        description_uz=_SAMPLE_MEETING_UZ,
    ),
    MeetingSpec(
        slug=WG_D_WORKSHOP,
        title="[Sample] Working Group (d): regional civil society workshop",
        body=WG_D,
        kind="workshop",
        status="confirmed",
        level=PUBLIC,
        on=30,
        start=_t(9),
        end=_t(17),
        venue="almaty",
        description="Sample meeting for the demo: a public workshop.",
        agenda=sample_agenda(
            "Civil society and reintegration",
            PUBLIC,
            topic_ru="Гражданское общество и реинтеграция",
            topic_uz="Fuqarolik jamiyati va reintegratsiya",
        ),
        attending=("gcerf", "osce"),
        documents=(
            _doc(_PROGRAMME, "workshop-programme-en.txt", "en", PUBLIC),
            _doc(
                "[Sample] Workshop programme (Uzbek)",
                "workshop-programme-uz.txt",
                "uz",
                PUBLIC,
                translation_of=_PROGRAMME,
                translation_status="verified",
            ),
            _doc(
                "[Sample] Workshop programme (Russian)",
                "workshop-programme-ru.txt",
                "ru",
                PUBLIC,
                translation_of=_PROGRAMME,
                translation_status="pending",
            ),
        ),
        title_ru="[Пример] Рабочая группа (d): региональный семинар для гражданского общества",
        title_uz="[Namuna] (d) ishchi guruhi: fuqarolik jamiyati uchun mintaqaviy seminar",
        description_ru="Пример заседания для демонстрации: открытый семинар.",
        description_uz="Namoyish uchun namunaviy yigʻilish: ochiq seminar.",
    ),
    MeetingSpec(
        slug="sample-working-group-d-postponed",
        title="[Sample] Working Group (d): small grants (postponed)",
        body=WG_D,
        kind="regular",
        status="postponed",
        level=GROUP,
        on=8,
        start=_t(10),
        end=_t(13),
        venue=None,
        online=True,
        description="Sample meeting for the demo. Postponed; a new date will be announced.",
        agenda=sample_agenda(
            "Small grants for local organisations", GROUP, topic_ru="Малые гранты для местных организаций"
        ),
        title_ru="[Пример] Рабочая группа (d): малые гранты (перенесено)",
        description_ru="Пример заседания для демонстрации. Перенесено; новая дата будет объявлена позже.",
        description_uz="Namoyish uchun namunaviy yigʻilish. Keyinga qoldirildi; yangi sana keyinroq eʼlon qilinadi.",
    ),
)

MEETINGS: tuple[MeetingSpec, ...] = REAL_MEETINGS + SAMPLE_MEETINGS


# --- Documents outside meetings ----------------------------------------------------------


@dataclass(frozen=True)
class BodyDocumentSpec:
    """A document that belongs to a body (or to nobody) rather than to a meeting."""

    body: str | None
    document: DocumentSpec


_LEAFLET = "[Sample] About the Council (leaflet)"
_CATALOGUE = "[Sample] Catalogue of counter-narrative materials"

BODY_DOCUMENTS: tuple[BodyDocumentSpec, ...] = (
    BodyDocumentSpec(None, _doc(_LEAFLET, "leaflet-en.txt", "en", PUBLIC)),
    BodyDocumentSpec(
        None,
        _doc(
            "[Sample] About the Council (leaflet, Russian)",
            "leaflet-ru.txt",
            "ru",
            PUBLIC,
            translation_of=_LEAFLET,
            translation_status="verified",
        ),
    ),
    BodyDocumentSpec(
        None,
        _doc(
            "[Sample] About the Council (leaflet, Uzbek)",
            "leaflet-uz.txt",
            "uz",
            PUBLIC,
            translation_of=_LEAFLET,
            translation_status="translated",
        ),
    ),
    BodyDocumentSpec(None, _doc("[Sample] Guidance note for new members", "guidance-en.txt", "en", COUNCIL)),
    BodyDocumentSpec(WG_C, _doc(_CATALOGUE, "catalogue-en.txt", "en", GROUP)),
    BodyDocumentSpec(
        WG_C,
        _doc(
            "[Sample] Catalogue of counter-narrative materials (Russian)",
            "catalogue-ru.txt",
            "ru",
            GROUP,
            translation_of=_CATALOGUE,
            translation_status="pending",
        ),
    ),
    BodyDocumentSpec(WG_B, _doc("[Sample] Work plan 2024–2025, full text", "work-plan-b-en.txt", "en", GROUP)),
)


# --- Work plans --------------------------------------------------------------------------

PLAN_START = datetime.date(2024, 7, 1)
PLAN_END = datetime.date(2025, 12, 31)


@dataclass(frozen=True)
class PlanItemSpec:
    """A work plan item; its order is its position in the plan."""

    title: str
    status: str
    due_year: int
    due_quarter: int
    meetings: tuple[str, ...] = ()
    description: str = ""
    title_ru: str | None = None
    title_uz: str | None = None
    description_ru: str | None = None
    description_uz: str | None = None


# A body's work plan title and summary in each language; {body} is its short name.
PLAN_TITLE = {
    "en": "{body}: work plan 2024–2025",
    "ru": "{body}: план работы на 2024–2025 годы",
    "uz": "{body}: 2024–2025-yillarga moʻljallangan ish rejasi",
}
PLAN_SUMMARY = {
    "en": (
        "The {body}'s plan of work for 2024–2025. The working groups' preliminary plans were discussed at the "
        "Council's meeting in July 2024. The items listed are sample entries for the demo."
    ),
    "ru": (
        "{body}: план работы на 2024–2025 годы. Предварительные планы рабочих групп обсуждались на заседании "
        "Совета в июле 2024 года. Перечисленные пункты — примеры, внесённые для демонстрации."
    ),
    "uz": (
        "{body}: 2024–2025-yillarga moʻljallangan ish rejasi. Ishchi guruhlarning dastlabki rejalari 2024-yil iyul "
        "oyida boʻlib oʻtgan Kengash yigʻilishida muhokama qilingan. Roʻyxatdagi bandlar namoyish uchun kiritilgan "
        "namunalardir."
    ),
}


WORK_PLANS: dict[str, tuple[PlanItemSpec, ...]] = {
    EXECUTIVE: (
        PlanItemSpec(
            "Agree the rules of procedure of the working groups",
            "done",
            2024,
            3,
            (EXEC_2024,),
            title_ru="Утвердить правила процедуры рабочих групп",
            title_uz="Ishchi guruhlarning ish tartibi qoidalarini kelishib olish",
        ),
        PlanItemSpec(
            "Present the working groups' preliminary plans for 2024–2025",
            "done",
            2024,
            3,
            (ROADMAP_MEETING,),
            title_ru="Представить предварительные планы рабочих групп на 2024–2025 годы",
            title_uz="Ishchi guruhlarning 2024–2025-yillarga moʻljallangan dastlabki rejalarini taqdim etish",
        ),
        PlanItemSpec(
            "Set up the informal regional network of practitioners",
            "in_progress",
            2025,
            4,
            (EXEC_2025, PLENARY_PARTNERS),
            title_ru="Создать неформальную региональную сеть практиков",
            title_uz="Amaliyotchilarning norasmiy mintaqaviy tarmogʻini tashkil etish",
        ),
        PlanItemSpec(
            "Prepare the Council's next plenary meeting",
            "planned",
            2025,
            4,
            (PLENARY_NEXT, EXEC_NEXT),
            title_ru="Подготовить следующее пленарное заседание Совета",
            title_uz="Kengashning navbatdagi yalpi yigʻilishini tayyorlash",
        ),
        PlanItemSpec(
            "Report on how the adopted recommendations are implemented",
            "planned",
            2025,
            4,
            title_ru="Подготовить отчёт о выполнении принятых рекомендаций",
            title_uz="Qabul qilingan tavsiyalarning bajarilishi haqida hisobot tayyorlash",
        ),
    ),
    WG_A: (
        PlanItemSpec(
            "Compare national legal frameworks applied to returnees",
            "done",
            2024,
            4,
            (WG_A_2024,),
            title_ru="Сравнить национальные правовые нормы, применяемые к вернувшимся",
            title_uz="Qaytganlarga nisbatan qoʻllaniladigan milliy huquqiy asoslarni taqqoslash",
        ),
        PlanItemSpec(
            "Exchange practice on prosecuting and sentencing returnees",
            "done",
            2025,
            1,
            title_ru="Обменяться практикой уголовного преследования вернувшихся и назначения им наказания",
            title_uz="Qaytganlarni jinoiy javobgarlikka tortish va ularga jazo tayinlash amaliyoti bilan oʻrtoqlashish",
        ),
        PlanItemSpec(
            "Draft guidance on alternatives to detention for minors",
            "in_progress",
            2025,
            3,
            (WG_A_RECENT,),
            title_ru="Подготовить рекомендации о мерах, альтернативных содержанию под стражей, для несовершеннолетних",
            title_uz=(
                "Voyaga yetmaganlar uchun qamoqqa olishga muqobil choralar boʻyicha yoʻriqnoma loyihasini tayyorlash"
            ),
        ),
        PlanItemSpec(
            "Design a regional training course for judges and prosecutors",
            "in_progress",
            2025,
            4,
            (WG_A_2025,),
            title_ru="Разработать региональный учебный курс для судей и прокуроров",
            title_uz="Sudyalar va prokurorlar uchun mintaqaviy oʻquv kursini ishlab chiqish",
        ),
        PlanItemSpec(
            "Review legal aid available to returnees",
            "planned",
            2025,
            4,
            (WG_A_NEXT,),
            title_ru="Изучить, какую юридическую помощь могут получить вернувшиеся",
            title_uz="Qaytganlar foydalana oladigan yuridik yordamni oʻrganib chiqish",
        ),
    ),
    WG_B: (
        PlanItemSpec(
            "Survey the psychosocial services available to returnees",
            "done",
            2024,
            4,
            (WG_B_2024,),
            title_ru="Провести обзор психосоциальных услуг, доступных вернувшимся",
            title_uz="Qaytganlar uchun mavjud psixoijtimoiy xizmatlarni oʻrganib chiqish",
        ),
        PlanItemSpec(
            "Agree common standards of trauma-informed care",
            "done",
            2025,
            2,
            title_ru="Согласовать общие стандарты помощи с учётом психологической травмы",
            title_uz=(
                "Psixologik jarohatni hisobga olgan holda yordam koʻrsatishning umumiy standartlarini kelishib olish"
            ),
        ),
        PlanItemSpec(
            "Support school enrolment and catch-up classes for returnee children",
            "in_progress",
            2025,
            3,
            (WG_B_2025,),
            title_ru=(
                "Содействовать зачислению вернувшихся детей в школу и занятиям, которые помогут им наверстать упущенное"
            ),
            title_uz=(
                "Qaytgan bolalarni maktabga qabul qilish va ular uchun qoʻshimcha darslar tashkil etishga koʻmaklashish"
            ),
        ),
        PlanItemSpec(
            "Organise exchange visits between rehabilitation centres",
            "planned",
            2025,
            4,
            title_ru="Организовать обмен визитами между реабилитационными центрами",
            title_uz="Reabilitatsiya markazlari oʻrtasida tajriba almashish tashriflarini tashkil etish",
        ),
    ),
    WG_C: (
        PlanItemSpec(
            "Collect counter-narrative materials in the region's languages",
            "done",
            2024,
            4,
            (WG_C_2024,),
            title_ru="Собрать контрнарративные материалы на языках региона",
            title_uz="Mintaqa tillarida terrorchilik gʻoyalariga qarshi materiallarni toʻplash",
        ),
        PlanItemSpec(
            "Identify credible voices, including former returnees' families",
            "in_progress",
            2025,
            2,
            (WG_C_2025,),
            title_ru="Найти авторитетные голоса, в том числе среди семей вернувшихся",
            title_uz=(
                "Jamoatchilik ishonchini qozongan kishilarni, jumladan, qaytganlarning oila aʼzolari orasidan aniqlash"
            ),
        ),
        PlanItemSpec(
            "Hold a regional workshop on narratives online",
            "planned",
            2025,
            4,
            title_ru="Провести региональный семинар о нарративах в интернете",
            title_uz="Internetdagi narrativlar boʻyicha mintaqaviy seminar oʻtkazish",
        ),
        PlanItemSpec(
            "Evaluate the impact of counter-narrative campaigns",
            "planned",
            2025,
            4,
            title_ru="Оценить результативность контрнарративных кампаний",
            title_uz="Terrorchilik gʻoyalariga qarshi kampaniyalar samarasini baholash",
        ),
    ),
    WG_D: (
        PlanItemSpec(
            "Map civil society organisations working on reintegration",
            "done",
            2024,
            4,
            (WG_D_2024,),
            title_ru="Составить карту организаций гражданского общества, занимающихся реинтеграцией",
            title_uz="Reintegratsiya bilan shugʻullanuvchi fuqarolik jamiyati tashkilotlari xaritasini tuzish",
        ),
        PlanItemSpec(
            "Describe the role of women's groups in community reintegration",
            "done",
            2025,
            2,
            (WG_D_2025,),
            title_ru="Описать роль женских организаций в реинтеграции на местах",
            title_uz=(
                "Mahalliy jamoalarda reintegratsiya jarayonida xotin-qizlar tashkilotlarining rolini yoritib berish"
            ),
        ),
        PlanItemSpec(
            "Run a youth mentoring pilot",
            "in_progress",
            2025,
            3,
            title_ru="Провести пилотный проект наставничества для молодёжи",
            title_uz="Yoshlar uchun murabbiylik boʻyicha tajriba-sinov loyihasini oʻtkazish",
        ),
        PlanItemSpec(
            "Propose a small-grants scheme for local organisations",
            "planned",
            2025,
            4,
            title_ru="Предложить программу малых грантов для местных организаций",
            title_uz="Mahalliy tashkilotlar uchun kichik grantlar dasturini taklif etish",
        ),
        PlanItemSpec(
            "Hold a regional civil society workshop",
            "planned",
            2025,
            4,
            (WG_D_WORKSHOP,),
            title_ru="Провести региональный семинар для гражданского общества",
            title_uz="Fuqarolik jamiyati uchun mintaqaviy seminar oʻtkazish",
        ),
    ),
}


# --- Recommendations ---------------------------------------------------------------------

# Implementation statuses handed out in turn to the five member states, so each
# recommendation shows a different mix.
IMPLEMENTATION_CYCLE: tuple[str, ...] = (
    "implemented",
    "in_progress",
    "not_started",
    "in_progress",
    "no_information",
    "not_applicable",
)


@dataclass(frozen=True)
class RecommendationSpec:
    """A recommendation keyed on its code; `adopted_at` is a meeting slug (None for a draft)."""

    code: str
    body: str
    title: str
    text: str
    adopted_at: str | None
    pillars: tuple[int, ...]
    themes: tuple[str, ...]
    title_ru: str | None = None
    title_uz: str | None = None
    text_ru: str | None = None
    text_uz: str | None = None


RECOMMENDATIONS: tuple[RecommendationSpec, ...] = (
    RecommendationSpec(
        "REC-A-2024-01",
        WG_A,
        "[Sample] Share information on legal procedures applied to returnees",
        "Sample recommendation: member states exchange, once a year, a short description of the legal "
        "procedures they apply to returning citizens, so that practice can be compared.",
        WG_A_2024,
        (3, 4),
        ("prosecution", "repatriation"),
        title_ru="[Пример] Обмен информацией о правовых процедурах, применяемых к вернувшимся",
        text_ru=(
            "Пример рекомендации: раз в год государства-члены обмениваются кратким описанием правовых процедур, "
            "которые они применяют к возвращающимся гражданам, чтобы практику можно было сравнить."
        ),
        title_uz="[Namuna] Qaytganlarga nisbatan qoʻllaniladigan huquqiy tartib-taomillar haqida axborot almashish",
        text_uz=(
            "Namunaviy tavsiya: aʼzo davlatlar yiliga bir marta qaytib kelayotgan fuqarolarga nisbatan qoʻllaydigan "
            "huquqiy tartib-taomillarining qisqacha tavsifini bir-biriga yuboradi, shunda amaliyotni qiyoslash mumkin "
            "boʻladi."
        ),
    ),
    RecommendationSpec(
        "REC-A-2024-02",
        WG_A,
        "[Sample] Prefer alternatives to detention for minors",
        "Sample recommendation: when a returnee is a minor, courts consider alternatives to detention first.",
        WG_A_2024,
        (4,),
        ("prosecution", "rehabilitation"),
        title_ru="[Пример] Отдавать предпочтение мерам, не связанным с лишением свободы, для несовершеннолетних",
        text_ru=(
            "Пример рекомендации: если вернувшийся — несовершеннолетний, суд в первую очередь рассматривает меры, "
            "альтернативные содержанию под стражей."
        ),
        title_uz="[Namuna] Voyaga yetmaganlarga nisbatan qamoqqa olishga muqobil choralarni afzal koʻrish",
        text_uz=(
            "Namunaviy tavsiya: qaytgan shaxs voyaga yetmagan boʻlsa, sud avvalo qamoqqa olish bilan bogʻliq boʻlmagan "
            "choralarni koʻrib chiqadi."
        ),
    ),
    RecommendationSpec(
        "REC-A-2025-01",
        WG_A,
        "[Sample] Train judges and prosecutors together",
        "Sample recommendation: judges and prosecutors from the region follow joint training on cases of returnees.",
        WG_A_2025,
        (3, 4),
        ("prosecution",),
        title_ru="[Пример] Совместное обучение судей и прокуроров",
        text_ru=(
            "Пример рекомендации: судьи и прокуроры стран региона проходят совместное обучение по делам вернувшихся."
        ),
        title_uz="[Namuna] Sudyalar va prokurorlarni birgalikda oʻqitish",
        # The text is left untranslated into Uzbek on purpose (see the module's docstring).
    ),
    RecommendationSpec(
        "REC-B-2024-01",
        WG_B,
        "[Sample] Common standards of trauma-informed care",
        "Sample recommendation: rehabilitation services adopt shared minimum standards of trauma-informed care.",
        WG_B_2024,
        (1, 4),
        ("rehabilitation",),
        title_ru="[Пример] Общие стандарты помощи с учётом психологической травмы",
        text_ru=(
            "Пример рекомендации: реабилитационные службы принимают общие минимальные стандарты помощи с учётом "
            "психологической травмы."
        ),
        title_uz="[Namuna] Psixologik jarohatni hisobga olgan holda yordam koʻrsatishning umumiy standartlari",
        text_uz=(
            "Namunaviy tavsiya: reabilitatsiya xizmatlari psixologik jarohatni hisobga olgan holda yordam "
            "koʻrsatishning umumiy minimal standartlarini joriy etadi."
        ),
    ),
    RecommendationSpec(
        "REC-B-2025-01",
        WG_B,
        "[Sample] Enrol returnee children in school quickly",
        "Sample recommendation: returnee children are enrolled in school within a set time after arrival, with "
        "catch-up classes where needed.",
        WG_B_2025,
        (1,),
        ("reintegration", "rehabilitation"),
        title_ru="[Пример] Быстро зачислять вернувшихся детей в школу",
        text_ru=(
            "Пример рекомендации: вернувшихся детей зачисляют в школу в установленный срок после прибытия, а при "
            "необходимости организуют для них занятия, чтобы наверстать упущенное."
        ),
        title_uz="[Namuna] Qaytgan bolalarni tezda maktabga qabul qilish",
        text_uz=(
            "Namunaviy tavsiya: qaytgan bolalar kelganidan soʻng belgilangan muddat ichida maktabga qabul qilinadi, "
            "zarur boʻlsa, ular uchun oʻtkazib yuborilgan mavzularni oʻzlashtirishga yordam beradigan qoʻshimcha "
            "darslar tashkil etiladi."
        ),
    ),
    RecommendationSpec(
        "REC-C-2024-01",
        WG_C,
        "[Sample] Give credible voices a role in counter-narratives",
        "Sample recommendation: counter-narrative work involves people whose experience gives them credibility "
        "with the audiences concerned.",
        WG_C_2024,
        (1, 2),
        ("rehabilitation", "reintegration"),
        title_ru="[Пример] Привлекать авторитетные голоса к работе над контрнарративами",
        text_ru=(
            "Пример рекомендации: к работе над контрнарративами привлекают людей, чей опыт вызывает доверие у тех, к "
            "кому они обращаются."
        ),
    ),
    RecommendationSpec(
        "REC-C-2025-01",
        WG_C,
        "[Sample] A shared regional library of counter-narrative materials",
        "Sample recommendation: member states pool counter-narrative materials in the region's languages.",
        WG_C_2025,
        (1, 3),
        ("reintegration",),
        # Title and text are left untranslated into Uzbek on purpose (see the module's docstring).
        title_ru="[Пример] Общая региональная библиотека контрнарративных материалов",
        text_ru=(
            "Пример рекомендации: государства-члены собирают в общий фонд контрнарративные материалы на языках региона."
        ),
    ),
    RecommendationSpec(
        "REC-C-2025-02",
        WG_C,
        "[Sample] Monitor recruitment narratives online",
        "Sample draft: a common method for monitoring the narratives used to recruit online.",
        None,
        (2,),
        ("rehabilitation",),
        title_ru="[Пример] Мониторинг вербовочных нарративов в интернете",
        text_ru="Пример проекта: общая методика мониторинга нарративов, с помощью которых вербуют в интернете.",
    ),
    RecommendationSpec(
        "REC-D-2024-01",
        WG_D,
        "[Sample] Involve women's groups in community reintegration",
        "Sample recommendation: local authorities involve women's organisations in planning reintegration in "
        "their communities.",
        WG_D_2024,
        (1,),
        ("reintegration",),
        title_ru="[Пример] Вовлекать женские организации в реинтеграцию на местах",
        text_ru=(
            "Пример рекомендации: местные органы власти привлекают женские организации к планированию реинтеграции в "
            "своих сообществах."
        ),
        title_uz="[Namuna] Xotin-qizlar tashkilotlarini mahalliy reintegratsiya ishlariga jalb etish",
        text_uz=(
            "Namunaviy tavsiya: mahalliy hokimiyat organlari oʻz hududlarida reintegratsiyani rejalashtirishga "
            "xotin-qizlar tashkilotlarini jalb qiladi."
        ),
    ),
    RecommendationSpec(
        "REC-D-2025-01",
        WG_D,
        "[Sample] Youth mentoring programmes",
        "Sample recommendation: youth organisations run mentoring programmes for young returnees.",
        WG_D_2025,
        (1, 4),
        ("reintegration", "rehabilitation"),
        title_ru="[Пример] Программы наставничества для молодёжи",
        text_ru=(
            "Пример рекомендации: молодёжные организации проводят программы наставничества для молодых людей, "
            "вернувшихся из зон конфликтов."
        ),
        title_uz="[Namuna] Yoshlar uchun murabbiylik dasturlari",
        text_uz=(
            "Namunaviy tavsiya: yoshlar tashkilotlari mojaro hududlaridan qaytgan yigit-qizlar uchun murabbiylik "
            "dasturlarini olib boradi."
        ),
    ),
)


# --- News --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewsSpec:
    """An announcement keyed on its slug.

    `on` is a fixed publication time, or a number of days from today (negative: in the
    past) at `at` o'clock in the Council's zone; a positive number schedules it: it is
    published but not shown before that time. A draft has no publication time.
    """

    slug: str
    title: str
    lead: str
    body: str
    on: datetime.datetime | int | None
    status: str = "published"
    at: datetime.time = datetime.time(10)
    title_ru: str | None = None
    title_uz: str | None = None
    lead_ru: str | None = None
    lead_uz: str | None = None
    body_ru: str | None = None
    body_uz: str | None = None


NEWS: tuple[NewsSpec, ...] = (
    # The two real announcements, from the reference, in all three languages.
    NewsSpec(
        slug="council-launched-in-tashkent-2024-05-14",
        title="Regional Expert Council launched in Tashkent",
        lead=(
            "The Central Asia Regional Expert Council on the Rehabilitation and Reintegration of Returnees from "
            "armed conflict zones held its First Meeting in Tashkent on 14 May 2024."
        ),
        body=(
            "Representatives of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan met in Tashkent on "
            "14 May 2024 for the Council's First Meeting, which marks the start of its work.\n\n"
            "The Council has an Executive Committee and four working groups: (a) accountability, legal and judicial "
            "issues; (b) psychosocial support, health and education; (c) countering terrorist narratives; and "
            "(d) civil society, including women's and youth groups. The groups are to meet regularly and agree their "
            "recommendations and proposed solutions by consensus."
        ),
        # Illustrative: the reference does not say when the launch was announced.
        on=datetime.datetime(2024, 5, 14, 19, 0, tzinfo=_TASHKENT),
        title_ru="В Ташкенте начал работу Региональный экспертный совет",
        lead_ru=(
            "14 мая 2024 года в Ташкенте прошло первое заседание Регионального экспертного совета Центральной Азии "
            "по реабилитации и реинтеграции лиц, вернувшихся из зон вооружённых конфликтов."
        ),
        body_ru=(
            "Представители Казахстана, Кыргызстана, Таджикистана, Туркменистана и Узбекистана собрались 14 мая "
            "2024 года в Ташкенте на первое заседание Совета, положившее начало его работе.\n\n"
            "В структуру Совета входят Исполнительный комитет и четыре рабочие группы: (a) привлечение к "
            "ответственности, правовые и судебные вопросы; (b) психосоциальная поддержка, здравоохранение и "
            "образование; (c) противодействие террористическим нарративам; (d) гражданское общество, включая "
            "женские и молодёжные организации. Группы будут регулярно собираться и принимать рекомендации и "
            "предложения консенсусом."
        ),
        title_uz="Toshkentda Mintaqaviy ekspertlar kengashi ish boshladi",
        lead_uz=(
            "2024-yil 14-mayda Toshkentda Qurolli mojaro hududlaridan qaytganlarni reabilitatsiya va reintegratsiya "
            "qilish boʻyicha Markaziy Osiyo mintaqaviy ekspertlar kengashining birinchi yigʻilishi boʻlib oʻtdi."
        ),
        body_uz=(
            "Qozogʻiston, Qirgʻiziston, Tojikiston, Turkmaniston va Oʻzbekiston vakillari 2024-yil 14-mayda "
            "Toshkentda Kengashning birinchi yigʻilishiga toʻplandi. Shu yigʻilish bilan Kengash oʻz faoliyatini "
            "boshladi.\n\n"
            "Kengash tarkibida Ijroiya qoʻmita va toʻrtta ishchi guruh faoliyat yuritadi: (a) javobgarlik, huquqiy "
            "va sud masalalari; (b) psixoijtimoiy yordam, sogʻliqni saqlash va taʼlim; (c) terrorchilik "
            "narrativlariga qarshi kurashish; (d) fuqarolik jamiyati, jumladan, xotin-qizlar va yoshlar "
            "tashkilotlari. Guruhlar muntazam ravishda yigʻilib, tavsiyalar va takliflarni konsensus asosida qabul "
            "qiladi."
        ),
    ),
    NewsSpec(
        slug="council-meets-on-the-roadmap-2024-07",
        title="Council meets to take forward the Uzbekistan–UNOCT Roadmap",
        lead=(
            "Members of the Regional Expert Council, representatives of the Central Asian states and more than ten "
            "international and regional organisations discussed the working groups' plans for 2024–2025 and a "
            "regional network of practitioners."
        ),
        body=(
            "The meeting, held in July 2024 under the Roadmap for cooperation between Uzbekistan and the UN Office "
            "of Counter-Terrorism for 2024–2025, was organised by the Institute for Strategic and Regional Studies "
            "under the President of Uzbekistan, the State Security Service of Uzbekistan, UNOCT and the UN Regional "
            "Centre for Preventive Diplomacy for Central Asia. Partners attending included UNICEF, UNODC, the ICRC, "
            "the OSCE, the European Union and GCERF.\n\n"
            "Participants looked back at the Council's First Meeting in Tashkent on 14 May, went through the "
            "working groups' preliminary plans for 2024–2025 and talked about how to build an informal regional "
            "network of people working on rehabilitation and reintegration.\n\n"
            "Speakers described the Council, created on the initiative of the President of Uzbekistan, as a place "
            "where the countries of the region compare their experience of bringing citizens home from conflict "
            "zones, and recalled that states had commended it at the UN Security Council on 23 July. They stressed "
            "that its work is in line with the four pillars of the UN Global Counter-Terrorism Strategy. "
            "Participants saw the Council as a dependable mechanism for cooperation on the rehabilitation and "
            "reintegration of returnees, and as a model other regions might follow."
        ),
        # The day of the meeting is our pick (see ROADMAP_MEETING); the announcement follows it.
        on=datetime.datetime(2024, 7, 25, 19, 0, tzinfo=_TASHKENT),
        title_ru="Совет обсудил реализацию «Дорожной карты» Узбекистана и Контртеррористического управления ООН",
        lead_ru=(
            "Члены Регионального экспертного совета, представители государств Центральной Азии и более десяти "
            "международных и региональных организаций обсудили планы рабочих групп на 2024–2025 годы и создание "
            "региональной сети практиков."
        ),
        body_ru=(
            "Заседание прошло в июле 2024 года в рамках «Дорожной карты» сотрудничества между Узбекистаном и "
            "Контртеррористическим управлением ООН на 2024–2025 годы. Его организовали Институт стратегических и "
            "межрегиональных исследований при Президенте Узбекистана, Служба государственной безопасности "
            "Узбекистана, Контртеррористическое управление ООН и Региональный центр ООН по превентивной дипломатии "
            "для Центральной Азии. В числе партнёров в заседании участвовали ЮНИСЕФ, УНП ООН, МККК, ОБСЕ, "
            "Европейский союз и GCERF.\n\n"
            "Участники подвели итоги первого заседания Совета, состоявшегося 14 мая в Ташкенте, рассмотрели "
            "предварительные планы рабочих групп на 2024–2025 годы и обсудили, как выстроить неформальную "
            "региональную сеть специалистов-практиков в области реабилитации и реинтеграции.\n\n"
            "Выступавшие назвали Совет, созданный по инициативе Президента Узбекистана, площадкой, где страны "
            "региона сопоставляют опыт возвращения своих граждан из зон конфликтов, и напомнили, что 23 июля на "
            "заседании Совета Безопасности ООН государства дали ему высокую оценку. Они подчеркнули, что работа "
            "Совета отвечает четырём направлениям Глобальной контртеррористической стратегии ООН. Участники сошлись "
            "во мнении, что Совет стал надёжным механизмом сотрудничества в реабилитации и реинтеграции вернувшихся "
            "и может служить примером для других регионов."
        ),
        title_uz=(
            "Kengash Oʻzbekiston va BMT Terrorizmga qarshi kurash boshqarmasi «Yoʻl xaritasi» ijrosini muhokama qildi"
        ),
        lead_uz=(
            "Mintaqaviy ekspertlar kengashi aʼzolari, Markaziy Osiyo davlatlari vakillari hamda oʻndan ortiq xalqaro "
            "va mintaqaviy tashkilotlar ishchi guruhlarning 2024–2025-yillarga moʻljallangan rejalarini va "
            "amaliyotchilarning mintaqaviy tarmogʻini yaratish masalalarini muhokama qildi."
        ),
        body_uz=(
            "Yigʻilish 2024-yil iyul oyida Oʻzbekiston va BMTning Terrorizmga qarshi kurash boshqarmasi oʻrtasidagi "
            "hamkorlik boʻyicha 2024–2025-yillarga moʻljallangan «Yoʻl xaritasi» doirasida oʻtkazildi. Uni "
            "Oʻzbekiston Prezidenti huzuridagi Strategik va mintaqalararo tadqiqotlar instituti, Oʻzbekiston Davlat "
            "xavfsizlik xizmati, BMTning Terrorizmga qarshi kurash boshqarmasi va BMTning Markaziy Osiyo uchun "
            "Preventiv diplomatiya boʻyicha mintaqaviy markazi tashkil etdi. Hamkorlardan YUNISEF, BMTning "
            "Giyohvand moddalar va jinoyatchilik boʻyicha boshqarmasi, Xalqaro Qizil Xoch qoʻmitasi, YXHT, Yevropa "
            "Ittifoqi va GCERF vakillari qatnashdi.\n\n"
            "Ishtirokchilar Kengashning 14-may kuni Toshkentda boʻlib oʻtgan birinchi yigʻilishi yakunlarini "
            "sarhisob qildilar, ishchi guruhlarning 2024–2025-yillarga moʻljallangan dastlabki rejalarini koʻrib "
            "chiqdilar hamda reabilitatsiya va reintegratsiya sohasidagi amaliyotchilarning norasmiy mintaqaviy "
            "tarmogʻini qanday shakllantirish haqida fikr almashdilar.\n\n"
            "Soʻzga chiqqanlar Oʻzbekiston Prezidenti tashabbusi bilan tuzilgan Kengashni mintaqa davlatlari oʻz "
            "fuqarolarini mojaro hududlaridan qaytarish tajribasini qiyoslaydigan maydon deb atadilar va 23-iyulda "
            "BMT Xavfsizlik Kengashi majlisida davlatlar unga yuksak baho berganini eslatdilar. Ular Kengash "
            "faoliyati BMTning Terrorizmga qarshi kurash global strategiyasining toʻrt yoʻnalishiga mos kelishini "
            "taʼkidladilar. Ishtirokchilar Kengash qaytganlarni reabilitatsiya va reintegratsiya qilishda "
            "hamkorlikning ishonchli mexanizmiga aylangani va boshqa mintaqalar uchun namuna boʻla olishi haqida "
            "yakdil fikr bildirdilar."
        ),
    ),
    # Sample announcements, dated from today. Only the call for practitioners is in Uzbek too;
    # the others are left untranslated into Uzbek on purpose.
    NewsSpec(
        slug="sample-call-for-practitioners",
        title="[Sample] Practitioners invited to join the regional network",
        lead=(
            "Sample announcement for the demo: social workers, psychologists, teachers and probation officers who "
            "work with returnees can ask to join the informal regional network of practitioners."
        ),
        body=(
            "Sample announcement for the demo.\n\n"
            "The informal regional network of practitioners brings together people who work directly with "
            "returnees and their families. Its members exchange methods, take part in working group meetings as "
            "experts and receive the Council's public materials.\n\n"
            "National focal points collect the applications. This text is demo data: no real call is open."
        ),
        on=-12,
        title_ru="[Пример] Практиков приглашают присоединиться к региональной сети",
        lead_ru=(
            "Пример объявления для демонстрации: социальные работники, психологи, педагоги и сотрудники службы "
            "пробации, работающие с вернувшимися, могут подать заявку на участие в неформальной региональной сети "
            "практиков."
        ),
        body_ru=(
            "Пример объявления для демонстрации.\n\n"
            "Неформальная региональная сеть практиков объединяет тех, кто непосредственно работает с вернувшимися "
            "и их семьями. Участники сети обмениваются методиками, участвуют в заседаниях рабочих групп в качестве "
            "экспертов и получают открытые материалы Совета.\n\n"
            "Заявки собирают национальные координаторы. Этот текст — демонстрационные данные: реального набора нет."
        ),
        title_uz="[Namuna] Amaliyotchilar mintaqaviy tarmoqqa qoʻshilishga taklif etiladi",
        lead_uz=(
            "Namoyish uchun namunaviy eʼlon: qaytganlar bilan ishlaydigan ijtimoiy xodimlar, psixologlar, "
            "oʻqituvchilar va probatsiya xodimlari amaliyotchilarning norasmiy mintaqaviy tarmogʻiga qoʻshilish "
            "uchun ariza berishlari mumkin."
        ),
        body_uz=(
            "Namoyish uchun namunaviy eʼlon.\n\n"
            "Amaliyotchilarning norasmiy mintaqaviy tarmogʻi qaytganlar va ularning oilalari bilan bevosita "
            "ishlaydigan mutaxassislarni birlashtiradi. Tarmoq aʼzolari ish usullari bilan oʻrtoqlashadi, ishchi "
            "guruhlar yigʻilishlarida ekspert sifatida qatnashadi va Kengashning ochiq materiallarini oladi.\n\n"
            "Arizalarni milliy koordinatorlar qabul qiladi. Ushbu matn namoyish maʼlumotlaridir: haqiqiy tanlov "
            "eʼlon qilinmagan."
        ),
    ),
    NewsSpec(
        slug="sample-civil-society-workshop-announced",
        title="[Sample] Working Group (d) to hold a regional civil society workshop",
        lead=(
            "Sample announcement for the demo: a one-day public workshop in Almaty on the part civil society plays "
            "in reintegration."
        ),
        body=(
            "Sample announcement for the demo.\n\n"
            "Working Group (d) invites civil society organisations and women's and youth groups from the five "
            "Central Asian states to a one-day workshop in Almaty. The programme and its translations are published "
            "with the meeting.\n\n"
            "This text is demo data."
        ),
        on=-3,
        title_ru="[Пример] Рабочая группа (d) проведёт региональный семинар для гражданского общества",
        lead_ru=(
            "Пример объявления для демонстрации: однодневный открытый семинар в Алматы о роли гражданского общества "
            "в реинтеграции."
        ),
        body_ru=(
            "Пример объявления для демонстрации.\n\n"
            "Рабочая группа (d) приглашает организации гражданского общества, женские и молодёжные объединения пяти "
            "государств Центральной Азии на однодневный семинар в Алматы. Программа и её переводы опубликованы на "
            "странице заседания.\n\n"
            "Этот текст — демонстрационные данные."
        ),
    ),
    NewsSpec(
        slug="sample-open-meeting-on-schooling",
        title="[Sample] Open meeting on returnee children in school",
        lead=(
            "Sample announcement for the demo: Working Group (b) held an open meeting on helping returnee children "
            "settle into school."
        ),
        body=(
            "Sample announcement for the demo.\n\n"
            "Teachers, psychologists and officials compared how schools in the region receive children who have "
            "come back from conflict zones, and how catch-up classes are organised.\n\n"
            "This text is demo data and reports no real discussion."
        ),
        on=-45,
        title_ru="[Пример] Открытое заседание о вернувшихся детях в школе",
        lead_ru=(
            "Пример объявления для демонстрации: рабочая группа (b) провела открытое заседание о том, как помочь "
            "вернувшимся детям освоиться в школе."
        ),
        body_ru=(
            "Пример объявления для демонстрации.\n\n"
            "Педагоги, психологи и представители государственных органов сравнили, как школы региона принимают "
            "детей, вернувшихся из зон конфликтов, и как организуются занятия, помогающие им наверстать "
            "упущенное.\n\n"
            "Этот текст — демонстрационные данные и не отражает реального обсуждения."
        ),
    ),
    # Scheduled: published, but its time has not come, so the site must not show it yet.
    NewsSpec(
        slug="sample-next-plenary-announced",
        title="[Sample] Date of the next plenary meeting announced",
        lead="Sample scheduled announcement for the demo: the site shows it only once its publication time has come.",
        body=(
            "Sample announcement for the demo.\n\n"
            "The Council's next plenary meeting will be held in Tashkent, where the working groups will report on "
            "their work plans.\n\n"
            "This text is demo data."
        ),
        on=5,
        title_ru="[Пример] Объявлена дата следующего пленарного заседания",
        lead_ru=(
            "Пример запланированного объявления для демонстрации: на сайте оно появится, только когда наступит "
            "время публикации."
        ),
        body_ru=(
            "Пример объявления для демонстрации.\n\n"
            "Следующее пленарное заседание Совета пройдёт в Ташкенте; рабочие группы отчитаются на нём о выполнении "
            "своих планов работы.\n\n"
            "Этот текст — демонстрационные данные."
        ),
    ),
    NewsSpec(
        slug="sample-first-year-draft",
        title="[Sample] The Council's first year (draft)",
        lead="Sample draft for the demo: not published.",
        body=(
            "Sample draft for the demo.\n\n"
            "A look back at the Council's first year: the meetings held, the recommendations adopted and the "
            "practitioners' network.\n\n"
            "This text is demo data."
        ),
        on=None,
        status="draft",
        title_ru="[Пример] Первый год работы Совета (черновик)",
        lead_ru="Пример черновика для демонстрации: не опубликован.",
        body_ru=(
            "Пример черновика для демонстрации.\n\n"
            "Обзор первого года работы Совета: проведённые заседания, принятые рекомендации и сеть практиков.\n\n"
            "Этот текст — демонстрационные данные."
        ),
    ),
)
