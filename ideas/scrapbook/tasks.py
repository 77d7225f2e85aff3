"""Background work for the scrapbook: making an edition's PDF, Word or CSV file."""

import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

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


@task()
def make_edition_export(export_id: int) -> None:
    """Make one export file. It is written under a temporary name and moved into
    place only when complete, so a half-written file is never served."""
    started = EditionExport.objects.filter(pk=export_id, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING, progress=5
    )
    if not started:  # Already taken by another worker, finished, or deleted.
        return
    export = EditionExport.objects.select_related("edition__school").get(pk=export_id)
    folder = Path(settings.MEDIA_ROOT) / EXPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    # A random name, like every stored file: it cannot be guessed from the edition's id.
    name = f"{EXPORT_DIR}/{uuid.uuid4().hex}.{export.format}"
    partial = folder / f".{uuid.uuid4().hex}.part"
    try:
        _build(export, partial)
        os.replace(partial, Path(settings.MEDIA_ROOT) / name)
    except Exception as error:
        logger.exception("Export %s failed", export_id)
        partial.unlink(missing_ok=True)
        EditionExport.objects.filter(pk=export_id).update(
            status=ExportStatus.FAILED,
            error=f"The file could not be made ({type(error).__name__}). Please try again.",
            finished_at=timezone.now(),
        )
        return
    with transaction.atomic():
        EditionExport.objects.filter(pk=export_id).update(
            status=ExportStatus.DONE, progress=100, file=name, finished_at=timezone.now()
        )
        _forget_older_files(export)


def _forget_older_files(export: EditionExport) -> None:
    """Files made for earlier versions of the edition are no longer served: delete them."""
    older = (
        EditionExport.objects.filter(edition_id=export.edition_id, format=export.format)
        .exclude(made_for_version=export.made_for_version)
        .exclude(status__in=(ExportStatus.QUEUED, ExportStatus.RUNNING))
    )
    names = [row.file.name for row in older if row.file]
    older.delete()
    storage = EditionExport._meta.get_field("file").storage

    def remove() -> None:
        for stale in names:
            storage.delete(stale)

    transaction.on_commit(remove)
