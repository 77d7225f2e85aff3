import factory
from factory.django import DjangoModelFactory

from hub.models import Status
from tests.factories import StaffFactory
from tests.leaders_app.models import Note


class NoteFactory(DjangoModelFactory):
    """A test-only contribution kind (tests/leaders_app), shared unless told otherwise."""

    class Meta:
        model = Note

    author = factory.SubFactory(StaffFactory)
    school = factory.SelfAttribute("author.school")
    text = factory.Sequence(lambda n: f"Try cold-calling with lolly sticks, take {n}")
    status = Status.PUBLISHED


def note_by_colleague(school, **fields) -> Note:
    """A note written by a new colleague at `school`."""
    return NoteFactory(author=StaffFactory(school=school), **fields)
