from django.contrib import admin

from events.twilights.models import TablePlan, Twilight, TwilightDraw, TwilightSignUp


@admin.register(Twilight)
class TwilightAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "network", "host_school", "date"]
    list_filter = ["kind", "network"]
    raw_id_fields = ["created_by"]


@admin.register(TwilightSignUp)
class TwilightSignUpAdmin(admin.ModelAdmin):
    list_display = ["twilight", "staff", "role", "state", "slot"]
    list_filter = ["role", "state"]
    raw_id_fields = ["twilight", "staff", "will_try"]


# The draw and the plan are on the record: read-only here.
@admin.register(TwilightDraw)
class TwilightDrawAdmin(admin.ModelAdmin):
    list_display = ["twilight", "drawn_by", "drawn_at", "seed"]
    readonly_fields = ["twilight", "drawn_by", "drawn_at", "seed", "order"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(TablePlan)
class TablePlanAdmin(admin.ModelAdmin):
    list_display = ["twilight", "made_by", "made_at", "rounds", "score"]
    readonly_fields = ["twilight", "made_by", "made_at", "rounds", "tables", "seats", "score"]
