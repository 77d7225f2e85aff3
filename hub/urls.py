from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from hub.directory import urls as directory_urls
from hub.display import views as display
from hub.leaders.views import (
    audit,
    celebrations,
    dashboard,
    encouragement,
    flags,
    moderation,
    network_moderation,
    school_settings,
)
from hub.leaders.views import (
    unsubscribe as digest,
)
from hub.learning import pulse_views
from hub.learning import views as learning
from hub.networks import urls as network_urls
from hub.people.forms import EmailAuthenticationForm, QueuedPasswordResetForm
from hub.people.views import account, personal_data, staff
from hub.placements.urls import urlpatterns as placement_patterns
from hub.views import home, notifications

hub_patterns = [
    path("", home.home, name="home"),
    path("profile/", account.edit_profile, name="edit_profile"),
    path("people/<int:pk>/", account.profile, name="profile"),
    path("profile/my-data/", personal_data.my_data, name="my_data"),
    path("profile/my-data.zip", personal_data.download_my_data, name="download_my_data"),
    path("my-learning/", learning.my_learning, name="my_learning"),
    path("my-learning/focus/", learning.edit_focus, name="add_focus"),
    path("my-learning/focus/<int:pk>/", learning.edit_focus, name="edit_focus"),
    path("my-learning/focus/<int:pk>/delete/", learning.delete_focus, name="delete_focus"),
    path("my-learning/notes/", learning.add_note, name="add_learning_note"),
    path("my-learning/export/", learning.request_export, name="request_learning_export"),
    path("my-learning/exports/<int:pk>/", learning.learning_export, name="learning_export"),
    path(
        "my-learning/exports/<int:pk>/download/",
        learning.download_learning_export,
        name="download_learning_export",
    ),
    path("pulses/", pulse_views.pulses, name="pulses"),
    path("pulses/new/", pulse_views.open_pulse, name="open_pulse"),
    path("pulses/<int:pk>/", pulse_views.pulse_detail, name="pulse_detail"),
    path("pulses/<int:pk>/results/", pulse_views.pulse_results_page, name="pulse_results"),
    path("pulses/<int:pk>/close/", pulse_views.close_pulse, name="close_pulse"),
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
    path(
        "networks/<int:network_pk>/moderation/",
        network_moderation.network_moderation_queue,
        name="network_moderation_queue",
    ),
    path(
        "networks/<int:network_pk>/moderation/<str:kind>/<int:pk>/<str:action>/",
        network_moderation.network_moderate,
        name="network_moderate",
    ),
    path(
        "networks/<int:network_pk>/moderation/undo/<int:entry_pk>/",
        network_moderation.network_undo_moderation,
        name="network_undo_moderation",
    ),
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
    path("screens/", display.display_links, name="display_links"),
    path("screens/<int:pk>/revoke/", display.revoke_display_link, name="revoke_display_link"),
    path("screen/<str:token>/", display.screen, name="screen"),
    path("screen/<str:token>/content/", display.screen_content, name="screen_content"),
    path("this-week/print/", display.staffroom_sheet, name="staffroom_sheet"),
    *placement_patterns,
    *network_urls.urlpatterns,
    *directory_urls.urlpatterns,
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
