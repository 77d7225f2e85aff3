"""What hub itself adds to the home page and the demo school (imported by HubConfig.ready)."""

import random

from django.contrib.contenttypes.models import ContentType

from hub.moderation_notices import tell_authors_of_moderation
from hub.registry import (
    contribution_kinds,
    register_demo_seeder,
    register_home_panel,
    register_periodic_job,
)
from hub.task_recovery import recover_abandoned_tasks

DEMO_FLAG_REASONS = [
    "This names a pupil — could it be anonymised?",
    "I think this link goes to a page that needs a login.",
]
DEMO_CELEBRATIONS = [
    "Thank you — three classes tried this the same week!",
    "A lovely, practical idea that everyone can use tomorrow.",
    "This started a great staffroom conversation. Thank you for sharing.",
]


def latest_celebrations_panel(staff) -> dict:
    from hub.selectors import latest_celebrations

    return {"celebrations": latest_celebrations(staff, limit=3)}


def seed_moderation(*, school, staff: list, rng: random.Random) -> None:
    """Flags, celebrations and an audit trail on whatever the other seeders created.

    Idempotent per kind: a kind that already has a flag or a celebration is left
    alone (other seeders may write audit rows of their own, so those are no sign).
    """
    from hub import moderation
    from hub.models import Flag, Status

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


register_home_panel(
    order=50, template_name="hub/_celebrations_panel.html", get_context=latest_celebrations_panel
)
register_demo_seeder(order=90, name="hub.moderation", seed=seed_moderation)
register_periodic_job(name="hub.recover_abandoned_tasks", run=recover_abandoned_tasks)
register_periodic_job(name="hub.tell_authors_of_moderation", run=tell_authors_of_moderation)


def _register_scale() -> None:
    from hub.registry import register_scale_generator
    from hub.scale import generate_audit

    # Last: it logs the hiding of whatever the features generated.
    register_scale_generator(order=90, name="hub.audit", generate=generate_audit)


_register_scale()
