"""A network's moderation queue: its leads hide or return what member schools opened to
the network, through the one mechanism (hub.moderation) and the one queue template.

Anyone outside the network gets 404; a member who does not lead it, 403. A school's
school-only work is not in the queue and answers 404 to a lead's action.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from hub import moderation
from hub.access import contribution_model_or_404, moderators_view_of
from hub.leaders import selectors
from hub.leaders.views.moderation import (
    QUEUE_TEMPLATE,
    UNDO_SECONDS,
    UNDO_SESSION_KEY,
    act,
    back,
    done_row,
    pending_undo,
)
from hub.models import AuditEntry, Network
from hub.networks.access import led_network_or_404, shared_to_network
from hub.registry import contribution_kinds


def _item_or_404(network: Network, model: type, pk: int):
    try:
        return shared_to_network(moderators_view_of(model), network).get(pk=pk)
    except model.DoesNotExist:
        raise Http404("Nothing shared to this network by that number.") from None


@login_required
@require_GET
def network_moderation_queue(request: HttpRequest, network_pk: int) -> HttpResponse:
    network = led_network_or_404(request.user, network_pk)
    index = selectors.network_queue_index(network)
    page = Paginator(index, selectors.QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "network": network,
        "entries": selectors.load_queue_entries(page.object_list, network_id=network.pk),
        "page": page,
        "undo": pending_undo(request),
        "undo_seconds": UNDO_SECONDS,
    }
    return render(request, QUEUE_TEMPLATE, context)


@login_required
@require_POST
def network_moderate(
    request: HttpRequest, network_pk: int, kind: str, pk: int, action: str
) -> HttpResponse:
    network = led_network_or_404(request.user, network_pk)
    if action not in moderation.NETWORK_ACTIONS:
        raise Http404("A network's leads can hide or return work, nothing more.")
    item = _item_or_404(network, contribution_model_or_404(kind), pk)
    title = item.moderation_title()
    try:
        entry = act(request, item, action, network=network)
    except moderation.TransitionRefused as refusal:
        if request.htmx:
            item.refresh_from_db()
            entry = selectors.queue_entry(item, network_id=network.pk)
            return render(
                request, f"{QUEUE_TEMPLATE}#queue_item", {"entry": entry, "error": str(refusal)}
            )
        messages.error(request, str(refusal))
        return back(request, network)
    undo_url = reverse("hub:network_undo_moderation", args=[network.pk, entry.pk])
    done = done_row(entry, item, title, action, undo_url)
    if request.htmx:
        context = {"done": done, "undo_seconds": UNDO_SECONDS}
        return render(request, f"{QUEUE_TEMPLATE}#done_row", context)
    done["at"] = timezone.now().timestamp()
    request.session[UNDO_SESSION_KEY] = done
    messages.success(request, f"You {moderation.ACTION_LABELS[action]} “{title}”.")
    return back(request, network)


@login_required
@require_POST
def network_undo_moderation(request: HttpRequest, network_pk: int, entry_pk: int) -> HttpResponse:
    """Take back what this lead did in the network's queue a few seconds ago."""
    network = led_network_or_404(request.user, network_pk)
    entry = AuditEntry.objects.filter(network=network, actor=request.user, pk=entry_pk).first()
    model = entry.content_type.model_class() if entry else None
    if model is None or model not in {kind.model for kind in contribution_kinds()}:
        raise Http404("Nothing to undo.")
    item = _item_or_404(network, model, entry.object_id)
    version = request.POST.get("version", "")
    request.session.pop(UNDO_SESSION_KEY, None)
    try:
        moderation.undo(
            item,
            entry=entry,
            actor=request.user,
            expected_version=int(version) if version.isdigit() else 0,
            network=network,
        )
    except moderation.TransitionRefused as refusal:
        notice, ok = str(refusal), False
    else:
        notice, ok = f"Undone: “{item.moderation_title()}” is back as it was.", True
    if request.htmx:
        entry = selectors.queue_entry(item, network_id=network.pk)
        context = {"entry": entry, "notice": notice, "ok": ok}
        return render(request, f"{QUEUE_TEMPLATE}#queue_item", context)
    (messages.success if ok else messages.error)(request, notice)
    return redirect("hub:network_moderation_queue", network_pk=network.pk)
