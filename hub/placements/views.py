"""Work-shadowing placements: a network's asks and offers, matches, and each placement's
steps. A network is found only through hub.networks.access (404 beyond it); a placement
only through hub.placements.access (404 for anyone it does not concern)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hub.models.placements import SUGGESTED_FOCUSES, PlacementState
from hub.networks.access import networks_of
from hub.placements import selectors, services
from hub.placements.access import (
    approves_for,
    ask_or_404,
    member_network_or_404,
    offer_or_404,
    placement_or_404,
)
from hub.placements.forms import AskForm, OfferForm, ProposeForm

# A person picks among a few: the closest ten, and how many more there are.
MATCHES_SHOWN = 10
DONE_ALREADY = "That was already done: nothing more to do."


def _require_school(staff) -> None:
    if staff.school_id is None:
        raise PermissionDenied("Placements are for a school's staff.")


@login_required
def placements_home(request: HttpRequest) -> HttpResponse:
    """The person's networks, their placements and, for a head, what waits for them."""
    _require_school(request.user)
    context = {
        "networks": list(networks_of(request.user).filter(schools=request.user.school_id)),
        "mine": selectors.placements_of(request.user),
        "waiting": selectors.waiting_for_head(request.user),
    }
    return render(request, "hub/placements/home.html", context)


@login_required
def network_placements(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = member_network_or_404(request.user, network_pk)
    context = {
        "network": network,
        "asks": selectors.open_asks(network),
        "offers": selectors.open_offers(network),
    }
    return render(request, "hub/placements/network.html", context)


def _shared_form(request, network_pk, form_class, create, template):
    network = member_network_or_404(request.user, network_pk)
    _require_school(request.user)
    data = request.POST if request.method == "POST" else None
    form = form_class(data, school=request.user.school)
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data)
        fields["tags"] = fields.pop("tags_text")
        try:
            item = create(request.user, network, fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return item
    context = {"form": form, "network": network, "suggestions": SUGGESTED_FOCUSES}
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def ask_for_placement(request: HttpRequest, network_pk: int) -> HttpResponse:
    def create(staff, network, fields):
        return services.ask_create(staff=staff, network=network, **fields)

    result = _shared_form(request, network_pk, AskForm, create, "hub/placements/ask_form.html")
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, "Your ask is shared with the network. Matches are below.")
    return redirect(result)


@login_required
def offer_to_host(request: HttpRequest, network_pk: int) -> HttpResponse:
    def create(staff, network, fields):
        return services.offer_create(host=staff, network=network, **fields)

    result = _shared_form(request, network_pk, OfferForm, create, "hub/placements/offer_form.html")
    if isinstance(result, HttpResponse):
        return result
    messages.success(request, "Thank you: your offer is shared with the network.")
    return redirect(result)


def _match_rows(matches, live: dict, prefix: str, pair_of) -> list[dict]:
    """The closest matches of an ask (offers) or of an offer (asks), each with its live
    placement and a propose form; `pair_of(item)` is the (ask id, offer id) it makes."""
    return [
        {
            "item": item,
            "match": found,
            "placement": live.get(pair_of(item)),
            "form": ProposeForm(prefix=f"{prefix}-{item.pk}"),
            "propose_url": pair_of(item),
        }
        for item, found in matches[:MATCHES_SHOWN]
    ]


@login_required
def placement_ask(request: HttpRequest, network_pk: int, pk: int) -> HttpResponse:
    ask = ask_or_404(request.user, network_pk, pk)
    mine = ask.staff_id == request.user.pk
    matches = selectors.offers_for(ask) if (mine and ask.is_open) else []
    live = selectors.live_placements_by_pair(asks=[ask])
    rows = _match_rows(matches, live, "offer", lambda offer: (ask.pk, offer.pk))
    context = {
        "ask": ask,
        "mine": mine,
        "rows": rows,
        "more": len(matches) - len(rows),
        "network": ask.network,
    }
    return render(request, "hub/placements/ask.html", context)


@login_required
def placement_offer(request: HttpRequest, network_pk: int, pk: int) -> HttpResponse:
    offer = offer_or_404(request.user, network_pk, pk)
    mine = offer.host_id == request.user.pk
    matches = selectors.asks_for(offer) if (mine and offer.is_open) else []
    live = selectors.live_placements_by_pair(offers=[offer])
    rows = _match_rows(matches, live, "ask", lambda ask: (ask.pk, offer.pk))
    context = {
        "offer": offer,
        "mine": mine,
        "rows": rows,
        "more": len(matches) - len(rows),
        "network": offer.network,
    }
    return render(request, "hub/placements/offer.html", context)


