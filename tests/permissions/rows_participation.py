from hub.unsubscribe import unsubscribe_token
from tests.permissions.matrix import Row, World, everyone


def unsubscribe_link_of_the_staff_member(world: World) -> dict:
    return {"token": unsubscribe_token(world.people["staff"])}


def a_notification_of_the_staff_member(world: World) -> dict:
    from hub.models import NoticeKind
    from hub.notifications import notify
    from tests.hub.leaders.factories import NoteFactory

    staff = world.people["staff"]
    notice = notify(
        recipient=staff,
        kind=NoticeKind.COMMENT,
        target=NoteFactory(author=staff),
        email_template="test_ping",
        context={"note_title": "Timers"},
    )
    return {"pk": notice.pk}


MODERATORS_ONLY = everyone(403, moderator=200)

ROWS = [
    Row("hub:dashboard", MODERATORS_ONLY),
    Row("hub:dashboard_csv", MODERATORS_ONLY),
    Row(
        "hub:invite_to_share",
        MODERATORS_ONLY,
        kwargs=lambda world: {"pk": world.people["staff"].pk},
        note="a colleague at the moderator's school who has not shared yet",
    ),
    Row(
        "hub:invite_to_share",
        everyone(403, moderator=302),
        method="post",
        kwargs=lambda world: {"pk": world.people["staff"].pk},
        data=lambda world: {"message": "Would you share an idea this week?"},
        note="sends it, then back to the dashboard",
    ),
    Row("hub:notifications", everyone(200), note="each person sees only their own"),
    Row("hub:mark_notifications_read", everyone(302), method="post"),
    Row(
        "hub:open_notification",
        everyone(404, staff=302),
        kwargs=a_notification_of_the_staff_member,
        note="only its recipient opens it (and lands on its object); anyone else: 404",
    ),
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
