"""Placement URLs, included in hub's namespace (hub:placements_home...)."""

from django.urls import path

from hub.placements import views

NETWORK = "networks/<int:network_pk>/placements/"

urlpatterns = [
    path("placements/", views.placements_home, name="placements_home"),
    path(NETWORK, views.network_placements, name="network_placements"),
    path(f"{NETWORK}ask/", views.ask_for_placement, name="ask_for_placement"),
    path(f"{NETWORK}offer/", views.offer_to_host, name="offer_to_host"),
    path(f"{NETWORK}asks/<int:pk>/", views.placement_ask, name="placement_ask"),
    path(f"{NETWORK}asks/<int:pk>/close/", views.close_ask, name="close_placement_ask"),
    path(f"{NETWORK}offers/<int:pk>/", views.placement_offer, name="placement_offer"),
    path(f"{NETWORK}offers/<int:pk>/close/", views.close_offer, name="close_placement_offer"),
    path(
        f"{NETWORK}asks/<int:ask_pk>/propose/<int:offer_pk>/",
        views.propose_placement,
        name="propose_placement",
    ),
    path("placements/<int:pk>/", views.placement_detail, name="placement"),
    path("placements/<int:pk>/respond/", views.respond_to_placement, name="respond_to_placement"),
    path("placements/<int:pk>/approve/", views.approve_placement, name="approve_placement"),
    path("placements/<int:pk>/withdraw/", views.withdraw_placement, name="withdraw_placement"),
]
