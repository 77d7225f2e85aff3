"""A leader's personal invitation to a colleague who has not shared yet."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

SHARE_INVITATION_MAX = 800


class ShareInvitation(models.Model):
    """One kind invitation to share, at most one per person per half-term.

    The row is the record that keeps it from becoming nagging: the dashboard shows
    "invited on <date>" instead of the button, and the database refuses a second.
    """

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_invitations"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # A colleague who has shared this term, suggested as someone to post with.
    buddy = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    message = models.TextField(max_length=SHARE_INVITATION_MAX)
    half_term_start = models.DateField(help_text="The first day of the half-term it was sent in.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "half_term_start"],
                name="shareinvitation_once_per_half_term",
            )
        ]
        indexes = [
            # The dashboard: this half-term's invitations in a school.
            models.Index(fields=["school", "half_term_start"], name="shareinvitation_school_idx"),
        ]

    def __str__(self) -> str:
        return f"Invitation to share for {self.recipient_id} ({self.half_term_start})"

    def get_absolute_url(self) -> str:
        # Where the invitation leads: the form for a first post-it on the board.
        return reverse("ideas:post_idea")

    def clean(self) -> None:
        school_id = self.school_id
        if self.recipient_id and self.recipient_id == self.sent_by_id:
            raise ValidationError({"recipient": "Invite a colleague, not yourself."})
        if self.recipient_id and self.recipient.school_id != school_id:
            raise ValidationError({"recipient": "Invite a colleague at your own school."})
        if self.buddy_id and (
            self.buddy_id == self.recipient_id or self.buddy.school_id != school_id
        ):
            raise ValidationError({"buddy": "Choose another colleague at your school."})
