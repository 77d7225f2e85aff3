"""Thinking Thursday responses reach their authors and land on the reply itself."""

from django.urls import reverse
from django.utils import timezone

from hub.models import NoticeKind, Notification
from ideas.thursday import services
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory


def land(client, notice) -> str:
    response = client.get(reverse("hub:open_notification", args=[notice.pk]))
    path, _, anchor = response["Location"].partition("#")
    html = client.get(path).content.decode()
    assert f'id="{anchor}"' in html
    notice.refresh_from_db()
    assert not notice.is_unread
    return html


def test_the_poser_lands_on_the_new_reply(school, client_for):
    question = QuestionFactory(school=school)
    reply = services.reply_create(
        question=question,
        author=StaffFactory(school=school),
        text="Start with exit tickets.",
        now=timezone.now(),
    )

    notice = Notification.objects.get(recipient=question.author, kind=NoticeKind.REPLY)
    assert notice.link().endswith(f"#reply-{reply.pk}")
    assert "Start with exit tickets." in land(client_for(question.author), notice)


def test_replies_to_one_question_group_into_one_notice(school):
    question = QuestionFactory(school=school, text="What makes a good starter?")
    for n in range(3):
        services.reply_create(
            question=question,
            author=StaffFactory(school=school),
            text=f"Idea {n}",
            now=timezone.now(),
        )

    notice = Notification.objects.get(recipient=question.author)
    assert (notice.count, notice.message) == (3, "3 new replies on “What makes a good starter?”")


def test_builds_on_this_tells_the_replys_author_once(school, client_for):
    reply = ReplyFactory(question=QuestionFactory(school=school), text="Mini whiteboards.")
    colleague = StaffFactory(school=school, full_name="Tom Teacher")

    services.builds_on_toggle(reply=reply, staff=colleague)
    services.builds_on_toggle(reply=reply, staff=colleague)  # unmarked: nobody told
    notice = Notification.objects.get(recipient=reply.author, kind=NoticeKind.BUILDS_ON)

    assert notice.message == "Tom Teacher builds on your reply “Mini whiteboards.”"
    land(client_for(reply.author), notice)


def test_an_anonymous_reply_tells_its_writer_that_colleagues_see_a_colleague(school, client_for):
    question = QuestionFactory(school=school, allow_anonymous=True)
    writer = StaffFactory(school=school, full_name="Wendy Writer")
    ReplyFactory(question=question, author=writer, is_anonymous=True)
    url = reverse("ideas:question_detail", args=[question.pk])

    mine = client_for(writer).get(url).content.decode()
    theirs = client_for(StaffFactory(school=school)).get(url).content.decode()

    assert "Wendy Writer (posted anonymously: colleagues see “a colleague”)" in mine
    assert "Wendy Writer" not in theirs
