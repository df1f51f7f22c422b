"""Meeting pages; every object is fetched through the visibility policy."""

from __future__ import annotations

import calendar as calendar_module
import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Subquery
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.diff import Piece, word_diff
from core.pages import page_or_404
from meetings import access, selectors, services
from meetings.agenda import matters_arising, status_histories
from meetings.charts import next_30_days, participation_chart
from meetings.filters import CalendarFilterSet, MonthFilterSet, SummaryFilterSet
from meetings.forms import RsvpForm
from meetings.models import (
    ActionItem,
    AgendaItem,
    Document,
    ForwardedMatter,
    Meeting,
    MeetingOrganization,
    Minutes,
    Participation,
    PublicSummary,
    SilenceProcedure,
)
from meetings.search import search_terms
from members.models import Member
from workinggroups.models import Membership, Recommendation


@require_safe
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a meeting with what the viewer is cleared for: the public page, or the member's page."""
    # Query 1 (+ clearance): the meeting, if visible.
    meeting = access.get_visible_or_404(
        Meeting.objects.select_related("body", "venue__country", "public_summary"), request.user, slug=slug
    )
    return render(request, "meetings/meeting_detail.html", _meeting_context(request, meeting))


def _meeting_context(request: HttpRequest, meeting: Meeting) -> dict:
    user = request.user
    clearance = access.clearance_for(user)
    summary = getattr(meeting, "public_summary", None)
    if summary is not None and not PublicSummary.objects.visible_to(user).filter(pk=summary.pk).exists():
        summary = None  # A draft: the secretariat's alone.
    # Query 2: the agenda at the viewer's clearance (on members' pages, with where items were forwarded from and to).
    agenda_items = AgendaItem.objects.visible_to(user).filter(meeting=meeting).select_related("presenter")
    if access.shows_forwarding(clearance):
        agenda_items = agenda_items.select_related(
            "placed_from__forwarded_by", "placed_from__source_item__meeting", "placed_from__recommendation"
        ).annotate(forwarded=Exists(ForwardedMatter.objects.active().filter(source_item=OuterRef("pk"))))
    agenda = list(agenda_items)
    context = {
        "meeting": meeting,
        "summary": summary,
        "agenda": agenda,
        # Query 3 (only with presenters): who among them may be named to this viewer.
        "nameable": access.nameable_people(user, [item.presenter_id for item in agenda]),
        # Query 4: attending organisations (public facts of a meeting the viewer may see).
        "organizations": list(
            MeetingOrganization.objects.filter(meeting=meeting).select_related("organization").order_by("role")
        ),
        # Query 5: the documents at the viewer's clearance, translations beside their originals.
        "documents": _documents_with_translations(
            Document.objects.visible_to(user).filter(meeting=meeting).select_related("original").order_by("title")
        ),
    }
    # Query 6: the editions of the minutes the viewer may read (chairs also see circulated drafts), each with
    # the state of its latest silence procedure.
    latest_silence = SilenceProcedure.objects.filter(minutes=OuterRef("pk")).order_by("-pk")
    editions = Minutes.objects.visible_to(user).filter(meeting=meeting).order_by("-edition")
    context |= _minutes_context(list(editions.annotate(silence=Subquery(latest_silence.values("status")[:1]))))
    if not access.has_member_view(clearance):
        return context  # The public page.
    my = None
    if clearance.member_id is not None:
        # Query 7: my invitation, if any.
        my = Participation.objects.filter(meeting=meeting, member_id=clearance.member_id).first()
    minutes = context["under_review"]
    context |= {
        "member_view": True,
        "my_participation": my,
        "rsvp_form": RsvpForm(initial={"mode": my.rsvp_mode or Participation.Mode.IN_PERSON}) if my else None,
        "online_url": access.online_url_for(clearance, meeting, is_participant=my is not None),
        "shows_address": access.shows_venue_address(is_participant=my is not None),
        # Query 8: the timetable needs every item's length, visible or not, to place the visible ones.
        "timetable": selectors.timetable(meeting, agenda),
        # Query 9: the participants: name, organisation, country; never contact details.
        "participants": list(
            Participation.objects.filter(meeting=meeting)
            .select_related("member__organization", "member__country")
            .order_by("member__last_name", "member__first_name")
        ),
        # Query 10: my action items from this meeting.
        "my_actions": list(
            ActionItem.objects.visible_to(user).filter(meeting=meeting, owner_id=clearance.member_id)
            if clearance.member_id
            else []
        ),
        # Query 10a: matters arising, the body's open actions from earlier meetings that I may see.
        "matters_arising": list(matters_arising(meeting, user)),
        "can_review_minutes": bool(
            minutes and minutes.status == Minutes.Status.CIRCULATED and access.chairs_meeting(user, meeting)
        ),
        # Query 11 (only while an edition is under review, for its reviewers): the chairs' comments on it.
        "comments": list(minutes.comments.select_related("author"))
        if minutes and access.sees_review_comments(user, meeting)
        else [],
        # Queries 12-13 (only where an edition under review has been under silence): the procedure, may I break it.
        **_silence_context(user, minutes if minutes and minutes.silence else None),
        # Queries 14-16 (only where items were forwarded): the matters, and which linked pages I may open.
        "forwarding": _forwarding(user, agenda),
    }
    if access.sees_attendance_counts(clearance):
        # No query: the participants listed above, counted by country (replies, then attendance).
        context["participation_chart"] = participation_chart(meeting, context["participants"], timezone.now())
    _add_action_context(user, context)
    return context


