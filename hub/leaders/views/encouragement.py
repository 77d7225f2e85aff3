"""From the dashboard's "Not shared yet" list: a personal invitation to share."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from hub.access import get_moderatable_or_404
from hub.decorators import moderator_required
from hub.leaders import encouragement
from hub.leaders.forms import ShareInvitationForm
from hub.leaders.participation import sharers_between
from hub.lib.terms import Term
from hub.models import Staff


@moderator_required
def invite_to_share(request: HttpRequest, pk: int) -> HttpResponse:
    # Active colleagues at the moderator's school, never themselves.
    colleagues = Staff.objects.filter(is_active=True).exclude(pk=request.user.pk)
    recipient = get_moderatable_or_404(colleagues, request.user, pk=pk)
    today = timezone.localdate(timezone=request.user.school.zone)
    existing = encouragement.invitation_this_half_term(recipient=recipient, today=today)
    if existing is not None:
        if request.method == "POST":
            messages.info(request, f"{recipient.name} was already invited this half-term.")
            return redirect("hub:dashboard")
        return render(
            request, "hub/leaders/invite_to_share.html", {"member": recipient, "sent": existing}
        )
    term = Term.containing(today)
    buddies = sharers_between(
        school=request.user.school, first_day=term.first_day, last_day=today
    ).exclude(pk=recipient.pk)
    initial = {
        "message": encouragement.suggested_message(recipient=recipient, sent_by=request.user)
    }
    form = ShareInvitationForm(request.POST or None, buddies=buddies, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            encouragement.invite_to_share(
                sent_by=request.user, recipient=recipient, today=today, **form.cleaned_data
            )
        except encouragement.AlreadyInvited:
            messages.info(request, f"{recipient.name} was already invited this half-term.")
        else:
            messages.success(request, f"Your invitation is on its way to {recipient.name}.")
        return redirect("hub:dashboard")
    return render(request, "hub/leaders/invite_to_share.html", {"member": recipient, "form": form})
