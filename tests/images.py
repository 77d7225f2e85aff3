"""Image files for tests that would be slow to draw with Pillow each time."""

import functools
import io
import struct
import zlib

from PIL import Image


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@functools.cache
def png_decompression_bomb(side: int = 30_000) -> bytes:
    """A valid black-and-white PNG of side × side pixels (900 megapixels by default)
    that is ~110 KB on disk: a tiny file that is huge when decoded.

    Written chunk by chunk, row by row: Pillow would first allocate the 112 MB image
    and then compress it, ~1 CPU-second for each test that needs one.
    """
    row = bytes(1 + (side + 7) // 8)  # filter byte "none", then the row's bits, all black
    deflate = zlib.compressobj(9)
    pixels = b"".join(deflate.compress(row) for _ in range(side)) + deflate.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", pixels)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_cut_short(size: tuple[int, int] = (800, 600)) -> bytes:
    """A JPEG whose header is whole (it opens as `size`) and whose pixels stop half-way:
    an upload that broke off."""
    photo = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(photo, format="JPEG")
    return photo.getvalue()[: len(photo.getvalue()) // 2]
