"""The attendance register of a meeting: who came (in person, online), who was absent or excused, and the counts.

Reads: `register(meeting)` loads the participants once and counts them in Python, by status,
by country and by organisation, so the page and the CSV cost the same few queries at 10 or
at 200 participants.

Writes: `record_attendance` changes the marks of several participants in one transaction. Two
tablets may keep the same register: each row carries its version (`updated_at`, core.concurrency)
and the mark it showed when loaded. A row left as loaded is not written at all; a row changed
from a version someone else has replaced meanwhile is refused with who set what, and nothing
of that save is written (`StaleAttendance`), unless the other person already set the same mark.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.concurrency import StaleEdit, last_change
from meetings import exports
from meetings.models import Meeting, MeetingOrganization, Participation
from meetings.services import WorkflowError, _attribute
from members.models import Member, Organization

Attendance = Participation.Attendance

# The register's columns, in the order the counts are shown.
STATUSES: tuple[str, ...] = (
    Attendance.IN_PERSON,
    Attendance.ONLINE,
    Attendance.ABSENT,
    Attendance.EXCUSED,
    Attendance.UNKNOWN,
)
# Shorter labels than the model's ("Attended in person"), for a button a thumb presses.
SHORT_LABELS = {
    Attendance.IN_PERSON: gettext_lazy("In person"),
    Attendance.ONLINE: gettext_lazy("Online"),
    Attendance.ABSENT: gettext_lazy("Absent"),
    Attendance.EXCUSED: gettext_lazy("Excused"),
    Attendance.UNKNOWN: gettext_lazy("Not recorded"),
}


class StaleAttendance(WorkflowError):
    """Some marks were set by someone else after the register was loaded; nothing was saved."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        names = ", ".join(conflict.participation.member.full_name for conflict in conflicts)
        super().__init__(
            _(
                "Someone else changed the attendance of %(names)s after you opened the register. Nothing of yours "
                "was saved, and nothing of theirs was overwritten. Check their marks below and save again."
            )
            % {"names": names}
        )
        self.conflicts = conflicts


@dataclass(frozen=True)
class Change:
    """One mark as submitted: the participant, the new status, and the status and version the register showed."""

    participation_id: int
    status: str
    loaded_status: str
    loaded_version: datetime.datetime


@dataclass
class Conflict:
    """A mark someone else set meanwhile: who, when, theirs and mine."""

    participation: Participation
    who: str
    when: datetime.datetime
    mine: str

    @property
    def when_text(self) -> str:
        return formats.date_format(timezone.localtime(self.when), "DATETIME_FORMAT")


@dataclass
class Tally:
    """How many people of one country or organisation (or all) are in each attendance status."""

    label: str
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def cells(self) -> list[int]:
        return [self.counts[status] for status in STATUSES]

    @property
    def labelled(self) -> list[tuple[str, str, int]]:
        """Return (status, label, count) for each status, in the register's order."""
        return [(status, SHORT_LABELS[status], self.counts[status]) for status in STATUSES]


@dataclass
class Register:
    """A meeting's participants with their marks, the counts, and the attending organisations."""

    meeting: Meeting
    participations: list[Participation]
    overall: Tally
    by_country: list[Tally]
    by_organization: list[Tally]
    organizations: list[MeetingOrganization]


def parse_change(participation_id: int, status: str, loaded_status: str, version: str) -> Change:
    """Return the submitted mark of one row, or raise WorkflowError when it is not one the register offers."""
    if status not in STATUSES:
        raise WorkflowError(_("“%(value)s” is not an attendance status.") % {"value": status[:40]})
    try:
        loaded = parse_datetime(version) if version else None
    except ValueError:
        loaded = None
    if loaded is None:
        # Without the version the row was loaded at, a save could overwrite someone's mark unseen.
        raise WorkflowError(_("The register sent no version it was loaded at; reload the page."))
    return Change(participation_id, status, loaded_status if loaded_status in STATUSES else "", loaded)


def record_attendance(*, meeting: Meeting, changes: list[Change], by) -> list[Participation]:
    """Save the marks in `changes` for participants of `meeting`, all or none; return the rows written."""
    if not changes:
        return []
    try:
        return _record(meeting, changes, by)
    except StaleEdit as exc:
        # Where no row lock holds (SQLite), the conditional UPDATE still refused; the transaction
        # is rolled back, so who set what is read after it.
        mine = next(change.status for change in changes if change.participation_id == exc.pk)
        row = Participation.objects.select_related("member").get(pk=exc.pk)
        who, when = last_change(row)
        raise StaleAttendance([Conflict(row, who, when or row.updated_at, mine)]) from exc


