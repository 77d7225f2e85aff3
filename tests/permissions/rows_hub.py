from tests.factories import StaffFactory
from tests.permissions.matrix import Row, World, everyone


def a_colleague(world: World) -> dict:
    return {"pk": StaffFactory(school=world.school).pk}


def the_staff_member(world: World) -> dict:
    return {"pk": world.people["staff"].pk}


ADMIN_ONLY = everyone(403, admin=200)

ROWS = [
    Row("hub:home", everyone(200)),
    Row("hub:edit_profile", everyone(200)),
    Row("hub:profile", everyone(200, outsider=404), kwargs=the_staff_member),
    Row("hub:staff_list", ADMIN_ONLY),
    Row("hub:invite_staff", ADMIN_ONLY),
    Row("hub:import_staff", ADMIN_ONLY),
    Row("hub:staff_detail", everyone(403, admin=200), kwargs=a_colleague),
    Row("hub:deactivate_staff", everyone(403, admin=302), method="post", kwargs=a_colleague),
    Row("hub:reactivate_staff", everyone(403, admin=302), method="post", kwargs=a_colleague),
    Row("hub:resend_invitation", everyone(403, admin=302), method="post", kwargs=a_colleague),
    Row("hub:moderation_queue", everyone(403, moderator=200)),
    Row(
        "hub:moderate",
        everyone(403, moderator=404),
        method="post",
        kwargs=lambda world: {"kind": "hub.nothing", "pk": 1, "action": "approve"},
        note="an unregistered kind is a 404 even for moderators",
    ),
    Row("login", everyone(302, anonymous=200)),
    Row("logout", everyone(302), method="post"),
    Row("password_change", everyone(200)),
    Row("password_change_done", everyone(200)),
    Row("password_reset", everyone(200, anonymous=200)),
    Row("password_reset_done", everyone(200, anonymous=200)),
    Row(
        "password_reset_confirm",
        everyone(200, anonymous=200),
        kwargs=lambda world: {"uidb64": "MQ", "token": "set-password"},
    ),
    Row("password_reset_complete", everyone(200, anonymous=200)),
    Row(
        "accept_invitation",
        everyone(404, anonymous=404),
        kwargs=lambda world: {"token": "not-a-real-token"},
    ),
]

ROWS += [
    Row("hub:my_data", everyone(200), note="each person sees only their own"),
    Row("hub:download_my_data", everyone(200), note="no id in the URL: always the requester's"),
]


def a_school_with_a_logo(world: World) -> dict:
    from django.core.files.base import ContentFile

    from hub.people.demo import demo_logo

    world.school.logo.save("logo.png", ContentFile(demo_logo()))
    return {"pk": world.school.pk}


ROWS += [
    Row(
        "hub:school_settings",
        everyone(403, admin=200),
        note="moderators without the school settings right: 403 (test_school_settings)",
    ),
    Row(
        "hub:school_logo",
        everyone(200, outsider=404),
        kwargs=a_school_with_a_logo,
        note="no pk of one's own school answers anything but 404",
    ),
]
