from django.urls import path

from ideas.network import views

urlpatterns = [
    path("<int:network_pk>/", views.network_feed, name="network_feed"),
    path("<int:network_pk>/pick/<int:pk>/", views.pick_network_idea, name="pick_network_idea"),
    path(
        "<int:network_pk>/celebrate/<int:pk>/",
        views.celebrate_network_idea,
        name="celebrate_network_idea",
    ),
]
