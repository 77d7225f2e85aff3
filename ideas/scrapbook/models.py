"""Scrapbook models: one-page articles, their photos, editions and their exports."""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from taggit.managers import TaggableManager

from hub.models import (
    Contribution,
    RandomName,
    SchoolScopedQuerySet,
    Status,
    celebrated_rows_index,
)

__all__ = [
    "Article",
    "ArticleImage",
    "ArticlePhase",
    "Edition",
    "EditionArticle",
    "EditionExport",
    "ExportFormat",
    "ExportStatus",
    "word_budget",
    "MAX_IMAGES_PER_ARTICLE",
]

MAX_IMAGES_PER_ARTICLE = 3
# One A4 page with its title, byline and context line holds about this many words
# of body text at 10 pt. Photos share one row across the page: the row takes the
# room of about 170 words and each photo's caption about 10 more. The export tests
# check that an article at its budget prints on exactly one page.
WORDS_PER_PAGE = 450
PHOTO_ROW_WORDS = 170
CAPTION_WORDS = 10
SECTION_MAX_CHARS = 3500
# The written sections of an article: (heading, Markdown source field). Each source
# has its sanitised HTML stored beside it, in "<field>_html", made when it is saved.
ARTICLE_SECTIONS = (
    ("What I did", "what_i_did"),
    ("What happened", "what_happened"),
    ("Try it yourself", "try_it_yourself"),
)


def word_budget(image_count: int) -> int:
    """How many words of body text fit on one printed page beside this many photos."""
    if image_count == 0:
        return WORDS_PER_PAGE
    return WORDS_PER_PAGE - PHOTO_ROW_WORDS - CAPTION_WORDS * image_count


class ArticlePhase(models.TextChoices):
    EYFS = "eyfs", "Early years (EYFS)"
    KS1 = "ks1", "Key Stage 1"
    KS2 = "ks2", "Key Stage 2"
    KS3 = "ks3", "Key Stage 3"
    KS4 = "ks4", "Key Stage 4"
    POST16 = "post16", "Post-16"
    WHOLE_SCHOOL = "whole_school", "Whole school"


class Article(Contribution):
    """A one-page article about something its author did; starts as a draft."""

    title = models.CharField(max_length=120)
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="co-authors",
        blank=True,
        related_name="co_authored_articles",
    )
    phase = models.CharField(max_length=20, choices=ArticlePhase.choices, blank=True)
    year_group = models.CharField("year group or class", max_length=60, blank=True)
    subject_or_area = models.CharField(
        "subject or area",
        max_length=80,
        blank=True,
        help_text="A subject, or an area such as the lunch hall, library or reading support.",
    )
    what_i_did = models.TextField("what I did", max_length=SECTION_MAX_CHARS)
    what_happened = models.TextField("what happened", max_length=SECTION_MAX_CHARS, blank=True)
    try_it_yourself = models.TextField("try it yourself", max_length=SECTION_MAX_CHARS, blank=True)
    # The three sections as sanitised HTML (nh3), rendered once when saved rather than on
    # every page view and export: see render_sections().
    what_i_did_html = models.TextField(blank=True, editable=False)
    what_happened_html = models.TextField(blank=True, editable=False)
    try_it_yourself_html = models.TextField(blank=True, editable=False)
    tags = TaggableManager(blank=True)

    credit_prefetch = ("co_authors",)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The scrapbook page and edition picker: a school's approved articles, newest first.
            models.Index(fields=["school", "status", "-created_at"], name="article_school_status"),
            celebrated_rows_index(),
        ]

    # The queue shows an article in full: its photos (and who confirmed consent) and co-authors.
    moderation_prefetch = ("images__consent_confirmed_by", "co_authors")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.render_sections()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and any(f in update_fields for f in SECTION_FIELDS):
            kwargs["update_fields"] = {*update_fields, *HTML_FIELDS}
        super().save(*args, **kwargs)

    def render_sections(self) -> None:
        """Fill the stored HTML from the Markdown sources. save() calls it; code that writes
        sources without save() (bulk_create, update()) must call it and write HTML_FIELDS."""
        from ideas.scrapbook.export.markdown import render_markdown

        for field in SECTION_FIELDS:
            setattr(self, f"{field}_html", str(render_markdown(getattr(self, field))))

    def sections(self) -> list[tuple[str, SafeString]]:
        """The written sections as (heading, sanitised HTML), empty ones left out."""
        return [
            (label, mark_safe(getattr(self, f"{field}_html")))  # noqa: S308 — nh3-cleaned at save
            for label, field in ARTICLE_SECTIONS
            if getattr(self, field).strip()
        ]

    def get_absolute_url(self) -> str:
        return reverse("ideas:article_detail", kwargs={"pk": self.pk})

    def credited_people(self) -> list:
        """The author and co-authors (reads co_authors: prefetch it for lists)."""
        return [self.author, *self.co_authors.all()]

    def moderation_title(self) -> str:
        return f"Scrapbook article: {self.title}"

    def moderation_body(self) -> str:
        return "\n\n".join(
            part for part in (self.what_i_did, self.what_happened, self.try_it_yourself) if part
        )

    def moderation_body_html(self) -> SafeString:
        return mark_safe("".join(html for _, html in self.sections()))  # noqa: S308 — as above

    @property
    def is_editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED)

    def word_count(self) -> int:
        from ideas.scrapbook.export.markdown import count_words

        return sum(
            count_words(part)
            for part in (self.what_i_did, self.what_happened, self.try_it_yourself)
        )

    def context_line(self) -> str:
        parts = [self.get_phase_display(), self.year_group, self.subject_or_area]
        return " · ".join(part for part in parts if part)


