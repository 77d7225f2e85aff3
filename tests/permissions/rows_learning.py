"""My learning (only ever the person's own) and the needs pulse (moderators run it)."""

from tests.hub.learning.factories import FocusFactory, PulseFactory, finished_export
from tests.permissions.matrix import Row, World, everyone

OWNER_ONLY = everyone(404, staff=200)
MODERATORS_ONLY = everyone(403, moderator=200)


def staffs_focus(world: World) -> dict:
    return {"pk": FocusFactory(staff=world.people["staff"]).pk}


def staffs_export(world: World) -> dict:
    return {"pk": finished_export(world.people["staff"]).pk}


def schools_pulse(world: World) -> dict:
    return {"pk": PulseFactory(created_by=world.people["moderator"]).pk}


ROWS = [
    Row("hub:my_learning", everyone(200), note="no id in the URL: always the requester's own"),
    Row("hub:add_focus", everyone(200)),
    Row("hub:edit_focus", OWNER_ONLY, kwargs=staffs_focus, note="anyone else's focus: 404"),
    Row(
        "hub:delete_focus",
        everyone(404, staff=302),
        method="post",
        kwargs=staffs_focus,
    ),
    Row(
        "hub:add_learning_note",
        everyone(302),
        method="post",
        data=lambda world: {"text": "Wait time works.", "is_private": "on"},
    ),
    Row(
        "hub:request_learning_export",
        everyone(302),
        method="post",
        data=lambda world: {"format": "csv", "start": "2026-09-01", "end": "2026-10-01"},
    ),
    Row("hub:learning_export", OWNER_ONLY, kwargs=staffs_export, note="leaders too get 404"),
    Row("hub:download_learning_export", OWNER_ONLY, kwargs=staffs_export),
    Row("hub:pulses", everyone(200)),
    Row("hub:open_pulse", MODERATORS_ONLY),
    Row("hub:pulse_detail", everyone(200, outsider=404), kwargs=schools_pulse),
    Row(
        "hub:pulse_detail",
        everyone(302, outsider=404),
        method="post",
        kwargs=schools_pulse,
        data=lambda world: {"topics": ["Questioning"]},
    ),
    Row(
        "hub:pulse_results",
        MODERATORS_ONLY,
        kwargs=schools_pulse,
        note="non-moderators (the outsider too) are refused before any lookup",
    ),
    Row("hub:close_pulse", MODERATORS_ONLY, kwargs=schools_pulse),
    Row(
        "hub:close_pulse",
        everyone(403, moderator=302),
        method="post",
        kwargs=schools_pulse,
        data=lambda world: {"outcome": "A lunch on behaviour at lunchtime."},
    ),
]
