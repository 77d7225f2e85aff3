import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from hub.lib.terms import Term, previous_term
from hub.models.contribution import Visibility
from hub.models.uploads import RandomName

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
    # What the visibility chooser offers first when the school is in a network; staff
    # still choose for each thing they write (hub.networks.sharing).
    default_visibility = models.CharField(
        "who sees what staff share, unless they choose otherwise",
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.SCHOOL,
    )
    # Names the school beyond this installation (calendar event UIDs), so two schools'
    # or two installations' lunches never collide in one person's calendar.
    uid = models.UUIDField("unique id", default=uuid.uuid4, unique=True, editable=False)
    # Printed on the cover of the scrapbook's PDF; served only to the school's own staff.
    logo = models.FileField(upload_to=RandomName("schools/logos/%Y/"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Raised by every change to what the school's staff share (hub.content); the
    # cached fragments and the pages' ETags are keyed on it. Kept here, not only in
    # the cache, so it arrives with the school row every page already loads.
    content_version = models.PositiveBigIntegerField(default=0, editable=False)

    # The school's own emblem, set by its head or office in the settings page, not a
    # person's upload: "Download my data" leaves it out.
    personal_data_owner = None

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def term_on(self, day) -> Term:
        """The term `day` falls in: the school's own dates when set, else England's usual
        ranges (hub.lib.terms). Costs one query."""
        own = self.terms.filter(first_day__lte=day, last_day__gte=day).first()
        if own is None:
            return Term.containing(day)
        return Term(own.name, own.first_day, own.last_day, named=True)

    def recent_terms(self, day, count: int = 6) -> list[Term]:
        """The term `day` falls in and the ones before it, newest first: the school's own
        dates when it has entered any, else England's usual ranges. Costs one query."""
        own = list(self.terms.filter(first_day__lte=day).order_by("-first_day")[:count])
        if own:
            return [Term(term.name, term.first_day, term.last_day, named=True) for term in own]
        terms = [Term.containing(day)]
        while len(terms) < count:
            terms.append(previous_term(terms[-1].first_day))
        return terms

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def premoderated(self) -> bool:
        return self.moderation_mode == ModerationMode.PRE


class SchoolTerm(models.Model):
    """One of a school's own term dates, entered in its settings page."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="terms")
    name = models.CharField(max_length=40, help_text="For example “Autumn 2026”.")
    first_day = models.DateField("first day")
    last_day = models.DateField("last day")

    class Meta:
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")), name="school_term_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.first_day:%-d %b %Y} to {self.last_day:%-d %b %Y})"


class NetworkKind(models.TextChoices):
    TRUST = "trust", "Multi-academy trust"
    ALLIANCE = "alliance", "Alliance or federation"
    HUB = "hub", "Teaching school hub"
    CLUSTER = "cluster", "Local cluster"


class Network(models.Model):
    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=NetworkKind.choices, default=NetworkKind.TRUST)
    schools = models.ManyToManyField(School, related_name="networks", blank=True)
    # Network leads run the network (accept schools, moderate what is shared to it);
    # they are staff of a member school, or of the trust's own central team.
    leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="led_networks", blank=True
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("hub:network", args=[self.pk])


class SchoolScopedQuerySet(models.QuerySet):
    """Records that belong to one school and are never shared beyond it."""

    def visible_to(self, staff) -> "SchoolScopedQuerySet":
        if not staff.is_authenticated or staff.school_id is None:
            return self.none()
        return self.filter(school_id=staff.school_id)
