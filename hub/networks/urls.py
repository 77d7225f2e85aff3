from django.urls import path

from hub.networks import views

urlpatterns = [
    path("networks/", views.networks, name="networks"),
    path("networks/find/", views.find_networks, name="find_networks"),
    path("networks/<int:pk>/", views.network_home, name="network"),
    path("networks/<int:pk>/ask/", views.ask_to_join, name="ask_to_join"),
    path("networks/<int:pk>/invite/", views.invite_school, name="invite_school"),
    path("networks/<int:pk>/leave/", views.leave_network, name="leave_network"),
    path("networks/<int:pk>/leads/", views.network_leads, name="network_leads"),
    path(
        "networks/<int:pk>/leads/<int:staff_pk>/remove/",
        views.remove_lead,
        name="remove_network_lead",
    ),
    path("networks/requests/<int:pk>/", views.join_request_page, name="join_request"),
]
