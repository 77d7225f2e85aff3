"""Twilights across schools: a network's Speed Learning or TeachMeet evening, hosted by one
member school, with presenters and participants from every school in the network."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hub.registry import network_post_its

__all__ = [
    "PlaceState",
    "SlotLength",
    "TablePlan",
    "Twilight",
    "TwilightDraw",
    "TwilightKind",
    "TwilightQuerySet",
    "TwilightRole",
    "TwilightSignUp",
]

TITLE_MAX = 150
DESCRIPTION_MAX = 1000
# A presenter's idea becomes a post-it afterwards: the board's limits (ideas.board).
IDEA_TITLE_MAX = 80
IDEA_SUMMARY_MAX = 500


class TwilightKind(models.TextChoices):
    SPEED_LEARNING = "speed_learning", "Speed Learning"
    TEACHMEET = "teachmeet", "TeachMeet"


class TwilightQuerySet(models.QuerySet):
    def upcoming(self, now=None) -> "TwilightQuerySet":
        return self.filter(ends_at__gt=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None) -> "TwilightQuerySet":
        return self.filter(ends_at__lte=now or timezone.now()).order_by("-starts_at", "-pk")


class Twilight(models.Model):
    network = models.ForeignKey("hub.Network", on_delete=models.CASCADE, related_name="twilights")
    host_school = models.ForeignKey(
        "hub.School", on_delete=models.CASCADE, related_name="hosted_twilights"
    )
    kind = models.CharField(max_length=20, choices=TwilightKind.choices)
    title = models.CharField(max_length=TITLE_MAX)
    description = models.TextField(max_length=DESCRIPTION_MAX, blank=True)
    # The host's local date; starts_at/ends_at are the instants built from it.
    date = models.DateField()
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(max_length=150, blank=True)
    online_link = models.URLField("online link", max_length=500, blank=True)
    capacity = models.PositiveIntegerField(help_text="Places for participants.")
    presenter_cap = models.PositiveSmallIntegerField(
        "presenter slots", help_text="How many colleagues may present."
    )
    # Speed Learning: how many times participants move table.
    rounds = models.PositiveSmallIntegerField(default=3)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set once the presenters' ideas became post-its and participants were asked.
    followed_up_at = models.DateTimeField(null=True, blank=True)

    objects = TwilightQuerySet.as_manager()

    # A network's evening, with staff of several schools: one school's archive
    # (hub.ops.backup) cannot hold it without the others' people, so it is in none.
    spans_schools = True

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(capacity__gt=0), name="twilight_capacity_positive"),
            models.CheckConstraint(
                condition=Q(presenter_cap__gt=0), name="twilight_presenter_cap_positive"
            ),
            models.CheckConstraint(condition=Q(rounds__gt=0), name="twilight_rounds_positive"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="twilight_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(place="") | ~Q(online_link=""), name="twilight_has_place_or_link"
            ),
        ]
        # The twilights page: a person's networks' twilights by time; the job: ended ones.
        indexes = [
            models.Index(fields=["network", "starts_at"], name="twilight_network_start"),
            models.Index(
                fields=["ends_at"],
                name="twilight_to_follow_up",
                condition=Q(followed_up_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title}, {self.date:%a %-d %b %Y}"

    def get_absolute_url(self) -> str:
        return reverse("events:twilight_detail", kwargs={"pk": self.pk})

    @property
    def is_teachmeet(self) -> bool:
        return self.kind == TwilightKind.TEACHMEET

    @property
    def is_speed_learning(self) -> bool:
        return self.kind == TwilightKind.SPEED_LEARNING

    def has_started(self, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def has_ended(self, now=None) -> bool:
        return (now or timezone.now()) >= self.ends_at


class TwilightRole(models.TextChoices):
    PRESENTER = "presenter", "Presenting an idea"
    PARTICIPANT = "participant", "Taking part"


class SlotLength(models.TextChoices):
    NANO = "nano", "Nano: 2 minutes"
    MICRO = "micro", "Micro: 5 minutes"


class PlaceState(models.TextChoices):
    CONFIRMED = "confirmed", "Coming"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


class TwilightSignUp(models.Model):
    """A place at a twilight, presenting or taking part (as a lunch sign-up, race-safe:
    written only under the twilight's row lock)."""

    twilight = models.ForeignKey(Twilight, on_delete=models.CASCADE, related_name="sign_ups")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="twilight_sign_ups"
    )
    role = models.CharField(max_length=12, choices=TwilightRole.choices)
    state = models.CharField(max_length=10, choices=PlaceState.choices)
    # Set under the twilight's row lock, so it orders the waitlist fairly.
    created_at = models.DateTimeField()
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    idea_title = models.CharField("your idea", max_length=IDEA_TITLE_MAX, blank=True)
    idea_summary = models.TextField("in a few sentences", max_length=IDEA_SUMMARY_MAX, blank=True)
    slot = models.CharField(max_length=5, choices=SlotLength.choices, blank=True)
    # The post-it the idea became afterwards (ideas.board, reached through hub's hook).
    post_it_id = models.PositiveBigIntegerField(null=True, blank=True)
    # A participant's answer to "Which idea will you try?": a presenter's sign-up.
    will_try = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    will_try_at = models.DateTimeField(null=True, blank=True)

    spans_schools = True  # as its twilight

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # Nobody holds two live places at one twilight, however many requests race.
            models.UniqueConstraint(
                fields=["twilight", "staff"],
                condition=~Q(state="cancelled"),
                name="twilight_one_live_place",
            ),
            models.CheckConstraint(
                condition=~Q(role="presenter") | (~Q(idea_title="") & ~Q(slot="")),
                name="twilight_presenter_has_idea",
                violation_error_message="A presenter needs an idea and a slot length.",
            ),
        ]
        # The twilight page: its presenters, participants and waitlist, in order.
        indexes = [
            models.Index(fields=["twilight", "state", "created_at"], name="twilight_signup_q")
        ]

    def __str__(self) -> str:
        return f"{self.staff} at {self.twilight}: {self.get_role_display()}"

    def get_absolute_url(self) -> str:
        """A participant's place leads to "Which idea will you try?" once it is over; a
        presenter's, to the post-it their idea became (ideas/board's hook)."""
        if self.role == TwilightRole.PARTICIPANT and self.twilight.followed_up_at:
            return reverse("events:twilight_follow_up", kwargs={"pk": self.twilight_id})
        hook = network_post_its()
        if self.role == TwilightRole.PRESENTER and self.post_it_id and hook is not None:
            return hook.url_of(self.post_it_id)
        return f"{reverse('events:twilight_detail', kwargs={'pk': self.twilight_id})}#sign-up"

    @property
    def is_presenter(self) -> bool:
        return self.role == TwilightRole.PRESENTER


