"""Learning lunches: the session itself, the five-minute inputs and the takeaways."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hub.follow_ups import FollowUpAnswer
from hub.models import Contribution, RandomName, SchoolScopedQuerySet, celebrated_rows_index

__all__ = ["Input", "InputKind", "Lunch", "LunchQuerySet", "Takeaway", "MAX_INPUTS_PER_LUNCH"]

MAX_INPUTS_PER_LUNCH = 3


class LunchQuerySet(SchoolScopedQuerySet):
    def upcoming(self, now=None) -> "LunchQuerySet":
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at")

    def past(self, now=None) -> "LunchQuerySet":
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at")


class Lunch(models.Model):
    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="lunches")
    # The local date the moderator chose; starts_at/ends_at are the instants built from it.
    date = models.DateField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    room = models.CharField(max_length=100)
    capacity = models.PositiveIntegerField(help_text="How many people fit round the table.")
    theme = models.CharField(max_length=150, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set by the periodic jobs so a reminder or follow-up goes out once.
    reminded_at = models.DateTimeField(null=True, blank=True)
    followed_up_at = models.DateTimeField(null=True, blank=True)

    objects = LunchQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gt=0), name="lunch_capacity_positive"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="lunch_ends_after_start"
            ),
        ]
        # The upcoming list and the archive: one school's lunches by time.
        indexes = [models.Index(fields=["school", "starts_at"], name="lunch_school_start")]

    def __str__(self) -> str:
        label = self.theme or "Learning lunch"
        return f"{label}, {self.date:%a %-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("events:lunch_detail", kwargs={"pk": self.pk})

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at


class InputKind(models.TextChoices):
    PROJECT = "project", "Research project"
    FINDING = "finding", "Research finding"
    QUESTION = "question", "Research question"


class Input(Contribution):
    """A five-minute input someone volunteers to give at a lunch."""

    lunch = models.ForeignKey(Lunch, on_delete=models.CASCADE, related_name="inputs")
    title = models.CharField(max_length=150)
    kind = models.CharField(max_length=10, choices=InputKind.choices)
    summary = models.TextField(max_length=600)
    link = models.URLField(max_length=500, blank=True)
    file = models.FileField(
        upload_to=RandomName("lunches/inputs/%Y/%m/"), blank=True, max_length=255
    )
    # The name it was uploaded with, shown and offered on download; stored under a random one.
    file_label = models.CharField("file name", max_length=255, blank=True)
    # Slides or notes added after the lunch by the presenter.
    notes = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            # The lunch page lists a lunch's inputs.
            models.Index(fields=["lunch", "status"], name="input_lunch_status"),
            # Home page's celebrations panel and the celebrations wall.
            celebrated_rows_index(),
        ]

    def __str__(self) -> str:
        return self.title

    moderation_related = ("lunch",)

    def moderation_title(self) -> str:
        return f"Lunch input: {self.title}"

    def moderation_body(self) -> str:
        return f"{self.get_kind_display()} for {self.lunch}.\n\n{self.summary}"

    def get_absolute_url(self) -> str:
        return reverse("events:lunch_detail", kwargs={"pk": self.lunch_id})

    @property
    def file_name(self) -> str:
        if not self.file:
            return ""
        return self.file_label or self.file.name.rsplit("/", 1)[-1]


class Takeaway(Contribution):
    """One line someone took away from a lunch, posted after it."""

    lunch = models.ForeignKey(Lunch, on_delete=models.CASCADE, related_name="takeaways")
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["created_at"]
        indexes = [
            # The lunch page lists a past lunch's takeaways.
            models.Index(fields=["lunch", "status"], name="takeaway_lunch_status"),
            # Home page's celebrations panel and the celebrations wall.
            celebrated_rows_index(),
        ]

    def __str__(self) -> str:
        return self.text

    moderation_related = ("lunch",)

    def moderation_title(self) -> str:
        return f"Lunch takeaway: {self.text[:80]}"

    def moderation_body(self) -> str:
        return f"From {self.lunch}.\n\n{self.text}"

    def get_absolute_url(self) -> str:
        return reverse("events:lunch_detail", kwargs={"pk": self.lunch_id})


__all__ = [
    "CalendarFeed",
    "DietaryLabel",
    "DietaryNeeds",
    "PlateKind",
    "SignUp",
    "SignUpState",
]


class SignUpState(models.TextChoices):
    CONFIRMED = "confirmed", "Coming"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


class PlateKind(models.TextChoices):
    SAVOURY = "savoury", "Savoury"
    SWEET = "sweet", "Sweet"
    FRUIT_VEG = "fruit_veg", "Fruit or veg"
    DRINKS = "drinks", "Drinks"


class DietaryLabel(models.TextChoices):
    VEGETARIAN = "vegetarian", "Vegetarian"
    VEGAN = "vegan", "Vegan"
    GLUTEN_FREE = "gluten_free", "Gluten-free"
    DAIRY_FREE = "dairy_free", "Dairy-free"
    NUT_FREE = "nut_free", "Nut-free"
    HALAL = "halal", "Halal"


class SignUp(models.Model):
    lunch = models.ForeignKey("events.Lunch", on_delete=models.CASCADE, related_name="sign_ups")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lunch_sign_ups"
    )
    state = models.CharField(max_length=10, choices=SignUpState.choices)
    # Set under the lunch's row lock, so it orders the waitlist fairly.
    created_at = models.DateTimeField()
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    plate = models.CharField("What you'll bring", max_length=80, blank=True)
    plate_kind = models.CharField(max_length=10, choices=PlateKind.choices, blank=True)
    dietary_labels = models.JSONField(default=list, blank=True)
    allergens = models.CharField("Allergens note", max_length=200, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # Nobody holds two live places at one lunch, however many requests race.
            models.UniqueConstraint(
                fields=["lunch", "staff"],
                condition=~Q(state="cancelled"),
                name="signup_one_live_per_person",
            ),
        ]
        # The lunch page: attendees and waitlist of one lunch, in order.
        indexes = [models.Index(fields=["lunch", "state", "created_at"], name="signup_lunch_q")]

    def __str__(self) -> str:
        return f"{self.staff} at {self.lunch}: {self.get_state_display()}"

    def get_absolute_url(self) -> str:
        return f"{reverse('events:lunch_detail', kwargs={'pk': self.lunch_id})}#sign-up"

    @property
    def dietary_label_names(self) -> list[str]:
        names = dict(DietaryLabel.choices)
        return [names[label] for label in self.dietary_labels if label in names]


class DietaryNeeds(models.Model):
    """What one person can't eat: seen only by them and their school's moderators."""

    staff = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dietary_needs"
    )
    text = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "dietary needs"

    def __str__(self) -> str:
        return f"Dietary needs of {self.staff}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A personal calendar feed; only the token's hash is stored, so a leak of the
    database does not leak working feed URLs."""

    staff = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lunch_calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.staff}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        return token, hash_token(token)


class TakeawayFollowUp(models.Model):
    """ "How did it go?" about the one thing someone said they would try after a lunch.

    One per takeaway (so one nudge per person per thing), whatever the job runners do.
    """

    takeaway = models.OneToOneField(Takeaway, on_delete=models.CASCADE, related_name="follow_up")
    asked_at = models.DateTimeField(default=timezone.now)
    # Which job run asked: the run tells exactly the rows it created.
    run = models.UUIDField(null=True, blank=True, editable=False, db_index=True)
    answer = models.CharField(
        max_length=10, choices=FollowUpAnswer.choices, default=FollowUpAnswer.WAITING, blank=True
    )
    reflection = models.CharField(
        "what happened", max_length=300, blank=True, help_text="One or two sentences."
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"How did it go? takeaway {self.takeaway_id}"

    def get_absolute_url(self) -> str:
        return reverse("events:takeaway_follow_up", args=[self.takeaway_id])
