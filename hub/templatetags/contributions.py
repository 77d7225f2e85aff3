from django import template

from hub import moderation

register = template.Library()


@register.filter
def contribution_key(contribution) -> str:
    """The key hub's moderation URLs use for this contribution's kind."""
    return contribution._meta.label_lower


@register.filter
def can_moderate(staff, contribution) -> bool:
    return moderation.can_moderate(staff, contribution)
