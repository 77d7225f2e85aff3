from hub.models import Status
from hub.people.demo import seed_demo_school
from ideas.scrapbook.models import Article, ArticleImage, Edition


def test_the_demo_has_a_shared_edition_and_drafts_in_each_state_and_is_idempotent(db):
    school = seed_demo_school()
    edition = Edition.objects.get(school=school)
    assert edition.is_published and edition.entries.count() == 12
    assert ArticleImage.objects.filter(article__editions=edition).count() == 12
    states = set(Article.objects.filter(school=school).values_list("status", flat=True))
    assert {Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.PUBLISHED} <= states
    count = Article.objects.count()
    seed_demo_school()
    assert Article.objects.count() == count and Edition.objects.count() == 1


def test_home_shows_the_scrapbook_panel(client_for, staff):
    response = client_for(staff).get("/")
    assert "Good Ideas Scrapbook" in response.content.decode()
