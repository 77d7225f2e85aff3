import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

FOLLOW_UP_DAYS_DEFAULT = 14


class Phase(models.TextChoices):
    NURSERY = "nursery", "Nursery"
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all_through", "All-through"
    SPECIAL = "special", "Special"
    FE = "fe", "Further education"


class ModerationMode(models.TextChoices):
    POST = "post", "Post-moderation: shared at once, moderators can hide"
    PRE = "pre", "Pre-moderation: moderators approve before others see it"


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a time zone name such as Europe/London.")


class School(models.Model):
    name = models.CharField(max_length=150)
    urn = models.CharField(
        "URN",
        max_length=10,
        blank=True,
        null=True,
        unique=True,
        help_text="Unique reference number from Get Information About Schools.",
    )
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.PRIMARY)
    local_authority = models.CharField(max_length=100, blank=True)
    number_of_pupils = models.PositiveIntegerField(null=True, blank=True)
    moderation_mode = models.CharField(
        max_length=4, choices=ModerationMode.choices, default=ModerationMode.POST
    )
    time_zone = models.CharField(
        max_length=64, default="Europe/London", validators=[validate_time_zone]
    )
    follow_up_days = models.PositiveSmallIntegerField(
        "days before “How did it go?”",
        default=FOLLOW_UP_DAYS_DEFAULT,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text="After someone says “I’ll try this”, how long before Staffroom asks how it went.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Raised by every change to what the school's staff share (hub.content); the
    # cached fragments and the pages' ETags are keyed on it. Kept here, not only in
    # the cache, so it arrives with the school row every page already loads.
    content_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def premoderated(self) -> bool:
        return self.moderation_mode == ModerationMode.PRE


class NetworkKind(models.TextChoices):
    TRUST = "trust", "Multi-academy trust"
    ALLIANCE = "alliance", "Alliance or federation"
    HUB = "hub", "Teaching school hub"


class Network(models.Model):
    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=NetworkKind.choices, default=NetworkKind.TRUST)
    schools = models.ManyToManyField(School, related_name="networks", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SchoolScopedQuerySet(models.QuerySet):
    """Records that belong to one school and are never shared beyond it."""

    def visible_to(self, staff) -> "SchoolScopedQuerySet":
        if not staff.is_authenticated or staff.school_id is None:
            return self.none()
        return self.filter(school_id=staff.school_id)
