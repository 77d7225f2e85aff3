"""Slow lunch work, run by the task worker: reminder and follow-up emails."""

from django.utils import timezone
from django_tasks import task

from events.lunches.models import Input, Lunch, SignUpState
from hub.models import NoticeKind, Status
from hub.notifications import notify


def _people(lunch: Lunch) -> tuple[list, list]:
    attendees = [
        entry.staff
        for entry in lunch.sign_ups.filter(state=SignUpState.CONFIRMED).select_related("staff")
    ]
    presenters = [
        item.author
        for item in Input.objects.filter(lunch=lunch, status=Status.PUBLISHED).select_related(
            "author"
        )
    ]
    return attendees, presenters


@task()
def send_lunch_reminders(*, lunch_id: int) -> int:
    """The day before: everyone coming or presenting, each told what they said they
    would bring (their plate, their five-minute input)."""
    lunch = Lunch.objects.select_related("school").get(pk=lunch_id)
    sign_ups = {
        entry.staff_id: entry
        for entry in lunch.sign_ups.filter(state=SignUpState.CONFIRMED).select_related("staff")
    }
    inputs: dict[int, list[Input]] = {}
    for item in Input.objects.filter(lunch=lunch, status=Status.PUBLISHED).select_related("author"):
        inputs.setdefault(item.author_id, []).append(item)
    people = {entry.staff_id: entry.staff for entry in sign_ups.values()}
    people.update({pk: items[0].author for pk, items in inputs.items()})
    with timezone.override(lunch.school.zone):
        for person in people.values():
            notify(
                recipient=person,
                kind=NoticeKind.LUNCH,
                target=lunch,
                email_template="lunch_reminder",
                context={
                    "lunch": lunch,
                    "presenting": person.pk in inputs,
                    "inputs": inputs.get(person.pk, []),
                    "sign_up": sign_ups.get(person.pk),
                },
            )
    return len(people)


@task()
def send_lunch_follow_ups(*, lunch_id: int) -> int:
    lunch = Lunch.objects.select_related("school").get(pk=lunch_id)
    attendees, presenters = _people(lunch)
    presenting = {person.pk for person in presenters}
    invited = [person for person in attendees if person.pk not in presenting]
    with timezone.override(lunch.school.zone):
        _follow_up(lunch, presenters, invited)
    return len(presenters) + len(invited)


def _follow_up(lunch, presenters, invited) -> None:
    for person in presenters:
        notify(
            recipient=person,
            kind=NoticeKind.LUNCH,
            target=lunch,
            email_template="lunch_add_resources",
            context={"lunch": lunch},
        )
    for person in invited:
        notify(
            recipient=person,
            kind=NoticeKind.LUNCH,
            target=lunch,
            email_template="lunch_takeaway",
            context={"lunch": lunch},
        )
