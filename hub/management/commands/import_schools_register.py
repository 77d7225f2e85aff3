from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from hub.directory.importer import BATCH_SIZE, ENCODING, MissingColumns, import_register
from hub.models import RegisteredSchool

# Enough to find the bad rows in the file; the count says how many there were.
SKIPPED_SHOWN = 20


class Command(BaseCommand):
    help = (
        "Import England's register of schools (the GIAS edubasealldata CSV) into the "
        "directory. Run it again with a newer file at any time: rows are matched by URN."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="path of the edubasealldata CSV file")
        parser.add_argument(
            "--encoding",
            default=ENCODING,
            help=f"the file's character encoding (GIAS publishes {ENCODING})",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)

    def handle(self, *args, path: str, encoding: str, batch_size: int, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No file at {file}.")
        # newline="" lets the csv module read names with line breaks inside quotes.
        with file.open(encoding=encoding, errors="replace", newline="") as lines:
            try:
                report = import_register(lines, batch_size=batch_size)
            except MissingColumns as error:
                raise CommandError(f"{error}: is it the edubasealldata CSV?") from error
        if connection.vendor == "postgresql":
            # Fresh statistics after a bulk load, so the search's plans fit the new rows.
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {RegisteredSchool._meta.db_table}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Read {report.read} rows: {report.added} schools added, "
                f"{report.updated} updated, {len(report.skipped)} skipped."
            )
        )
        for line, problem in report.skipped[:SKIPPED_SHOWN]:
            self.stdout.write(f"  Line {line} skipped: {problem}.")
        if len(report.skipped) > SKIPPED_SHOWN:
            self.stdout.write(f"  … and {len(report.skipped) - SKIPPED_SHOWN} more.")