def _add_action_context(user, context: dict) -> None:
    """Add the status history of the listed actions and who of their owners may be named (two queries, if any)."""
    actions = [*context["my_actions"], *context["matters_arising"]]
    for action in context["my_actions"]:
        action.meeting = context["meeting"]  # For `is_overdue`, without a query per action.
    # Query 10b (only with actions): every listed action's status changes.
    context["action_history"] = status_histories(action.pk for action in actions)
    # Query 10c (only with owned matters arising): which owners may be named to this viewer.
    owners = [action.owner_id for action in context["matters_arising"] if action.owner_id]
    context["nameable_owners"] = access.nameable_people(user, owners) if owners else set()


def _silence_context(user, text: Minutes | Recommendation | None) -> dict:
    """Return the latest silence procedure on `text`, if any, and whether `user` may break it."""
    if text is None:
        return {"silence": None, "may_break_silence": False}
    procedure = text.silence_procedures.select_related("silence_break__member").order_by("-pk").first()
    may_break = procedure is not None and procedure.is_open and access.may_break_silence(user, procedure)
    return {"silence": procedure, "may_break_silence": may_break}


def _forwarding(user, agenda: list[AgendaItem]) -> dict[int, dict]:
    """Return, per visible item, the matter it came from or went to, with links only to what `user` may see."""
    came = {item.pk: item.placed_from for item in agenda if getattr(item, "placed_from", None) is not None}
    went_ids = [item.pk for item in agenda if getattr(item, "forwarded", False)]
    if not came and not went_ids:
        return {}
    went = {
        matter.source_item_id: matter
        for matter in ForwardedMatter.objects.active()
        .filter(source_item_id__in=went_ids)
        .select_related("placed_item__meeting")
    }
    linked_items = {m.source_item_id for m in came.values() if m.source_item_id}
    linked_items |= {m.placed_item_id for m in went.values() if m.placed_item_id}
    visible_items = set(
        AgendaItem.objects.visible_to(user).filter(pk__in=linked_items).values_list("pk", flat=True)
        if linked_items
        else []
    )
    linked_recommendations = {m.recommendation_id for m in came.values() if m.recommendation_id}
    visible_recommendations = set(
        access.visible_recommendations(user).filter(pk__in=linked_recommendations).values_list("pk", flat=True)
        if linked_recommendations
        else []
    )
    forwarding: dict[int, dict] = {}
    for pk, matter in came.items():
        if matter.source_item_id:
            url = matter.source_item.get_absolute_url() if matter.source_item_id in visible_items else None
        else:
            shown = matter.recommendation_id in visible_recommendations
            url = recommendation_url(matter.recommendation) if shown else None
        forwarding[pk] = {"came_from": matter, "source_url": url}
    for pk, matter in went.items():
        url = matter.placed_item.get_absolute_url() if matter.placed_item_id in visible_items else None
        forwarding[pk] = forwarding.get(pk, {}) | {"went_to": matter, "placed_url": url}
    return forwarding


