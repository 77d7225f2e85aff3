from hub.models import Status
from tests.ideas.scrapbook.factories import ArticleFactory, EditionFactory, add_photo
from tests.permissions.matrix import Row, World, everyone


def draft_by_staff(world: World) -> dict:
    return {"pk": ArticleFactory(author=world.people["staff"]).pk}


def approved_article(world: World) -> dict:
    return {"pk": ArticleFactory(author=world.people["staff"], status=Status.PUBLISHED).pk}


def photo_of_approved_article(world: World) -> dict:
    article = ArticleFactory(author=world.people["staff"], status=Status.PUBLISHED)
    return {"pk": add_photo(article).pk}


def photo_of_draft(world: World) -> dict:
    return {"pk": add_photo(ArticleFactory(author=world.people["staff"])).pk}


def shared_edition(world: World) -> dict:
    return {"pk": EditionFactory(created_by=world.people["admin"], is_published=True).pk}


def edition_with_cover(world: World) -> dict:
    from django.core.files.base import ContentFile

    from tests.ideas.scrapbook.factories import photo_bytes

    edition = EditionFactory(created_by=world.people["admin"], cover_alt_text="Our hall")
    edition.cover_image.save("cover.jpg", ContentFile(photo_bytes()))
    return {"pk": edition.pk}


def finished_export(world: World) -> dict:
    from django.core.files.base import ContentFile

    from ideas.scrapbook.models import EditionExport, ExportStatus

    edition = EditionFactory(created_by=world.people["admin"])
    export = EditionExport(edition=edition, format="csv", made_for_version="v1")
    export.file.save("edition.csv", ContentFile(b"Title\n"), save=False)
    export.status = ExportStatus.DONE
    export.save()
    return {"pk": export.pk}


EDITORS_ONLY = everyone(403, moderator=200, admin=200, outsider=403)

ROWS = [
    Row("ideas:scrapbook", everyone(200)),
    Row("ideas:write_article", everyone(200)),
    Row("ideas:my_articles", everyone(200)),
    Row(
        "ideas:article_detail",
        everyone(200, moderator=404, admin=404, outsider=404),
        kwargs=draft_by_staff,
        note="a draft is its author's alone",
    ),
    Row("ideas:article_detail", everyone(200, outsider=404), kwargs=approved_article),
    Row(
        "ideas:edit_article",
        everyone(403, staff=200, moderator=404, admin=404, outsider=404),
        kwargs=draft_by_staff,
    ),
    Row(
        "ideas:submit_article",
        everyone(403, staff=302, moderator=404, admin=404, outsider=404),
        method="post",
        kwargs=draft_by_staff,
    ),
    Row(
        "ideas:delete_article",
        everyone(403, staff=200, moderator=404, admin=404, outsider=404),
        kwargs=draft_by_staff,
    ),
    Row(
        "ideas:delete_edition",
        everyone(403, moderator=200, admin=200, outsider=404),
        kwargs=shared_edition,
    ),
    Row(
        "ideas:add_image",
        everyone(403, staff=200, moderator=404, admin=404, outsider=404),
        kwargs=draft_by_staff,
    ),
    Row("ideas:article_image", everyone(200, outsider=404), kwargs=photo_of_approved_article),
    Row(
        "ideas:delete_image",
        everyone(403, staff=200, moderator=404, admin=404, outsider=404),
        kwargs=photo_of_draft,
    ),
    Row("ideas:editions", everyone(200)),
    Row("ideas:create_edition", EDITORS_ONLY),
    Row("ideas:edition_detail", everyone(200, outsider=404), kwargs=shared_edition),
    Row(
        "ideas:edit_edition",
        everyone(403, moderator=200, admin=200, outsider=404),
        kwargs=shared_edition,
    ),
    Row(
        "ideas:arrange_edition",
        everyone(403, moderator=302, admin=302, outsider=404),
        method="post",
        kwargs=shared_edition,
    ),
    Row("ideas:edition_cover", everyone(404, outsider=404, anonymous=302), kwargs=shared_edition),
    Row(
        "ideas:edition_cover",
        everyone(200, outsider=404),
        kwargs=edition_with_cover,
    ),
    Row(
        "ideas:export_edition",
        everyone(403, moderator=302, admin=302, outsider=404),
        method="post",
        kwargs=shared_edition,
        data=lambda world: {"format": "pdf"},
    ),
    Row(
        "ideas:export_status",
        everyone(403, moderator=200, admin=200, outsider=404),
        kwargs=finished_export,
    ),
    Row(
        "ideas:download_export",
        everyone(403, moderator=200, admin=200, outsider=404),
        kwargs=finished_export,
    ),
]
