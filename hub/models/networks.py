"""Joining a network: a school asks and a lead answers, or a lead invites and the
school answers. Membership itself is `Network.schools`; this is the record of how
each school came to be in (or not in) a network."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


class JoinDirection(models.TextChoices):
    ASKED = "asked", "The school asked to join"
    INVITED = "invited", "A network lead invited the school"


class JoinStatus(models.TextChoices):
    WAITING = "waiting", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


JOIN_NOTE_MAX = 500


class JoinRequest(models.Model):
    network = models.ForeignKey(
        "hub.Network", on_delete=models.CASCADE, related_name="join_requests"
    )
    school = models.ForeignKey(
        "hub.School", on_delete=models.CASCADE, related_name="network_join_requests"
    )
    direction = models.CharField(max_length=10, choices=JoinDirection.choices)
    status = models.CharField(max_length=10, choices=JoinStatus.choices, default=JoinStatus.WAITING)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    message = models.CharField(
        "a note with it",
        max_length=JOIN_NOTE_MAX,
        blank=True,
        help_text="Optional: what you hope to share, or who to talk to.",
    )
    made_at = models.DateTimeField(auto_now_add=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    answer_note = models.CharField(max_length=JOIN_NOTE_MAX, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-made_at", "-pk"]
        constraints = [
            # One open question per school and network, whoever asked it: a double
            # submit, or a lead inviting a school that asked a moment ago, finds it.
            models.UniqueConstraint(
                fields=["network", "school"],
                condition=Q(status="waiting"),
                name="joinrequest_one_waiting_per_school",
            ),
        ]
        indexes = [
            # The networks page: a school's waiting requests and invitations.
            models.Index(fields=["school", "status"], name="joinrequest_school_idx"),
            # A network's home: the requests its leads have to answer.
            models.Index(fields=["network", "status"], name="joinrequest_network_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.school} and {self.network}: {self.get_status_display()}"

    def get_absolute_url(self) -> str:
        return reverse("hub:join_request", args=[self.pk])

    @property
    def is_waiting(self) -> bool:
        return self.status == JoinStatus.WAITING

    @property
    def answered_by_school(self) -> bool:
        """An invitation is the school's to answer; an ask is the leads'."""
        return self.direction == JoinDirection.INVITED
