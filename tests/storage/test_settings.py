"""STAFFROOM_STORAGE and the AWS_... variables, as a deployment sets them: another
process (another server) configured only by its environment stores a file in the
bucket, and this one reads it; a half-set configuration refuses to start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import s3_server

ROOT = Path(__file__).resolve().parents[2]


def environment(**settings: str) -> dict[str, str]:
    """This machine's environment without the test run's own settings, plus `settings`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "STAFFROOM_", "AWS_"))
    }
    return {**env, "DJANGO_SETTINGS_MODULE": "hub.settings", **settings}


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_another_server_configured_by_its_environment_stores_in_the_shared_bucket(s3_bucket):
    env = environment(
        STAFFROOM_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME=s3_bucket.name,
        AWS_S3_ENDPOINT_URL=s3_bucket.endpoint,
        AWS_S3_REGION_NAME=s3_server.REGION,
        AWS_ACCESS_KEY_ID=s3_server.ACCESS_KEY,
        AWS_SECRET_ACCESS_KEY=s3_server.SECRET_KEY,
    )
    script = (
        "from django.core.files.base import ContentFile;"
        "from django.core.files.storage import default_storage as s;"
        "print(s.save('scrapbook/exports/from-elsewhere.pdf', ContentFile(b'%PDF-1.7 made')))"
    )
    result = manage(env, "shell", "--no-imports", "-c", script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "scrapbook/exports/from-elsewhere.pdf"
    with s3_bucket.fresh_storage().open("scrapbook/exports/from-elsewhere.pdf") as made:
        assert made.read() == b"%PDF-1.7 made"


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"STAFFROOM_STORAGE": "s3"}, "Set AWS_STORAGE_BUCKET_NAME"),
        ({"STAFFROOM_STORAGE": "disk"}, "STAFFROOM_STORAGE must be local or s3"),
    ],
)
def test_a_half_set_storage_refuses_to_start(variables, message):
    result = manage(environment(**variables), "check")
    assert result.returncode != 0
    assert message in result.stderr
