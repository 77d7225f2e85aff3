"""Every test here runs twice: with files on the local disk and in a bucket of a real
S3 API on loopback (moto's server, tests/s3_server.py), one bucket per test."""

import os
import uuid
from dataclasses import dataclass

import boto3
import pytest
from storages.backends.s3 import S3Storage

from hub.lib import storage
from tests import s3_server


@pytest.fixture(scope="session")
def s3_endpoint():
    """The run's server (started by tests/conftest.py), or one of this process's own."""
    url = os.environ.get(s3_server.URL_VARIABLE)
    if url:
        s3_server.wait_until_ready(url)
        yield url
        return
    server = s3_server.S3Server()
    try:
        s3_server.wait_until_ready(server.url, server.process)
        yield server.url
    finally:
        server.stop()


@dataclass
class Bucket:
    name: str
    endpoint: str
    client: object

    @property
    def options(self) -> dict:
        """What STAFFROOM_STORAGE=s3 and the AWS_... variables make of this bucket."""
        return storage.s3_options(
            bucket=self.name,
            endpoint_url=self.endpoint,
            region=s3_server.REGION,
            access_key=s3_server.ACCESS_KEY,
            secret_key=s3_server.SECRET_KEY,
        )

    def names(self) -> set[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def fresh_storage(self) -> S3Storage:
        """A storage object of its own on the same bucket: what another machine would make."""
        return S3Storage(**self.options)


@pytest.fixture
def s3_bucket(s3_endpoint):
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=s3_server.REGION,
        aws_access_key_id=s3_server.ACCESS_KEY,
        aws_secret_access_key=s3_server.SECRET_KEY,
    )
    name = f"staffroom-test-{uuid.uuid4().hex[:16]}"
    client.create_bucket(
        Bucket=name, CreateBucketConfiguration={"LocationConstraint": s3_server.REGION}
    )
    bucket = Bucket(name=name, endpoint=s3_endpoint, client=client)
    yield bucket
    # The server lives for the whole run: leave it no bucket to keep in memory.
    for key in bucket.names():
        client.delete_object(Bucket=name, Key=key)
    client.delete_bucket(Bucket=name)


@pytest.fixture(params=["local", "s3"])
def storage_kind(request, settings):
    """The files' storage for this test: "local" (MEDIA_ROOT) or "s3" (a fresh bucket)."""
    if request.param == "s3":
        bucket = request.getfixturevalue("s3_bucket")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {"BACKEND": storage.S3_BACKEND, "OPTIONS": bucket.options},
        }
    return request.param


@pytest.fixture
def stored(storage_kind, request, settings):
    """Where a test finds a stored file by name, outside Django: the bucket's keys, or
    the files under MEDIA_ROOT."""
    if storage_kind == "s3":
        return request.getfixturevalue("s3_bucket").names
    return lambda: {
        str(path.relative_to(settings.MEDIA_ROOT))
        for path in settings.MEDIA_ROOT.rglob("*")
        if path.is_file()
    }
