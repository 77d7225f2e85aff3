"""The moderation queue and one-click actions on it (htmx, with undo; no JS needed)."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from hub import moderation
from hub.access import contribution_model_or_404, get_moderatable_or_404, moderators_view_of
from hub.decorators import moderator_required
from hub.leaders import selectors
from hub.lib.redirects import local_path
from hub.models import AuditEntry
from hub.registry import contribution_kinds

QUEUE_TEMPLATE = "hub/leaders/moderation_queue.html"
DONE_LABELS = {
    "approve": "Approved",
    "hide": "Hidden",
    "return": "Returned to the author",
    "dismiss_flags": "Flags dismissed",
}
# Where a moderator's last action waits to be undone when JavaScript is off.
UNDO_SESSION_KEY = "moderation_undo"
UNDO_SECONDS = int(moderation.UNDO_WINDOW.total_seconds())


@moderator_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Everything waiting or flagged, across every registered kind, oldest first."""
    index = selectors.moderation_queue_index(request.user)
    page = Paginator(index, selectors.QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        QUEUE_TEMPLATE,
        {
            "entries": selectors.load_queue_entries(page.object_list),
            "page": page,
            "first_posts": selectors.first_posts(request.user, timezone.now()),
            "undo": pending_undo(request),
            "undo_seconds": UNDO_SECONDS,
        },
    )


def pending_undo(request: HttpRequest) -> dict | None:
    undo = request.session.get(UNDO_SESSION_KEY)
    if undo and timezone.now().timestamp() - undo["at"] <= UNDO_SECONDS:
        # Kept from before undo links were stored with it: the school queue's own.
        undo.setdefault("undo_url", reverse("hub:undo_moderation", args=[undo["entry"]]))
        return undo
    return None


def act(request: HttpRequest, item, action: str, network=None) -> AuditEntry:
    reason = request.POST.get("reason", "")[:500]
    if action == "dismiss_flags":
        moderation.dismiss_flags(item, actor=request.user, reason=reason)
    else:
        version = request.POST.get("version", "")
        moderation.transition(
            item,
            action=action,
            actor=request.user,
            reason=reason,
            expected_version=int(version) if version.isdigit() else None,
            network=network,
        )
    content_type = ContentType.objects.get_for_model(item)
    return AuditEntry.objects.filter(
        actor=request.user, content_type=content_type, object_id=item.pk, action=action
    ).first()


@require_POST
@moderator_required
def moderate(request: HttpRequest, kind: str, pk: int, action: str) -> HttpResponse:
    if action not in DONE_LABELS:
        raise Http404("No such action.")
    model = contribution_model_or_404(kind)
    item = get_moderatable_or_404(moderators_view_of(model), request.user, pk=pk)
    title = item.moderation_title()
    try:
        entry = act(request, item, action)
    except moderation.TransitionRefused as refusal:
        if request.htmx:
            item.refresh_from_db()
            context = {"entry": selectors.queue_entry(item), "error": str(refusal)}
            return render(request, f"{QUEUE_TEMPLATE}#queue_item", context)
        messages.error(request, str(refusal))
        return back(request)
    done = done_row(entry, item, title, action, reverse("hub:undo_moderation", args=[entry.pk]))
    if request.htmx:
        context = {"done": done, "undo_seconds": UNDO_SECONDS}
        return render(request, f"{QUEUE_TEMPLATE}#done_row", context)
    done["at"] = timezone.now().timestamp()
    request.session[UNDO_SESSION_KEY] = done
    messages.success(request, f"You {moderation.ACTION_LABELS[action]} “{title}”.")
    return back(request)


def done_row(entry: AuditEntry, item, title: str, action: str, undo_url: str) -> dict:
    """What the queue shows in place of an item just acted on, with its Undo button."""
    return {
        "entry": entry.pk,
        "version": item.version,
        "title": title,
        "label": DONE_LABELS[action],
        "undo_url": undo_url,
    }


def back(request: HttpRequest, network=None) -> HttpResponse:
    """To the page the action came from, if ours, else the queue it belongs to."""
    if network is not None:
        queue = reverse("hub:network_moderation_queue", args=[network.pk])
    else:
        queue = reverse("hub:moderation_queue")
    return redirect(local_path(request, request.POST.get("next", "")) or queue)


@require_POST
@moderator_required
def undo_moderation(request: HttpRequest, entry_pk: int) -> HttpResponse:
    """Take back this moderator's action of a few seconds ago."""
    entry = AuditEntry.objects.filter(school_id=request.user.school_id, pk=entry_pk).first()
    model = entry.content_type.model_class() if entry else None
    if model is None or model not in {kind.model for kind in contribution_kinds()}:
        raise Http404("Nothing to undo.")
    item = get_moderatable_or_404(moderators_view_of(model), request.user, pk=entry.object_id)
    version = request.POST.get("version", "")
    request.session.pop(UNDO_SESSION_KEY, None)
    try:
        moderation.undo(
            item,
            entry=entry,
            actor=request.user,
            expected_version=int(version) if version.isdigit() else 0,
        )
    except moderation.TransitionRefused as refusal:
        notice, ok = str(refusal), False
    else:
        notice, ok = f"Undone: “{item.moderation_title()}” is back as it was.", True
    if request.htmx:
        context = {"entry": selectors.queue_entry(item), "notice": notice, "ok": ok}
        return render(request, f"{QUEUE_TEMPLATE}#queue_item", context)
    (messages.success if ok else messages.error)(request, notice)
    return redirect("hub:moderation_queue")
