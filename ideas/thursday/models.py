"""Thinking Thursday: the rota of question posers, questions, replies and "builds on this"."""

from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from taggit.managers import TaggableManager

from hub.models import Contribution, SchoolScopedQuerySet, celebrated_rows_index

__all__ = [
    "BuildsOn",
    "Closure",
    "Question",
    "Reply",
    "RotaOptOut",
    "RotaTurn",
    "TurnState",
    "SwapState",
    "TurnSwap",
    "QUESTION_MAX",
    "CONTEXT_MAX",
    "REPLY_MAX",
    "SUMMARY_MAX",
    "PUBLISH_TIME",
    "REPLIES_OPEN_FOR",
    "EDIT_WINDOW",
]

QUESTION_MAX = 280
CONTEXT_MAX = 1000
REPLY_MAX = 1000
SUMMARY_MAX = 1000
REASON_MAX = 200
THURSDAY = 3
# Questions appear on the noticeboard at 07:00 school time on their Thursday.
PUBLISH_TIME = time(7, 0)
REPLIES_OPEN_FOR = timedelta(days=7)
# A poser may fix a typo soon after publication, not rewrite a discussed question.
EDIT_WINDOW = timedelta(hours=1)


class Closure(models.Model):
    """A spell the school is closed (a holiday, an INSET day): no Thursday turn falls in it.

    One row per holiday ("Christmas holiday, 21 Dec – 2 Jan"), not one per day.
    """

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    first_day = models.DateField()
    last_day = models.DateField()
    reason = models.CharField(max_length=REASON_MAX, blank=True)

    objects = SchoolScopedQuerySet.as_manager()

    class Meta:
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")), name="closure_ends_after_it_starts"
            )
        ]
        indexes = [
            # The closures page and the rota's holiday weeks: a school's closures still ahead.
            models.Index(fields=["school", "last_day"], name="closure_school_last_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reason or 'Closed'}, {self.span_label()}"

    def span_label(self) -> str:
        """ "Fri 2 Jan 2027", or "21 Dec – 2 Jan 2027" (both years when they differ)."""
        first, last = self.first_day, self.last_day
        if first == last:
            return f"{first:%a %-d %b %Y}"
        start = f"{first:%-d %b}" if first.year == last.year else f"{first:%-d %b %Y}"
        return f"{start} – {last:%-d %b %Y}"

    @property
    def day_count(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def days(self) -> list[date]:
        return [self.first_day + timedelta(days=n) for n in range(self.day_count)]

    def thursdays(self) -> list[date]:
        return [day for day in self.days() if day.weekday() == THURSDAY]


class RotaOptOut(models.Model):
    """A colleague who is not to pose a question for now; rota generation leaves them out."""

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=REASON_MAX, blank=True)
    # Colleagues may step out themselves (no reason needed) or a moderator may do it.
    chosen_by_self = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SchoolScopedQuerySet.as_manager()

    class Meta:
        ordering = ["staff__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "staff"], name="rota_opt_out_once")
        ]

    def __str__(self) -> str:
        return f"{self.staff} opted out: {self.reason}"


class TurnState(models.TextChoices):
    PLANNED = "planned", "Planned"
    SKIPPED = "skipped", "Skipped"
    DONE = "done", "Question written"


class RotaTurnQuerySet(SchoolScopedQuerySet):
    def counting_for_fairness(self) -> "RotaTurnQuerySet":
        """Turns that count as "had a turn": a skipped turn was not one."""
        return self.exclude(state=TurnState.SKIPPED)


class RotaTurn(models.Model):
    """One Thursday and the colleague who poses that week's question."""

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    date = models.DateField(help_text="The Thursday the question appears.")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="thursday_turns"
    )
    state = models.CharField(max_length=10, choices=TurnState.choices, default=TurnState.PLANNED)
    skip_reason = models.CharField(max_length=REASON_MAX, blank=True)
    swapped_from = models.CharField(
        max_length=200, blank=True, help_text="Who had this turn before a swap."
    )
    # Set when the Monday reminder was sent / the missed turn flagged, so a
    # periodic job that runs every minute tells people once.
    reminded_at = models.DateTimeField(null=True, blank=True)
    missed_flagged_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RotaTurnQuerySet.as_manager()

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["school", "date"], name="rota_turn_one_per_thursday"),
            models.CheckConstraint(
                condition=~Q(state="skipped") | ~Q(skip_reason=""),
                name="rota_turn_skip_needs_reason",
            ),
        ]
        indexes = [
            # Fairness counts and "your next turn": a person's turns by date.
            models.Index(fields=["staff", "date"], name="rota_turn_staff_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%-d %b %Y}: {self.staff}"

    def get_absolute_url(self) -> str:
        return f"{reverse('ideas:rota')}#turn-{self.pk}"

    def publish_moment(self) -> datetime:
        """Thursday 07:00 in the school's time zone (aware; stored as UTC)."""
        return datetime.combine(self.date, PUBLISH_TIME, tzinfo=self.school.zone)


class SwapState(models.TextChoices):
    PENDING = "pending", "Waiting for an answer"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    CANCELLED = "cancelled", "Withdrawn"
    EXPIRED = "expired", "Expired"


class TurnSwap(models.Model):
    """A request to exchange Thursdays: the colleague asked accepts or declines it.

    `first_*` is the colleague who asked (and their turn), `second_*` the one asked.
    Nothing moves until it is accepted; a request not answered by `expires_at`
    does nothing.
    """

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    first_turn = models.ForeignKey(RotaTurn, on_delete=models.CASCADE, related_name="+")
    second_turn = models.ForeignKey(RotaTurn, on_delete=models.CASCADE, related_name="+")
    first_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    second_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=10, choices=SwapState.choices, default=SwapState.PENDING)
    expires_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SchoolScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # One open request per turn: a second would race the first for the same Thursday.
            models.UniqueConstraint(
                fields=["first_turn"],
                condition=Q(state="pending"),
                name="turn_swap_one_open_request_per_turn",
            ),
        ]
        indexes = [
            # The rota page's "swap requests" box: open requests to or from a person.
            models.Index(fields=["second_staff", "state"], name="turn_swap_asked_idx"),
            models.Index(fields=["first_staff", "state"], name="turn_swap_asker_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.first_staff} ⇄ {self.second_staff} ({self.state})"

    def get_absolute_url(self) -> str:
        return reverse("ideas:swap_request", kwargs={"pk": self.pk})

    def expiry_label(self) -> str:
        """When it lapses, in the school's time: "the end of Wednesday 2 December" at midnight."""
        if self.expires_at is None:
            return ""
        local = self.expires_at.astimezone(self.school.zone)
        if local.time() == time(0, 0):
            return f"the end of {local - timedelta(minutes=1):%A %-d %B}"
        return f"{local:%A %-d %B}, {local:%H:%M}"

    def state_at(self, moment: datetime) -> str:
        """The state as it stands at `moment`: an unanswered request past its time has expired."""
        if self.state == SwapState.PENDING and self.expires_at and self.expires_at <= moment:
            return SwapState.EXPIRED
        return self.state


class Question(Contribution):
    """A Thinking Thursday question; colleagues see it from `publish_at`."""

    turn = models.ForeignKey(
        RotaTurn, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions"
    )
    text = models.CharField("question", max_length=QUESTION_MAX)
    context = models.TextField(max_length=CONTEXT_MAX, blank=True)
    link = models.URLField(max_length=500, blank=True)
    tags = TaggableManager(blank=True)
    publish_at = models.DateTimeField()
    allow_anonymous = models.BooleanField(
        "allow anonymous replies",
        default=False,
        help_text="Colleagues see “a colleague”; moderators still see who wrote it.",
    )
    summary = models.TextField(max_length=SUMMARY_MAX, blank=True)
    summarised_at = models.DateTimeField(null=True, blank=True)
    summary_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-publish_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["turn"], condition=Q(turn__isnull=False), name="question_one_per_turn"
            )
        ]
        indexes = [
            # Thinking Thursday page and archive: a school's questions, newest first.
            models.Index(fields=["school", "-publish_at"], name="question_school_publish_idx"),
            # Home page's celebrations panel and the celebrations wall.
            celebrated_rows_index(),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        return reverse("ideas:question_detail", args=[self.pk])

    def moderation_title(self) -> str:
        return f"Thinking Thursday: {self.text}"

    def moderation_body(self) -> str:
        return "\n\n".join(part for part in (self.text, self.context, self.link) if part)

    @property
    def replies_close_at(self) -> datetime:
        return self.publish_at + REPLIES_OPEN_FOR

    def is_live(self, now: datetime) -> bool:
        return self.is_published and self.publish_at <= now

    def replies_open(self, now: datetime) -> bool:
        return self.is_live(now) and now < self.replies_close_at

    def editable_until(self) -> datetime:
        return self.publish_at + EDIT_WINDOW


class Reply(Contribution):
    """A colleague's answer to a question, or to another reply (one level deep)."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="replies")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    text = models.TextField("reply", max_length=REPLY_MAX)
    is_anonymous = models.BooleanField("reply anonymously", default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "replies"
        indexes = [
            # Question page: a question's replies in order, top-level first.
            models.Index(fields=["question", "parent", "created_at"], name="reply_question_idx"),
            # Home page's celebrations panel and the celebrations wall.
            celebrated_rows_index(),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    # The queue shows the question and, for a reply to a reply, the one it answers.
    moderation_related = ("question", "parent")

    def get_absolute_url(self) -> str:
        return f"{reverse('ideas:question_detail', args=[self.question_id])}#reply-{self.pk}"

    def moderation_title(self) -> str:
        return f"Reply to “{self.question.text[:80]}”"

    def moderation_body(self) -> str:
        return self.text

    def author_name_for(self, viewer) -> str:
        """What `viewer` sees as the author: anonymity holds except for moderators."""
        if not self.is_anonymous:
            return self.author.name
        if viewer.pk == self.author_id:
            # Without this the writer sees their own name and thinks anonymity failed.
            return f"{self.author.name} (posted anonymously: colleagues see “a colleague”)"
        if viewer.is_moderator and viewer.school_id == self.school_id:
            return f"a colleague ({self.author.name}, shown to moderators only)"
        return "a colleague"


class BuildsOn(models.Model):
    """A colleague's mark that a reply moved their thinking on."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="builds_on")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reply", "staff"], name="builds_on_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.staff} builds on reply {self.reply_id}"
