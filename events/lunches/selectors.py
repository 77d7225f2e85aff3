"""Reads for lunch pages: each a fixed number of queries, whatever the numbers signed up."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone

from events.lunches.models import (
    MAX_INPUTS_PER_LUNCH,
    Input,
    Lunch,
    PlateKind,
    SignUp,
    SignUpState,
    Takeaway,
)
from hub.models import Status
from hub.registry import LearningEntry

LIVE = [SignUpState.CONFIRMED, SignUpState.WAITLISTED]


def lunches_for(staff) -> QuerySet:
    """This school's lunches with their head-counts and the viewer's own sign-up state."""
    mine = SignUp.objects.filter(lunch=OuterRef("pk"), staff=staff, state__in=LIVE)
    confirmed = Count("sign_ups", filter=Q(sign_ups__state=SignUpState.CONFIRMED))
    return Lunch.objects.visible_to(staff).annotate(
        confirmed_count=confirmed,
        free_places=F("capacity") - confirmed,
        waitlist_count=Count("sign_ups", filter=Q(sign_ups__state=SignUpState.WAITLISTED)),
        my_state=Subquery(mine.values("state")[:1]),
    )


def my_sign_up_states(staff, lunch_ids: list[int]) -> set[str]:
    """The `{% mine %}` keys of this person's live sign-ups to these lunches
    ("confirmed:12", "waitlisted:14"): one small query."""
    if not lunch_ids:
        return set()
    rows = SignUp.objects.filter(staff_id=staff.pk, lunch_id__in=lunch_ids, state__in=LIVE)
    return {f"{state}:{lunch_id}" for lunch_id, state in rows.values_list("lunch_id", "state")}


def archive_for(staff) -> QuerySet:
    return (
        Lunch.objects.visible_to(staff)
        .past()
        .annotate(
            input_count=Count("inputs", filter=Q(inputs__status=Status.PUBLISHED), distinct=True),
            takeaway_count=Count(
                "takeaways", filter=Q(takeaways__status=Status.PUBLISHED), distinct=True
            ),
        )
    )


def with_confirmed_inputs(lunches: QuerySet) -> QuerySet:
    confirmed = Input.objects.filter(status=Status.PUBLISHED).order_by("created_at")
    return lunches.prefetch_related(Prefetch("inputs", confirmed, to_attr="confirmed_inputs"))


def calendar_lunches_for(staff, *, since) -> QuerySet:
    """Lunches this person is coming to or presents at (2 queries with the inputs)."""
    coming = SignUp.objects.filter(staff=staff, state=SignUpState.CONFIRMED).values("lunch")
    presenting = Input.objects.filter(author=staff, status=Status.PUBLISHED).values("lunch")
    lunches = Lunch.objects.visible_to(staff).filter(
        Q(pk__in=coming) | Q(pk__in=presenting), ends_at__gte=since
    )
    return with_confirmed_inputs(lunches.order_by("starts_at"))


@dataclass
class Plates:
    counts: dict[str, int]
    labels: dict[str, str] = field(default_factory=lambda: dict(PlateKind.choices))

    @property
    def summary(self) -> list[tuple[str, str, int]]:
        return [(kind, self.labels[kind], self.counts.get(kind, 0)) for kind in PlateKind.values]

    @property
    def unsaid(self) -> int:
        return self.counts.get("", 0)


@dataclass
class LunchPage:
    lunch: Lunch
    inputs: list[Input]
    attendees: list[SignUp]
    waitlist: list[SignUp]
    my_sign_up: SignUp | None
    takeaways: list[Takeaway]
    live_input_count: int
    plates: Plates

    @property
    def free_places(self) -> int:
        return max(self.lunch.capacity - len(self.attendees), 0)

    @property
    def my_waitlist_position(self) -> int | None:
        for position, entry in enumerate(self.waitlist, start=1):
            if self.my_sign_up and entry.pk == self.my_sign_up.pk:
                return position
        return None

    @property
    def slots_left(self) -> int:
        return max(MAX_INPUTS_PER_LUNCH - self.live_input_count, 0)

    @property
    def presenter_ids(self) -> set[int]:
        return {item.author_id for item in self.inputs if item.status == Status.PUBLISHED}


def lunch_page(lunch: Lunch, viewer) -> LunchPage:
    """Everything the lunch page shows, in four queries."""
    inputs = list(
        Input.objects.visible_to(viewer)
        .filter(lunch=lunch)
        .exclude(status=Status.HIDDEN)
        .select_related("author")
        .order_by("created_at")
    )
    related = ["staff", "staff__dietary_needs"] if viewer.is_moderator else ["staff"]
    live = list(
        lunch.sign_ups.filter(state__in=LIVE).select_related(*related).order_by("created_at", "pk")
    )
    attendees = [entry for entry in live if entry.state == SignUpState.CONFIRMED]
    counts: dict[str, int] = {}
    for entry in attendees:
        counts[entry.plate_kind] = counts.get(entry.plate_kind, 0) + 1
    takeaways = list(
        Takeaway.objects.visible_to(viewer)
        .filter(lunch=lunch)
        .exclude(status=Status.HIDDEN)
        # follow_up: how it went, shown under the takeaway (a join, not a query each).
        .select_related("author", "follow_up")
    )
    return LunchPage(
        lunch=lunch,
        inputs=inputs,
        attendees=attendees,
        waitlist=[entry for entry in live if entry.state == SignUpState.WAITLISTED],
        my_sign_up=next((entry for entry in live if entry.staff_id == viewer.pk), None),
        takeaways=takeaways,
        live_input_count=lunch.inputs.filter(
            status__in=[Status.SUBMITTED, Status.PUBLISHED]
        ).count(),
        plates=Plates(counts=counts),
    )


DIGEST_LOOKAHEAD = timedelta(days=21)
DIGEST_LUNCHES = 3


def attendance_counts(school, start: datetime, end: datetime) -> dict[int, int]:
    """Lunches each person came to (a confirmed place at a lunch that has started): one query."""
    rows = (
        SignUp.objects.filter(
            lunch__school=school,
            state=SignUpState.CONFIRMED,
            lunch__starts_at__gte=start,
            lunch__starts_at__lt=min(end, timezone.now()),
        )
        .values("staff_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["staff_id"]: row["n"] for row in rows}


def upcoming_with_free_places(school, week_start: datetime, week_end: datetime) -> dict | None:
    """The digest's lunches: the next few after this week ends that still have room."""
    confirmed = Count("sign_ups", filter=Q(sign_ups__state=SignUpState.CONFIRMED))
    lunches = list(
        Lunch.objects.filter(
            school=school, starts_at__gte=week_end, starts_at__lt=week_end + DIGEST_LOOKAHEAD
        )
        .annotate(free_places=F("capacity") - confirmed)
        .filter(free_places__gt=0)
        .order_by("starts_at")[:DIGEST_LUNCHES]
    )
    return {"lunches": lunches} if lunches else None


