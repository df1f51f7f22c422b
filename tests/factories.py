"""factory_boy factories for the portal's models."""

from __future__ import annotations

import datetime
import zoneinfo

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from meetings.models import (
    ActionItem,
    AgendaItem,
    Document,
    ForwardedMatter,
    Level,
    Meeting,
    Minutes,
    Participation,
    PublicSummary,
    Redaction,
    SilenceProcedure,
    Venue,
)
from members.models import Country, Member, Organization
from news.models import NewsItem
from workinggroups import services as workinggroup_services
from workinggroups.models import (
    ImplementationReport,
    Membership,
    Recommendation,
    Reservation,
    Roadmap,
    RoadmapItem,
    WorkingGroup,
    WorkPlan,
    WorkPlanItem,
)

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = "UZ"
    name = factory.LazyAttribute(lambda o: {"UZ": "Uzbekistan", "KZ": "Kazakhstan"}.get(o.code, f"Country {o.code}"))
    is_member_state = True


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Organization.Kind.INTERNATIONAL


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    user = factory.SubFactory(UserFactory)
    first_name = factory.Sequence(lambda n: f"Person{n}")
    last_name = "Sample"
    country = factory.SubFactory(CountryFactory)
    email = factory.LazyAttribute(lambda o: f"{o.first_name.lower()}@example.org")
    phone = "+998 71 000 00 00"


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        django_get_or_create = ("slug",)

    letter = "a"
    kind = WorkingGroup.Kind.WORKING_GROUP
    name = factory.LazyAttribute(lambda o: f"Working Group ({o.letter})" if o.letter else "Executive Committee")
    short_name = factory.LazyAttribute(lambda o: o.name)
    slug = factory.LazyAttribute(lambda o: f"working-group-{o.letter}" if o.letter else "executive-committee")
    order = factory.LazyAttribute(lambda o: " abcd".index(o.letter) if o.letter else 0)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    member = factory.SubFactory(MemberFactory)
    group = factory.SubFactory(WorkingGroupFactory)
    role = Membership.Role.MEMBER
    start_date = datetime.date(2024, 5, 14)


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue
        django_get_or_create = ("name", "city")

    # One hall per meeting unless a test names it: a shared one would clash (meetings.scheduling).
    name = factory.Sequence(lambda n: f"Conference hall {n}")
    city = "Tashkent"
    address = "Secret street 1"
    country = factory.SubFactory(CountryFactory)
    time_zone = "Asia/Tashkent"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"Meeting {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    body = factory.SubFactory(WorkingGroupFactory)
    level = Level.GROUP
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    venue = factory.SubFactory(VenueFactory)
    online_url = "https://video.example.org/secret-room"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n}")
    level = Level.GROUP


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    meeting = factory.SubFactory(MeetingFactory)
    member = factory.SubFactory(MemberFactory)


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory)
    text = "The meeting agreed."
    status = Minutes.Status.APPROVED
    level = Level.GROUP
    circulated_at = factory.LazyAttribute(lambda o: None if o.status == "draft" else timezone.now())
    approved_at = factory.LazyAttribute(lambda o: timezone.now() if o.status == "approved" else None)


class PublicSummaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicSummary

    meeting = factory.SubFactory(MeetingFactory, level=Level.PUBLIC)
    title = factory.Sequence(lambda n: f"Summary {n}")
    slug = factory.Sequence(lambda n: f"summary-{n}")
    text = "What the meeting did."
    status = PublicSummary.Status.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() - datetime.timedelta(hours=1) if o.status == "published" else None
    )
    reviewed_at = factory.LazyAttribute(
        lambda o: timezone.now() - datetime.timedelta(hours=2) if o.status != "draft" else None
    )


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(lambda: ContentFile(b"document body", name="paper.txt"))
    original_filename = "paper.txt"
    content_type = "text/plain"
    meeting = factory.SubFactory(MeetingFactory)
    level = Level.GROUP


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Task {n}")
    owner = factory.SubFactory(MemberFactory)
    level = Level.GROUP


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    group = factory.SubFactory(WorkingGroupFactory)
    code = factory.Sequence(lambda n: f"REC-T-{n:03d}")
    title = factory.Sequence(lambda n: f"Recommendation {n}")
    text = "Do the right thing."
    status = Recommendation.Status.ADOPTED
    adopted_on = datetime.date(2024, 7, 25)


class ReservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reservation

    recommendation = factory.SubFactory(RecommendationFactory)
    kind = Reservation.Kind.RESERVATION
    country = factory.SubFactory(CountryFactory)
    text = factory.Sequence(lambda n: f"Reservation text {n}")
    is_public = True


def report_implementation(
    recommendation: Recommendation,
    country: Country,
    status: str = "in_progress",
    *,
    as_of: datetime.date = datetime.date(2025, 3, 1),
    reported_by: str = ImplementationReport.Reporter.REPRESENTATIVE,
    source: str = "",
    **extra,
) -> ImplementationReport:
    """Record a report of implementation through the service, as the admin does."""
    return workinggroup_services.report_implementation(
        recommendation=recommendation,
        country=country,
        status=status,
        as_of=as_of,
        reported_by=reported_by,
        source=source,
        **extra,
    )


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan

    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Work plan {n}")
    period_start = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    period_end = datetime.date(2025, 12, 31)


class WorkPlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlanItem

    plan = factory.SubFactory(WorkPlanFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Task of the plan {n}")
    status = WorkPlanItem.Status.IN_PROGRESS


class RoadmapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Roadmap

    title = factory.Sequence(lambda n: f"Roadmap {n}")
    slug = factory.Sequence(lambda n: f"roadmap-{n}")
    period_start = datetime.date(2024, 1, 1)
    period_end = datetime.date(2025, 12, 31)
    status = Roadmap.Status.ACTIVE
    description = "What the parties agreed."


class RoadmapItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapItem

    roadmap = factory.SubFactory(RoadmapFactory)
    order = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Roadmap item {n}")
    status = RoadmapItem.Status.IN_PROGRESS
    due_year = 2025
    due_quarter = 4


class SilenceProcedureFactory(factory.django.DjangoModelFactory):
    """An open silence procedure on circulated minutes, three days from its deadline."""

    class Meta:
        model = SilenceProcedure

    minutes = factory.SubFactory(MinutesFactory, status=Minutes.Status.CIRCULATED)
    recommendation = None
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))


class ForwardedMatterFactory(factory.django.DjangoModelFactory):
    """A pending matter: an agenda item of a working group's meeting, forwarded to the Executive Committee."""

    class Meta:
        model = ForwardedMatter

    source_item = factory.SubFactory(AgendaItemFactory)
    recommendation = None
    forwarded_by = factory.LazyAttribute(
        lambda o: o.source_item.meeting.body if o.source_item else o.recommendation.group
    )
    note = "Please decide."


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"Announcement {n}")
    slug = factory.Sequence(lambda n: f"announcement-{n}")
    lead = "A short lead."
    body = "The full text."
    status = NewsItem.Status.PUBLISHED
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() - datetime.timedelta(hours=2) if o.status == "published" else None
    )


class RedactionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Redaction

    minutes = factory.SubFactory(MinutesFactory)
    passage = factory.Sequence(lambda n: f"Marked passage {n}")
    reason = "Name of an individual"
