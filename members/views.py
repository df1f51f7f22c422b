"""Public pages about the organisations the Council works with."""

from __future__ import annotations

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from members.models import Organization

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