@login_required
@require_POST
def propose_placement(
    request: HttpRequest, network_pk: int, ask_pk: int, offer_pk: int
) -> HttpResponse:
    ask = ask_or_404(request.user, network_pk, ask_pk)
    offer = offer_or_404(request.user, network_pk, offer_pk)
    if request.user.pk not in (ask.staff_id, offer.host_id):
        raise PermissionDenied("Only the colleague who asked or the host can propose.")
    from_ask = request.user.pk == ask.staff_id
    prefix = f"offer-{offer.pk}" if from_ask else f"ask-{ask.pk}"
    form = ProposeForm(request.POST, prefix=prefix)
    back = ask if from_ask else offer
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(back)
    try:
        placement, new = services.placement_propose(
            by=request.user, ask=ask, offer=offer, **form.cleaned_data
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    if new:
        messages.success(request, "Proposed. Your colleague has been told.")
    else:
        messages.info(request, "This placement was already proposed.")
    return redirect(placement)


@login_required
def placement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    placement = placement_or_404(request.user, pk)
    user = request.user
    parties = (placement.visitor_id, placement.host_id)
    context = {
        "placement": placement,
        "may_answer": placement.state == PlacementState.PROPOSED
        and user.pk in parties
        and user.pk != placement.proposed_by_id,
        "may_approve": placement.state == PlacementState.AGREED and _waits_for(user, placement),
        "may_withdraw": placement.is_live and user.pk in parties,
    }
    return render(request, "hub/placements/placement.html", context)


def _waits_for(user, placement) -> bool:
    return (
        approves_for(user, placement.visitor_school_id) and placement.visitor_head_at is None
    ) or (approves_for(user, placement.host_school_id) and placement.host_head_at is None)


def _act(request, placement, action, done: str):
    try:
        changed = action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if changed:
            messages.success(request, done)
        else:
            messages.info(request, DONE_ALREADY)
    return redirect(placement)


@login_required
@require_POST
def respond_to_placement(request: HttpRequest, pk: int) -> HttpResponse:
    placement = placement_or_404(request.user, pk)
    agree = request.POST.get("decision") == "agree"

    def action():
        return services.placement_respond(placement=placement, by=request.user, agree=agree)

    done = "Agreed. Both heads have been asked to approve." if agree else "Declined."
    return _act(request, placement, action, done)


@login_required
@require_POST
def approve_placement(request: HttpRequest, pk: int) -> HttpResponse:
    placement = placement_or_404(request.user, pk)
    approve = request.POST.get("decision") == "approve"

    def action():
        return services.placement_decide(placement=placement, by=request.user, approve=approve)

    done = "Approved for your school." if approve else "Declined: both colleagues have been told."
    return _act(request, placement, action, done)


@login_required
def withdraw_placement(request: HttpRequest, pk: int) -> HttpResponse:
    placement = placement_or_404(request.user, pk)
    if request.user.pk not in (placement.visitor_id, placement.host_id):
        raise PermissionDenied("Only the two colleagues can withdraw.")
    if request.method != "POST":
        return render(request, "hub/placements/withdraw.html", {"placement": placement})

    def action():
        return services.placement_withdraw(placement=placement, by=request.user)

    return _act(request, placement, action, "Withdrawn. Your colleague has been told.")


@login_required
@require_POST
def close_ask(request: HttpRequest, network_pk: int, pk: int) -> HttpResponse:
    ask = ask_or_404(request.user, network_pk, pk)
    services.close_shared(item=ask, by=request.user)
    messages.success(request, "Your ask is closed: it no longer shows in the network.")
    return redirect("hub:network_placements", network_pk=ask.network_id)


@login_required
@require_POST
def close_offer(request: HttpRequest, network_pk: int, pk: int) -> HttpResponse:
    offer = offer_or_404(request.user, network_pk, pk)
    services.close_shared(item=offer, by=request.user)
    messages.success(request, "Your offer is closed: it no longer shows in the network.")
    return redirect("hub:network_placements", network_pk=offer.network_id)
