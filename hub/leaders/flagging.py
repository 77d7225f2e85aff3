"""Staff flagging a contribution for moderators to look at."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from hub.content import school_changed
from hub.models import Flag, NoticeKind, Staff, Status
from hub.notifications import notify


class AlreadyFlagged(Exception):
    """This person flagged this contribution before: one flag per person."""


def flag_contribution(*, contribution, staff, reason: str) -> Flag:
    """Record a flag and tell the contribution's school's moderators, after commit."""
    if contribution.status != Status.PUBLISHED:
        raise PermissionDenied("Only shared contributions can be flagged.")
    if contribution.author_id == staff.pk:
        raise PermissionDenied("You cannot flag your own contribution: edit or delete it instead.")
    flag = Flag(
        school_id=contribution.school_id,
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=contribution.pk,
        flagged_by=staff,
        reason=reason.strip(),
    )
    flag.full_clean(validate_constraints=False)
    try:
        # A savepoint, so a double click racing past the check leaves the request usable.
        with transaction.atomic():
            flag.save()
            school_changed(flag.school_id)
    except IntegrityError:
        raise AlreadyFlagged from None
    moderators = Staff.objects.filter(
        school_id=contribution.school_id, is_moderator=True, is_active=True
    )
    for moderator in moderators:
        notify(
            recipient=moderator,
            kind=NoticeKind.FLAG,
            target=flag,
            email_template="flag_raised",
            context={"flag": flag, "title": contribution.moderation_title()},
        )
    return flag


def has_flagged(contribution, staff) -> bool:
    return Flag.objects.filter(
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=contribution.pk,
        flagged_by_id=staff.pk,
    ).exists()
