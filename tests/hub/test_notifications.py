import pytest
from django.core import mail
from django.urls import reverse

from hub.models import EmailPreference, NoticeKind, Notification
from hub.models.notifications import NoLink
from hub.notifications import notify
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory


def ping(person, **kwargs):
    kwargs.setdefault("target", NoteFactory(author=person, school=person.school))
    return notify(
        recipient=person,
        kind=NoticeKind.COMMENT,
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


def test_notify_records_the_object_and_derives_its_link(staff):
    note = NoteFactory(author=staff, school=staff.school)

    ping(staff, message="Ben replied to your note", target=note)

    notification = Notification.objects.get(recipient=staff)
    assert notification.message == "Ben replied to your note"
    assert notification.target == note
    assert notification.link() == f"/test-notes/{note.pk}/"


class Outside:
    pk = 1

    def get_absolute_url(self):
        return "//evil.example/phish"


@pytest.mark.parametrize("target", [None, object(), Outside()], ids=["none", "no-page", "outside"])
def test_notify_refuses_an_object_it_cannot_link_to_inside_staffroom(staff, target):
    with pytest.raises(NoLink):
        ping(staff, target=target)

    assert not Notification.objects.exists()


@pytest.mark.urls("tests.leaders_app.urls")
def test_opening_a_notification_marks_it_read_and_lands_on_its_object(client_for, staff):
    notification = ping(staff)

    response = client_for(staff).get(reverse("hub:open_notification", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == f"/test-notes/{notification.target_id}/"
    notification.refresh_from_db()
    assert not notification.is_unread


def test_someone_elses_notification_answers_404_and_stays_unread(client_for, staff, moderator):
    notification = ping(moderator)

    response = client_for(staff).get(reverse("hub:open_notification", args=[notification.pk]))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.is_unread


def test_a_notification_about_something_deleted_since_says_so(client_for, staff):
    notification = ping(staff)
    notification.target.delete()

    response = client_for(staff).get(
        reverse("hub:open_notification", args=[notification.pk]), follow=True
    )

    assert response.redirect_chain[-1][0] == reverse("hub:notifications")
    assert "has been deleted since" in response.content.decode()


def test_unread_notices_of_one_kind_and_key_grow_into_one(staff):
    for _ in range(3):
        ping(staff, group_key="idea:1", group_message=lambda n: f"{n} colleagues tried it")
    ping(staff, group_key="idea:2", message="Another idea")

    assert sorted(Notification.objects.values_list("message", "count")) == [
        ("3 colleagues tried it", 3),
        ("Another idea", 1),
    ]


def test_a_read_notice_is_not_grown_a_new_one_starts(staff):
    first = ping(staff, group_key="idea:1", group_message=lambda n: f"{n} tried")
    Notification.objects.filter(pk=first.pk).update(read_at=first.created_at)

    second = ping(staff, group_key="idea:1", group_message=lambda n: f"{n} tried")

    assert second.pk != first.pk and second.count == 1


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


def test_a_kind_turned_off_makes_no_notification_and_no_email(
    staff, django_capture_on_commit_callbacks
):
    staff.notice_preferences = {NoticeKind.COMMENT: "off"}
    staff.save()

    with django_capture_on_commit_callbacks(execute=True):
        assert ping(staff) is None

    assert not Notification.objects.exists() and mail.outbox == []


def test_a_kind_kept_for_the_digest_is_listed_but_not_emailed(
    staff, django_capture_on_commit_callbacks
):
    staff.notice_preferences = {NoticeKind.COMMENT: "digest"}
    staff.save()

    with django_capture_on_commit_callbacks(execute=True):
        ping(staff)

    assert Notification.objects.filter(recipient=staff).count() == 1
    assert mail.outbox == []


def test_one_kind_can_email_a_weekly_reader_but_emails_off_wins(
    staff, django_capture_on_commit_callbacks
):
    staff.notice_preferences = {NoticeKind.COMMENT: "instant"}
    staff.email_preference = EmailPreference.WEEKLY
    staff.save()
    with django_capture_on_commit_callbacks(execute=True):
        ping(staff)
    assert len(mail.outbox) == 1

    staff.email_preference = EmailPreference.OFF
    staff.save()
    with django_capture_on_commit_callbacks(execute=True):
        ping(staff)
    assert len(mail.outbox) == 1


def test_i_choose_per_kind_on_the_preferences_page(client_for, staff):
    response = client_for(staff).post(
        reverse("hub:notification_preferences"),
        {
            "email_preference": "instant",
            "kind-tried": "instant",
            "kind-will_try": "digest",
            "kind-lunch": "off",
            "kind-comment": "",
        },
    )

    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.notice_preferences == {"tried": "instant", "will_try": "digest", "lunch": "off"}


def test_a_made_up_kind_setting_is_refused_and_nothing_changes(client_for, staff):
    response = client_for(staff).post(
        reverse("hub:notification_preferences"),
        {"email_preference": "weekly", "kind-tried": "<b>hourly</b>"},
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    staff.refresh_from_db()
    assert (staff.email_preference, staff.notice_preferences) == ("instant", {})
