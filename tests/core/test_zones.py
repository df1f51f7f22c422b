"""Times people can read: zones named by city in the reader's language, labelled as the venue's or theirs, one clock."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import formats, translation

from core import zones
from core.templatetags.portal import two_times
from tests.factories import MeetingFactory, VenueFactory

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
# 09:00 in Almaty (UTC+5 since Kazakhstan's single zone of March 2024), 07:00 in Moscow.
WORKSHOP = datetime.datetime(2026, 6, 3, 9, 0, tzinfo=ALMATY)


def _request(own_zone: str | None):
    request = RequestFactory().get("/")
    request.own_time_zone = own_zone
    return request


def _render(moment, zone, own_zone):
    context = two_times(Context({"request": _request(own_zone)}), moment, zone)
    return Template('{% include "includes/_two_times.html" %}').render(Context(context))


def test_a_zone_is_named_by_its_city_with_its_offset_in_english():
    assert zones.zone_label("Asia/Almaty", WORKSHOP) == "Almaty time (UTC+5)"
    assert zones.zone_label("Asia/Tashkent", WORKSHOP) == "Tashkent time (UTC+5)"
    assert zones.zone_label("Asia/Bishkek", WORKSHOP) == "Bishkek time (UTC+6)"
    assert zones.zone_label("America/New_York", WORKSHOP) == "New York time (UTC\u22124)"  # Summer time.
    assert zones.zone_label("America/New_York", WORKSHOP.replace(month=1)) == "New York time (UTC\u22125)"
    assert zones.zone_label("Asia/Kabul", WORKSHOP) == "Kabul time (UTC+4:30)"


def test_a_zone_is_named_in_russian(settings):
    with translation.override("ru"):
        label = zones.zone_label("Asia/Almaty", WORKSHOP)
    assert label == "время Алматы (UTC+5)"
    with translation.override("ru"):
        assert "Asia/" not in zones.format_moment(WORKSHOP, "Asia/Almaty")
        assert zones.format_moment(WORKSHOP, "Asia/Almaty").startswith("3 июня 2026 г., 09:00")


def test_an_unknown_zone_is_shown_by_its_offset_never_by_its_id():
    assert zones.zone_label("Asia/Yerevan", WORKSHOP) == "UTC+4"
    assert zones.zone_label("Pacific/Chatham", WORKSHOP) == "UTC+12:45"
    assert zones.zone_label("UTC", WORKSHOP) == "UTC"
    choices = dict(zones.zone_choices("Asia/Yerevan"))
    assert choices["Asia/Yerevan"] == "UTC+4" and choices["Asia/Almaty"].startswith("Almaty time")
    assert not any("/" in label for label in choices.values())


def test_a_venue_in_astana_reads_astana_time_though_its_zone_is_almatys():
    assert zones.zone_label("Asia/Almaty", WORKSHOP, city="Astana") == "Astana time (UTC+5)"
    assert zones.zone_label("Asia/Almaty", WORKSHOP, city="Almaty") == "Almaty time (UTC+5)"


def test_every_named_zone_exists_and_every_name_is_distinct():
    available = zoneinfo.available_timezones()
    assert set(zones.ZONE_NAMES) <= available
    assert len({str(name) for name in zones.ZONE_NAMES.values()}) == len(zones.ZONE_NAMES)


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_the_clock_is_24_hour_and_zero_padded_in_every_language(code):
    morning = datetime.datetime(2026, 6, 3, 9, 5, tzinfo=ALMATY)
    with translation.override(code):
        assert zones.clock(morning) == "09:05"
        assert "09:05" in zones.format_moment(morning, "Asia/Almaty")
        assert zones.clock(morning.replace(hour=21)) == "21:05"


@pytest.mark.parametrize("code", ["en", "ru"])
def test_the_format_modules_of_the_portal_keep_the_one_clock(code):
    morning = datetime.datetime(2026, 6, 3, 9, 5, tzinfo=ALMATY)
    with translation.override(code):
        assert formats.time_format(morning, "TIME_FORMAT") == "09:05"
        for name in ("DATETIME_FORMAT", "SHORT_DATETIME_FORMAT"):
            assert "09:05" in formats.date_format(morning, name), name


def test_the_almaty_workshop_shows_almaty_time_first_and_once_to_a_reader_in_tashkent():
    # Almaty and Tashkent clocks coincide: one time, labelled as the venue's and the reader's.
    html = _render(WORKSHOP, "Asia/Almaty", "Asia/Tashkent")
    assert re.sub(r"<[^>]+>", "", html).count("09:00") == 1
    assert "3 June 2026, 09:00 Almaty time (UTC+5)" in html
    assert "your time too" in html and "yours:" not in html
    assert "Tashkent" not in html and "Asia/" not in html.replace('data-zone="Asia/Almaty"', "")


def test_a_reader_whose_clock_differs_gets_theirs_beside_labelled_as_theirs():
    html = _render(WORKSHOP, "Asia/Almaty", "Europe/Moscow")
    assert "3 June 2026, 09:00 Almaty time (UTC+5)" in html
    assert "yours: 07:00 Moscow time (UTC+3)" in html  # Same day: the date is not repeated.
    late = WORKSHOP.replace(hour=2)  # 21:00 UTC the day before, 17:00 in New York.
    assert "yours: 2 June 2026, 17:00 New York time (UTC\u22124)" in _render(late, "Asia/Almaty", "America/New_York")


def test_an_anonymous_reader_sees_the_venues_time_and_the_browser_adds_theirs():
    html = _render(WORKSHOP, "Asia/Almaty", None)
    assert "09:00 Almaty time (UTC+5)" in html
    assert "yours" not in html and "your time too" not in html
    assert 'data-zone="Asia/Almaty"' in html and "data-own" not in html  # static/js/local-time.js


def test_coincide_compares_the_clocks_not_the_names():
    assert zones.coincide(WORKSHOP, "Asia/Almaty", "Asia/Tashkent")
    assert not zones.coincide(WORKSHOP, "Asia/Almaty", "Asia/Bishkek")
    winter = datetime.datetime(2026, 1, 10, 12, tzinfo=datetime.UTC)
    summer = datetime.datetime(2026, 7, 10, 12, tzinfo=datetime.UTC)
    assert zones.coincide(winter, "Europe/London", "UTC") and not zones.coincide(summer, "Europe/London", "UTC")


@pytest.mark.django_db
def test_the_meeting_tag_names_the_venues_city(rf):
    venue = VenueFactory(city="Astana", time_zone="Asia/Almaty")
    meeting = MeetingFactory(venue=venue, time_zone="Asia/Almaty", starts_at=WORKSHOP)
    request = rf.get("/")
    request.own_time_zone = None
    html = Template("{% load portal %}{% meeting_time meeting meeting.starts_at %}").render(
        Context({"meeting": meeting, "request": request})
    )
    assert "09:00 Astana time (UTC+5)" in html
