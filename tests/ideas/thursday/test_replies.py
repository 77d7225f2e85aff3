"""Replies, one level of replies to replies, anonymity and "builds on this"."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from ideas.thursday.models import BuildsOn, Reply
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory

XSS = "<img src=x onerror=alert(1)>"


def reply_url(question):
    return reverse("ideas:reply", args=[question.pk])


def test_a_colleague_replies(
    client_for, staff, school, django_capture_on_commit_callbacks, mailoutbox
):
    question = QuestionFactory(school=school)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(reply_url(question), {"text": "Wait time matters."})
    assert response.status_code == 302
    assert Reply.objects.get().author == staff
    assert mailoutbox[0].to == [question.author.email]


def test_replies_to_a_closed_question_are_refused_with_a_clear_message(client_for, staff, school):
    question = QuestionFactory(school=school, publish_at=timezone.now() - timedelta(days=8))
    response = client_for(staff).post(reply_url(question), {"text": "Too late?"})
    assert "Replies to this question closed" in response.text
    assert not Reply.objects.exists()


def test_a_reply_to_a_reply_is_allowed_but_not_a_third_level(client_for, staff, school):
    question = QuestionFactory(school=school)
    first = ReplyFactory(question=question)
    client = client_for(staff)
    client.post(reply_url(question), {"text": "Second level", "parent": first.pk})
    second = Reply.objects.get(parent=first)
    response = client.post(reply_url(question), {"text": "Third level", "parent": second.pk})
    assert "not to a reply" in response.text
    assert not Reply.objects.filter(parent=second).exists()


def test_an_over_long_reply_is_refused_next_to_the_field(client_for, staff, school):
    question = QuestionFactory(school=school)
    response = client_for(staff).post(reply_url(question), {"text": "x" * 1001})
    assert "at most 1000 characters" in response.text
    assert not Reply.objects.exists()


def test_html_in_a_reply_shows_as_text(client_for, staff, school):
    question = QuestionFactory(school=school)
    ReplyFactory(question=question, text=XSS)
    page = client_for(staff).get(reverse("ideas:question_detail", args=[question.pk])).text
    assert XSS not in page and "&lt;img" in page


def test_anonymous_replies_show_a_colleague_but_moderators_see_the_author(
    client_for, staff, moderator, school
):
    question = QuestionFactory(school=school, allow_anonymous=True)
    writer = StaffFactory(school=school, full_name="Wendy Writer")
    ReplyFactory(question=question, author=writer, is_anonymous=True)
    url = reverse("ideas:question_detail", args=[question.pk])
    as_staff = client_for(staff).get(url).text
    assert "Wendy Writer" not in as_staff and "a colleague" in as_staff
    as_moderator = client_for(moderator).get(url).text
    assert "Wendy Writer" in as_moderator


def test_anonymous_replies_need_the_posers_permission(client_for, staff, school):
    question = QuestionFactory(school=school, allow_anonymous=False)
    client_for(staff).post(reply_url(question), {"text": "Hidden?", "is_anonymous": "on"})
    assert Reply.objects.get().is_anonymous is False


def test_builds_on_toggles_without_javascript(client_for, staff, school):
    target = ReplyFactory(question=QuestionFactory(school=school))
    client = client_for(staff)
    url = reverse("ideas:builds_on", args=[target.pk])
    assert client.post(url).status_code == 302
    assert BuildsOn.objects.filter(reply=target, staff=staff).exists()
    client.post(url)
    assert not BuildsOn.objects.exists()


def test_builds_on_returns_the_button_fragment_to_htmx(client_for, staff, school):
    target = ReplyFactory(question=QuestionFactory(school=school))
    response = client_for(staff).post(
        reverse("ideas:builds_on", args=[target.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert 'aria-pressed="true"' in response.text
    assert "<html" not in response.text


def test_nobody_marks_their_own_reply(client_for, staff, school):
    own = ReplyFactory(question=QuestionFactory(school=school), author=staff)
    assert client_for(staff).post(reverse("ideas:builds_on", args=[own.pk])).status_code == 403


def test_another_schools_reply_cannot_be_marked(client_for, staff, outsider):
    elsewhere = ReplyFactory(question=QuestionFactory(school=outsider.school))
    assert (
        client_for(staff).post(reverse("ideas:builds_on", args=[elsewhere.pk])).status_code == 404
    )


def test_the_question_page_runs_the_same_queries_with_5_or_300_replies(
    client_for, staff, school, django_assert_max_num_queries
):
    question = QuestionFactory(school=school, allow_anonymous=True)
    question.tags.set(["feedback", "marking"])
    colleagues = [StaffFactory(school=school) for _ in range(5)]

    def add(count):
        for index in range(count):
            parent = ReplyFactory(question=question, author=colleagues[index % 5])
            if index % 2:
                ReplyFactory(question=question, parent=parent, is_anonymous=True)
            BuildsOn.objects.create(reply=parent, staff=colleagues[(index + 1) % 5])

    client = client_for(staff)
    url = reverse("ideas:question_detail", args=[question.pk])
    add(5)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
    add(295)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


def test_in_a_premoderated_school_a_reply_waits_for_approval(client_for, staff, school):
    school.moderation_mode = "pre"
    school.save()
    question = QuestionFactory(school=school)
    response = client_for(staff).post(
        reply_url(question), {"text": "Careful thought."}, follow=True
    )
    assert "once a moderator has approved it" in response.text
    assert Reply.objects.get().status == "submitted"


def test_a_reply_to_a_reply_tells_that_replys_author_not_the_poser(
    client_for, staff, school, django_capture_on_commit_callbacks, mailoutbox
):
    question = QuestionFactory(school=school)
    first = ReplyFactory(question=question)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(reply_url(question), {"text": "Agreed!", "parent": first.pk})
    assert [message.to for message in mailoutbox] == [[first.author.email]]
    assert "replied to your reply" in mailoutbox[0].subject
    assert f"#reply-{first.pk}" in mailoutbox[0].body


def test_an_anonymous_reply_stays_anonymous_in_the_posers_email(
    client_for, staff, school, django_capture_on_commit_callbacks, mailoutbox
):
    question = QuestionFactory(school=school, allow_anonymous=True)
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(reply_url(question), {"text": "Hmm.", "is_anonymous": "on"})
    assert staff.name not in mailoutbox[0].body + mailoutbox[0].subject
    assert mailoutbox[0].subject.startswith("A colleague replied")
