"""The staffroom screen: the token is the only key, and it shows only what every
member of staff at its school may see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events.lunches.models import DietaryNeeds
from hub.display.services import display_link_revoke
from hub.models import DisplayLink, Status, hash_display_token
from hub.moderation import celebrate
from ideas.board.services import pick_idea_of_week
from tests.events.lunches.factories import InputFactory, LunchFactory, SignUpFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory


def screen_url(token):
    return reverse("hub:screen", args=[token])


def content_url(token):
    return reverse("hub:screen_content", args=[token])


def test_only_the_tokens_hash_is_stored(screen_link):
    link, token = screen_link
    assert len(token) >= 43
    stored = DisplayLink.objects.get(pk=link.pk)
    assert stored.token_hash == hash_display_token(token)
    assert token not in {stored.token_hash, stored.name}


def test_the_screen_opens_without_a_session_and_sets_no_cookie(client, screen_link, school):
    link, token = screen_link
    IdeaFactory(school=school, title="Exit tickets on sticky notes")
    response = client.get(screen_url(token))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Oakfield Primary School" in html
    assert "Exit tickets on sticky notes" in html
    assert not response.cookies
    assert "Sign in" not in html and "password" not in html.lower()


def test_the_screen_tells_robots_and_referers_nothing(client, screen_link):
    _, token = screen_link
    for url in (screen_url(token), content_url(token)):
        response = client.get(url)
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["Cache-Control"] == "private, no-store"


def test_the_screen_has_no_inline_script_and_polls_once_a_minute(client, screen_link):
    _, token = screen_link
    response = client.get(screen_url(token))
    html = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert html.count("<script") == html.count("<script src=")
    assert f'data-hx-get="{content_url(token)}"' in html
    assert 'data-hx-trigger="every 60s"' in html


def test_the_content_fragment_is_the_panels_alone(client, screen_link):
    _, token = screen_link
    response = client.get(content_url(token))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'class="screen-panel' in html
    assert not response.cookies


@pytest.mark.parametrize("how", ["forged", "revoked", "empty-ish", "too long"])
def test_a_revoked_or_forged_token_is_a_404_without_a_sign_in_form(
    client, screen_link, moderator, how
):
    link, token = screen_link
    if how == "revoked":
        display_link_revoke(link=link, revoked_by=moderator)
    bad = {"forged": token[:-1] + ("A" if token[-1] != "A" else "B"), "revoked": token}
    bad |= {"empty-ish": "-", "too long": "a" * 300}
    for url in (screen_url(bad[how]), content_url(bad[how])):
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "This screen link does not work" in html
        assert "password" not in html.lower()
        assert not response.cookies


def test_a_token_shows_its_own_school_only(client, make_link, school, other_school, outsider):
    IdeaFactory(school=school, title="Oakfield post-it")
    IdeaFactory(school=other_school, title="Hillside post-it")
    _, token = make_link(other_school, outsider)
    html = client.get(screen_url(token)).content.decode()
    assert "Hillside post-it" in html
    assert "Oakfield post-it" not in html


def test_a_signed_in_visitor_sees_the_tokens_school_not_their_own(
    client_for, make_link, school, other_school, staff, outsider
):
    IdeaFactory(school=school, title="Oakfield post-it")
    IdeaFactory(school=other_school, title="Hillside post-it")
    _, token = make_link(other_school, outsider)
    html = client_for(staff).get(screen_url(token)).content.decode()
    assert "Hillside post-it" in html
    assert "Oakfield post-it" not in html


def test_the_screen_shows_the_week(client, screen_link, school, moderator):
    _, token = screen_link
    idea = IdeaFactory(school=school, title="Cold-call with a lolly stick")
    pick_idea_of_week(idea=idea, actor=moderator, reason="Everyone joins in")
    IdeaFactory(school=school, title="Silent starter")
    question = QuestionFactory(school=school, text="What makes a good question?")
    ReplyFactory.create_batch(2, question=question)
    lunch = LunchFactory(school=school, theme="Retrieval practice", capacity=8)
    SignUpFactory(lunch=lunch, plate="Flapjacks", plate_kind="sweet")
    InputFactory(lunch=lunch, title="Low-stakes quizzes")
    reply = ReplyFactory(school=school, question=question, text="Celebrated thought")
    celebrate(reply, actor=moderator, note="Beautifully put")
    html = client.get(screen_url(token)).content.decode()
    for text in (
        "Cold-call with a lolly stick",
        "Everyone joins in",
        "Silent starter",
        "What makes a good question?",
        "3 replies so far",
        "Retrieval practice",
        "7 places left",
        "Flapjacks",
        "1</strong> sweet",
        "Low-stakes quizzes",
        "Beautifully put",
    ):
        assert text in html, text


def test_the_screen_never_shows_private_items(client, screen_link, school, moderator):
    """Each private item is seeded beside a shared one; only the shared one shows."""
    _, token = screen_link
    now = timezone.now()
    IdeaFactory(school=school, title="SHARED-IDEA")
    IdeaFactory(school=school, title="DRAFT-IDEA", status=Status.DRAFT)
    IdeaFactory(school=school, title="WAITING-IDEA", status=Status.SUBMITTED)
    IdeaFactory(school=school, title="HIDDEN-IDEA", status=Status.HIDDEN)
    IdeaFactory(school=school, title="RETURNED-IDEA", status=Status.RETURNED)
    hidden_pick = IdeaFactory(school=school, title="HIDDEN-PICK")
    pick_idea_of_week(idea=hidden_pick, actor=moderator)
    type(hidden_pick).objects.filter(pk=hidden_pick.pk).update(status=Status.HIDDEN)
    # Scheduled for later: only moderators and its poser see it before 07:00 Thursday.
    QuestionFactory(school=school, text="SCHEDULED-QUESTION", publish_at=now + timedelta(hours=2))
    question = QuestionFactory(school=school, text="LIVE-QUESTION", allow_anonymous=True)
    ReplyFactory(question=question, status=Status.HIDDEN)
    ReplyFactory(question=question, status=Status.SUBMITTED)
    hidden_author = StaffFactory(school=school, full_name="Anya Anonymous")
    anonymous = ReplyFactory(question=question, author=hidden_author, is_anonymous=True)
    celebrate(anonymous, actor=moderator, note="CELEBRATED-ANONYMOUS")
    lunch = LunchFactory(school=school)
    diner = StaffFactory(school=school, full_name="Dinah Diner")
    DietaryNeeds.objects.create(staff=diner, text="DIETARY-NEEDS-TEXT")
    SignUpFactory(lunch=lunch, staff=diner, plate="SHARED-PLATE", allergens="ALLERGEN-NOTE")
    InputFactory(lunch=lunch, title="HIDDEN-INPUT", status=Status.HIDDEN)
    InputFactory(lunch=lunch, title="WAITING-INPUT", status=Status.SUBMITTED)
    InputFactory(lunch=lunch, title="SHARED-INPUT")
    html = client.get(screen_url(token)).content.decode()
    for shown in ("SHARED-IDEA", "LIVE-QUESTION", "1 reply so far", "CELEBRATED-ANONYMOUS"):
        assert shown in html, shown
    assert "a colleague" in html
    assert "SHARED-PLATE" in html and "SHARED-INPUT" in html
    for private in (
        "DRAFT-IDEA",
        "WAITING-IDEA",
        "HIDDEN-IDEA",
        "RETURNED-IDEA",
        "HIDDEN-PICK",
        "SCHEDULED-QUESTION",
        "Anya Anonymous",
        "DIETARY-NEEDS-TEXT",
        "Dinah Diner",
        "ALLERGEN-NOTE",
        "HIDDEN-INPUT",
        "WAITING-INPUT",
    ):
        assert private not in html, private


def test_the_question_appears_at_seven_on_thursday(client, screen_link, school, monkeypatch):
    from tests.ideas.thursday.factories import london

    _, token = screen_link
    QuestionFactory(
        school=school, text="Why do we set homework?", publish_at=london(2026, 3, 26, 7)
    )
    monkeypatch.setattr(timezone, "now", lambda: london(2026, 3, 26, 6, 59))
    before = client.get(content_url(token)).content.decode()
    assert "Why do we set homework?" not in before
    assert "comes on Thursday at 07:00" in before
    monkeypatch.setattr(timezone, "now", lambda: london(2026, 3, 26, 7))
    after = client.get(content_url(token)).content.decode()
    assert "Why do we set homework?" in after


def test_the_content_is_rendered_once_a_minute_per_school(
    client, make_link, school, moderator, django_assert_num_queries, within_one_minute
):
    _, first = make_link(school, moderator, "Staffroom TV")
    _, second = make_link(school, moderator, "Reprographics corridor")
    client.get(content_url(first))
    IdeaFactory(school=school, title="Posted within the minute")
    with django_assert_num_queries(1):  # the link; the panels come from the cache
        html = client.get(content_url(second)).content.decode()
    assert "Posted within the minute" not in html


def test_new_content_shows_the_next_minute(client, screen_link, school, monkeypatch):
    _, token = screen_link
    moment = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: moment)
    client.get(content_url(token))
    IdeaFactory(school=school, title="Posted within the minute")
    monkeypatch.setattr(timezone, "now", lambda: moment + timedelta(minutes=1))
    assert "Posted within the minute" in client.get(content_url(token)).content.decode()


def _fill(school, moderator, n):
    ideas = IdeaFactory.create_batch(n, school=school)
    pick_idea_of_week(idea=ideas[0], actor=moderator)
    question = QuestionFactory(school=school)
    ReplyFactory.create_batch(n, question=question)
    lunch = LunchFactory(school=school, capacity=50)
    SignUpFactory.create_batch(n, lunch=lunch, plate="Scones", plate_kind="sweet")
    InputFactory.create_batch(min(n, 3), lunch=lunch)
    for idea in ideas[:n]:
        celebrate(idea, actor=moderator, note="Thank you")


@pytest.mark.parametrize("size", [1, 25])
def test_the_screen_costs_the_same_queries_whatever_the_data(
    client, screen_link, school, moderator, size, django_assert_max_num_queries
):
    _, token = screen_link
    _fill(school, moderator, size)
    # The link, then the board 3, the question 1, the lunch 3, celebrations 1 + 1 a kind.
    with django_assert_max_num_queries(11):
        response = client.get(screen_url(token))
    assert response.status_code == 200
