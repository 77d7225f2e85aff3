"""Writes for the scrapbook: articles, their photos, editions and export requests."""

import uuid
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from hub import moderation
from hub.content import school_changed
from hub.lib.images import CleanImage, print_rendition
from hub.models import NoticeKind, Status, Visibility
from hub.networks.sharing import checked_visibility
from hub.notifications import notify
from ideas.scrapbook.models import (
    HTML_FIELDS,
    MAX_IMAGES_PER_ARTICLE,
    Article,
    ArticleImage,
    Edition,
    EditionArticle,
    EditionExport,
    ExportStatus,
    word_budget,
)

STUCK_AFTER = timedelta(minutes=15)
ARTICLE_FIELDS = (
    "title",
    "phase",
    "year_group",
    "subject_or_area",
    "what_i_did",
    "what_happened",
    "try_it_yourself",
)


def can_edit_editions(staff) -> bool:
    """Moderators and school admins both assemble and export editions."""
    return bool(
        staff.is_authenticated
        and staff.is_active
        and staff.school_id
        and (staff.is_moderator or staff.is_school_admin)
    )


def require_edition_editor(staff) -> None:
    if not can_edit_editions(staff):
        raise PermissionDenied("Editions are made by your school's moderators and admins.")


def _check_co_authors(*, author, co_authors) -> None:
    if any(person.school_id != author.school_id or person.pk == author.pk for person in co_authors):
        raise ValidationError({"co_authors": "Co-authors must be other colleagues at your school."})


PUPILS_STAY_IN_SCHOOL = (
    "A photo in this article shows pupils, and the consent recorded for it covers our "
    "school only. Keep the article in school, or remove that photo first."
)
PHOTO_NEEDS_WIDER_CONSENT = (
    "This article is shared beyond your school. Confirm the consent covers that too, "
    "or choose a photo without pupils."
)


def pupils_kept_in_school(article: Article) -> bool:
    """Whether a photo of pupils in it may not leave the school (one query)."""
    if article.pk is None:
        return False
    return article.images.filter(shows_pupils=True, consent_beyond_school=False).exists()


def _checked_article_visibility(article: Article, visibility: str | None) -> str:
    visibility = checked_visibility(article.school, visibility or article.visibility)
    if visibility != Visibility.SCHOOL and pupils_kept_in_school(article):
        raise ValidationError({"visibility": PUPILS_STAY_IN_SCHOOL})
    return visibility


def article_create(
    *, author, co_authors=(), tags=(), visibility: str = Visibility.SCHOOL, **fields
) -> Article:
    """A new draft article; nothing is shared until its author submits it."""
    article = Article(author=author, school=author.school, status=Status.DRAFT)
    article.visibility = _checked_article_visibility(article, visibility)
    for name in ARTICLE_FIELDS:
        setattr(article, name, fields.get(name, ""))
    _check_co_authors(author=author, co_authors=co_authors)
    article.full_clean()
    with transaction.atomic():
        article.save()
        article.co_authors.set(co_authors)
        article.tags.set(list(tags))
        school_changed(article.school_id)
    return article


def article_update(
    *, article: Article, editor, co_authors=(), tags=(), visibility: str | None = None, **fields
) -> Article:
    """`visibility` None keeps who may see it."""
    if editor.pk != article.author_id:
        raise PermissionDenied("Only the author can change this article.")
    if not article.is_editable:
        raise ValidationError(
            "This article has been submitted. A moderator can return it to you for changes."
        )
    for name in ARTICLE_FIELDS:
        if name in fields:
            setattr(article, name, fields[name])
    _check_co_authors(author=editor, co_authors=co_authors)
    article.visibility = _checked_article_visibility(article, visibility)
    article.full_clean()
    article.render_sections()
    written = {
        name: getattr(article, name) for name in (*ARTICLE_FIELDS, *HTML_FIELDS, "visibility")
    }
    with transaction.atomic():
        # Only while still editable: a moderator may have acted since the page loaded.
        updated = Article.objects.filter(
            pk=article.pk, status__in=(Status.DRAFT, Status.RETURNED)
        ).update(**written, updated_at=timezone.now())
        if not updated:
            raise ValidationError("This article was submitted or changed meanwhile. Reload it.")
        article.co_authors.set(co_authors)
        article.tags.set(list(tags))
        school_changed(article.school_id)
    return article


