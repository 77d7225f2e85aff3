"""Demo content for the scrapbook: a shared edition of twelve articles with drawn
photos (Pillow, no downloads) and drafts in each state. Safe to run again."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from hub import moderation
from hub.lib.images import clean_image
from hub.models import Status
from ideas.scrapbook.models import Edition, EditionArticle
from ideas.scrapbook.services import article_create, image_add

EDITION_TITLE = "Autumn term: what worked for us"

# (title, phase, year group, subject or area, what I did, what happened, try it yourself)
DEMO_ARTICLES = [
    (
        "Talk partners with sentence stems",
        "ks2",
        "Year 4",
        "Maths",
        "I gave every pair a card of **sentence stems**: _I think… because…_, "
        "_I agree with… and…_.",
        "Within three weeks the quietest pupils were explaining their reasoning first.",
        "- Start with two stems, not ten\n- Model them yourself in every lesson",
    ),
    (
        "A calm corner in the lunch hall",
        "whole_school",
        "",
        "Lunchtimes",
        "We set up a quiet table with puzzles and colouring for pupils who find the hall loud.",
        "Fewer incidents after lunch, and teachers noticed calmer starts to afternoon lessons.",
        "- Ask pupils what would help\n- Keep the table in the same place every day",
    ),
    (
        "Phonics flashcards on the stairs",
        "ks1",
        "Year 1",
        "Phonics",
        "I stuck this week's sounds on the stair risers so pupils read them on the way "
        "to assembly.",
        "Pupils started reading them aloud to each other without being asked.",
        "- Change them every Monday\n- Use the same font as your phonics scheme",
    ),
    (
        "Exit tickets that take one minute",
        "ks2",
        "Year 6",
        "Science",
        "At the end of each lesson pupils answer one question on a sticky note as they leave.",
        "I plan the next lesson from the notes and catch misconceptions a day earlier.",
        "- One question only\n- Sort the notes into three piles: got it, nearly, not yet",
    ),
    (
        "Reading buddies across key stages",
        "whole_school",
        "Years 2 and 5",
        "Reading",
        "Year 5 pupils read with a Year 2 buddy for fifteen minutes every Friday.",
        "Both groups' reading stamina grew, and playground friendships followed.",
        "- Train the older pupils to ask questions\n- Keep the pairs for a whole term",
    ),
    (
        "Visual timetable for the whole class",
        "eyfs",
        "Reception",
        "Routines",
        "I replaced my written timetable with photos of each part of the day.",
        "Transitions became smoother, especially for pupils with speech and language needs.",
        "- Use photos of your own classroom\n- Let a pupil move the arrow",
    ),
    (
        "Five-minute site safety walk with pupils",
        "whole_school",
        "",
        "Site and premises",
        "Each week two school councillors join me to spot anything unsafe on the site.",
        "Pupils reported a broken fence panel before any adult had noticed it.",
        "- Give them a clipboard and a checklist\n- Fix one thing they find straight away",
    ),
    (
        "Singing the times tables",
        "ks2",
        "Year 3",
        "Music and maths",
        "We learned a times-table song each week and sang it during register.",
        "Recall of the 3, 4 and 8 times tables improved in the termly check.",
        "- Keep the tune the same and change the words\n- Let pupils write a verse",
    ),
    (
        "Pre-teaching vocabulary for one pupil",
        "ks2",
        "Year 5",
        "Support for SEND",
        "Before each topic I spend ten minutes with one pupil learning five key words.",
        "He now puts his hand up in whole-class discussion, which he never did before.",
        "- Use pictures with every word\n- Check the words with the class teacher the week before",
    ),
    (
        "A library display chosen by pupils",
        "whole_school",
        "",
        "Library",
        "Pupils voted for the books on the front display each half term.",
        "Loans of the displayed books doubled, and pupils recommended books to each other.",
        "- Add a pupil's one-line review\n- Include a graphic novel",
    ),
    (
        "Movement breaks between lessons",
        "ks1",
        "Year 2",
        "PE",
        "I added a two-minute movement break between every lesson.",
        "Pupils settled faster and fewer needed reminders to focus.",
        "- Use the same three moves so it takes no explaining\n- Let a pupil lead it",
    ),
    (
        "Worked examples side by side",
        "ks3",
        "Year 7",
        "Maths",
        "I showed a worked example next to a similar problem for pupils to try.",
        "Pupils made fewer errors and asked fewer questions about how to start.",
        "- Fade the steps over the week\n- Keep the two problems on the same slide",
    ),
]

DRAFTS = [
    (Status.DRAFT, "Learning walk notes that help", ""),
    (Status.SUBMITTED, "Using mini whiteboards well", ""),
    (Status.RETURNED, "Homework menus", "Lovely idea — could you add what happened for pupils?"),
]
COLOURS = [(70, 130, 180), (60, 150, 110), (200, 110, 60), (150, 90, 170), (210, 160, 40)]


def demo_photo(rng: random.Random, label: str) -> bytes:
    """A drawn picture: coloured shapes on a background, like a display board."""
    image = Image.new("RGB", (1200, 900), rng.choice(COLOURS))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(0, 1000), rng.randrange(0, 700)
        size = rng.randrange(120, 320)
        draw.rounded_rectangle((x, y, x + size, y + size * 0.7), 24, fill=rng.choice(COLOURS))
    if label:
        draw.rectangle((0, 780, 1200, 900), fill=(250, 250, 245))
        draw.text((40, 820), label, fill=(40, 40, 40), font_size=48)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=85)
    return out.getvalue()


def seed_scrapbook(*, school, staff, rng: random.Random) -> None:
    if Edition.objects.filter(school=school, title=EDITION_TITLE).exists():
        return
    writers = [person for person in staff if not person.is_school_admin] or list(staff)
    moderator = next(person for person in staff if person.is_moderator)
    editor = next((person for person in staff if person.is_school_admin), moderator)
    articles = []
    for n, (title, phase, year, area, did, happened, tips) in enumerate(DEMO_ARTICLES):
        author = writers[n % len(writers)]
        article = article_create(
            author=author,
            title=title,
            phase=phase,
            year_group=year,
            subject_or_area=area,
            what_i_did=did,
            what_happened=happened,
            try_it_yourself=tips,
            tags=["scrapbook"],
        )
        image_add(
            article=article,
            uploader=author,
            clean=clean_image(demo_photo(rng, title)),
            alt_text=f"A display about {title.lower()}",
            caption=title,
        )
        moderation.transition(article, action="submit", actor=author)
        moderation.transition(article, action="approve", actor=moderator)
        articles.append(article)
    edition = Edition.objects.create(
        school=school,
        title=EDITION_TITLE,
        created_by=editor,
        is_published=True,
        foreword="Thank you to everyone who shared what works. Everyone is good at "
        "something, and no one is good at everything.",
    )
    cover = clean_image(demo_photo(rng, ""))
    edition.cover_image.save(f"demo-cover.{cover.extension}", ContentFile(cover.content))
    edition.cover_alt_text = "Colourful shapes like pupils' work pinned on a display board"
    edition.save(update_fields=["cover_alt_text"])
    EditionArticle.objects.bulk_create(
        EditionArticle(edition=edition, article=article, position=n)
        for n, article in enumerate(articles)
    )
    for n, (status, title, feedback) in enumerate(DRAFTS):
        author = writers[(n + 3) % len(writers)]
        article = article_create(
            author=author,
            title=title,
            what_i_did="A first go at writing this up.",
        )
        if status != Status.DRAFT:
            moderation.transition(article, action="submit", actor=author)
        if status == Status.RETURNED:
            moderation.transition(article, action="return", actor=moderator, reason=feedback)
