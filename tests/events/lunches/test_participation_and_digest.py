"""What learning lunches add to the dashboard and the weekly digest."""

import datetime as dt

from django.utils import timezone

from events.lunches.models import SignUpState
from events.lunches.selectors import attendance_counts, upcoming_with_free_places
from hub.lib.weeks import Week
from tests.events.lunches.factories import LunchFactory, SignUpFactory, in_days


def test_attendance_counts_confirmed_places_at_lunches_that_happened(school, staff):
    past = LunchFactory(school=school, starts_at=in_days(-3))
    future = LunchFactory(school=school, starts_at=in_days(3))
    SignUpFactory(lunch=past, staff=staff)
    SignUpFactory(lunch=future, staff=staff)
    SignUpFactory(lunch=past, state=SignUpState.WAITLISTED)
    now = timezone.now()
    counts = attendance_counts(school, now - dt.timedelta(days=30), now + dt.timedelta(days=30))
    assert counts == {staff.pk: 1}


def test_the_digest_lists_coming_lunches_that_still_have_room(school):
    week = Week.of_moment(timezone.now(), school.zone)
    start, end = week.bounds(school.zone)
    open_lunch = LunchFactory(school=school, starts_at=end + dt.timedelta(days=2), capacity=5)
    full = LunchFactory(school=school, starts_at=end + dt.timedelta(days=3), capacity=1)
    SignUpFactory(lunch=full)
    context = upcoming_with_free_places(school, start, end)
    assert [lunch.pk for lunch in context["lunches"]] == [open_lunch.pk]
    assert context["lunches"][0].free_places == 5


def test_the_digest_section_is_left_out_when_nothing_has_room(school):
    start, end = Week.of_moment(timezone.now(), school.zone).bounds(school.zone)
    assert upcoming_with_free_places(school, start, end) is None
