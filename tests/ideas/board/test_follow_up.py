"""“How did it go?”: asked once, a school-chosen number of days after “I'll try this”."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hub.models import EmailPreference, NoticeKind, Notification
from hub.registry import periodic_jobs
from ideas.board.jobs import BATCH, ask_how_it_went
from ideas.board.models import FollowUp, FollowUpAnswer, Reaction, ReactionKind
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory


def will_try(idea, person, days_ago):
    reaction = ReactionFactory(idea=idea, author=person, kind=ReactionKind.WILL_TRY)
    Reaction.objects.filter(pk=reaction.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )
    return reaction


@pytest.fixture
def idea(moderator):
    return IdeaFactory(author=moderator, title="Menus with pictures")


def run(now=None, capture=None):
    if capture is None:
        return ask_how_it_went(now or timezone.now())
    with capture(execute=True):
        return ask_how_it_went(now or timezone.now())


def test_it_is_a_registered_periodic_job():
    assert "board_ask_how_it_went" in [job.name for job in periodic_jobs()]


def test_after_14_days_the_person_is_asked_once_and_the_link_opens_the_form(
    idea, staff, client_for, django_capture_on_commit_callbacks
):
    will_try(idea, staff, days_ago=15)

    assert run(capture=django_capture_on_commit_callbacks) == 1
    assert run(capture=django_capture_on_commit_callbacks) == 0

    notice = Notification.objects.get(recipient=staff)
    assert notice.kind == NoticeKind.FOLLOW_UP
    assert "How did it go with “Menus with pictures”?" in notice.message
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "How did it go" in mail.outbox[0].subject
    client = client_for(staff)
    landed = client.get(reverse("hub:open_notification", args=[notice.pk]))
    assert landed["Location"] == reverse("ideas:how_did_it_go", args=[idea.pk])
    assert "I didn’t get to it" in client.get(landed["Location"]).content.decode()


def test_nobody_is_asked_before_the_schools_interval(idea, staff):
    will_try(idea, staff, days_ago=13)

    assert run() == 0


def test_the_school_chooses_the_interval(idea, staff):
    idea.school.follow_up_days = 7
    idea.school.save()
    will_try(idea, staff, days_ago=8)

    assert run() == 1


def test_someone_who_already_said_how_it_went_is_not_asked(idea, staff):
    will_try(idea, staff, days_ago=20)
    ReactionFactory(idea=idea, author=staff, kind=ReactionKind.TRIED)

    assert run() == 0


def test_weekly_readers_and_leavers_get_no_instant_email(
    idea, staff, django_capture_on_commit_callbacks
):
    staff.email_preference = EmailPreference.WEEKLY
    staff.save()
    leaver = StaffFactory(school=idea.school, is_active=False)
    will_try(idea, staff, days_ago=20)
    will_try(idea, leaver, days_ago=20)

    assert run(capture=django_capture_on_commit_callbacks) == 1
    assert mail.outbox == []
    assert list(Notification.objects.values_list("recipient", flat=True)) == [staff.pk]


def test_answering_i_tried_it_tells_the_author_and_lands_on_the_reflection(idea, staff, client_for):
    will_try(idea, staff, days_ago=15)
    run()

    response = client_for(staff).post(
        reverse("ideas:how_did_it_go", args=[idea.pk]),
        {"answer": "tried", "reflection": "Year 2 chose lunch in a minute."},
    )

    assert response.status_code == 302
    assert FollowUp.objects.get().answer == FollowUpAnswer.TRIED
    notice = Notification.objects.get(recipient=idea.author, kind=NoticeKind.TRIED)
    assert "Year 2 chose lunch in a minute." in notice.message
    reflection = Reaction.objects.get(kind=ReactionKind.TRIED)
    assert notice.link().endswith(f"#reaction-{reflection.pk}")


def test_didnt_get_to_it_ends_the_nudges(idea, staff, client_for):
    will_try(idea, staff, days_ago=3)

    response = client_for(staff).post(
        reverse("ideas:how_did_it_go", args=[idea.pk]), {"answer": "not_yet"}
    )

    assert response.status_code == 302
    assert FollowUp.objects.get().answer == FollowUpAnswer.NOT_YET
    assert run(timezone.now() + timedelta(days=30)) == 0
    assert not Reaction.objects.filter(kind=ReactionKind.TRIED).exists()


@pytest.mark.parametrize(
    "data, error",
    [
        ({"answer": "tried", "reflection": ""}, "Please add a sentence or two"),
        ({"answer": "tried", "reflection": "x" * 301}, "at most 300 characters"),
        ({"answer": "maybe"}, "Select a valid choice"),
    ],
)
def test_bad_answers_are_explained_and_change_nothing(idea, staff, client_for, data, error):
    response = client_for(staff).post(reverse("ideas:how_did_it_go", args=[idea.pk]), data)

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not FollowUp.objects.exists()
    assert not Reaction.objects.exists()


def test_a_reflection_with_html_is_kept_as_text(idea, staff, client_for):
    client_for(staff).post(
        reverse("ideas:how_did_it_go", args=[idea.pk]),
        {"answer": "tried", "reflection": "<script>alert(1)</script> worked"},
    )

    page = client_for(idea.author).get(reverse("ideas:idea_detail", args=[idea.pk]))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; worked" in page.content.decode()


def test_answering_twice_keeps_one_reflection_and_one_follow_up(idea, staff, client_for):
    client = client_for(staff)
    for _ in range(2):
        client.post(
            reverse("ideas:how_did_it_go", args=[idea.pk]),
            {"answer": "tried", "reflection": "Worked."},
        )

    assert FollowUp.objects.count() == 1
    assert Reaction.objects.filter(kind=ReactionKind.TRIED).count() == 1


@pytest.mark.parametrize("pending", [10, 1000])
def test_the_job_costs_the_same_few_queries_for_10_or_1000_people(
    idea, pending, django_assert_max_num_queries
):
    people = StaffFactory.create_batch(pending, school=idea.school)
    long_ago = timezone.now() - timedelta(days=20)
    Reaction.objects.bulk_create(
        Reaction(
            idea=idea,
            author=person,
            school=idea.school,
            kind=ReactionKind.WILL_TRY,
            status="published",
        )
        for person in people
    )
    Reaction.objects.update(created_at=long_ago)

    # 9: the 8 it always cost, and one UPDATE of the content version of the schools it asked at.
    with django_assert_max_num_queries(9):
        asked = run()

    assert asked == min(pending, BATCH)
    assert Notification.objects.count() == asked