def recommendation_url(recommendation: Recommendation) -> str:
    """Return a recommendation's page: the public one once adopted, the members' page before."""
    if recommendation.status == Recommendation.Status.ADOPTED:
        return recommendation.get_absolute_url()
    return reverse("meetings:recommendation_draft", kwargs={"code": recommendation.code})


def _minutes_context(editions: list[Minutes]) -> dict:
    """Return the record (the latest approved edition), earlier editions, the one under review, and their changes."""
    approved = [edition for edition in editions if edition.is_frozen]
    record = approved[0] if approved else None
    under_review = next((edition for edition in editions if not edition.is_frozen), None)
    by_pk = {edition.pk: edition for edition in editions}

    def changes(edition: Minutes | None) -> list[Piece]:
        # Only against an edition this viewer may read: a diff must not reveal a text they may not see.
        base = by_pk.get(edition.amends_id) if edition is not None and edition.amends_id else None
        return word_diff(base.text, edition.text) if base is not None else []

    return {
        "minutes": record or under_review,
        "record": record,
        "record_changes": changes(record),
        "earlier_editions": approved[1:],
        "under_review": under_review,
        "review_changes": changes(under_review),
    }


def _documents_with_translations(documents) -> list[tuple[Document, list[Document]]]:
    """Group visible documents as (original, its visible translations); orphans stand alone."""
    documents = list(documents)
    translations: dict[int, list[Document]] = {}
    for document in documents:
        if document.original_id:
            translations.setdefault(document.original_id, []).append(document)
    shown_ids = {d.pk for d in documents}
    rows = []
    for document in documents:
        if document.original_id and document.original_id in shown_ids:
            continue  # Listed beside its original.
        rows.append((document, translations.get(document.pk, [])))
    return rows


