"""The demo data loaded by `manage.py seed_demo`: plain values only, no database access.

Facts about the Council (its bodies, member states, organisers, partners and the two
2024 meetings) come from the public news item in the design's reference folder and are
written here in our own words. Everything else is invented for the demo and labelled:
titles start with "[Sample]", organisations with "Sample", and sample people carry
obviously made-up surnames and "Sample:" positions.
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

# (ISO code, name, member state). International organisations need no country.
COUNTRIES: tuple[tuple[str, str, bool], ...] = (
    ("KZ", "Kazakhstan", True),
    ("KG", "Kyrgyzstan", True),
    ("TJ", "Tajikistan", True),
    ("TM", "Turkmenistan", True),
    ("UZ", "Uzbekistan", True),
)
MEMBER_STATES: tuple[str, ...] = tuple(code for code, _name, member in COUNTRIES if member)


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
    ),
    OrganizationSpec(
        slug="sample-family-support-centre",
        name="Sample Centre for Family Support",
        acronym="",
        kind="ngo",
        country="KG",
        partner_role="",
        description="Sample organisation for the demo: a non-governmental centre that counsels returnee families.",
    ),
    OrganizationSpec(
        slug="sample-youth-initiative-network",
        name="Sample Youth Initiative Network",
        acronym="",
        kind="ngo",
        country="TJ",
        partner_role="",
        description="Sample organisation for the demo: a network of youth clubs running mentoring programmes.",
    ),
    OrganizationSpec(
        slug="sample-institute-social-research",
        name="Sample Institute of Social Research",
        acronym="",
        kind="academic",
        country="KZ",
        partner_role="",
        description="Sample organisation for the demo: a university institute studying radicalisation and return.",
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


VENUES: dict[str, VenueSpec] = {
    # The reference names Tashkent, not the hall; the ISRS hall is where the demo puts them.
    "tashkent": VenueSpec("ISRS conference hall", "Tashkent", "UZ", "Asia/Tashkent"),
    "almaty": VenueSpec("Sample Conference Centre", "Almaty", "KZ", "Asia/Almaty", "Sample address, Almaty"),
    "bishkek": VenueSpec("Sample Conference Centre", "Bishkek", "KG", "Asia/Bishkek", "Sample address, Bishkek"),
    "dushanbe": VenueSpec("Sample Conference Centre", "Dushanbe", "TJ", "Asia/Dushanbe", "Sample address, Dushanbe"),
    "ashgabat": VenueSpec("Sample Conference Centre", "Ashgabat", "TM", "Asia/Ashgabat", "Sample address, Ashgabat"),
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


def _t(hour: int, minute: int = 0) -> datetime.time:
    return datetime.time(hour, minute)


def sample_agenda(topic: str, level: str, *, plenary: bool = False, closed: bool = False) -> tuple[AgendaSpec, ...]:
    """Return a sample agenda whose items are never more open than the meeting itself."""
    items = [
        AgendaSpec("[Sample] Opening and adoption of the agenda", level, 10),
        AgendaSpec(f"[Sample] {topic}", level, 60, "Presentation followed by discussion."),
        AgendaSpec("[Sample] Progress on the 2024–2025 work plan", at_least(level, COUNCIL), 30),
    ]
    if not plenary:  # A plenary has no body, so nothing in it can be at Group level.
        items.append(AgendaSpec("[Sample] Draft recommendations for consensus", at_least(level, GROUP), 45))
    if closed:
        items.append(
            AgendaSpec(
                "[Sample] Closed session: review of individual cases",
                RESTRICTED,
                30,
                "Only the named participants take part in this item.",
            )
        )
    items.append(AgendaSpec("[Sample] Any other business and date of the next meeting", level, 15))
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
            AgendaSpec("Opening of the Council", PUBLIC, 30),
            AgendaSpec("Structure of the Council: the Executive Committee and four working groups", PUBLIC, 90),
            AgendaSpec("Next steps", PUBLIC, 30),
        ),
        participants=(),
        summary=SummarySpec(
            slug="first-meeting-of-the-council",
            title="The Council holds its First Meeting in Tashkent",
            text=FIRST_MEETING_SUMMARY,
            # Illustrative: the reference does not say when a summary was published.
            published_at=datetime.datetime(2024, 5, 14, 18, 0, tzinfo=_TASHKENT),
        ),
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
            AgendaSpec("Results of the First Meeting of the Council (14 May 2024)", PUBLIC, 45),
            AgendaSpec("Preliminary plans of the working groups for 2024–2025", PUBLIC, 120),
            AgendaSpec(
                "Developing an informal regional network of practitioners in rehabilitation and reintegration",
                PUBLIC,
                60,
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
    short_name: str = "",
) -> MeetingSpec:
    return MeetingSpec(
        slug=slug,
        title=f"[Sample] {short_name}: {topic}",
        body=body,
        kind="regular",
        status="held",
        level=level,
        on=day,
        start=_t(9, 30),
        end=_t(16),
        venue=venue,
        online=venue is None,
        description="Sample meeting for the demo.",
        agenda=sample_agenda(topic, level),
        minutes=minutes,
        actions=actions,
        documents=documents,
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
        short_name="Executive Committee",
        actions=(
            ActionSpec(
                "[Sample] Circulate the rules of procedure to all members", "rustam.specimenov", COUNCIL, "done", 14
            ),
        ),
    ),
    _fixed(
        EXEC_2025,
        EXECUTIVE,
        datetime.date(2025, 3, 11),
        "Setting up the informal network of practitioners",
        "tashkent",
        GROUP,
        MinutesSpec("approved", GROUP, version=2),
        short_name="Executive Committee",
        actions=(
            ActionSpec(
                "[Sample] Invite each member state to name practitioners for the network",
                EXEC,
                GROUP,
                "in_progress",
                60,
            ),
        ),
    ),
    _fixed(
        WG_A_2024,
        WG_A,
        datetime.date(2024, 10, 15),
        "Comparing national legal frameworks",
        "almaty",
        GROUP,
        MinutesSpec("approved", GROUP),
        short_name="Working Group (a)",
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
    ),
    _fixed(
        WG_A_2025,
        WG_A,
        datetime.date(2025, 4, 16),
        "Training needs of judges and prosecutors",
        "bishkek",
        COUNCIL,
        MinutesSpec("approved", COUNCIL),
        short_name="Working Group (a)",
        actions=(
            ActionSpec(
                "[Sample] Draft the outline of a regional training course",
                "aigerim.samplova",
                COUNCIL,
                "in_progress",
                90,
            ),
        ),
    ),
    _fixed(
        WG_B_2024,
        WG_B,
        datetime.date(2024, 10, 22),
        "Psychosocial services available to returnees",
        "dushanbe",
        GROUP,
        MinutesSpec("approved", GROUP),
        short_name="Working Group (b)",
        actions=(
            ActionSpec("[Sample] Compile the survey of rehabilitation services", "aizada.demova", GROUP, "done", 30),
        ),
    ),
    _fixed(
        WG_B_2025,
        WG_B,
        datetime.date(2025, 4, 23),
        "Schooling for returnee children",
        "tashkent",
        COUNCIL,
        MinutesSpec("approved", COUNCIL),
        short_name="Working Group (b)",
    ),
    _fixed(
        WG_C_2024,
        WG_C,
        datetime.date(2024, 11, 5),
        "Counter-narrative materials in the region's languages",
        "ashgabat",
        GROUP,
        MinutesSpec("approved", GROUP),
        short_name="Working Group (c)",
        actions=(
            ActionSpec("[Sample] Collect counter-narrative materials in Uzbek and Tajik", WGC, GROUP, "done", 45),
        ),
    ),
    _fixed(
        WG_C_2025,
        WG_C,
        datetime.date(2025, 5, 14),
        "Credible voices",
        None,
        GROUP,
        MinutesSpec("approved", GROUP),
        short_name="Working Group (c)",
    ),
    _fixed(
        WG_D_2024,
        WG_D,
        datetime.date(2024, 11, 19),
        "Mapping civil society organisations",
        "bishkek",
        COUNCIL,
        MinutesSpec("approved", COUNCIL),
        short_name="Working Group (d)",
    ),
    _fixed(
        WG_D_2025,
        WG_D,
        datetime.date(2025, 5, 20),
        "Women's groups in community reintegration",
        "almaty",
        PUBLIC,
        MinutesSpec("approved", PUBLIC),
        short_name="Working Group (d)",
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
        agenda=sample_agenda("Reports of the working groups", PUBLIC, plenary=True),
        participants=(),
        organisers=ORGANISERS,
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
        agenda=sample_agenda("Support from partners for the practitioners' network", RESTRICTED, plenary=True),
        participants=("rustam.specimenov", "dilnoza.specimenova", "sophie.example", PARTNER),
        minutes=MinutesSpec("approved", RESTRICTED),
        attending=("unicef", "unodc"),
        documents=(_doc("[Sample] Partners' funding overview", "funding-overview-en.txt", "en", RESTRICTED),),
        actions=(ActionSpec("[Sample] Share the partners' training calendar", PARTNER, RESTRICTED, "open", 30),),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Progress of the four working groups", COUNCIL),
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
        agenda=sample_agenda("A repatriation request", RESTRICTED, closed=True),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Programme of the next plenary meeting", GROUP),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Priorities for the next work plans", COUNCIL),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Alternatives to detention for minors", GROUP),
        minutes=MinutesSpec("circulated", GROUP, version=2),
        actions=(ActionSpec("[Sample] Revise the draft guidance after comments", WGA, GROUP, "open", 20),),
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
        agenda=sample_agenda("Pending cases of returnees", RESTRICTED, closed=True),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Legal aid for returnees", GROUP, closed=True),
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
        agenda=sample_agenda("Cooperation with national prosecution services", RESTRICTED),
        participants=("aigerim.samplova", "bakyt.demoyev"),
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
        agenda=sample_agenda("Study visit to a court", COUNCIL),
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
        description="Sample meeting for the demo: its agenda has items at every level.",
        agenda=sample_agenda("Returnee children in school", PUBLIC, closed=True),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Health services for returnees", GROUP),
        minutes=MinutesSpec("draft", GROUP),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Exchange between rehabilitation centres", GROUP),
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
        agenda=sample_agenda("School counselling", COUNCIL),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Narratives online", GROUP),
        minutes=MinutesSpec("approved", GROUP),
        actions=(
            ActionSpec("[Sample] Draft a monitoring method for online narratives", "merdan.mockov", GROUP, "open", 30),
        ),
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
        agenda=sample_agenda("Recruitment material seen in the region", RESTRICTED, closed=True),
        participants=("merdan.mockov", "jasur.pilotov", "maral.testova", WGC),
        minutes=MinutesSpec("draft", RESTRICTED),
        actions=(ActionSpec("[Sample] Annotate the recruitment material for the group", WGC, RESTRICTED, "open", 14),),
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
        agenda=sample_agenda("Follow-up on recruitment material", RESTRICTED),
        participants=("merdan.mockov", "jasur.pilotov", WGC),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Evaluating counter-narrative campaigns", GROUP),
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
        agenda=sample_agenda("Media literacy for young people", PUBLIC),
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
        description="Sample meeting for the demo.",
        agenda=sample_agenda("Youth mentoring", COUNCIL),
        minutes=MinutesSpec("circulated", COUNCIL),
        actions=(
            ActionSpec("[Sample] Report on the youth mentoring pilot", "tahmina.exemplova", COUNCIL, "in_progress", 60),
        ),
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
        agenda=sample_agenda("Civil society and reintegration", PUBLIC),
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
        agenda=sample_agenda("Small grants for local organisations", GROUP),
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


def plan_summary(short_name: str) -> str:
    """Return the public summary of a body's 2024–2025 work plan."""
    return (
        f"The {short_name}'s plan of work for 2024–2025. The working groups' preliminary plans were "
        "discussed at the Council's meeting in July 2024. The items listed are sample entries for the demo."
    )


