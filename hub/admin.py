from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from hub.content import SchoolContentAdmin
from hub.models import (
    AuditEntry,
    DisplayLink,
    Flag,
    Invitation,
    JoinRequest,
    LearningExport,
    LearningFocus,
    LearningNote,
    Network,
    Notification,
    Pulse,
    PulseAnswer,
    RegisteredSchool,
    School,
    SchoolTerm,
    SentDigest,
    SentEmail,
    ShareInvitation,
    Staff,
)


class SchoolTermInline(admin.TabularInline):
    model = SchoolTerm
    extra = 0


@admin.register(School)
class SchoolAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["name", "urn", "phase", "local_authority", "moderation_mode"]
    search_fields = ["name", "urn"]
    list_filter = ["phase", "moderation_mode"]
    readonly_fields = ["uid"]
    inlines = [SchoolTermInline]


@admin.register(SchoolTerm)
class SchoolTermAdmin(admin.ModelAdmin):
    list_display = ["name", "school", "first_day", "last_day"]
    list_filter = ["school"]


@admin.register(Network)
class NetworkAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["name", "kind"]
    search_fields = ["name"]
    filter_horizontal = ["schools"]


@admin.register(JoinRequest)
class JoinRequestAdmin(admin.ModelAdmin):
    list_display = ["school", "network", "direction", "status", "made_at"]
    list_filter = ["status", "direction"]
    search_fields = ["school__name", "network__name"]
    raw_id_fields = ["school", "network", "made_by", "answered_by"]


@admin.register(RegisteredSchool)
class RegisteredSchoolAdmin(admin.ModelAdmin):
    """Filled by `manage.py import_schools_register`: the next import overwrites edits."""

    list_display = ["name", "urn", "phase", "local_authority", "region", "number_of_pupils"]
    list_filter = ["phase", "region", "is_open"]
    search_fields = ["name", "urn", "trust"]


@admin.register(Staff)
class StaffAdmin(SchoolContentAdmin, UserAdmin):
    ordering = ["full_name"]
    list_display = [
        "email",
        "full_name",
        "school",
        "role",
        "is_moderator",
        "is_school_admin",
        "is_active",
    ]
    list_filter = ["role", "is_moderator", "is_school_admin", "is_active", "school"]
    search_fields = ["email", "full_name"]
    list_select_related = ["school"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            "Person",
            {
                "fields": [
                    "full_name",
                    "display_name",
                    "job_title",
                    "phase",
                    "subjects",
                    "learning_focus",
                ]
            },
        ),
        (
            "School and rights",
            {"fields": ["school", "role", "is_moderator", "is_school_admin", "manages_settings"]},
        ),
        (
            "Account",
            {
                "fields": [
                    "is_active",
                    "deactivated_at",
                    "is_staff",
                    "is_superuser",
                    "last_login",
                    "date_joined",
                ]
            },
        ),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "full_name", "school", "role", "password1", "password2"],
            },
        )
    ]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["staff", "created_at", "expires_at", "accepted_at"]
    list_select_related = ["staff"]
    readonly_fields = ["token_hash"]


@admin.register(DisplayLink)
class DisplayLinkAdmin(admin.ModelAdmin):
    """Links are made on the Screens page, where the token is shown once; here they
    can only be looked at (the token is not kept, only its hash)."""

    list_display = ["name", "school", "created_by", "created_at", "revoked_at"]
    list_filter = ["school"]
    list_select_related = ["school", "created_by"]
    readonly_fields = ["token_hash"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "school", "actor", "action", "target_title", "reason"]
    list_filter = ["action", "school"]
    list_select_related = ["school", "actor"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "message", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email", "message"]


@admin.register(SentDigest)
class SentDigestAdmin(admin.ModelAdmin):
    list_display = ["school", "week_start", "sent_at"]
    list_select_related = ["school"]


@admin.register(SentEmail)
class SentEmailAdmin(admin.ModelAdmin):
    """What the mail server accepted, per task and recipient: kept so a retry skips it."""

    list_display = ["sent_at", "recipient", "key"]
    search_fields = ["recipient", "key"]
    date_hierarchy = "sent_at"

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(ShareInvitation)
class ShareInvitationAdmin(SchoolContentAdmin, admin.ModelAdmin):
    """Invitations to share leaders sent: a record, so adding one here is not offered."""

    list_display = ["created_at", "school", "recipient", "sent_by", "buddy", "half_term_start"]
    list_filter = ["school", "half_term_start"]
    list_select_related = ["school", "recipient", "sent_by", "buddy"]
    raw_id_fields = ["recipient", "sent_by", "buddy"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Flag)
class FlagAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["created_at", "school", "flagged_by", "reason", "resolution"]
    list_filter = ["resolution", "school"]
    list_select_related = ["school", "flagged_by"]


@admin.register(LearningFocus)
class LearningFocusAdmin(admin.ModelAdmin):
    list_display = ["staff", "school", "school_year", "show_on_profile"]
    list_filter = ["school_year"]
    raw_id_fields = ["staff", "school"]


class PersonalRecordAdmin(admin.ModelAdmin):
    """A person's own notes, files and pulse answers: listed without their words (private
    or anonymous), and never written to from here."""

    raw_id_fields = ["staff"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LearningNote)
class LearningNoteAdmin(PersonalRecordAdmin):
    list_display = ["staff", "created_at", "is_private"]


@admin.register(LearningExport)
class LearningExportAdmin(PersonalRecordAdmin):
    list_display = ["staff", "format", "start", "end", "status", "created_at"]
    list_filter = ["status", "format"]


@admin.register(Pulse)
class PulseAdmin(admin.ModelAdmin):
    list_display = ["question", "school", "opened_at", "closed_at", "is_anonymous"]
    raw_id_fields = ["school", "created_by"]


@admin.register(PulseAnswer)
class PulseAnswerAdmin(PersonalRecordAdmin):
    list_display = ["pulse", "role_group", "answered_at"]
    raw_id_fields = ["pulse", "staff"]


# Sub-packages keep their own admin beside their models' code.
from hub.placements import admin as placements_admin  # noqa: E402, F401
