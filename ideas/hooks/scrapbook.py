"""Registers the scrapbook with hub: contribution kinds, home panel, demo content."""

from hub.registry import (
    register_contribution,
    register_demo_seeder,
    register_digest_section,
    register_home_panel,
)
from ideas.models import Article, Edition


def home_panel_context(staff) -> dict:
    """The newest edition this person can read and their own latest articles (two queries)."""
    return {
        "scrapbook_edition": Edition.objects.visible_to(staff).first(),
        "scrapbook_mine": list(
            Article.objects.filter(author_id=staff.pk).order_by("-updated_at")[:4]
        ),
    }


def seed(*, school, staff, rng) -> None:
    from ideas.demo_scrapbook import seed_scrapbook

    seed_scrapbook(school=school, staff=staff, rng=rng)


register_contribution(Article, label="Scrapbook article", label_plural="Scrapbook articles")
register_home_panel(
    order=40, template_name="ideas/scrapbook/_home_panel.html", get_context=home_panel_context
)
register_demo_seeder(order=40, name="scrapbook", seed=seed)


def _approved_this_week(school, week_start, week_end):
    from ideas.insights_scrapbook import approved_this_week

    return approved_this_week(school, week_start, week_end)


register_digest_section(
    order=40, template_name="ideas/scrapbook/_digest.html", get_context=_approved_this_week
)


def _register_scale() -> None:
    from hub.registry import register_scale_generator
    from ideas.scale_scrapbook import generate_scrapbook

    register_scale_generator(order=25, name="ideas.scrapbook", generate=generate_scrapbook)


_register_scale()
