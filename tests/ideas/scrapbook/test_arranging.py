"""Putting an edition in order: move to a position in one step, htmx or plain POST."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from hub.models import Status
from ideas.scrapbook import services
from ideas.scrapbook.models import Article
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "arrange"}


def order(edition) -> list[int]:
    return list(edition.entries.order_by("position").values_list("article_id", flat=True))


@pytest.fixture
def thirteen(staff, school_admin):
    articles = ArticleFactory.create_batch(13, author=staff, status=Status.PUBLISHED)
    return edition_with(articles, created_by=school_admin), [a.pk for a in articles]


def test_the_13th_article_moves_to_the_top_in_one_step(client_for, school_admin, thirteen):
    edition, ids = thirteen
    response = client_for(school_admin).post(
        reverse("ideas:arrange_edition", args=[edition.pk]),
        {"action": "move", "article": ids[12], "position": 1},
        follow=True,
    )
    assert order(edition) == [ids[12], *ids[:12]]
    assert "is now number 1 of 13" in response.content.decode()


def test_an_htmx_move_answers_with_the_lists_and_a_spoken_announcement(
    client_for, school_admin, thirteen
):
    edition, ids = thirteen
    response = client_for(school_admin).post(
        reverse("ideas:arrange_edition", args=[edition.pk]),
        {"action": "move", "article": ids[0], "position": 5},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and 'id="arrange"' in html
    assert 'id="arrange-status" data-hx-swap-oob="innerHTML"' in html
    assert "is now number 5 of 13" in html
    assert f'id="entry-{ids[0]}" draggable="true" data-article="{ids[0]}" data-focus-after' in html
    assert order(edition) == [*ids[1:5], ids[0], *ids[5:]]


@pytest.mark.parametrize("position", ["0", "14", "abc", ""])
def test_a_position_outside_the_edition_is_refused_and_changes_nothing(
    client_for, school_admin, thirteen, position
):
    edition, ids = thirteen
    version = edition.content_version
    response = client_for(school_admin).post(
        reverse("ideas:arrange_edition", args=[edition.pk]),
        {"action": "move", "article": ids[3], "position": position},
        **HTMX,
    )
    assert "Choose a position from 1 to 13." in response.content.decode()
    assert order(edition) == ids
    edition.refresh_from_db()
    assert edition.content_version == version


def test_two_editors_moving_from_the_same_stale_page_both_get_their_move(
    school_admin, moderator, thirteen
):
    edition, ids = thirteen
    # Both pages showed the original order; each change names one article and a place.
    services.edition_arrange(
        edition=edition, editor=school_admin, action="move", article_id=ids[12], position=1
    )
    services.edition_arrange(
        edition=edition, editor=moderator, action="move", article_id=ids[11], position=1
    )
    assert order(edition) == [ids[11], ids[12], *ids[:11]]


def test_moving_an_article_someone_else_took_out_says_so(client_for, school_admin, thirteen):
    edition, ids = thirteen
    services.edition_arrange(
        edition=edition, editor=school_admin, action="remove", article_id=ids[4]
    )
    response = client_for(school_admin).post(
        reverse("ideas:arrange_edition", args=[edition.pk]),
        {"action": "move", "article": ids[4], "position": 1},
        follow=True,
    )
    assert "someone took it out" in response.content.decode()
    assert len(order(edition)) == 12


def test_a_teacher_cannot_arrange_and_another_school_gets_404(
    client_for, staff, outsider, thirteen
):
    edition, ids = thirteen
    url = reverse("ideas:arrange_edition", args=[edition.pk])
    data = {"action": "move", "article": ids[12], "position": 1}
    assert client_for(staff).post(url, data).status_code == 403
    assert client_for(outsider).post(url, data).status_code == 404
    assert order(edition) == ids


@pytest.mark.parametrize("count", [12, 200])
def test_moving_takes_the_same_number_of_queries_for_12_or_200_articles(
    client_for, staff, school_admin, count, django_assert_max_num_queries
):
    articles = ArticleFactory.create_batch(count, author=staff, status=Status.PUBLISHED)
    ArticleFactory.create_batch(30, author=staff, status=Status.PUBLISHED)
    edition = edition_with(articles, created_by=school_admin)
    client = client_for(school_admin)
    url = reverse("ideas:arrange_edition", args=[edition.pk])
    with django_assert_max_num_queries(22):
        response = client.post(
            url, {"action": "move", "article": articles[-1].pk, "position": 1}, **HTMX
        )
    assert response.content.decode().count('class="chosen-item"') == count
    with django_assert_max_num_queries(22):
        client.get(reverse("ideas:edit_edition", args=[edition.pk]))


def _written_on(article: Article, day: datetime) -> None:
    Article.objects.filter(pk=article.pk).update(created_at=day)


def test_articles_to_add_filter_by_term_and_words(client_for, school_admin, staff):
    london = ZoneInfo("Europe/London")
    autumn = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Autumn phonics")
    spring = ArticleFactory(
        author=staff, status=Status.PUBLISHED, title="Spring oracy", subject_or_area="English"
    )
    _written_on(autumn, datetime(2026, 10, 5, 9, tzinfo=london))
    _written_on(spring, datetime(2026, 2, 5, 9, tzinfo=london))
    edition = edition_with([], created_by=school_admin)
    client = client_for(school_admin)
    url = reverse("ideas:edit_edition", args=[edition.pk])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: datetime(2026, 11, 1, 12, tzinfo=london))
        html = client.get(url, {"term": "2026-09-01"}).content.decode()
        assert "Autumn phonics" in html and "Spring oracy" not in html
        html = client.get(url, {"term": "2026-01-01"}).content.decode()
        assert "Spring oracy" in html and "Autumn phonics" not in html
        html = client.get(url, {"q": "english"}).content.decode()
        assert "Spring oracy" in html and "Autumn phonics" not in html
        # htmx asks for the list only, while the filter field keeps its focus.
        fragment = client.get(
            url, {"q": "phonics"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="available"
        ).content.decode()
        assert fragment.startswith('\n  <div id="available"') or 'id="available"' in fragment[:80]
        assert "Autumn phonics" in fragment and '<form method="get"' not in fragment


def test_adding_keeps_the_filter(client_for, school_admin, staff):
    wanted = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Phonics on the stairs")
    ArticleFactory(author=staff, status=Status.PUBLISHED, title="Lunch hall calm")
    edition = edition_with([], created_by=school_admin)
    response = client_for(school_admin).post(
        reverse("ideas:arrange_edition", args=[edition.pk]),
        {"action": "add", "article": wanted.pk, "q": "phonics"},
    )
    assert response.url.endswith("edit/?q=phonics#chosen")
    assert order(edition) == [wanted.pk]


def test_the_term_filter_offers_the_schools_own_term_dates(client_for, school_admin, staff):
    london = ZoneInfo("Europe/London")
    school_admin.school.terms.create(
        name="Michaelmas 2026", first_day=date(2026, 9, 7), last_day=date(2026, 10, 16)
    )
    inside = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Inside Michaelmas")
    after = ArticleFactory(author=staff, status=Status.PUBLISHED, title="After half-term")
    _written_on(inside, datetime(2026, 10, 5, 9, tzinfo=london))
    _written_on(after, datetime(2026, 10, 28, 9, tzinfo=london))
    edition = edition_with([], created_by=school_admin)
    client = client_for(school_admin)
    url = reverse("ideas:edit_edition", args=[edition.pk])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: datetime(2026, 11, 1, 12, tzinfo=london))
        html = client.get(url).content.decode()
        assert '<option value="2026-09-07">Michaelmas 2026</option>' in html
        html = client.get(url, {"term": "2026-09-07"}).content.decode()
    assert "Inside Michaelmas" in html and "After half-term" not in html
