"""Everyone's role, everywhere: bylines name what each person does (their job title,
else their role), co-authors are credited on the wall and told when it is celebrated."""

import csv
import io
import zipfile

from django.urls import reverse

from hub import moderation
from hub.models import NoticeKind, Notification, Role, Status
from ideas.scrapbook.export.contents import byline
from ideas.scrapbook.export.csv import write_edition_csv
from ideas.scrapbook.export.docx import write_edition_docx
from ideas.scrapbook.export.pdf import edition_html
from tests.factories import StaffFactory
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with


def co_written_article(school):
    teacher = StaffFactory(
        school=school, full_name="Marcus Reid", display_name="Mr Reid", job_title="Year 5 teacher"
    )
    cook = StaffFactory(
        school=school, full_name="Pete Russo", role=Role.SUPPORT, job_title="School cook"
    )
    ta = StaffFactory(school=school, full_name="Aisha Khan", role=Role.TEACHING_ASSISTANT)
    article = ArticleFactory(author=teacher, status=Status.PUBLISHED, title="Soup and fractions")
    article.co_authors.add(cook, ta)
    return article, teacher, cook, ta


def test_a_byline_names_each_person_with_their_job_title_or_else_their_role(school):
    article, *_ = co_written_article(school)
    assert byline(article) == (
        "By Mr Reid (Year 5 teacher), Aisha Khan (Teaching assistant) and Pete Russo (School cook)"
    )


def test_the_article_page_and_the_scrapbook_carry_the_roles(client_for, school, staff):
    article, *_ = co_written_article(school)
    client = client_for(staff)
    assert "Pete Russo (School cook)" in client.get(article.get_absolute_url()).content.decode()
    assert "Mr Reid (Year 5 teacher)" in client.get(reverse("ideas:scrapbook")).content.decode()


def test_the_wall_credits_co_authors_with_their_roles(client_for, school, staff, moderator):
    article, *_ = co_written_article(school)
    moderation.celebrate(article, actor=moderator, note="Brilliant")
    page = client_for(staff).get(reverse("hub:celebrations")).content.decode()
    card = page.split('class="celebration-card"', 1)[1].split("</article>", 1)[0]
    assert "<strong>Mr Reid</strong> (Year 5 teacher)" in card
    assert "<strong>Aisha Khan</strong> (Teaching assistant) and" in card
    assert "<strong>Pete Russo</strong> (School cook)" in card


def test_the_wall_costs_the_same_queries_however_many_co_authored_articles(
    client_for, school, staff, moderator, django_assert_max_num_queries
):
    def celebrate_one():
        article, *_ = co_written_article(school)
        moderation.celebrate(article, actor=moderator, note="Thanks")

    celebrate_one()
    client = client_for(staff)
    with django_assert_max_num_queries(14) as small:
        client.get(reverse("hub:celebrations"))
    for _ in range(8):
        celebrate_one()
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("hub:celebrations"))


def test_names_and_roles_on_the_wall_are_escaped(client_for, school, staff, moderator):
    author = StaffFactory(school=school, full_name="<b>Bold</b>", job_title="<i>Chef</i>")
    article = ArticleFactory(author=author, status=Status.PUBLISHED)
    moderation.celebrate(article, actor=moderator, note="x")
    page = client_for(staff).get(reverse("hub:celebrations")).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt;" in page and "&lt;i&gt;Chef&lt;/i&gt;" in page


def test_co_authors_are_told_when_their_article_is_celebrated_with_a_link_to_it(
    client, school, moderator
):
    article, teacher, cook, ta = co_written_article(school)
    client.force_login(moderator)
    client.post(reverse("hub:celebrate", args=["ideas.article", article.pk]), {"note": "Yum"})
    told = Notification.objects.filter(kind=NoticeKind.CELEBRATED)
    assert {n.recipient for n in told} == {teacher, cook, ta}
    notice = told.get(recipient=cook)
    client.force_login(cook)
    response = client.get(reverse("hub:open_notification", args=[notice.pk]))
    assert response.url == article.get_absolute_url()


def test_every_export_carries_the_roles(school, school_admin, tmp_path):
    article, *_ = co_written_article(school)
    edition = edition_with([article], created_by=school_admin)

    html = edition_html(edition)
    assert "By Mr Reid (Year 5 teacher), Aisha Khan (Teaching assistant) and Pete Russo" in html
    assert "Marcus Reid (Mr Reid) — Year 5 teacher" in html  # the index of authors

    write_edition_docx(edition, tmp_path / "e.docx")
    with zipfile.ZipFile(tmp_path / "e.docx") as archive:
        body = archive.read("word/document.xml").decode()
    assert "Pete Russo (School cook)" in body and "Pete Russo — School cook" in body

    write_edition_csv(edition, tmp_path / "e.csv")
    assert (tmp_path / "e.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][2:5] == ["Author", "Author's role", "Co-authors"]
    assert rows[1][2:5] == [
        "Marcus Reid",
        "Year 5 teacher",
        "Aisha Khan (Teaching assistant); Pete Russo (School cook)",
    ]
