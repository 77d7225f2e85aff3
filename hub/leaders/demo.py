"""The demo school's moderation history: flags, celebrations and an audit trail."""

import random

from django.contrib.contenttypes.models import ContentType

from hub import moderation
from hub.models import Flag, Status
from hub.registry import contribution_kinds

DEMO_FLAG_REASONS = [
    "This names a pupil — could it be anonymised?",
    "I think this link goes to a page that needs a login.",
]
DEMO_CELEBRATIONS = [
    "Thank you — three classes tried this the same week!",
    "A lovely, practical idea that everyone can use tomorrow.",
    "This started a great staffroom conversation. Thank you for sharing.",
]


def seed_moderation(*, school, staff: list, rng: random.Random) -> None:
    """Flags, celebrations and an audit trail on whatever the other seeders created.

    Idempotent per kind: a kind that already has a flag or a celebration is left
    alone (other seeders may write audit rows of their own, so those are no sign).
    """
    moderators = [person for person in staff if person.is_moderator]
    if not moderators:
        return
    for kind in contribution_kinds():
        content_type = ContentType.objects.get_for_model(kind.model)
        of_school = kind.model.objects.filter(school=school)
        if (
            Flag.objects.filter(school=school, content_type=content_type).exists()
            or of_school.filter(celebrated_at__isnull=False).exists()
        ):
            continue
        shared = list(of_school.filter(status=Status.PUBLISHED).order_by("pk")[:12])
        rng.shuffle(shared)
        for item, note in zip(shared[:3], DEMO_CELEBRATIONS, strict=False):
            moderation.celebrate(item, actor=rng.choice(moderators), note=note)
        for item, reason in zip(shared[3:5], DEMO_FLAG_REASONS, strict=False):
            flaggers = [person for person in staff if person.pk != item.author_id]
            Flag.objects.create(
                school=school,
                content_type=content_type,
                object_id=item.pk,
                flagged_by=rng.choice(flaggers),
                reason=reason,
            )
        if len(shared) > 5:
            item, moderator = shared[5], rng.choice(moderators)
            moderation.transition(
                item, action="hide", actor=moderator, reason="Names a pupil; please anonymise."
            )
            moderation.transition(item, action="approve", actor=moderator)
