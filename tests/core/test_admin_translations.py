"""The admin's texts in seven languages: the list of what each language lacks, its filter, and the tabs' wiring."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import reverse
from modeltranslation import admin as mt_admin
from modeltranslation.translator import translator

from core.admin_translations import OVERVIEW_ORDER, TARGETS, TranslationAdmin, untranslated_texts
from core.desk import TRANSLATED_INTO
from core.languages import CODES
from meetings.models import Level, Meeting
from news.models import NewsItem
from tests.factories import CountryFactory, MeetingFactory, NewsItemFactory, UserFactory

URL = "/admin/translations/"
ALL_LANGUAGES = {f"{name}_{code}": "x" for name in ("title", "lead", "body") for code in CODES}


def _counts(response) -> dict[str, dict[str, int]]:
    return {row.label: {code: n for code, n, _url in row.counts} for row in response.context["rows"]}


@pytest.fixture
def secretariat_client(client, secretariat):
    client.force_login(secretariat)
    return client


def test_every_language_but_english_is_a_target_and_the_desk_asks_for_all_of_them():
    assert TARGETS == ("ru", "uz", "kk", "ky", "tg", "tk")
    assert TRANSLATED_INTO == TARGETS
    assert set(OVERVIEW_ORDER) == set(TARGETS) and OVERVIEW_ORDER[-1] == "ru"


def test_every_translated_model_in_the_admin_gets_the_tabs_and_the_filter():
    for model in translator.get_registered_models():
        model_admin = admin.site._registry.get(model)
        if isinstance(model_admin, mt_admin.TranslationAdmin):
            assert isinstance(model_admin, TranslationAdmin), model
            assert "admin-extra/translation-tabs.js" in str(model_admin.media), model


@pytest.mark.django_db
def test_a_text_counts_for_each_language_it_lacks_until_it_is_written_in_all(secretariat_client):
    NewsItemFactory(title_ru="Объявление", lead_ru="Кратко", body_ru="Текст")  # Lacks the five others.
    NewsItemFactory()  # English only: lacks all six.
    NewsItemFactory(**ALL_LANGUAGES)  # Written in all seven: counts nowhere.
    NewsItemFactory(title_en="Draft", status=NewsItem.Status.DRAFT)  # Drafts are translated before publication.
    news = _counts(secretariat_client.get(URL))["News"]
    assert news == {"uz": 3, "kk": 3, "ky": 3, "tg": 3, "tk": 3, "ru": 2}


@pytest.mark.django_db
def test_one_missing_field_is_enough_and_an_empty_english_text_asks_nothing():
    item = NewsItemFactory(**ALL_LANGUAGES | {"body_kk": ""})
    assert list(untranslated_texts(NewsItem, "kk")) == [item]
    assert not untranslated_texts(NewsItem, "ky").exists()
    NewsItemFactory(**dict.fromkeys(ALL_LANGUAGES, "") | {"title_en": "T", "title_tg": "T"})
    # Lead and body are empty in English too: only the title counts, and Tajik has it.
    assert untranslated_texts(NewsItem, "tg").count() == 0


@pytest.mark.django_db
def test_confidential_meetings_are_not_counted_public_ones_are(group_a):
    public = MeetingFactory(body=group_a, level=Level.PUBLIC)
    MeetingFactory(body=group_a, level=Level.GROUP)
    MeetingFactory(body=group_a, level=Level.RESTRICTED)
    assert list(untranslated_texts(Meeting, "uz")) == [public]


@pytest.mark.django_db
def test_each_count_opens_the_list_filtered_to_those_records(secretariat_client, group_a):
    public = MeetingFactory(body=group_a, level=Level.PUBLIC, title_en="Spring session")
    MeetingFactory(body=group_a, level=Level.PUBLIC, title_en="Done", title_ky="Бүттү", description_en="")
    response = secretariat_client.get(URL)
    row = next(row for row in response.context["rows"] if row.label == "Meetings")
    url = {code: url for code, _n, url in row.counts}["ky"]
    assert url == reverse("admin:meetings_meeting_changelist") + "?untranslated=ky"
    listed = secretariat_client.get(url)
    assert listed.status_code == 200
    assert [m.pk for m in listed.context["cl"].result_list] == [public.pk]
    assert f'href="{url}"'.replace("&", "&amp;") in response.content.decode()


@pytest.mark.django_db
def test_a_made_up_language_in_the_filter_shows_the_whole_list(secretariat_client):
    NewsItemFactory(**ALL_LANGUAGES)
    response = secretariat_client.get(reverse("admin:news_newsitem_changelist"), {"untranslated": "xx"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.django_db
def test_the_overview_lists_every_translated_model_the_secretariat_may_view(secretariat_client):
    CountryFactory()
    response = secretariat_client.get(URL)
    assert response.status_code == 200
    labels = [row.label for row in response.context["rows"]]
    for label in ("Countries", "Meetings", "Public summaries", "Recommendations", "Working groups"):
        assert label in labels
    assert not any(label.startswith("Historical") for label in labels)
    assert response.content.decode().count("<h1") == 1


@pytest.mark.django_db
def test_the_desk_links_to_the_overview(secretariat_client):
    assert f'href="{URL}"' in secretariat_client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["partner", "wg_a_member", "wg_c_member", "exec_member", "chair"], indirect=True)
def test_members_are_sent_to_the_admin_login_as_on_every_admin_page(client, persona):
    client.force_login(persona)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_staff_who_may_view_no_translated_record_are_refused(client):
    client.force_login(UserFactory(username="clerk", is_staff=True))
    assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_the_overview_costs_one_query_per_model_however_many_texts(
    secretariat_client, group_a, django_assert_num_queries
):
    def grow():
        MeetingFactory(body=group_a, level=Level.PUBLIC)
        NewsItemFactory()
        CountryFactory()

    grow()
    models = len(_counts(secretariat_client.get(URL)))
    # Session, user, the secretariat group check, the member's time zone (middleware), the user's and
    # the group's permissions, then one aggregate per translated model.
    fixed = 6
    with django_assert_num_queries(fixed + models):
        secretariat_client.get(URL)
    for _ in range(3):
        grow()
    with django_assert_num_queries(fixed + models):
        secretariat_client.get(URL)


def test_no_app_takes_modeltranslations_admin_directly():
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for app in ("meetings", "members", "news", "workinggroups", "directory", "publicsite", "accounts")
        for path in (root / app).rglob("*.py")
        if "modeltranslation.admin" in path.read_text()
    ]
    assert offenders == [], "take TranslationAdmin and its inlines from core.admin_translations"


def test_a_public_item_of_a_closed_meeting_and_a_reservation_for_the_record_are_not_counted(group_a):
    from core.admin_translations import untranslated_texts
    from meetings.models import AgendaItem, Level
    from tests.factories import AgendaItemFactory, MeetingFactory, ReservationFactory
    from workinggroups.models import Reservation

    closed = MeetingFactory(body=group_a, level=Level.COUNCIL)
    AgendaItemFactory(meeting=closed, level=Level.PUBLIC, title_en="Opening", title_kk="")
    ReservationFactory(is_public=False, text_en="For the record", text_kk="")
    assert not untranslated_texts(AgendaItem, "kk").filter(meeting=closed).exists()
    assert not untranslated_texts(Reservation, "kk").filter(text_en="For the record").exists()
