"""The permission matrix's rows and URL names, for the security tests that reuse them."""

from django.urls import URLPattern, URLResolver, get_resolver

from tests.permissions.matrix import Row, World
from tests.permissions.test_matrix import EXEMPT_NAMESPACES, ROWS

# Rows whose URL arguments are tokens or made-up values, not one of the school's objects.
NOT_AN_OBJECT = {
    "accept_invitation",
    "password_reset_confirm",
    "events:calendar_feed",
    "hub:unsubscribe",
    "hub:moderate",  # its matrix row names an unregistered kind on purpose
    "events:offer_input",  # names no object: it finds the viewer's school's next lunch
    # Name no object: the rows only put the first school in a network first.
    "events:twilights",
    "events:schedule_twilight",
    "hub:screen",  # a display link's token is its only key, whoever opens it
    "hub:screen_content",
    # Names a network the school is not in: any school's admins may ask to join any
    # network (the list they ask from shows them all), so another school gets no 404.
    "hub:ask_to_join",
}


def url_names(resolver=None, namespace: str = "") -> set[str]:
    """Every named URL in the project, Django's own admin apart."""
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in EXEMPT_NAMESPACES:
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def object_rows() -> list[Row]:
    """Rows whose URL names one of the first school's objects (outsiders must get 404)."""
    return [
        row
        for row in ROWS
        if row.kwargs and row.url_name not in NOT_AN_OBJECT and row.expect["outsider"] != 405
    ]


def kwargs_for(url_name: str, world: World) -> dict:
    """URL kwargs for a name, from its POST row if it has one, else any row."""
    rows = [row for row in ROWS if row.url_name == url_name]
    rows.sort(key=lambda row: row.method != "post")
    row = rows[0]
    return row.kwargs(world) if row.kwargs else {}
