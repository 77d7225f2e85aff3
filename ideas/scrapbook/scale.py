"""Scrapbook rows for `manage.py seed_scale`: articles, co-authors, tags, editions.

Rows only: no photos and no edition covers or exports, so seeding writes no media.
"""

import random
from datetime import datetime, time, timedelta

from django.utils import timezone
from taggit.models import Tag, TaggedItem

from hub.lib.bulk import bulk_insert, moment_in, sentence, weekday_of
from hub.lib.terms import Term
from hub.models import Phase, Status
from ideas.scrapbook.models import Article, ArticlePhase, Edition, EditionArticle

TITLES = [
    ["Talk partners", "Exit tickets", "Reading buddies", "Movement breaks", "Worked examples"],
    ["that really work", "in five minutes", "for every pupil", "across the school"],
]
DID = [
    [
        "I gave every pair",
        "Each week I asked",
        "We set up a routine where",
        "Before each topic I got",
    ],
    ["a card of **sentence stems**", "pupils to answer one question", "two pupils to lead"],
    ["at the start of the lesson.", "before they left the room.", "for the whole half term."],
]
HAPPENED = [
    ["Within three weeks", "By half term", "After a month"],
    ["the quietest pupils spoke first", "fewer pupils needed reminders", "recall clearly improved"],
    ["and colleagues noticed too.", "in every lesson.", "in the termly check."],
]
TIPS = [
    ["- Start small", "- Keep it the same every day", "- Ask pupils what would help"],
    ["\n- Model it yourself", "\n- Let a pupil lead it", "\n- Change one thing at a time"],
]
YEAR_GROUPS = ["Reception", "Year 1", "Year 2", "Year 4", "Year 6", "Year 8", "Year 10", ""]
AREAS = ["Maths", "Reading", "Science", "Phonics", "Lunchtimes", "Library", "PE", ""]
TAGS = ["scrapbook", "oracy", "reading", "retrieval", "behaviour", "wellbeing", "send"]
PRIMARY = [ArticlePhase.EYFS, ArticlePhase.KS1, ArticlePhase.KS2, ArticlePhase.WHOLE_SCHOOL]
SECONDARY = [ArticlePhase.KS3, ArticlePhase.KS4, ArticlePhase.POST16, ArticlePhase.WHOLE_SCHOOL]
PHASES_OF_SCHOOL = {Phase.PRIMARY: PRIMARY, Phase.SECONDARY: SECONDARY}
# About one article every two to three weeks per school.
ARTICLES_PER_WEEK = ([0, 1, 2], [62, 34, 4])
# (status, share, versions: one per moderation step taken to reach it)
STATES = [
    (Status.PUBLISHED, 75, 3),
    (Status.DRAFT, 10, 1),
    (Status.SUBMITTED, 6, 2),
    (Status.RETURNED, 6, 3),
    (Status.HIDDEN, 3, 4),
]
# Moderators answer within days: older submissions have been approved.
STILL_WAITING_FOR = timedelta(weeks=3)
RETURN_NOTE = "Lovely idea; could you add what happened for pupils?"
CELEBRATED_SHARE = 0.05
# One edition a term or so, the newest finished this week.
EDITION_EVERY = 13


def _state(rng: random.Random, created: datetime, now: datetime) -> tuple[str, int]:
    status, _, version = rng.choices(STATES, [share for _, share, _ in STATES])[0]
    if status == Status.SUBMITTED and created < now - STILL_WAITING_FOR:
        return Status.PUBLISHED, 3
    return status, version


def _article(school, author, monday, rng, now) -> Article:
    created = moment_in(weekday_of(monday, rng), rng, school.zone, not_after=now)
    status, version = _state(rng, created, now)
    handled = timedelta(hours=rng.randint(1, 48 if status == Status.DRAFT else 240))
    updated = min(created + handled, now)
    celebrated = status == Status.PUBLISHED and rng.random() < CELEBRATED_SHARE
    article = Article(
        school_id=school.pk,
        author=author,
        title=sentence(rng, TITLES),
        phase=rng.choice(PHASES_OF_SCHOOL.get(school.phase, ArticlePhase.values)),
        year_group=rng.choice(YEAR_GROUPS),
        subject_or_area=rng.choice(AREAS),
        what_i_did=sentence(rng, DID),
        what_happened=sentence(rng, HAPPENED) if status != Status.RETURNED else "",
        try_it_yourself="".join(rng.choice(tips) for tips in TIPS),
        status=status,
        version=version,
        moderation_note=RETURN_NOTE if status == Status.RETURNED else "",
        created_at=created,
        updated_at=updated,
        celebrated_at=min(updated + timedelta(days=1), now) if celebrated else None,
        celebration_note="Thank you for writing this up!" if celebrated else "",
    )
    article.render_sections()  # bulk_create does not call save()
    return article


