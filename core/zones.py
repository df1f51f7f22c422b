"""Time zones named as people say them, "Almaty time (UTC+5)", never by their IANA id; one clock format.

Every time the portal shows goes through here: pages (core/templatetags/portal.py), e-mails,
PDFs and the admin. A zone missing from ZONE_NAMES is shown by its offset alone ("UTC+3").
"""

from __future__ import annotations

import datetime
import zoneinfo
from functools import cache

from django import forms
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext, pgettext_lazy

# The one hour format of the portal, in every language: 24-hour and zero-padded ("09:00").
CLOCK_FORMAT = "H:i"


# The zones venues, members and partners use, each as "<city> time". A phrase of its own per
# city, not a city put into a pattern: each language bends the city's name its own way
# ("время Алматы", "Almati vaqti").
ZONE_NAMES: dict[str, Promise] = {
    # Central Asia.
    "Asia/Tashkent": pgettext_lazy("time zone, named by a city", "Tashkent time"),
    "Asia/Samarkand": pgettext_lazy("time zone, named by a city", "Samarkand time"),
    "Asia/Almaty": pgettext_lazy("time zone, named by a city", "Almaty time"),
    "Asia/Qostanay": pgettext_lazy("time zone, named by a city", "Kostanay time"),
    "Asia/Aqtobe": pgettext_lazy("time zone, named by a city", "Aktobe time"),
    "Asia/Aqtau": pgettext_lazy("time zone, named by a city", "Aktau time"),
    "Asia/Atyrau": pgettext_lazy("time zone, named by a city", "Atyrau time"),
    "Asia/Oral": pgettext_lazy("time zone, named by a city", "Oral time"),
    "Asia/Qyzylorda": pgettext_lazy("time zone, named by a city", "Kyzylorda time"),
    "Asia/Bishkek": pgettext_lazy("time zone, named by a city", "Bishkek time"),
    "Asia/Dushanbe": pgettext_lazy("time zone, named by a city", "Dushanbe time"),
    "Asia/Ashgabat": pgettext_lazy("time zone, named by a city", "Ashgabat time"),
    # Neighbours and the seats of partners.
    "Asia/Kabul": pgettext_lazy("time zone, named by a city", "Kabul time"),
    "Asia/Baku": pgettext_lazy("time zone, named by a city", "Baku time"),
    "Asia/Dubai": pgettext_lazy("time zone, named by a city", "Dubai time"),
    "Asia/Qatar": pgettext_lazy("time zone, named by a city", "Doha time"),
    "Europe/Moscow": pgettext_lazy("time zone, named by a city", "Moscow time"),
    "Europe/Istanbul": pgettext_lazy("time zone, named by a city", "Istanbul time"),
    "Europe/Vienna": pgettext_lazy("time zone, named by a city", "Vienna time"),
    # Geneva keeps Zurich's zone; the partners there are what the Council knows of Switzerland.
    "Europe/Zurich": pgettext_lazy("time zone, named by a city", "Geneva time"),
    "Europe/Brussels": pgettext_lazy("time zone, named by a city", "Brussels time"),
    "Europe/Paris": pgettext_lazy("time zone, named by a city", "Paris time"),
    "Europe/Berlin": pgettext_lazy("time zone, named by a city", "Berlin time"),
    "Europe/London": pgettext_lazy("time zone, named by a city", "London time"),
    "America/New_York": pgettext_lazy("time zone, named by a city", "New York time"),
}

# Cities that share another city's zone but whose people say their own: a venue in Astana is
# in Asia/Almaty, and its meetings read "Astana time". Keyed by the venue's city as written in English.
CITY_NAMES: dict[tuple[str, str], Promise] = {
    ("Asia/Almaty", "astana"): pgettext_lazy("time zone, named by a city", "Astana time"),
    ("Asia/Tashkent", "samarkand"): pgettext_lazy("time zone, named by a city", "Samarkand time"),
}

# Offered first wherever a zone is chosen (the admin, the profile), in this order.
COMMON_ZONES = (*ZONE_NAMES, "UTC")


def utc_offset(zone: str, moment: datetime.datetime | None = None) -> str:
    """Return the offset of `zone` from UTC at `moment` (now by default), as "+5", "+5:30" or "−3"."""
    moment = moment or timezone.now()
    offset = moment.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "\u2212"  # A true minus sign, as printed timetables write it.
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}" if rest else f"{sign}{hours}"


