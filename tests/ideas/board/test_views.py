from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from hub.models import Role, Status
from ideas.board.models import Comment, Idea, IdeaOfTheWeek, Reaction
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory

pytestmark = pytest.mark.django_db
BOARD = reverse("ideas:board")
POST = reverse("ideas:post_idea")


def valid_post(**overrides):
    return {"title": "Hinge questions", "note": "One question.", "tags": "maths, AfL"} | {
        "colour": "yellow",
        **overrides,
    }


def test_the_board_shows_this_weeks_ideas_newest_first(client_for, staff, outsider):
    older = IdeaFactory(author=staff, title="Older idea")
    newer = IdeaFactory(author=staff, title="Newer idea")
    IdeaFactory(author=staff, title="Last week", week=older.week - timedelta(days=7))
    IdeaFactory(author=outsider, title="Another school")
    page = client_for(staff).get(BOARD).content.decode()
    assert page.index(newer.title) < page.index(older.title)
    assert "Last week" not in page and "Another school" not in page
    assert "2 post-its this week" in page


def test_an_idea_waiting_for_approval_shows_only_to_its_author(client, staff, school_admin):
    IdeaFactory(author=staff, title="My pending idea", status=Status.SUBMITTED)
    client.force_login(staff)
    assert "Waiting for approval" in client.get(BOARD).content.decode()
    client.force_login(school_admin)
    assert "My pending idea" not in client.get(BOARD).content.decode()


def test_a_hidden_ideas_author_sees_why(client_for, staff):
    idea = IdeaFactory(author=staff, status=Status.HIDDEN, moderation_note="Names a pupil")
    page = client_for(staff).get(reverse("ideas:idea_detail", args=[idea.pk])).content.decode()
    assert "Hidden by a moderator" in page and "Names a pupil" in page


def test_the_board_filters_by_tag_and_by_role_group(client_for, staff, school):
    ta = StaffFactory(school=school, role=Role.TEACHING_ASSISTANT)
    IdeaFactory(author=staff, title="Phonics mats", tags=["phonics"])
    IdeaFactory(author=ta, title="Lanyard timetable", tags=["SEND"])
    client = client_for(staff)
    by_tag = client.get(BOARD, {"tag": "phonics"}).content.decode()
    assert "Phonics mats" in by_tag and "Lanyard timetable" not in by_tag
    by_group = client.get(BOARD, {"group": "tas"}).content.decode()
    assert "Lanyard timetable" in by_group and "Phonics mats" not in by_group


def test_search_finds_titles_notes_and_tags_in_every_week(client_for, staff):
    week = IdeaFactory(author=staff, title="Warm-up").week
    IdeaFactory(author=staff, title="Old one", note="Try the sound mat", week=week - timedelta(7))
    IdeaFactory(author=staff, title="Tagged", tags=["Sound mats"])
    IdeaFactory(author=staff, title="Unrelated")
    page = client_for(staff).get(BOARD, {"q": "sound mat"}).content.decode()
    assert "Old one" in page and "Tagged" in page and "Unrelated" not in page
    assert "2 ideas matching" in page


def test_week_navigation_shows_a_past_week_and_never_a_future_one(client_for, staff):
    this_week = IdeaFactory(author=staff, title="This week's").week
    IdeaFactory(author=staff, title="Earlier one", week=this_week - timedelta(days=7))
    client = client_for(staff)
    past = client.get(BOARD, {"week": (this_week - timedelta(days=5)).isoformat()})
    assert "Earlier one" in past.content.decode()
    assert "This week’s" not in past.content.decode()
    future = client.get(BOARD, {"week": (this_week + timedelta(days=14)).isoformat()})
    assert future.context["week"].monday == this_week
    assert client.get(BOARD, {"week": "not-a-date"}).context["week"].monday == this_week


def test_the_archive_lists_weeks_with_their_idea_of_the_week(client_for, staff, moderator):
    idea = IdeaFactory(author=staff, title="The best one")
    IdeaOfTheWeek.objects.create(
        school=staff.school, week=idea.week, idea=idea, picked_by=moderator
    )
    page = client_for(staff).get(reverse("ideas:board_archive")).content.decode()
    assert "1 post-it" in page and "The best one" in page


def test_the_post_form_is_prefilled_from_a_link(client_for, staff):
    page = client_for(staff).get(BOARD, {"title": "From lunch", "note": "Try <b>this</b>"})
    assert 'value="From lunch"' in page.content.decode()
    assert "Try &lt;b&gt;this&lt;/b&gt;</textarea>" in page.content.decode()


def test_posting_an_idea_puts_it_on_the_board(client_for, staff):
    response = client_for(staff).post(POST, valid_post())
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{BOARD}#idea-{idea.pk}"
    assert sorted(idea.tags.names()) == ["AfL", "maths"]


