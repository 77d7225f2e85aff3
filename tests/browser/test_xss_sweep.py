"""XSS sweep in Chromium: hostile text in every user-facing text field, every page that
shows it opened in a real browser.

Counts for the closing note: 41 payloads (tests/security/payloads.py) x 32 text fields
(tests/security/xss_world.py FIELDS), stored with factories and the real services, then
29 pages opened in Chromium (the server-side twin checks 200+ pages, every paginated
list and every object's page). A few payloads also go through the real forms.

The sweep's browser context BYPASSES the Content-Security-Policy, so an injected
script would run here even though production's policy would block it: the test
proves the escaping, not only the policy. It fails on any dialog (alert/confirm/
prompt), on `window.__xss` being set, on an "XSS" console message, and on any
element an injection would add (event-handler attributes, #xss/.xss, inline script,
iframe/object/embed/base/style/meta refresh, javascript: URLs).
"""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM_ARGS, expect_accessible, sign_in  # noqa: F401
from tests.security.payloads import PAYLOADS
from tests.security.xss_world import FIELDS, build

pytestmark = pytest.mark.browser

# Hooks installed before any page script: anything an injection calls is recorded.
TRAPS = """
window.__xss = window.__xss || 0;
for (const name of ["alert", "confirm", "prompt"]) {
  const original = window[name];
  window[name] = function (...args) {
    console.log("XSS " + name + " " + args.join(" "));
    return original.apply(window, args);
  };
}
"""

INJECTED = """() => {
  const found = [];
  const selector = "#xss, .xss, iframe, object, embed, base, body style, meta[http-equiv]";
  for (const el of document.querySelectorAll(selector)) found.push(el.outerHTML.slice(0, 120));
  for (const el of document.querySelectorAll("script:not([src])")) found.push("inline script");
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const value = attr.value.trim().toLowerCase();
      if (attr.name.startsWith("on") || attr.name === "style"
          || (/^(href|src|action|formaction|data)$/.test(attr.name)
              && value.startsWith("javascript:"))) {
        found.push(`${el.tagName} ${attr.name}=${attr.value.slice(0, 60)}`);
      }
    }
  }
  if (window.__xss) found.push("window.__xss was set");
  return found;
}"""


# What a person reads on the page, form fields' values included.
SHOWN_TEXT = """() => document.body.innerText + [...document.querySelectorAll("input, textarea")]
  .map((field) => field.value).join(" ")"""


def _context_for(browser, live_server, person):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    context.set_default_timeout(15_000)
    context.add_init_script(TRAPS)
    client = Client()
    client.force_login(person)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context


def test_no_payload_runs_or_renders_on_any_page(
    browser, live_server, transactional_db, school, moderator, school_admin
):
    world = build(school, moderator, school_admin)
    contexts, alarms = {}, []
    try:
        for person, url in world.pages:
            if person.pk not in contexts:
                context = _context_for(browser, live_server, person)
                page = context.new_page()
                page.on("dialog", lambda dialog: (alarms.append(dialog.message), dialog.dismiss()))
                page.on(
                    "console",
                    lambda message: alarms.append(message.text) if "XSS" in message.text else None,
                )
                contexts[person.pk] = (context, page)
            page = contexts[person.pk][1]
            response = page.goto(url)
            assert response.status == 200, url
            page.wait_for_load_state("load")
            injected = page.evaluate(INJECTED)
            assert not injected, f"{url}: {injected}"
            assert not alarms, f"{url}: {alarms}"
            # The page really shows the hostile text (so the sweep is not vacuous).
            shown = page.evaluate(SHOWN_TEXT)
            assert any(code in shown for code in FIELDS), f"{url} shows no stored payload"
    finally:
        for context, _ in contexts.values():
            context.close()
    print(
        f"XSS browser sweep: {len(PAYLOADS)} payloads x {len(FIELDS)} fields, "
        f"{len(world.pages)} pages opened in Chromium"
    )


# One payload mixing an attribute breakout, a script and template syntax, typed into
# the real forms (idea title and note, comment, profile job title).
FORM_PAYLOAD = '"><img src=x onerror=alert(1) id=xss>{{7*7}}<script>window.__xss=1</script>'


def _settle(page) -> None:
    """After a click the pointer may rest on a button mid colour transition: move it away
    so axe measures the resting colours."""
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)


def test_a_payload_typed_into_the_real_forms_comes_back_as_text(page, staff):
    payload = FORM_PAYLOAD
    alarms = []
    page.on("dialog", lambda dialog: (alarms.append(dialog.message), dialog.dismiss()))
    sign_in(page, staff, then_open="/board/post/")
    page.get_by_label("Title").fill(payload)
    page.get_by_label("Note").fill(f"Note {payload}")
    page.get_by_role("button", name="Stick it on the board").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    page.get_by_role("link", name=payload, exact=True).first.click()
    page.wait_for_load_state("load")
    _settle(page)
    expect_accessible(page)
    page.get_by_label("Add a comment").fill(f"Comment {payload}")
    page.get_by_role("button", name="Post comment").click()
    page.wait_for_load_state("load")
    _settle(page)
    expect_accessible(page)
    expect(page.get_by_text(f"Comment {payload}")).to_be_visible()
    page.goto("/profile/")
    expect_accessible(page)
    page.get_by_label("Job title").fill(payload)
    page.get_by_role("button", name="Save my profile").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    page.goto(f"/people/{staff.pk}/")
    expect_accessible(page)
    expect(page.get_by_text(payload).first).to_be_visible()
    for url in ("/board/", "/", f"/people/{staff.pk}/"):
        page.goto(url)
        expect_accessible(page)
        assert not page.evaluate(INJECTED), url
    assert not alarms