def _articles(schools, staff_by_school, weeks, rng) -> list[Article]:
    now = timezone.now()
    counts, weights = ARTICLES_PER_WEEK
    articles = []
    for school in schools:
        people = staff_by_school[school.pk]
        for monday in weeks:
            for _ in range(rng.choices(counts, weights)[0]):
                articles.append(_article(school, rng.choice(people), monday, rng, now))
    return bulk_insert(Article, articles)


def _co_authors(articles, staff_by_school, rng) -> list:
    """One article in seven was written with a colleague."""
    through = Article.co_authors.through
    rows = []
    for article in articles:
        others = [p for p in staff_by_school[article.school_id] if p.pk != article.author_id]
        if others and rng.random() < 1 / 7:
            rows.append(through(article=article, staff=rng.choice(others)))
    return bulk_insert(through, rows)


def _tags(articles, rng) -> list[TaggedItem]:
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
    return bulk_insert(
        TaggedItem,
        [
            TaggedItem(content_object=article, tag=tag)
            for article in articles
            for tag in rng.sample(tags, rng.choice([0, 1, 1, 2]))
        ],
    )


def _edition_days(weeks) -> list:
    """The Friday each edition is put together: every EDITION_EVERY weeks, newest this week."""
    return [monday + timedelta(days=4) for monday in weeks[::-EDITION_EVERY][::-1]]


def _editions(schools, staff_by_school, weeks, articles, rng) -> list[tuple[Edition, list]]:
    """Each edition collects the school's articles approved since the one before;
    a term with none approved has no edition. The newest may still be in preparation."""
    now = timezone.now()
    shared: dict[int, list[Article]] = {school.pk: [] for school in schools}
    for article in sorted(articles, key=lambda article: article.updated_at):
        if article.status == Status.PUBLISHED:
            shared[article.school_id].append(article)
    days = _edition_days(weeks)
    made = []
    for school in schools:
        pool, titles = shared[school.pk], set()
        for number, day in enumerate(days, start=1):
            made_at = datetime.combine(day, time(16, 0), tzinfo=school.zone)
            made_at = min(made_at, now - timedelta(minutes=1))
            chosen = [article for article in pool if article.updated_at <= made_at]
            if not chosen:
                continue
            pool = pool[len(chosen) :]
            title = Term.containing(day).label
            if title in titles:
                title = f"{title}, part 2"
            titles.add(title)
            published = number < len(days) or rng.random() < 0.7
            edition = Edition(
                school_id=school.pk,
                title=title,
                foreword="Thank you to everyone who shared what works this term.",
                is_published=published,
                created_by=staff_by_school[school.pk][0],
                # Saved, then one bump per article added, then one for sharing it.
                content_version=2 + len(chosen) + published,
                created_at=made_at - timedelta(days=3),
                updated_at=made_at,
            )
            made.append((edition, chosen))
    return made


def generate_scrapbook(schools, staff_by_school, weeks, rng) -> int:
    articles = _articles(schools, staff_by_school, weeks, rng)
    written = len(articles) + len(_co_authors(articles, staff_by_school, rng))
    written += len(_tags(articles, rng))
    made = _editions(schools, staff_by_school, weeks, articles, rng)
    editions = bulk_insert(Edition, [edition for edition, _ in made])
    entries = [
        EditionArticle(edition=edition, article=article, position=position)
        for edition, (_, chosen) in zip(editions, made, strict=True)
        for position, article in enumerate(chosen)
    ]
    return written + len(editions) + len(bulk_insert(EditionArticle, entries))