@require_safe
def summary_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Show a published public summary."""
    summary = get_object_or_404(
        PublicSummary.objects.visible_to(request.user).select_related("meeting__body", "meeting__venue__country"),
        slug=slug,
    )
    # The meeting is linked only where the viewer may open it; the summary itself is public.
    meeting_visible = access.can_view(request.user, summary.meeting)
    return render(
        request,
        "meetings/publicsummary_detail.html",
        {"summary": summary, "meeting": summary.meeting if meeting_visible else None},
    )


def _with_charset(content_type: str) -> str:
    # Text files are stored as UTF-8; say so, or browsers guess the encoding of Russian and Uzbek text.
    if content_type.startswith("text/") and "charset" not in content_type:
        return f"{content_type}; charset=utf-8"
    return content_type


@require_safe
def document_download(request: HttpRequest, uuid: str) -> FileResponse:
    """Stream a document after checking the policy on this very request."""
    document = access.get_visible_or_404(Document.objects.all(), request.user, uuid=uuid)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The file is missing.") from None
    services.record_download(document=document, user=request.user)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_filename or f"{document.uuid}",
        content_type=_with_charset(document.content_type or "application/octet-stream"),
    )
    response["Cache-Control"] = "private, no-store"
    return response


PAST_PER_PAGE = 20
SUMMARIES_PER_PAGE = 10


@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """List the meetings the viewer may see: all upcoming ones, and past ones by page."""
    filterset = CalendarFilterSet(
        request.GET or None, Meeting.objects.visible_to(request.user).select_related("body", "venue__country")
    )
    if filterset.errors:
        return render(request, "meetings/calendar.html", {"form": filterset.form}, status=400)
    meetings = filterset.qs
    now = timezone.now()
    page = page_or_404(Paginator(meetings.past(now), PAST_PER_PAGE), request.GET.get("page"))
    today = timezone.localdate()
    context = {
        "form": filterset.form,
        # Upcoming meetings are few; the past grows, so it is paged.
        "upcoming": list(meetings.upcoming(now)) if page.number == 1 else [],
        "page": page,
        "this_month": (today.year, today.month),
    }
    return render(request, "meetings/calendar.html", context)


@require_safe
def calendar_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    """Show one month as a grid of weeks with the meetings the viewer may see."""
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise Http404("No such month.")
    filterset = MonthFilterSet(request.GET or None, Meeting.objects.visible_to(request.user))
    if filterset.errors:
        return render(request, "meetings/calendar_month.html", {"form": filterset.form}, status=400)
    weeks = calendar_module.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    zone = timezone.get_current_timezone()
    # A day wider each side: each meeting sits on its own venue's day, which may be the viewer's day before or after.
    start = datetime.datetime.combine(first - datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    end = datetime.datetime.combine(last + datetime.timedelta(days=2), datetime.time.min, tzinfo=zone)
    meetings = filterset.qs.filter(starts_at__gte=start, starts_at__lt=end)
    by_day: dict[datetime.date, list[Meeting]] = {}
    for meeting in meetings.select_related("body", "venue").order_by("starts_at"):
        by_day.setdefault(meeting.local_starts_at.date(), []).append(meeting)
    by_day = {day: rows for day, rows in by_day.items() if first <= day <= last}
    previous_month = (year, month - 1) if month > 1 else (year - 1, 12)
    next_month = (year, month + 1) if month < 12 else (year + 1, 1)
    context = {
        "form": filterset.form,
        "month": datetime.date(year, month, 1),
        "weeks": [[(day, day.month == month, by_day.get(day, [])) for day in week] for week in weeks],
        "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # 1 January 2024 was a Monday.
        "previous_month": previous_month if previous_month[0] >= 2000 else None,
        "next_month": next_month if next_month[0] <= 2100 else None,
        "today": timezone.localdate(),
        "empty": not by_day,
    }
    return render(request, "meetings/calendar_month.html", context)


@require_safe
def summary_list(request: HttpRequest) -> HttpResponse:
    """List published meeting summaries, searchable in every language (best match first), with filters."""
    filterset = SummaryFilterSet(
        request.GET or None,
        PublicSummary.objects.published()
        .select_related("meeting__body", "meeting__venue__country")
        # The list names the venue only where the policy shows the meeting to anyone.
        .annotate(meeting_is_public=ExpressionWrapper(access.meeting_q(access.ANONYMOUS, "meeting__"), BooleanField())),
    )
    form = filterset.form
    if filterset.errors:
        return render(request, "meetings/publicsummary_list.html", {"form": form}, status=400)
    page = page_or_404(Paginator(filterset.qs, SUMMARIES_PER_PAGE), request.GET.get("page"))
    query = form.cleaned_data.get("q", "") if form.is_bound else ""
    context = {"form": form, "page": page, "query": query, "search_terms": search_terms(query)}
    return render(request, "meetings/publicsummary_list.html", context)


# The dashboard's lists are bounded so its first screen stays short and its cost flat.
DASHBOARD_OTHER_MEETINGS = 4
DASHBOARD_NEW_DOCUMENTS = 30  # Language versions count: folded, this is about ten papers.
DASHBOARD_DOCUMENT_GROUPS = 3  # Meetings with new papers shown before the rest fold away.


@login_required
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    """Show a member, first, their next meeting and reply, what to read and what to do; then the rest."""
    user = request.user
    clearance = access.clearance_for(user)
    now = timezone.now()
    since = _previous_visit(request, clearance)
    meetings = Meeting.objects.visible_to(user)
    invitations = (
        # Query: my invitations to meetings that have not ended.
        list(
            Participation.objects.filter(member_id=clearance.member_id, meeting__in=meetings.upcoming(now))
            .select_related("meeting__body", "meeting__venue__country")
            .order_by("meeting__starts_at")
        )
        if clearance.member_id
        else []
    )
    # Query: what is new to read, at my clearance; translations fold under their originals.
    documents = (
        Document.objects.visible_to(user)
        .filter(created_at__gt=since)
        .select_related("meeting")
        # Papers of no meeting last on both databases (PostgreSQL puts NULL first when descending).
        .order_by(F("meeting__starts_at").desc(nulls_last=True), "meeting_id", "title", "pk")[:DASHBOARD_NEW_DOCUMENTS]
    )
    document_groups = _group_by_meeting(_documents_with_translations(documents))
    context = {
        "since": since,
        "today": timezone.localdate(),
        "next_invitation": invitations[0] if invitations else None,
        "later_invitations": invitations[1:],
        "document_groups": document_groups[:DASHBOARD_DOCUMENT_GROUPS],
        "more_document_groups": document_groups[DASHBOARD_DOCUMENT_GROUPS:],
        # Query: my open action items, overdue and soonest due first (undated last on every database).
        "actions": list(
            ActionItem.objects.visible_to(user)
            .open()
            .filter(owner_id=clearance.member_id)
            .select_related("meeting")
            .order_by(F("due_date").asc(nulls_last=True), "pk")
        )
        if clearance.member_id
        else [],
        # Query: other upcoming meetings I may see (those I am invited to are listed above); one more than
        # shown, to know whether to offer the calendar for the rest.
        "upcoming": list(
            meetings.upcoming(now)
            .exclude(participations__member_id=clearance.member_id or 0)
            .select_related("body", "venue__country")[: DASHBOARD_OTHER_MEETINGS + 1]
        ),
        "other_meetings_shown": DASHBOARD_OTHER_MEETINGS,
        # Query: my seats.
        "seats": list(Membership.objects.current().filter(member_id=clearance.member_id).select_related("group"))
        if clearance.member_id
        else [],
        # Query: minutes approved since my last visit.
        "new_minutes": list(
            Minutes.objects.visible_to(user).approved().filter(approved_at__gt=since).select_related("meeting")[:10]
        ),
        # Query: the next 30 days, with the meetings I may see marked.
        "next_days": next_30_days(user),
        # Query: texts under silence I may still object to.
        "silence": list(
            access.breakable_procedures(user).select_related("minutes__meeting", "recommendation").order_by("deadline")
        )
        if clearance.member_id
        else [],
    }
    return render(request, "meetings/dashboard.html", context)


def _group_by_meeting(
    rows: list[tuple[Document, list[Document]]],
) -> list[tuple[Meeting | None, list[tuple[Document, list[Document]]]]]:
    """Group (original, translations) rows under their meeting, keeping their order; papers of no meeting last."""
    groups: dict[int | None, list[tuple[Document, list[Document]]]] = {}
    meetings: dict[int | None, Meeting | None] = {}
    for row in rows:
        key = row[0].meeting_id
        groups.setdefault(key, []).append(row)
        meetings[key] = row[0].meeting
    ordered = [key for key in groups if key is not None] + ([None] if None in groups else [])
    return [(meetings[key], groups[key]) for key in ordered]


def _previous_visit(request: HttpRequest, clearance) -> datetime.datetime:
    """Return when this person last came, fixed for this session so "new" stays new until they leave."""
    key = "rec_previous_visit"
    stored = request.session.get(key)
    if stored:
        return datetime.datetime.fromisoformat(stored)
    now = timezone.now()
    previous = now - datetime.timedelta(days=30)
    if clearance.member_id:
        last = Member.objects.filter(pk=clearance.member_id).values_list("last_visit_at", flat=True).first()
        previous = last or previous
        Member.objects.filter(pk=clearance.member_id).update(last_visit_at=now)
    request.session[key] = previous.isoformat()
    return previous


@login_required
@require_POST
def rsvp(request: HttpRequest, slug: str) -> HttpResponse:
    """Record my reply to an invitation; htmx gets the reply block back, others a redirect."""
    meeting = access.get_visible_or_404(Meeting.objects.all(), request.user, slug=slug)
    clearance = access.clearance_for(request.user)
    participation = get_object_or_404(Participation, meeting=meeting, member_id=clearance.member_id or 0)
    form = RsvpForm(request.POST)
    error = None
    if form.is_valid():
        try:
            participation = services.reply_to_invitation(
                participation=participation, rsvp=form.cleaned_data["rsvp"], mode=form.cleaned_data["mode"]
            )
        except services.WorkflowError as exc:
            error = exc.message
    else:
        error = _("Choose a reply.")
    if request.htmx:
        context = {"meeting": meeting, "my_participation": participation, "rsvp_form": form, "rsvp_error": error}
        return render(request, "meetings/meeting_detail.html#rsvp", context, status=400 if error else 200)
    if error:
        messages.error(request, error)
        return redirect(meeting.get_absolute_url() + "#rsvp")
    # The reply block shows and announces the result itself. The browser focuses a focusable fragment
    # target (the result has tabindex=-1); autofocus would not do, browsers skip it when there is a fragment.
    return redirect(meeting.get_absolute_url() + "#rsvp-result")


@login_required
@require_POST
def comment_minutes(request: HttpRequest, slug: str) -> HttpResponse:
    """Let a chair or co-chair of the meeting's body comment on its circulated minutes."""
    minutes, member = _reviewable_minutes(request, slug)
    text = request.POST.get("text", "")
    try:
        services.comment_on_minutes(minutes=minutes, author=member, text=text)
        messages.success(request, _("Your comment is saved."))
    except services.WorkflowError as exc:
        messages.error(request, exc.message)
    return redirect(minutes.meeting.get_absolute_url() + "#minutes")


