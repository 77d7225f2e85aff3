"""Writes for the network feed: a lead picks the network's Idea of the Week and
celebrates post-its shared to the network. Keyword-only, checked, atomic, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub import moderation
from hub.content import school_changed
from hub.lib.text import clean_plain_text
from hub.lib.weeks import Week
from hub.models import Network, NoticeKind, Staff, Status, Visibility
from hub.networks.access import leads_network
from hub.notifications import notify
from ideas.network.models import (
    CELEBRATION_NOTE_MAX,
    PICK_REASON_MAX,
    NetworkCelebration,
    NetworkPick,
)

NOT_SHARED = "Only a post-it a member school shared with the network can be chosen."


def _check(network: Network, idea, actor: Staff) -> None:
    if not leads_network(actor, network):
        raise PermissionDenied("Only the network's leads can do that.")
    shared = (
        idea.status == Status.PUBLISHED
        and idea.visibility != Visibility.SCHOOL
        and network.schools.filter(pk=idea.school_id).exists()
    )
    if not shared:
        raise ValidationError(NOT_SHARED)


def network_week(network: Network) -> Week:
    """The network's week: Monday to Sunday in England (its schools' usual zone)."""
    return Week.of_moment(timezone.now(), timezone.get_default_timezone())


def pick_network_idea(*, network: Network, idea, actor: Staff, reason: str = "") -> NetworkPick:
    """Make `idea` this week's network Idea of the Week, replacing any earlier pick; its
    author hears, with a link. Two leads picking at once end in one row."""
    _check(network, idea, actor)
    reason = clean_plain_text(reason)
    if len(reason) > PICK_REASON_MAX:
        raise ValidationError({"reason": f"Keep it under {PICK_REASON_MAX} characters."})
    week = network_week(network).monday
    values = {"idea": idea, "picked_by": actor, "reason": reason, "picked_at": timezone.now()}
    with transaction.atomic():
        previous = NetworkPick.objects.select_for_update().filter(network=network, week=week)
        before = previous.values_list("idea_id", flat=True).first()
        try:
            with transaction.atomic():
                pick, _ = NetworkPick.objects.update_or_create(
                    network=network, week=week, defaults=values
                )
        except IntegrityError:
            # Another lead created this week's pick since we looked: replace it.
            NetworkPick.objects.filter(network=network, week=week).update(**values)
            pick = NetworkPick.objects.get(network=network, week=week)
        moderation.record(idea, actor=actor, action="network_pick", reason=reason, network=network)
        school_changed(idea.school_id)
        if before != idea.pk and idea.author_id != actor.pk:
            message = f"“{idea.title}” is the Idea of the Week across {network.name}"
            notify(
                recipient=idea.author,
                kind=NoticeKind.PICKED,
                target=idea,
                email_template="notice",
                context={"message": message, "quote": reason},
                message=message,
            )
    return pick


def celebrate_in_network(*, network: Network, idea, actor: Staff, note: str) -> NetworkCelebration:
    """Thank a colleague on the network's celebration wall (once per post-it; celebrating
    again changes the note). Its author hears, with a link."""
    _check(network, idea, actor)
    note = clean_plain_text(note)
    if not note:
        raise ValidationError({"note": "Write a short note of thanks."})
    if len(note) > CELEBRATION_NOTE_MAX:
        raise ValidationError({"note": f"Keep it under {CELEBRATION_NOTE_MAX} characters."})
    with transaction.atomic():
        celebration, created = NetworkCelebration.objects.update_or_create(
            network=network,
            idea=idea,
            defaults={"note": note, "celebrated_by": actor, "celebrated_at": timezone.now()},
        )
        moderation.record(
            idea, actor=actor, action="network_celebrate", reason=note, network=network
        )
        school_changed(idea.school_id)
        if created and idea.author_id != actor.pk:
            message = f"{network.name} celebrated “{idea.title}”"
            notify(
                recipient=idea.author,
                kind=NoticeKind.CELEBRATED,
                target=idea,
                email_template="notice",
                context={"message": message, "quote": note},
                message=message,
            )
    return celebration