def article_submit(*, article: Article, author) -> Article:
    """Send a draft (or a returned article) to the moderators, if it fits one page."""
    images = article.images.count()
    words = article.word_count()
    if words > word_budget(images):
        raise ValidationError(
            f"Your article has {words} words; one page holds about {word_budget(images)} "
            f"with {images} photo{'s' if images != 1 else ''}. Please shorten it before submitting."
        )
    try:
        return moderation.transition(article, action="submit", actor=author)
    except moderation.TransitionRefused as refusal:
        raise ValidationError(str(refusal)) from None


def image_add(
    *,
    article: Article,
    uploader,
    clean: CleanImage,
    alt_text: str,
    caption: str = "",
    shows_pupils: bool = False,
    consent_confirmed: bool = False,
    consent_beyond_school: bool = False,
) -> ArticleImage:
    """Attach an already-cleaned photo, with its print-sized copy; at most three per article."""
    if uploader.pk != article.author_id:
        raise PermissionDenied("Only the author can add photos.")
    if shows_pupils and not consent_confirmed:
        raise ValidationError(
            {"consent_confirmed": "Please confirm that the school's photo consent covers them."}
        )
    printable = print_rendition(clean)
    name = uuid.uuid4().hex
    image = ArticleImage(
        article=article,
        caption=caption,
        alt_text=alt_text.strip(),
        width=clean.width,
        height=clean.height,
        shows_pupils=shows_pupils,
        consent_confirmed=shows_pupils and consent_confirmed,
        consent_confirmed_by=uploader if shows_pupils else None,
        consent_confirmed_at=timezone.now() if shows_pupils else None,
        consent_beyond_school=shows_pupils and consent_confirmed and consent_beyond_school,
    )
    with transaction.atomic():
        # Lock the article so two uploads at once cannot make a fourth photo.
        locked = Article.objects.select_for_update().get(pk=article.pk)
        if not locked.is_editable:
            raise ValidationError("This article has been submitted; photos can't change now.")
        if (
            shows_pupils
            and not image.consent_beyond_school
            and locked.visibility != Visibility.SCHOOL
        ):
            raise ValidationError({"consent_beyond_school": PHOTO_NEEDS_WIDER_CONSENT})
        last = locked.images.aggregate(last=Max("position"))["last"]
        if locked.images.count() >= MAX_IMAGES_PER_ARTICLE:
            raise ValidationError(f"An article can have at most {MAX_IMAGES_PER_ARTICLE} photos.")
        image.position = (last or 0) + 1
        image.image.save(f"{name}.{clean.extension}", ContentFile(clean.content), save=False)
        image.print_image.save(f"{name}.jpg", ContentFile(printable.content), save=False)
        image.full_clean()
        image.save()
        Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
        school_changed(article.school_id)
    return image


def article_delete(*, article: Article, actor) -> None:
    """Delete a draft or returned article with its photos; shared ones stay for editions."""
    if actor.pk != article.author_id:
        raise PermissionDenied("Only the author can delete this article.")
    if not article.is_editable:
        raise ValidationError("Only drafts and returned articles can be deleted.")
    files = [f for image in article.images.all() for f in (image.image, image.print_image)]
    with transaction.atomic():
        article.delete()
        school_changed(article.school_id)
        transaction.on_commit(lambda: [f.delete(save=False) for f in files])


def edition_delete(*, edition: Edition, editor) -> None:
    """Delete an edition and its exported files; the articles themselves stay."""
    require_edition_editor(editor)
    files = [export.file for export in edition.exports.all() if export.file]
    if edition.cover_image:
        files.append(edition.cover_image)
    with transaction.atomic():
        edition.delete()
        school_changed(edition.school_id)
        transaction.on_commit(lambda: [f.delete(save=False) for f in files])


def image_delete(*, image: ArticleImage, actor) -> None:
    article = image.article
    if actor.pk != article.author_id:
        raise PermissionDenied("Only the author can remove photos.")
    if not article.is_editable:
        raise ValidationError("This article has been submitted; photos can't change now.")
    files = [image.image, image.print_image]
    with transaction.atomic():
        image.delete()
        Article.objects.filter(pk=article.pk).update(updated_at=timezone.now())
        school_changed(article.school_id)
        transaction.on_commit(lambda: [f.delete(save=False) for f in files])


def _bump(edition: Edition) -> None:
    Edition.objects.filter(pk=edition.pk).update(
        content_version=F("content_version") + 1, updated_at=timezone.now()
    )
    edition.refresh_from_db(fields=["content_version", "updated_at"])
    school_changed(edition.school_id)


