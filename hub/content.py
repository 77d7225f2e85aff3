"""The school content version: what every cached fragment and page ETag is keyed on.

Code that changes what a school's staff see together (moderation transitions, and
the services that post, edit, react, reply, sign up, pick, publish...) calls
`school_changed` inside its own transaction. The version lives in the database
with the school, so a server that cannot reach the cache still never makes
another serve an old fragment: the next request reads the new version with the
school row and every fragment key it builds is new.

Signing in, sessions, lockout records and notifications are no school content and
never call it.
"""

from django.db.models import F

from hub.models import School


def school_changed(school: School | int | None) -> None:
    """Raise the content version of `school` (a School or its id) by one.

    One `UPDATE ... SET content_version = content_version + 1`: two changes at once
    both count, whatever each process last read. Call it in the transaction that
    makes the change, so the new version and the change commit together.
    """
    if school is None:
        return
    school_id = school if isinstance(school, int) else school.pk
    School.objects.filter(pk=school_id).update(content_version=F("content_version") + 1)


def schools_changed(school_ids) -> None:
    """Raise the version of each school a periodic job or bulk change touched."""
    ids = {school_id for school_id in school_ids if school_id is not None}
    if ids:
        School.objects.filter(pk__in=ids).update(content_version=F("content_version") + 1)
