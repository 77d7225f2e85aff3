from django.contrib import admin

from hub.content import SchoolContentAdmin
from ideas.board.models import Comment, Idea, IdeaOfTheWeek, Reaction


@admin.register(Idea)
class IdeaAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["title", "author", "school", "week", "status", "created_at"]
    list_filter = ["status", "colour", "school"]
    search_fields = ["title", "note"]
    list_select_related = ["author", "school"]
    raw_id_fields = ["author"]
    date_hierarchy = "week"


@admin.register(Reaction)
class ReactionAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["idea", "author", "kind", "status", "created_at"]
    list_filter = ["kind", "status"]
    search_fields = ["reflection", "idea__title"]
    list_select_related = ["idea", "author"]
    raw_id_fields = ["idea", "author"]


@admin.register(Comment)
class CommentAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["idea", "author", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["text", "idea__title"]
    list_select_related = ["idea", "author"]
    raw_id_fields = ["idea", "author"]


@admin.register(IdeaOfTheWeek)
class IdeaOfTheWeekAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["week", "school", "idea", "picked_by", "picked_at"]
    list_filter = ["school"]
    list_select_related = ["idea", "school", "picked_by"]
    raw_id_fields = ["idea", "picked_by"]
