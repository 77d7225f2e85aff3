"""Two exports of the same edition requested at the same moment make one job.

Runs with real transactions: row locks on PostgreSQL; on SQLite (a file test
database) the second writer waits for the first."""

import pytest

from hub.models import Status
from ideas.scrapbook.models import EditionExport
from ideas.scrapbook.services import edition_arrange, export_request
from tests.concurrency import run_at_once
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with


@pytest.mark.django_db(transaction=True)
def test_an_export_requested_twice_at_once_makes_one_job(school_admin, staff):
    edition = edition_with(
        [ArticleFactory(author=staff, status=Status.PUBLISHED)], created_by=school_admin
    )
    results = []

    def request():
        results.append(export_request(edition=edition, editor=school_admin, format="pdf").pk)

    errors = run_at_once(request, request)
    assert not errors
    assert len(set(results)) == 1
    assert EditionExport.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_editors_moving_articles_at_once_both_get_their_move(school_admin, moderator, staff):
    articles = [ArticleFactory(author=staff, status=Status.PUBLISHED) for _ in range(6)]
    edition = edition_with(articles, created_by=school_admin)
    ids = [a.pk for a in articles]

    def move(editor, article_id):
        return lambda: edition_arrange(
            edition=edition, editor=editor, action="move", article_id=article_id, position=1
        )

    errors = run_at_once(move(school_admin, ids[5]), move(moderator, ids[4]))
    assert not errors
    order = list(edition.entries.order_by("position").values_list("article_id", flat=True))
    # Whichever went second is first; both moved to the top, nothing lost or doubled.
    assert set(order[:2]) == {ids[4], ids[5]} and order[2:] == ids[:4]
    assert len(order) == 6
