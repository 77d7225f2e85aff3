import io

import pytest
from PIL import Image, ImageFile, PngImagePlugin

from hub.lib.images import ImageRejected, clean_image, print_rendition
from tests.images import jpeg_cut_short, png_decompression_bomb


def jpeg_with_gps_and_rotation() -> bytes:
    image = Image.new("RGB", (400, 200), (200, 30, 30))
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 0.0)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 0.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"taken at 10 Acacia Avenue")
    return out.getvalue()


def encoded(fmt: str, size=(300, 200), mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "white").save(out, format=fmt)
    return out.getvalue()


def test_it_strips_exif_and_gps_and_applies_the_orientation():
    clean = clean_image(jpeg_with_gps_and_rotation())
    stored = Image.open(io.BytesIO(clean.content))
    assert stored.size == (200, 400)  # turned upright
    assert not stored.getexif()
    assert "exif" not in stored.info and "comment" not in stored.info
    assert b"Acacia" not in clean.content and b"PhoneMaker" not in clean.content


@pytest.mark.parametrize("fmt,extension", [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_it_accepts_jpeg_png_and_webp(fmt, extension):
    clean = clean_image(encoded(fmt))
    assert clean.extension == extension
    assert Image.open(io.BytesIO(clean.content)).format == fmt


def test_it_strips_an_icc_profile_and_png_text():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "secret location")
    out = io.BytesIO()
    Image.new("RGB", (50, 50)).save(out, format="PNG", pnginfo=info, icc_profile=b"fake-icc")
    clean = clean_image(out.getvalue())
    assert b"secret location" not in clean.content
    assert "icc_profile" not in Image.open(io.BytesIO(clean.content)).info


def test_it_downsizes_to_2000_pixels():
    clean = clean_image(encoded("JPEG", size=(4000, 3000)))
    assert (clean.width, clean.height) == (2000, 1500)


def test_the_print_rendition_is_a_smaller_jpeg():
    printable = print_rendition(clean_image(encoded("PNG", size=(2000, 1000), mode="RGBA")))
    assert printable.extension == "jpg" and printable.width == 1000


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b"#!/bin/sh\nrm -rf /\n",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"plain text, not a photo",
        encoded("GIF"),
        encoded("BMP"),
    ],
    ids=["html", "script", "svg", "text", "gif", "bmp"],
)
def test_it_rejects_anything_but_jpeg_png_and_webp(content):
    with pytest.raises(ImageRejected, match="JPEG, PNG or WebP"):
        clean_image(content)


def test_it_refuses_files_over_ten_megabytes():
    with pytest.raises(ImageRejected, match="larger than 10 MB"):
        clean_image(io.BytesIO(b"\xff\xd8" + b"0" * (30 * 1024 * 1024)))


def test_it_refuses_a_png_decompression_bomb():
    # A tiny file that claims 30,000 × 30,000 pixels: 900 megapixels when decoded.
    bomb = png_decompression_bomb()
    assert len(bomb) < 1_000_000
    with pytest.raises(ImageRejected, match="decompression bomb"):
        clean_image(bomb)


def test_it_refuses_a_truncated_image():
    with pytest.raises(ImageRejected):
        clean_image(encoded("JPEG", size=(800, 600))[:400])


@pytest.mark.parametrize("weasyprint_loaded", [False, True])
def test_a_photo_cut_short_after_its_header_is_called_damaged(monkeypatch, weasyprint_loaded):
    # The header reads as an 800 x 600 JPEG; the pixels stop part of the way down.
    # Importing WeasyPrint sets Pillow to accept such files, for the whole process.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", weasyprint_loaded)
    cut = jpeg_cut_short((800, 600))
    assert Image.open(io.BytesIO(cut)).size == (800, 600)
    with pytest.raises(ImageRejected, match="damaged or incomplete"):
        clean_image(cut)
    assert ImageFile.LOAD_TRUNCATED_IMAGES is weasyprint_loaded  # left as it was


def test_a_bomb_found_only_while_decoding_is_refused_as_too_big(monkeypatch):
    # Pillow can raise its bomb error from the decoder as well as from the header.
    def explode(image):
        raise Image.DecompressionBombError("Image size exceeds limit")

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", explode)
    with pytest.raises(ImageRejected, match="decompression bomb"):
        clean_image(encoded("PNG"))


def test_it_refuses_an_empty_file():
    with pytest.raises(ImageRejected, match="empty"):
        clean_image(b"")
