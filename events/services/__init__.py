"""Writes for learning lunches: keyword-only, validated, atomic."""

from events.services.calendar import reset_calendar_feed, revoke_calendar_feed
from events.services.lunches import (
    LunchRefused,
    add_resources,
    add_takeaway,
    lunch_moments,
    schedule_lunch,
    update_lunch,
    volunteer_input,
)
from events.services.signups import cancel_sign_up, save_dietary_needs, sign_up

__all__ = [
    "LunchRefused",
    "add_resources",
    "add_takeaway",
    "cancel_sign_up",
    "lunch_moments",
    "reset_calendar_feed",
    "revoke_calendar_feed",
    "save_dietary_needs",
    "schedule_lunch",
    "sign_up",
    "update_lunch",
    "volunteer_input",
]
