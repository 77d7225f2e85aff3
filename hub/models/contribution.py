"""The one base for every piece of staff content, and the one scoping rule."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Waiting for approval"
    PUBLISHED = "published", "Shared"
    RETURNED = "returned", "Returned with feedback"
    HIDDEN = "hidden", "Hidden by a moderator"


class Visibility(models.TextChoices):
    """Who may see a contribution beyond its school (the chooser: hub.networks.sharing)."""

    SCHOOL = "school", "Our school only"
    NETWORK = "network", "Schools in our networks"
    PUBLIC = "public", "Anyone signed in to Staffroom"


class ContributionQuerySet(models.QuerySet):
    def visible_to(self, staff) -> "ContributionQuerySet":
        """What this staff member may see; the one scoping rule for content.

        At their own school: everything shared, their own work in any state and,
        for moderators, everything but other people's drafts. Beyond it: only
        shared work that its author opened to the network or the public.
        """
        if not staff.is_authenticated or staff.school_id is None:
            return self.none()
        own_school = Q(status=Status.PUBLISHED) | Q(author_id=staff.pk)
        if staff.is_moderator:
            own_school |= ~Q(status=Status.DRAFT)
        from hub.models.school import School

        network_schools = School.objects.filter(networks__schools=staff.school_id).values("pk")
        shared = Q(status=Status.PUBLISHED) & (
            Q(visibility=Visibility.PUBLIC)
            | Q(visibility=Visibility.NETWORK, school_id__in=network_schools)
        )
        return self.filter((Q(school_id=staff.school_id) & own_school) | shared)

    def published(self) -> "ContributionQuerySet":
        return self.filter(status=Status.PUBLISHED)

    def awaiting_moderation(self) -> "ContributionQuerySet":
        return self.filter(status=Status.SUBMITTED)


def celebrated_rows_index() -> models.Index:
    """Every contribution model's Meta.indexes needs this one.

    The home page's celebrations panel and the celebrations wall
    (hub.leaders.selectors.celebrated_index) want the newest celebrated rows of every
    kind; without it PostgreSQL reads each whole table (EXPLAIN at 500 schools:
    Seq Scan on ideas_reply, 397,232 rows removed by filter). In the order the
    selector sorts by, so a scan can stop after a few rows; partial, so it stays small.
    """
    return models.Index(
        fields=["-celebrated_at", "-id"],
        name="%(app_label)s_%(class)s_celeb",
        condition=Q(celebrated_at__isnull=False),
    )


class Contribution(models.Model):
    """Abstract base: author, school, moderation state, visibility, celebration.

    State changes go through `hub.moderation`, never by assigning `status`.
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="%(app_label)s_%(class)s_set",
    )
    school = models.ForeignKey(
        "hub.School", on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_set"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PUBLISHED)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.SCHOOL
    )
    moderation_note = models.CharField(
        max_length=500,
        blank=True,
        help_text="Why a moderator hid or returned it; its author sees this.",
    )
    # Bumped by every transition: a moderator acting on a stale page is refused.
    version = models.PositiveIntegerField(default=1)
    celebrated_at = models.DateTimeField(null=True, blank=True)
    celebration_note = models.CharField(max_length=280, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContributionQuerySet.as_manager()

    # Relations that moderation_title()/moderation_body() read, so that pages
    # listing many kinds (queue, audit, wall) load them with one join per kind.
    moderation_related: tuple[str, ...] = ()
    # Many-to-many relations credited_people() reads (a scrapbook article's co-authors),
    # prefetched by the pages that credit many contributions at once (the wall).
    credit_prefetch: tuple[str, ...] = ()
    # Many-valued relations the moderation queue shows in full (an article's photos and
    # co-authors): prefetched, one query per relation for a whole page of the queue.
    moderation_prefetch: tuple[str, ...] = ()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def is_celebrated(self) -> bool:
        return self.celebrated_at is not None

    def credited_people(self) -> list:
        """Everyone credited for this work, the author first (co-authors where a kind has them)."""
        return [self.author]

    def moderation_title(self) -> str:
        """One line naming this contribution in the moderation queue and audit log."""
        return str(self)

    def moderation_body(self) -> str:
        """The full text a moderator reads before acting."""
        return ""

    def moderation_body_html(self) -> SafeString:
        """That text as pages show it (the wall, the queue): escaped, in paragraphs. A
        kind written in Markdown renders it as its own pages do."""
        # linebreaks escapes the text itself (autoescape) but returns a plain str.
        return mark_safe(linebreaks(self.moderation_body(), autoescape=True))  # noqa: S308

    @classmethod
    def initial_status(cls, school) -> str:
        """Shared at once, or waiting for approval in a pre-moderation school."""
        return Status.SUBMITTED if school.premoderated else Status.PUBLISHED
