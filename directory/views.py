"""The members' directory: the Council's members and the practitioners' network, for members and the secretariat."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.models import Language
from core.pages import page_or_404
from directory.access import check_directory_access, directory_people, visible_contact
from directory.filters import DirectoryFilterSet
from workinggroups.clearance import clearance_for
from workinggroups.models import Membership

DIRECTORY_PER_PAGE = 25


def _current_seats() -> Prefetch:
    """Return the prefetch of people's current seats on active bodies, with the body, in the bodies' order."""
    return Prefetch(
        "memberships",
        queryset=Membership.objects.current().filter(group__is_active=True).select_related("group"),
        to_attr="current_seats",
    )


@require_safe
@login_required
def directory(request: HttpRequest) -> HttpResponse:
    """List the Council's members and the practitioners' network, searchable and filterable, for members only."""
    clearance = clearance_for(request.user)
    check_directory_access(clearance)
    filterset = DirectoryFilterSet(
        request.GET or None,
        directory_people().select_related("country", "organization").prefetch_related(_current_seats()),
    )
    if filterset.errors:
        return render(request, "directory/directory.html", {"form": filterset.form}, status=400)
    people = filterset.qs.order_by("last_name", "first_name", "pk")
    page = page_or_404(Paginator(people, DIRECTORY_PER_PAGE), request.GET.get("page"))
    return render(request, "directory/directory.html", {"form": filterset.form, "page": page})


@require_safe
@login_required
def member_card(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one person's card: who they are, where they sit, and the contact details they agreed to share."""
    clearance = clearance_for(request.user)
    check_directory_access(clearance)
    person = get_object_or_404(
        directory_people().select_related("country", "organization").prefetch_related(_current_seats()), pk=pk
    )
    names = dict(Language.choices)
    context = {
        "person": person,
        "contact": visible_contact(person, clearance),
        "languages": [names.get(code, code) for code in person.spoken_languages if isinstance(code, str)],
    }
    return render(request, "directory/member_card.html", context)
