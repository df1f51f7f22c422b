"""Public pages about the organisations the Council works with, and the members' directory."""

from __future__ import annotations

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.models import Language
from core.pages import page_or_404
from meetings import access
from members.access import check_directory_access, directory_people, visible_contact
from members.forms import DirectoryFilterForm
from members.models import Organization
from workinggroups.models import Membership

# Section headings of the partners page, one for each kind of organisation.
KIND_HEADINGS = {
    Organization.Kind.GOVERNMENT: _("Government bodies"),
    Organization.Kind.UN: _("United Nations entities"),
    Organization.Kind.INTERNATIONAL: _("International organisations"),
    Organization.Kind.REGIONAL: _("Regional organisations"),
    Organization.Kind.NGO: _("Non-governmental organisations"),
    Organization.Kind.ACADEMIC: _("Academic and research institutes"),
}


@require_safe
def partner_list(request: HttpRequest) -> HttpResponse:
    """List the organisers, then the partners grouped by kind, with what each does with the Council."""
    # Query 1: every organiser and partner, in display order.
    organizations = list(
        Organization.objects.exclude(partner_role="").select_related("country").order_by("kind", "name")
    )
    organisers = [o for o in organizations if o.partner_role == Organization.PartnerRole.ORGANISER]
    partners = [o for o in organizations if o.partner_role == Organization.PartnerRole.PARTNER]
    groups = [(KIND_HEADINGS[kind], list(items)) for kind, items in groupby(partners, key=lambda o: o.kind)]
    return render(request, "members/partner_list.html", {"organisers": organisers, "groups": groups})


# --- The members' directory -------------------------------------------------------------

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
    clearance = access.clearance_for(request.user)
    check_directory_access(clearance)
    form = DirectoryFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(request, "members/directory.html", {"form": form}, status=400)
    people = form.filter(
        directory_people().select_related("country", "organization").prefetch_related(_current_seats())
    ).order_by("last_name", "first_name", "pk")
    page = page_or_404(Paginator(people, DIRECTORY_PER_PAGE), request.GET.get("page"))
    return render(request, "members/directory.html", {"form": form, "page": page})


@require_safe
@login_required
def member_card(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one person's card: who they are, where they sit, and the contact details they agreed to share."""
    clearance = access.clearance_for(request.user)
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
    return render(request, "members/member_card.html", context)
