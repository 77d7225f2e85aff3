"""Building test-only Notes (a concrete Contribution) in any state."""

from hub.models import Status, Visibility
from tests.leaders_app.models import Note


def note(author, text="An idea", status=Status.PUBLISHED, visibility=Visibility.SCHOOL, **extra):
    return Note.objects.create(
        author=author,
        school=author.school,
        text=text,
        status=status,
        visibility=visibility,
        **extra,
    )
