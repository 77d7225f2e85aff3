from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from hub import moderation

register = template.Library()


@register.filter
def contribution_key(contribution) -> str:
    """The key hub's moderation URLs use for this contribution's kind."""
    return contribution._meta.label_lower


@register.filter
def can_moderate(staff, contribution) -> bool:
    return moderation.can_moderate(staff, contribution)


@register.filter
def credits(contribution) -> SafeString:
    """ "<strong>Mr Reid</strong> (Year 5 teacher) and <strong>Pete Russo</strong> (School
    cook)": everyone credited for the work, with what they do, escaped. An anonymous
    reply stays anonymous wherever it is credited: the celebrations card is a school
    fragment, the same for everyone."""
    if getattr(contribution, "is_anonymous", False):
        return mark_safe("<strong>a colleague</strong>")
    parts = [
        format_html("<strong>{}</strong> ({})", person.name, person.role_title)
        for person in contribution.credited_people()
    ]
    if len(parts) == 1:
        return parts[0]
    return format_html("{} and {}", mark_safe(", ".join(parts[:-1])), parts[-1])  # noqa: S308
