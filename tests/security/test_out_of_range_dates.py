"""Year 1, year 9999 and garbage in every date or week parameter of every page (issue 14,
item 4: `/board/?week=0001-01-01` was an OverflowError). Every URL of the permission matrix
gets each value in every date parameter the project reads; a page answers with a message,
a clamp or a 404, never a 500."""

import copy

import pytest
from django import forms
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils.html import escape

from events.lunches.models import Lunch
from hub.lib.dates import OUT_OF_RANGE, DayField, day_from_text
from tests.permissions.matrix import Row, World
from tests.permissions.test_matrix import ROWS
from tests.security.test_control_characters import _acting_as, _project_forms

EXTREMES = ("0001-01-01", "9999-12-31", "1899-12-31", "2200-01-01", "garbage", "2024-02-30")


def date_parameters() -> set[str]:
    """The board's `week` and the name of every date field of every form in the project."""
    names = {"week"}
    for form in _project_forms():
        names |= {name for name, f in form.base_fields.items() if isinstance(f, forms.DateField)}
    return names


def test_every_date_field_of_every_form_is_a_day_field():
    plain = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in _project_forms()
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DateField) and not isinstance(field, DayField)
    ]
    assert not plain
    assert {"week", "start", "end", "date", "date_from", "date_to"} <= date_parameters()


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.url_name}-{row.method}")
def test_every_page_tolerates_extreme_dates(client, world: World, row: Row):
    """Every extreme value, each sent as if by a test of its own (one test per row, not per
    row and value: the world and the sign-in were most of the cost of ~700 cases).

    A value's request runs in a savepoint rolled back after it, with the signed-in
    cookies as they were and an empty cache, so no value sees what another changed
    (a deletion, a sign-out, a cached page)."""
    actor = _acting_as(row)
    if actor != "anonymous":
        client.force_login(world.people[actor])
    signed_in = copy.deepcopy(client.cookies)
    url = reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else {})
    failures = []
    for value in EXTREMES:
        client.cookies = copy.deepcopy(signed_in)
        cache.clear()
        try:
            with transaction.atomic():
                data = {**(row.data(world) if row.data else {}), "period": "custom"}
                data |= {name: value for name in date_parameters()}
                response = getattr(client, row.method)(url, data)
                transaction.set_rollback(True)
        except Exception as error:
            error.add_note(f"{row.method.upper()} {url} with every date parameter {value!r}")
            raise
        if response.status_code >= 500:
            failures.append(f"{row.method.upper()} {url}?…={value}: {response.status_code}")
    assert not failures


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_the_board_shows_this_week_for_a_week_out_of_range(client_for, staff, value):
    this_week = client_for(staff).get(reverse("ideas:board")).content.decode()
    response = client_for(staff).get(reverse("ideas:board"), {"week": value})
    assert response.status_code == 200
    heading = this_week.split("<h1", 1)[1].split("</h1>", 1)[0]
    assert heading in response.content.decode()


def test_a_lunch_in_year_9999_is_refused_next_to_its_field(client_for, moderator):
    data = {"date": "9999-12-31", "start_time": "12:15", "end_time": "13:00"}
    data |= {"room": "Staffroom", "capacity": 12}
    response = client_for(moderator).post(reverse("events:schedule_lunch"), data)
    assert response.status_code == 200
    assert escape(OUT_OF_RANGE) in response.content.decode()
    assert not Lunch.objects.exists()


@pytest.mark.parametrize("url_name", ["hub:audit_log", "hub:dashboard", "hub:term_summary"])
def test_leaders_date_filters_say_what_is_wrong(client_for, moderator, url_name):
    data = {"period": "custom", "start": "0001-01-01", "end": "2025-01-01"}
    data |= {"date_from": "0001-01-01"}
    response = client_for(moderator).get(reverse(url_name), data)
    assert response.status_code == 200
    assert escape(OUT_OF_RANGE) in response.content.decode()


def test_a_rota_for_centuries_is_refused(client_for, moderator):
    response = client_for(moderator).post(
        reverse("ideas:generate_rota"), {"start": "1900-01-01", "end": "2199-12-31"}
    )
    assert "Plan a school year or less at a time." in response.content.decode()


def test_day_from_text_keeps_only_days_a_school_could_mean():
    assert day_from_text("2026-03-02").isoformat() == "2026-03-02"
    for value in EXTREMES + ("", "0000-00-00", "99999-01-01"):
        assert day_from_text(value) is None, value
