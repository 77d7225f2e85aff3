"""The school fragments of the main pages (hub.fragments): a change shows on the next
view, and nothing one person may see reaches another through a fragment (drafts,
hidden work, anonymous authors, moderators' links, one's own sign-up or reaction)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.lunches import services as lunches
from hub import moderation
from hub.models import Role, Status
from ideas.board import services as board
from ideas.scrapbook import services as scrapbook
from ideas.thursday import services as thursday
from tests.events.lunches.factories import LunchFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.scrapbook.factories import ArticleFactory, EditionFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory

pytestmark = pytest.mark.django_db
BOARD = reverse("ideas:board")
HOME = reverse("hub:home")
THURSDAY = reverse("ideas:thursday")
LUNCHES = reverse("events:lunches")
DASHBOARD = reverse("hub:dashboard")


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_waiting_post_it_is_seen_by_its_author_only(school, staff, moderator):
    school.moderation_mode = "pre"
    school.save()
    IdeaFactory(author=moderator, title="Shared already")
    colleague = signed_in(moderator)
    assert "Shared already" in page(colleague, BOARD)  # the school's wall is built
    board.idea_create(author=staff, title="Waiting for approval", note="n", tags=[], colour="blue")
    mine = page(signed_in(staff), BOARD)
    assert "Waiting for approval" in mine and "Shared already" in mine
    # The author's own wall was theirs alone: a colleague's is the school's.
    assert "Waiting for approval" not in page(colleague, BOARD)
    assert "Waiting for approval" not in page(signed_in(staff.__class__.objects.create_user(
        email="third@oakfield.example", password="x" * 12, full_name="Third", school=school,
    )), BOARD)  # fmt: skip


def test_a_hidden_post_it_leaves_every_wall_at_once(staff, moderator):
    idea = IdeaFactory(author=staff, title="Names a pupil")
    viewer = signed_in(staff)
    assert "Names a pupil" in page(viewer, BOARD)
    moderation.transition(idea, action="hide", actor=moderator, reason="A pupil's name")
    assert "Names a pupil" not in page(signed_in(moderator), BOARD)
    # Their own hidden idea stays on the author's wall, with the reason.
    own = page(signed_in(staff), BOARD)
    assert "Names a pupil" in own and "A pupil&#x27;s name" in own


def test_each_person_sees_only_their_own_reactions_on_a_shared_wall(staff, moderator):
    idea = IdeaFactory(author=moderator, title="Exit tickets")
    board.reaction_add(idea=idea, author=staff, kind="will_try")
    board.reaction_add(idea=idea, author=staff, kind="tried", reflection="It worked")
    theirs = page(signed_in(staff), BOARD)
    assert 'aria-pressed="true"' in theirs and "You tried it" in theirs
    other = page(signed_in(moderator), BOARD)
    assert 'aria-pressed="false"' in other and "You tried it" not in other
    assert moderator.tried_it_question in other
    assert "<!--mine" not in other and "<!--mine" not in theirs


def test_the_tried_it_question_fits_each_viewers_job_on_a_shared_wall(school, staff):
    IdeaFactory(author=staff, title="Exit tickets")
    assert "What happened in class?" in page(signed_in(staff), BOARD)
    office = StaffFactory(school=school, role=Role.OFFICE)
    theirs = page(signed_in(office), BOARD)
    assert "Exit tickets" in theirs
    assert "What happened when you tried it?" in theirs
    assert "What happened in class?" not in theirs


def test_an_anonymous_celebrated_reply_never_names_its_author_on_home(school, staff, moderator):
    question = QuestionFactory(school=school, author=moderator, allow_anonymous=True)
    reply = ReplyFactory(question=question, author=staff, is_anonymous=True, text="Try silence")
    moderation.celebrate(reply, actor=moderator, note="Brave")
    for viewer in (moderator, staff):  # the moderator builds the panel first
        home = page(signed_in(viewer), HOME)
        assert "Brave" in home
        assert "by <strong>a colleague</strong>" in home
        assert "by <strong>Alice Teacher</strong>" not in home


def test_thursday_new_reply_and_moderator_link_stay_right(school, staff, moderator):
    assert "Plan the rota" in page(signed_in(moderator), THURSDAY)  # no question, no rota
    assert "Plan the rota" not in page(signed_in(staff), THURSDAY)
    question = QuestionFactory(school=school, author=moderator, publish_at=timezone.now())
    viewer = signed_in(staff)
    assert "0 replies" in page(viewer, THURSDAY)
    thursday.reply_create(question=question, author=moderator, text="Mine", now=timezone.now())
    assert "1 reply" in page(viewer, THURSDAY)


def test_the_lunch_list_shows_each_their_own_sign_up_and_new_lunches(school, staff, moderator):
    lunch = LunchFactory(school=school, theme="Retrieval practice", capacity=1)
    viewer, colleague = signed_in(staff), signed_in(moderator)
    assert "1 of 1 place left" in page(viewer, LUNCHES)
    lunches.sign_up(lunch_id=lunch.pk, staff=staff)
    theirs, other = page(viewer, LUNCHES), page(colleague, LUNCHES)
    assert "You're coming" in theirs and "You're coming" not in other
    assert "Full" in other
    lunches.sign_up(lunch_id=lunch.pk, staff=moderator)
    assert "You're on the waitlist" in page(colleague, LUNCHES)
    assert "You're on the waitlist" not in page(viewer, LUNCHES)
    day = timezone.localdate() + dt.timedelta(days=9)
    lunches.schedule_lunch(
        school=school, created_by=moderator, date=day, start_time=dt.time(12),
        end_time=dt.time(12, 45), room="Library", capacity=8, theme="Oracy",
    )  # fmt: skip
    assert "Oracy" in page(viewer, LUNCHES)


def test_an_edition_shows_an_article_added_after_it_was_seen(school, staff, school_admin):
    edition = EditionFactory(created_by=school_admin, school=school)
    article = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Talk partners")
    viewer = signed_in(staff)
    assert "Talk partners" not in page(viewer, edition.get_absolute_url())
    scrapbook.edition_arrange(
        edition=edition, editor=school_admin, action="add", article_id=article.pk
    )
    shown = page(viewer, edition.get_absolute_url())
    assert "Talk partners" in shown and "1 article" in shown
    # Tools for editors stay outside the body: a teacher never gets them.
    assert "Prepare and export" in page(signed_in(school_admin), edition.get_absolute_url())
    assert "Prepare and export" not in page(viewer, edition.get_absolute_url())


def test_the_dashboard_offers_no_invitation_to_the_moderator_looking(school, moderator):
    other_moderator = moderator.__class__.objects.create_user(
        email="deputy@oakfield.example", password="x" * 12, full_name="Dee Deputy",
        school=school, is_moderator=True,
    )  # fmt: skip
    first = page(signed_in(moderator), DASHBOARD)
    second = page(signed_in(other_moderator), DASHBOARD)
    invite_self = reverse("hub:invite_to_share", args=[moderator.pk])
    invite_other = reverse("hub:invite_to_share", args=[other_moderator.pk])
    assert invite_self not in first and invite_other in first
    assert invite_other not in second and invite_self in second


def test_the_home_panels_are_the_schools_with_each_their_own_sign_up(school, staff, moderator):
    lunch = LunchFactory(school=school, theme="Retrieval practice")
    viewer, colleague = signed_in(staff), signed_in(moderator)
    assert "0 post-its this week" in page(colleague, HOME)  # the school's panels are built
    lunches.sign_up(lunch_id=lunch.pk, staff=staff)
    board.idea_create(author=moderator, title="Exit tickets", note="n", tags=[], colour="blue")
    theirs, other = page(viewer, HOME), page(colleague, HOME)
    assert "You're coming." in theirs and "You're coming." not in other
    assert "Exit tickets" in theirs and "1 post-it this week" in other
