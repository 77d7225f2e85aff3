"""Replies, attendance and bulk notes for the dashboard, digest and profile tests
(test-only kinds in tests/leaders_app; single notes come from factories_leaders)."""

from datetime import datetime

import factory
from factory.django import DjangoModelFactory

from hub.models import Status
from tests.factories import StaffFactory
from tests.leaders_app.models import Attendance, Note, Reply


class ReplyFactory(DjangoModelFactory):
    class Meta:
        model = Reply

    author = factory.SubFactory(StaffFactory)
    school = factory.LazyAttribute(lambda reply: reply.author.school)
    body = factory.Sequence(lambda n: f"Reply {n}")
    status = Status.PUBLISHED


def posted_at(obj, moment: datetime):
    """Back-date a contribution (created_at is set on insert, so update it after)."""
    type(obj).objects.filter(pk=obj.pk).update(created_at=moment)
    obj.created_at = moment
    return obj


def attended(staff, moment: datetime) -> Attendance:
    return Attendance.objects.create(staff=staff, school=staff.school, attended_at=moment)


def many_notes(*, authors: list, count: int, moment: datetime) -> None:
    """`count` published notes spread over `authors`, all posted at `moment`."""
    Note.objects.bulk_create(
        Note(
            author=authors[i % len(authors)],
            school=authors[i % len(authors)].school,
            text=f"Bulk {i}",
            status=Status.PUBLISHED,
        )
        for i in range(count)
    )
    Note.objects.filter(text__startswith="Bulk ").update(created_at=moment)
