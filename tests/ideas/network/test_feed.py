"""The network feed "Across <network>": what member schools opened to the network, through
the one scoping rule; filters; "I tried it" across schools reaching the author; constant
queries for 2 or 50 schools."""

import pytest
from django.urls import reverse

from hub.models import Notification, Phase, Role, Status, Visibility
from ideas.board.models import Reaction
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory
from tests.ideas.board.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust(school, other_school):
    network = NetworkFactory(name="Riverside Trust")
    network.schools.add(school, other_school)
    return network


def feed(network) -> str:
    return reverse("ideas:network_feed", args=[network.pk])


def shared(author, title, visibility=Visibility.NETWORK, **extra):
    return IdeaFactory(author=author, title=title, visibility=visibility, **extra)


def test_the_feed_shows_what_member_schools_opened_to_the_network_newest_first(
    client_for, trust, staff, outsider
):
    older = shared(staff, "Lolly-stick names")
    newer = shared(outsider, "Silent starters", visibility=Visibility.PUBLIC)
    IdeaFactory(author=staff, title="Kept in school")
    shared(staff, "Waiting for approval", status=Status.SUBMITTED)
    elsewhere = StaffFactory(school=SchoolFactory(name="Far Away Academy"))
    shared(elsewhere, "Not in the trust")
    response = client_for(outsider).get(feed(trust))
    page = response.content.decode()
    assert '<h1 class="h2 mb-0">Across Riverside Trust</h1>' in page
    assert page.index(newer.title) < page.index(older.title)
    assert "Oakfield Primary School" in page  # each post-it names its school
    for hidden in ("Kept in school", "Waiting for approval", "Not in the trust"):
        assert hidden not in page
    assert response.context["page"].paginator.count == 2


def test_a_school_outside_the_network_gets_404(client_for, trust):
    stranger = StaffFactory(school=SchoolFactory())
    assert client_for(stranger).get(feed(trust)).status_code == 404


def test_filters_by_school_phase_role_group_and_tag(client_for, trust, staff, outsider, school):
    other_school = outsider.school
    other_school.phase = Phase.SECONDARY
    other_school.save()
    ta = StaffFactory(school=school, role=Role.TEACHING_ASSISTANT)
    shared(staff, "Phonics mats", tags=["phonics"])
    shared(ta, "Lanyard timetable", tags=["send"])
    shared(outsider, "Exit tickets", tags=["feedback"])
    client = client_for(staff)

    def titles(**params) -> set[str]:
        page = client.get(feed(trust), params).context["cards"]
        return {idea.title for idea in page}

    assert titles(school=other_school.pk) == {"Exit tickets"}
    assert titles(phase=Phase.PRIMARY) == {"Phonics mats", "Lanyard timetable"}
    assert titles(group="tas") == {"Lanyard timetable"}
    assert titles(tag="phonics") == {"Phonics mats"}
    # A forged or stale choice is left out, never an error page.
    assert titles(school="999999", tag="<script>") == {
        "Phonics mats",
        "Lanyard timetable",
        "Exit tickets",
    }


def test_i_tried_it_works_across_schools_and_the_author_hears_with_a_link(
    client_for, trust, staff, outsider
):
    idea = shared(staff, "Lolly-stick names")
    client = client_for(outsider)
    react = reverse("ideas:react", args=[idea.pk])
    client.post(react, {"kind": "will_try"})
    client.post(react, {"kind": "tried", "reflection": "Year 9 loved it."})
    assert Reaction.objects.filter(idea=idea, author=outsider).count() == 2
    notice = Notification.objects.filter(recipient=staff).latest("created_at")
    assert "Oscar Outsider at Hillside Juniors" in notice.message
    assert notice.link().startswith(reverse("ideas:idea_detail", args=[idea.pk]))
    # The author opens the link and reads the reflection from the other school.
    page = client_for(staff).get(notice.link()).content.decode()
    assert "Year 9 loved it." in page


def test_school_only_ideas_cannot_be_reacted_to_from_another_school(
    client_for, trust, staff, outsider
):
    idea = IdeaFactory(author=staff)
    response = client_for(outsider).post(
        reverse("ideas:react", args=[idea.pk]), {"kind": "will_try"}
    )
    assert response.status_code == 404
    assert not Reaction.objects.exists()


def test_an_empty_feed_says_how_to_share_to_it(client_for, trust, staff):
    page = client_for(staff).get(feed(trust)).content.decode()
    assert "Nothing shared across the network yet" in page and "Schools in our networks" in page


@pytest.mark.parametrize("schools", [2, 50])
def test_the_feed_costs_the_same_queries_for_2_or_50_schools(
    client_for, staff, moderator, school, schools, django_assert_max_num_queries
):
    network = NetworkFactory()
    network.schools.add(school)
    for n in range(schools - 1):
        member = SchoolFactory()
        network.schools.add(member)
        author = StaffFactory(school=member)
        shared(author, f"Idea {n}", tags=["maths", f"t{n % 5}"])
    # Signing in and the page's own (session, person, school, nav badge), the network,
    # its schools, the tags in use, the count, the page of post-its and their tags, their
    # reactions and comment counts, the pick, the wall, whether the viewer leads and
    # their own reactions: 16 for 2 schools and for 50.
    client = client_for(staff)
    with django_assert_max_num_queries(16):
        response = client.get(feed(network), {"phase": "primary"})
    assert len(response.context["cards"]) == min(schools - 1, 24)
    # A colleague at the same school takes the feed from the school's fragment: the
    # network, its schools' versions, whether they lead and their own reactions.
    colleague = client_for(moderator)
    with django_assert_max_num_queries(9):
        page = colleague.get(feed(network), {"phase": "primary"})
    assert page.content.decode().count('class="post-it post-it-') == min(schools - 1, 24)


def test_a_change_at_any_member_school_renders_the_feed_afresh(client_for, trust, staff, outsider):
    client = client_for(staff)
    assert "Silent starters" not in client.get(feed(trust)).content.decode()
    shared(outsider, "Silent starters")  # a factory: no content version raised
    from hub.content import school_changed

    school_changed(outsider.school)
    assert "Silent starters" in client.get(feed(trust)).content.decode()


def test_a_network_lead_never_reaches_a_member_schools_school_only_content(
    client_for, trust, staff, outsider
):
    """The lead works at the other member school: Oakfield's own post-it is 404 to them
    on every page and action, as to any colleague outside Oakfield."""
    trust.leads.add(outsider)
    own = IdeaFactory(author=staff, title="Oakfield only")
    client = client_for(outsider)
    assert "Oakfield only" not in client.get(feed(trust)).content.decode()
    for url, data in (
        (reverse("ideas:idea_detail", args=[own.pk]), None),
        (reverse("ideas:pick_network_idea", args=[trust.pk, own.pk]), {"reason": ""}),
        (reverse("ideas:celebrate_network_idea", args=[trust.pk, own.pk]), {"note": "Hi"}),
        (
            reverse("hub:network_moderate", args=[trust.pk, "ideas.idea", own.pk, "hide"]),
            {"reason": "No"},
        ),
    ):
        response = client.post(url, data) if data is not None else client.get(url)
        assert response.status_code == 404, url
    queue = client.get(reverse("hub:network_moderation_queue", args=[trust.pk]))
    assert "Oakfield only" not in queue.content.decode()
