"""Writing, editing and summarising a question, the archive and the printable sheet."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from hub.models import Status
from ideas.thursday.models import Question, RotaTurn, TurnState
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory, RotaTurnFactory

XSS = "<script>alert('x')</script>"


def test_the_poser_writes_their_question_for_thursday_seven(client_for, staff, school):
    turn = RotaTurnFactory(school=school, staff=staff)
    response = client_for(staff).post(
        reverse("ideas:write_question", args=[turn.pk]),
        {"text": "Is silence in class a sign of thinking?", "context": "", "tags": "behaviour"},
    )
    question = Question.objects.get()
    assert response.status_code == 302
    assert question.publish_at.astimezone(school.zone).strftime("%a %H:%M") == "Thu 07:00"
    assert question.status == Status.PUBLISHED
    assert [tag.name for tag in question.tags.all()] == ["behaviour"]
    assert RotaTurn.objects.get(pk=turn.pk).state == TurnState.DONE


def test_a_question_over_280_characters_is_refused_next_to_the_field(client_for, staff, school):
    turn = RotaTurnFactory(school=school, staff=staff)
    response = client_for(staff).post(
        reverse("ideas:write_question", args=[turn.pk]), {"text": "x" * 281}
    )
    assert "at most 280 characters" in response.text
    assert not Question.objects.exists()


def test_html_in_a_question_shows_as_text(client_for, staff, school):
    question = QuestionFactory(school=school, text=XSS, context=XSS)
    page = client_for(staff).get(reverse("ideas:question_detail", args=[question.pk])).text
    assert XSS not in page
    assert "&lt;script&gt;" in page


def test_the_poser_can_edit_in_the_first_hour(client_for, staff, school):
    question = QuestionFactory(
        school=school, author=staff, publish_at=timezone.now() - timedelta(minutes=30)
    )
    response = client_for(staff).post(
        reverse("ideas:edit_question", args=[question.pk]), {"text": "Better worded?"}
    )
    assert response.status_code == 302
    assert Question.objects.get(pk=question.pk).text == "Better worded?"


def test_after_the_first_hour_the_poser_is_told_why_they_cannot_edit(client_for, staff, school):
    question = QuestionFactory(
        school=school, author=staff, publish_at=timezone.now() - timedelta(minutes=61)
    )
    response = client_for(staff).post(
        reverse("ideas:edit_question", args=[question.pk]), {"text": "Rewritten"}
    )
    assert response.status_code == 403
    assert "first hour" in response.text
    assert Question.objects.get(pk=question.pk).text != "Rewritten"


def test_a_colleague_cannot_edit_someone_elses_question(client_for, staff, school):
    question = QuestionFactory(school=school, publish_at=timezone.now() - timedelta(minutes=5))
    response = client_for(staff).post(
        reverse("ideas:edit_question", args=[question.pk]), {"text": "Mine now"}
    )
    assert response.status_code == 403


def test_only_the_turns_colleague_may_write_its_question(client_for, staff, school):
    turn = RotaTurnFactory(school=school)
    response = client_for(staff).post(
        reverse("ideas:write_question", args=[turn.pk]), {"text": "Sneaky?"}
    )
    assert response.status_code == 403
    assert not Question.objects.exists()


def test_the_poser_summarises_after_the_weekend(client_for, staff, school):
    question = QuestionFactory(school=school, author=staff)
    response = client_for(staff).post(
        reverse("ideas:summarise_question", args=[question.pk]),
        {"summary": "We will try cold calling with wait time."},
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.summary == "We will try cold calling with wait time."
    assert question.summarised_at is not None


def test_the_archive_searches_and_filters_by_tag(client_for, staff, school):
    homework = QuestionFactory(school=school, text="Does homework help?")
    homework.tags.set(["homework"])
    QuestionFactory(school=school, text="Are displays worth it?").tags.set(["environment"])
    client = client_for(staff)
    by_word = client.get(reverse("ideas:thursday_archive"), {"q": "homework"}).text
    assert "Does homework help?" in by_word and "Are displays" not in by_word
    by_tag = client.get(reverse("ideas:thursday_archive"), {"tag": "environment"}).text
    assert "Are displays worth it?" in by_tag and "Does homework" not in by_tag


def test_the_archive_hides_scheduled_and_other_schools_questions(
    client_for, staff, school, outsider
):
    QuestionFactory(school=school, text="Not yet", publish_at=timezone.now() + timedelta(days=2))
    QuestionFactory(school=outsider.school, text="Elsewhere")
    page = client_for(staff).get(reverse("ideas:thursday_archive")).text
    assert "Not yet" not in page and "Elsewhere" not in page
    assert "No past questions yet" in page


def test_the_archive_counts_queries_the_same_for_few_and_many(
    client_for, staff, school, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            question = QuestionFactory(school=school)
            question.tags.set(["feedback"])
            ReplyFactory(question=question)

    client = client_for(staff)
    add(2)
    with django_assert_max_num_queries(9):
        client.get(reverse("ideas:thursday_archive"))
    add(25)
    with django_assert_max_num_queries(9):
        client.get(reverse("ideas:thursday_archive"))


def test_the_printable_sheet_shows_this_weeks_question(client_for, staff, school):
    QuestionFactory(school=school, text="What does a great lesson start look like?")
    page = client_for(staff).get(reverse("ideas:thursday_print")).text
    assert "What does a great lesson start look like?" in page
    assert "A4" in page


def test_the_thursday_page_invites_the_poser_whose_turn_is_next(client_for, staff, school):
    RotaTurnFactory(school=school, staff=staff)
    page = client_for(staff).get(reverse("ideas:thursday")).text
    assert "Write your question" in page


def test_the_thursday_page_says_who_poses_next_when_there_is_no_question(client_for, staff, school):
    RotaTurnFactory(school=school, staff=StaffFactory(school=school, full_name="Nina Next"))
    page = client_for(staff).get(reverse("ideas:thursday")).text
    assert "Nina Next poses the next question" in page


def test_a_turn_long_past_cannot_be_written_any_more(client_for, staff, school):
    turn = RotaTurnFactory(
        school=school, staff=staff, date=timezone.localdate() - timedelta(days=7)
    )
    response = client_for(staff).post(
        reverse("ideas:write_question", args=[turn.pk]), {"text": "Better late?"}
    )
    assert "This turn has passed" in response.text
    assert not Question.objects.exists()


def test_the_sheet_can_be_printed_the_evening_before(client_for, moderator, staff, school):
    QuestionFactory(school=school, text="Last week's question")
    QuestionFactory(
        school=school, text="Tomorrow's question", publish_at=timezone.now() + timedelta(hours=12)
    )
    as_moderator = client_for(moderator).get(reverse("ideas:thursday_print")).text
    assert "Tomorrow&#x27;s question" in as_moderator
    assert "You can print it now" in as_moderator
    as_staff = client_for(staff).get(reverse("ideas:thursday_print")).text
    assert "Tomorrow" not in as_staff and "Last week&#x27;s question" in as_staff


def test_the_thursday_page_counts_queries_the_same_for_few_and_many(
    client_for, staff, school, django_assert_max_num_queries
):
    client = client_for(staff)
    for _ in range(2):
        QuestionFactory(school=school).tags.set(["a", "b"])
    RotaTurnFactory(school=school, staff=staff)
    with django_assert_max_num_queries(13):
        client.get(reverse("ideas:thursday"))
    for _ in range(10):
        question = QuestionFactory(school=school)
        question.tags.set(["c"])
        ReplyFactory(question=question)
    with django_assert_max_num_queries(13):
        client.get(reverse("ideas:thursday"))
