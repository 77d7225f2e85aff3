from pathlib import Path
from zipfile import BadZipFile

from django.core.management.base import BaseCommand, CommandError

from hub.ops.backup.archive import ArchiveRefused, import_school


class Command(BaseCommand):
    help = "Restore a school archive made by export_school into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="path of the .zip made by export_school")

    def handle(self, *args, archive: str, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"No archive at {path}.")
        try:
            manifest = import_school(path)
        except BadZipFile as error:
            raise CommandError(f"{path} is not a zip archive.") from error
        except ArchiveRefused as error:
            raise CommandError(str(error)) from error
        school = manifest["school"]
        rows = sum(manifest["rows"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {school['name']} (URN {school['urn']}): {rows} rows and "
                f"{len(manifest['media'])} files."
            )
        )
