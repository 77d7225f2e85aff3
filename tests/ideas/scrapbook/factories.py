"""Factories and image helpers for the scrapbook tests (and the benchmark)."""

import io

import factory
from factory.django import DjangoModelFactory
from PIL import Image, ImageDraw

from hub.lib.images import clean_image
from hub.models import Status
from ideas.scrapbook.models import Article, ArticleImage, Edition, EditionArticle
from ideas.scrapbook.services import image_add
from tests.factories import StaffFactory


def photo_bytes(
    size=(1600, 1200), color=(70, 130, 180), fmt="JPEG", exif=None, label="Photo"
) -> bytes:
    """A drawn photo (no downloads): a coloured field with a shape and a label."""
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w * 0.2, h * 0.2, w * 0.6, h * 0.8), fill=(250, 200, 60))
    draw.rectangle((w * 0.55, h * 0.5, w * 0.9, h * 0.9), fill=(230, 90, 70))
    draw.text((20, 20), label, fill="white")
    out = io.BytesIO()
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    author = factory.SubFactory(StaffFactory)
    school = factory.SelfAttribute("author.school")
    status = Status.DRAFT
    title = factory.Sequence(lambda n: f"Talk partners that really talk ({n})")
    phase = "ks2"
    year_group = "Year 4"
    subject_or_area = "Maths"
    what_i_did = "I paired pupils with **talk partners** and gave each pair a sentence stem."
    what_happened = "More pupils explained their reasoning; the quietest spoke first."
    try_it_yourself = "- Start with one lesson a week\n- Model the stems yourself"


class EditionFactory(DjangoModelFactory):
    class Meta:
        model = Edition

    school = factory.SelfAttribute("created_by.school")
    created_by = factory.SubFactory(StaffFactory, is_school_admin=True)
    title = factory.Sequence(lambda n: f"Autumn term {2026 + n}")
    foreword = "Thank you to everyone who shared what works in their classroom."
    is_published = True


def add_photo(article: Article, *, label="Photo", shows_pupils=False) -> ArticleImage:
    """Attach a drawn photo through the real service (so a print copy is made too)."""
    original = article.status
    if original != Status.DRAFT:
        Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
        article.status = Status.DRAFT
    image = image_add(
        article=article,
        uploader=article.author,
        clean=clean_image(photo_bytes(label=label)),
        alt_text=f"{label}: pupils' work on a table",
        caption=f"{label} caption",
        shows_pupils=shows_pupils,
        consent_confirmed=shows_pupils,
    )
    if original != Status.DRAFT:
        Article.objects.filter(pk=article.pk).update(status=original)
        article.status = original
    return image


def edition_with(articles, **kwargs) -> Edition:
    edition = EditionFactory(**kwargs)
    EditionArticle.objects.bulk_create(
        EditionArticle(edition=edition, article=article, position=n)
        for n, article in enumerate(articles)
    )
    return edition
