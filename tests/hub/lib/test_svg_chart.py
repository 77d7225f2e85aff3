from datetime import date

import pytest

from hub.lib.svg_chart import ChartData, bar_line_chart
from hub.lib.terms import easter_sunday, previous_term, term_containing


@pytest.mark.parametrize(
    "year,easter", [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2027, date(2027, 3, 28))]
)
def test_easter_sunday_matches_the_calendar(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    "day,name",
    [
        (date(2026, 9, 1), "Autumn"),
        (date(2026, 12, 31), "Autumn"),
        (date(2026, 1, 5), "Spring"),
        (date(2026, 4, 5), "Spring"),
        (date(2026, 4, 6), "Summer"),
        (date(2026, 7, 31), "Summer"),
    ],
)
def test_term_containing_follows_the_english_school_year(day, name):
    assert term_containing(day).name == name


def test_august_is_the_holiday_and_last_term_is_summer():
    assert term_containing(date(2026, 8, 15)) is None
    assert previous_term(date(2026, 8, 15)).name == "Summer"
    assert previous_term(date(2026, 1, 10)).label == "Autumn term 2025"


def test_the_chart_is_an_image_with_a_title_and_description_and_no_inline_style():
    svg = bar_line_chart(
        ChartData(["1 Sep", "8 Sep"], [3, 5], "Shared", [2, 4], "People"),
        title="Sharing",
        desc="8 in 2 weeks",
        chart_id="t",
    )

    assert svg.startswith('<svg class="svg-chart"') and 'role="img"' in svg
    assert '<title id="t-title">Sharing</title>' in svg
    assert '<desc id="t-desc">8 in 2 weeks</desc>' in svg
    assert svg.count('class="chart-bar"') == 3  # two bars and the legend key
    assert "style=" not in svg


def test_the_chart_escapes_its_text():
    svg = bar_line_chart(
        ChartData(["<b>"], [1], "a&b", [1], "c"), title="<script>", desc="x", chart_id="t"
    )

    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "<b>" not in svg and "a&amp;b" in svg


def test_an_empty_chart_still_draws_its_axes():
    svg = bar_line_chart(ChartData([], [], "a", [], "b"), title="t", desc="d")

    assert "chart-grid" in svg and "polyline" not in svg


def test_mismatched_series_are_refused():
    with pytest.raises(ValueError):
        ChartData(["a"], [1, 2], "a", [1], "b")
