"""A celebrated article on the Celebration wall reads as its own page does: its
Markdown rendered (bold, lists), never shown as marks, and nothing in it runs."""

from django.urls import reverse

from hub import moderation
from hub.models import Status
from tests.ideas.scrapbook.factories import ArticleFactory


def test_the_wall_renders_an_articles_markdown_and_not_its_marks(client, school, staff, moderator):
    article = ArticleFactory(
        school=school,
        author=staff,
        status=Status.PUBLISHED,
        title="Three questions",
        what_i_did="I asked **three questions** before every task:\n\n- what?\n- why?",
        what_happened="Hands went up <script>alert(1)</script> everywhere.",
    )
    moderation.celebrate(article, actor=moderator, note="Lovely")
    client.force_login(staff)

    page = client.get(reverse("hub:celebrations")).content.decode()

    assert "<strong>three questions</strong>" in page
    assert "<li>what?</li>" in page
    assert "**three questions**" not in page
    assert "<script>alert(1)</script>" not in page


def test_a_long_article_is_cut_on_the_wall_with_its_tags_closed(client, school, staff, moderator):
    article = ArticleFactory(
        school=school,
        author=staff,
        status=Status.PUBLISHED,
        what_i_did="**" + " ".join(["word"] * 200) + "**",
    )
    moderation.celebrate(article, actor=moderator, note="")
    client.force_login(staff)

    page = client.get(reverse("hub:celebrations")).content.decode()
    body = page.split('class="celebration-body">', 1)[1].split("</div>", 1)[0]

    assert body.count("<strong>") == body.count("</strong>") == 1
    assert len(body) < 400
