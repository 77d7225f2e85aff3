"""Share wider, by choice: the visibility chooser on what staff write, its default from
the school's settings, forged values refused, and pupils' photos kept in school unless
the recorded consent covers more."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hub.models import AuditEntry, Visibility
from hub.networks.sharing import FORGED_CHOICE, NO_NETWORK
from ideas.board import services as board
from ideas.board.models import Idea
from ideas.scrapbook import services as scrapbook
from ideas.scrapbook.models import Article
from tests.factories import NetworkFactory
from tests.ideas.scrapbook.factories import ArticleFactory, photo_bytes
from tests.ideas.thursday.factories import RotaTurnFactory

pytestmark = pytest.mark.django_db
POST = reverse("ideas:post_idea")


@pytest.fixture
def trust(school, other_school):
    network = NetworkFactory(name="Riverside Trust")
    network.schools.add(school, other_school)
    return network


def a_post_it(**overrides) -> dict:
    return {"title": "Hinge questions", "note": "One question.", "tags": "", "colour": "pink"} | (
        overrides
    )


def test_a_school_in_no_network_gets_no_chooser_and_keeps_everything_in_school(client_for, staff):
    client = client_for(staff)
    assert "Who can see this?" not in client.get(POST).content.decode()
    client.post(POST, a_post_it(visibility=Visibility.NETWORK))
    assert Idea.objects.get().visibility == Visibility.SCHOOL
    with pytest.raises(ValidationError) as refused:
        board.idea_create(
            author=staff, title="T", note="N", tags=[], colour="pink", visibility="network"
        )
    assert refused.value.message_dict == {"visibility": [NO_NETWORK]}


def test_in_a_network_the_chooser_starts_at_the_schools_default(client_for, staff, school, trust):
    client = client_for(staff)
    page = client.get(POST).content.decode()
    assert "Who can see this?" in page and "Anyone signed in to Staffroom" in page
    assert client.get(POST).context["form"]["visibility"].initial == Visibility.SCHOOL
    school.default_visibility = Visibility.NETWORK
    school.save(update_fields=["default_visibility"])
    form = client.get(POST).context["form"]
    assert form["visibility"].initial == Visibility.NETWORK


def test_a_post_it_shared_to_the_network_says_so(client_for, staff, trust):
    response = client_for(staff).post(POST, a_post_it(visibility=Visibility.NETWORK), follow=True)
    assert Idea.objects.get().visibility == Visibility.NETWORK
    assert "Colleagues in your network’s schools can see it too." in response.content.decode()


def test_a_forged_visibility_is_refused_beside_the_field_and_saves_nothing(
    client_for, staff, trust
):
    response = client_for(staff).post(POST, a_post_it(visibility="everyone-everywhere"))
    assert response.status_code == 200
    assert response.context["form"].errors["visibility"] == [FORGED_CHOICE]
    assert not Idea.objects.exists()
    with pytest.raises(ValidationError):
        board.idea_create(
            author=staff, title="T", note="N", tags=[], colour="pink", visibility="world"
        )


def test_editing_keeps_or_changes_who_sees_it(client_for, staff, trust):
    idea = board.idea_create(
        author=staff, title="T", note="N", tags=[], colour="pink", visibility="public"
    )
    client = client_for(staff)
    edit = reverse("ideas:edit_idea", args=[idea.pk])
    assert client.get(edit).context["form"]["visibility"].initial == Visibility.PUBLIC
    client.post(edit, a_post_it(visibility=Visibility.SCHOOL))
    idea.refresh_from_db()
    assert idea.visibility == Visibility.SCHOOL


def test_a_thursday_question_can_be_opened_to_the_network(client_for, staff, school, trust):
    turn = RotaTurnFactory(school=school, staff=staff)
    url = reverse("ideas:write_question", args=[turn.pk])
    client = client_for(staff)
    assert "Who can see this?" in client.get(url).content.decode()
    client.post(url, {"text": "How do we make feedback land?", "visibility": "network"})
    assert turn.questions.get().visibility == Visibility.NETWORK


def test_the_schools_default_is_set_on_the_settings_page_and_logged(client_for, moderator, school):
    moderator.manages_settings = True
    moderator.save(update_fields=["manages_settings"])
    data = {
        "moderation_mode": school.moderation_mode,
        "follow_up_days": school.follow_up_days,
        "time_zone": school.time_zone,
        "default_visibility": "network",
        "terms-TOTAL_FORMS": "0",
        "terms-INITIAL_FORMS": "0",
    }
    client = client_for(moderator)
    client.post(reverse("hub:school_settings"), data)
    school.refresh_from_db()
    assert school.default_visibility == Visibility.NETWORK
    assert "who sees what staff share" in AuditEntry.objects.get(action="settings").reason
    forged = client.post(reverse("hub:school_settings"), data | {"default_visibility": "world"})
    assert forged.status_code == 400
    assert "Choose one of the options shown." in forged.content.decode()


def pupil_photo(article: Article, *, beyond: bool):
    from hub.lib.images import clean_image

    upload = SimpleUploadedFile("p.jpg", photo_bytes(), content_type="image/jpeg")
    return scrapbook.image_add(
        article=article,
        uploader=article.author,
        clean=clean_image(upload),
        alt_text="Pupils at the sand tray",
        shows_pupils=True,
        consent_confirmed=True,
        consent_beyond_school=beyond,
    )


def test_an_article_with_pupils_in_school_only_photos_cannot_be_shared_wider(
    client_for, staff, trust
):
    article = ArticleFactory(author=staff)
    pupil_photo(article, beyond=False)
    edit = reverse("ideas:edit_article", args=[article.pk])
    data = {
        "title": article.title,
        "what_i_did": "We talked.",
        "what_happened": "",
        "try_it_yourself": "",
        "tags": "",
        "visibility": "network",
    }
    response = client_for(staff).post(edit, data)
    assert scrapbook.PUPILS_STAY_IN_SCHOOL in response.context["form"].errors["visibility"]
    article.refresh_from_db()
    assert article.visibility == Visibility.SCHOOL
    with pytest.raises(ValidationError):
        scrapbook.article_update(article=article, editor=staff, visibility="public")


def test_consent_recorded_for_beyond_the_school_lets_the_article_travel(staff, trust):
    article = ArticleFactory(author=staff)
    pupil_photo(article, beyond=True)
    scrapbook.article_update(article=article, editor=staff, visibility="network")
    assert Article.objects.get(pk=article.pk).visibility == Visibility.NETWORK


def test_a_pupil_photo_without_wider_consent_is_refused_on_a_shared_article(
    client_for, staff, trust
):
    article = ArticleFactory(author=staff, visibility=Visibility.NETWORK)
    with pytest.raises(ValidationError) as refused:
        pupil_photo(article, beyond=False)
    assert "consent_beyond_school" in refused.value.message_dict
    response = client_for(staff).post(
        reverse("ideas:add_image", args=[article.pk]),
        {
            "upload": SimpleUploadedFile("p.jpg", photo_bytes(), content_type="image/jpeg"),
            "alt_text": "Pupils reading",
            "shows_pupils": "on",
            "consent_confirmed": "on",
        },
    )
    assert (
        scrapbook.PHOTO_NEEDS_WIDER_CONSENT
        in response.context["form"].errors["consent_beyond_school"]
    )
    assert not article.images.exists()


def test_a_lunch_input_can_be_offered_to_the_network(client_for, staff, school, trust):
    from events.lunches.models import Input
    from tests.events.lunches.factories import LunchFactory

    lunch = LunchFactory(school=school)
    url = reverse("events:volunteer_input", args=[lunch.pk])
    client = client_for(staff)
    assert "Who can see this?" in client.get(url).content.decode()
    data = {"title": "Retrieval", "kind": "finding", "summary": "Low-stakes quizzes."}
    client.post(url, data | {"visibility": "forged"})
    assert not Input.objects.exists()
    client.post(url, data | {"visibility": "network"})
    assert Input.objects.get().visibility == Visibility.NETWORK


def test_a_reply_is_seen_by_whoever_sees_its_question(staff, school, trust):
    from ideas.thursday import services as thursday
    from tests.ideas.thursday.factories import QuestionFactory

    question = QuestionFactory(school=school, visibility=Visibility.NETWORK)
    reply = thursday.reply_create(
        question=question, author=staff, text="We tried it.", now=question.publish_at
    )
    assert reply.visibility == Visibility.NETWORK
