import io
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hub.models import Status
from ideas.scrapbook.models import EditionExport, ExportStatus
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo, edition_with

PROSE = (
    "Every morning the pupils practised explaining their thinking to a partner before "
    "anyone answered aloud, and the quieter children gradually grew more confident."
)
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
    # cover, foreword, contents, 3 articles, author index
    assert len(reader.pages) == 7
    assert "Idea number 1" in reader.pages[4].extract_text()


def export(client, edition, fmt="pdf"):
    return client.post(reverse("ideas:export_edition", args=[edition.pk]), {"format": fmt})


def test_an_edition_with_no_articles_says_so(client_for, school_admin):
    from tests.ideas.scrapbook.factories import EditionFactory

    edition = EditionFactory(created_by=school_admin)
    response = export(client_for(school_admin), edition)
    assert response.url == edition.get_absolute_url()
    page = client_for(school_admin).get(response.url).content.decode()
    assert "no approved articles yet" in page
    assert not EditionExport.objects.exists()


def test_an_export_requested_twice_makes_one_job(client_for, school_admin, edition):
    client = client_for(school_admin)
    first, second = export(client, edition), export(client, edition)
    assert first.url == second.url
    assert EditionExport.objects.count() == 1


def test_a_second_request_reuses_the_finished_file_until_the_edition_changes(
    client_for, school_admin, edition, django_capture_on_commit_callbacks
):
    client = client_for(school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        export(client, edition)
    made = EditionExport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        export(client, edition)
    assert EditionExport.objects.count() == 1
    edition.title = "Renamed"
    from ideas.scrapbook.services import edition_save

    edition_save(edition=edition, editor=school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        export(client, edition)
    latest = EditionExport.objects.get()  # the stale one and its file are gone
    assert latest.pk != made.pk and latest.status == ExportStatus.DONE
    status = client.get(reverse("ideas:export_status", args=[latest.pk])).content.decode()
    assert "changed since" not in status


def test_a_file_still_being_made_is_never_served(client_for, school_admin, edition):
    client = client_for(school_admin)
    export(client, edition)  # queued; the task runs only after commit
    job = EditionExport.objects.get()
    assert client.get(reverse("ideas:download_export", args=[job.pk])).status_code == 404
    page = client.get(reverse("ideas:export_status", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "<progress" in page


def test_the_status_partial_is_all_htmx_gets(client_for, school_admin, edition):
    client = client_for(school_admin)
    export(client, edition)
    job = EditionExport.objects.get()
    partial = client.get(
        reverse("ideas:export_status", args=[job.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert partial.lstrip().startswith('<div id="export-status"')


def test_a_failed_export_says_so_and_can_be_retried(
    client_for, school_admin, edition, django_capture_on_commit_callbacks, monkeypatch
):
    import ideas.scrapbook.export.pdf

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(ideas.scrapbook.export.pdf, "write_edition_pdf", broken)
    client = client_for(school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        export(client, edition)
    job = EditionExport.objects.get()
    assert job.status == ExportStatus.FAILED
    page = client.get(reverse("ideas:export_status", args=[job.pk])).content.decode()
    assert "The export failed" in page and "Try again" in page
    assert not list(
        (Path(job.edition.cover_image.storage.location) / "scrapbook/exports").glob("*.part")
    )
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        export(client, edition)
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE


def test_it_exports_a_word_document_and_a_csv(
    client_for, school_admin, edition, django_capture_on_commit_callbacks
):
    import csv
    import zipfile

    client = client_for(school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        export(client, edition, "docx")
        export(client, edition, "csv")
    docx = EditionExport.objects.get(format="docx")
    with zipfile.ZipFile(docx.file.path) as archive:
        body = archive.read("word/document.xml").decode()
    assert "Idea number 2" in body and "Index of authors" in body
    sheet = EditionExport.objects.get(format="csv")
    with open(sheet.file.path, encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["Position", "Title", "Author"]
    assert [row[1] for row in rows[1:]] == ["Idea number 0", "Idea number 1", "Idea number 2"]


def test_csv_cells_cannot_become_spreadsheet_formulas(school_admin, staff, tmp_path):
    from ideas.scrapbook.export.csv import write_edition_csv

    article = ArticleFactory(author=staff, status=Status.PUBLISHED, title="=HYPERLINK(1)")
    write_edition_csv(edition_with([article], created_by=school_admin), tmp_path / "a.csv")
    assert "'=HYPERLINK(1)" in (tmp_path / "a.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("photos", [0, 1, 3])
def test_an_article_at_its_word_budget_prints_on_one_page(school_admin, staff, tmp_path, photos):
    from ideas.scrapbook.export.pdf import write_edition_pdf
    from ideas.scrapbook.models import word_budget

    budget = word_budget(photos)
    # Ordinary classroom prose (about five letters a word), in three sections.
    prose = PROSE.split()

    def words(n):
        return " ".join(prose[i % len(prose)] for i in range(n))

    third = words(budget // 3)
    article = ArticleFactory(
        author=staff,
        title="A long title that takes two whole lines on the printed page of the scrapbook",
        what_i_did=third,
        what_happened=third,
        try_it_yourself=words(budget - 2 * (budget // 3)),
    )
    for n in range(photos):
        add_photo(article, label=f"Photo {n}")
    from hub.models import Status as S
    from ideas.scrapbook.models import Article

    Article.objects.filter(pk=article.pk).update(status=S.PUBLISHED)
    assert article.word_count() == budget
    pages = write_edition_pdf(edition_with([article], created_by=school_admin), tmp_path / "a.pdf")
    assert pages == 5  # cover, foreword, contents, the article, author index


def test_the_pdf_fetcher_refuses_files_outside_media_and_static():
    from ideas.scrapbook.export.pdf import FetchRefused, StoredFilesFetcher

    fetcher = StoredFilesFetcher()
    for url in ("file:///etc/passwd", "http://example.com/x.png", "https://169.254.169.254/"):
        with pytest.raises(FetchRefused):
            fetcher.fetch(url)


def test_the_pdf_fetcher_reads_only_printed_images_from_the_storage():
    from ideas.scrapbook.export.pdf import FetchRefused, StoredFilesFetcher

    fetcher = StoredFilesFetcher()
    for name in (
        "learning/exports/0123456789abcdef0123456789abcdef.pdf",
        "lunches/inputs/2026/11/0123456789abcdef0123456789abcdef.pdf",
        "scrapbook/print/../../learning/exports/0123456789abcdef0123456789abcdef.pdf",
    ):
        with pytest.raises(FetchRefused):
            fetcher.fetch(f"staffroom-file:{name}")


def test_a_photo_of_pupils_without_consent_can_never_be_stored(staff):
    from django.db import IntegrityError, transaction

    from ideas.scrapbook.models import ArticleImage

    image = add_photo(ArticleFactory(author=staff))
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleImage.objects.filter(pk=image.pk).update(shows_pupils=True, consent_confirmed=False)


def test_only_photos_cleared_for_print_reach_the_export(school_admin, staff):
    from ideas.scrapbook.export.pdf import edition_html

    article = ArticleFactory(author=staff)
    add_photo(article, label="With consent", shows_pupils=True)
    add_photo(article, label="No pupils")
    from ideas.scrapbook.models import Article

    Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    html = edition_html(edition_with([article], created_by=school_admin))
    assert html.count("<figure>") == 2


def test_a_job_whose_worker_died_can_be_started_again(client_for, school_admin, edition):
    from datetime import timedelta

    from django.utils import timezone

    client = client_for(school_admin)
    export(client, edition)
    job = EditionExport.objects.get()
    EditionExport.objects.filter(pk=job.pk).update(
        status=ExportStatus.RUNNING, created_at=timezone.now() - timedelta(hours=1)
    )
    export(client, edition)
    job.refresh_from_db()
    assert job.status == ExportStatus.QUEUED


class WorkerKilled(BaseException):
    """The worker process dying mid-export: nothing in the task gets to handle it."""


def test_an_export_whose_worker_died_is_finished_when_its_task_runs_again(
    client_for, school_admin, edition, monkeypatch, settings
):
    from django.conf import settings as live

    from ideas.scrapbook import tasks
    from tests.hub.ops.test_task_retries import _run_again

    export(client_for(school_admin), edition)  # queued; its task not yet run
    job = EditionExport.objects.get()
    real_build = tasks._build
    half_made: list[Path] = []

    def dies_halfway(export_row, target: Path) -> None:
        target.write_bytes(b"%PDF-1.7 half a file")
        half_made.append(target)
        raise WorkerKilled

    monkeypatch.setattr(tasks, "_build", dies_halfway)
    result = tasks.make_edition_export.enqueue(export_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.file.name) == (ExportStatus.RUNNING, "")  # "Being made" for good

    # Another task for the same export (a stray duplicate) does not start a second build.
    monkeypatch.setattr(tasks, "_build", real_build)
    tasks.make_edition_export.enqueue(export_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.RUNNING and not job.file

    # Task recovery requeues the lost task; a fresh worker runs it under the same id.
    _run_again(result, export_id=job.pk)
    job.refresh_from_db()
    assert (job.status, job.progress) == (ExportStatus.DONE, 100), job.error
    made = Path(live.MEDIA_ROOT) / job.file.name
    assert made.read_bytes().startswith(b"%PDF") and len(PdfReader(made).pages) == 7
    assert not half_made[0].exists()  # the half-made file was replaced, then moved into place

    # Run yet again (say the worker died after finishing): the finished file is kept.
    _run_again(result, export_id=job.pk)
    job.refresh_from_db()
    assert made.exists() and Path(live.MEDIA_ROOT, job.file.name) == made


def test_a_slow_task_whose_export_was_handed_to_another_leaves_that_ones_file(
    client_for, school_admin, edition, monkeypatch
):
    from django.conf import settings as live

    from ideas.scrapbook import tasks

    export(client_for(school_admin), edition)
    job = EditionExport.objects.get()
    real_build = tasks._build
    slow_runs = []

    def meanwhile_retried(export_row, target: Path) -> None:
        real_build(export_row, target)
        if not slow_runs:
            slow_runs.append(target)
            # The person asks again while this run is slow: the export is queued afresh
            # and a second task makes it to the end first.
            EditionExport.objects.filter(pk=job.pk).update(status=ExportStatus.QUEUED)
            tasks.make_edition_export.enqueue(export_id=job.pk)

    monkeypatch.setattr(tasks, "_build", meanwhile_retried)
    tasks.make_edition_export.enqueue(export_id=job.pk)
    job.refresh_from_db()
    assert job.status == ExportStatus.DONE
    made = sorted(p.name for p in (Path(live.MEDIA_ROOT) / tasks.EXPORT_DIR).iterdir())
    assert made == [Path(job.file.name).name]  # one file, the one served; no leftovers
