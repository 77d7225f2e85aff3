"""A person who did one of everything, for the My learning tests."""

import datetime as dt

from django.utils import timezone

from hub.models import Status
from ideas.board.models import ReactionKind
from tests.events.lunches.factories import InputFactory, LunchFactory, SignUpFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory


def past_lunch(school, theme="Metacognition for everyone", days_ago=2):
    start = timezone.now() - dt.timedelta(days=days_ago)
    return LunchFactory(school=school, theme=theme, starts_at=start)


def one_of_everything(person, colleague) -> None:
    """Tried a colleague's idea, posted one, attended and presented at a lunch, wrote an
    article in an edition, posed and answered a Thursday question."""
    school = person.school
    idea = IdeaFactory(author=colleague, title="Call and response", tags=["questioning"])
    ReactionFactory(
        idea=idea, author=person, kind=ReactionKind.TRIED, reflection="The class joined in."
    )
    IdeaFactory(author=person, title="Lolly-stick questioning")
    lunch = past_lunch(school)
    SignUpFactory(lunch=lunch, staff=person)
    InputFactory(
        lunch=past_lunch(school, theme="Feedback"),
        author=person,
        title="Whole-class feedback sheets",
    )
    article = ArticleFactory(author=person, title="Retrieval walls", status=Status.PUBLISHED)
    admin = StaffFactory(school=school, is_school_admin=True)
    edition_with([article], title="Autumn 2026", created_by=admin)
    QuestionFactory(school=school, author=person, text="How do we know they know?")
    ReplyFactory(question=QuestionFactory(school=school, author=colleague), author=person)
