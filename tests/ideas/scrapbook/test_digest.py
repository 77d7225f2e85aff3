"""The weekly digest names scrapbook articles approved that week."""

from django.utils import timezone

from hub import moderation
from hub.leaders.digest import render_sections
from hub.lib.weeks import Week
from hub.models import Status
from tests.ideas.scrapbook.factories import ArticleFactory


def test_the_digest_lists_articles_approved_this_week(school, staff, moderator):
    article = ArticleFactory(author=staff, title="Sentence stems", status=Status.SUBMITTED)
    ArticleFactory(author=staff, title="Still a draft")
    moderation.transition(article, action="approve", actor=moderator)
    sections = render_sections(school, Week.of_moment(timezone.now(), school.zone))
    text = next(s["text"] for s in sections if "SCRAPBOOK" in s["text"])
    assert "Sentence stems by Alice Teacher" in text
    assert "Still a draft" not in text


def test_an_article_hidden_after_approval_stays_out(school, staff, moderator):
    article = ArticleFactory(author=staff, title="Withdrawn", status=Status.SUBMITTED)
    moderation.transition(article, action="approve", actor=moderator)
    moderation.transition(article, action="hide", actor=moderator, reason="Names a pupil")
    sections = render_sections(school, Week.of_moment(timezone.now(), school.zone))
    assert not any("Withdrawn" in s["text"] for s in sections)
