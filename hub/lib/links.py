"""Links to many objects of one kind, for long lists: reverse() once, then fill in each id.

`{% url 'hub:profile' row.member.pk %}` in a loop resolves the URL pattern again for every
row (the participation dashboard made 111 such reversals per page); a builder from
`pk_link("hub:profile")` gives the same string for a fraction of the cost.
"""

from collections.abc import Callable

from django.urls import reverse

# Digits only, so that any int path converter accepts it; long enough never to be part
# of the rest of the path.
_MARKER = 987654321987654321


def pk_link(name: str) -> Callable[[int], str]:
    """`reverse(name, args=[pk])` as a function of pk, for a URL with one int argument."""
    pattern = reverse(name, args=[_MARKER])
    head, marker, tail = pattern.partition(str(_MARKER))
    if not marker or str(_MARKER) in tail:
        raise ValueError(f"{name} does not take one id argument")
    return lambda pk: f"{head}{int(pk)}{tail}"
