import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from hub.registry import periodic_jobs

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the registered periodic jobs (reminders, weekly digests, publication). "
        "With --once for cron; otherwise loops every --interval seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and stop.")
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")

    def handle(self, *args, once: bool, interval: int, **options):
        while True:
            close_old_connections()
            now = timezone.now()
            for job in periodic_jobs():
                try:
                    job.run(now)
                except Exception:
                    # One failing job must not stop reminders of the others.
                    log.exception("Periodic job %s failed", job.name)
            if once:
                return
            time.sleep(interval)
