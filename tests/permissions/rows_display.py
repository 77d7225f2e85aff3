from hub.display.services import display_link_create, display_link_revoke
from tests.factories import StaffFactory
from tests.permissions.matrix import Row, World, everyone


def _link(school):
    maker = StaffFactory(school=school, is_moderator=True)
    return display_link_create(school=school, created_by=maker, name="Staffroom TV")


def a_link(world: World) -> dict:
    return {"pk": _link(world.school)[0].pk}


def a_token(world: World) -> dict:
    return {"token": _link(world.school)[1]}


def another_schools_token(world: World) -> dict:
    return {"token": _link(world.other_school)[1]}


def a_revoked_token(world: World) -> dict:
    link, token = _link(world.school)
    display_link_revoke(link=link, revoked_by=link.created_by)
    return {"token": token}


def a_forged_token(world: World) -> dict:
    return {"token": "x" * 43}


# Another school's moderators and admins get 404 for these links:
# tests/security/test_matrix_completeness.py and tests/hub/display/test_links.py.
MODERATORS_AND_ADMINS = everyone(403, moderator=200, admin=200)
SCREEN = everyone(200, anonymous=200)
NOT_FOUND = everyone(404, anonymous=404)

ROWS = [
    Row("hub:display_links", MODERATORS_AND_ADMINS),
    Row(
        "hub:display_links",
        everyone(403, moderator=302, admin=302),
        method="post",
        data=lambda world: {"name": "Staffroom TV"},
    ),
    Row("hub:revoke_display_link", MODERATORS_AND_ADMINS, kwargs=a_link),
    Row(
        "hub:revoke_display_link",
        everyone(403, moderator=302, admin=302),
        method="post",
        kwargs=a_link,
    ),
    Row("hub:screen", SCREEN, kwargs=a_token, note="the token is the only key"),
    Row(
        "hub:screen",
        SCREEN,
        kwargs=another_schools_token,
        note="shows that school's screen, never the visitor's own school",
    ),
    Row("hub:screen", NOT_FOUND, kwargs=a_revoked_token),
    Row("hub:screen", NOT_FOUND, kwargs=a_forged_token),
    Row("hub:screen_content", SCREEN, kwargs=a_token),
    Row("hub:screen_content", NOT_FOUND, kwargs=a_revoked_token),
    Row("hub:screen_content", NOT_FOUND, kwargs=a_forged_token),
    Row("hub:staffroom_sheet", everyone(200)),
]
