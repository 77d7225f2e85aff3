"""Two exports of the same edition requested at the same moment make one job.

Runs with real transactions: row locks on PostgreSQL; on SQLite (a file test
database) the second writer waits for the first."""

import threading

import pytest
from django.db import connection

from hub.models import Status
from ideas.models import EditionExport
from ideas.services.scrapbook import export_request
from tests.ideas.factories_scrapbook import ArticleFactory, edition_with


@pytest.mark.django_db(transaction=True)
def test_an_export_requested_twice_at_once_makes_one_job(school_admin, staff):
    edition = edition_with(
        [ArticleFactory(author=staff, status=Status.PUBLISHED)], created_by=school_admin
    )
    barrier = threading.Barrier(2)
    results, errors = [], []

    def request():
        try:
            barrier.wait()
            results.append(export_request(edition=edition, editor=school_admin, format="pdf").pk)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(set(results)) == 1
    assert EditionExport.objects.count() == 1
