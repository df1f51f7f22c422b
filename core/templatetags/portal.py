"""Template helpers of the portal: language links, translation notes, times in two zones."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import timezone, translation

from core import zones
from core.languages import BY_CODE, DEFAULT_LANGUAGE, INTERFACE_LANGUAGES, fallback_chain

register = template.Library()

# Each language named in itself, as people look for it in a switcher.
LANGUAGE_SELF_NAMES = {language.code: language.self_name for language in INTERFACE_LANGUAGES}
OG_LOCALES = {language.code: language.og_locale for language in INTERFACE_LANGUAGES}


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """Return, for each language, a link to this same page in it."""
    request = context.get("request")
    path = request.get_full_path() if request else "/"
    current = translation.get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("//"):
            # A crafted path such as //evil.example/en/ must not turn into an off-site link.
            with translation.override(code):
                url = reverse("publicsite:home")
        links.append(
            {
                "code": code,
                "name": LANGUAGE_SELF_NAMES.get(code) or translation.get_language_info(code)["name_local"],
                "url": url,
                "current": code == current,
            }
        )
    return links


@register.filter
def og_locale(code: str) -> str:
    """Return the Open Graph locale of pages in the language `code`, the default language's if unknown."""
    return OG_LOCALES.get(code) or OG_LOCALES[DEFAULT_LANGUAGE]


@register.filter
def untranslated(obj, field: str) -> str:
    """Return the language `obj.field` is shown in when it is not the active one, else ""."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    for code in fallback_chain(language):
        if getattr(obj, f"{field}_{code}", None):
            return "" if code == language else code
    return ""


@register.filter
def language_name(code: str) -> str:
    """Return the name of the interface language `code` in the active language."""
    language = BY_CODE.get(code)
    return str(language.label) if language else code


def _venue_city(meeting) -> str:
    """Return the English name of the meeting's venue's city if the venue is at hand, without a query."""
    if meeting is None or not meeting.venue_id or not type(meeting).venue.is_cached(meeting):
        return ""
    return meeting.venue.city_en or meeting.venue.city


def _times(request, moment: datetime, zone_name: str, *, with_date: bool, city: str = "") -> dict:
    """Return the context of includes/_two_times.html: the moment at its place, and on the reader's own clock."""
    # Only a signed-in member has a zone of their own (workinggroups.middleware); anyone else gets
    # the browser's beside the place's (static/js/local-time.js).
    own = getattr(request, "own_time_zone", None)
    same = bool(own) and zones.coincide(moment, zone_name, own)
    return {
        "moment": moment,
        "venue_zone": zone_name,
        "venue_text": zones.format_moment(moment, zone_name, with_date=with_date, city=city),
        "own": own,
        "same": same,
        "yours": zones.yours(moment, zone_name, own, with_date=with_date) if own and not same else "",
    }


@register.inclusion_tag("includes/_two_times.html", takes_context=True)
def two_times(context, moment: datetime, zone_name: str, *, with_date: bool = True, meeting=None) -> dict:
    """Show a moment at its place ("09:00 Almaty time (UTC+5)"), and the reader's own time beside it when it differs."""
    return _times(context.get("request"), moment, zone_name, with_date=with_date, city=_venue_city(meeting))


@register.inclusion_tag("includes/_two_times.html", takes_context=True)
def meeting_time(context, meeting, moment: datetime, *, with_date: bool = True) -> dict:
    """Show a moment of `meeting` in its venue's zone, named by the venue's city, with the reader's beside it."""
    return two_times(context, moment, meeting.time_zone, with_date=with_date, meeting=meeting)


@register.inclusion_tag("includes/_two_times.html", takes_context=True)
def secretariat_times(context, moment: datetime) -> dict:
    """Show a moment set by the secretariat (a deadline) at the Council's seat, with the reader's beside it."""
    return _times(context.get("request"), moment, settings.TIME_ZONE, with_date=True)


@register.filter
def clock(moment: datetime | None) -> str:
    """Return the wall-clock time of `moment` in the active zone, in the portal's one format ("09:00")."""
    if not moment:
        return ""
    return zones.clock(timezone.localtime(moment) if timezone.is_aware(moment) else moment)


@register.filter
def moment_in(moment: datetime | None, zone_name: str) -> str:
    """Return `moment` at `zone_name`, dated and named: "14 May 2026, 09:00 Almaty time (UTC+5)"."""
    return zones.format_moment(moment, zone_name) if moment else ""


@register.filter
def clock_in(moment: datetime | None, zone_name: str) -> str:
    """Return the wall-clock time of `moment` in `zone_name`, "09:00"."""
    return zones.clock(zones.local_moment(moment, zone_name)) if moment else ""


@register.filter
def wall_clock(moment: datetime | None) -> str:
    """Return the time of `moment` as it stands, in whatever zone it carries (a timetable's), "09:00"."""
    return zones.clock(moment) if moment else ""


@register.simple_tag
def zone_city(meeting) -> str:
    """Return the name of a meeting's zone without its offset, "Almaty time", or "UTC+5" for a zone without one."""
    city = _venue_city(meeting)
    return (
        zones.zone_name(meeting.time_zone, city=city) or f"UTC{zones.utc_offset(meeting.time_zone, meeting.starts_at)}"
    )


@register.simple_tag
def zone_label(zone_name: str, moment: datetime | None = None, meeting=None) -> str:
    """Return a zone as people read it, "Almaty time (UTC+5)", never its IANA id."""
    return zones.zone_label(zone_name, moment, city=_venue_city(meeting))


@register.filter
def get_item(mapping, key):
    """Return `mapping[key]`, or None."""
    return mapping.get(key) if mapping else None
