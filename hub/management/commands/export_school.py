from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hub.models import School
from hub.ops.backup.archive import export_school, find_school


class Command(BaseCommand):
    help = "Write one school's data and media (uploads) to a zip archive for import_school."

    def add_arguments(self, parser):
        parser.add_argument("school", help="the school's URN (or its id)")
        parser.add_argument(
            "--output",
            "-o",
            help="archive path (default: school-<URN>-<date>.zip in the current directory)",
        )

    def handle(self, *args, school: str, output: str | None, **options):
        try:
            found = find_school(school)
        except School.DoesNotExist as error:
            raise CommandError(str(error)) from error
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        destination = Path(output or f"school-{found.urn}-{stamp}.zip")
        manifest = export_school(found, destination)
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {found.name} (URN {found.urn}): {rows} rows in "
                f"{len(manifest['rows'])} tables and {len(manifest['media'])} files "
                f"to {destination}"
            )
        )
