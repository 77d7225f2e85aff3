"""An article's Markdown is rendered (and sanitised) once, when it is saved; pages,
exports and the celebration wall read the stored HTML instead of parsing it again."""

import importlib
from unittest import mock

import pytest
from django.apps import apps
from django.urls import reverse

from hub import moderation
from hub.models import Status
from ideas.scrapbook.export import markdown
from ideas.scrapbook.models import Article
from tests.ideas.scrapbook.factories import ArticleFactory, EditionFactory
from tests.ideas.scrapbook.test_articles import article_data

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_saving_an_article_stores_each_section_as_sanitised_html(staff):
    article = ArticleFactory(
        author=staff, what_i_did=f"**Stems** {SCRIPT}", what_happened="", try_it_yourself="- one"
    )
    article.refresh_from_db()
    assert article.what_i_did_html.startswith("<p><strong>Stems</strong>")
    assert "<script" not in article.what_i_did_html and "onerror" not in article.what_i_did_html
    assert article.what_happened_html == ""
    assert article.try_it_yourself_html == "<ul>\n<li>one</li>\n</ul>"


def test_editing_an_article_replaces_its_stored_html(client_for, staff):
    client = client_for(staff)
    client.post(reverse("ideas:write_article"), article_data(what_i_did="First _try_"))
    article = Article.objects.get()
    assert "<em>try</em>" in article.what_i_did_html

    client.post(
        reverse("ideas:edit_article", args=[article.pk]),
        article_data(what_i_did="Second **go**", what_happened=""),
    )
    article.refresh_from_db()
    assert article.what_i_did_html == "<p>Second <strong>go</strong></p>"
    assert article.what_happened_html == ""


def test_a_save_naming_only_a_source_field_writes_its_html_too(staff):
    article = ArticleFactory(author=staff)
    article.what_happened = "Now *changed*"
    article.save(update_fields=["what_happened"])
    article.refresh_from_db()
    assert article.what_happened_html == "<p>Now <em>changed</em></p>"


@pytest.fixture
def never_parse_markdown():
    with mock.patch.object(markdown.markdown, "markdown", side_effect=AssertionError("parsed")):
        yield


def test_the_article_page_shows_the_stored_html_without_parsing_markdown(
    client_for, staff, never_parse_markdown
):
    article = _article_rendered_before(staff)
    response = client_for(staff).get(article.get_absolute_url())
    assert response.status_code == 200
    assert "<strong>talk partners</strong>" in response.content.decode()


def test_the_edition_page_shows_the_stored_html_without_parsing_markdown(
    client_for, moderator, never_parse_markdown
):
    article = _article_rendered_before(moderator, status=Status.PUBLISHED)
    edition = EditionFactory(created_by=moderator)
    edition.entries.create(article=article, position=1)
    response = client_for(moderator).get(edition.get_absolute_url())
    assert response.status_code == 200
    assert "<li>Model the stems yourself</li>" in response.content.decode()


def test_the_celebration_wall_shows_the_stored_html_without_parsing_markdown(
    client_for, staff, moderator, never_parse_markdown
):
    article = _article_rendered_before(staff, status=Status.PUBLISHED)
    moderation.celebrate(article, actor=moderator, note="Thank you")
    response = client_for(staff).get(reverse("hub:celebrations"))
    assert response.status_code == 200
    assert "<strong>talk partners</strong>" in response.content.decode()


def _article_rendered_before(author, **fields) -> Article:
    """An article saved while Markdown could still be parsed (the fixture stops it after)."""
    with mock.patch.object(markdown.markdown, "markdown", wraps=_real_markdown):
        return ArticleFactory(author=author, **fields)


_real_markdown = markdown.markdown.markdown


def test_the_migration_fills_the_html_of_articles_written_before_it(staff):
    article = ArticleFactory(author=staff, what_i_did="Old **article**", what_happened="")
    Article.objects.filter(pk=article.pk).update(what_i_did_html="", try_it_yourself_html="")
    migration = importlib.import_module("ideas.migrations.0007_article_sections_html")

    migration.render_existing_articles(apps, schema_editor=None)

    article.refresh_from_db()
    assert article.what_i_did_html == "<p>Old <strong>article</strong></p>"
    assert article.try_it_yourself_html.startswith("<ul>")


def test_the_word_export_reads_the_stored_html(staff, tmp_path, never_parse_markdown):
    from docx import Document

    from ideas.scrapbook.export.docx import write_edition_docx

    article = _article_rendered_before(staff, status=Status.PUBLISHED)
    edition = EditionFactory(created_by=staff)
    edition.entries.create(article=article, position=1)
    target = tmp_path / "edition.docx"
    write_edition_docx(edition, target)
    text = "\n".join(paragraph.text for paragraph in Document(str(target)).paragraphs)
    assert "I paired pupils with talk partners" in text
    assert "**" not in text
