"""Browser tests: Playwright driving Debian's Chromium against a live server.

Every page a test visits must pass axe-core (WCAG 2.x A and AA) and the W3C Nu
HTML checker (0 errors): the `page` fixture records each navigation and fails the
test at teardown if a page it reached was never checked with
`expect_accessible(page)`, which runs both.
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, sync_playwright

from tests.browser import html_checker as html_checker_service
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
SAVE_SCREENSHOTS = os.environ.get("STAFFROOM_SCREENSHOTS") == "1"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# One round trip per check: wait until no animation runs (colours are judged at
# rest: a button's hover transition half-way through can read as low contrast on a
# busy machine), then run axe. Only the violations cross back to Python: axe's full
# result (every rule that passed, with its nodes) is megabytes Playwright would
# validate for nothing.
AXE_VIOLATIONS = """async (tags) => {
  const settled = performance.now() + 5000;
  while (document.getAnimations().some((a) => a.playState === "running")) {
    if (performance.now() > settled) {
      throw new Error("Animations were still running after 5 s; axe judges a page at rest.");
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
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


@pytest.fixture(scope="session")
def html_checker():
    """The run's Nu HTML checker (tests/browser/html_checker.py), or one of this worker's own."""
    url = os.environ.get(html_checker_service.URL_VARIABLE)
    service = None if url else html_checker_service.HtmlCheckerService()
    checker = html_checker_service.HtmlChecker(url or service.url, service)
    yield checker
    checker.close()


class AccessibilityTracker:
    def __init__(self):
        self.visited: list[str] = []
        self.checked: set[str] = set()
        # The last page the main frame loaded, as the server sent it.
        self.document = None

    def unchecked(self) -> list[str]:
        return [url for url in dict.fromkeys(self.visited) if url not in self.checked]


@pytest.fixture(scope="session")
def _worker_tab(browser, live_server):
    """One browser tab per worker, handed from test to test (see `page`).

    A new context and tab per test cost ~0.6 CPU-seconds each on these machines: a
    renderer process to start and axe-core's 550 kB to compile again in it, ~40 CPU-
    seconds over the browser tests. The tab carries nothing from one test to the next:
    `page` blanks it and clears its cookies, cache, size and media emulation before a
    test, and takes off the test's listeners and routes after it.
    """
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    context.set_default_timeout(10_000)
    # Init scripts run outside the page's CSP, so the policy stays as strict as in production.
    context.add_init_script(path=str(AXE_SOURCE))
    tab = {"context": context, "page": None, "cdp": None}
    yield tab
    context.close()


@pytest.fixture
def page(_worker_tab, html_checker, live_server, transactional_db) -> Page:
    page = _fresh_tab(_worker_tab)
    added = _listeners_recorded(page)
    page.live_server_url = live_server.url
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
    _leave_for_the_next_test(page, added)
    assert not errors, f"JavaScript errors on the page: {errors}"
    assert not tracker.unchecked(), f"Pages visited without an axe check: {tracker.unchecked()}"


def _listeners_recorded(page: Page) -> list:
    """Every listener added to `page` from now on, through `on` or `once`, as (event, listener)."""
    added = []
    for method in ("on", "once"):
        add = getattr(type(page), method)

        def recording(event, listener, add=add):
            added.append((event, listener))
            return add(page, event, listener)

        setattr(page, method, recording)
    return added


def _leave_for_the_next_test(page: Page, added: list) -> None:
    """Take off what this test added to the tab: a dialog handler left behind would
    answer the next test's dialogs before its own handler could."""
    if page.is_closed():
        return
    for event, listener in added:
        page.remove_listener(event, listener)
    page.unroute_all(behavior="ignoreErrors")


def _fresh_tab(worker_tab: dict) -> Page:
    """The worker's tab as a new one would be: blank, signed out, nothing cached, desktop
    size, screen media; a tab a test closed is replaced."""
    context = worker_tab["context"]
    page = worker_tab["page"]
    if page is None or page.is_closed():
        page = worker_tab["page"] = context.new_page()
        worker_tab["cdp"] = context.new_cdp_session(page)
    page.goto("about:blank")
    context.clear_cookies()
    # Ids come round again after each test's flush: a photo sent with `max-age` to
    # one test must not stand, from the cache, for another test's photo at its address.
    worker_tab["cdp"].send("Network.clearBrowserCache")
    page.set_default_timeout(10_000)
    page.set_viewport_size(DESKTOP)
    page.emulate_media(media="null", reduced_motion="null", color_scheme="null")
    return page


def _page_key(url: str) -> str:
    return url.split("#")[0]


def expect_accessible(page: Page) -> None:
    """Run axe-core on the current page; fail on any WCAG 2.x A/AA violation."""
    page.wait_for_load_state("load")
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


def sign_in(page: Page, person, password: str | None = None, *, then_open: str = "/") -> None:
    """Sign `person` in, then open `then_open` (checked with `expect_accessible`).

    The session is made in the database as the sign-in form makes it (Django's
    `login()`, its signals included) and handed to the browser as its cookie: the
    form itself is driven by the tests of signing in (test_sign_in.py, lockout,
    password reset, invitations), and every other test saves a page load, two
    checks and a form post per sign-in. With a `password`, it signs in through the
    form, as a test of that password should.
    """
    if password is not None:
        sign_in_with_the_form(page, person, password)
        if then_open != "/":
            page.goto(then_open)
            expect_accessible(page)
        return
    client = Client()
    client.force_login(person)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": page.live_server_url,
                "httpOnly": settings.SESSION_COOKIE_HTTPONLY,
                "sameSite": settings.SESSION_COOKIE_SAMESITE,
            }
        ]
    )
    page.goto(then_open)
    expect_accessible(page)


def sign_in_with_the_form(page: Page, person, password: str = PASSWORD) -> None:
    """Sign in as a person does: the form, then the home page it leads to."""
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


def screenshot(page: Page, name: str, *, phone: bool = False) -> None:
    """A full-page screenshot (desktop, or 360 px wide) for a person to look at.

    At phone width the page is checked again (axe and the Nu checker) every run. The
    picture is saved only when asked for (`make screenshots`, or STAFFROOM_SCREENSHOTS=1):
    nobody looks at ~180 full-page PNGs in an ordinary run, and drawing them took about a
    tenth of the browser tests' CPU (the six heaviest files: 264 and 253 CPU-seconds with
    them, 239 and 220 without).
    """
    if phone:
        page.set_viewport_size(PHONE)
    if SAVE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(SCREENSHOTS / f"{name}{'-phone' if phone else ''}.png"), full_page=True
        )
    if phone:
        expect_accessible(page)
        page.set_viewport_size(DESKTOP)
