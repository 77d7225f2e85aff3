"""The moderation queue shows each item of every real kind in full, in context, paginated."""

import re
from html import unescape

import pytest
from django.urls import reverse

from hub.leaders.selectors import QUEUE_PER_PAGE
from hub.models import Flag, Status
from hub.registry import contribution_kinds
from ideas.board.models import ReactionKind
from tests.events.lunches.factories import InputFactory, LunchFactory, TakeawayFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import CommentFactory, IdeaFactory, ReactionFactory
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory

QUEUE = "/moderation/"


def flag(item, by, reason="Please look at this"):
    return Flag.objects.create(school=item.school, target=item, flagged_by=by, reason=reason)


def queue_items(body: str) -> dict[str, str]:
    """Each queue item's HTML by its id (queue-<kind>-<pk>)."""
    parts = re.split(r'(?=<li class="card mb-3 queue-item")', body)
    items = {}
    for part in parts[1:]:
        item_id = re.search(r'id="(queue-[^"]+)"', part).group(1)
        items[item_id] = part[: part.index("</div></li>")]
    return items


def item_id(item) -> str:
    return f"queue-{item._meta.label_lower.replace('.', '')}-{item.pk}"


def body_text(item_html: str) -> str:
    """The text of an item's body boxes, tags stripped."""
    boxes = re.findall(r'<div class="queue-body[^"]*">(.*?)</div>', item_html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", " ".join(boxes))).strip()


@pytest.fixture
def every_kind_flagged(school, staff):
    """One shared contribution of every real kind (both kinds of reaction), each flagged."""
    author = StaffFactory(school=school, full_name="Sam Cook", role="support")
    idea = IdeaFactory(author=author, title="Soup of the day quiz", note="A quiz at the hatch.")
    question = QuestionFactory(school=school, author=author, text="What makes a good question?")
    top_reply = ReplyFactory(question=question, author=staff, text="One that keeps going.")
    lunch = LunchFactory(school=school, theme="Retrieval practice")
    items = {
        "idea": idea,
        "will_try": ReactionFactory(idea=idea, author=staff, kind=ReactionKind.WILL_TRY),
        "tried": ReactionFactory(
            idea=idea, author=staff, kind=ReactionKind.TRIED, reflection="Queue moved faster."
        ),
        "comment": CommentFactory(idea=idea, author=staff, text="We should try this at break."),
        "question": question,
        "reply": ReplyFactory(
            question=question, author=author, parent=top_reply, text="And ends with a why."
        ),
        "article": ArticleFactory(author=author, status=Status.PUBLISHED),
        "input": InputFactory(lunch=lunch, author=author, title="Quizzing at lunch"),
        "takeaway": TakeawayFactory(lunch=lunch, author=author, text="Three questions a day."),
    }
    for item in items.values():
        flag(item, staff)
    return items


def test_every_kind_shows_a_body_and_a_link_in_context(client_for, moderator, every_kind_flagged):
    body = client_for(moderator).get(QUEUE).content.decode()
    shown = queue_items(body)
    for name, item in every_kind_flagged.items():
        html = shown[item_id(item)]
        assert body_text(html), f"the flagged {name} shows an empty body"
        assert f'href="{item.get_absolute_url()}"' in html, name
        assert "See it where colleagues will read it" in html


def test_a_flagged_ill_try_this_says_what_it_is(client_for, moderator, every_kind_flagged):
    """It was the flagged reflections with an empty body: a bare "I'll try this"."""
    reaction = every_kind_flagged["will_try"]
    html = queue_items(client_for(moderator).get(QUEUE).content.decode())[item_id(reaction)]
    assert "“I’ll try this” on “Soup of the day quiz”" in unescape(html)
    assert "Said “I’ll try this”, with no words of their own." in body_text(html)


def test_reflections_and_comments_come_with_the_idea_they_answer(
    client_for, moderator, every_kind_flagged
):
    shown = queue_items(client_for(moderator).get(QUEUE).content.decode())
    idea = every_kind_flagged["idea"]
    for name in ("tried", "comment"):
        html = shown[item_id(every_kind_flagged[name])]
        assert f'On the idea <a href="{idea.get_absolute_url()}">' in html
        assert "A quiz at the hatch." in html
    reply = shown[item_id(every_kind_flagged["reply"])]
    assert "What makes a good question?" in reply
    assert "One that keeps going." in reply  # the reply it answers
    takeaway = shown[item_id(every_kind_flagged["takeaway"])]
    assert f'href="{every_kind_flagged["takeaway"].lunch.get_absolute_url()}"' in takeaway


def test_an_article_is_shown_whole_with_its_photos_and_consent(
    client_for, moderator, school, staff
):
    article = ArticleFactory(
        author=staff, status=Status.DRAFT, what_happened="Word " * 400 + "THE LAST WORD"
    )
    pupils = add_photo(article, label="Group work", shows_pupils=True)
    no_pupils = add_photo(article, label="Display board")
    article.status = Status.SUBMITTED
    article.save(update_fields=["status"])
    html = queue_items(client_for(moderator).get(QUEUE).content.decode())[item_id(article)]
    assert "THE LAST WORD" in html  # the whole text, not an excerpt
    assert "<strong>talk partners</strong>" in html  # Markdown rendered as on the page
    assert "Try it yourself" in html
    assert reverse("ideas:article_image", args=[pupils.pk]) in html
    assert reverse("ideas:article_image", args=[no_pupils.pk]) in html
    assert f'alt="{pupils.alt_text}"'.replace("'", "&#x27;") in html
    assert "Shows pupils." in html
    assert f"Photo consent confirmed by {staff.name}" in html
    assert "The author says no pupils are in this photo." in html


def test_it_pages_through_a_long_queue_oldest_first(client_for, moderator, school):
    authors = StaffFactory.create_batch(3, school=school)
    ideas = [
        IdeaFactory(author=authors[n % 3], status=Status.SUBMITTED, title=f"Waiting idea {n:02}")
        for n in range(QUEUE_PER_PAGE + 5)
    ]
    client = client_for(moderator)
    first = client.get(QUEUE).content.decode()
    second = client.get(QUEUE, {"page": 2}).content.decode()
    assert len(queue_items(first)) == QUEUE_PER_PAGE
    assert len(queue_items(second)) == 5
    assert item_id(ideas[0]) in queue_items(first)
    assert item_id(ideas[-1]) in queue_items(second)
    assert "Page 1 of 2" in first
    assert f"{QUEUE_PER_PAGE + 5} items in all" in first


def test_a_shared_item_waits_from_its_first_flag(client_for, moderator, school, staff):
    """Shared long ago and flagged today, it comes after what was submitted yesterday."""
    from datetime import timedelta

    from django.utils import timezone

    from ideas.board.models import Idea

    old = IdeaFactory(author=staff, title="Shared last month")
    Idea.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    waiting = IdeaFactory(author=staff, status=Status.SUBMITTED, title="Submitted yesterday")
    Idea.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - timedelta(days=1))
    flag(old, moderator)
    order = list(queue_items(client_for(moderator).get(QUEUE).content.decode()))
    assert order == [item_id(waiting), item_id(old)]