def next_lunch_with_a_free_input_slot(staff, now: datetime | None = None) -> Lunch | None:
    """The soonest lunch not yet started whose three input slots are not all taken."""
    live = Count("inputs", filter=Q(inputs__status__in=[Status.SUBMITTED, Status.PUBLISHED]))
    return (
        Lunch.objects.visible_to(staff)
        .filter(starts_at__gt=now or timezone.now())
        .annotate(live_inputs=live)
        .filter(live_inputs__lt=MAX_INPUTS_PER_LUNCH)
        .order_by("starts_at", "pk")
        .first()
    )


def next_lunch_for_display(viewer, now: datetime) -> dict:
    """The staffroom screen's lunch: the next one with its places left, the plates
    said so far (what, never who or their dietary needs) and its shared inputs, as any
    colleague sees them; three queries."""
    confirmed = Count("sign_ups", filter=Q(sign_ups__state=SignUpState.CONFIRMED))
    lunch = (
        Lunch.objects.visible_to(viewer)
        .upcoming(now)
        .annotate(free_places=F("capacity") - confirmed)
        .order_by("starts_at", "pk")
        .first()
    )
    if lunch is None:
        return {"lunch": None}
    plates = list(
        lunch.sign_ups.filter(state=SignUpState.CONFIRMED)
        .exclude(plate="", plate_kind="")
        .order_by("created_at", "pk")
        .values("plate", "plate_kind")
    )
    counts: dict[str, int] = {}
    for plate in plates:
        counts[plate["plate_kind"]] = counts.get(plate["plate_kind"], 0) + 1
    inputs = list(
        Input.objects.visible_to(viewer)
        .filter(lunch=lunch, status=Status.PUBLISHED)
        .select_related("author")
        .order_by("created_at", "pk")
    )
    return {
        "lunch": lunch,
        "free_places": max(lunch.free_places, 0),
        "dishes": [plate["plate"] for plate in plates if plate["plate"]],
        "plates": Plates(counts=counts),
        "inputs": inputs,
    }


def _lunch_name(lunch: Lunch) -> str:
    return lunch.theme or f"the learning lunch on {lunch.date:%-d %B}"


def learning_entries(person, start: datetime, end: datetime) -> list[LearningEntry]:
    """My learning: lunches this person came to, presented at or took something from
    (three queries). A lunch counts from when it starts, as on the dashboard."""
    live = ~Q(status__in=(Status.DRAFT, Status.HIDDEN))
    attended = SignUp.objects.filter(
        staff_id=person.pk,
        state=SignUpState.CONFIRMED,
        lunch__starts_at__gte=start,
        lunch__starts_at__lt=min(end, timezone.now()),
    ).select_related("lunch")
    presented = Input.objects.filter(
        live, author_id=person.pk, lunch__starts_at__gte=start, lunch__starts_at__lt=end
    ).select_related("lunch")
    takeaways = Takeaway.objects.filter(
        live, author_id=person.pk, created_at__gte=start, created_at__lt=end
    ).select_related("lunch")
    entries = [
        LearningEntry(
            when=sign_up.lunch.starts_at,
            kind="lunch_attended",
            verb="Attended",
            title=_lunch_name(sign_up.lunch),
            url=sign_up.lunch.get_absolute_url(),
        )
        for sign_up in attended
    ]
    entries += [
        LearningEntry(
            when=item.lunch.starts_at,
            kind="lunch_presented",
            verb="Presented",
            title=item.title,
            after=(
                f"at the learning lunch “{item.lunch.theme}”"
                if item.lunch.theme
                else f"at the learning lunch on {item.lunch.date:%-d %B}"
            ),
            url=item.get_absolute_url(),
            reflection=item.summary,
        )
        for item in presented
    ]
    entries += [
        LearningEntry(
            when=takeaway.created_at,
            kind="lunch_takeaway",
            verb="Took away from",
            title=_lunch_name(takeaway.lunch),
            url=takeaway.get_absolute_url(),
            reflection=takeaway.text,
        )
        for takeaway in takeaways
    ]
    return entries


def schedule_lunch_for(viewer, topic: str) -> str | None:
    """A pulse topic as a new lunch's theme, for the moderators who schedule lunches."""
    if not viewer.is_moderator:
        return None
    return f"{reverse('events:schedule_lunch')}?{urlencode({'theme': topic})}"