def test_an_empty_or_over_long_idea_is_refused_next_to_the_field(client_for, staff):
    client = client_for(staff)
    empty = client.post(POST, valid_post(title="  ", note=""))
    assert empty.status_code == 200
    assert empty.context["form"].errors.keys() == {"title", "note"}
    long = client.post(POST, valid_post(note="x" * 501))
    assert "at most 500 characters" in long.content.decode()
    assert not Idea.objects.exists()


def test_script_in_an_idea_is_shown_as_text(client_for, staff):
    client = client_for(staff)
    client.post(POST, valid_post(title="<script>alert(1)</script>", note="<img src=x onerror=1>"))
    page = client.get(BOARD).content.decode()
    assert "<script>alert(1)</script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_urls_in_a_note_become_links(client_for, staff):
    IdeaFactory(author=staff, note="See https://example.org/mats\nSecond line")
    page = client_for(staff).get(BOARD).content.decode()
    assert '<a href="https://example.org/mats" rel="nofollow">' in page
    assert "<br>Second line" in page


def test_a_double_submit_makes_one_idea(client_for, staff):
    client = client_for(staff)
    client.post(POST, valid_post())
    second = client.post(POST, valid_post(), follow=True)
    assert Idea.objects.count() == 1
    assert "on the board once" in second.content.decode()


