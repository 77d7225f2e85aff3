from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hub.leaders.views import (
    audit,
    celebrations,
    dashboard,
    encouragement,
    flags,
    moderation,
    school_settings,
)
from hub.leaders.views import (
    unsubscribe as digest,
)
from hub.people.forms import EmailAuthenticationForm, QueuedPasswordResetForm
from hub.people.views import account, personal_data, staff
from hub.views import home, notifications

hub_patterns = [
    path("", home.home, name="home"),
    path("profile/", account.edit_profile, name="edit_profile"),
    path("people/<int:pk>/", account.profile, name="profile"),
    path("profile/my-data/", personal_data.my_data, name="my_data"),
    path("profile/my-data.zip", personal_data.download_my_data, name="download_my_data"),
    path("moderation/", moderation.moderation_queue, name="moderation_queue"),
    path(
        "moderation/<str:kind>/<int:pk>/<str:action>/",
        moderation.moderate,
        name="moderate",
    ),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/participation.csv", dashboard.dashboard_csv, name="dashboard_csv"),
    path(
        "dashboard/invite-to-share/<int:pk>/",
        encouragement.invite_to_share,
        name="invite_to_share",
    ),
    path("notifications/", notifications.notifications, name="notifications"),
    path("notifications/<int:pk>/", notifications.open_notification, name="open_notification"),
    path(
        "notifications/read/",
        notifications.mark_notifications_read,
        name="mark_notifications_read",
    ),
    path(
        "notifications/preferences/",
        notifications.notification_preferences,
        name="notification_preferences",
    ),
    path("unsubscribe/<str:token>/", digest.unsubscribe, name="unsubscribe"),
    path("moderation/undo/<int:entry_pk>/", moderation.undo_moderation, name="undo_moderation"),
    path("moderation/log/", audit.audit_log, name="audit_log"),
    path("flag/<str:kind>/<int:pk>/", flags.flag_contribution, name="flag"),
    path("celebrate/<str:kind>/<int:pk>/", celebrations.celebrate_contribution, name="celebrate"),
    path("celebrations/", celebrations.celebrations, name="celebrations"),
    path("term-summary/", celebrations.term_summary, name="term_summary"),
    path("settings/", school_settings.school_settings, name="school_settings"),
    path("school/<int:pk>/logo/", school_settings.school_logo, name="school_logo"),
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/invite/", staff.invite_staff, name="invite_staff"),
    path("staff/import/", staff.import_staff, name="import_staff"),
    path("staff/<int:pk>/", staff.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/deactivate/", staff.deactivate_staff, name="deactivate_staff"),
    path("staff/<int:pk>/reactivate/", staff.reactivate_staff, name="reactivate_staff"),
    path("staff/<int:pk>/resend-invitation/", staff.resend_invitation, name="resend_invitation"),
]

urlpatterns = [
    path("", include((hub_patterns, "hub"))),
    path("", include("ideas.urls")),
    path("", include("events.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path(
        "accounts/password_reset/",
        auth_views.PasswordResetView.as_view(form_class=QueuedPasswordResetForm),
        name="password_reset",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        account.ResetPasswordConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("accounts/", include("django.contrib.auth.urls")),
    path("invitations/<str:token>/", account.accept_invitation, name="accept_invitation"),
    path("django-admin/", admin.site.urls),
]

if settings.STAFFROOM_BENCH:
    from hub.ops.bench import ceiling

    urlpatterns += [path("bench/ceiling/", ceiling, name="bench_ceiling")]
# No URL serves MEDIA_ROOT, in any mode: pupils' photos, slides and exports are
# served only by the views that check who may see them (hub.access).
