"""Browser tests: Playwright driving Debian's Chromium against a live server.

Every page a test visits must pass axe-core (WCAG 2.x A and AA) and the W3C Nu
HTML checker (0 errors): the `page` fixture records each navigation and fails the
test at teardown if a page it reached was never checked with
`expect_accessible(page)`, which runs both.
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

import pytest
from playwright.sync_api import Page, sync_playwright

from tests.factories import PASSWORD

# Playwright's sync API runs an event loop in this thread; Django's ORM
# refuses to run from one unless told it is safe, which it is in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "static" / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
# The Nu checker (npm's vnu-jar, run by Debian's Java): one HTTP service per test
# session, on a free loopback port, so a page costs a request, not a JVM start.
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTML_CHECK_LOG = ROOT / "test-artifacts" / "nu-html-checker.txt"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_VIOLATIONS = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} — ` +
    v.nodes.slice(0, 5).map((node) => (node.target.length ? node.target[0] : "?")).join("; "));
}"""
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 360, "height": 740}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs it with apt."
    assert AXE_SOURCE.exists(), "axe-core is missing: `make assets` copies it from npm."
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class HtmlChecker:
    """The Nu HTML checker's web service; `errors(html)` lists what it finds."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [
                shutil.which("java") or "java",
                "-Xss1024k",
                "-Dnu.validator.servlet.bind-address=127.0.0.1",
                "-cp",
                str(VNU_JAR),
                "nu.validator.servlet.Main",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.seen: dict[str, list[str]] = {}
        self.pages: set[str] = set()
        self._wait_until_ready()

    def _wait_until_ready(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "The Nu HTML checker stopped while starting."
            try:
                self._check("<!doctype html><html lang=en><title>ready</title>")
                return
            except OSError:
                time.sleep(0.5)
        raise AssertionError("The Nu HTML checker did not start.")

    def _check(self, html: str) -> list[dict]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/?out=json",
            data=html.encode(),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)["messages"]

    def errors(self, url: str, html: str) -> list[str]:
        self.pages.add(url)
        digest = hashlib.sha256(html.encode()).hexdigest()
        if digest not in self.seen:
            self.seen[digest] = [
                f"line {m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()}]"
                for m in self._check(html)
                if m["type"] in ("error", "non-document-error")
            ]
        return self.seen[digest]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)
        HTML_CHECK_LOG.parent.mkdir(parents=True, exist_ok=True)
        with HTML_CHECK_LOG.open("a") as log:
            log.write(
                f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}: {len(self.pages)} pages "
                f"(URLs), {len(self.seen)} distinct documents checked by the Nu HTML checker\n"
            )


@pytest.fixture(scope="session")
def html_checker():
    assert shutil.which("java"), "Java is missing: `make test` installs it with apt."
    assert VNU_JAR.exists(), "vnu-jar is missing: `npm ci` installs it from package.json."
    checker = HtmlChecker()
    yield checker
    checker.stop()


class AccessibilityTracker:
    def __init__(self):
        self.visited: list[str] = []
        self.checked: set[str] = set()
        # The last page the main frame loaded, as the server sent it.
        self.document = None

    def unchecked(self) -> list[str]:
        return [url for url in dict.fromkeys(self.visited) if url not in self.checked]


@pytest.fixture
def page(browser, html_checker, live_server, transactional_db) -> Page:
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    context.set_default_timeout(10_000)
    # Init scripts run outside the page's CSP, so the policy stays as strict as in production.
    context.add_init_script(path=str(AXE_SOURCE))
    page = context.new_page()
    tracker = AccessibilityTracker()
    page.accessibility_tracker = tracker
    page.html_checker = html_checker
    page.on(
        "response",
        lambda response: (
            setattr(tracker, "document", response)
            if response.request.resource_type == "document" and response.frame == page.main_frame
            else None
        ),
    )
    page.on(
        "framenavigated",
        lambda frame: (
            tracker.visited.append(_page_key(frame.url)) if frame == page.main_frame else None
        ),
    )
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not tracker.unchecked(), f"Pages visited without an axe check: {tracker.unchecked()}"


def _page_key(url: str) -> str:
    return url.split("#")[0]


def expect_accessible(page: Page) -> None:
    """Run axe-core on the current page; fail on any WCAG 2.x A/AA violation."""
    page.wait_for_load_state("load")
    # Colours are judged at rest: a button's hover transition half-way through
    # can read as low contrast on a busy machine.
    page.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running')",
        timeout=5_000,
    )
    # Only the violations cross back to Python: axe's full result (every rule that
    # passed, with its nodes) is megabytes that Playwright would validate for nothing.
    violations = page.evaluate(AXE_VIOLATIONS, AXE_TAGS)
    assert not violations, f"axe found violations on {page.url}:\n" + "\n".join(violations)
    _expect_valid_html(page)
    page.accessibility_tracker.checked.add(_page_key(page.url))


def _expect_valid_html(page: Page) -> None:
    """The page as the server sent it has no Nu HTML checker errors."""
    document = page.accessibility_tracker.document
    if document is not None and _page_key(document.url) == _page_key(page.url):
        html = document.text()
    else:  # Reached without a document load of its own (htmx pushed its address).
        html = page.content()
    errors = page.html_checker.errors(_page_key(page.url), html)
    assert not errors, f"The Nu HTML checker found errors on {page.url}:\n" + "\n".join(errors)


def sign_in(page: Page, person, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    expect_accessible(page)
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")
    expect_accessible(page)


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state("load")
    expect_accessible(page)


def screenshot(page: Page, name: str, *, phone: bool = False) -> Path:
    """Save a full-page screenshot (desktop, or 360 px wide) for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}{'-phone' if phone else ''}.png"
    if phone:
        page.set_viewport_size(PHONE)
    page.screenshot(path=str(path), full_page=True)
    if phone:
        expect_accessible(page)
        page.set_viewport_size(DESKTOP)
    return path
