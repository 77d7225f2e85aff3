"""hub's own registrations for the leaders' tools: the Friday digest and demo notifications."""

from django.urls import reverse

from hub.digest import celebrations_this_week, send_weekly_digests
from hub.models import EmailPreference, Notification
from hub.registry import register_demo_seeder, register_digest_section, register_periodic_job

register_digest_section(
    order=90,
    template_name="emails/weekly_digest_celebrations.html",
    get_context=celebrations_this_week,
)
register_periodic_job(name="hub.weekly_digest", run=send_weekly_digests)

DEMO_MESSAGES = [
    ("Mrs Okafor celebrated your idea on the board", "ideas:board"),
    ("Aisha Khan replied to your Thinking Thursday answer", "ideas:thursday"),
    ("A place came free at Tuesday’s Learning Lunch: you are in", "events:lunches"),
]


def seed_notifications(*, school, staff, rng) -> None:
    """A few unread notifications and a mix of email preferences; idempotent."""
    for person in staff[3:6]:
        if not Notification.objects.filter(recipient=person).exists():
            Notification.objects.bulk_create(
                Notification(recipient=person, message=message, url=reverse(url_name))
                for message, url_name in DEMO_MESSAGES
            )
    weekly = [person.pk for person in staff[15:25]]
    type(staff[0]).objects.filter(pk__in=weekly).update(email_preference=EmailPreference.WEEKLY)


register_demo_seeder(order=95, name="notifications", seed=seed_notifications)
