"""In-app notifications, and the record of which weekly digests went out."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
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


class NoticeKind(models.TextChoices):
    """What a notification is about; each person chooses per kind how to hear of it."""

    WILL_TRY = "will_try", "A colleague will try your idea"
    TRIED = "tried", "A colleague tried your idea, and how it went"
    COMMENT = "comment", "Comments on your ideas"
    REPLY = "reply", "Replies to your Thinking Thursday questions and replies"
    BUILDS_ON = "builds_on", "“Builds on this” on your replies"
    PICKED = "picked", "Your idea picked as Idea of the Week"
    CELEBRATED = "celebrated", "Your work celebrated"
    MODERATION = "moderation", "Your work hidden or returned by a moderator"
    FLAG = "flag", "Flags raised for moderators"
    FOLLOW_UP = "follow_up", "“How did it go?” after you said you would try something"
    PROGRESSION = "progression", "Invitations to take your idea further"
    THURSDAY = "thursday", "Your Thinking Thursday turns and summaries"
    LUNCH = "lunch", "Learning lunches: places, reminders and takeaways"
    SCRAPBOOK = "scrapbook", "Scrapbook editions your articles are in"
    SHARE_INVITATION = "share_invitation", "A leader’s personal invitation to share an idea"
    PULSE = "pulse", "Needs pulses: a short question from leaders, and what they chose"
    LEARNING = "learning", "My learning: your exported record is ready"
    PLACEMENT = "placement", "Work-shadowing placements: proposals, agreements and approvals"
    TWILIGHT = "twilight", "Twilights across schools: places and “Which idea will you try?”"

    NETWORK = "network", "Networks: requests to join, invitations and their answers"


class NoticeHow(models.TextChoices):
    """How a person hears about one kind of notice (`Staff.notice_preferences`)."""

    INSTANT = "instant", "Email me each time"
    DIGEST = "digest", "Only in Staffroom and the weekly digest"
    OFF = "off", "Off: don’t tell me"


class Notification(models.Model):
    """One thing that happened to a person or their work, shown in their list.

    It records the object it is about (`target`), never a typed path: its link is
    derived from the object (`hub.notifications.link_for`), so it cannot be missing
    and follows the object if its page moves. `target_view` names a page of the
    object other than its own (the question's summary form, a turn's write page).
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    message = models.CharField(max_length=NOTIFICATION_MESSAGE_MAX)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    # A URL name taking the target's pk; blank: the target's get_absolute_url().
    target_view = models.CharField(max_length=100, blank=True)
    # Unread notices with the same kind and key grow into one ("3 colleagues tried…").
    group_key = models.CharField(max_length=100, blank=True)
    count = models.PositiveIntegerField(default=1)
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
            # notify(): the unread notice a new one of the same kind groups into.
            models.Index(
                fields=["recipient", "kind", "group_key"],
                name="notification_group_idx",
                condition=models.Q(read_at__isnull=True),
            ),
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

    def link(self) -> str:
        """Where opening it lands; "" once its object was deleted. Costs a query."""
        target = self.target
        return target_link(target, self.target_view) if target is not None else ""


class NoLink(ValueError):
    """A notification about this object could not link anywhere: a bug at the call site."""


def target_link(target, target_view: str = "") -> str:
    """The path inside Staffroom that shows `target` (with its anchor), or NoLink."""
    if target is None or getattr(target, "pk", None) is None:
        raise NoLink("A notification needs a saved object to be about.")
    if target_view:
        path = reverse(target_view, args=[target.pk])
    elif hasattr(target, "get_absolute_url"):
        path = target.get_absolute_url()
    else:
        raise NoLink(f"{type(target).__name__} has no get_absolute_url() to link to.")
    if not path.startswith("/") or path.startswith("//"):
        raise NoLink(f"{path!r} is not a path inside Staffroom.")
    return path


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
