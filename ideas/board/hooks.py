"""Registers the board with hub: kinds, home panel, digest, profile, demo and scale data."""

from django.db.models import Q

from hub.fragments import Fragment, school_fragment
from hub.models import Status
from hub.registry import (
    register_contribution,
    register_demo_seeder,
    register_digest_section,
    register_display_section,
    register_home_panel,
    register_learning_source,
    register_network_post_its,
    register_periodic_job,
    register_profile_celebrations,
    register_profile_section,
    register_scale_generator,
)
from ideas.board import jobs, public
from ideas.board.demo import seed_board
from ideas.board.models import Comment, Idea, Reaction, ReactionKind
from ideas.board.scale import generate_board
from ideas.board.selectors import (
    board_for_display,
    board_this_week,
    current_week,
    idea_of_the_week,
    ideas_of_the_week_of,
    ideas_tried,
    learning_entries,
)

HOME_NEWEST = 3


def home_panel_context(staff) -> dict:
    """This week's Idea of the Week, how many post-its and the newest few (3 queries,
    none while the school's fragment is kept)."""
    if staff.school_id is None:
        return {"board_pick": None, "board_count": 0, "board_newest": []}
    week = current_week(staff.school)

    def build() -> Fragment:
        shared = Idea.objects.filter(
            school_id=staff.school_id, week=week.monday, status=Status.PUBLISHED
        )
        return Fragment(
            "",
            {
                "board_pick": idea_of_the_week(staff.school_id, week.monday),
                "board_count": shared.count(),
                "board_newest": list(shared.select_related("author")[:HOME_NEWEST]),
            },
        )

    # The same for everyone at the school: kept with the school's fragments.
    return school_fragment(staff.school, "board-home", build, parts=[week.monday]).data


register_contribution(
    Idea,
    label="Board idea",
    label_plural="Board ideas",
    queue_template="ideas/board/_queue_idea.html",
)
register_contribution(
    Reaction,
    label="Reflection",
    label_plural="Reflections",
    counts_as_sharing=Q(kind=ReactionKind.TRIED),
    queue_template="ideas/board/_queue_on_idea.html",
)
register_contribution(
    Comment,
    label="Comment on an idea",
    label_plural="Comments on ideas",
    queue_template="ideas/board/_queue_on_idea.html",
)
register_home_panel(
    name="board", template_name="ideas/board/_home_panel.html", get_context=home_panel_context
)
register_display_section(
    name="board",
    title="Idea of the Week board",
    template_name="ideas/board/_display.html",
    get_context=board_for_display,
)
register_digest_section(
    name="board", template_name="ideas/board/_digest.html", get_context=board_this_week
)
register_profile_section(
    name="ideas_tried", template_name="ideas/board/_profile_tried.html", get_context=ideas_tried
)
register_demo_seeder(order=10, name="Idea of the Week board", seed=seed_board)
register_scale_generator(order=10, name="ideas.board", generate=generate_board)
register_periodic_job(name="board_ask_how_it_went", run=jobs.ask_how_it_went)
register_profile_celebrations(name="ideas_of_the_week", get=ideas_of_the_week_of)
register_learning_source(order=10, name="board", entries=learning_entries)
# A twilight's presenters' ideas become post-its on the network (events/twilights/).
register_network_post_its(
    post=public.post_to_network, will_try=public.will_try, url_of=public.idea_url
)