def zone_name(zone: str, *, city: str = "") -> str | None:
    """Return the zone's name in the active language ("Almaty time"), or None for a zone without one."""
    name = CITY_NAMES.get((zone, city.strip().lower())) or ZONE_NAMES.get(zone)
    return str(name) if name is not None else None


def zone_label(zone: str, moment: datetime.datetime | None = None, *, city: str = "") -> str:
    """Return the zone as people read it, with its offset at `moment`: "Almaty time (UTC+5)", else "UTC+3"."""
    if zone == "UTC":
        return "UTC"
    offset = utc_offset(zone, moment)
    name = zone_name(zone, city=city)
    if name is None:
        return f"UTC{offset}"
    return pgettext("a time zone's name and its offset from UTC", "%(zone)s (UTC%(offset)s)") % {
        "zone": name,
        "offset": offset,
    }


def zone_choices(current: str = "") -> list[tuple[str, str]]:
    """Return (IANA id, "Almaty time (UTC+5)") pairs to choose a zone from, with `current` kept if unusual."""
    names = list(COMMON_ZONES)
    if current and current not in ZONE_NAMES and current in _known_zones():
        names.append(current)
    return [(name, zone_label(name)) for name in names]


def clock(moment: datetime.datetime) -> str:
    """Return the wall-clock time of an aware or naive `moment` as it stands, "09:00"."""
    return formats.time_format(moment, CLOCK_FORMAT)


def local_moment(moment: datetime.datetime, zone: str) -> datetime.datetime:
    """Return `moment` as wall-clock time in `zone`."""
    return moment.astimezone(zoneinfo.ZoneInfo(zone))


def format_moment(
    moment: datetime.datetime, zone: str, *, with_date: bool = True, city: str = "", with_zone: bool = True
) -> str:
    """Return `moment` as wall-clock time in `zone`, named: "14 May 2026, 09:00 Almaty time (UTC+5)"."""
    local = local_moment(moment, zone)
    time = clock(local)
    if with_date:
        time = pgettext("a date and a clock time", "%(date)s, %(time)s") % {
            "date": formats.date_format(local, "DATE_FORMAT"),
            "time": time,
        }
    if not with_zone:
        return time
    return pgettext("a time followed by its zone, as in 09:00 Almaty time (UTC+5)", "%(time)s %(zone)s") % {
        "time": time,
        "zone": zone_label(zone, moment, city=city),
    }


def coincide(moment: datetime.datetime, zone_a: str, zone_b: str) -> bool:
    """Say whether the clocks of `zone_a` and `zone_b` read the same at `moment`."""
    return local_moment(moment, zone_a).utcoffset() == local_moment(moment, zone_b).utcoffset()


def yours(moment: datetime.datetime, venue_zone: str, own_zone: str, *, with_date: bool = True) -> str:
    """Return `moment` on the clock of `own_zone`, to go beside the venue's: "yours: 07:00 Moscow time (UTC+3)".

    The date is repeated only when it is not the venue's, so the line stays short.
    """
    mine = local_moment(moment, own_zone)
    show_date = with_date and mine.date() != local_moment(moment, venue_zone).date()
    return pgettext("the same moment on the reader's own clock", "yours: %(time)s") % {
        "time": format_moment(moment, own_zone, with_date=show_date)
    }


class ZoneSelect(forms.Select):
    """A list of zones named by city; a zone outside the list, already chosen, stays on it by its offset."""

    def get_context(self, name, value, attrs):
        current = value if isinstance(value, str) else ""
        known = {choice for choice, _label in self.choices}
        if current and current not in known and current in _known_zones():
            # Without it the browser would pick the first zone and a save would change it unasked.
            self.choices = [*self.choices, (current, zone_label(current))]
        return super().get_context(name, value, attrs)


class ZoneField(forms.ChoiceField):
    """Choose a time zone from the list of cities; the value kept is its IANA id."""

    widget = ZoneSelect

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(choices=zone_choices, **kwargs)
        self.validators.append(validate_time_zone)

    def validate(self, value) -> None:
        # Any real zone may be kept, one set through the demo or the API too: the validator says which are real.
        forms.Field.validate(self, value)


@cache
def _known_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    """Reject anything that is not an IANA time zone name such as Asia/Tashkent."""
    if value not in _known_zones():
        raise forms.ValidationError(
            _("“%(value)s” is not a known time zone; choose one from the list."),
            code="invalid_time_zone",
            params={"value": value},
        )
