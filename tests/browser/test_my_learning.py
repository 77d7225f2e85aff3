"""A teaching assistant's year in Staffroom becomes her own record: she sets a focus,
tries two ideas, attends a lunch and writes an article, then exports it for appraisal."""

import datetime as dt
import io
import re

from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from events.lunches.models import Lunch
from hub.models import Role
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.events.lunches.factories import LunchFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory


def _visit(page, url: str) -> None:
    page.goto(url)
    expect_accessible(page)


def _try_on_the_board(page, title: str, what_happened: str) -> None:
    idea = page.locator("article.post-it", has_text=title)
    idea.get_by_text("I tried it").click()
    idea.get_by_label("What happened in class?").fill(what_happened)
    idea.get_by_role("button", name="Share how it went").click()
    expect(idea.get_by_role("link", name=re.compile("You tried it"))).to_be_visible()


def test_a_ta_builds_her_record_and_exports_it_for_appraisal(page, school, moderator, tmp_path):
    ta = StaffFactory(
        school=school,
        full_name="Aisha Khan",
        role=Role.TEACHING_ASSISTANT,
        job_title="HLTA, Key Stage 1",
    )
    colleague = StaffFactory(school=school, full_name="Tom Ellis")
    IdeaFactory(author=colleague, title="Call and response", tags=["questioning"])
    IdeaFactory(author=colleague, title="Think, pair, share")
    IdeaFactory(author=StaffFactory(school=school), title="Hinge questions", tags=["questioning"])
    lunch = LunchFactory(school=school, theme="Metacognition for everyone", created_by=moderator)

    sign_in(page, ta)
    page.get_by_role("link", name="My learning").click()
    expect(page.get_by_role("heading", name="Nothing yet this year")).to_be_visible()
    expect_accessible(page)

    # Her focus for the year, with a tag colleagues use.
    page.get_by_role("link", name="Set my focus").click()
    expect_accessible(page)
    screenshot(page, "focus-form", phone=True)
    page.get_by_role("button", name="Save my focus").click()
    expect(page.get_by_text("Write your focus in a few words.")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Your focus").fill("Better questions in guided reading")
    page.get_by_label("Tags").fill("questioning")
    page.get_by_label("Show it on my profile").check()
    page.get_by_role("button", name="Save my focus").click()
    expect(page.get_by_role("status")).to_contain_text("Your focus is saved")
    expect(page.get_by_text("2 colleagues shared 2 board ideas about questioning")).to_be_visible()
    expect_accessible(page)

    # She tries two ideas from the board.
    _visit(page, "/board/")
    _try_on_the_board(page, "Call and response", "The whole group joined in, even Sam.")
    _try_on_the_board(page, "Think, pair, share", "Pairs talked for longer than I expected.")
    expect_accessible(page)

    # She signs up to a lunch, which then takes place.
    _visit(page, lunch.get_absolute_url())
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    held = timezone.now() - dt.timedelta(days=1)
    Lunch.objects.filter(pk=lunch.pk).update(
        starts_at=held, ends_at=held + dt.timedelta(minutes=45), date=held.date()
    )

    # She writes a scrapbook article and sends it in.
    _visit(page, "/scrapbook/")
    page.get_by_role("link", name="Write an article").first.click()
    expect_accessible(page)
    page.get_by_label("Title").fill("Retrieval walls")
    page.get_by_label("What I did").fill("A wall of questions from earlier topics.")
    page.get_by_label("What happened").fill("Pupils quizzed each other at break.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retrieval walls")
    page.get_by_role("button", name="Send to the moderators").click()
    expect(page.get_by_text("Waiting for approval")).to_be_visible()
    expect_accessible(page)

    # My learning tells it back in plain words, by term.
    page.get_by_role("link", name="My learning").click()
    record = page.locator("section", has=page.get_by_role("heading", name="What I did"))
    expect(record).to_contain_text("Tried Call and response")
    expect(record).to_contain_text("What happened: The whole group joined in, even Sam.")
    expect(record).to_contain_text("Tried Think, pair, share")
    expect(record).to_contain_text("Attended Metacognition for everyone")
    expect(record).to_contain_text("Wrote Retrieval walls for the scrapbook")
    expect(record.get_by_role("heading", name=re.compile(r"term \d{4}"))).to_have_count(1)
    expect_accessible(page)
    screenshot(page, "my-learning")
    screenshot(page, "my-learning", phone=True)

    # Filtered by her focus, only what is about questioning stays.
    page.get_by_label("Show").select_option(label="About “Better questions in guided reading”")
    page.get_by_role("button", name="Filter").click()
    expect(record).to_contain_text("Call and response")
    expect(record).not_to_contain_text("Think, pair, share")
    expect_accessible(page)
    page.get_by_role("link", name="Show everything").click()
    expect_accessible(page)

    # The export for appraisal, made by the worker; she is told when it is ready.
    term_start = page.get_by_label("From").input_value()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", term_start)
    page.get_by_label("PDF for appraisal").check()
    page.get_by_role("button", name="Make my file").click()
    expect(page.get_by_text("Your file is ready")).to_be_visible()
    expect_accessible(page)
    _visit(page, "/notifications/")
    page.get_by_role("link", name=re.compile("Your learning record .* is ready")).click()
    expect(page.get_by_text("Your file is ready")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "learning-export")
    screenshot(page, "learning-export", phone=True)
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download aisha-khan-learning")).click()
    path = tmp_path / "record.pdf"
    download.value.save_as(path)
    pdf = PdfReader(io.BytesIO(path.read_bytes()))
    assert 1 <= len(pdf.pages) <= 2
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    for words in (
        "Learning record: Aisha Khan",
        "HLTA, Key Stage 1",
        "Better questions in guided reading (questioning)",
        "Tried Call and response",
        "Tried Think, pair, share",
        "Attended Metacognition for everyone",
        "Wrote Retrieval walls for the scrapbook",
    ):
        assert words in text, words
