from django import template

from hub.leaders.forms import AUDIT_ACTIONS

register = template.Library()

_LABELS = dict(AUDIT_ACTIONS)


@register.filter
def audit_action_label(action: str) -> str:
    return _LABELS.get(action, action.replace("_", " ").capitalize())
