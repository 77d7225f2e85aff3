from hub.leaders.digest import unsubscribe_token
from tests.permissions.matrix import Row, World, everyone


def unsubscribe_link_of_the_staff_member(world: World) -> dict:
    return {"token": unsubscribe_token(world.people["staff"])}


MODERATORS_ONLY = everyone(403, moderator=200)

ROWS = [
    Row("hub:dashboard", MODERATORS_ONLY),
    Row("hub:dashboard_csv", MODERATORS_ONLY),
    Row("hub:notifications", everyone(200), note="each person sees only their own"),
    Row("hub:mark_notifications_read", everyone(302), method="post"),
    Row("hub:notification_preferences", everyone(200)),
    Row(
        "hub:unsubscribe",
        everyone(200, anonymous=200),
        kwargs=unsubscribe_link_of_the_staff_member,
        note="the signed token is the permission: it works without signing in",
    ),
    Row(
        "hub:unsubscribe",
        everyone(400, anonymous=400),
        kwargs=lambda world: {"token": "eyJzdGFmZiI6MX0:forged:signature"},
        note="a tampered token changes nothing",
    ),
]
