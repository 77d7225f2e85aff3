"""In-app notifications, and the record of which weekly digests went out."""

from django.conf import settings
from django.db import models
from django.utils import timezone

NOTIFICATION_MESSAGE_MAX = 300


class NotificationQuerySet(models.QuerySet):
    def for_recipient(self, staff) -> "NotificationQuerySet":
        """A person only ever sees their own notifications."""
        if not staff.is_authenticated:
            return self.none()
        return self.filter(recipient_id=staff.pk)

    def unread(self) -> "NotificationQuerySet":
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing that happened to a person or their work, shown in their list."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.CharField(max_length=NOTIFICATION_MESSAGE_MAX)
    # A path inside Staffroom ("/board/12/"), never an outside address.
    url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Made by a task (a lunch reminder): that task's id and the email template, the same
    # key as its email's SentEmail. A task run again after its worker was lost finds the
    # notifications it already made and makes no second one.
    task_key = models.CharField(max_length=200, blank=True, editable=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The unread count in the navigation, on every page.
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            # The notifications page: a person's newest first.
            models.Index(fields=["recipient", "-created_at"], name="notification_list_idx"),
        ]
        constraints = [
            # Two runs of one task at once still tell each person once.
            models.UniqueConstraint(
                fields=["task_key", "recipient"],
                condition=~models.Q(task_key=""),
                name="notification_once_per_task",
            )
        ]

    def __str__(self) -> str:
        return self.message

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class SentDigest(models.Model):
    """A school's weekly digest was sent for this week: the job never sends it twice."""

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    week_start = models.DateField(help_text="The Monday of the week the digest covers.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["school", "week_start"], name="sentdigest_once_per_school_week"
            )
        ]

    def __str__(self) -> str:
        return f"Digest for {self.school_id}, week of {self.week_start}"


class SentEmail(models.Model):
    """One email the mail server accepted, so a task run again sends it to no one twice.

    A worker killed after the server took a message would otherwise send it again
    when the task is requeued. `key` names the task run: the sending task's own id,
    or, for mail queued from inside another task (a digest, reminders), that task's
    id and the template, which stay the same when the outer task is run again.
    """

    key = models.CharField(max_length=200)
    recipient = models.CharField(max_length=254)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "recipient"], name="sentemail_once_per_key")
        ]
        indexes = [
            # The periodic job that forgets old records.
            models.Index(fields=["sent_at"], name="sentemail_sent_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.key} → {self.recipient}"
