"""Every email is a designed, responsive HTML message with a text part, its CSS inlined."""

import re
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from events.lunches.models import Lunch
from hub.emails import render_email
from hub.lib.weeks import Week
from hub.models import AuditEntry, Flag, School, ShareInvitation, Staff
from ideas.board.models import Comment, Idea, IdeaOfTheWeek
from ideas.scrapbook.models import Article, Edition
from ideas.thursday.models import Question, Reply, RotaTurn

EMAILS = Path(settings.BASE_DIR) / "templates" / "emails"
# Not emails of their own: the layout, and a section the digest includes.
NOT_AN_EMAIL = {"base", "weekly_digest_celebrations"}
EMAIL_KINDS = sorted(path.stem for path in EMAILS.glob("*.html") if path.stem not in NOT_AN_EMAIL)
LONDON = ZoneInfo("Europe/London")


def sample_context() -> dict:
    """Unsaved objects enough for any email's templates (no database needed)."""
    school = School(pk=1, name="Oakfield Primary School")
    person = Staff(pk=2, full_name="Alice Teacher", email="alice@oakfield.example", school=school)
    head = Staff(pk=3, full_name="Helen Head", email="head@oakfield.example", school=school)
    starts = datetime(2026, 12, 3, 12, 15, tzinfo=LONDON)
    lunch = Lunch(pk=4, school=school, starts_at=starts, ends_at=starts + timedelta(minutes=45))
    lunch.theme, lunch.room = "Retrieval practice", "Staffroom"
    idea = Idea(pk=5, title="Mini whiteboards", note="Everyone answers at once.", author=person)
    question = Question(pk=6, text="What makes a question good?", author=person, school=school)
    edition = Edition(pk=7, school=school, title="Autumn term 2026")
    return {
        "recipient": person,
        "school": school,
        "staff": person,
        "user": person,
        "by": head,
        "invited_by": head,
        "commenter": head,
        "colleague": head,
        "requested_by": head,
        "replier": "Helen Head",
        "title": "Scrapbook article: Talk partners",
        "kind_label": "Scrapbook article",
        "item": Article(pk=8, title="Talk partners", celebration_note="Every class tried it!"),
        "article": Article(pk=8, title="Talk partners"),
        "edition": edition,
        "idea": idea,
        "comment": Comment(pk=9, idea=idea, text="Love this"),
        "pick": IdeaOfTheWeek(idea=idea, picked_by=head, reason="So simple"),
        "flag": Flag(pk=10, flagged_by=head, reason="Names a pupil"),
        "entry": AuditEntry(actor=head, reason="Please remove the name", action="hide"),
        "item_url": "/scrapbook/8/",
        "lunch": lunch,
        "presenting": False,
        "question": question,
        "reply": Reply(pk=11, question=question, text="One that keeps going."),
        "question_path": "/thursday/6/",
        "summary_path": "/thursday/6/summary/",
        "write_path": "/thursday/rota/turns/12/write/",
        "rota_path": "/thursday/rota/",
        "turn": RotaTurn(pk=12, staff=person, date=date(2026, 12, 3)),
        "date": date(2026, 12, 3),
        "invitation": ShareInvitation(message="Would you share one of your ideas?"),
        "message": "Sam said they will try “Mini whiteboards”",
        "notice_path": "/board/5/",
        "accept_path": "/accept/abc/",
        "expires_at": datetime(2026, 12, 15, tzinfo=LONDON),
        "uid": "Mg",
        "token": "set-password",
        "week": Week(date(2026, 11, 30)),
        "sections": [],
        "notice_groups": [],
        "unread": 2,
        "preferences_url": "https://staffroom.example/notifications/preferences/",
        "unsubscribe_url": "https://staffroom.example/unsubscribe/signed/",
        "unsubscribe_label": "the weekly digest",
    }


def test_every_email_template_is_covered():
    assert len(EMAIL_KINDS) >= 22, EMAIL_KINDS


@pytest.mark.parametrize("kind", EMAIL_KINDS)
def test_every_email_is_designed_responsive_and_accessible(kind):
    subject, text, html = render_email(kind, sample_context())
    assert subject and "\n" not in subject
    assert text.strip(), "no text part"
    assert "<html" not in text and "<p>" not in text
    # The base layout: language, viewport, title, a 600 px column, one real heading.
    assert re.search(r'<html lang="en-GB"', html)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert re.search(r"<title>[^<]+</title>", html)
    assert "max-width: 600px" in html
    assert len(re.findall(r"<h1[ >]", html)) == 1
    # Inlined: what is left in <style> is only the phone-width @media rules.
    for block in re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S):
        assert block.strip().startswith("@media"), block[:200]
        assert re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", block).strip() == ""
    assert 'class="content" style="padding: 24px;"' in html
    # Links say where they go: never "click here" or a bare "here".
    for label in re.findall(r"<a [^>]*>(.*?)</a>", html, flags=re.S):
        assert label.strip().lower() not in {"here", "click here", "link", "this link"}


def test_the_text_part_of_a_bulk_email_carries_the_unsubscribe_link():
    subject, text, html = render_email("lunch_reminder", sample_context())
    assert "Unsubscribe from the weekly digest (one click, no sign-in needed):" in text
    assert "https://staffroom.example/unsubscribe/signed/" in text
    assert 'href="https://staffroom.example/unsubscribe/signed/"' in html
