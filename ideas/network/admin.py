from django.contrib import admin

from hub.content import SchoolContentAdmin
from ideas.network.models import NetworkCelebration, NetworkPick


@admin.register(NetworkPick)
class NetworkPickAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["week", "network", "idea", "picked_by", "picked_at"]
    list_filter = ["network"]
    list_select_related = ["idea", "network", "picked_by"]
    raw_id_fields = ["idea", "picked_by"]


@admin.register(NetworkCelebration)
class NetworkCelebrationAdmin(SchoolContentAdmin, admin.ModelAdmin):
    list_display = ["network", "idea", "celebrated_by", "celebrated_at"]
    list_filter = ["network"]
    search_fields = ["note", "idea__title"]
    list_select_related = ["idea", "network", "celebrated_by"]
    raw_id_fields = ["idea", "celebrated_by"]
