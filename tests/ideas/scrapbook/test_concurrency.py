"""Two exports of the same edition requested at the same moment make one job.

Runs with real transactions: row locks on PostgreSQL; on SQLite (a file test
database) the second writer waits for the first."""

import pytest

from hub.models import Status
from ideas.scrapbook.models import EditionExport
from ideas.scrapbook.services import export_request
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
