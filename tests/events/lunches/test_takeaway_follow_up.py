"""After a learning lunch: "How did it go?" about the one thing each person said they'd try."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.lunches.jobs import FOLLOW_UP_BATCH, ask_how_takeaways_went
from events.lunches.models import FollowUpAnswer, Takeaway, TakeawayFollowUp
from hub.models import NoticeKind, Notification
from hub.registry import periodic_jobs
from tests.events.lunches.factories import LunchFactory, TakeawayFactory, in_days
from tests.factories import StaffFactory


@pytest.fixture
def takeaway(school, staff):
    lunch = LunchFactory(school=school, starts_at=in_days(-20))
    item = TakeawayFactory(lunch=lunch, author=staff, text="Three recall questions")
    Takeaway.objects.filter(pk=item.pk).update(created_at=timezone.now() - timedelta(days=15))
    return item


def test_it_is_a_registered_periodic_job():
    assert "events.ask_how_takeaways_went" in [job.name for job in periodic_jobs()]


def test_the_author_is_asked_once_and_the_notice_opens_the_form(takeaway, staff, client_for):
    assert ask_how_takeaways_went(timezone.now()) == 1
    assert ask_how_takeaways_went(timezone.now()) == 0

    notice = Notification.objects.get(recipient=staff)
    assert notice.kind == NoticeKind.FOLLOW_UP
    assert "“Three recall questions”" in notice.message
    client = client_for(staff)
    landed = client.get(reverse("hub:open_notification", args=[notice.pk]))
    assert landed["Location"] == reverse("events:takeaway_follow_up", args=[takeaway.pk])
    assert "I didn’t get to it" in client.get(landed["Location"]).content.decode()


def test_nobody_is_asked_before_the_schools_interval(takeaway):
    Takeaway.objects.update(created_at=timezone.now() - timedelta(days=10))

    assert ask_how_takeaways_went(timezone.now()) == 0


def test_answering_keeps_the_reflection_and_ends_the_nudges(takeaway, staff, client_for):
    response = client_for(staff).post(
        reverse("events:takeaway_follow_up", args=[takeaway.pk]),
        {"answer": "tried", "reflection": "Year 6 remembered more."},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#takeaway-{takeaway.pk}")
    page = client_for(StaffFactory(school=takeaway.school)).get(response["Location"])
    assert f'id="takeaway-{takeaway.pk}"' in page.content.decode()
    assert "How it went:</strong> Year 6 remembered more." in page.content.decode()
    follow_up = TakeawayFollowUp.objects.get()
    assert (follow_up.answer, follow_up.reflection) == (
        FollowUpAnswer.TRIED,
        "Year 6 remembered more.",
    )
    assert ask_how_takeaways_went(timezone.now()) == 0


@pytest.mark.parametrize(
    "data, error",
    [
        ({"answer": "tried", "reflection": ""}, "Please add a sentence or two"),
        ({"answer": "tried", "reflection": "x" * 301}, "at most 300 characters"),
        ({"answer": "never"}, "Select a valid choice"),
    ],
)
def test_bad_answers_are_explained_and_change_nothing(takeaway, staff, client_for, data, error):
    response = client_for(staff).post(
        reverse("events:takeaway_follow_up", args=[takeaway.pk]), data
    )

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not TakeawayFollowUp.objects.exists()


def test_only_its_author_answers(takeaway, school, client_for, outsider):
    colleague = StaffFactory(school=school)
    url = reverse("events:takeaway_follow_up", args=[takeaway.pk])

    assert client_for(colleague).post(url, {"answer": "not_yet"}).status_code == 403
    assert client_for(outsider).post(url, {"answer": "not_yet"}).status_code == 404
    assert not TakeawayFollowUp.objects.exists()


@pytest.mark.parametrize("pending", [10, 1000])
def test_the_job_costs_the_same_few_queries_for_10_or_1000(
    school, pending, django_assert_max_num_queries
):
    lunch = LunchFactory(school=school, starts_at=in_days(-20))
    people = StaffFactory.create_batch(pending, school=school)
    Takeaway.objects.bulk_create(
        Takeaway(lunch=lunch, school=school, author=person, text="Recall", status="published")
        for person in people
    )
    Takeaway.objects.update(created_at=timezone.now() - timedelta(days=15))

    # 9: the 8 it always cost, and one UPDATE of the content version of the schools it asked at.
    with django_assert_max_num_queries(9):
        asked = ask_how_takeaways_went(timezone.now())

    assert asked == min(pending, FOLLOW_UP_BATCH)
    assert Notification.objects.count() == asked
