"""Server side of the XSS sweep: every payload in every user-facing text field comes back
escaped on the pages that show it, and no page carries markup an injection would add.
(The browser side, tests/browser/test_xss_sweep.py, opens the same pages in Chromium.)"""

from django.template.defaultfilters import urlize
from django.test import Client
from django.utils.html import escape

from ideas.scrapbook.export.markdown import render_markdown
from tests.security.html_scan import injected_markup
from tests.security.payloads import PAYLOADS
from tests.security.xss_world import FIELDS, SANITISED_FIELDS, build


def _pages_html(world) -> dict[str, str]:
    """Every page of the sweep, following each list's pagination to its end."""
    html = {}
    for person, url in world.pages + world.detail_pages:
        client = Client()
        client.force_login(person)
        number = 1
        while True:
            page_url = url if number == 1 else f"{url}?page={number}"
            response = client.get(page_url)
            assert response.status_code == 200, f"{page_url} as {person.email}"
            html[f"{page_url} as {person.email}"] = text = response.content.decode()
            number += 1
            if f"page={number}" not in text:
                break
    return html


def _shown(text: str, html: str) -> bool:
    # As escaped text, or as escaped text with its web address made a link (`urlize`).
    return escape(text) in html or urlize(text, autoescape=True) in html


def test_every_payload_in_every_field_comes_back_as_text(school, moderator, school_admin):
    world = build(school, moderator, school_admin)
    pages = _pages_html(world)
    findings = {page: found for page, html in pages.items() if (found := injected_markup(html))}
    assert not findings, findings
    everything = "\n".join(pages.values())
    missing = {
        FIELDS[code][0]: [text for text in values if not _shown(text, everything)]
        for code, values in world.stored.items()
        if code not in SANITISED_FIELDS
    }
    missing = {name: texts for name, texts in missing.items() if texts}
    for name, texts in missing.items():
        print(f"never shown in full: {name}: {len(texts)} of {len(PAYLOADS)}, e.g. {texts[0]!r}")
    assert not missing, sorted(missing)
    print(
        f"XSS escaping: {len(PAYLOADS)} payloads x {len(FIELDS)} fields, {len(pages)} pages checked"
    )


def test_markdown_sections_keep_no_payload_markup():
    for payload in PAYLOADS:
        html = render_markdown(f"**Tip** {payload}\n\n- a list item {payload}")
        assert not injected_markup(f"<div>{html}</div>"), payload
