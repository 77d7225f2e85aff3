"""My learning: a person's learning focus, their own notes, their appraisal exports,
and the termly needs pulse (hub/learning/ holds the pages and services)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from taggit.managers import TaggableManager

from hub.models.uploads import RandomName

FOCUS_TEXT_MAX = 200
FOCUSES_PER_YEAR = 2
NOTE_MAX = 1000
PULSE_QUESTION_MAX = 200
PULSE_TOPIC_MAX = 80
PULSE_TOPICS_MAX = 8
PULSE_ANSWER_MAX = 500
PULSE_OUTCOME_MAX = 500


def school_year_of(day) -> int:
    """The calendar year an English school year starts in (September to August)."""
    return day.year if day.month >= 9 else day.year - 1


class LearningFocus(models.Model):
    """What one person is working on this school year: at most two a year."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_focuses"
    )
    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    school_year = models.PositiveSmallIntegerField(
        help_text="The year the school year starts in: 2026 is September 2026 to August 2027."
    )
    text = models.CharField("your focus", max_length=FOCUS_TEXT_MAX)
    tags = TaggableManager(
        blank=True, help_text="A few words colleagues' ideas may be tagged with, e.g. questioning."
    )
    show_on_profile = models.BooleanField(
        "show it on my profile",
        default=False,
        help_text="Colleagues at your school see it on your profile.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "learning focuses"
        # My learning and the profile: one person's focuses for a year.
        indexes = [models.Index(fields=["staff", "school_year"], name="focus_staff_year")]

    def __str__(self) -> str:
        return self.text


class LearningNote(models.Model):
    """A reflection a person writes on My learning; private to them unless they choose."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_notes"
    )
    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    text = models.TextField("what I learned or want to remember", max_length=NOTE_MAX)
    tags = TaggableManager(blank=True)
    is_private = models.BooleanField(
        "keep it private",
        default=True,
        help_text="Private notes are only ever shown to you, and in your own exports.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # My learning: one person's notes in a period.
        indexes = [models.Index(fields=["staff", "created_at"], name="learningnote_staff_time")]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return f"{reverse('hub:my_learning')}#note-{self.pk}"


class LearningExportFormat(models.TextChoices):
    PDF = "pdf", "PDF for appraisal (one or two pages)"
    CSV = "csv", "Spreadsheet (.csv)"


class LearningExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being made"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class LearningExport(models.Model):
    """One person's record for a period, as a file made by the worker for them alone."""

    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="learning_exports"
    )
    format = models.CharField(max_length=4, choices=LearningExportFormat.choices)
    start = models.DateField()
    end = models.DateField()
    status = models.CharField(
        max_length=10, choices=LearningExportStatus.choices, default=LearningExportStatus.QUEUED
    )
    file = models.FileField(upload_to=RandomName("learning/exports/"), blank=True, max_length=200)
    error = models.CharField(max_length=300, blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # The file is this person's own record: it goes into their "Download my data".
    personal_data_owner = "staff"

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="export_period")
        ]

    def __str__(self) -> str:
        return f"My learning {self.start}–{self.end} ({self.format})"

    def get_absolute_url(self) -> str:
        return reverse("hub:learning_export", args=[self.pk])

    @property
    def is_live(self) -> bool:
        return self.status in (LearningExportStatus.QUEUED, LearningExportStatus.RUNNING)

    @property
    def filename(self) -> str:
        name = slugify(self.staff.full_name) or "my"
        return f"{name}-learning-{self.start:%Y-%m-%d}-to-{self.end:%Y-%m-%d}.{self.format}"


class Pulse(models.Model):
    """A short termly question to the whole staff about what would help them next."""

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="pulses")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    question = models.CharField(max_length=PULSE_QUESTION_MAX)
    topics = models.JSONField(default=list, help_text="The suggested topics, in order.")
    is_anonymous = models.BooleanField(
        "anonymous answers",
        default=True,
        help_text="Leaders see what was said, never who said it.",
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.TextField(
        "what we chose because of it", max_length=PULSE_OUTCOME_MAX, blank=True
    )

    class Meta:
        ordering = ["-opened_at", "-pk"]
        # The pulse list: a school's newest first.
        indexes = [models.Index(fields=["school", "-opened_at"], name="pulse_school_opened")]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("hub:pulse_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class PulseAnswer(models.Model):
    """One person's answer. Stored with who gave it, so they can change it and find it in
    their own data; an anonymous pulse never shows that to anyone else."""

    pulse = models.ForeignKey(Pulse, on_delete=models.CASCADE, related_name="answers")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pulse_answers"
    )
    # The role group when they answered: a later change of role does not move the answer.
    role_group = models.CharField(max_length=20)
    topics = models.JSONField(default=list, blank=True)
    text = models.TextField("anything else", max_length=PULSE_ANSWER_MAX, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["answered_at", "pk"]
        constraints = [
            # One answer per person, however many times the form is sent.
            models.UniqueConstraint(fields=["pulse", "staff"], name="pulse_answer_once")
        ]

    def __str__(self) -> str:
        return f"Answer to pulse {self.pulse_id}"

    def get_absolute_url(self) -> str:
        return reverse("hub:pulse_detail", args=[self.pulse_id])
