"""Every test here that asks for `storage_kind` runs twice: with files on the local disk
and in a bucket of a real S3 API on loopback (moto's server, tests/s3_server.py; the
bucket fixtures are in tests/conftest.py), one bucket per test."""

import pytest


@pytest.fixture(params=["local", "s3"])
def storage_kind(request):
    """The files' storage for this test: "local" (MEDIA_ROOT) or "s3" (a fresh bucket)."""
    if request.param == "s3":
        request.getfixturevalue("on_s3")
    return request.param


@pytest.fixture
def stored(storage_kind, request, settings):
    """The names of the stored files, seen from outside Django: the bucket's keys, or
    the files under MEDIA_ROOT."""
    if storage_kind == "s3":
        return request.getfixturevalue("s3_bucket").names
    return lambda: {
        str(path.relative_to(settings.MEDIA_ROOT))
        for path in settings.MEDIA_ROOT.rglob("*")
        if path.is_file()
    }
