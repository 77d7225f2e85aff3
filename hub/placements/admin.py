"""Placements in Django admin: asks and offers may be closed or corrected; a placement's
steps are only ever taken by its people and heads (hub.placements.services)."""

from django.contrib import admin

from hub.models import Placement, PlacementAsk, PlacementOffer


@admin.register(PlacementAsk)
class PlacementAskAdmin(admin.ModelAdmin):
    list_display = ["focus", "staff", "school", "network", "earliest", "is_open"]
    list_filter = ["is_open"]
    raw_id_fields = ["network", "staff", "school"]


@admin.register(PlacementOffer)
class PlacementOfferAdmin(admin.ModelAdmin):
    list_display = ["focus", "host", "school", "network", "available_from", "is_open"]
    list_filter = ["is_open"]
    raw_id_fields = ["network", "host", "school"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["visitor", "host", "starts_on", "state", "created_at"]
    list_filter = ["state"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
