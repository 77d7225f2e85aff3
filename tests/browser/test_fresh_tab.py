"""Each browser test gets the worker's tab handed on (tests/browser/conftest.py): it must
start as a new tab would, whatever the test before it left behind."""

from tests.browser.conftest import (
    DESKTOP,
    PHONE,
    _fresh_tab,
    _leave_for_the_next_test,
    _listeners_recorded,
)


def test_a_tab_handed_on_starts_blank_signed_out_at_desktop_size_on_screen(
    _worker_tab, live_server
):
    page = _fresh_tab(_worker_tab)
    page.context.add_cookies([{"name": "sessionid", "value": "left-over", "url": live_server.url}])
    page.set_viewport_size(PHONE)
    page.emulate_media(media="print", reduced_motion="reduce")
    page.set_content("<!doctype html><title>left over</title>")

    page = _fresh_tab(_worker_tab)

    assert page.url == "about:blank"
    assert page.context.cookies() == []
    assert page.viewport_size == DESKTOP
    assert page.evaluate("matchMedia('print').matches") is False
    assert page.evaluate("matchMedia('(prefers-reduced-motion: reduce)').matches") is False


def test_a_tab_a_test_closed_is_replaced(_worker_tab):
    _fresh_tab(_worker_tab).close()

    page = _fresh_tab(_worker_tab)

    assert not page.is_closed()
    assert page.url == "about:blank"


def test_a_dialog_handler_one_test_added_does_not_answer_the_next_ones_dialogs(_worker_tab):
    page = _fresh_tab(_worker_tab)
    added = _listeners_recorded(page)
    page.on("dialog", lambda dialog: dialog.dismiss())
    page.route("**/*", lambda route: route.abort())
    _leave_for_the_next_test(page, added)

    page = _fresh_tab(_worker_tab)
    page.on("dialog", lambda dialog: dialog.accept())

    assert page.evaluate("confirm('Remove it?')") is True
