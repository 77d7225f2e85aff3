"""After the night: presenters' ideas become post-its on the network, credited to them, and
each participant is asked "Which idea will you try?" — once, linking to the twilight."""

import pytest
from django.urls import reverse

from events.twilights import jobs, services
from events.twilights.models import PlaceState
from hub.models import NoticeKind, Notification, Status, Visibility
from ideas.board.models import Idea, Reaction, ReactionKind
from tests.events.twilights.factories import (
    PresenterFactory,
    SignUpFactory,
    TwilightFactory,
    in_days,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def evening(network, school, partner_school, third_school, moderator, partner):
    twilight = TwilightFactory(
        network=network, host_school=school, created_by=moderator, starts_at=in_days(-1)
    )
    PresenterFactory(
        twilight=twilight,
        staff=partner,
        idea_title="Mini whiteboards",
        idea_summary="Everyone answers at once.",
    )
    PresenterFactory(twilight=twilight, staff=StaffFactory(school=third_school))
    return twilight


def test_the_job_turns_ideas_into_network_post_its_and_asks_participants(
    evening, staff, partner, third_school
):
    taking_part = SignUpFactory(twilight=evening, staff=staff)
    SignUpFactory(
        twilight=evening, staff=StaffFactory(school=third_school), state=PlaceState.CANCELLED
    )

    jobs.follow_up_twilights(in_days(1))

    post_it = Idea.objects.get(author=partner)
    assert (post_it.title, post_it.visibility, post_it.status, post_it.school_id) == (
        "Mini whiteboards",
        Visibility.NETWORK,
        Status.PUBLISHED,
        partner.school_id,
    )
    assert "Everyone answers at once." in post_it.note
    assert f"Shared at {evening.title}" in post_it.note
    notice = Notification.objects.get(kind=NoticeKind.TWILIGHT, recipient=staff)
    assert notice.message == f"Which idea from {evening.title} will you try?"
    assert notice.link() == reverse("events:twilight_follow_up", args=[evening.pk])
    # Each presenter hears where their idea went, linking to its post-it.
    told = Notification.objects.get(kind=NoticeKind.TWILIGHT, recipient=partner)
    assert told.message == "Your idea “Mini whiteboards” is now a post-it for the network"
    assert told.link() == reverse("ideas:idea_detail", args=[post_it.pk])
    assert Notification.objects.filter(kind=NoticeKind.TWILIGHT).count() == 3
    taking_part.refresh_from_db()
    assert Idea.objects.count() == 2


def test_the_job_runs_once_per_twilight(evening, staff):
    SignUpFactory(twilight=evening, staff=staff)
    jobs.follow_up_twilights(in_days(1))
    jobs.follow_up_twilights(in_days(1))
    assert Idea.objects.count() == 2
    # One question to the participant, one word to each of the two presenters.
    assert Notification.objects.filter(kind=NoticeKind.TWILIGHT).count() == 3


def test_a_twilight_still_to_come_is_left_alone(twilight, staff):
    PresenterFactory(twilight=twilight)
    jobs.follow_up_twilights(in_days(0))
    assert not Idea.objects.exists()


def test_a_participant_picks_the_idea_they_will_try_and_its_presenter_hears(
    client, evening, staff, partner
):
    SignUpFactory(twilight=evening, staff=staff)
    services.follow_up_twilight(twilight_id=evening.pk, now=in_days(1))
    chosen = evening.sign_ups.get(staff=partner)
    client.force_login(staff)
    url = reverse("events:twilight_follow_up", args=[evening.pk])
    assert "Mini whiteboards" in client.get(url).content.decode()

    response = client.post(url, {"idea": chosen.pk}, follow=True)
    client.post(url, {"idea": chosen.pk})  # a double submit

    assert "Saved. Good luck trying it" in response.content.decode()
    mine = evening.sign_ups.get(staff=staff)
    assert mine.will_try == chosen
    reaction = Reaction.objects.get(author=staff)
    assert (reaction.kind, reaction.idea_id) == (ReactionKind.WILL_TRY, chosen.post_it_id)
    told = Notification.objects.get(recipient=partner, kind=NoticeKind.WILL_TRY)
    assert told.link().startswith(reverse("ideas:idea_detail", args=[chosen.post_it_id]))


def test_choosing_nothing_or_something_else_is_told_next_to_the_field(
    client, evening, staff, network, school
):
    SignUpFactory(twilight=evening, staff=staff)
    services.follow_up_twilight(twilight_id=evening.pk, now=in_days(1))
    other = PresenterFactory(twilight=TwilightFactory(network=network, host_school=school))
    client.force_login(staff)
    url = reverse("events:twilight_follow_up", args=[evening.pk])
    for data, message in (({}, "Choose the idea you will try."), ({"idea": other.pk}, "one of")):
        response = client.post(url, data)
        assert message in response.content.decode()
    assert evening.sign_ups.get(staff=staff).will_try is None


def test_a_presenter_or_someone_who_was_not_there_is_not_asked(client, evening, partner, lead):
    services.follow_up_twilight(twilight_id=evening.pk, now=in_days(1))
    url = reverse("events:twilight_follow_up", args=[evening.pk])
    for person in (partner, lead):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert "This question is for colleagues who took part." in page
        assert client.post(url, {"idea": 1}).status_code == 200
    assert not Reaction.objects.exists()


def test_in_a_pre_moderated_school_the_post_it_waits_and_the_choice_is_kept_on_the_twilight(
    client, evening, staff, partner, partner_school
):
    """The hook respects the presenter's school's moderation: until approved, nobody else
    sees the post-it, so "I'll try this" cannot go on it yet; the choice is still kept."""
    partner_school.moderation_mode = "pre"
    partner_school.save()
    SignUpFactory(twilight=evening, staff=staff)
    services.follow_up_twilight(twilight_id=evening.pk, now=in_days(1))
    chosen = evening.sign_ups.get(staff=partner)
    assert Idea.objects.get(pk=chosen.post_it_id).status == Status.SUBMITTED

    services.choose_idea_to_try(twilight_id=evening.pk, staff=staff, presenter_sign_up_id=chosen.pk)

    assert evening.sign_ups.get(staff=staff).will_try == chosen
    assert not Reaction.objects.exists()


def test_the_question_page_costs_the_same_however_many_ideas_were_shared(
    client, evening, staff, network, django_assert_max_num_queries
):
    SignUpFactory(twilight=evening, staff=staff)
    services.follow_up_twilight(twilight_id=evening.pk, now=in_days(1))
    url = reverse("events:twilight_follow_up", args=[evening.pk])
    client.force_login(staff)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for school in network.schools.all():
        PresenterFactory.create_batch(4, twilight=evening, staff__school=school)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).content.decode().count('type="radio"') == 14


def test_afterwards_each_idea_on_the_twilight_page_links_to_its_post_it(client, evening, staff):
    services.follow_up_twilight(twilight_id=evening.pk, now=in_days(1))
    client.force_login(staff)
    page = client.get(evening.get_absolute_url()).content.decode()
    for post_it in Idea.objects.all():
        assert f'href="{post_it.get_absolute_url()}"' in page


def test_nobody_is_asked_when_no_idea_was_presented(network, school, staff):
    quiet = TwilightFactory(network=network, host_school=school, starts_at=in_days(-1))
    SignUpFactory(twilight=quiet, staff=staff)
    assert services.follow_up_twilight(twilight_id=quiet.pk, now=in_days(1)) == 0
    quiet.refresh_from_db()
    assert quiet.followed_up_at is not None
    assert not Notification.objects.exists()
