"""Work-shadowing placements across a network: asks, offers, and the placement they agree.

A member of staff asks for a placement (a focus, phases, rough dates); a colleague at
another school of the network offers what they can host. When the two agree, both
schools' heads approve. Asks and offers are seen by the network's staff; a placement
by the two people, their schools' heads and, once approved, both schools' staff (it
is on the two people's profiles).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager

from hub.models.school import Network, Phase, School

FOCUS_MAX = 120
WHY_MAX = 600
DAYS_NOTE_MAX = 120
MAX_DAYS = 10
MAX_CAPACITY = 6

# Offered as suggestions beside the free-text focus (forms and the demo use them).
SUGGESTED_FOCUSES = (
    "Leading a phase",
    "SEND provision",
    "Cross-phase transition",
    "Behaviour and routines",
    "Early reading and phonics",
    "Adaptive teaching",
    "Pastoral care and safeguarding",
    "Leading a subject",
)


class NetworkShared(models.QuerySet):
    def in_network(self, network: Network) -> "NetworkShared":
        return self.filter(network_id=network.pk)

    def open(self) -> "NetworkShared":
        return self.filter(is_open=True)


class PlacementAsk(models.Model):
    """ "I would like to spend a day or two seeing how another school does this"."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="placement_asks")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placement_asks"
    )
    # The asker's school when they asked: the network lists it, scoping and heads use it.
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    focus = models.CharField(max_length=FOCUS_MAX)
    tags = TaggableManager(blank=True)
    # Phase values (hub.models.Phase) the asker would like to see.
    phases = models.JSONField(default=list, blank=True)
    cross_phase = models.BooleanField(
        "open to other phases",
        default=True,
        help_text="A school of another phase may suit you too (marked “cross-phase”).",
    )
    earliest = models.DateField("from")
    latest = models.DateField("until")
    days = models.PositiveSmallIntegerField("how many days", default=1)
    why = models.TextField("why", max_length=WHY_MAX)
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = NetworkShared.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A network's placements page: its open asks, newest first.
            models.Index(
                fields=["network", "is_open", "-created_at"], name="placement_ask_list_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latest__gte=F("earliest")), name="placement_ask_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(days__gte=1, days__lte=MAX_DAYS), name="placement_ask_days_in_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focus} ({self.staff})"

    def get_absolute_url(self) -> str:
        return reverse("hub:placement_ask", args=[self.network_id, self.pk])

    def phase_labels(self) -> list[str]:
        labels = dict(Phase.choices)
        return [labels[phase] for phase in self.phases if phase in labels]


class PlacementOffer(models.Model):
    """ "I can host a colleague who wants to see this"."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="placement_offers")
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="placement_offers"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    focus = models.CharField(max_length=FOCUS_MAX)
    tags = TaggableManager(blank=True)
    phase = models.CharField(max_length=20, choices=Phase.choices)
    available_from = models.DateField("free from")
    available_until = models.DateField("free until")
    days_note = models.CharField(
        "days that suit",
        max_length=DAYS_NOTE_MAX,
        blank=True,
        help_text="For example “Tuesdays and Thursdays”.",
    )
    capacity = models.PositiveSmallIntegerField(
        "colleagues you can host", default=1, help_text="One at a time, over the dates above."
    )
    is_open = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = NetworkShared.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A network's placements page and an ask's matches: its open offers.
            models.Index(
                fields=["network", "is_open", "-created_at"], name="placement_offer_list_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(available_until__gte=F("available_from")),
                name="placement_offer_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1, capacity__lte=MAX_CAPACITY),
                name="placement_offer_capacity_in_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.focus} at {self.school}"

    def get_absolute_url(self) -> str:
        return reverse("hub:placement_offer", args=[self.network_id, self.pk])


class PlacementState(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    AGREED = "agreed", "Agreed, waiting for the heads"
    APPROVED = "approved", "Approved"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


LIVE_STATES = (PlacementState.PROPOSED, PlacementState.AGREED, PlacementState.APPROVED)
# A placement that takes one of the offer's places.
HOLDS_A_PLACE = (PlacementState.AGREED, PlacementState.APPROVED)


class PlacementQuerySet(models.QuerySet):
    def visible_to(self, staff) -> "PlacementQuerySet":
        """The visitor and host; their schools' heads (hub.placements.access); once
        approved, both schools' staff, since it is on the two people's profiles."""
        if not staff.is_authenticated or staff.school_id is None:
            return self.none()
        schools = Q(visitor_school_id=staff.school_id) | Q(host_school_id=staff.school_id)
        seen = (
            Q(visitor_id=staff.pk)
            | Q(host_id=staff.pk)
            | (schools & Q(state=PlacementState.APPROVED))
        )
        if staff.manages_settings or staff.is_school_admin:
            seen |= schools
        return self.filter(seen)


class Placement(models.Model):
    """One ask matched with one offer: proposed by one side, agreed by the other, then
    approved by both heads. Every change is a conditional UPDATE on `state`
    (hub.placements.services), so two clicks or two people at once change it once."""

    ask = models.ForeignKey(PlacementAsk, on_delete=models.CASCADE, related_name="placements")
    offer = models.ForeignKey(PlacementOffer, on_delete=models.CASCADE, related_name="placements")
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="+")
    visitor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    host = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    visitor_school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    host_school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    starts_on = models.DateField("first day")
    days = models.PositiveSmallIntegerField(default=1)
    message = models.CharField(max_length=WHY_MAX, blank=True)
    cross_phase = models.BooleanField(default=False)
    state = models.CharField(
        max_length=12, choices=PlacementState.choices, default=PlacementState.PROPOSED
    )
    created_at = models.DateTimeField(default=timezone.now)
    agreed_at = models.DateTimeField(null=True, blank=True)
    visitor_head = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    visitor_head_at = models.DateTimeField(null=True, blank=True)
    host_head = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    host_head_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = PlacementQuerySet.as_manager()

    # Between two schools: one school's archive (hub.ops.backup) cannot hold it without
    # the other school's colleague and school, so it is in neither (asks and offers are).
    spans_schools = True

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # A head's pending approvals.
            models.Index(fields=["visitor_school", "state"], name="placement_visitor_school_idx"),
            models.Index(fields=["host_school", "state"], name="placement_host_school_idx"),
        ]
        constraints = [
            # A second click on "Propose" (or both sides proposing at once) makes one.
            models.UniqueConstraint(
                fields=["ask", "offer"],
                condition=Q(state__in=["proposed", "agreed", "approved"]),
                name="placement_one_live_per_match",
            ),
            models.CheckConstraint(
                condition=~Q(visitor=F("host")), name="placement_visitor_is_not_host"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.visitor} with {self.host} ({self.get_state_display()})"

    def get_absolute_url(self) -> str:
        return reverse("hub:placement", args=[self.pk])

    @property
    def is_live(self) -> bool:
        return self.state in LIVE_STATES