def test_a_forged_post_without_csrf_is_refused(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(POST, valid_post()).status_code == 403
    assert not Idea.objects.exists()


def test_in_a_premoderated_school_the_author_is_told_it_is_waiting(client_for, staff, school):
    school.moderation_mode = "pre"
    school.save()
    response = client_for(staff).post(POST, valid_post(), follow=True)
    assert "waiting for approval" in response.content.decode()


def test_reacting_without_javascript_redirects_back(client_for, staff):
    idea = IdeaFactory(school=staff.school)
    response = client_for(staff).post(
        reverse("ideas:react", args=[idea.pk]), {"kind": "will_try", "next": BOARD}
    )
    assert response.status_code == 302 and response["Location"] == f"{BOARD}#idea-{idea.pk}"
    assert idea.reactions.get().author == staff


def test_reacting_with_htmx_returns_the_updated_reactions(client_for, staff):
    idea = IdeaFactory(school=staff.school)
    url = reverse("ideas:react", args=[idea.pk])
    client = client_for(staff)
    response = client.post(url, {"kind": "will_try"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and 'aria-pressed="true"' in html
    assert '<span class="reaction-count">1</span>' in html and "<html" not in html
    client.post(url, {"kind": "will_try", "remove": "1"}, headers={"HX-Request": "true"})
    assert not idea.reactions.exists()


def test_i_tried_it_without_a_reflection_asks_for_one(client_for, staff):
    idea = IdeaFactory(school=staff.school)
    url = reverse("ideas:react", args=[idea.pk])
    client = client_for(staff)
    plain = client.post(url, {"kind": "tried", "reflection": "  "})
    assert plain.status_code == 400 and "a sentence or two" in plain.content.decode()
    htmx = client.post(url, {"kind": "tried"}, headers={"HX-Request": "true"})
    assert "a sentence or two" in htmx.content.decode()
    assert not idea.reactions.exists()


def test_a_reflection_is_shown_under_the_idea(client_for, staff):
    idea = IdeaFactory(school=staff.school)
    client = client_for(staff)
    client.post(
        reverse("ideas:react", args=[idea.pk]),
        {"kind": "tried", "reflection": "Year 3 loved it; the quiet ones joined in."},
    )
    assert "Year 3 loved it" in client.get(BOARD).content.decode()
    detail = client.get(reverse("ideas:idea_detail", args=[idea.pk])).content.decode()
    assert "Year 3 loved it" in detail and staff.name in detail


def test_reacting_to_another_schools_idea_is_not_found(client_for, outsider, staff):
    idea = IdeaFactory(author=staff)
    client = client_for(outsider)
    for name in ("ideas:react", "ideas:comment"):
        response = client.post(reverse(name, args=[idea.pk]), {"kind": "will_try", "text": "Hi"})
        assert response.status_code == 404
    assert not Reaction.objects.exists() and not Comment.objects.exists()


def test_a_comment_is_added_newest_last(client_for, staff, moderator):
    idea = IdeaFactory(author=staff)
    client = client_for(moderator)
    url = reverse("ideas:comment", args=[idea.pk])
    client.post(url, {"text": "First"})
    assert client.post(url, {"text": "Second"}).status_code == 302
    page = client.get(reverse("ideas:idea_detail", args=[idea.pk])).content.decode()
    assert page.index("First") < page.index("Second")


def test_an_empty_or_over_long_comment_is_refused(client_for, staff):
    idea = IdeaFactory(author=staff)
    url = reverse("ideas:comment", args=[idea.pk])
    client = client_for(staff)
    assert "This field is required" in client.post(url, {"text": " "}).content.decode()
    assert client.post(url, {"text": "x" * 501}).status_code == 400
    assert not Comment.objects.exists()


def test_a_moderator_picks_the_idea_of_the_week_and_the_board_shows_it(
    client_for, staff, moderator
):
    idea = IdeaFactory(author=staff, title="Silent debate")
    client = client_for(moderator)
    response = client.post(
        reverse("ideas:pick_idea_of_week", args=[idea.pk]), {"reason": "Everyone joined in"}
    )
    assert response.status_code == 302
    page = client.get(BOARD).content.decode()
    assert 'id="idea-of-the-week"' in page and "Everyone joined in" in page


def test_a_too_long_reason_for_a_pick_is_refused(client_for, staff, moderator):
    idea = IdeaFactory(author=staff)
    response = client_for(moderator).post(
        reverse("ideas:pick_idea_of_week", args=[idea.pk]), {"reason": "x" * 201}
    )
    assert response.status_code == 400 and not IdeaOfTheWeek.objects.exists()


def test_the_author_edits_their_idea(client_for, staff):
    idea = IdeaFactory(author=staff, tags=["old"])
    client = client_for(staff)
    url = reverse("ideas:edit_idea", args=[idea.pk])
    assert 'value="old"' in client.get(url).content.decode()
    client.post(url, valid_post(title="Sharper title", tags="new"))
    idea.refresh_from_db()
    assert idea.title == "Sharper title" and list(idea.tags.names()) == ["new"]


def test_deleting_asks_first_then_removes(client_for, staff):
    idea = IdeaFactory(author=staff)
    url = reverse("ideas:delete_idea", args=[idea.pk])
    client = client_for(staff)
    assert "cannot be undone" in client.get(url).content.decode()
    assert Idea.objects.exists()
    client.post(url)
    assert not Idea.objects.exists()


def test_the_print_view_has_a_qr_code_for_the_post_form(client_for, staff, settings):
    settings.SITE_URL = "https://staffroom.example"
    IdeaFactory(author=staff, title="On paper too")
    page = client_for(staff).get(reverse("ideas:board_print")).content.decode()
    assert "<svg" in page and "https://staffroom.example/board/post/" in page
    assert "On paper too" in page


def test_tag_suggestions_come_from_this_schools_ideas_only(client_for, staff, outsider):
    IdeaFactory(author=staff, tags=["phonics", "physics"])
    IdeaFactory(author=outsider, tags=["philosophy"])
    response = client_for(staff).get(reverse("ideas:tag_suggestions"), {"tags": "maths, ph"})
    html = response.content.decode()
    assert '<option value="maths, phonics">' in html and "physics" in html
    assert "philosophy" not in html


def test_the_home_page_shows_the_idea_of_the_week_and_newest_notes(client_for, staff, moderator):
    idea = IdeaFactory(author=staff, title="Queue songs")
    IdeaOfTheWeek.objects.create(
        school=staff.school, week=idea.week, idea=idea, picked_by=moderator
    )
    page = client_for(staff).get(reverse("hub:home")).content.decode()
    assert "Idea of the Week" in page and "Queue songs" in page and "1 post-it this week" in page


@pytest.mark.parametrize("ideas", [10, 500])
def test_the_board_costs_the_same_queries_for_10_or_500_ideas(
    client_for, staff, school, moderator, ideas, django_assert_max_num_queries
):
    authors = [StaffFactory(school=school) for _ in range(5)]
    made = [IdeaFactory(author=authors[n % 5], tags=["maths", f"t{n % 7}"]) for n in range(ideas)]
    for idea in made[:10]:
        ReactionFactory(idea=idea, author=staff)
        ReactionFactory(idea=idea, author=moderator, kind="tried")
    client = client_for(staff)
    # Rendered: signing in (3), the nav badge, whether the wall is theirs alone, the
    # wall (count, ideas, tags, then the post-its' reactions and comment counts in two
    # narrow queries in place of seven correlated subqueries per post-it), the pick,
    # the tags in use, their reactions, the form's tags, whether the school is in a
    # network (the form's visibility chooser).
    with django_assert_max_num_queries(15):
        response = client.get(BOARD)
    assert len(response.context["page"].object_list) == min(ideas, 24)
    # A colleague's next visit takes the wall from the school's fragment: their own
    # reactions (and whether the form offers sharing wider) are all that is read for them.
    colleague = client_for(moderator)
    with django_assert_max_num_queries(7):
        page = colleague.get(BOARD).content.decode()
    assert page.count('aria-pressed="false"') == min(ideas, 24)
    # They tried the ten oldest: all on the first page only when there are ten.
    assert page.count("You tried it") == (10 if ideas == 10 else 0)


def test_a_superuser_without_a_school_sees_an_empty_board(client):
    admin = StaffFactory(school=None, is_superuser=True, is_staff=True)
    client.force_login(admin)
    for url in (BOARD, reverse("ideas:board_archive"), reverse("ideas:board_print"), "/"):
        assert client.get(url).status_code == 200
