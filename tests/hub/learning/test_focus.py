from django.urls import reverse

from hub.models import LearningFocus
from tests.hub.learning.factories import FocusFactory

ADD = reverse("hub:add_focus")


def save(client, url=ADD, **fields):
    data = {"text": "Better questions in maths", "tags_text": "questioning, maths"}
    data.update(fields)
    return client.post(url, data)


def test_a_person_sets_a_focus_with_tags(client_for, staff):
    response = save(client_for(staff), show_on_profile="on")
    assert response.status_code == 302
    focus = LearningFocus.objects.get(staff=staff)
    assert focus.text == "Better questions in maths"
    assert sorted(focus.tags.names()) == ["maths", "questioning"]
    assert focus.show_on_profile and focus.school_id == staff.school_id
    page = client_for(staff).get(response.url).content.decode()
    assert "Your focus is saved." in page


def test_at_most_two_focuses_a_year(client_for, staff):
    client = client_for(staff)
    save(client)
    save(client, text="Behaviour at lunchtime")
    response = save(client, text="A third one")
    assert "already have 2 focuses" in response.content.decode()
    assert LearningFocus.objects.filter(staff=staff).count() == 2


def test_bad_input_is_refused_next_to_the_field(client_for, staff):
    client = client_for(staff)
    assert "Write your focus in a few words." in save(client, text="  ").content.decode()
    assert "200 characters" in str(save(client, text="x" * 201).context["form"].errors["text"])
    many = ", ".join(f"tag{n}" for n in range(6))
    assert "at most 5 tags" in save(client, tags_text=many).content.decode()
    assert "50 characters" in save(client, tags_text="z" * 51).content.decode()
    assert not LearningFocus.objects.exists()


def test_html_in_a_focus_is_shown_as_text(client_for, staff, moderator):
    save(client_for(staff), text="<b>Bold</b> questions", show_on_profile="on")
    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; questions" in page


def test_the_profile_shows_a_focus_only_if_its_owner_chose(client_for, staff, moderator):
    FocusFactory(staff=staff, text="Shown focus", show_on_profile=True)
    FocusFactory(staff=staff, text="Quiet focus", show_on_profile=False)
    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()
    assert "Shown focus" in page
    assert "Quiet focus" not in page


def test_a_person_changes_and_removes_their_focus(client_for, staff):
    focus = FocusFactory(staff=staff, tags=["oracy"])
    client = client_for(staff)
    url = reverse("hub:edit_focus", args=[focus.pk])
    assert 'value="oracy"' in client.get(url).content.decode()
    save(client, url, text="Oracy in every lesson", tags_text="oracy, talk")
    focus.refresh_from_db()
    assert focus.text == "Oracy in every lesson"
    assert sorted(focus.tags.names()) == ["oracy", "talk"]
    client.post(reverse("hub:delete_focus", args=[focus.pk]))
    assert not LearningFocus.objects.exists()


def test_nobody_changes_anyone_elses_focus(client_for, staff, moderator):
    focus = FocusFactory(staff=staff)
    response = save(client_for(moderator), reverse("hub:edit_focus", args=[focus.pk]), text="Mine")
    assert response.status_code == 404
    focus.refresh_from_db()
    assert focus.text == "Better questions in guided reading"
