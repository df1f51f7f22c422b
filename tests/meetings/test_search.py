"""Searching the public summaries: word forms in every language, ranked, highlighted, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from meetings.models import PublicSummary
from meetings.search import ensure_sqlite_index, excerpt, highlight, light_stem, search_terms
from tests.factories import PublicSummaryFactory

# For each language: a text with a suffixed form, the word it carries (marked in the page), and
# the base word typed in another case (and, in Uzbek, with the apostrophe people type).
WORD_FORMS = [
    ("en", "The working groups held three meetings in Tashkent.", "meetings", "Meeting"),
    ("ru", "Совет обсудил вопросы реинтеграции возвращенцев.", "реинтеграции", "Реинтеграция"),
    ("uz", "Guruh yigʻilishini Toshkentda oʻtkazdi.", "yigʻilishini", "yig'ilish"),
    ("kk", "Кеңесінің отырысы Алматыда өтті.", "Кеңесінің", "КЕҢЕС"),
    ("ky", "Жыйынындагы сунуштар кабыл алынды.", "Жыйынындагы", "ЖЫЙЫН"),
    ("tg", "Ҷаласаҳо дар Душанбе баргузор шуданд.", "Ҷаласаҳо", "ҶАЛАСА"),
    ("tk", "Maslahatlaryň netijeleri Aşgabatda ara alnyp maslahatlaşyldy.", "Maslahatlaryň", "MASLAHAT"),
]


def _summary(code: str, title: str, text: str, **kwargs) -> PublicSummary:
    return PublicSummaryFactory(**{f"title_{code}": title, f"text_{code}": text, "title_en": title}, **kwargs)


def _search(client, code: str, query: str) -> str:
    response = client.get(f"/{code}/summaries/", {"q": query})
    assert response.status_code == 200, query
    return response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "text", "form", "query"), WORD_FORMS, ids=[case[0] for case in WORD_FORMS])
def test_a_base_word_finds_its_suffixed_forms_in_any_case(client, code, text, form, query):
    _summary(code, f"Found {code}", text)
    _summary(code, f"Other {code}", "Nothing of the kind. Ничего подобного.")
    html = _search(client, code, query)
    assert f"Found {code}" in html
    assert f"Other {code}" not in html
    assert f"<mark>{form}</mark>" in html


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "text", "form", "query"), WORD_FORMS, ids=[case[0] for case in WORD_FORMS])
def test_the_open_data_api_searches_word_forms_too(client, code, text, form, query):
    summary = _summary(code, f"Found {code}", text)
    _summary(code, f"Other {code}", "Nothing of the kind.")
    response = client.get("/api/v1/summaries", {"q": query})
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["items"]] == [summary.slug]


@pytest.mark.django_db
def test_every_word_of_the_query_must_be_found():
    _summary("ru", "Оба", "Реинтеграция и реабилитация.")
    _summary("ru", "Одно", "Только реинтеграция.")
    found = PublicSummary.objects.published().search("реинтеграции реабилитации")
    assert [summary.title_ru for summary in found] == ["Оба"]


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "ru"])
def test_a_title_match_ranks_above_a_text_match(client, code):
    words = {"en": ("Reintegration of returnees", "Reintegration was mentioned.", "reintegration"), "ru": ()}
    words["ru"] = ("Реинтеграция возвращенцев", "Упомянули реинтеграцию.", "реинтеграция")
    title, text, query = words[code]
    _summary(code, title, "Text.", published_at=timezone.now() - datetime.timedelta(days=2))
    # Published later: by date alone it would come first.
    _summary(code, "Other", text, published_at=timezone.now() - datetime.timedelta(days=1))
    html = _search(client, code, query)
    assert html.index("returnees" if code == "en" else "возвращенцев") < html.index("Other")


@pytest.mark.django_db
def test_html_in_a_summary_is_escaped_and_only_the_match_is_marked(client):
    _summary("en", "<b>Bold</b> reintegration", "<script>alert(1)</script> Reintegration of <i>returnees</i>.")
    html = _search(client, "en", "reintegration")
    assert "&lt;b&gt;Bold&lt;/b&gt; <mark>reintegration</mark>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>Reintegration</mark> of &lt;i&gt;returnees&lt;/i&gt;." in html
    assert "<script>alert" not in html and "<i>returnees" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("status", [PublicSummary.Status.DRAFT, PublicSummary.Status.REVIEWED])
def test_unpublished_summaries_are_never_found(client, status):
    _summary("en", "Unpublished reintegration", "Reintegration.", status=status)
    PublicSummaryFactory(title_en="Scheduled reintegration", published_at=timezone.now() + datetime.timedelta(days=1))
    html = _search(client, "en", "reintegration")
    assert "Unpublished" not in html and "Scheduled" not in html
    assert "No summaries match" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ['"', "*", "NEAR(", "-", "a OR b", "title:x", "^x", '"unclosed', "!!!", "' ' '", "((", "x" * 200, "word " * 40],
)
def test_odd_queries_answer_200_without_results(client, query):
    _summary("en", "Reintegration", "Reintegration of returnees.")
    html = _search(client, "en", query)
    assert "No summaries match" in html


@pytest.mark.django_db
def test_a_query_too_long_is_refused_with_a_message(client):
    response = client.get("/en/summaries/", {"q": "reintegration " * 20})
    assert response.status_code == 400
    assert 'class="invalid-feedback' in response.content.decode()


@pytest.mark.django_db
def test_searching_costs_the_same_queries_with_more_results(client, django_assert_num_queries):
    def search() -> str:
        # The filters' options (bodies, countries); the count and the page of summaries.
        with django_assert_num_queries(4):
            return _search(client, "ru", "Реинтеграция")

    _summary("ru", "Первое", "О реинтеграции.")
    assert search().count("<mark>") == 1
    for number in range(8):
        _summary("ru", f"Ещё {number}", "О реинтеграции.")
    assert search().count("<mark>") == 9


@pytest.mark.django_db
def test_the_index_follows_every_write_including_bulk_updates():
    summary = _summary("kk", "Бір", "Кеңесінің отырысы.")
    assert list(PublicSummary.objects.search("кеңес")) == [summary]
    PublicSummary.objects.filter(pk=summary.pk).update(text_kk="Жаңа мәтін.")
    assert not PublicSummary.objects.search("кеңес").exists()
    assert list(PublicSummary.objects.search("мәтін")) == [summary]
    summary.delete()
    assert not PublicSummary.objects.search("мәтін").exists()


@pytest.mark.django_db
def test_sqlite_triggers_dropped_by_a_table_rebuild_are_put_back():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL indexes an expression and needs no triggers.")
    summary = _summary("uz", "Bir", "Yigʻilishini.")
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER meetings_summary_fts_update")
    PublicSummary.objects.filter(pk=summary.pk).update(text_uz="Majlis.")
    assert not PublicSummary.objects.search("majlis").exists()
    assert ensure_sqlite_index(connection)
    assert list(PublicSummary.objects.search("majlis")) == [summary]
    assert not ensure_sqlite_index(connection)


@pytest.mark.django_db
def test_the_search_uses_the_index_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("The GIN index exists on PostgreSQL only.")
    queryset = PublicSummary.objects.search("yig'ilish реинтеграция")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "meetings_summary_search" in plan, plan


def test_terms_fold_case_and_apostrophes_and_cut_common_endings():
    assert [term.stem for term in search_terms("Yigʻilish yig'ilish YIG’ILISH")] == ["yigilish"] * 3
    assert [term.stem for term in search_terms("Реинтеграции реинтеграция")] == ["реинтеграц"] * 2
    assert light_stem("meetings") == "meet" and light_stem("policies") == "polic"
    # Short words keep their endings, and one or two letters are matched whole, not as prefixes.
    assert light_stem("совет") == "совет"
    assert [(term.word, term.prefix) for term in search_terms("of UN")] == [("of", False), ("un", False)]
    assert search_terms('"*NEAR(-^:') == [search_terms("near")[0]]
    assert len(search_terms("word " * 50)) == 10


def test_the_highlighter_escapes_first_and_marks_whole_words():
    terms = search_terms("yig'ilish")
    assert highlight("<b>Yigʻilishini</b> & yig'ilishi", terms) == (
        "&lt;b&gt;<mark>Yigʻilishini</mark>&lt;/b&gt; &amp; <mark>yig&#x27;ilishi</mark>"
    )
    assert highlight("<b>nothing</b>", []) == "&lt;b&gt;nothing&lt;/b&gt;"


def test_the_excerpt_shows_the_first_match_in_its_sentence():
    text = " ".join(f"w{number}" for number in range(100)) + " реинтеграции " + "конец " * 100
    shown = excerpt(text, search_terms("Реинтеграция"))
    assert shown.startswith("…w92 ") and "<mark>реинтеграции</mark>" in shown and shown.endswith("…")
    assert excerpt("Short <text>.", search_terms("absent")) == "Short &lt;text&gt;."
