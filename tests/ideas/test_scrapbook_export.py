import io
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hub.models import Status
from ideas.models import EditionExport, ExportStatus
from tests.ideas.factories_scrapbook import ArticleFactory, add_photo, edition_with

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def edition(school, staff, school_admin):
    articles = [
        ArticleFactory(author=staff, status=Status.PUBLISHED, title=f"Idea number {n}")
        for n in range(3)
    ]
    add_photo(articles[0])
    return edition_with(articles, created_by=school_admin)


def test_it_exports_a_pdf_with_cover_contents_articles_and_index(
    client_for, school_admin, edition, django_capture_on_commit_callbacks
):
    client = client_for(school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("ideas:export_edition", args=[edition.pk]), {"format": "pdf"}
        )
    export = EditionExport.objects.get()
    assert response.url == reverse("ideas:export_status", args=[export.pk])
    assert export.status == ExportStatus.DONE, export.error
    download = client.get(reverse("ideas:download_export", args=[export.pk]))
    pdf = b"".join(download.streaming_content)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "scrapbook-export.pdf").write_bytes(pdf)  # for a person to look at
    reader = PdfReader(io.BytesIO(pdf))
    # cover, contents, 3 articles, author index
    assert len(reader.pages) == 6
    assert "Idea number 1" in reader.pages[3].extract_text()
