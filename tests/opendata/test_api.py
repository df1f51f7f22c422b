"""The open-data API: what it shows, what it never shows, bad input, query counts and its docs page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.apps import apps
from django.utils import timezone

from core.languages import CODES
from meetings.models import Level, Meeting, MeetingOrganization, PublicSummary
from tests.factories import (
    TASHKENT,
    ActionItemFactory,
    AgendaItemFactory,
    CountryFactory,
    DocumentFactory,
    MeetingFactory,
    MemberFactory,
    MembershipFactory,
    MinutesFactory,
    OrganizationFactory,
    ParticipationFactory,
    PublicSummaryFactory,
    RecommendationFactory,
    ReservationFactory,
    RoadmapFactory,
    RoadmapItemFactory,
    VenueFactory,
    WorkingGroupFactory,
    WorkPlanItemFactory,
    report_implementation,
)
from workinggroups.models import Implementation, Membership, Pillar, Recommendation, Roadmap, Theme, WorkingGroup

API = "/api/v1"
MARKER = "LEAK-MARKER-7f3a"
LISTS = ["meetings", "summaries", "working-groups", "recommendations", "roadmaps"]


def _texts(**given: str) -> dict[str, str | None]:
    """Return a public text as the API writes it: a key for every language, null where none is given."""
    assert set(given) <= set(CODES), given
    return {code: given.get(code) for code in CODES}


UZBEKISTAN = {"code": "UZ", "name": _texts(en="Uzbekistan")}


def _at(year: int, month: int, day: int, hour: int = 10) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=TASHKENT)


@pytest.fixture
def world(group_a, executive):
    """A public meeting with everything around it, and confidential things carrying the marker everywhere."""
    uz = CountryFactory(code="UZ")
    kz = CountryFactory(code="KZ")
    tashkent = VenueFactory(name="Congress hall", city="Tashkent", address=f"{MARKER} street 1", country=uz)
    unoct = OrganizationFactory(name="UN Office of Counter-Terrorism", acronym="UNOCT")
    first = MeetingFactory(
        slug="first-meeting",
        title="First Meeting of the Council",
        title_ru="Первое заседание Совета",
        body=group_a,
        kind=Meeting.Kind.PLENARY,
        status=Meeting.Status.HELD,
        level=Level.PUBLIC,
        starts_at=_at(2024, 5, 14),
        ends_at=_at(2024, 5, 14, 17),
        venue=tashkent,
        online_url=f"https://video.example.org/{MARKER}",
        description=f"Shown at the meeting's level, but not in the API: {MARKER}",
    )
    AgendaItemFactory(meeting=first, order=1, level=Level.PUBLIC, title="Opening", minutes_allotted=20)
    AgendaItemFactory(meeting=first, order=2, level=Level.COUNCIL, title=f"Council item {MARKER}")
    AgendaItemFactory(meeting=first, order=3, level=Level.RESTRICTED, title=f"Restricted item {MARKER}")
    MeetingOrganization.objects.create(meeting=first, organization=unoct, role=MeetingOrganization.Role.ORGANISER)
    PublicSummaryFactory(meeting=first, slug="first-meeting-summary", title="The Council is launched")
    # Around the public meeting: people, papers, minutes and tasks the API never shows.
    secret_person = MemberFactory(
        first_name=f"Hidden {MARKER}", email=f"{MARKER.lower()}@example.org", phone=f"+998 {MARKER}"
    )
    ParticipationFactory(meeting=first, member=secret_person)
    DocumentFactory(meeting=first, level=Level.PUBLIC, title=f"Paper {MARKER}")
    MinutesFactory(meeting=first, level=Level.PUBLIC, text=f"Minutes {MARKER}")
    ActionItemFactory(meeting=first, level=Level.PUBLIC, title=f"Task {MARKER}", owner=secret_person)
    AgendaItemFactory(meeting=first, order=4, level=Level.PUBLIC, presenter=secret_person, title="Presented")

    # Meetings the public may not see, each with a public item and a published summary.
    for level in (Level.COUNCIL, Level.GROUP, Level.RESTRICTED):
        hidden = MeetingFactory(
            slug=f"hidden-{level}",
            title=f"Hidden {level} meeting {MARKER}",
            body=group_a,
            level=level,
            starts_at=_at(2024, 9, 1),
            ends_at=_at(2024, 9, 1, 12),
            # A hall each: one hall booked three times at once would clash (meetings.clashes).
            venue=VenueFactory(name=f"Hall {MARKER} {level}", city="Almaty", country=kz),
        )
        AgendaItemFactory(meeting=hidden, level=Level.PUBLIC, title=f"Public item of a hidden meeting {MARKER}")
        PublicSummaryFactory(meeting=hidden, slug=f"summary-of-hidden-{level}", title=f"Summary of a {level} meeting")
    # Summaries not yet public: a draft and one scheduled for tomorrow.
    later = MeetingFactory(slug="later-meeting", body=group_a, level=Level.PUBLIC, starts_at=_at(2024, 10, 1))
    PublicSummaryFactory(
        meeting=later, slug="draft-summary", title=f"Draft {MARKER}", status=PublicSummary.Status.DRAFT
    )
    tomorrow = MeetingFactory(slug="tomorrow-meeting", body=executive, level=Level.PUBLIC, starts_at=_at(2024, 11, 1))
    PublicSummaryFactory(
        meeting=tomorrow,
        slug="scheduled-summary",
        title=f"Scheduled {MARKER}",
        published_at=timezone.now() + datetime.timedelta(days=1),
    )

    # Recommendations: one adopted, one draft, one withdrawn.
    # The pillars and themes come with the migrations; name these two here, in some languages only.
    pillar = Pillar.objects.get(number=4)
    Pillar.objects.filter(pk=pillar.pk).update(
        name_en="Human rights and the rule of law", name_ru="Права человека", name_uz=""
    )
    theme = Theme.objects.get(slug="reintegration")
    Theme.objects.filter(pk=theme.pk).update(name_en="Reintegration", name_ru="", name_uz="")
    adopted = RecommendationFactory(
        code="REC-A-2024-01", group=group_a, title="Support returnees' families", adopted_at=first
    )
    adopted.pillars.add(pillar)
    adopted.themes.add(theme)
    report_implementation(
        adopted,
        uz,
        Implementation.Status.NOT_STARTED,
        as_of=datetime.date(2024, 9, 1),
        reported_by="secretariat",
        source="Statement at the meeting",
    )
    report_implementation(
        adopted,
        uz,
        Implementation.Status.IN_PROGRESS,
        as_of=datetime.date(2025, 2, 1),
        source="National report",
        source_url="https://example.org/report",
        note={"en": "A programme started.", "ru": "Программа начата."},
    )
    # The consensus: a public reservation by a state, a public statement by an organisation, and one for the record.
    ReservationFactory(recommendation=adopted, order=1, country=kz, text="Applied within national law.")
    ReservationFactory(
        recommendation=adopted, order=2, country=None, organization=unoct, kind="statement", text="UNOCT will help."
    )
    ReservationFactory(recommendation=adopted, order=3, country=uz, text=f"For the record {MARKER}", is_public=False)
    RecommendationFactory(code="REC-A-DRAFT", group=group_a, title=f"Draft {MARKER}", status="draft", adopted_on=None)
    RecommendationFactory(code="REC-A-GONE", group=group_a, title=f"Withdrawn {MARKER}", status="withdrawn")

    # Chairs: only the current, active, consenting chair is public.
    chair = MemberFactory(
        first_name="Dilnoza",
        last_name="Chair",
        public_profile=True,
        country=uz,
        email=f"chair-{MARKER.lower()}@example.org",
        phone=f"+998 71 {MARKER}",
        bio=f"Bio {MARKER}",
    )
    MembershipFactory(member=chair, group=group_a, role=Membership.Role.CHAIR)
    MembershipFactory(member=MemberFactory(first_name=f"Private {MARKER}"), group=group_a, role=Membership.Role.CHAIR)
    MembershipFactory(
        member=MemberFactory(first_name=f"Former {MARKER}", public_profile=True, is_active=False),
        group=group_a,
        role=Membership.Role.CO_CHAIR,
    )
    MembershipFactory(
        member=MemberFactory(first_name=f"Past {MARKER}", public_profile=True),
        group=group_a,
        role=Membership.Role.CHAIR,
        start_date=datetime.date(2023, 1, 1),
        end_date=datetime.date(2023, 12, 31),
    )
    MembershipFactory(
        member=MemberFactory(first_name=f"Plain member {MARKER}", public_profile=True),
        group=group_a,
        role=Membership.Role.MEMBER,
    )
    dissolved = WorkingGroupFactory(
        letter="d", name=f"Dissolved group {MARKER}", slug="working-group-d", is_active=False
    )

    # A roadmap: its item was advanced by the public meeting and a closed one, and is carried by a task of
    # working group (a) and one of the dissolved group (d). A draft roadmap beside it.
    roadmap = RoadmapFactory(
        slug="uz-unoct-2024-2025", title="Roadmap 2024–2025", title_ru="Дорожная карта", description="Cooperation."
    )
    roadmap.countries.add(uz)
    roadmap.organizations.add(unoct)
    item = RoadmapItemFactory(roadmap=roadmap, order=1, title="Launch the Council", status="done", due_quarter=2)
    item.meetings.set([first, Meeting.objects.get(slug="hidden-group")])
    item.work_plan_items.set(
        [
            WorkPlanItemFactory(plan__group=group_a, title="Compare the laws", status="done"),
            WorkPlanItemFactory(plan__group=dissolved, title=f"Task {MARKER}"),
        ]
    )
    RoadmapFactory(slug="draft-roadmap", title=f"Draft roadmap {MARKER}", status=Roadmap.Status.DRAFT)
    return {"meeting": first, "recommendation": adopted, "pillar": pillar, "theme": theme}


# The records of the world above that the public may not see: the API answers 404 as for no record.
HIDDEN = [
    "meetings/hidden-council",
    "meetings/hidden-group",
    "meetings/hidden-restricted",
    "summaries/draft-summary",
    "summaries/scheduled-summary",
    "recommendations/REC-A-DRAFT",
    "recommendations/REC-A-GONE",
    "working-groups/working-group-d",
    "roadmaps/draft-roadmap",
]


def _urls() -> list[str]:
    """Return every list and detail address of the API, for public and hidden records alike."""
    urls = [f"{API}/{name}?limit=100" for name in LISTS]
    urls += [f"{API}/meetings/{slug}" for slug in Meeting.objects.values_list("slug", flat=True)]
    urls += [f"{API}/summaries/{slug}" for slug in PublicSummary.objects.values_list("slug", flat=True)]
    urls += [f"{API}/working-groups/{slug}" for slug in ("working-group-a", "executive-committee", "working-group-d")]
    urls += [f"{API}/recommendations/{code}" for code in Recommendation.objects.values_list("code", flat=True)]
    urls += [f"{API}/roadmaps/{slug}" for slug in Roadmap.objects.values_list("slug", flat=True)]
    urls += [f"{API}/openapi.json", f"{API}/docs"]
    return urls


# --- Nothing confidential, whoever asks -------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["anonymous", "secretariat", "chair", "exec_member"], indirect=True)
def test_no_response_ever_carries_confidential_text(client, persona, world):
    if persona.is_authenticated:
        client.force_login(persona)
    for url in _urls():
        response = client.get(url)
        assert response.status_code == (404 if url.removeprefix(f"{API}/") in HIDDEN else 200), url
        assert MARKER.lower() not in response.content.decode().lower(), url


@pytest.mark.django_db
def test_the_secretariat_gets_exactly_what_the_public_gets(client, secretariat, world):
    anonymous = {url: client.get(url).content for url in _urls() if "/docs" not in url}
    client.force_login(secretariat)
    for url, body in anonymous.items():
        assert client.get(url).content == body, url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        *HIDDEN,
        "meetings/no-such-meeting",
        "summaries/no-such-summary",
        "working-groups/no-such-group",
        "recommendations/NO-SUCH-CODE",
        "roadmaps/no-such-roadmap",
    ],
)
def test_what_the_public_may_not_see_answers_404(client, secretariat, world, path):
    client.force_login(secretariat)  # The session changes nothing.
    response = client.get(f"{API}/{path}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


# --- What each record shows -------------------------------------------------------------------


@pytest.mark.django_db
def test_a_meeting_shows_its_public_facts_only(client, world):
    data = client.get(f"{API}/meetings/first-meeting").json()
    assert set(data) == {
        "slug",
        "title",
        "kind",
        "status",
        "starts_at",
        "ends_at",
        "time_zone",
        "body",
        "venue",
        "organizations",
        "agenda",
        "summary_slug",
        "url",
    }
    assert data["title"] == _texts(en="First Meeting of the Council", ru="Первое заседание Совета")
    assert (data["kind"], data["status"], data["time_zone"]) == ("plenary", "held", "Asia/Tashkent")
    # Wall-clock time at the venue, with its offset.
    assert data["starts_at"] == "2024-05-14T10:00:00+05:00"
    assert data["ends_at"] == "2024-05-14T17:00:00+05:00"
    assert data["body"]["slug"] == "working-group-a"
    assert data["venue"] == {"city": _texts(en="Tashkent"), "country": UZBEKISTAN}
    assert data["organizations"] == [
        {
            "name": _texts(en="UN Office of Counter-Terrorism"),
            "acronym": "UNOCT",
            "role": "organiser",
        }
    ]
    # Positions count public items only: the hidden items 2 and 3 leave no gap.
    assert [(item["position"], item["title"]["en"], item["minutes_allotted"]) for item in data["agenda"]] == [
        (1, "Opening", 20),
        (2, "Presented", 15),
    ]
    assert set(data["agenda"][0]) == {"position", "title", "minutes_allotted"}
    assert data["summary_slug"] == "first-meeting-summary"
    assert data["url"] == "http://testserver/en/meetings/first-meeting/"


@pytest.mark.django_db
def test_a_meeting_names_only_a_published_summary(client, world):
    assert client.get(f"{API}/meetings/later-meeting").json()["summary_slug"] is None
    assert client.get(f"{API}/meetings/tomorrow-meeting").json()["summary_slug"] is None


@pytest.mark.django_db
def test_a_summary_names_its_meeting_only_when_the_meeting_is_public(client, world, group_a):
    public = client.get(f"{API}/summaries/first-meeting-summary").json()
    assert set(public) == {"slug", "title", "text", "published_at", "meeting", "body", "url"}
    assert public["meeting"] == {
        "slug": "first-meeting",
        "title": _texts(en="First Meeting of the Council", ru="Первое заседание Совета"),
        "starts_at": "2024-05-14T10:00:00+05:00",
    }
    assert public["body"] == {"slug": "working-group-a", "name": _texts(en="Working Group (a)")}
    assert public["url"] == "http://testserver/en/summaries/first-meeting-summary/"
    hidden = client.get(f"{API}/summaries/summary-of-hidden-council").json()
    assert hidden["meeting"] is None
    assert hidden["title"]["en"] == "Summary of a council meeting"


@pytest.mark.django_db
def test_a_working_group_shows_its_public_chairs_and_adopted_recommendations(client, world):
    data = client.get(f"{API}/working-groups/working-group-a").json()
    assert set(data) == {
        "slug",
        "letter",
        "kind",
        "name",
        "short_name",
        "mandate",
        "chairs",
        "adopted_recommendations",
        "url",
    }
    assert data["chairs"] == [{"name": "Dilnoza Chair", "role": "chair", "country": UZBEKISTAN}]
    assert data["adopted_recommendations"] == 1
    assert (data["letter"], data["kind"]) == ("a", "working_group")
    assert data["url"] == "http://testserver/en/groups/working-group-a/"
    executive = client.get(f"{API}/working-groups/executive-committee").json()
    assert (executive["letter"], executive["kind"], executive["chairs"]) == (None, "executive", [])
    listed = client.get(f"{API}/working-groups").json()
    assert [group["slug"] for group in listed["items"]] == ["executive-committee", "working-group-a"]


@pytest.mark.django_db
def test_a_recommendation_shows_its_pillars_themes_and_implementation(client, world):
    data = client.get(f"{API}/recommendations/REC-A-2024-01").json()
    assert data["code"] == "REC-A-2024-01"
    assert data["group"]["slug"] == "working-group-a"
    assert data["adopted_on"] == "2024-07-25"
    assert data["adopted_at"]["slug"] == "first-meeting"
    (pillar,) = data["pillars"]
    assert pillar["number"] == 4
    # The regional languages' names come from the GCTS pillars' own migration (workinggroups 0012).
    assert {code: pillar["name"][code] for code in ("en", "ru", "uz")} == {
        "en": "Human rights and the rule of law",
        "ru": "Права человека",
        "uz": None,
    }
    (theme,) = data["themes"]
    assert theme["slug"] == "reintegration"
    assert {code: theme["name"][code] for code in ("en", "ru", "uz")} == {"en": "Reintegration", "ru": None, "uz": None}
    # The public reservations only, in the order of the record, each by a state or an organisation.
    assert data["reservations"] == [
        {
            "kind": "reservation",
            "country": {"code": "KZ", "name": _texts(en="Kazakhstan")},
            "organization": None,
            "text": _texts(en="Applied within national law."),
        },
        {
            "kind": "statement",
            "country": None,
            "organization": {"name": _texts(en="UN Office of Counter-Terrorism"), "acronym": "UNOCT"},
            "text": _texts(en="UNOCT will help."),
        },
    ]
    # The current status is the latest report; the history has every report, newest first.
    assert data["implementation"] == [
        {
            "country": UZBEKISTAN,
            "status": "in_progress",
            "as_of": "2025-02-01",
            "note": _texts(en="A programme started.", ru="Программа начата."),
            "history": [
                {
                    "status": "in_progress",
                    "as_of": "2025-02-01",
                    "reported_by": "representative",
                    "source": "National report",
                    "source_url": "https://example.org/report",
                    "note": _texts(en="A programme started.", ru="Программа начата."),
                },
                {
                    "status": "not_started",
                    "as_of": "2024-09-01",
                    "reported_by": "secretariat",
                    "source": "Statement at the meeting",
                    "source_url": None,
                    "note": _texts(),
                },
            ],
        }
    ]
    assert data["url"] == "http://testserver/en/recommendations/REC-A-2024-01/"


@pytest.mark.django_db
def test_a_roadmap_shows_its_parties_items_tasks_and_public_meetings_only(client, world):
    data = client.get(f"{API}/roadmaps/uz-unoct-2024-2025").json()
    assert set(data) == {
        "slug",
        "title",
        "description",
        "status",
        "period_start",
        "period_end",
        "parties",
        "items",
        "url",
    }
    assert data["title"] == _texts(en="Roadmap 2024–2025", ru="Дорожная карта")
    assert (data["status"], data["period_start"], data["period_end"]) == ("active", "2024-01-01", "2025-12-31")
    assert data["parties"] == {
        "countries": [UZBEKISTAN],
        "organizations": [{"name": _texts(en="UN Office of Counter-Terrorism"), "acronym": "UNOCT"}],
    }
    [item] = data["items"]
    assert item["position"] == 1
    assert item["title"] == _texts(en="Launch the Council")
    assert (item["status"], item["due_year"], item["due_quarter"]) == ("done", 2025, 2)
    # The task of the dissolved body and the closed meeting are left out.
    assert item["work_plan_items"] == [
        {
            "title": _texts(en="Compare the laws"),
            "status": "done",
            "due_year": None,
            "due_quarter": None,
            "body": {"slug": "working-group-a", "name": _texts(en="Working Group (a)")},
        }
    ]
    assert [meeting["slug"] for meeting in item["meetings"]] == ["first-meeting"]
    assert data["url"] == "http://testserver/en/roadmaps/uz-unoct-2024-2025/"
    assert _slugs(client, f"{API}/roadmaps") == ["uz-unoct-2024-2025"]


@pytest.mark.django_db
def test_a_recommendation_adopted_at_a_closed_meeting_does_not_name_it(client, world, group_a):
    closed = Meeting.objects.get(slug="hidden-group")
    RecommendationFactory(code="REC-A-2024-02", group=group_a, adopted_at=closed)
    assert client.get(f"{API}/recommendations/REC-A-2024-02").json()["adopted_at"] is None


# --- Lists: filters and pages -----------------------------------------------------------------


def _slugs(client, url: str, key: str = "slug") -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["items"]]


@pytest.mark.django_db
def test_meetings_filter_by_body_year_status_and_time(client, world, executive):
    upcoming = MeetingFactory(slug="next-week", body=executive, level=Level.PUBLIC, status=Meeting.Status.CONFIRMED)
    assert _slugs(client, f"{API}/meetings") == [upcoming.slug, "tomorrow-meeting", "later-meeting", "first-meeting"]
    assert _slugs(client, f"{API}/meetings?body=executive-committee") == ["next-week", "tomorrow-meeting"]
    assert _slugs(client, f"{API}/meetings?year=2024&body=working-group-a") == ["later-meeting", "first-meeting"]
    assert _slugs(client, f"{API}/meetings?status=held") == ["first-meeting"]
    assert _slugs(client, f"{API}/meetings?when=upcoming") == ["next-week"]
    assert _slugs(client, f"{API}/meetings?when=past") == ["tomorrow-meeting", "later-meeting", "first-meeting"]
    assert _slugs(client, f"{API}/meetings?body=no-such-body") == []


@pytest.mark.django_db
def test_the_year_is_counted_in_the_councils_time_zone(client, group_a):
    # 1 January 2025, 02:00 in Tashkent is still 31 December 2024 in UTC.
    MeetingFactory(slug="new-year", body=group_a, level=Level.PUBLIC, starts_at=_at(2025, 1, 1, 2))
    assert _slugs(client, f"{API}/meetings?year=2025") == ["new-year"]
    assert _slugs(client, f"{API}/meetings?year=2024") == []


@pytest.mark.django_db
def test_summaries_filter_by_body_year_country_and_text(client, world, executive):
    summary = PublicSummary.objects.get(slug="first-meeting-summary")
    summary.text_ru = "Совет обсудил реинтеграцию"
    summary.save(update_fields=["text_ru"])
    everything = _slugs(client, f"{API}/summaries")
    assert set(everything) == {
        "first-meeting-summary",
        "summary-of-hidden-council",
        "summary-of-hidden-group",
        "summary-of-hidden-restricted",
    }
    assert set(_slugs(client, f"{API}/summaries?body=working-group-a")) == set(everything)
    assert _slugs(client, f"{API}/summaries?body=executive-committee") == []
    assert set(_slugs(client, f"{API}/summaries?year={timezone.now().year}")) == set(everything)
    assert _slugs(client, f"{API}/summaries?year=2001") == []
    assert _slugs(client, f"{API}/summaries?country=uz") == ["first-meeting-summary"]
    # The hidden meetings were in Kazakhstan: their venues are not the public's to search.
    assert _slugs(client, f"{API}/summaries?country=KZ") == []
    # Any language, any case, another form of the word.
    assert _slugs(client, f"{API}/summaries?q=РЕИНТЕГРАЦИЯ") == ["first-meeting-summary"]
    assert _slugs(client, f"{API}/summaries?q=LAUNCHED") == ["first-meeting-summary"]
    assert set(_slugs(client, f"{API}/summaries?q=%20")) == set(everything)
    assert _slugs(client, f"{API}/summaries?q=%25") == []


@pytest.mark.django_db
def test_recommendations_filter_by_group_pillar_and_theme(client, world, executive):
    RecommendationFactory(code="REC-E-2024-01", group=executive, adopted_on=datetime.date(2024, 8, 1))
    assert _slugs(client, f"{API}/recommendations", "code") == ["REC-E-2024-01", "REC-A-2024-01"]
    assert _slugs(client, f"{API}/recommendations?group=working-group-a", "code") == ["REC-A-2024-01"]
    assert _slugs(client, f"{API}/recommendations?pillar=4", "code") == ["REC-A-2024-01"]
    assert _slugs(client, f"{API}/recommendations?pillar=1", "code") == []
    assert _slugs(client, f"{API}/recommendations?theme=reintegration", "code") == ["REC-A-2024-01"]
    assert _slugs(client, f"{API}/recommendations?theme=repatriation", "code") == []


@pytest.mark.django_db
def test_lists_page_with_limit_and_offset(client, group_a):
    for day in range(1, 8):
        MeetingFactory(slug=f"day-{day}", body=group_a, level=Level.PUBLIC, starts_at=_at(2024, 6, day))
    first = client.get(f"{API}/meetings?limit=3").json()
    assert first["count"] == 7
    assert [item["slug"] for item in first["items"]] == ["day-7", "day-6", "day-5"]
    assert _slugs(client, f"{API}/meetings?limit=3&offset=6") == ["day-1"]
    assert _slugs(client, f"{API}/meetings?offset=7") == []
    assert len(_slugs(client, f"{API}/meetings?limit=100")) == 7


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("meetings?page=-1", 200),  # Not a parameter of this API: ignored.
        ("meetings?limit=100000", 422),
        ("meetings?limit=0", 422),
        ("meetings?limit=abc", 422),
        ("meetings?offset=-1", 422),
        (f"meetings?offset={10**30}", 422),
        ("meetings?year=abc", 422),
        ("meetings?year=99999", 422),
        ("meetings?year=-1", 422),
        ("meetings?status=secret", 422),
        ("meetings?when=tomorrow", 422),
        ("meetings?body=no-such-body", 200),
        ("meetings?body=%00", 422),
        ("meetings?body=%3Cscript%3E", 422),
        ("meetings/%00", 404),
        ("meetings/%E2%80%94", 404),
        (f"meetings/{'x' * 500}", 404),
        ("summaries?q=" + "x" * 10_000, 422),
        ("summaries?q=%00", 422),
        ("summaries?q=%27%3B%20DROP%20TABLE", 200),
        ("summaries?country=XYZ", 422),
        ("summaries?country=ZZ", 200),
        ("summaries?year=abc", 422),
        ("summaries/%00", 404),
        ("working-groups?limit=-5", 422),
        ("working-groups/%00", 404),
        ("recommendations?pillar=abc", 422),
        ("recommendations?pillar=0", 422),
        (f"recommendations?pillar={10**20}", 422),
        ("recommendations?theme=no-such-theme", 200),
        ("recommendations?group=%00", 422),
        ("recommendations/%00", 404),
        ("recommendations/no%20such%20code", 404),
        ("roadmaps?limit=0", 422),
        ("roadmaps?offset=-1", 422),
        ("roadmaps/%00", 404),
        (f"roadmaps/{'x' * 500}", 404),
        ("no-such-endpoint", 404),
    ],
)
def test_bad_input_answers_4xx_or_nothing_never_500(client, world, query, status):
    response = client.get(f"{API}/{query}")
    assert response.status_code == status, response.content[:500]
    if status == 200 and "page=" not in query:
        assert response.json()["items"] == []
    if status == 422:
        # The rejected value is not echoed back.
        assert "x" * 200 not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", LISTS)
def test_the_api_is_read_only(client, name):
    assert client.post(f"{API}/{name}", {}).status_code == 405
    assert client.delete(f"{API}/{name}").status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize("url", [f"{API}/meetings", f"{API}/meetings/first-meeting", f"{API}/recommendations"])
def test_answers_are_public_json_cached_for_five_minutes(client, world, url):
    response = client.get(url)
    assert response["Content-Type"].startswith("application/json")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]


@pytest.mark.django_db
def test_a_signed_in_browsers_answer_is_kept_from_shared_caches(client, secretariat):
    client.force_login(secretariat)
    response = client.get(f"{API}/meetings")
    # The session middleware may renew the session cookie on this very answer.
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


@pytest.mark.django_db
def test_a_not_found_answer_is_not_cached_publicly(client):
    assert "public" not in client.get(f"{API}/meetings/nothing-here").get("Cache-Control", "")


# --- Query counts -----------------------------------------------------------------------------


def _add_rows(n: int) -> None:
    """Add `n` bodies, each with a public meeting (agenda, organisation, summary), a recommendation and a chair."""
    pillar = Pillar.objects.get(number=1)
    theme = Theme.objects.get(slug="rehabilitation")
    country = CountryFactory(code="UZ")
    letters = sorted(set("abcdefghijklmnopqrstuvwxyz") - set(WorkingGroup.objects.values_list("letter", flat=True)))
    for letter in letters[:n]:
        group = WorkingGroupFactory(letter=letter, order=ord(letter) - ord("a") + 1)
        meeting = MeetingFactory(body=group, level=Level.PUBLIC)
        AgendaItemFactory(meeting=meeting, level=Level.PUBLIC)
        AgendaItemFactory(meeting=meeting, level=Level.GROUP)
        MeetingOrganization.objects.create(meeting=meeting, organization=OrganizationFactory())
        PublicSummaryFactory(meeting=meeting)
        recommendation = RecommendationFactory(group=group, adopted_at=meeting)
        recommendation.pillars.add(pillar)
        recommendation.themes.add(theme)
        report_implementation(recommendation, country, as_of=datetime.date(2024, 12, 1))
        report_implementation(recommendation, country)
        ReservationFactory(recommendation=recommendation, country=country)
        MembershipFactory(member=MemberFactory(public_profile=True), group=group, role=Membership.Role.CO_CHAIR)
        roadmap = RoadmapFactory()
        roadmap.countries.add(country)
        roadmap.organizations.add(OrganizationFactory())
        item = RoadmapItemFactory(roadmap=roadmap)
        item.meetings.set([meeting, MeetingFactory(body=group, level=Level.GROUP)])
        item.work_plan_items.set([WorkPlanItemFactory(plan__group=group)])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # count; the page of meetings with body, venue, country and summary slug; organisations; public agenda.
        (f"{API}/meetings", 4),
        # count; the page of summaries with their meeting, body and venue country.
        (f"{API}/summaries", 2),
        # count; the page of bodies with their adopted-recommendation counts; their public chairs.
        (f"{API}/working-groups", 3),
        # count; the page of recommendations with body and meeting; pillars; themes; implementation;
        # its reports; public reservations.
        (f"{API}/recommendations", 7),
        # count; the page of roadmaps; their states; organisations; items; the items' tasks; public meetings.
        (f"{API}/roadmaps", 7),
    ],
)
def test_a_list_costs_the_same_queries_however_many_rows(client, db, url, queries, django_assert_num_queries):
    _add_rows(2)
    with django_assert_num_queries(queries):
        assert len(client.get(url).json()["items"]) == 2
    _add_rows(8)
    with django_assert_num_queries(queries):
        assert len(client.get(url).json()["items"]) == 10


@pytest.mark.django_db
def test_a_detail_costs_a_fixed_number_of_queries(client, db, django_assert_num_queries):
    _add_rows(5)
    meeting = Meeting.objects.filter(level=Level.PUBLIC).select_related("public_summary", "body").first()
    code = Recommendation.objects.first().code
    roadmap = Roadmap.objects.first().slug
    with django_assert_num_queries(3):  # The meeting; its organisations; its public agenda.
        assert client.get(f"{API}/meetings/{meeting.slug}").status_code == 200
    with django_assert_num_queries(1):  # The summary with its meeting, body and venue country.
        assert client.get(f"{API}/summaries/{meeting.public_summary.slug}").status_code == 200
    with django_assert_num_queries(2):  # The body with its count; its public chairs.
        assert client.get(f"{API}/working-groups/{meeting.body.slug}").status_code == 200
    # The recommendation; pillars; themes; implementation; its reports; public reservations.
    with django_assert_num_queries(6):
        assert client.get(f"{API}/recommendations/{code}").status_code == 200
    # The roadmap; its states; organisations; items; their tasks; their public meetings.
    with django_assert_num_queries(6):
        assert client.get(f"{API}/roadmaps/{roadmap}").status_code == 200


# --- Schema and documentation -----------------------------------------------------------------


@pytest.mark.django_db
def test_the_openapi_schema_lists_every_endpoint(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert set(paths) == {
        f"{API}/meetings",
        f"{API}/meetings/{{slug}}",
        f"{API}/summaries",
        f"{API}/summaries/{{slug}}",
        f"{API}/working-groups",
        f"{API}/working-groups/{{slug}}",
        f"{API}/recommendations",
        f"{API}/recommendations/{{code}}",
        f"{API}/roadmaps",
        f"{API}/roadmaps/{{slug}}",
    }
    assert all(set(methods) == {"get"} for methods in paths.values())
    parameters = {p["name"] for p in paths[f"{API}/summaries"]["get"]["parameters"]}
    assert parameters == {"body", "year", "country", "q", "limit", "offset"}


@pytest.mark.django_db
def test_the_docs_page_answers_and_obeys_the_csp(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    # Every script is a file of our own or a JSON data block (not executed, so not subject to the CSP).
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert 'src="/static/' in tag or 'type="application/json"' in tag, tag
    assert "<style" not in html
    assert " style=" not in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "no asset from another origin"
    assert f'href="{API}/openapi.json"' in html  # Without JavaScript, the schema is one link away.


@pytest.mark.django_db
@pytest.mark.skipif(not apps.is_installed("ninja"), reason='Swagger UI\'s files are served once "ninja" is installed.')
def test_the_docs_page_assets_are_served(client):
    html = client.get(f"{API}/docs").content.decode()
    assets = re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html)
    assert len(assets) >= 3
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        response.close()  # WhiteNoise streams the file; close it.
