"""The accessibility check itself must be able to fail: a page with a known WCAG
violation is refused, and the same page fixed passes."""

import pytest

from tests.browser.conftest import AXE_SOURCE, AccessibilityTracker, expect_accessible


@pytest.fixture
def bare_page(browser, html_checker):
    context = browser.new_context()
    context.add_init_script(path=str(AXE_SOURCE))
    page = context.new_page()
    page.accessibility_tracker = AccessibilityTracker()
    page.html_checker = html_checker
    yield page
    context.close()


def test_a_page_with_an_image_without_alt_text_fails_the_check(bare_page):
    bare_page.set_content(
        '<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><img src="x.png">'
        "</main></html>"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        expect_accessible(bare_page)


def test_the_same_page_with_alt_text_passes(bare_page):
    bare_page.set_content(
        '<!doctype html><html lang="en"><title>t</title><main><h1>t</h1>'
        '<img src="x.png" alt="A chart"></main></html>'
    )
    expect_accessible(bare_page)
