"""What My learning registers with hub: a participation column, a job that forgets old
exported files, the demo data."""

from django.db.models import Count

from hub.learning.demo import seed_learning
from hub.learning.tasks import forget_old_exports
from hub.models import LearningNote
from hub.registry import (
    register_demo_seeder,
    register_participation_metric,
    register_periodic_job,
)


def learning_note_counts(school, start, end) -> dict[int, int]:
    """Notes each person added to their own record: the count only, never what they say
    (most are private). One query."""
    rows = (
        LearningNote.objects.filter(school=school, created_at__gte=start, created_at__lt=end)
        .values("staff_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["staff_id"]: row["n"] for row in rows}


register_participation_metric(
    key="hub.learning_notes", label="Learning notes", counts=learning_note_counts, order=60
)
register_demo_seeder(order=80, name="hub.learning", seed=seed_learning)
register_periodic_job(name="hub.forget_old_learning_exports", run=forget_old_exports)
