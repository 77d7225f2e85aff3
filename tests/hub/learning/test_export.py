import csv
import io
import os
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from hub.learning.tasks import forget_old_exports
from hub.models import LearningExport, LearningExportStatus, NoticeKind, Notification
from ideas.board.models import ReactionKind
from tests.hub.learning.factories import FocusFactory, NoteFactory, finished_export
from tests.hub.learning.records import one_of_everything
from tests.ideas.board.factories import IdeaFactory, ReactionFactory

REQUEST = reverse("hub:request_learning_export")


def period(**overrides) -> dict:
    today = timezone.localdate()
    data = {"format": "pdf", "start": f"{today.year}-01-01", "end": today.isoformat()}
    if today.month >= 9:
        data["start"] = f"{today.year}-09-01"
    data.update(overrides)
    return data


@pytest.fixture
def export_now(django_capture_on_commit_callbacks):
    """Post the export form and run the queued task, as the worker would."""

    def post(client, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(REQUEST, data)

    return post


def download(client, export) -> bytes:
    response = client.get(reverse("hub:download_learning_export", args=[export.pk]))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    return b"".join(response.streaming_content)


def test_the_worker_makes_a_pdf_of_one_or_two_pages_and_tells_its_owner(
    client_for, staff, moderator, export_now
):
    staff.job_title = "Year 4 teacher"
    staff.save()
    FocusFactory(staff=staff, text="Better questions in guided reading", tags=["questioning"])
    one_of_everything(staff, moderator)
    NoteFactory(staff=staff, text="My own private thought about wait time.")
    client = client_for(staff)
    response = export_now(client, period())
    export = LearningExport.objects.get(staff=staff)
    assert response.url == reverse("hub:learning_export", args=[export.pk])
    assert export.status == LearningExportStatus.DONE
    pdf = PdfReader(io.BytesIO(download(client, export)))
    assert 1 <= len(pdf.pages) <= 2
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    for words in (
        "Learning record: Alice Teacher",
        "Year 4 teacher",
        "Better questions in guided reading",
        "Tried Call and response",
        "What happened: The class joined in.",
        "Attended Metacognition for everyone",
        "Wrote Retrieval walls for the scrapbook",
        "Posed a Thinking Thursday question",
        "My own private thought",
    ):
        assert words in text, words
    notice = Notification.objects.get(recipient=staff, kind=NoticeKind.LEARNING)
    assert notice.link() == export.get_absolute_url()
    page = client.get(notice.link()).content.decode()
    assert "Your file is ready" in page and export.filename in page


def test_a_long_record_still_fits_on_two_pages(client_for, staff, moderator, export_now):
    for idea in IdeaFactory.create_batch(120, author=moderator, title=("A long title " * 8)[:80]):
        ReactionFactory(idea=idea, author=staff, kind=ReactionKind.TRIED, reflection="Long. " * 80)
    client = client_for(staff)
    export_now(client, period())
    pdf = PdfReader(io.BytesIO(download(client, LearningExport.objects.get())))
    assert len(pdf.pages) == 2
    assert "And 90 earlier entries" in " ".join(pdf.pages[-1].extract_text().split())


def test_the_csv_holds_the_record_and_keeps_formulas_as_text(
    client_for, staff, moderator, export_now
):
    FocusFactory(staff=staff, text="=HYPERLINK(1)")
    one_of_everything(staff, moderator)
    client = client_for(staff)
    export_now(client, period(format="csv"))
    body = download(client, LearningExport.objects.get()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["Name", "Alice Teacher"]
    assert ["Focus", "'=HYPERLINK(1)", ""] in rows
    assert any(row[2:4] == ["Tried", "Call and response"] for row in rows)
    assert any(row[2:4] == ["Attended", "Metacognition for everyone"] for row in rows)


def test_bad_periods_are_refused_and_nothing_is_made(client_for, staff):
    client = client_for(staff)
    response = client.post(REQUEST, period(start="2026-10-10", end="2026-10-01"))
    assert response.status_code == 400
    assert "on or after the start" in response.content.decode()
    future = client.post(REQUEST, period(start="2150-01-01", end="2150-02-01"))
    assert "The start cannot be in the future." in future.content.decode()
    ancient = client.post(REQUEST, period(start="0001-01-01"))
    assert "Choose a date between 1900 and 2199." in ancient.content.decode()
    assert "Enter a valid date." in client.post(REQUEST, period(start="soon")).content.decode()
    assert "Select a valid choice" in client.post(REQUEST, period(format="exe")).content.decode()
    assert not LearningExport.objects.exists()


def test_only_its_owner_downloads_an_export(client_for, staff, moderator, school_admin):
    export = finished_export(staff)
    for other in (moderator, school_admin):
        url = reverse("hub:download_learning_export", args=[export.pk])
        assert client_for(other).get(url).status_code == 404


def test_an_unfinished_export_is_not_downloadable(client_for, staff):
    export = LearningExport.objects.create(
        staff=staff, format="pdf", start=timezone.localdate(), end=timezone.localdate()
    )
    client = client_for(staff)
    assert "Waiting to start" in client.get(export.get_absolute_url()).content.decode()
    url = reverse("hub:download_learning_export", args=[export.pk])
    assert client.get(url).status_code == 404


def test_an_exported_file_is_forgotten_after_30_days(staff):
    old, new = finished_export(staff), finished_export(staff)
    LearningExport.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    path = old.file.path
    assert forget_old_exports(timezone.now()) == 1
    assert list(LearningExport.objects.all()) == [new]
    assert not os.path.exists(path)
    assert forget_old_exports(timezone.now()) == 0
