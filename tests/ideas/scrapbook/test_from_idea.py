"""An author starts a scrapbook article from one of their own board ideas."""

from django.urls import reverse

from tests.ideas.board.factories import IdeaFactory

WRITE = reverse("ideas:write_article")


def test_the_ideas_title_note_and_tags_carry_over(client_for, staff):
    idea = IdeaFactory(author=staff, title="Lolly-stick talk partners", tags=["oracy"])
    form = client_for(staff).get(WRITE, {"from_idea": idea.pk}).context["form"]
    assert form.initial["title"] == "Lolly-stick talk partners"
    assert form.initial["what_i_did"] == idea.note
    assert form.initial["tags"] == "oracy"


def test_the_idea_page_offers_it_to_its_author_only(client_for, staff, school):
    idea = IdeaFactory(author=staff)
    page = client_for(staff).get(reverse("ideas:idea_detail", args=[idea.pk])).content.decode()
    assert f"{WRITE}?from_idea={idea.pk}" in page


def test_a_colleagues_idea_cannot_be_taken(client_for, staff, moderator):
    idea = IdeaFactory(author=moderator)
    assert client_for(staff).get(WRITE, {"from_idea": idea.pk}).status_code == 403


def test_another_schools_idea_is_not_found(client_for, staff, outsider):
    idea = IdeaFactory(author=outsider)
    assert client_for(staff).get(WRITE, {"from_idea": idea.pk}).status_code == 404