WORK_PLANS: dict[str, tuple[PlanItemSpec, ...]] = {
    EXECUTIVE: (
        PlanItemSpec("Agree the rules of procedure of the working groups", "done", 2024, 3, (EXEC_2024,)),
        PlanItemSpec(
            "Present the working groups' preliminary plans for 2024–2025", "done", 2024, 3, (ROADMAP_MEETING,)
        ),
        PlanItemSpec(
            "Set up the informal regional network of practitioners",
            "in_progress",
            2025,
            4,
            (EXEC_2025, PLENARY_PARTNERS),
        ),
        PlanItemSpec("Prepare the Council's next plenary meeting", "planned", 2025, 4, (PLENARY_NEXT, EXEC_NEXT)),
        PlanItemSpec("Report on how the adopted recommendations are implemented", "planned", 2025, 4),
    ),
    WG_A: (
        PlanItemSpec("Compare national legal frameworks applied to returnees", "done", 2024, 4, (WG_A_2024,)),
        PlanItemSpec("Exchange practice on prosecuting and sentencing returnees", "done", 2025, 1),
        PlanItemSpec("Draft guidance on alternatives to detention for minors", "in_progress", 2025, 3, (WG_A_RECENT,)),
        PlanItemSpec(
            "Design a regional training course for judges and prosecutors", "in_progress", 2025, 4, (WG_A_2025,)
        ),
        PlanItemSpec("Review legal aid available to returnees", "planned", 2025, 4, (WG_A_NEXT,)),
    ),
    WG_B: (
        PlanItemSpec("Survey the psychosocial services available to returnees", "done", 2024, 4, (WG_B_2024,)),
        PlanItemSpec("Agree common standards of trauma-informed care", "done", 2025, 2),
        PlanItemSpec(
            "Support school enrolment and catch-up classes for returnee children", "in_progress", 2025, 3, (WG_B_2025,)
        ),
        PlanItemSpec("Organise exchange visits between rehabilitation centres", "planned", 2025, 4),
    ),
    WG_C: (
        PlanItemSpec("Collect counter-narrative materials in the region's languages", "done", 2024, 4, (WG_C_2024,)),
        PlanItemSpec(
            "Identify credible voices, including former returnees' families", "in_progress", 2025, 2, (WG_C_2025,)
        ),
        PlanItemSpec("Hold a regional workshop on narratives online", "planned", 2025, 4),
        PlanItemSpec("Evaluate the impact of counter-narrative campaigns", "planned", 2025, 4),
    ),
    WG_D: (
        PlanItemSpec("Map civil society organisations working on reintegration", "done", 2024, 4, (WG_D_2024,)),
        PlanItemSpec("Describe the role of women's groups in community reintegration", "done", 2025, 2, (WG_D_2025,)),
        PlanItemSpec("Run a youth mentoring pilot", "in_progress", 2025, 3),
        PlanItemSpec("Propose a small-grants scheme for local organisations", "planned", 2025, 4),
        PlanItemSpec("Hold a regional civil society workshop", "planned", 2025, 4, (WG_D_WORKSHOP,)),
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
    ),
    RecommendationSpec(
        "REC-A-2024-02",
        WG_A,
        "[Sample] Prefer alternatives to detention for minors",
        "Sample recommendation: when a returnee is a minor, courts consider alternatives to detention first.",
        WG_A_2024,
        (4,),
        ("prosecution", "rehabilitation"),
    ),
    RecommendationSpec(
        "REC-A-2025-01",
        WG_A,
        "[Sample] Train judges and prosecutors together",
        "Sample recommendation: judges and prosecutors from the region follow joint training on cases of returnees.",
        WG_A_2025,
        (3, 4),
        ("prosecution",),
    ),
    RecommendationSpec(
        "REC-B-2024-01",
        WG_B,
        "[Sample] Common standards of trauma-informed care",
        "Sample recommendation: rehabilitation services adopt shared minimum standards of trauma-informed care.",
        WG_B_2024,
        (1, 4),
        ("rehabilitation",),
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
    ),
    RecommendationSpec(
        "REC-C-2025-01",
        WG_C,
        "[Sample] A shared regional library of counter-narrative materials",
        "Sample recommendation: member states pool counter-narrative materials in the region's languages.",
        WG_C_2025,
        (1, 3),
        ("reintegration",),
    ),
    RecommendationSpec(
        "REC-C-2025-02",
        WG_C,
        "[Sample] Monitor recruitment narratives online",
        "Sample draft: a common method for monitoring the narratives used to recruit online.",
        None,
        (2,),
        ("rehabilitation",),
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
    ),
    RecommendationSpec(
        "REC-D-2025-01",
        WG_D,
        "[Sample] Youth mentoring programmes",
        "Sample recommendation: youth organisations run mentoring programmes for young returnees.",
        WG_D_2025,
        (1, 4),
        ("reintegration", "rehabilitation"),
    ),
)
