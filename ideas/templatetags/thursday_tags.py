from django import template

register = template.Library()


@register.filter
def shown_author(reply, viewer) -> str:
    """The reply's author as `viewer` may see them (anonymous except to moderators)."""
    return reply.author_name_for(viewer)
