"""The board's periodic job: "How did it go?" a while after "I'll try this".

Each school chooses the interval (`School.follow_up_days`, 14 by default). A run
asks everyone due in a few queries whatever their number: it inserts the FollowUp
rows (the unique constraint makes a second runner's insert a no-op), reads back
the rows this run created, and tells those people in one bulk insert.
"""

import uuid
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q

from hub.content import schools_changed
from hub.models import NoticeKind, School, Status
from hub.notifications import notify_many
from ideas.board.models import FollowUp, Reaction, ReactionKind

# At most this many people are asked per run; the rest wait for the next minute. Small
# enough that each bulk INSERT is one statement even on SQLite (999 parameters).
BATCH = 100


def due_will_try(now: datetime):
    """Published "I'll try this" reactions old enough, not followed by "I tried it", not asked."""
    intervals = School.objects.values_list("follow_up_days", flat=True).distinct()
    old_enough = Q(pk__in=[])
    for days in intervals:
        old_enough |= Q(school__follow_up_days=days, created_at__lte=now - timedelta(days=days))
    tried = Reaction.objects.filter(
        idea_id=OuterRef("idea_id"), author_id=OuterRef("author_id"), kind=ReactionKind.TRIED
    )
    asked = FollowUp.objects.filter(idea_id=OuterRef("idea_id"), person_id=OuterRef("author_id"))
    return (
        Reaction.objects.filter(
            old_enough,
            kind=ReactionKind.WILL_TRY,
            status=Status.PUBLISHED,
            idea__status=Status.PUBLISHED,
            author__is_active=True,
        )
        .exclude(Exists(tried))
        .exclude(Exists(asked))
        .order_by("created_at", "pk")
    )


def ask_how_it_went(now: datetime) -> int:
    """Ask each person due, once per idea; how many were asked by this run."""
    due = list(due_will_try(now).values_list("idea_id", "author_id")[:BATCH])
    if not due:
        return 0
    run = uuid.uuid4()
    with transaction.atomic():
        FollowUp.objects.bulk_create(
            [
                FollowUp(idea_id=idea, person_id=person, asked_at=now, run=run)
                for idea, person in due
            ],
            ignore_conflicts=True,
        )
        mine = list(FollowUp.objects.filter(run=run).select_related("idea", "person"))
        # Only the schools this run asked at: every other school's fragments stay.
        schools_changed(follow_up.idea.school_id for follow_up in mine)
        notify_many(
            kind=NoticeKind.FOLLOW_UP,
            target_view="ideas:how_did_it_go",
            notices=[
                (
                    follow_up.person,
                    follow_up.idea,
                    f"How did it go with “{follow_up.idea.title}”? One tap to say.",
                )
                for follow_up in mine
            ],
        )
    return len(mine)
