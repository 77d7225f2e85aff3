import pytest
from django.core import mail
from django.urls import reverse

from hub.models import EmailPreference, Notification
from hub.notifications import notify
from tests.factories import StaffFactory


def ping(person, **kwargs):
    return notify(
        recipient=person,
        email_template="test_ping",
        context={"note_title": "Exit tickets <fast>"},
        **kwargs,
    )


def test_notify_keeps_an_in_app_notification_worded_like_the_email_subject(
    staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ping(staff)

    notification = Notification.objects.get(recipient=staff)
    assert notification.message == "Your note “Exit tickets <fast>” got a reply"
    assert notification.is_unread
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Your note “Exit tickets <fast>” got a reply"


def test_notify_takes_a_message_and_a_link_when_given(staff):
    ping(staff, message="Ben replied to your note", url="/board/12/")

    notification = Notification.objects.get(recipient=staff)
    assert (notification.message, notification.url) == ("Ben replied to your note", "/board/12/")


def test_notify_never_links_outside_staffroom(staff):
    ping(staff, url="https://evil.example/phish")
    ping(staff, url="//evil.example/phish")

    assert set(Notification.objects.values_list("url", flat=True)) == {""}


@pytest.mark.parametrize("preference", [EmailPreference.WEEKLY, EmailPreference.OFF])
def test_notify_sends_no_instant_email_unless_the_person_wants_one(
    staff, preference, django_capture_on_commit_callbacks
):
    staff.email_preference = preference
    staff.save()

    with django_capture_on_commit_callbacks(execute=True):
        ping(staff)

    assert mail.outbox == []
    assert Notification.objects.filter(recipient=staff).count() == 1


def test_notify_tells_deactivated_staff_nothing(staff, django_capture_on_commit_callbacks):
    staff.is_active = False
    staff.save()

    with django_capture_on_commit_callbacks(execute=True):
        assert ping(staff) is None

    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_the_list_shows_only_my_notifications_newest_first(client_for, staff, moderator):
    ping(staff, message="First for Alice")
    ping(staff, message="Second for Alice")
    ping(moderator, message="For Helen only")

    page = client_for(staff).get(reverse("hub:notifications")).content.decode()

    assert page.index("Second for Alice") < page.index("First for Alice")
    assert "For Helen only" not in page


def test_the_unread_count_shows_in_the_navigation(client_for, staff):
    ping(staff)
    ping(staff)

    page = client_for(staff).get(reverse("hub:home")).content.decode()

    assert '2<span class="visually-hidden"> unread</span>' in page


def test_mark_all_read_clears_only_my_unread_count(client_for, staff, moderator):
    ping(staff)
    ping(moderator)
    client = client_for(staff)

    response = client.post(reverse("hub:mark_notifications_read"))

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=staff, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=moderator, read_at__isnull=True).exists()
    page = client.get(reverse("hub:notifications")).content.decode()
    assert 'visually-hidden"> unread' not in page
    assert "Mark all as read" not in page


def test_an_empty_list_explains_what_will_appear(client_for, staff):
    page = client_for(staff).get(reverse("hub:notifications")).content.decode()

    assert "No notifications yet" in page


@pytest.mark.parametrize("count", [3, 60])
def test_the_list_runs_a_constant_number_of_queries(
    client_for, staff, count, django_assert_max_num_queries
):
    for _ in range(count):
        ping(staff)
    client = client_for(staff)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("hub:notifications"))

    assert response.status_code == 200


def test_i_can_choose_the_weekly_digest_only(client_for, staff):
    client = client_for(staff)

    response = client.post(reverse("hub:notification_preferences"), {"email_preference": "weekly"})

    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.email_preference == EmailPreference.WEEKLY


def test_a_made_up_preference_is_refused_and_nothing_changes(client_for, staff):
    response = client_for(staff).post(
        reverse("hub:notification_preferences"), {"email_preference": "hourly"}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    staff.refresh_from_db()
    assert staff.email_preference == EmailPreference.INSTANT


def test_a_new_colleague_gets_instant_emails_by_default(school):
    assert StaffFactory(school=school).email_preference == EmailPreference.INSTANT
