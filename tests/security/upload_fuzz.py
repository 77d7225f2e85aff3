"""Hostile uploads for fuzzing any upload cleaner (hypothesis strategies + one property).

A cleaner is a function taking an UploadedFile and either returning the (possibly
re-encoded) file to store or raising ValidationError. Point `check_cleaner` at any
of them: the lunch resources' `events.lunches.uploads.check_resource_file` today, the
scrapbook's image cleaner (hub/lib/images.py) once it is merged.

How long it runs: FUZZ_EXAMPLES (default a few dozen, seconds in `make test`);
e.g. `FUZZ_EXAMPLES=5000 pytest tests/security/test_upload_fuzz.py` for a long run.
"""

import io
import os
import zipfile
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from PIL import Image

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


def _image(image_format: str, mode: str = "RGB", size=(24, 16)) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "teal").save(buffer, format=image_format)
    return buffer.getvalue()


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
# Real files of each allowed kind, to truncate, corrupt and wrap.
SEEDS = {
    "png": _image("PNG"),
    "png16": _image("PNG", "I;16"),
    "pngP": _image("PNG", "P"),
    "pngLA": _image("PNG", "LA"),
    "jpg": _image("JPEG"),
    "jpgCMYK": _image("JPEG", "CMYK"),
    "webp": _image("WEBP"),
    "gif": _image("GIF", "P"),
    "bmp": _image("BMP"),
    "tiff": _image("TIFF"),
    "pdf": PDF,
    "docx": _docx(),
}
HOSTILE = [
    b"<script>alert(1)</script>",
    b"<html><body onload=alert(1)>",
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b"MZ\x90\x00\x03\x00\x00\x00",  # a Windows executable
    b"\x7fELF\x02\x01\x01",
    b"PK\x03\x04",  # a bare zip
    b"GIF89a/*<script>alert(1)</script>*/",
]
NAMES = [
    "slides.png",
    "photo.jpg",
    "photo.jpeg",
    "pic.webp",
    "talk.pdf",
    "notes.docx",
    "deck.pptx",
    "page.html",
    "drawing.svg",
    "run.exe",
    "noextension",
    "two.pdf.html",
    ".png",
    "../../etc/passwd.png",
]


@st.composite
def hostile_bytes(draw) -> bytes:
    """Random bytes, real files cut short or corrupted, and polyglots."""
    seed = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
    choice = draw(st.sampled_from(["random", "truncated", "corrupted", "polyglot", "real"]))
    if choice == "random":
        return draw(st.binary(max_size=2048))
    if choice == "truncated":
        return seed[: draw(st.integers(0, len(seed)))]
    if choice == "corrupted":
        data = bytearray(seed)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    if choice == "polyglot":
        hostile = draw(st.sampled_from(HOSTILE))
        return draw(st.sampled_from([seed + hostile, hostile + seed, seed[:64] + hostile]))
    return seed


def hostile_uploads():
    """(file name, content) pairs."""
    return st.tuples(st.sampled_from(NAMES), hostile_bytes())


def check_cleaner(cleaner: Callable[[UploadedFile], UploadedFile], name: str, data: bytes):
    """The property: a ValidationError, or a file that reads back as what it claims.

    Returns the cleaned file (None when refused) for callers to check further.
    """
    try:
        cleaned = cleaner(SimpleUploadedFile(name, data))
    except ValidationError as error:
        assert error.messages and all(message.strip() for message in error.messages)
        return None
    cleaned.seek(0)
    content = cleaned.read()
    cleaned.seek(0)
    assert content, f"{name}: an empty file was accepted"
    if (cleaned.content_type or "").startswith("image/") or name.lower().endswith(
        (".png", ".jpg", ".jpeg", ".webp")
    ):
        with Image.open(io.BytesIO(content)) as image:
            image.load()  # an accepted image must decode in full
    return cleaned
