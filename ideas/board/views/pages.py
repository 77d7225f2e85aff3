"""The wall of post-its, its archive, its printable sheet and tag suggestions."""

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from hub.decorators import school_page
from hub.fragments import Fragment, personal, render_fragment, school_fragment
from hub.models import RoleGroup, Status
from hub.networks.sharing import networks_of_school, offer_visibility
from ideas.board import selectors
from ideas.board.forms import TAG_SUGGESTIONS_ID, IdeaForm
from ideas.board.views.common import CountedBy, as_cards, week_from

IDEAS_PER_PAGE = 24
WEEKS_PER_PAGE = 20
PRINT_LIMIT = 40
FILTER_TAGS = 12


@login_required
@require_GET
@school_page
def board(request: HttpRequest) -> HttpResponse:
    week = week_from(request)
    tag = request.GET.get("tag", "").strip()[:100]
    group = request.GET.get("group", "")
    group = group if group in RoleGroup.values else ""
    query = request.GET.get("q", "").strip()[:100]
    every_week = bool(query) or request.GET.get("scope") == "all"
    shown = {"week": None if every_week else week, "tag": tag, "group": group, "query": query}
    context = {
        "week": week,
        "is_current_week": week == selectors.current_week(request.user.school),
        "every_week": every_week,
        "tag": tag,
        "group": group,
        "query": query,
        "filtered": bool(tag or group or query),
    }

    def build() -> Fragment:
        return _wall_fragment(request, context, shown)

    school = request.user.school
    if selectors.own_unshared_ideas(request.user, **shown).exists():
        # Their own waiting or returned post-its sit on the wall too: theirs alone.
        wall = build()
    else:
        wall = school_fragment(school, "board-wall", build, parts=[request.get_full_path()])
    mine = selectors.my_reactions(request.user, wall.data["ids"]) | selectors.asked_about_class(
        request.user
    )
    # The form offers sharing wider, and the page links to each network's feed.
    networks = networks_of_school(school)
    suggested = school_fragment(
        school,
        "board-tags",
        lambda: Fragment("", list(selectors.tags_in_use(request.user, limit=12))),
    )
    context |= {
        "wall": personal(wall, request, mine),
        "iotw": mark_safe(wall.data["iotw"]),  # noqa: S308 - our template's output
        "form": offer_visibility(
            IdeaForm(initial=IdeaForm.initial_from(request.GET)),
            request.user.school,
            in_a_network=bool(networks),
        ),
        "networks": networks,
        "suggested_tags": suggested.data,
        "tag_suggestions_id": TAG_SUGGESTIONS_ID,
    }
    return render(request, "ideas/board/board.html", context)


def _suggested_tags(request: HttpRequest) -> Fragment:
    """The school's most used tags, offered in the post-it form."""
    return Fragment("", list(selectors.tags_in_use(request.user, limit=12)))


def _wall_fragment(request: HttpRequest, context: dict, shown: dict) -> Fragment:
    """The wall and this week's pick, as every member of staff sees them."""
    ideas = CountedBy(
        selectors.board_ideas(request.user, **shown),
        counter=selectors.board_matches(request.user, **shown),
    )
    page = Paginator(ideas, IDEAS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = as_cards(page.object_list, request.user)
    week = context["week"]
    wall_context = {
        **context,
        "page": page,
        "board_url": reverse("ideas:board"),
        "week_param": "" if shown["week"] is None else f"&week={week.monday:%Y-%m-%d}",
        "pick": selectors.idea_of_the_week(request.user.school_id, week.monday),
        "week_tags": list(
            selectors.tags_in_use(request.user, week=shown["week"], limit=FILTER_TAGS)
        ),
        "groups": RoleGroup.choices,
    }
    html = render_fragment("ideas/board/_wall.html", wall_context, request)
    iotw = render_fragment("ideas/board/_iotw.html", wall_context, request)
    return Fragment(html, {"ids": [idea.pk for idea in page], "iotw": iotw})


@login_required
@require_GET
def board_archive(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.archive_weeks(request.user), WEEKS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    picks = selectors.picks_for_weeks(request.user.school_id, [row["week"] for row in page])
    weeks = [{**row, "pick": picks.get(row["week"])} for row in page]
    return render(request, "ideas/board/archive.html", {"page": page, "weeks": weeks})


@login_required
@require_GET
def board_print(request: HttpRequest) -> HttpResponse:
    week = week_from(request)
    ideas = selectors.board_ideas(request.user, week=week).filter(status=Status.PUBLISHED)
    post_url = settings.SITE_URL + reverse("ideas:post_idea")
    # segno builds the SVG from our own URL only, so it is safe markup (and CSP allows SVG).
    qr_svg = segno.make(post_url, error="m").svg_inline(scale=4, dark="#1b2a3a", border=2)
    context = {
        "week": week,
        "ideas": as_cards(ideas[:PRINT_LIMIT], request.user),
        "pick": selectors.idea_of_the_week(request.user.school_id, week.monday),
        "post_url": post_url,
        "qr_svg": mark_safe(qr_svg),  # noqa: S308
    }
    return render(request, "ideas/board/print.html", context)


@login_required
@require_GET
def tag_suggestions(request: HttpRequest) -> HttpResponse:
    """Options for the tag field's datalist: the school's tags matching the last one typed."""
    typed = request.GET.get("tags", "")[:200]
    done, _, current = typed.rpartition(",")
    prefix = f"{done.strip()}, " if done.strip() else ""
    chosen = {name.strip().lower() for name in done.split(",")}
    names = [
        name
        for name in selectors.tag_suggestions(request.user, current)
        if name.lower() not in chosen
    ]
    options = [{"value": prefix + name, "label": name} for name in names]
    return render(request, "ideas/board/_tag_options.html", {"options": options})
