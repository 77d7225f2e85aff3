"""Cleaning uploaded photos before they are stored (Django-free, so any feature can reuse it).

Photos from staff may show children, so every upload is decoded by Pillow,
checked to be a real raster image of an allowed type, turned upright from its
EXIF orientation, stripped of every piece of metadata (EXIF, GPS, XMP, ICC,
comments) by re-encoding only the pixels, and downsized to a sensible size.
"""

from __future__ import annotations

import contextlib
import io
import threading
import warnings
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageFile, ImageOps

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 2000
PRINT_SIDE = 1000
# About 50 megapixels: far beyond any phone photo, well short of a bomb's billions.
MAX_PIXELS = 50_000_000
ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


class ImageRejected(ValueError):
    """The upload is not an image we accept; the message is safe to show its sender."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    extension: str
    content_type: str
    width: int
    height: int


def clean_image(
    source: BinaryIO | bytes, *, max_bytes: int = MAX_UPLOAD_BYTES, max_side: int = MAX_SIDE
) -> CleanImage:
    """Decode, check, orient, strip and re-encode one uploaded image, or raise ImageRejected."""
    data = _read_limited(source, max_bytes)
    image = _open_checked(data)
    original_format = image.format
    # A corrupt orientation tag should not cost the photo.
    with contextlib.suppress(Exception):
        image = ImageOps.exif_transpose(image)
    return _encode(image, max_side=max_side, output_format=original_format)


def print_rendition(clean: CleanImage, *, max_side: int = PRINT_SIDE) -> CleanImage:
    """A smaller JPEG of an already cleaned image, sized for an A4 page at print quality."""
    with Image.open(io.BytesIO(clean.content)) as image:
        image.load()
        return _encode(image, max_side=max_side, output_format="JPEG")


def _read_limited(source: BinaryIO | bytes, max_bytes: int) -> bytes:
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        if hasattr(source, "seek"):
            source.seek(0)
        data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImageRejected(
            f"That file is larger than {max_bytes // (1024 * 1024)} MB. "
            "Please choose a smaller photo (phone photos are usually 2–5 MB)."
        )
    if not data:
        raise ImageRejected("That file is empty.")
    return data


_decoding_strictly = threading.Lock()


@contextlib.contextmanager
def truncated_files_refused():
    """Decode as if no library had told Pillow to accept files cut short.

    WeasyPrint sets Pillow's process-wide `ImageFile.LOAD_TRUNCATED_IMAGES` when it is
    imported (the worker, and any process that made a PDF); from then on a photo whose
    upload stopped half-way decoded as a half-grey picture and was stored. An upload
    must be refused instead. The lock keeps two uploads from restoring each other's
    value; a PDF drawn in another thread meanwhile leaves out a truncated picture.
    """
    with _decoding_strictly:
        accepted = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = False
        try:
            yield
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = accepted


def _open_checked(data: bytes) -> Image.Image:
    unsupported = "Please upload a JPEG, PNG or WebP photo. This file is not one of those."
    too_big = (
        "That image has far too many pixels to be a photo (it may be a decompression bomb). "
        "Please upload an ordinary photo."
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=list(ALLOWED_FORMATS))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRejected(too_big) from None
        except Exception:
            raise ImageRejected(unsupported) from None
        if image.format not in ALLOWED_FORMATS:
            raise ImageRejected(unsupported)
        if image.width * image.height > MAX_PIXELS:
            raise ImageRejected(too_big)
        try:
            with truncated_files_refused():
                image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageRejected(too_big) from None
        except Exception:
            raise ImageRejected("That image file is damaged or incomplete.") from None
    return image


def _encode(image: Image.Image, *, max_side: int, output_format: str) -> CleanImage:
    if max(image.size) > max_side:
        image = image.copy()
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    original = output_format
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    # Only the pixels are copied into a fresh image: nothing of the original's
    # info dict (EXIF, XMP, ICC profile, comments, GPS) can follow it out.
    if original in ("PNG", "WEBP") and has_alpha:
        pixels = image.convert("RGBA")
    elif has_alpha:  # Transparent areas print as white paper, not black.
        pixels = Image.new("RGB", image.size, "white")
        pixels.paste(image.convert("RGBA"), mask=image.convert("RGBA"))
    else:
        pixels = image.convert("RGB")
    fresh = Image.new(pixels.mode, pixels.size)
    fresh.paste(pixels)
    out = io.BytesIO()
    if original == "PNG":
        fresh.save(out, format="PNG", optimize=True)
        extension, content_type = "png", "image/png"
    elif original == "WEBP":
        fresh.save(out, format="WEBP", quality=85)
        extension, content_type = "webp", "image/webp"
    else:
        fresh.save(out, format="JPEG", quality=85, optimize=True)
        extension, content_type = "jpg", "image/jpeg"
    return CleanImage(out.getvalue(), extension, content_type, fresh.width, fresh.height)
