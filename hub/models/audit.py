from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class AuditEntry(models.Model):
    """One moderator action: who did what to which contribution, when and why."""

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="audit")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_actions"
    )
    action = models.CharField(max_length=30)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    # A copy of the title, so the log still reads after the target is deleted.
    target_title = models.CharField(max_length=200)
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when a network's lead acted (hub.leaders.views.network_moderation): the
    # school's log then says which network's lead hid or returned its work.
    network = models.ForeignKey(
        "hub.Network", on_delete=models.SET_NULL, null=True, blank=True, related_name="audit"
    )
    # When the author was told of a hide or return (hub.leaders.moderation_notices), so once only.
    author_told_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "audit entries"
        indexes = [
            # The audit log page: a school's newest entries first.
            models.Index(fields=["school", "-created_at"], name="audit_school_recent_idx"),
            # hub.leaders.moderation_notices looks every minute for hides and returns whose
            # author is not told yet: a handful of rows among every action ever logged.
            models.Index(
                fields=["created_at"],
                name="audit_author_untold_idx",
                condition=models.Q(action__in=["hide", "return"], author_told_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor} {self.action} {self.target_title}"
