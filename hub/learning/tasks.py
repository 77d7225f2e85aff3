"""The worker's part of My learning: making a person's record as a PDF or CSV."""

import logging
import tempfile
import uuid
from datetime import timedelta

from django.core.files import File
from django.db.models import Q
from django.utils import timezone
from django_tasks import TaskContext, task

from hub.models import LearningExport, LearningExportFormat, LearningExportStatus, NoticeKind

logger = logging.getLogger(__name__)

EXPORT_DIR = "learning/exports"


@task(takes_context=True)
def make_learning_export(context: TaskContext, export_id: int) -> None:
    """Make one export file and tell its owner. Safe to run again after a lost worker:
    it takes up only a waiting export or its own, and the file appears whole or not at all."""
    from hub.learning.export import write_learning_csv, write_learning_pdf
    from hub.notifications import notify

    run = str(context.task_result.id)
    waiting = Q(status=LearningExportStatus.QUEUED)
    mine = Q(status=LearningExportStatus.RUNNING, task_id=run)
    started = LearningExport.objects.filter(waiting | mine, pk=export_id).update(
        status=LearningExportStatus.RUNNING, task_id=run
    )
    if not started:
        return
    export = LearningExport.objects.select_related("staff__school").get(pk=export_id)
    # A random name, like every stored file: it cannot be guessed from the export's id.
    name = f"{EXPORT_DIR}/{uuid.uuid4().hex}.{export.format}"
    try:
        # Made in this machine's scratch space, then stored whole (the local disk or the
        # bucket every server shares); the row names the file only once it is stored.
        with tempfile.TemporaryFile() as output:
            if export.format == LearningExportFormat.PDF:
                write_learning_pdf(export, output)
            else:
                write_learning_csv(export, output)
            output.seek(0)
            name = LearningExport._meta.get_field("file").storage.save(name, File(output))
    except Exception as error:
        logger.exception("Learning export %s failed", export_id)
        LearningExport.objects.filter(pk=export_id, task_id=run).update(
            status=LearningExportStatus.FAILED,
            error=f"The file could not be made ({type(error).__name__}). Please try again.",
            finished_at=timezone.now(),
        )
        return
    LearningExport.objects.filter(pk=export_id, task_id=run).update(
        status=LearningExportStatus.DONE, file=name, finished_at=timezone.now()
    )
    message = f"Your learning record ({export.start:%-d %b %Y} to {export.end:%-d %b %Y}) is ready."
    notify(
        recipient=export.staff,
        kind=NoticeKind.LEARNING,
        target=export,
        email_template="notice",
        context={"message": message},
        message=message,
    )


EXPORTS_KEPT_FOR = timedelta(days=30)


def forget_old_exports(now) -> int:
    """Periodic job: an exported record is kept 30 days, then its file is deleted (the
    person can make it again at any time). Idempotent; returns how many it removed."""
    old = list(LearningExport.objects.filter(created_at__lt=now - EXPORTS_KEPT_FOR)[:500])
    storage = LearningExport._meta.get_field("file").storage
    for export in old:
        if export.file:
            storage.delete(export.file.name)
    LearningExport.objects.filter(pk__in=[export.pk for export in old]).delete()
    return len(old)