@pytest.mark.parametrize("per_kind", [2, 12])
def test_it_runs_a_constant_number_of_queries_with_every_kind(
    client_for, moderator, school, staff, per_kind, django_assert_max_num_queries
):
    lunch = LunchFactory(school=school)
    question = QuestionFactory(school=school, author=staff)
    for n in range(per_kind):
        idea = IdeaFactory(author=staff, status=Status.SUBMITTED, tags=["lunch", "maths"])
        flag(ReactionFactory(idea=idea, kind=ReactionKind.WILL_TRY), staff)
        flag(CommentFactory(idea=idea), staff)
        flag(ReplyFactory(question=question), staff)
        flag(TakeawayFactory(lunch=lunch), staff)
        flag(InputFactory(lunch=lunch), staff)
        article = ArticleFactory(author=staff, status=Status.DRAFT)
        if n < 2:
            add_photo(article, shows_pupils=True)
        article.co_authors.add(moderator)
        article.status = Status.SUBMITTED
        article.save(update_fields=["status"])
    client = client_for(moderator)
    # Page chrome; the count and the page of the index; the page's flags; three prefetches
    # (an article's photos with who confirmed consent, its co-authors; ideas' tags); per
    # kind: its content type (cold cache), its items on the page, two for the first posts.
    budget = 9 + 3 + 4 * len(contribution_kinds())
    with django_assert_max_num_queries(budget):
        response = client.get(QUEUE)
    assert response.status_code == 200
    with django_assert_max_num_queries(budget):
        assert client.get(QUEUE, {"page": 2}).status_code == 200
