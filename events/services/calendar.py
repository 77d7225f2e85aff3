"""The personal calendar feed's secret token: shown once, stored only as a hash."""

from django.db import transaction

from events.models import CalendarFeed


@transaction.atomic
def reset_calendar_feed(*, staff) -> str:
    """A new secret feed token for this person; any old feed URL stops working."""
    token, token_hash = CalendarFeed.new_token()
    CalendarFeed.objects.update_or_create(staff=staff, defaults={"token_hash": token_hash})
    return token


@transaction.atomic
def revoke_calendar_feed(*, staff) -> None:
    CalendarFeed.objects.filter(staff=staff).delete()
