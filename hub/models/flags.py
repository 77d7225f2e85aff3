from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.text import slugify


class FlagQuerySet(models.QuerySet):
    def open(self) -> "FlagQuerySet":
        return self.filter(resolved_at__isnull=True)


class Resolution(models.TextChoices):
    HIDDEN = "hidden", "Hidden by a moderator"
    DISMISSED = "dismissed", "Dismissed by a moderator"


class Flag(models.Model):
    """A staff member asking moderators to look at a contribution, with a reason.

    Open until a moderator hides the contribution or dismisses its flags.
    """

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="flags")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flags_raised"
    )
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True)
    # The moderator action that resolved it, so undoing that action reopens the flag.
    resolved_by_entry = models.ForeignKey(
        "hub.AuditEntry", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = FlagQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "flagged_by"], name="flag_once_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(resolved_at__isnull=True, resolution="")
                | models.Q(resolved_at__isnull=False) & ~models.Q(resolution=""),
                name="flag_resolution_with_time",
            ),
        ]
        indexes = [
            # The moderation queue: a school's open flags.
            models.Index(
                fields=["school", "content_type", "object_id"],
                condition=models.Q(resolved_at__isnull=True),
                name="flag_open_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.flagged_by} flagged {self.content_type} {self.object_id}"

    def get_absolute_url(self) -> str:
        """The flagged item's card in the moderation queue (its id in the queue's template)."""
        key = slugify(f"{self.content_type.app_label}.{self.content_type.model}")
        return f"{reverse('hub:moderation_queue')}#queue-{key}-{self.object_id}"
