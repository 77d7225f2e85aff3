"""The network feed "Across <network>": what colleagues in member schools opened to the
network, filterable, with the network's Idea of the Week and celebration wall; its
leads pick and celebrate from it. Anyone outside the network gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from hub.fragments import Fragment, personal, render_fragment, school_fragment
from hub.networks.access import leads_network, led_network_or_404, network_or_404
from ideas.board import public as board
from ideas.network import selectors, services
from ideas.network.forms import FeedFilterForm, NetworkCelebrationForm, NetworkPickForm

PER_PAGE = 24


@login_required
@require_GET
def network_feed(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = network_or_404(request.user, network_pk)
    schools = selectors.member_schools(network)

    def build() -> Fragment:
        return _feed_fragment(request, network, schools)

    # What the feed shows is the same for everyone at the viewer's school (shared work
    # only, through the one scoping rule): kept as the school's fragment, keyed on every
    # member school's content version, so a change at any of them renders it afresh.
    versions = [(school.pk, school.content_version) for school in schools]
    body = school_fragment(
        request.user.school,
        "network-feed",
        build,
        parts=[network.pk, versions, request.get_full_path()],
    )
    is_lead = leads_network(request.user, network)
    mine = board.personal_card_keys(request.user, body.data["ids"])
    if is_lead:
        mine.add(f"network-lead:{network.pk}")
    context = {"network": network, "is_lead": is_lead, "body": personal(body, request, mine)}
    return render(request, "ideas/network/feed.html", context)


def _feed_fragment(request: HttpRequest, network, schools) -> Fragment:
    tags = board.tags_used_on(selectors.feed_post_its(request.user, network))
    form = FeedFilterForm(request.GET or None, schools=schools, tags=tags)
    filters = form.filters() if form.is_bound else {}
    ideas = selectors.feed_post_its(request.user, network, **filters)
    page = Paginator(ideas, PER_PAGE).get_page(request.GET.get("page"))
    cards = board.as_post_it_cards(page.object_list, request.user)
    context = {
        "network": network,
        "form": form,
        "filtered": form.is_bound and form.is_filtered,
        "page": page,
        "cards": cards,
        "pick": selectors.this_weeks_pick(request.user, network, services.network_week(network)),
        "wall": selectors.celebration_wall(request.user, network),
        "board_url": reverse("ideas:network_feed", args=[network.pk]),
        "week_param": "",
    }
    html = render_fragment("ideas/network/_feed_body.html", context, request)
    return Fragment(html, {"ids": [idea.pk for idea in cards]})


def _back_to_feed(network_pk: int, idea_pk: int) -> HttpResponse:
    return redirect(reverse("ideas:network_feed", args=[network_pk]) + f"#idea-{idea_pk}")


@login_required
@require_POST
def pick_network_idea(request: HttpRequest, network_pk: int, pk: int) -> HttpResponse:
    network = led_network_or_404(request.user, network_pk)
    idea = board.shared_post_it_or_404(request.user, pk)
    form = NetworkPickForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
        return _back_to_feed(network.pk, idea.pk)
    try:
        services.pick_network_idea(
            network=network, idea=idea, actor=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back_to_feed(network.pk, idea.pk)
    messages.success(request, f"“{idea.title}” is the Idea of the Week across {network.name}.")
    return redirect(reverse("ideas:network_feed", args=[network.pk]) + "#network-pick")


@login_required
@require_POST
def celebrate_network_idea(request: HttpRequest, network_pk: int, pk: int) -> HttpResponse:
    network = led_network_or_404(request.user, network_pk)
    idea = board.shared_post_it_or_404(request.user, pk)
    form = NetworkCelebrationForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["note"]))
        return _back_to_feed(network.pk, idea.pk)
    try:
        services.celebrate_in_network(
            network=network, idea=idea, actor=request.user, note=form.cleaned_data["note"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _back_to_feed(network.pk, idea.pk)
    messages.success(request, f"Thank you sent: “{idea.title}” is on the celebration wall.")
    return redirect(reverse("ideas:network_feed", args=[network.pk]) + "#network-wall")
