"""Background work for the scrapbook: making an edition's PDF, Word or CSV file."""

import logging
import tempfile
import uuid
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskContext, task

from hub.content import school_changed
from ideas.scrapbook.models import EditionExport, ExportFormat, ExportStatus

logger = logging.getLogger(__name__)

EXPORT_DIR = "scrapbook/exports"


def _set_progress(export_id: int, percent: int) -> None:
    EditionExport.objects.filter(pk=export_id, status=ExportStatus.RUNNING).update(progress=percent)


def _build(export: EditionExport, target: Path) -> None:
    from ideas.scrapbook.export.csv import write_edition_csv
    from ideas.scrapbook.export.docx import write_edition_docx
    from ideas.scrapbook.export.pdf import write_edition_pdf

    if export.format == ExportFormat.PDF:
        write_edition_pdf(export.edition, target, progress=lambda p: _set_progress(export.pk, p))
    elif export.format == ExportFormat.DOCX:
        write_edition_docx(export.edition, target)
    else:
        write_edition_csv(export.edition, target)


@task(takes_context=True)
def make_edition_export(context: TaskContext, export_id: int) -> None:
    """Make one export file. It is made in scratch space and stored only when complete
    (`_build_and_store`), so a half-written file is never served.

    Safe to run again: when its worker dies mid-export, task recovery requeues the
    same task, which takes up its own "Being made" export and starts the file afresh.
    A finished export is left alone, and so is one that a newer request handed to
    another task.
    """
    run = str(context.task_result.id)
    waiting = Q(status=ExportStatus.QUEUED)
    mine = Q(status=ExportStatus.RUNNING, task_id=run)
    started = EditionExport.objects.filter(waiting | mine, pk=export_id).update(
        status=ExportStatus.RUNNING, progress=5, task_id=run
    )
    if not started:  # Taken by another task, finished, or deleted.
        return
    export = EditionExport.objects.select_related("edition__school").get(pk=export_id)
    school_changed(export.edition.school_id)  # its editors' edition page says "Being made"
    # A random name, like every stored file: it cannot be guessed from the edition's id.
    name = f"{EXPORT_DIR}/{uuid.uuid4().hex}.{export.format}"
    try:
        name = _build_and_store(export, name)
    except Exception as error:
        logger.exception("Export %s failed", export_id)
        with transaction.atomic():
            EditionExport.objects.filter(pk=export_id, task_id=run).update(
                status=ExportStatus.FAILED,
                error=f"The file could not be made ({type(error).__name__}). Please try again.",
                finished_at=timezone.now(),
            )
            school_changed(export.edition.school_id)
        return
    with transaction.atomic():
        finished = EditionExport.objects.filter(pk=export_id, task_id=run).update(
            status=ExportStatus.DONE, progress=100, file=name, finished_at=timezone.now()
        )
        if not finished:  # Handed to another task while this one was slow: its file wins.
            _storage().delete(name)
            return
        _forget_older_files(export)
        # The edition's page shows the finished file to its editors.
        school_changed(export.edition.school_id)


def _storage() -> Storage:
    return EditionExport._meta.get_field("file").storage


def _build_and_store(export: EditionExport, name: str) -> str:
    """Make the file in this machine's scratch space, then hand it whole to the storage
    (the local disk or a bucket every server shares); returns the name it was stored as.

    Nothing links to the stored name until the export row is marked done, so no
    download ever meets half a file; a worker killed part-way leaves its scratch file
    to the system's temporary folder, never a name in the storage that a row points at.
    """
    with tempfile.TemporaryDirectory(prefix="staffroom-export-") as scratch:
        made = Path(scratch) / f"edition.{export.format}"
        _build(export, made)
        with made.open("rb") as content:
            return _storage().save(name, File(content))


def _forget_older_files(export: EditionExport) -> None:
    """Files made for earlier versions of the edition are no longer served: delete them."""
    older = (
        EditionExport.objects.filter(edition_id=export.edition_id, format=export.format)
        .exclude(made_for_version=export.made_for_version)
        .exclude(status__in=(ExportStatus.QUEUED, ExportStatus.RUNNING))
    )
    names = [row.file.name for row in older if row.file]
    older.delete()
    storage = _storage()

    def remove() -> None:
        for stale in names:
            storage.delete(stale)

    transaction.on_commit(remove)
