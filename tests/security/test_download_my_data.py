"""'Download my data': a ZIP of the person's profile, everything they wrote and their files."""

import io
import json
import zipfile

from django.core.files.base import ContentFile
from django.urls import reverse

from events.lunches.models import CalendarFeed
from hub.registry import contribution_kinds
from tests.events.lunches.factories import InputFactory, SignUpFactory, TakeawayFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import CommentFactory, IdeaFactory, ReactionFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory


def _their_work(person, *, copies: int = 1) -> None:
    for n in range(copies):
        idea = IdeaFactory(author=person, title=f"{person.full_name} idea {n}", tags=["recall"])
        CommentFactory(idea=idea, author=person, text=f"{person.full_name} comment {n}")
        ReactionFactory(idea=idea, author=person, kind="tried", reflection="It worked.")
        question = QuestionFactory(school=person.school, author=person)
        ReplyFactory(question=question, author=person, text=f"{person.full_name} reply {n}")
        TakeawayFactory(lunch__school=person.school, author=person)
        SignUpFactory(lunch__school=person.school, staff=person)
    talk = InputFactory(lunch__school=person.school, author=person, title="Dual coding")
    talk.file.save("slides.pdf", ContentFile(b"%PDF-1.4 " + person.email.encode()), save=True)


def _download(client, person) -> zipfile.ZipFile:
    client.force_login(person)
    response = client.get(reverse("hub:download_my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_the_profile_page_links_to_the_download_page(client_for, staff):
    page = client_for(staff).get(reverse("hub:edit_profile")).content.decode()
    assert reverse("hub:my_data") in page
    page = client_for(staff).get(reverse("hub:my_data")).content.decode()
    assert reverse("hub:download_my_data") in page
    assert "Board ideas" in page


def test_the_zip_holds_their_profile_every_kind_they_wrote_and_their_files(client, staff):
    _their_work(staff)
    archive = _download(client, staff)
    names = set(archive.namelist())
    profile = json.loads(archive.read("profile.json"))
    assert profile["email"] == staff.email
    assert profile["full_name"] == "Alice Teacher"
    assert "password" not in profile
    for kind in contribution_kinds():
        assert f"{kind.model._meta.label_lower}.json" in names
    ideas = json.loads(archive.read("ideas.idea.json"))["rows"]
    assert [idea["title"] for idea in ideas] == ["Alice Teacher idea 0"]
    assert ideas[0]["tags"] == ["recall"]
    assert json.loads(archive.read("ideas.reaction.json"))["rows"][0]["reflection"] == "It worked."
    assert len(json.loads(archive.read("events.signup.json"))["rows"]) == 1
    slides = [name for name in names if name.startswith("files/events.input/")]
    assert len(slides) == 1 and slides[0].endswith(".pdf")
    assert archive.read(slides[0]) == b"%PDF-1.4 alice@oakfield.example"
    assert "events.input.json: 1 rows" in archive.read("README.txt").decode()


def test_nobody_elses_data_is_in_it(client, staff, moderator, outsider):
    _their_work(staff)
    _their_work(moderator)
    _their_work(outsider)
    archive = _download(client, staff)
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Alice Teacher idea" in everything
    for other in (moderator, outsider):
        assert other.full_name.encode() not in everything
        assert other.email.encode() not in everything
    for name in archive.namelist():
        if name.endswith(".json") and name != "profile.json":
            for row in json.loads(archive.read(name))["rows"]:
                assert staff.pk in row.values(), (name, row)


def test_secrets_are_left_out(client, staff):
    _, token_hash = CalendarFeed.new_token()
    CalendarFeed.objects.create(staff=staff, token_hash=token_hash)
    archive = _download(client, staff)
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert len(json.loads(archive.read("events.calendarfeed.json"))["rows"]) == 1
    assert token_hash.encode() not in everything
    assert b"pbkdf2" not in everything and b"md5$" not in everything


def test_it_costs_the_same_queries_however_much_they_wrote(
    client, staff, django_assert_max_num_queries
):
    _their_work(staff)
    client.force_login(staff)
    # A query per model that names a person, and the My learning record's few per feature
    # (hub.registry.learning_sources): a ceiling that grows with the models, not the rows.
    with django_assert_max_num_queries(70) as small:
        b"".join(client.get(reverse("hub:download_my_data")).streaming_content)
    _their_work(staff, copies=6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        b"".join(client.get(reverse("hub:download_my_data")).streaming_content)


def test_a_colleague_cannot_ask_for_someone_elses_zip(client, staff):
    colleague = StaffFactory(school=staff.school)
    _their_work(staff)
    archive = _download(client, colleague)
    assert b"Alice Teacher idea" not in archive.read("ideas.idea.json")
