from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def board_query(context, **changes) -> str:
    """The current board query string with some filters changed ('' removes one); page resets."""
    params = {key: value for key, value in context["request"].GET.items() if key != "page"}
    for key, value in changes.items():
        if value in ("", None):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"
