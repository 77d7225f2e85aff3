import pytest
from django.urls import reverse

from hub.models import Status
from ideas.scrapbook.models import Edition, EditionArticle
from tests.ideas.scrapbook.factories import ArticleFactory, EditionFactory, add_photo, edition_with


def test_a_school_admin_creates_an_edition_and_adds_approved_articles(
    client_for, school_admin, staff
):
    approved = ArticleFactory(author=staff, status=Status.PUBLISHED)
    draft = ArticleFactory(author=staff)
    client = client_for(school_admin)
    response = client.post(
        reverse("ideas:create_edition"), {"title": "Autumn term 2026", "foreword": "Thanks"}
    )
    edition = Edition.objects.get()
    assert response.url == reverse("ideas:edit_edition", args=[edition.pk])
    arrange = reverse("ideas:arrange_edition", args=[edition.pk])
    client.post(arrange, {"action": "add", "article": approved.pk})
    response = client.post(arrange, {"action": "add", "article": draft.pk}, follow=True)
    assert "Only approved articles" in response.content.decode()
    assert list(edition.articles.all()) == [approved]


def test_a_moderator_can_also_make_editions_but_a_teacher_cannot(client_for, moderator, staff):
    assert client_for(moderator).get(reverse("ideas:create_edition")).status_code == 200
    assert client_for(staff).get(reverse("ideas:create_edition")).status_code == 403


def test_articles_from_another_school_cannot_go_in(client_for, school_admin, outsider):
    foreign = ArticleFactory(author=outsider, status=Status.PUBLISHED)
    edition = EditionFactory(created_by=school_admin)
    client_for(school_admin).post(
        reverse("ideas:arrange_edition", args=[edition.pk]),
        {"action": "add", "article": foreign.pk},
    )
    assert not edition.entries.exists()


def test_articles_can_be_reordered_and_taken_out(client_for, school_admin, staff):
    first, second = (ArticleFactory(author=staff, status=Status.PUBLISHED) for _ in range(2))
    edition = edition_with([first, second], created_by=school_admin)
    version = edition.content_version
    client = client_for(school_admin)
    arrange = reverse("ideas:arrange_edition", args=[edition.pk])
    client.post(arrange, {"action": "down", "article": first.pk})
    assert [e.article_id for e in edition.entries.all()] == [second.pk, first.pk]
    client.post(arrange, {"action": "remove", "article": second.pk})
    assert [e.article_id for e in edition.entries.all()] == [first.pk]
    edition.refresh_from_db()
    assert edition.content_version == version + 2


def test_staff_read_shared_editions_but_not_ones_being_prepared(client_for, staff, school_admin):
    shared = EditionFactory(created_by=school_admin, is_published=True)
    preparing = EditionFactory(created_by=school_admin, is_published=False)
    client = client_for(staff)
    assert client.get(shared.get_absolute_url()).status_code == 200
    assert client.get(preparing.get_absolute_url()).status_code == 404
    assert client_for(school_admin).get(preparing.get_absolute_url()).status_code == 200


def test_a_cover_photo_needs_a_description(client_for, school_admin):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.ideas.scrapbook.factories import photo_bytes

    response = client_for(school_admin).post(
        reverse("ideas:create_edition"),
        {"title": "Spring", "cover": SimpleUploadedFile("c.jpg", photo_bytes())},
    )
    assert "Please describe the cover photo" in response.content.decode()
    assert not Edition.objects.exists()


@pytest.mark.parametrize("count", [12, 200])
def test_the_edition_page_takes_the_same_number_of_queries_for_12_or_200_articles(
    client_for, staff, school_admin, count, django_assert_max_num_queries
):
    articles = ArticleFactory.create_batch(count, author=staff, status=Status.PUBLISHED)
    for article in articles[:3]:
        add_photo(article)
    for article in articles:
        article.tags.add("oracy")
    edition = edition_with(articles, created_by=school_admin)
    client = client_for(school_admin)
    with django_assert_max_num_queries(14):
        response = client.get(edition.get_absolute_url())
    assert response.content.decode().count('class="edition-article"') == count


def test_an_edition_page_shows_only_approved_articles(client_for, staff, school_admin):
    shown = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Shown article")
    hidden = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Hidden article")
    edition = edition_with([shown, hidden], created_by=school_admin)
    from ideas.scrapbook.models import Article

    Article.objects.filter(pk=hidden.pk).update(status=Status.HIDDEN)
    html = client_for(staff).get(edition.get_absolute_url()).content.decode()
    assert "Shown article" in html and "Hidden article" not in html
    assert EditionArticle.objects.count() == 2


def test_teachers_cannot_see_an_edition_being_prepared_or_its_exports(
    client_for, staff, school_admin
):
    from ideas.scrapbook.models import EditionExport

    edition = EditionFactory(created_by=school_admin, is_published=False)
    job = EditionExport.objects.create(edition=edition, format="pdf", made_for_version="v")
    client = client_for(staff)
    assert client.get(reverse("ideas:export_status", args=[job.pk])).status_code == 404
    assert client.get(reverse("ideas:edition_cover", args=[edition.pk])).status_code == 404


def test_sharing_an_edition_tells_each_author_once(
    client_for, school_admin, staff, mailoutbox, django_capture_on_commit_callbacks
):
    article = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Stair phonics")
    edition = edition_with([article], created_by=school_admin, is_published=False)
    data = {"title": edition.title, "foreword": "", "is_published": "on"}
    client = client_for(school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:edit_edition", args=[edition.pk]), data)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:edit_edition", args=[edition.pk]), data)
    assert [m.to for m in mailoutbox] == [[staff.email]]
    assert "Stair phonics" in mailoutbox[0].body


def test_deleting_an_edition_asks_first_and_keeps_its_articles(client_for, school_admin, staff):
    article = ArticleFactory(author=staff, status=Status.PUBLISHED)
    edition = edition_with([article], created_by=school_admin)
    client = client_for(school_admin)
    url = reverse("ideas:delete_edition", args=[edition.pk])
    assert "Delete this edition?" in client.get(url).content.decode()
    client.post(url)
    assert not Edition.objects.exists()
    article.refresh_from_db()
