"""The portal's languages are listed once, in core.languages; everything else that lists them follows."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.utils import translation

from core.languages import CODES, DEFAULT_LANGUAGE, INTERFACE_LANGUAGES
from core.models import Language, UILanguage
from meetings.search import CONFIGS


def test_settings_choices_and_search_follow_the_one_list():
    assert [code for code, _name in settings.LANGUAGES] == list(CODES)
    assert settings.MODELTRANSLATION_LANGUAGES == CODES
    assert settings.LANGUAGE_CODE == settings.MODELTRANSLATION_DEFAULT_LANGUAGE == DEFAULT_LANGUAGE
    assert UILanguage.values == list(CODES)
    # Every interface language is a working language too, listed once, first; "other" comes last.
    assert Language.values[: len(CODES)] == list(CODES)
    assert len(set(Language.values)) == len(Language.values)
    assert Language.values[-1] == "other"
    assert [code for code, _config in CONFIGS] == list(CODES)


def test_language_names_are_translated_and_keep_their_member_names():
    assert UILanguage.ENGLISH == Language.ENGLISH == "en"
    with translation.override("ru"):
        assert str(UILanguage.ENGLISH.label) == "Английский"
        assert str(dict(settings.LANGUAGES)["uz"]) == "Узбекский"


def test_every_language_but_the_default_has_a_catalogue():
    for code in CODES:
        if code != DEFAULT_LANGUAGE:
            assert (settings.BASE_DIR / "locale" / code / "LC_MESSAGES" / "django.po").exists(), code


@pytest.mark.django_db
def test_every_search_configuration_exists_in_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("Text-search configurations are PostgreSQL's.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        known = {row[0] for row in cursor.fetchall()}
    assert {language.search_config for language in INTERFACE_LANGUAGES} <= known


@pytest.mark.django_db
def test_each_language_names_its_own_open_graph_locale(client):
    for language in INTERFACE_LANGUAGES:
        html = client.get(f"/{language.code}/about/").content.decode()
        assert f'<meta property="og:locale" content="{language.og_locale}">' in html