class TwilightDraw(models.Model):
    """One draw of a TeachMeet's running order; every draw is kept (the newest counts),
    so a redraw is on the record with who made it and when."""

    twilight = models.ForeignKey(Twilight, on_delete=models.CASCADE, related_name="draws")
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField()
    seed = models.CharField(max_length=64)
    # Presenters' sign-up ids in the order drawn.
    order = models.JSONField()

    spans_schools = True  # as its twilight

    class Meta:
        ordering = ["-drawn_at", "-pk"]

    def __str__(self) -> str:
        return f"Running order of {self.twilight}, drawn {self.drawn_at:%-d %b %Y %H:%M}"

    def get_absolute_url(self) -> str:
        return f"{self.twilight.get_absolute_url()}#running-order"


class TablePlan(models.Model):
    """The Speed Learning table plan (events.twilights.table_plan), made by the host."""

    twilight = models.OneToOneField(Twilight, on_delete=models.CASCADE, related_name="table_plan")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    made_at = models.DateTimeField()
    rounds = models.PositiveSmallIntegerField()
    # Presenters' sign-up ids, one per table (table 1 first).
    tables = models.JSONField()
    # {participant sign-up id: [table index in each round]}
    seats = models.JSONField()
    # What the plan scored (table_plan.score_of): higher is more new colleagues met.
    score = models.IntegerField()

    spans_schools = True  # as its twilight

    def __str__(self) -> str:
        return f"Table plan of {self.twilight}"

    def get_absolute_url(self) -> str:
        return reverse("events:twilight_table_plan", kwargs={"pk": self.twilight_id})
