"""Django admin for Thinking Thursday, for superusers fixing data by hand."""

from django.contrib import admin

from hub.content import SchoolContentAdmin
from ideas.thursday.models import (
    BuildsOn,
    Closure,
    Question,
    Reply,
    RotaOptOut,
    RotaTurn,
    TurnSwap,
)

__all__: list[str] = []


@admin.register(Closure)
class ClosureAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["first_day", "last_day", "school", "reason"]
    list_filter = ["school"]


@admin.register(RotaTurn)
class RotaTurnAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["date", "school", "staff", "state", "reminded_at", "missed_flagged_at"]
    list_filter = ["state", "school"]
    raw_id_fields = ["staff"]


@admin.register(RotaOptOut)
class RotaOptOutAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["staff", "school", "reason"]
    raw_id_fields = ["staff"]


@admin.register(TurnSwap)
class TurnSwapAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["created_at", "first_staff", "second_staff", "state", "expires_at"]
    list_filter = ["state"]
    raw_id_fields = ["first_turn", "second_turn", "first_staff", "second_staff", "requested_by"]


@admin.register(Question)
class QuestionAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["text", "school", "author", "status", "publish_at"]
    list_filter = ["status", "school"]
    search_fields = ["text"]
    raw_id_fields = ["author", "turn"]


@admin.register(Reply)
class ReplyAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["__str__", "question", "author", "is_anonymous", "status"]
    list_filter = ["status", "is_anonymous"]
    raw_id_fields = ["author", "question", "parent"]


@admin.register(BuildsOn)
class BuildsOnAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["reply", "staff", "created_at"]
    raw_id_fields = ["reply", "staff"]
