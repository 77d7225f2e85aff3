from django.contrib import admin

from events.twilights.models import TablePlan, Twilight, TwilightDraw, TwilightSignUp
from hub.content import schools_changed


class NetworkContentAdmin:
    """A change made here raises the content version of every school in the twilight's
    network, as the services do (hub.content.SchoolContentAdmin, for a network's rows)."""

    @staticmethod
    def schools_of(obj) -> list[int]:
        twilight = obj if isinstance(obj, Twilight) else obj.twilight
        return [*twilight.network.schools.values_list("pk", flat=True), twilight.host_school_id]

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        schools_changed(self.schools_of(obj))

    def delete_model(self, request, obj) -> None:
        schools = self.schools_of(obj)
        super().delete_model(request, obj)
        schools_changed(schools)

    def delete_queryset(self, request, queryset) -> None:
        schools = [school for obj in queryset for school in self.schools_of(obj)]
        super().delete_queryset(request, queryset)
        schools_changed(schools)


@admin.register(Twilight)
class TwilightAdmin(NetworkContentAdmin, admin.ModelAdmin):
    list_display = ["title", "kind", "network", "host_school", "date"]
    list_filter = ["kind", "network"]
    raw_id_fields = ["created_by"]


@admin.register(TwilightSignUp)
class TwilightSignUpAdmin(NetworkContentAdmin, admin.ModelAdmin):
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