def _record(meeting: Meeting, changes: list[Change], by) -> list[Participation]:
    with transaction.atomic():
        ids = [change.participation_id for change in changes]
        # The meeting first, then its rows: the order the admin's meeting page locks them in.
        Meeting.objects.select_for_update(no_key=True).filter(pk=meeting.pk).exists()
        rows = {
            row.pk: row
            for row in Participation.objects.select_for_update(no_key=True, of=("self",))
            .filter(meeting=meeting, pk__in=ids)
            .select_related("member")
        }
        if len(rows) != len(set(ids)):
            raise WorkflowError(_("Some of these people are not on this meeting's list; reload the register."))
        written, conflicts = [], []
        for change in changes:
            row = rows[change.participation_id]
            if change.status == row.attendance or change.status == change.loaded_status:
                continue  # Left as shown, or someone already set the same mark: nothing to write.
            if row.updated_at != change.loaded_version:
                who, when = last_change(row)
                conflicts.append(Conflict(row, who, when or row.updated_at, change.status))
                continue
            row.attendance = change.status
            row.expect_version(change.loaded_version)
            _attribute(row, by)
            written.append(row)
        if conflicts:
            raise StaleAttendance(conflicts)
        for row in written:
            row.save(update_fields=["attendance", "updated_at"])
    return written


def add_attending_organization(*, meeting: Meeting, organization: Organization) -> MeetingOrganization:
    """List `organization` as attending `meeting`; refuse it if it is already listed in any role."""
    try:
        with transaction.atomic():
            return MeetingOrganization.objects.create(
                meeting=meeting, organization=organization, role=MeetingOrganization.Role.ATTENDING
            )
    except IntegrityError as exc:
        raise WorkflowError(
            _("%(organisation)s is already listed for this meeting.") % {"organisation": organization.name}
        ) from exc


def remove_attending_organization(*, meeting: Meeting, organization_id: int) -> None:
    """Take an attending organisation off `meeting`; organisers stay (they are changed in the admin)."""
    with transaction.atomic():
        deleted, _rows = MeetingOrganization.objects.filter(
            meeting=meeting, organization_id=organization_id, role=MeetingOrganization.Role.ATTENDING
        ).delete()
    if not deleted:
        raise WorkflowError(_("This organisation is not listed as attending this meeting; reload the register."))


def register(meeting: Meeting) -> Register:
    """Return the register of `meeting` (two queries: the participants, the organisations listed)."""
    participations = list(
        Participation.objects.filter(meeting=meeting)
        .select_related("member__country", "member__organization")
        .order_by("member__last_name", "member__first_name", "pk")
    )
    overall = Tally(str(_("All participants")))
    countries: dict[str, Tally] = {}
    organizations: dict[str, Tally] = {}
    for participation in participations:
        member: Member = participation.member
        status = participation.attendance
        overall.counts[status] += 1
        country = member.country.name if member.country else str(_("No country"))
        countries.setdefault(country, Tally(country)).counts[status] += 1
        organization = member.organization.name if member.organization else str(_("No organisation"))
        organizations.setdefault(organization, Tally(organization)).counts[status] += 1
    listed = list(
        MeetingOrganization.objects.filter(meeting=meeting)
        .select_related("organization")
        .order_by("role", "organization__name")
    )
    return Register(
        meeting=meeting,
        participations=participations,
        overall=overall,
        by_country=sorted(countries.values(), key=lambda tally: tally.label),
        by_organization=sorted(organizations.values(), key=lambda tally: tally.label),
        organizations=listed,
    )


def register_table(data: Register) -> exports.Table:
    """Return the register as a table for the CSV export: one row a participant, then the counts."""
    meeting = data.meeting

    def label(model, name: str) -> str:
        return str(capfirst(model._meta.get_field(name).verbose_name))

    header = [
        str(capfirst(Participation._meta.verbose_name)),
        label(Member, "country"),
        label(Member, "organization"),
        label(Participation, "role"),
        label(Participation, "rsvp"),
        label(Participation, "rsvp_mode"),
        label(Participation, "attendance"),
    ]
    rows: list[list[exports.Cell]] = [
        [
            p.member.full_name,
            p.member.country.name if p.member.country else "",
            p.member.organization.name if p.member.organization else "",
            p.get_role_display(),
            p.get_rsvp_display(),
            p.get_rsvp_mode_display(),
            p.get_attendance_display(),
        ]
        for p in data.participations
    ]
    statuses = [str(SHORT_LABELS[status]) for status in STATUSES]
    blank: list[exports.Cell] = []
    rows += [blank, [meeting.title, exports._local(meeting.starts_at, meeting), meeting.time_zone]]
    for title, tallies in (
        (_("Counts"), [data.overall]),
        (_("By country"), data.by_country),
        (_("By organisation"), data.by_organization),
    ):
        rows += [blank, [title, *statuses, _("Total")]]
        rows += [[tally.label, *(str(n) for n in tally.cells), str(tally.total)] for tally in tallies]
    if data.organizations:
        rows += [blank, [str(capfirst(MeetingOrganization._meta.verbose_name_plural))]]
        rows += [[item.organization.name, item.get_role_display()] for item in data.organizations]
    return exports.Table(
        filename=f"attendance-register-{meeting.slug}", title=_("Attendance"), header=header, rows=rows
    )
