from django.apps import apps
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from hub import moderation
from hub.access import get_moderatable_or_404
from hub.decorators import moderator_required
from hub.models import Status
from hub.registry import contribution_kinds

QUEUE_LIMIT_PER_KIND = 100


@moderator_required
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Everything waiting for a moderator, across every registered kind, oldest first."""
    waiting = []
    for kind in contribution_kinds():
        items = (
            kind.model.objects.filter(school_id=request.user.school_id, status=Status.SUBMITTED)
            .select_related("author")
            .order_by("created_at")[:QUEUE_LIMIT_PER_KIND]
        )
        waiting.extend(
            {"kind": kind, "item": item, "key": kind.model._meta.label_lower} for item in items
        )
    waiting.sort(key=lambda entry: entry["item"].created_at)
    return render(request, "hub/moderation_queue.html", {"waiting": waiting})


def _contribution_model(key: str):
    registered = {kind.model._meta.label_lower: kind.model for kind in contribution_kinds()}
    if key not in registered:
        raise Http404("No such kind of contribution.")
    return apps.get_model(key)


@require_POST
@moderator_required
def moderate(request: HttpRequest, kind: str, pk: int, action: str) -> HttpResponse:
    if action not in ("approve", "hide", "return"):
        raise Http404("No such action.")
    model = _contribution_model(kind)
    item = get_moderatable_or_404(model.objects.all(), request.user, pk=pk)
    version = request.POST.get("version")
    try:
        moderation.transition(
            item,
            action=action,
            actor=request.user,
            reason=request.POST.get("reason", "")[:500],
            expected_version=int(version) if version and version.isdigit() else None,
        )
    except moderation.TransitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request, f"You {moderation.ACTION_LABELS[action]} “{item.moderation_title()}”."
        )
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("hub:moderation_queue")
