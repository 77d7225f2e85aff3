"""A person's own notifications, and how they want to hear from Staffroom by email."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hub.models import Notification
from hub.people.forms import EmailPreferenceForm, NoticePreferencesForm

NOTIFICATIONS_PER_PAGE = 25


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    mine = Notification.objects.for_recipient(request.user)
    page = Paginator(mine, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "hub/notifications.html",
        {"page": page, "unread": mine.unread().exists() if page.object_list else False},
    )


@login_required
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark it read and land on the exact place it is about (an anchor for a comment)."""
    notification = get_object_or_404(Notification.objects.for_recipient(request.user), pk=pk)
    Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    link = notification.link()
    if not link:
        messages.info(request, "What this notification was about has been deleted since.")
        return redirect("hub:notifications")
    return redirect(link)


@login_required
@require_POST
def mark_notifications_read(request: HttpRequest) -> HttpResponse:
    marked = (
        Notification.objects.for_recipient(request.user).unread().update(read_at=timezone.now())
    )
    if marked:
        messages.success(request, "All your notifications are marked as read.")
    return redirect("hub:notifications")


@login_required
def notification_preferences(request: HttpRequest) -> HttpResponse:
    form = EmailPreferenceForm(request.POST or None, instance=request.user)
    kinds = NoticePreferencesForm(request.POST or None, staff=request.user, prefix="kind")
    if request.method == "POST" and form.is_valid() and kinds.is_valid():
        with transaction.atomic():
            form.save()
            kinds.save()
        messages.success(
            request, f"Saved. Emails from Staffroom: {request.user.get_email_preference_display()}."
        )
        return redirect("hub:notification_preferences")
    context = {"form": form, "kinds": kinds}
    return render(request, "hub/notifications_preferences.html", context)
