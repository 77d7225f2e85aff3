"""The weekly digest: one email on Friday afternoon (school time) with the week's highlights.

Sections come from the registry (`register_digest_section`); hub adds the
week's celebrations itself. It goes to every active member of staff whose
email preference is not "off" (instant people get it too: it is the one place
that gathers the week), each with their own unsubscribe link.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from html import unescape

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string, select_template
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django_tasks import task

from hub.emails import queue_email
from hub.lib.weeks import Week
from hub.models import (
    EmailPreference,
    NoticeHow,
    NoticeKind,
    Notification,
    School,
    SentDigest,
    Staff,
    Status,
)
from hub.notifications import how_told
from hub.registry import contribution_kinds, digest_sections
from hub.unsubscribe import DIGEST

DIGEST_WEEKDAY = 4  # Friday
DIGEST_TIME = time(15, 0)
CELEBRATIONS_PER_DIGEST = 10
NOTICES_PER_KIND = 5


# --- Building ---


def celebrations_this_week(school, week_start, week_end) -> dict | None:
    """Contributions a moderator celebrated this week, across every kind (a query per kind)."""
    celebrated = []
    for kind in contribution_kinds():
        items = (
            kind.model.objects.filter(
                school_id=school.pk,
                status=Status.PUBLISHED,
                celebrated_at__gte=week_start,
                celebrated_at__lt=week_end,
            )
            .select_related("author", *kind.model.moderation_related)
            .order_by("-celebrated_at")[:CELEBRATIONS_PER_DIGEST]
        )
        celebrated.extend(
            {"kind": kind, "item": item, "title": kind.title_of(item)} for item in items
        )
    if not celebrated:
        return None
    celebrated.sort(key=lambda entry: entry["item"].celebrated_at, reverse=True)
    return {"celebrations": celebrated[:CELEBRATIONS_PER_DIGEST]}


def render_sections(school, week: Week) -> list[dict]:
    """Each section with something to say this week, rendered as HTML and plain text."""
    week_start, week_end = week.bounds(school.zone)
    rendered = []
    for section in digest_sections():
        context = section.get_context(school, week_start, week_end)
        if context is None:
            continue
        context = {"school": school, "site_url": settings.SITE_URL, **context}
        html = render_to_string(section.template_name, context)
        text_name = section.template_name.removesuffix(".html") + ".txt"
        try:
            # Plain text shows characters, not HTML entities, whatever the template escaped.
            text = unescape(select_template([text_name]).render(context))
        except TemplateDoesNotExist:
            text = unescape(strip_tags(html))
        # Safe: rendered by a template with autoescaping on.
        rendered.append({"html": mark_safe(html), "text": text.strip()})  # noqa: S308
    return rendered


@dataclass
class NoticeGroup:
    """One kind of notice a person chose to read weekly: the newest few, with links."""

    kind: str
    label: str
    notices: list[dict] = field(default_factory=list)  # {"message", "url"}
    more: int = 0


def digest_window(school, week: Week) -> tuple[datetime, datetime]:
    """From last Friday's digest time to this one's (school time): no notice falls between."""
    friday = week.monday + timedelta(days=DIGEST_WEEKDAY)
    end = datetime.combine(friday, DIGEST_TIME, tzinfo=school.zone)
    return end - timedelta(weeks=1), end


def weekly_notices(recipients: list[Staff], start: datetime, end: datetime) -> dict:
    """Each person's unread notices of the kinds they chose "weekly digest" for, by kind.

    One query for everyone, whatever the numbers. Each notice links through
    hub:open_notification, so opening it marks it read and lands on its object.
    """
    people = {person.pk: person for person in recipients}
    rows = (
        Notification.objects.filter(
            recipient_id__in=people,
            read_at__isnull=True,
            created_at__gte=start,
            created_at__lt=end,
        )
        .only("pk", "recipient_id", "kind", "message")
        .order_by("recipient_id", "-created_at", "-pk")
    )
    labels = dict(NoticeKind.choices)
    groups: dict[int, dict[str, NoticeGroup]] = defaultdict(dict)
    for row in rows:
        # An "instant" kind was emailed already; the person's choice today decides.
        if how_told(people[row.recipient_id], row.kind) != NoticeHow.DIGEST:
            continue
        label = labels.get(row.kind, row.kind)
        group = groups[row.recipient_id].setdefault(row.kind, NoticeGroup(row.kind, label))
        if len(group.notices) < NOTICES_PER_KIND:
            url = settings.SITE_URL + reverse("hub:open_notification", args=[row.pk])
            group.notices.append({"message": row.message, "url": url})
        else:
            group.more += 1
    order = {kind: n for n, kind in enumerate(NoticeKind.values)}
    return {
        person_id: sorted(kinds.values(), key=lambda group: order.get(group.kind, len(order)))
        for person_id, kinds in groups.items()
    }


def digest_recipients(school) -> list[Staff]:
    return list(
        Staff.objects.filter(school_id=school.pk, is_active=True, gets_weekly_digest=True)
        .exclude(email_preference=EmailPreference.OFF)
        .order_by("pk")
    )


@task()
def send_school_digest(*, school_id: int, week_monday: str) -> int:
    """Render this week's digest once and email it to each recipient; returns how many."""
    school = School.objects.get(pk=school_id)
    week = Week(date.fromisoformat(week_monday))
    sections = render_sections(school, week)
    recipients = digest_recipients(school)
    notices = weekly_notices(recipients, *digest_window(school, week))
    if not sections:
        # A quiet week: no email is better than an empty one, except for the people
        # whose own notices wait for it.
        recipients = [person for person in recipients if person.pk in notices]
    unread = dict(
        Notification.objects.filter(recipient__in=recipients, read_at__isnull=True)
        .values("recipient_id")
        .annotate(n=Count("pk"))
        .values_list("recipient_id", "n")
    )
    for person in recipients:
        queue_email(
            to=[person.email],
            template="weekly_digest",
            context={
                "recipient": person,
                "school": school,
                "week": week,
                "sections": sections,
                "unread": unread.get(person.pk, 0),
                "notice_groups": notices.get(person.pk, []),
                "preferences_url": settings.SITE_URL + reverse("hub:notification_preferences"),
            },
            unsubscribe=(person, DIGEST),
        )
    return len(recipients)


# --- The Friday job ---


def _is_digest_time(moment: datetime) -> bool:
    return moment.weekday() == DIGEST_WEEKDAY and moment.time() >= DIGEST_TIME


def send_weekly_digests(now: datetime) -> None:
    """From Friday 15:00 school time, send each school's digest once for the week."""
    due: dict[int, date] = {}
    for school in School.objects.only("pk", "time_zone"):
        local = now.astimezone(school.zone)
        if _is_digest_time(local):
            due[school.pk] = Week.containing(local.date()).monday
    if not due:
        return
    already = set(
        SentDigest.objects.filter(school_id__in=due, week_start__in=set(due.values())).values_list(
            "school_id", "week_start"
        )
    )
    for school_id, monday in due.items():
        if (school_id, monday) in already:
            continue
        try:
            with transaction.atomic():
                SentDigest.objects.create(school_id=school_id, week_start=monday)
                # Enqueued only if the record commits: two runners never both send.
                transaction.on_commit(
                    lambda school_id=school_id, monday=monday: send_school_digest.enqueue(
                        school_id=school_id, week_monday=monday.isoformat()
                    )
                )
        except IntegrityError:
            continue  # Another runner recorded it a moment ago.
