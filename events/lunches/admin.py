from django.contrib import admin

from events.lunches.models import CalendarFeed, DietaryNeeds, Input, Lunch, SignUp, Takeaway
from hub.content import SchoolContentAdmin


class SignUpInline(admin.TabularInline):
    model = SignUp
    extra = 0
    raw_id_fields = ["staff"]


@admin.register(Lunch)
class LunchAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["__str__", "school", "starts_at", "room", "capacity"]
    list_filter = ["school"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["created_by"]
    inlines = [SignUpInline]


@admin.register(Input)
class InputAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["title", "kind", "author", "lunch", "status"]
    list_filter = ["status", "kind"]
    raw_id_fields = ["author", "lunch"]


@admin.register(Takeaway)
class TakeawayAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["text", "author", "lunch", "status"]
    raw_id_fields = ["author", "lunch"]


@admin.register(DietaryNeeds)
class DietaryNeedsAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["staff", "updated_at"]
    raw_id_fields = ["staff"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ["staff", "created_at"]
    raw_id_fields = ["staff"]
    readonly_fields = ["token_hash"]
