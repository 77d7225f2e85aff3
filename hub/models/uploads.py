"""Where uploaded and generated files are stored: always under a random name."""

import re
import secrets
from pathlib import PurePosixPath

from django.utils import timezone
from django.utils.deconstruct import deconstructible

TIDY_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")


@deconstructible
class RandomName:
    """`upload_to` for every FileField: a random name in `folder` (strftime codes allowed),
    keeping only a tidy extension of the name it was given.

    A person's own file name ("Y3 - Amir's reading.pptx") can say whom it is about and
    makes a path guessable; files are served only by views that check who may see them.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePosixPath(filename).suffix.lower()
        if not TIDY_SUFFIX.fullmatch(suffix):
            suffix = ""
        folder = timezone.now().strftime(self.folder).rstrip("/")
        return f"{folder}/{secrets.token_hex(16)}{suffix}"

    def __eq__(self, other) -> bool:
        return isinstance(other, RandomName) and other.folder == self.folder
