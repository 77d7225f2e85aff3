"""Registers the scrapbook with hub: contribution kind, home panel, digest, demo and scale data."""

from hub.registry import (
    register_contribution,
    register_demo_seeder,
    register_digest_section,
    register_home_panel,
    register_learning_source,
    register_long_task,
    register_scale_generator,
)
from ideas.scrapbook.demo import seed_scrapbook
from ideas.scrapbook.models import Article, Edition
from ideas.scrapbook.scale import generate_scrapbook
from ideas.scrapbook.selectors import approved_this_week, learning_entries
from ideas.scrapbook.tasks import make_edition_export


def home_panel_context(staff) -> dict:
    """The newest edition this person can read and their own latest articles (two queries)."""
    return {
        "scrapbook_edition": Edition.objects.visible_to(staff).first(),
        "scrapbook_mine": list(
            Article.objects.filter(author_id=staff.pk).order_by("-updated_at")[:4]
        ),
    }


register_contribution(
    Article,
    label="Scrapbook article",
    label_plural="Scrapbook articles",
    queue_template="ideas/scrapbook/_queue_article.html",
)
register_home_panel(
    name="scrapbook",
    template_name="ideas/scrapbook/_home_panel.html",
    get_context=home_panel_context,
)
register_digest_section(
    name="scrapbook", template_name="ideas/scrapbook/_digest.html", get_context=approved_this_week
)
register_demo_seeder(order=40, name="scrapbook", seed=seed_scrapbook)
# An edition's PDF with many photos can take minutes on a busy worker: not lost before 30.
register_long_task(task=make_edition_export, seconds=1800)
register_scale_generator(order=25, name="ideas.scrapbook", generate=generate_scrapbook)
register_learning_source(order=40, name="scrapbook", entries=learning_entries)
