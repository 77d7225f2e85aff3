"""The Nu HTML checker the browser tests run on every page finds the errors issue 14
named, and passes their fixed forms (so a silent checker cannot pass every page)."""

PAGE = (
    '<!doctype html><html lang="en"><title>t</title>'
    '<div {attr}="/x"><time datetime="{when}">now</time></div>'
)


def test_it_refuses_hx_attributes_and_six_digit_fractions(html_checker):
    errors = html_checker.errors(
        "test:broken", PAGE.format(attr="hx-get", when="2026-12-01T04:50:00.123456+00:00")
    )
    assert any("hx-get" in error for error in errors), errors
    assert any("fraction of a second" in error for error in errors), errors


def test_it_passes_data_hx_attributes_and_whole_seconds(html_checker):
    fixed = PAGE.format(attr="data-hx-get", when="2026-12-01T04:50:00+0000")
    assert html_checker.errors("test:fixed", fixed) == []
