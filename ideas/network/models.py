"""The network feed's own records: a network's Idea of the Week and its celebration wall.

Both point at post-its a member school opened to the network; a network's leads make
them (ideas.network.services), and the feed, the home schools' digests and the post-it's
author see them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

__all__ = ["NetworkCelebration", "NetworkPick"]

PICK_REASON_MAX = 200
CELEBRATION_NOTE_MAX = 280


class NetworkPick(models.Model):
    """The one post-it a network's lead highlighted for a week; a new pick replaces it."""

    network = models.ForeignKey("hub.Network", on_delete=models.CASCADE, related_name="+")
    week = models.DateField(help_text="Monday of the week.")
    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, related_name="network_picks")
    picked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField("why this idea", max_length=PICK_REASON_MAX, blank=True)
    picked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "network Idea of the Week"
        verbose_name_plural = "network Ideas of the Week"
        ordering = ["-week"]
        constraints = [
            # Also the index for the feed and the digest: (network, week) lookups.
            models.UniqueConstraint(fields=["network", "week"], name="one_network_pick_a_week"),
        ]

    def __str__(self) -> str:
        return f"{self.week:%d %b %Y}: {self.idea_id}"


class NetworkCelebration(models.Model):
    """A network's lead thanking a colleague for a post-it shared to the network."""

    network = models.ForeignKey("hub.Network", on_delete=models.CASCADE, related_name="+")
    idea = models.ForeignKey(
        "ideas.Idea", on_delete=models.CASCADE, related_name="network_celebrations"
    )
    celebrated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(max_length=CELEBRATION_NOTE_MAX)
    celebrated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-celebrated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "idea"], name="network_celebrates_an_idea_once"
            ),
            models.CheckConstraint(condition=~models.Q(note=""), name="network_celebration_note"),
        ]
        indexes = [
            # The feed's celebration wall and the digest: a network's newest celebrations.
            models.Index(fields=["network", "-celebrated_at"], name="network_celebration_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.network_id}: {self.idea_id}"
