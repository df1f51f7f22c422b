"""Every page in every interface language, and catalogues complete: the five member states' languages are equals."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from core.languages import CODES, DEFAULT_LANGUAGE, fallback_chain
from tests.test_access_matrix import MATRIX, objects  # noqa: F401  (fixture)

LOCALE = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")
NOT_HTML = (".ics", ".pdf", ".csv", "/feed/", "robots.txt", "sitemap.xml", "/documents/")
# What each persona opens in every language: the secretariat sees every page; a member of (a) the members' area.
PAGES = sorted(
    name
    for name, (_build, allowed, *_area) in MATRIX.items()
    if "secretariat" in allowed and name not in {"login", "meetings:rsvp_link"}
)


def _catalogue(code: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", [code for code in CODES if code != DEFAULT_LANGUAGE])
def test_every_interface_string_is_translated_with_its_placeholders(code):
    catalogue = _catalogue(code)
    untranslated = [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]
    assert untranslated == [], f"{len(untranslated)} untranslated in {code}: {untranslated[:10]}"
    for entry in catalogue:
        if entry.msgid_plural:
            forms = list(entry.msgstr_plural.values())
            wanted = set(PLACEHOLDER.findall(entry.msgid_plural)) | set(PLACEHOLDER.findall(entry.msgid))
            # A form may leave out the count ("one meeting") but may not invent a placeholder.
            assert all(set(PLACEHOLDER.findall(form)) <= wanted for form in forms), (code, entry.msgid)
        else:
            assert set(PLACEHOLDER.findall(entry.msgstr)) == set(PLACEHOLDER.findall(entry.msgid)), (code, entry.msgid)


def test_regional_languages_read_russian_before_english():
    assert fallback_chain("ru") == ("ru", "en")
    for code in ("uz", "kk", "ky", "tg", "tk"):
        assert fallback_chain(code) == (code, "ru", "en")
    assert settings.MODELTRANSLATION_FALLBACK_LANGUAGES["kk"] == ("ru", "en")


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_every_page_answers_in_every_language_with_its_lang(client, objects, secretariat, code):  # noqa: F811
    client.force_login(secretariat)
    for name in PAGES:
        path = MATRIX[name][0](objects)
        if "/documents/" in path:
            continue  # A file, the same in every language (closing its stream would close PostgreSQL's connection).
        if path.startswith("/en/"):
            path = f"/{code}/{path[4:]}"
        response = client.get(path)
        assert response.status_code == 200, (code, path)
        if not any(marker in path for marker in NOT_HTML) and path.startswith(f"/{code}/"):
            assert f'<html lang="{code}"' in response.content.decode(), (code, path)


@pytest.mark.django_db
@pytest.mark.parametrize("code", CODES)
def test_a_member_reads_the_members_area_in_every_language(client, objects, wg_a_member, code):  # noqa: F811
    client.force_login(wg_a_member)
    for name in ("meetings:dashboard", "meetings:detail (group)", "directory:directory", "profile"):
        path = MATRIX[name][0](objects).replace("/en/", f"/{code}/", 1)
        response = client.get(path)
        assert response.status_code == 200, (code, path)
        assert f'<html lang="{code}"' in response.content.decode(), (code, path)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "29 November 2026, 09:05"),
        ("ru", "29 ноября 2026 г., 09:05"),
        ("uz", "2026-yil 29-noyabr, 09:05"),
        ("kk", "2026 жылғы 29 қараша, 09:05"),
        ("ky", "2026-жылдын 29-ноябры, 09:05"),
        ("tg", "29 ноябри 2026 с., 09:05"),
        ("tk", "29 noýabr 2026 ý., 09:05"),
    ],
)
def test_dates_read_as_each_language_writes_them_with_one_hour_format(code, expected):
    from django.utils import formats, translation

    with translation.override(code):
        assert formats.date_format(datetime.datetime(2026, 11, 29, 9, 5), "DATETIME_FORMAT") == expected  # noqa: DTZ001


@pytest.mark.parametrize("code", [code for code in CODES if code != DEFAULT_LANGUAGE])
def test_zones_are_named_by_city_in_every_language(code):
    from django.utils import translation

    from core import zones

    with translation.override(code):
        label = zones.zone_label("Asia/Almaty", datetime.datetime(2026, 11, 29, 9, tzinfo=datetime.UTC))
    assert "Almaty time" not in label and "Asia/" not in label and "UTC+5" in label, label