def edition_save(*, edition: Edition, editor, cover: CleanImage | None = None) -> Edition:
    """Create or change an edition's own details (title, foreword, cover)."""
    require_edition_editor(editor)
    if edition._state.adding:
        edition.school = editor.school
        edition.created_by = editor
    elif edition.school_id != editor.school_id:
        raise PermissionDenied("That edition belongs to another school.")
    was_published = (
        not edition._state.adding
        and Edition.objects.filter(pk=edition.pk, is_published=True).exists()
    )
    with transaction.atomic():
        if cover is not None:
            edition.cover_image.save(
                f"{uuid.uuid4().hex}.{cover.extension}", ContentFile(cover.content), save=False
            )
        edition.full_clean()
        edition.save()
        _bump(edition)
        if edition.is_published and not was_published:
            _celebrate_authors(edition)
    return edition


def _celebrate_authors(edition: Edition) -> None:
    """Tell each author and co-author that their article made it into the edition."""
    from ideas.scrapbook.export.contents import edition_articles

    for article in edition_articles(edition):
        for person in {article.author, *article.co_authors.all()}:
            notify(
                recipient=person,
                kind=NoticeKind.SCRAPBOOK,
                target=edition,
                email_template="article_in_edition",
                context={"article": article, "edition": edition},
            )


def edition_arrange(
    *, edition: Edition, editor, action: str, article_id: int, position: int | None = None
) -> list[int]:
    """Add, remove or move one article; returns the article ids in their new order.

    Each change names one article and where it goes, and is applied to the order
    as it is now under a lock on the edition, so two editors arranging at once
    both get what they asked for (no stale whole-list overwrites). A fixed number
    of queries, however long the edition.
    """
    require_edition_editor(editor)
    with transaction.atomic():
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        ids = list(edition.entries.order_by("position", "pk").values_list("article_id", flat=True))
        if action == "add":
            if article_id in ids:
                return ids
            if not Article.objects.filter(
                pk=article_id, school_id=edition.school_id, status=Status.PUBLISHED
            ).exists():
                raise ValidationError("Only approved articles from your school can go in.")
            ids.append(article_id)
        elif article_id not in ids:
            raise ValidationError("That article is not in this edition (someone took it out).")
        elif action == "remove":
            ids.remove(article_id)
        elif action in ("up", "down", "move"):
            i = ids.index(article_id)
            if action == "move":
                if position is None or not 1 <= position <= len(ids):
                    raise ValidationError(f"Choose a position from 1 to {len(ids)}.")
                j = position - 1
            else:
                j = max(0, min(len(ids) - 1, i - 1 if action == "up" else i + 1))
            if i == j:
                return ids
            ids.insert(j, ids.pop(i))
        else:
            raise ValidationError("Unknown change.")
        edition.entries.all().delete()
        EditionArticle.objects.bulk_create(
            EditionArticle(edition=edition, article_id=pk, position=n) for n, pk in enumerate(ids)
        )
        _bump(edition)
    return ids


def export_request(*, edition: Edition, editor, format: str) -> EditionExport:
    """The export for the edition as it is now: existing, retried, or newly queued.

    The (edition, format, version) unique constraint means two requests at once
    make one job; a finished file for the current content is simply reused.
    """
    require_edition_editor(editor)
    if not edition.entries.filter(article__status=Status.PUBLISHED).exists():
        raise ValidationError("This edition has no approved articles yet. Add some first.")
    version = edition.fingerprint()
    try:
        with transaction.atomic():
            export, created = EditionExport.objects.get_or_create(
                edition=edition,
                format=format,
                made_for_version=version,
                defaults={"requested_by": editor},
            )
    except IntegrityError:  # Lost a race with an identical request: use its job.
        export, created = (
            EditionExport.objects.get(edition=edition, format=format, made_for_version=version),
            False,
        )
    # A failed job, or one whose worker died (running for far too long), starts again.
    stuck = Q(status=ExportStatus.RUNNING, created_at__lt=timezone.now() - STUCK_AFTER)
    retried = not created and (
        EditionExport.objects.filter(Q(status=ExportStatus.FAILED) | stuck, pk=export.pk).update(
            status=ExportStatus.QUEUED, progress=0, error="", requested_by=editor
        )
    )
    if created or retried:
        from ideas.scrapbook.tasks import make_edition_export

        school_changed(edition.school_id)

        transaction.on_commit(lambda: make_edition_export.enqueue(export_id=export.pk))
        export.refresh_from_db()
    return export
