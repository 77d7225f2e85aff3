import datetime as dt

from django.urls import reverse
from django.utils import timezone

from events.lunches.models import Lunch, SignUpState
from tests.events.lunches.factories import LunchFactory, SignUpFactory


def _form(**overrides) -> dict:
    date = timezone.localdate() + dt.timedelta(days=10)
    return {
        "date": date.isoformat(),
        "start_time": "12:15",
        "end_time": "13:00",
        "room": "Library",
        "capacity": "12",
        "theme": "Retrieval practice",
        **overrides,
    }


def test_a_moderator_schedules_a_lunch_on_the_schools_wall_clock(client_for, moderator):
    summer = dt.date(timezone.localdate().year + 1, 7, 1)
    response = client_for(moderator).post(
        reverse("events:schedule_lunch"), _form(date=summer.isoformat())
    )
    lunch = Lunch.objects.get()
    assert response.status_code == 302
    assert response.url == lunch.get_absolute_url()
    # 12:15 British Summer Time is 11:15 UTC.
    assert lunch.starts_at == dt.datetime(summer.year, 7, 1, 11, 15, tzinfo=dt.UTC)
    assert lunch.ends_at == dt.datetime(summer.year, 7, 1, 12, 0, tzinfo=dt.UTC)
    assert (lunch.school, lunch.created_by, lunch.capacity) == (moderator.school, moderator, 12)


def test_a_past_date_is_refused_next_to_the_date_field(client_for, moderator):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = client_for(moderator).post(
        reverse("events:schedule_lunch"), _form(date=yesterday.isoformat())
    )
    assert response.status_code == 200
    assert response.context["form"].errors["date"] == [
        "This date has already passed. Choose a date in the future."
    ]
    assert not Lunch.objects.exists()


def test_an_end_before_the_start_is_refused_next_to_the_end_time(client_for, moderator):
    response = client_for(moderator).post(
        reverse("events:schedule_lunch"), _form(start_time="13:00", end_time="12:30")
    )
    assert response.context["form"].errors["end_time"] == ["The lunch must end after it starts."]
    assert not Lunch.objects.exists()


def test_a_capacity_of_zero_is_refused(client_for, moderator):
    response = client_for(moderator).post(reverse("events:schedule_lunch"), _form(capacity="0"))
    assert "capacity" in response.context["form"].errors
    assert not Lunch.objects.exists()


def test_staff_cannot_schedule_a_lunch(client_for, staff):
    response = client_for(staff).post(reverse("events:schedule_lunch"), _form())
    assert response.status_code == 403
    assert not Lunch.objects.exists()


def _edit_form(lunch, **overrides) -> dict:
    local = lunch.starts_at.astimezone(lunch.school.zone)
    fields = {
        "date": local.date().isoformat(),
        "start_time": local.strftime("%H:%M"),
        "end_time": lunch.ends_at.astimezone(lunch.school.zone).strftime("%H:%M"),
    }
    return _form(**{**fields, **overrides})


def test_capacity_cannot_go_below_the_people_already_coming(client_for, moderator, school):
    lunch = LunchFactory(school=school, capacity=5)
    SignUpFactory.create_batch(4, lunch=lunch)
    response = client_for(moderator).post(
        reverse("events:edit_lunch", args=[lunch.pk]), _edit_form(lunch, capacity="3")
    )
    assert response.status_code == 200
    assert response.context["form"].errors["capacity"] == [
        "4 people are already coming, so the capacity can't go below 4. Ask some to cancel first."
    ]
    lunch.refresh_from_db()
    assert lunch.capacity == 5


def test_raising_capacity_promotes_from_the_waitlist_in_order(
    client_for, moderator, school, mailoutbox, django_capture_on_commit_callbacks
):
    lunch = LunchFactory(school=school, capacity=2)
    SignUpFactory.create_batch(2, lunch=lunch)
    waiting = [
        SignUpFactory(lunch=lunch, state=SignUpState.WAITLISTED, created_at=lunch.created_at)
        for _ in range(3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        client_for(moderator).post(
            reverse("events:edit_lunch", args=[lunch.pk]), _edit_form(lunch, capacity="4")
        )
    states = [entry.__class__.objects.get(pk=entry.pk).state for entry in waiting]
    assert states == [SignUpState.CONFIRMED, SignUpState.CONFIRMED, SignUpState.WAITLISTED]
    assert sorted(m.to[0] for m in mailoutbox) == sorted(e.staff.email for e in waiting[:2])
    assert "You have a place" in mailoutbox[0].subject


def test_a_past_lunchs_room_can_still_be_corrected(client_for, moderator, school):
    from tests.events.lunches.factories import in_days

    lunch = LunchFactory(school=school, starts_at=in_days(-3))
    response = client_for(moderator).post(
        reverse("events:edit_lunch", args=[lunch.pk]), _edit_form(lunch, room="Hall")
    )
    assert response.status_code == 302
    lunch.refresh_from_db()
    assert lunch.room == "Hall"


def test_moving_a_lunch_into_the_past_is_refused(client_for, moderator, school):
    lunch = LunchFactory(school=school)
    yesterday = (timezone.localdate() - dt.timedelta(days=1)).isoformat()
    response = client_for(moderator).post(
        reverse("events:edit_lunch", args=[lunch.pk]), _edit_form(lunch, date=yesterday)
    )
    assert "date" in response.context["form"].errors
    assert Lunch.objects.get().date == lunch.date
