"""A real S3 API on loopback for the storage tests: moto's standalone server.

One server for the whole test run, like the Nu HTML checker (tests/browser/html_checker.py):
the process that starts pytest boots it while the tests are collected, and xdist's
workers share it through STAFFROOM_TEST_S3_URL (they inherit the environment). Run
alone, a storage test starts a server of its own (`S3Server`) if none is set. Every
test gets a bucket of its own (tests/storage/conftest.py), so workers never meet.

The server speaks S3 over HTTP as a bucket would: boto3 and django-storages talk to it
exactly as to AWS, and an unsigned request for a private object gets 403. It checks no
signature, so the tests never rely on a signed URL expiring.

This module imports nothing of Django: tests/conftest.py loads it in the controlling process.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

URL_VARIABLE = "STAFFROOM_TEST_S3_URL"
STORAGE_TESTS = Path(__file__).resolve().parent / "storage"
# moto accepts any key pair; these never leave loopback.
ACCESS_KEY = "staffroom-test"
SECRET_KEY = "staffroom-test-secret"
REGION = "eu-west-2"


class S3Server:
    """moto's server on a free loopback port; `url` is its endpoint."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def wait_until_ready(url: str, process: subprocess.Popen | None = None, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/moto-api/", timeout=5):
                return
        except urllib.error.HTTPError:
            return  # It answers: it is up.
        except OSError:
            if process is not None:
                assert process.poll() is None, "The loopback S3 server stopped while starting."
            time.sleep(0.1)
    raise AssertionError(f"The loopback S3 server at {url} did not start.")


def may_run_storage_tests(config) -> bool:
    """Whether this run's arguments reach tests/storage (and it is not only collecting)."""
    if config.option.collectonly:
        return False
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == STORAGE_TESTS or path in STORAGE_TESTS.parents or STORAGE_TESTS in path.parents:
            return True
    return False


_started: list[S3Server] = []


def start_for_the_run(config) -> None:
    """In the process that runs pytest (not an xdist worker): boot the server now and hand
    its address to the workers through the environment."""
    if hasattr(config, "workerinput") or os.environ.get(URL_VARIABLE):
        return
    if not may_run_storage_tests(config):
        return  # A storage test run on its own starts one through its fixture.
    server = S3Server()
    _started.append(server)
    os.environ[URL_VARIABLE] = server.url


def stop_for_the_run() -> None:
    while _started:
        _started.pop().stop()
        os.environ.pop(URL_VARIABLE, None)


class Bucket:
    """One test's bucket on the server, with a boto3 client of the test's own."""

    def __init__(self, endpoint: str) -> None:
        import uuid

        import boto3

        self.endpoint = endpoint
        self.name = f"staffroom-test-{uuid.uuid4().hex[:16]}"
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name=REGION,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
        )
        self.client.create_bucket(
            Bucket=self.name, CreateBucketConfiguration={"LocationConstraint": REGION}
        )

    @property
    def options(self) -> dict:
        """What STAFFROOM_STORAGE=s3 and the AWS_... variables make of this bucket."""
        from hub.lib.storage import s3_options

        return s3_options(
            bucket=self.name,
            endpoint_url=self.endpoint,
            region=REGION,
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
        )

    @property
    def storage_setting(self) -> dict:
        from hub.lib.storage import S3_BACKEND

        return {"BACKEND": S3_BACKEND, "OPTIONS": self.options}

    def names(self) -> set[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return {item["Key"] for page in pages for item in page.get("Contents", [])}

    def fresh_storage(self):
        """A storage object of its own on the same bucket: what another machine would make."""
        from storages.backends.s3 import S3Storage

        return S3Storage(**self.options)

    def remove(self) -> None:
        """The server lives for the whole run: leave it no bucket to keep in memory."""
        for key in self.names():
            self.client.delete_object(Bucket=self.name, Key=key)
        self.client.delete_bucket(Bucket=self.name)
