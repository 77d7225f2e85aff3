"""seed_scale at a tiny size: every feature's generator runs, and the rows are valid."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, F, Q
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from taggit.models import TaggedItem

from events.lunches.models import Lunch, SignUp, SignUpState
from hub.lib.weeks import Week
from hub.models import AuditEntry, Network, School, Staff, Status
from hub.ops.bench import ceiling
from hub.ops.scale import SCALE_PASSWORD, scale_email
from hub.registry import contribution_kinds, scale_generators
from ideas.board.models import Idea, IdeaOfTheWeek
from ideas.scrapbook.models import Article, Edition, EditionArticle, word_budget
from ideas.thursday.models import Question, Reply, RotaTurn

pytestmark = pytest.mark.django_db


def seed(**sizes) -> str:
    out = StringIO()
    options = {"schools": 2, "staff_per_school": 5, "weeks": 2, **sizes}
    call_command("seed_scale", stdout=out, **options)
    return out.getvalue()


def test_every_feature_registers_a_generator_and_hub_names_none_of_them():
    names = [generator.name for generator in scale_generators()]
    assert names == [
        "ideas.board",
        "ideas.thursday",
        "ideas.scrapbook",
        "events.lunches",
        "hub.audit",
    ]


def test_tiny_seed_fills_every_school_and_week_and_prints_timings():
    output = seed()

    assert School.objects.count() == 2
    assert Network.objects.get().schools.count() == 2
    assert Staff.objects.filter(school__isnull=False).count() == 10
    assert "total" in output and "seconds" in output
    mondays = {
        Week.containing(timezone.localdate()).monday,
        Week.containing(timezone.localdate()).previous().monday,
    }
    assert set(Idea.objects.values_list("week", flat=True)) == mondays
    assert Question.objects.exists() and RotaTurn.objects.exists()
    assert Lunch.objects.filter(starts_at__gt=timezone.now()).exists()
    assert AuditEntry.objects.count() == sum(
        kind.model.objects.filter(status=Status.HIDDEN).count() for kind in contribution_kinds()
    )


def test_the_headteacher_signs_in_with_the_printed_password():
    seed()
    head = Staff.objects.get(email=scale_email(1, 0))

    assert head.is_moderator and head.check_password(SCALE_PASSWORD)


def test_history_keeps_its_own_dates_rather_than_the_moment_of_seeding():
    seed(weeks=3)
    oldest = Idea.objects.order_by("created_at").first()

    assert oldest.created_at < timezone.now() - timezone.timedelta(days=7)
    assert not Idea.objects.filter(created_at__gt=timezone.now()).exists()


def test_lunches_are_never_overbooked_and_picks_are_one_per_school_week():
    seed(staff_per_school=30, weeks=6)
    over = Lunch.objects.annotate(
        confirmed=Count("sign_ups", filter=Q(sign_ups__state=SignUpState.CONFIRMED))
    ).filter(confirmed__gt=F("capacity"))

    assert not over.exists()
    assert SignUp.objects.exists()
    picks = IdeaOfTheWeek.objects.values("school", "week").annotate(n=Count("pk"))
    assert all(pick["n"] == 1 for pick in picks)
    assert not Reply.objects.filter(parent__parent__isnull=False).exists()


def test_seeded_rows_pass_model_validation():
    seed(staff_per_school=10, weeks=3)
    for kind in contribution_kinds():
        for item in kind.model.objects.all()[:20]:
            item.full_clean(validate_unique=False, validate_constraints=True)


def printed_rows(output: str, part: str) -> int:
    line = next(line for line in output.splitlines() if line.startswith(part))
    return int(line.split()[1].replace(",", ""))


def test_the_scrapbook_gets_mostly_approved_articles_and_editions_of_approved_ones():
    output = seed(staff_per_school=10, weeks=26)
    articles = Article.objects.all()
    entries = EditionArticle.objects.select_related("article", "edition")

    shared = articles.filter(status=Status.PUBLISHED).count()
    assert articles.count() / 2 < shared < articles.count()
    celebrated = articles.filter(celebrated_at__isnull=False)
    assert not celebrated.exclude(status=Status.PUBLISHED).exists()
    assert all(article.word_count() <= word_budget(0) for article in articles)
    assert not articles.filter(updated_at__gt=timezone.now()).exists()
    assert Edition.objects.values("school").distinct().count() == 2
    assert all(entry.article.status == Status.PUBLISHED for entry in entries)
    assert all(entry.article.school_id == entry.edition.school_id for entry in entries)
    for edition in Edition.objects.all():
        edition.full_clean()
    assert printed_rows(output, "ideas.scrapbook") == (
        articles.count()
        + Article.co_authors.through.objects.count()
        + TaggedItem.objects.filter(content_type__model="article").count()
        + Edition.objects.count()
        + entries.count()
    )


def test_the_newest_edition_of_a_seeded_school_opens_for_its_headteacher(client):
    seed(staff_per_school=10, weeks=13)
    head = Staff.objects.get(email=scale_email(1, 0))
    edition = Edition.objects.visible_to(head).first()
    client.force_login(head)

    response = client.get(reverse("ideas:edition_detail", args=[edition.pk]))

    assert response.status_code == 200
    assert edition.entries.exists()
    for entry in edition.entries.select_related("article"):
        assert entry.article.title.encode() in response.content


def test_a_second_run_on_the_same_database_is_refused():
    seed()
    with pytest.raises(CommandError, match="already holds scale data"):
        seed()


def test_the_benchmark_ceiling_renders_the_base_template_for_a_signed_in_person(staff):
    request = RequestFactory().get("/bench/ceiling/")
    request.user = staff
    response = ceiling(request)

    assert response.status_code == 200
    assert b"Benchmark ceiling" in response.content
