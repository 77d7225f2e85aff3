import datetime as dt
from html import unescape

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from events.lunches.models import PlateKind, SignUp, SignUpState
from tests.events.lunches.factories import LunchFactory, SignUpFactory


@pytest.fixture
def lunch(school):
    return LunchFactory(school=school, capacity=2)


def test_signing_up_with_a_plate_records_what_you_bring(client_for, staff, lunch):
    response = client_for(staff).post(
        reverse("events:sign_up", args=[lunch.pk]),
        {
            "plate": "Lemon drizzle",
            "plate_kind": PlateKind.SWEET,
            "dietary_labels": ["vegetarian", "nut_free"],
            "allergens": "Contains egg",
        },
    )
    assert response.status_code == 302
    entry = SignUp.objects.get()
    assert (entry.staff, entry.state, entry.plate, entry.plate_kind) == (
        staff,
        SignUpState.CONFIRMED,
        "Lemon drizzle",
        PlateKind.SWEET,
    )
    assert entry.dietary_labels == ["nut_free", "vegetarian"]
    assert entry.allergens == "Contains egg"


def test_one_click_sign_up_needs_no_plate(client_for, staff, lunch):
    client_for(staff).post(reverse("events:sign_up", args=[lunch.pk]))
    assert SignUp.objects.get().state == SignUpState.CONFIRMED


def test_a_full_lunch_puts_you_on_the_waitlist_and_says_so(client_for, staff, lunch):
    SignUpFactory.create_batch(2, lunch=lunch)
    response = client_for(staff).post(reverse("events:sign_up", args=[lunch.pk]), follow=True)
    assert SignUp.objects.get(staff=staff).state == SignUpState.WAITLISTED
    assert "you're on the waitlist" in unescape(response.content.decode())
    assert "number 1 on the waitlist" in unescape(response.content.decode())


def test_signing_up_again_updates_the_plate_and_keeps_one_place(client_for, staff, lunch):
    client = client_for(staff)
    client.post(reverse("events:sign_up", args=[lunch.pk]), {"plate": "Crisps"})
    client.post(reverse("events:sign_up", args=[lunch.pk]), {"plate": "Samosas"})
    assert list(SignUp.objects.values_list("plate", flat=True)) == ["Samosas"]


def test_the_database_refuses_a_second_live_sign_up(staff, lunch):
    SignUpFactory(lunch=lunch, staff=staff)
    with pytest.raises(IntegrityError), transaction.atomic():
        SignUp.objects.create(
            lunch=lunch, staff=staff, state=SignUpState.WAITLISTED, created_at=timezone.now()
        )


def test_a_plate_over_80_characters_is_refused_next_to_the_field(client_for, staff, lunch):
    response = client_for(staff).post(
        reverse("events:sign_up", args=[lunch.pk]), {"plate": "x" * 81}
    )
    assert response.status_code == 400
    assert response.context["sign_up_form"].errors["plate"] == [
        "Ensure this value has at most 80 characters (it has 81)."
    ]
    assert not SignUp.objects.exists()


def test_sign_ups_close_when_the_lunch_starts(client_for, staff, school):
    started = LunchFactory(school=school, starts_at=timezone.now() - dt.timedelta(minutes=5))
    response = client_for(staff).post(reverse("events:sign_up", args=[started.pk]), follow=True)
    assert "Sign-ups closed when this lunch started." in unescape(response.content.decode())
    assert not SignUp.objects.exists()


def test_cancelling_gives_your_place_to_the_first_on_the_waitlist_and_emails_them(
    client_for, staff, lunch, mailoutbox, django_capture_on_commit_callbacks
):
    SignUpFactory(lunch=lunch, staff=staff, created_at=timezone.now() - dt.timedelta(hours=2))
    SignUpFactory(lunch=lunch, created_at=timezone.now() - dt.timedelta(hours=2))
    first = SignUpFactory(lunch=lunch, state=SignUpState.WAITLISTED)
    second = SignUpFactory(lunch=lunch, state=SignUpState.WAITLISTED)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(reverse("events:cancel_sign_up", args=[lunch.pk]))
    assert response.status_code == 302
    assert SignUp.objects.get(lunch=lunch, staff=staff).state == SignUpState.CANCELLED
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == (SignUpState.CONFIRMED, SignUpState.WAITLISTED)
    assert [message.to for message in mailoutbox] == [[first.staff.email]]


def test_cancelling_a_waitlist_spot_promotes_nobody(client_for, staff, lunch, mailoutbox):
    SignUpFactory.create_batch(2, lunch=lunch)
    SignUpFactory(lunch=lunch, staff=staff, state=SignUpState.WAITLISTED)
    later = SignUpFactory(lunch=lunch, state=SignUpState.WAITLISTED)
    client_for(staff).post(reverse("events:cancel_sign_up", args=[lunch.pk]))
    later.refresh_from_db()
    assert later.state == SignUpState.WAITLISTED
    assert mailoutbox == []


def test_you_can_sign_up_again_after_cancelling(client_for, staff, lunch):
    client = client_for(staff)
    client.post(reverse("events:sign_up", args=[lunch.pk]))
    client.post(reverse("events:cancel_sign_up", args=[lunch.pk]))
    client.post(reverse("events:sign_up", args=[lunch.pk]))
    states = sorted(SignUp.objects.filter(staff=staff).values_list("state", flat=True))
    assert states == [SignUpState.CANCELLED, SignUpState.CONFIRMED]


def test_cancelling_without_a_sign_up_says_so(client_for, staff, lunch):
    response = client_for(staff).post(
        reverse("events:cancel_sign_up", args=[lunch.pk]), follow=True
    )
    assert "You are not signed up to this lunch." in unescape(response.content.decode())
