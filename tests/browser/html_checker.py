"""The W3C Nu HTML checker (npm's vnu-jar, run by Debian's Java) as an HTTP service.

One service for the whole test run: the process that starts pytest boots it while
the tests are still being collected, and xdist's workers share it through
NU_CHECKER_URL (they inherit the environment). A JVM starts in ~8 CPU-seconds and
checks its first pages slowly until it has warmed up, so one warm service is
cheaper than one per worker started by the first browser test. Run alone, a
browser test starts a service of its own (`HtmlCheckerService`) if none is set.

This module imports nothing of Playwright or Django: tests/conftest.py loads it in
the controlling process.
"""

import hashlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_CHECK_LOG = ROOT / "test-artifacts" / "nu-html-checker.txt"
BROWSER_TESTS = ROOT / "tests" / "browser"
URL_VARIABLE = "NU_CHECKER_URL"


class HtmlCheckerService:
    """The checker's JVM on a free loopback port; `url` is where to post documents."""

    def __init__(self) -> None:
        assert shutil.which("java"), "Java is missing: `make test` installs it with apt."
        assert VNU_JAR.exists(), "vnu-jar is missing: `npm ci` installs it from package.json."
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/"
        self.process = subprocess.Popen(
            [
                shutil.which("java") or "java",
                # A service that lives for one run and checks a few hundred pages: the
                # quick compiler alone (C1) and one garbage collector thread start it in
                # half the time and check the pages with half the CPU (17.9 -> 8.9
                # CPU-seconds for start and 350 checks). C1's frames are larger, so the
                # checker's deep schema recursion gets a bigger stack than its 1 MB.
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss8m",
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(VNU_JAR),
                "nu.validator.servlet.Main",
                str(port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def check(url: str, html: str) -> list[dict]:
    request = urllib.request.Request(
        f"{url}?out=json",
        data=html.encode(),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["messages"]


class HtmlChecker:
    """A client of the service; `errors(url, html)` lists what the checker finds.

    A document is checked once per worker: the same HTML seen again (a page
    revisited unchanged) reuses the answer.
    """

    def __init__(self, url: str, service: HtmlCheckerService | None = None) -> None:
        self.url = url
        self.service = service
        self.seen: dict[str, list[str]] = {}
        self.pages: set[str] = set()
        self._wait_until_ready()

    def _wait_until_ready(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                check(self.url, "<!doctype html><html lang=en><title>ready</title>")
                return
            except OSError:
                if self.service is not None:
                    assert self.service.process.poll() is None, (
                        "The Nu HTML checker stopped while starting."
                    )
                time.sleep(0.2)
        raise AssertionError(f"The Nu HTML checker at {self.url} did not start.")

    def errors(self, url: str, html: str) -> list[str]:
        self.pages.add(url)
        digest = hashlib.sha256(html.encode()).hexdigest()
        if digest not in self.seen:
            self.seen[digest] = [
                f"line {m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]"
                for m in check(self.url, html)
                if m["type"] in ("error", "non-document-error")
            ]
        return self.seen[digest]

    def close(self) -> None:
        if self.service is not None:
            self.service.stop()
        HTML_CHECK_LOG.parent.mkdir(parents=True, exist_ok=True)
        with HTML_CHECK_LOG.open("a") as log:
            log.write(
                f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}: {len(self.pages)} pages "
                f"(URLs), {len(self.seen)} distinct documents checked by the Nu HTML checker\n"
            )


def may_run_browser_tests(config) -> bool:
    """Whether this run's arguments reach tests/browser (and `-m` does not leave them out)."""
    if config.option.collectonly or "not browser" in (config.option.markexpr or ""):
        return False
    for arg in config.args:
        path = Path(config.invocation_params.dir, arg.split("::")[0]).resolve()
        if path == BROWSER_TESTS or path in BROWSER_TESTS.parents or BROWSER_TESTS in path.parents:
            return True
    return False


_started: list[HtmlCheckerService] = []


def start_for_the_run(config) -> None:
    """In the process that runs pytest (not an xdist worker): boot the service now, so it
    warms up during collection, and hand its address to the workers through the environment."""
    if hasattr(config, "workerinput") or os.environ.get(URL_VARIABLE):
        return
    if not may_run_browser_tests(config) or not shutil.which("java") or not VNU_JAR.exists():
        return  # The browser tests' own fixture starts one, or says what is missing.
    service = HtmlCheckerService()
    _started.append(service)
    os.environ[URL_VARIABLE] = service.url


def stop_for_the_run() -> None:
    while _started:
        _started.pop().stop()
        os.environ.pop(URL_VARIABLE, None)