@login_required
@require_POST
def approve_minutes_view(request: HttpRequest, slug: str) -> HttpResponse:
    """Let a chair or co-chair of the meeting's body approve its circulated minutes."""
    minutes, _member = _reviewable_minutes(request, slug)
    try:
        services.approve_minutes(minutes=minutes, by=request.user)
        messages.success(request, _("The minutes are approved."))
    except services.WorkflowError as exc:
        messages.error(request, exc.message)
    return redirect(minutes.meeting.get_absolute_url() + "#minutes")


def _reviewable_minutes(request: HttpRequest, slug: str) -> tuple[Minutes, Member]:
    meeting = access.get_visible_or_404(Meeting.objects.all(), request.user, slug=slug)
    # The edition under review: at most one a meeting is open (a database constraint).
    minutes = access.get_visible_or_404(Minutes.objects.open().select_related("meeting"), request.user, meeting=meeting)
    if not access.chairs_meeting(request.user, meeting):
        raise Http404("Only the body's chairs review its minutes.")
    return minutes, Member.objects.get(pk=access.clearance_for(request.user).member_id)


@login_required
@require_POST
def break_silence(request: HttpRequest, pk: int) -> HttpResponse:
    """Let a person concerned break silence on a text with their reason, before the deadline."""
    procedure = get_object_or_404(SilenceProcedure.objects.select_related("minutes__meeting", "recommendation"), pk=pk)
    # Those who may not read the text learn nothing of it, not even that it is under silence.
    if not access.may_read_silenced_text(request.user, procedure):
        raise Http404("No such procedure.")
    try:
        services.break_silence(procedure=procedure, by=request.user, reason=request.POST.get("reason", ""))
        messages.success(request, _("You have broken silence. The secretariat and the chairs have been told."))
    except services.WorkflowError as exc:
        messages.error(request, exc.message)
    if procedure.minutes_id:
        return redirect(procedure.minutes.meeting.get_absolute_url() + "#minutes")
    if access.may_read_silenced_text(request.user, procedure):
        return redirect(
            reverse("meetings:recommendation_draft", kwargs={"code": procedure.recommendation.code}) + "#silence"
        )
    return redirect("meetings:dashboard")  # Silence broken, the draft is again its body's alone.


@require_safe
def recommendation_draft(request: HttpRequest, code: str) -> HttpResponse:
    """Show a recommendation not yet adopted to those the policy lets read it, with its silence procedure."""
    user = request.user
    # Query 1 (+ clearance): the recommendation, if the viewer may read it.
    recommendation = get_object_or_404(access.visible_recommendations(user).select_related("group"), code=code)
    if recommendation.status == Recommendation.Status.ADOPTED:
        return redirect(recommendation.get_absolute_url())  # Adopted: the public page is the one to read.
    # Queries 2-3: the latest silence procedure, and whether I may break it.
    context = {"recommendation": recommendation, **_silence_context(user, recommendation)}
    # Queries 4-5: the matter it was forwarded as, and whether I may open its place on the Committee's agenda.
    matter = (
        ForwardedMatter.objects.active()
        .filter(recommendation=recommendation)
        .select_related("placed_item__meeting")
        .first()
    )
    placed_url = None
    if matter is not None and matter.placed_item_id and access.can_view(user, matter.placed_item):
        placed_url = matter.placed_item.get_absolute_url()
    context |= {"matter": matter, "placed_url": placed_url}
    return render(request, "meetings/recommendation_draft.html", context)
