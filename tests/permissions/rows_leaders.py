"""Leaders' tools: flags, undo, audit log, celebrations and the term summary."""

from hub import moderation
from hub.models import AuditEntry, Status
from tests.hub.leaders.factories import note_by_colleague
from tests.permissions.matrix import Row, World, everyone

MODERATORS_ONLY = everyone(403, moderator=200)


def a_shared_note(world: World) -> dict:
    return {"kind": "leaders_app.note", "pk": note_by_colleague(world.school).pk}


def a_moderators_last_action(world: World) -> dict:
    note = note_by_colleague(world.school, status=Status.SUBMITTED)
    moderation.transition(note, action="approve", actor=world.people["moderator"])
    return {"entry_pk": AuditEntry.objects.get(object_id=note.pk, action="approve").pk}


ROWS = [
    Row("hub:audit_log", MODERATORS_ONLY),
    Row("hub:term_summary", MODERATORS_ONLY),
    Row("hub:celebrations", everyone(200)),
    Row("hub:flag", everyone(200, outsider=404), kwargs=a_shared_note),
    Row(
        "hub:flag",
        everyone(302, outsider=404),
        method="post",
        kwargs=a_shared_note,
        data=lambda world: {"reason": "Please check the photo"},
    ),
    Row("hub:celebrate", MODERATORS_ONLY, kwargs=a_shared_note),
    Row(
        "hub:celebrate",
        everyone(403, moderator=302),
        method="post",
        kwargs=a_shared_note,
        data=lambda world: {"note": "Thank you!"},
    ),
    Row(
        "hub:undo_moderation",
        everyone(403, moderator=302),
        method="post",
        kwargs=a_moderators_last_action,
        note="outsiders are not moderators: 403 before any lookup",
    ),
]
