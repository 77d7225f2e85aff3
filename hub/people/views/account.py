from axes.utils import reset as reset_lockout
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from hub.access import get_visible_or_404
from hub.content import school_changed
from hub.learning.selectors import profile_focuses
from hub.models import Invitation, Staff
from hub.models.learning import school_year_of
from hub.people import services
from hub.people.forms import AcceptInvitationForm, ProfileForm
from hub.people.selectors import profile_content


@login_required
def edit_profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            # Colleagues' pages show this name beside everything this person shared.
            school_changed(request.user.school_id)
        messages.success(request, "Your profile is saved.")
        return redirect("hub:edit_profile")
    return render(request, "hub/people/edit_profile.html", {"form": form})


@login_required
def profile(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_visible_or_404(
        Staff.objects.prefetch_related("learning_focus"), request.user, pk=pk
    )
    content = profile_content(member=member, viewer=request.user)
    context = {
        "member": member,
        "content": content,
        # Only those the person chose to show on their profile.
        "focuses": profile_focuses(member),
        "current_school_year": school_year_of(timezone.localdate()),
    }
    return render(request, "hub/people/profile.html", context)


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.find_usable(token)
    if invitation is None:
        return render(request, "registration/invitation_invalid.html", status=404)
    form = AcceptInvitationForm(request.POST or None, staff=invitation.staff)
    if request.method == "POST" and form.is_valid():
        try:
            staff = services.invitation_accept(
                invitation=invitation, password=form.cleaned_data["password"]
            )
        except ValueError:
            return render(request, "registration/invitation_invalid.html", status=404)
        login(request, staff, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to Staffroom, {staff.name}.")
        # The first sign-in lands on the post form, ready: a first idea is the point.
        return redirect(reverse("ideas:post_idea") + "?welcome=1")
    return render(
        request, "registration/accept_invitation.html", {"form": form, "invitation": invitation}
    )


class ResetPasswordConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset page, which also lifts a sign-in lockout on that account.

    Whoever can read the account's email has proved it is theirs, and the
    lockout page tells locked-out people to reset their password.
    """

    def form_valid(self, form):
        response = super().form_valid(form)
        reset_lockout(username=self.user.email)
        return response
