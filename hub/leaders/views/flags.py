from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hub.access import contribution_model_or_404, get_visible_or_404
from hub.leaders import flagging
from hub.leaders.forms import FlagForm
from hub.lib.redirects import local_path


def _next_url(request: HttpRequest, item) -> str:
    next_url = request.POST.get("next") or request.GET.get("next", "")
    return local_path(request, next_url) or getattr(item, "get_absolute_url", lambda: "/")()


@login_required
def flag_contribution(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Any staff member asks moderators to look at something they can see."""
    model = contribution_model_or_404(kind)
    item = get_visible_or_404(model.objects.select_related("author"), request.user, pk=pk)
    next_url = _next_url(request, item)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            flagging.flag_contribution(
                contribution=item, staff=request.user, reason=form.cleaned_data["reason"]
            )
        except flagging.AlreadyFlagged:
            messages.info(request, "You already flagged this. A moderator will look at it.")
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, "Thank you. Your school's moderators will look at it; only they see why."
            )
        return redirect(next_url)
    context = {
        "form": form,
        "item": item,
        "next_url": next_url,
        "already": flagging.has_flagged(item, request.user),
    }
    return render(request, "hub/leaders/moderation_flag.html", context)
