"""The Idea of the Week board: post-it ideas, reactions with reflections, comments, picks."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from hub.follow_ups import FollowUpAnswer
from hub.models import Contribution, SchoolScopedQuerySet, celebrated_rows_index

__all__ = [
    "Comment",
    "Idea",
    "IdeaOfTheWeek",
    "PostItColour",
    "Reaction",
    "ReactionKind",
    "TaggedIdea",
]

TITLE_MAX = 80
NOTE_MAX = 500
REFLECTION_MAX = 300
COMMENT_MAX = 500
PICK_REASON_MAX = 200


class PostItColour(models.TextChoices):
    """Post-it colours; each keeps dark text at WCAG AA contrast (see board.css)."""

    YELLOW = "yellow", "Yellow"
    PINK = "pink", "Pink"
    BLUE = "blue", "Blue"
    GREEN = "green", "Green"
    ORANGE = "orange", "Orange"
    LILAC = "lilac", "Lilac"


class TaggedIdea(TaggedItemBase):
    """Ideas' own tag table, so suggestions can be scoped to one school with a join."""

    content_object = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE)


class Idea(Contribution):
    """One post-it on a school's board, in the week (Monday) it was posted."""

    title = models.CharField(max_length=TITLE_MAX)
    note = models.TextField(max_length=NOTE_MAX)
    tags = TaggableManager(blank=True, through=TaggedIdea, help_text="Separate with commas.")
    colour = models.CharField(
        max_length=10, choices=PostItColour.choices, default=PostItColour.YELLOW
    )
    week = models.DateField(help_text="Monday of the school week it was posted in.")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The board: one school's week of shared ideas, newest first.
            models.Index(fields=["school", "week", "status"], name="idea_board_week_idx"),
            # Home page's celebrations panel and the celebrations wall.
            celebrated_rows_index(),
            # Participation dashboard: a school's ideas in a date range. Without it
            # PostgreSQL ANDs the school and created_at indexes, reading every
            # school's ideas of the term (22,302 index entries for 30 rows at 500 schools).
            models.Index(fields=["school", "created_at"], name="idea_school_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="idea_title_not_empty"),
            models.CheckConstraint(condition=~Q(note=""), name="idea_note_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:idea_detail", args=[self.pk])

    # The queue shows an idea's tags with it.
    moderation_prefetch = ("tags",)

    def moderation_title(self) -> str:
        return self.title

    def moderation_body(self) -> str:
        return self.note


class ReactionKind(models.TextChoices):
    WILL_TRY = "will_try", "I’ll try this"
    TRIED = "tried", "I tried it"


class Reaction(Contribution):
    """ "I'll try this" or "I tried it" (with what happened), one of each per person."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="reactions")
    kind = models.CharField(max_length=10, choices=ReactionKind.choices)
    reflection = models.TextField(
        max_length=REFLECTION_MAX,
        blank=True,
        help_text="One or two sentences: what happened when you tried it.",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        # Home page's celebrations panel and the celebrations wall.
        indexes = [celebrated_rows_index()]
        constraints = [
            models.UniqueConstraint(
                fields=["idea", "author", "kind"], name="reaction_one_of_each_kind_per_person"
            ),
            models.CheckConstraint(
                condition=~Q(kind=ReactionKind.TRIED) | ~Q(reflection=""),
                name="reaction_tried_has_reflection",
                violation_error_message="Please add a sentence or two about what happened.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.idea_id}"

    moderation_related = ("idea",)

    def get_absolute_url(self) -> str:
        """The reflection itself; a bare "I'll try this" lands on the list of who will."""
        anchor = f"reaction-{self.pk}" if self.kind == ReactionKind.TRIED else "reactions"
        return f"{reverse('ideas:idea_detail', args=[self.idea_id])}#{anchor}"

    def moderation_title(self) -> str:
        """Costs a query unless `idea` was selected with it."""
        if self.kind == ReactionKind.WILL_TRY:
            return f"“I’ll try this” on “{self.idea.title}”"
        return f"Reflection on “{self.idea.title}”"

    def moderation_body(self) -> str:
        # A bare "I'll try this" has no words of its own: saying so beats an empty box
        # under a flag (the queue showed flagged ones with an empty body).
        if self.kind == ReactionKind.WILL_TRY and not self.reflection:
            return "Said “I’ll try this”, with no words of their own."
        return self.reflection


class Comment(Contribution):
    """A short comment on an idea; shown oldest first, newest last."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(max_length=COMMENT_MAX)

    class Meta:
        ordering = ["created_at", "pk"]
        # Home page's celebrations panel and the celebrations wall.
        indexes = [celebrated_rows_index()]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="comment_text_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    moderation_related = ("idea",)

    def get_absolute_url(self) -> str:
        return f"{reverse('ideas:idea_detail', args=[self.idea_id])}#comment-{self.pk}"

    def moderation_title(self) -> str:
        """Costs a query unless `idea` was selected with it."""
        return f"Comment on “{self.idea.title}”"

    def moderation_body(self) -> str:
        return self.text


class IdeaOfTheWeek(models.Model):
    """The one idea a moderator highlighted for a school's week; a new pick replaces it."""

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    week = models.DateField(help_text="Monday of the week.")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="picks")
    picked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField("why this idea", max_length=PICK_REASON_MAX, blank=True)
    picked_at = models.DateTimeField(default=timezone.now)

    objects = SchoolScopedQuerySet.as_manager()

    class Meta:
        verbose_name = "Idea of the Week"
        verbose_name_plural = "Ideas of the Week"
        ordering = ["-week"]
        constraints = [
            # Also the index for the board and archive: (school, week) lookups.
            models.UniqueConstraint(
                fields=["school", "week"], name="one_idea_of_the_week_per_school"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.week:%d %b %Y}: {self.idea_id}"


class FollowUp(models.Model):
    """One "How did it go?" to one person about one idea they said they would try.

    The row is the promise: never more than one nudge per idea per person (a unique
    constraint, so two job runners cannot both ask), and "didn't get to it" is kept.
    """

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follow_ups")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follow_ups"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    # Which job run asked: the run tells exactly the rows it created, never another run's.
    run = models.UUIDField(null=True, blank=True, editable=False)
    answer = models.CharField(
        max_length=10, choices=FollowUpAnswer.choices, default=FollowUpAnswer.WAITING, blank=True
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "person"], name="follow_up_once_per_idea"),
        ]
        # The job's claim step reads back one run's rows.
        indexes = [models.Index(fields=["run"], name="follow_up_run_idx")]

    def __str__(self) -> str:
        return f"How did it go? {self.person_id} on {self.idea_id}"