SECTION_FIELDS = tuple(field for _, field in ARTICLE_SECTIONS)
HTML_FIELDS = tuple(f"{field}_html" for field in SECTION_FIELDS)


class ArticleImageQuerySet(models.QuerySet):
    def exportable(self) -> "ArticleImageQuerySet":
        """Images that may be printed: pupils in shot only with photo consent confirmed."""
        return self.filter(Q(shows_pupils=False) | Q(consent_confirmed=True))


class ArticleImage(models.Model):
    """A cleaned photo (no metadata, ≤ 2,000 px) and a print-sized copy for exports."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="images")
    image = models.FileField(upload_to=RandomName("scrapbook/articles/%Y/%m/"))
    print_image = models.FileField(upload_to=RandomName("scrapbook/print/%Y/%m/"))
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    caption = models.CharField(max_length=200, blank=True)
    alt_text = models.CharField(
        "alt text",
        max_length=250,
        help_text="Describe the photo for someone who cannot see it.",
    )
    shows_pupils = models.BooleanField("this photo shows pupils", default=False)
    consent_confirmed = models.BooleanField(default=False)
    consent_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    consent_confirmed_at = models.DateTimeField(null=True, blank=True)
    # The school's consent may cover its own staff and scrapbook only: a photo of pupils
    # leaves the school (an article shared to the network or wider) only when the
    # uploader recorded that the consent covers that too.
    consent_beyond_school = models.BooleanField(
        "the consent covers sharing beyond our school", default=False
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ArticleImageQuerySet.as_manager()
    # Whose upload the photo is, for "Download my data" (hub.people.personal_data).
    personal_data_owner = "article__author"

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(shows_pupils=False) | Q(consent_confirmed=True),
                name="article_image_pupils_need_consent",
            ),
            models.CheckConstraint(condition=~Q(alt_text=""), name="article_image_alt_text"),
        ]

    def __str__(self) -> str:
        return self.caption or self.alt_text


class EditionQuerySet(SchoolScopedQuerySet):
    def visible_to(self, staff) -> "EditionQuerySet":
        """Staff see their school's shared editions; editors also see those in preparation."""
        scoped = super().visible_to(staff)
        if staff.is_authenticated and (staff.is_moderator or staff.is_school_admin):
            return scoped
        return scoped.filter(is_published=True)


class Edition(models.Model):
    """A collation of approved articles, celebrated and exported print-ready."""

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="editions")
    title = models.CharField(max_length=120, help_text="For example “Autumn term 2026”.")
    foreword = models.TextField(max_length=2000, blank=True)
    cover_image = models.FileField(upload_to=RandomName("scrapbook/covers/%Y/"), blank=True)
    cover_alt_text = models.CharField(max_length=250, blank=True)
    is_published = models.BooleanField(
        "share with all staff", default=False, help_text="Everyone at school can read it online."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    articles = models.ManyToManyField(Article, through="EditionArticle", related_name="editions")
    # Bumped whenever the edition or its list of articles changes; exports remember it.
    content_version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EditionQuerySet.as_manager()
    # The cover photo is its editor's upload, for "Download my data".
    personal_data_owner = "created_by"

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:edition_detail", kwargs={"pk": self.pk})

    def fingerprint(self) -> str:
        """What an export must match to be current (one query).

        Covers the edition's own changes (content_version) and its articles'
        (an article hidden or edited since changes its updated_at or status).
        """
        summary = EditionArticle.objects.filter(edition=self).aggregate(
            latest=Max("article__updated_at"),
            shared=Count("pk", filter=Q(article__status=Status.PUBLISHED)),
            images=Max("article__images__pk"),
        )
        raw = f"{self.content_version}|{summary['latest']}|{summary['shared']}|{summary['images']}"
        return hashlib.sha256(raw.encode()).hexdigest()[:32]


class EditionArticle(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="entries")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="edition_entries")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "article"], name="edition_article_once"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.article_id}"


class ExportFormat(models.TextChoices):
    PDF = "pdf", "Print-ready PDF"
    DOCX = "docx", "Word document (.docx)"
    CSV = "csv", "Spreadsheet of articles (.csv)"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being made"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


class EditionExport(models.Model):
    """One made (or being made) file of an edition, for one version of its content."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="exports")
    format = models.CharField(max_length=8, choices=ExportFormat.choices)
    status = models.CharField(
        max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=RandomName("scrapbook/exports/"), blank=True, max_length=200)
    error = models.CharField(max_length=500, blank=True)
    # The task run making it: only that run may take it up again if its worker dies.
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    made_for_version = models.CharField(max_length=64)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    # Made from everyone's articles, not anyone's upload: "Download my data" lists the
    # exports a person asked for, without the files.
    personal_data_owner = None

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            # Two clicks (or two admins) at once make one job, not two.
            models.UniqueConstraint(
                fields=["edition", "format", "made_for_version"], name="edition_export_once"
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="edition_export_progress_percent"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.edition} ({self.format})"

    @property
    def is_live(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def filename(self) -> str:
        from django.utils.text import slugify

        return f"{slugify(self.edition.title) or 'scrapbook'}.{self.format}"
