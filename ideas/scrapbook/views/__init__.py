"""Scrapbook views: articles (writing, photos, submitting), editions and their exports."""

from ideas.scrapbook.views.articles import (
    add_image,
    article_detail,
    article_image,
    delete_article,
    delete_image,
    edit_article,
    my_articles,
    scrapbook,
    submit_article,
    write_article,
)
from ideas.scrapbook.views.editions import (
    arrange_edition,
    create_edition,
    delete_edition,
    edit_edition,
    edition_cover,
    edition_detail,
    editions,
)
from ideas.scrapbook.views.exports import download_export, export_edition, export_status

__all__ = [
    "add_image",
    "arrange_edition",
    "article_detail",
    "article_image",
    "create_edition",
    "delete_article",
    "delete_edition",
    "delete_image",
    "download_export",
    "edit_article",
    "edit_edition",
    "edition_cover",
    "edition_detail",
    "editions",
    "export_edition",
    "export_status",
    "my_articles",
    "scrapbook",
    "submit_article",
    "write_article",
]
