import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from hub import moderation
from hub.models import Status
from ideas.scrapbook.models import Article, ArticleImage
from tests.factories import StaffFactory
from tests.hub.lib.test_images import jpeg_with_gps_and_rotation
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo, photo_bytes
from tests.images import png_decompression_bomb

WRITE = reverse("ideas:write_article")


def article_data(**overrides) -> dict:
    data = {
        "title": "Talk partners",
        "phase": "ks2",
        "year_group": "Year 4",
        "subject_or_area": "Maths",
        "what_i_did": "I gave each pair **sentence stems**.",
        "what_happened": "Quiet pupils spoke first.",
        "try_it_yourself": "- Start small",
        "tags": "oracy, maths",
    }
    data.update(overrides)
    return data


def upload(content: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_it_saves_a_new_article_as_a_draft(client_for, staff):
    response = client_for(staff).post(WRITE, article_data())
    article = Article.objects.get()
    assert response.url == article.get_absolute_url()
    assert article.status == Status.DRAFT
    assert article.author == staff and article.school == staff.school
    assert sorted(article.tags.names()) == ["maths", "oracy"]


def test_it_starts_from_a_board_idea_passed_as_query_parameters(client_for, staff):
    response = client_for(staff).get(
        WRITE, {"title": "Stairs phonics", "what_i_did": "Sounds on stairs", "tags": "phonics"}
    )
    form = response.context["form"]
    assert form.initial["title"] == "Stairs phonics"
    assert form.initial["what_i_did"] == "Sounds on stairs"
    assert form.initial["tags"] == "phonics"


def test_it_refuses_a_2000_word_article_with_a_clear_message(client_for, staff):
    words = " ".join(["word"] * 700)
    response = client_for(staff).post(
        WRITE, article_data(what_i_did=words, what_happened=words, try_it_yourself=words[:3400])
    )
    assert response.status_code == 200
    assert "one printed page holds about 450" in response.content.decode()
    assert not Article.objects.exists()


def test_it_refuses_text_over_the_field_limit(client_for, staff):
    response = client_for(staff).post(WRITE, article_data(title="x" * 121))
    assert "at most 120 characters" in response.content.decode()
    assert not Article.objects.exists()


def test_it_shows_html_and_scripts_as_text_and_keeps_only_safe_markdown(client_for, staff):
    client = client_for(staff)
    client.post(
        WRITE,
        article_data(
            title="<script>alert(1)</script>",
            what_i_did="**bold** <img src=x onerror=alert(1)> [bad](javascript:alert(1))",
        ),
    )
    article = Article.objects.get()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>bold</strong>" in html
    assert "onerror" not in html and "javascript:" not in html


def test_co_authors_must_come_from_the_same_school(client_for, staff, outsider):
    colleague = StaffFactory(school=staff.school)
    client = client_for(staff)
    client.post(WRITE, article_data(co_authors=[outsider.pk]))
    assert not Article.objects.exists()
    client.post(WRITE, article_data(co_authors=[colleague.pk]))
    assert list(Article.objects.get().co_authors.all()) == [colleague]


def test_the_author_submits_and_a_returned_article_can_be_fixed_and_resubmitted(
    client_for, staff, moderator
):
    article = ArticleFactory(author=staff)
    client = client_for(staff)
    client.post(reverse("ideas:submit_article", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED
    assert client.get(reverse("ideas:edit_article", args=[article.pk])).status_code == 302
    moderation.transition(article, action="return", actor=moderator, reason="Add an outcome")
    page = client.get(reverse("ideas:my_articles")).content.decode()
    assert "Returned with feedback" in page and "Add an outcome" in page
    client.post(
        reverse("ideas:edit_article", args=[article.pk]), article_data(what_happened="Outcome!")
    )
    client.post(reverse("ideas:submit_article", args=[article.pk]))
    article.refresh_from_db()
    assert article.status == Status.SUBMITTED and article.what_happened == "Outcome!"


def test_someone_else_cannot_edit_or_submit_your_article(client_for, staff, moderator):
    article = ArticleFactory(author=staff, status=Status.PUBLISHED)
    client = client_for(moderator)
    assert client.get(reverse("ideas:edit_article", args=[article.pk])).status_code == 403
    assert client.post(reverse("ideas:submit_article", args=[article.pk])).status_code == 403


def test_an_article_too_long_for_its_photos_cannot_be_submitted(client_for, staff):
    article = ArticleFactory(author=staff, what_i_did=" ".join(["word"] * 400))
    add_photo(article)
    response = client_for(staff).post(
        reverse("ideas:submit_article", args=[article.pk]), follow=True
    )
    assert "Please shorten it" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT


class TestPhotos:
    @pytest.fixture
    def article(self, staff):
        return ArticleFactory(author=staff)

    def post(self, client, article, **data):
        payload = {"alt_text": "Pupils' work on a table", "caption": "Our display"}
        payload.update(data)
        return client.post(reverse("ideas:add_image", args=[article.pk]), payload)

    def test_it_stores_a_photo_without_exif_or_gps(self, client_for, staff, article):
        response = self.post(
            client_for(staff), article, upload=upload(jpeg_with_gps_and_rotation())
        )
        assert response.status_code == 302
        image = ArticleImage.objects.get()
        for field in (image.image, image.print_image):
            with field.open("rb") as handle:
                data = handle.read()
            stored = Image.open(io.BytesIO(data))
            assert not stored.getexif() and b"Acacia" not in data and b"PhoneMaker" not in data
        assert (image.width, image.height) == (200, 400)

    @pytest.mark.parametrize(
        "content,name,message",
        [
            (b"<html><body>hi</body></html>", "photo.jpg", "JPEG, PNG or WebP"),
            (b"#!/usr/bin/env python\nprint(1)", "photo.jpg", "JPEG, PNG or WebP"),
            (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "drawing.svg", "JPEG, PNG or WebP"),
            (b"just some text", "notes.txt", "JPEG, PNG or WebP"),
            (b"\xff\xd8" + b"0" * (30 * 1024 * 1024), "huge.jpg", "larger than 10 MB"),
        ],
        ids=["html-as-jpg", "script-as-jpg", "svg", "text", "30mb"],
    )
    def test_it_refuses_files_that_are_not_photos(
        self, client_for, staff, article, content, name, message
    ):
        response = self.post(client_for(staff), article, upload=upload(content, name=name))
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not ArticleImage.objects.exists()

    def test_it_refuses_a_decompression_bomb(self, client_for, staff, article):
        bomb = png_decompression_bomb()
        response = self.post(client_for(staff), article, upload=upload(bomb, "b.png"))
        assert "decompression bomb" in response.content.decode()
        assert not ArticleImage.objects.exists()

    def test_alt_text_is_required(self, client_for, staff, article):
        response = self.post(
            client_for(staff), article, alt_text="  ", upload=upload(photo_bytes())
        )
        assert "Please describe the photo" in response.content.decode()
        assert not ArticleImage.objects.exists()

    def test_photos_of_pupils_need_consent_which_is_recorded(self, client_for, staff, article):
        client = client_for(staff)
        response = self.post(client, article, shows_pupils="on", upload=upload(photo_bytes()))
        assert "photo consent" in response.content.decode()
        assert not ArticleImage.objects.exists()
        self.post(
            client, article, shows_pupils="on", consent_confirmed="on", upload=upload(photo_bytes())
        )
        image = ArticleImage.objects.get()
        assert image.consent_confirmed and image.consent_confirmed_by == staff
        assert image.consent_confirmed_at is not None

    def test_an_article_has_at_most_three_photos(self, client_for, staff, article):
        for n in range(3):
            add_photo(article, label=f"Photo {n}")
        response = self.post(client_for(staff), article, upload=upload(photo_bytes()))
        assert "at most 3 photos" in response.content.decode()
        assert article.images.count() == 3

    def test_photos_are_served_only_to_people_who_may_see_the_article(
        self, client_for, staff, outsider, article
    ):
        image = add_photo(article)
        url = reverse("ideas:article_image", args=[image.pk])
        assert client_for(staff).get(url).status_code == 200
        assert client_for(outsider).get(url).status_code == 404

    def test_removing_a_photo_asks_first(self, client_for, staff, article):
        image = add_photo(article)
        client = client_for(staff)
        url = reverse("ideas:delete_image", args=[image.pk])
        assert "Remove this photo?" in client.get(url).content.decode()
        assert ArticleImage.objects.exists()
        client.post(url)
        assert not ArticleImage.objects.exists()


def test_deleting_a_draft_asks_first_and_keeps_shared_articles(client_for, staff):
    draft = ArticleFactory(author=staff)
    add_photo(draft)
    shared = ArticleFactory(author=staff, status=Status.PUBLISHED)
    client = client_for(staff)
    url = reverse("ideas:delete_article", args=[draft.pk])
    assert "Delete this article?" in client.get(url).content.decode()
    client.post(url)
    assert not Article.objects.filter(pk=draft.pk).exists()
    assert not ArticleImage.objects.exists()
    client.post(reverse("ideas:delete_article", args=[shared.pk]))
    assert Article.objects.filter(pk=shared.pk).exists()


@pytest.mark.parametrize("count", [3, 30])
def test_the_scrapbook_and_my_articles_pages_take_the_same_queries_however_many(
    client_for, staff, count, django_assert_max_num_queries
):
    from tests.factories import StaffFactory

    for n in range(count):
        article = ArticleFactory(author=staff, status=Status.PUBLISHED)
        article.co_authors.add(StaffFactory(school=staff.school))
        if n < 3:
            add_photo(article)
    client = client_for(staff)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("ideas:scrapbook")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("ideas:my_articles")).status_code == 200


def test_save_and_add_a_photo_saves_the_new_draft_then_returns_to_writing(client_for, staff):
    from tests.ideas.scrapbook.factories import photo_bytes

    client = client_for(staff)
    response = client.post(
        reverse("ideas:write_article"),
        {"title": "Stems at lunch", "what_i_did": "I gave pairs stems.", "then": "photo"},
    )
    article = Article.objects.get()
    assert article.status == Status.DRAFT
    assert response.url == reverse("ideas:add_image", args=[article.pk]) + "?back=edit"
    upload = SimpleUploadedFile("p.jpg", photo_bytes(), content_type="image/jpeg")
    response = client.post(response.url, {"upload": upload, "alt_text": "Stem cards"})
    assert response.url == reverse("ideas:edit_article", args=[article.pk])
    page = client.get(response.url).content.decode()
    assert "Photos (1 of 3)" in page and 'class="pp-photo"' in page


def test_a_new_draft_that_does_not_validate_is_not_saved_for_a_photo(client_for, staff):
    response = client_for(staff).post(
        reverse("ideas:write_article"), {"title": "", "what_i_did": "", "then": "photo"}
    )
    assert response.status_code == 200
    assert not Article.objects.exists()


def test_the_writing_comes_before_the_list_of_co_authors(client_for, staff, school):
    StaffFactory.create_batch(3, school=school)
    html = client_for(staff).get(reverse("ideas:write_article")).content.decode()
    assert html.index('id="id_try_it_yourself"') < html.index('id="div_id_co_authors"')
    assert "data-picker" in html  # the filter-as-you-type picker enhances this list
