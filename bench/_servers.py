"""Helpers of the bench scripts: a production-like environment, gunicorn processes,
signed-in sessions and plain-HTTP requests (standard library only on the client side)."""

import http.client
import os
import secrets
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# One throwaway key for this run: the script signs sessions the servers must read.
SECRET_KEY = secrets.token_urlsafe(50)


def production_env(database_url: str) -> dict[str, str]:
    """Settings as in production (DEBUG off, throwaway secret), but plain HTTP on loopback."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "STAFFROOM_STATIC_STORAGE": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "DJANGO_LOG_LEVEL": "WARNING",
        # WhiteNoise warns that collectstatic never ran: static files are not measured here.
        "PYTHONWARNINGS": "ignore:No directory at",
    }


def setup_django(database_url: str) -> None:
    os.environ.update(production_env(database_url))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_database(database_url: str) -> None:
    """Create the PostgreSQL database named in the URL if it does not exist yet."""
    import psycopg

    parts = urllib.parse.urlparse(database_url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def start_gunicorn(port: int, env: dict, *, workers: int = 2, threads: int = 4, log=None):
    """gunicorn serving hub.wsgi on a loopback port, once it answers; `log`: its stderr."""
    command = [
        str(GUNICORN),
        "hub.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "30",
        "--graceful-timeout",
        "2",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=log)
    deadline = time.monotonic() + 60
    while True:
        try:
            status, _ = request(port, "GET", "/accounts/login/", timeout=2)
            if status < 500:
                return process
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"gunicorn on port {port} did not start")
        time.sleep(0.2)


def stop(process) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def signed_in_cookies(staff) -> dict[str, str]:
    """A session for `staff` made directly in the database (no login round trip),
    and a CSRF secret the form posts alongside it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(staff.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = staff.get_session_auth_hash()
    session.create()
    return {
        settings.SESSION_COOKIE_NAME: session.session_key,
        settings.CSRF_COOKIE_NAME: secrets.token_hex(16),
    }


def request(
    port: int,
    method: str,
    path: str,
    *,
    cookies: dict | None = None,
    form: dict | None = None,
    timeout: float = 30,
    headers_out: dict | None = None,
) -> tuple[int, bytes]:
    """One request on a fresh connection; returns (status, body), or (status, location)
    for a redirect: redirects are not followed. `headers_out` receives the answer's headers."""
    headers = {"Host": "127.0.0.1"}
    body = None
    if cookies:
        headers["Cookie"] = "; ".join(f"{key}={value}" for key, value in cookies.items())
    if form is not None:
        if cookies and "csrftoken" in cookies:
            form = {"csrfmiddlewaretoken": cookies["csrftoken"], **form}
        body = urllib.parse.urlencode(form, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        body = response.read()
        if headers_out is not None:
            headers_out.update(response.getheaders())
        if 300 <= response.status < 400:
            return response.status, response.getheader("Location", "").encode()
        return response.status, body
    finally:
        connection.close()
