"""Template helpers of the portal: language links, translation notes, times in two zones."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.templatetags.tz import do_timezone
from django.urls import reverse, translate_url
from django.utils import timezone, translation

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


@register.inclusion_tag("includes/_two_times.html")
def two_times(moment: datetime, zone_name: str, *, with_date: bool = True) -> dict:
    """Show a moment in the viewer's zone with the venue's local time beside it when they differ."""
    venue_zone = zoneinfo.ZoneInfo(zone_name)
    viewer = timezone.localtime(moment)
    # do_timezone marks the value so that |date and |time keep the venue's zone.
    venue = do_timezone(moment, venue_zone)
    same = viewer.utcoffset() == venue.utcoffset()
    return {
        "moment": moment,
        "viewer": viewer,
        "viewer_zone": timezone.get_current_timezone_name(),
        "venue": venue,
        "venue_zone": zone_name,
        "same": same,
        "with_date": with_date,
    }


@register.inclusion_tag("includes/_two_times.html")
def secretariat_times(moment: datetime) -> dict:
    """Show a moment set by the secretariat (a deadline) in the viewer's zone, with the Council's seat's beside it."""
    return {**two_times(moment, settings.TIME_ZONE), "beside": "secretariat"}


@register.filter
def get_item(mapping, key):
    """Return `mapping[key]`, or None."""
    return mapping.get(key) if mapping else None
