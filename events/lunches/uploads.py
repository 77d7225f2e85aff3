"""Checking an input's slides or handout by what the file IS, not what it is called."""

import io
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from PIL import Image

from hub.lib.images import truncated_files_refused

MAX_RESOURCE_BYTES = 20 * 1024 * 1024

# Sniffed MIME type -> file name endings that may carry it.
ALLOWED_TYPES: dict[str, set[str]] = {
    "application/pdf": {"pdf"},
    "application/vnd.ms-powerpoint": {"ppt", "pps"},
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": {"pptx"},
    "application/msword": {"doc"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"docx"},
    "image/png": {"png"},
    "image/jpeg": {"jpg", "jpeg"},
    "image/webp": {"webp"},
}
# A small, highly compressed PNG can decode to gigabytes: refuse before decoding.
# 40 megapixels fits any phone photo up to 8000 x 5000.
MAX_IMAGE_PIXELS = 40_000_000
IMAGE_FORMATS = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WEBP"}
HELP = "A PDF, PowerPoint, Word document or image (PNG, JPEG, WebP), up to 20 MB."


def check_resource_file(upload: UploadedFile) -> UploadedFile:
    """Refuse anything over 20 MB or whose content is not an allowed type; images come
    back re-encoded without metadata (photos of classrooms may show children)."""
    if upload.size > MAX_RESOURCE_BYTES:
        raise ValidationError("This file is larger than 20 MB. Please upload a smaller one.")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head) if head else None
    ending = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            "This file is not a PDF, PowerPoint, Word document or image, whatever its name "
            "says. " + HELP
        )
    if ending not in ALLOWED_TYPES[kind.mime]:
        raise ValidationError(
            f"The file's name ends “.{ending}” but it is really a "
            f"{'/'.join(sorted(ALLOWED_TYPES[kind.mime]))} file. Please rename it."
        )
    if kind.mime in IMAGE_FORMATS:
        return _without_metadata(upload, IMAGE_FORMATS[kind.mime], kind.mime)
    return upload


def _without_metadata(upload: UploadedFile, image_format: str, mime: str) -> UploadedFile:
    try:
        with Image.open(upload) as image:
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ValidationError(
                    "This image is too large to use (over 40 megapixels). Please resize it."
                )
            with truncated_files_refused():
                image.load()
            clean = image.copy()
    except ValidationError:
        raise
    except Exception:
        # Pillow's decoders fail on hostile files in many ways (UnicodeDecodeError
        # from a PNG chunk name once WeasyPrint sets LOAD_TRUNCATED_IMAGES, struct
        # errors, bombs); each one means the same thing to the person uploading.
        raise ValidationError("This image could not be read. " + HELP) from None
    buffer = io.BytesIO()
    if image_format == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    clean.save(buffer, format=image_format)
    size = buffer.tell()
    buffer.seek(0)
    return InMemoryUploadedFile(buffer, "file", upload.name, mime, size, None)
