from django.urls import path

from hub.directory import views

urlpatterns = [
    path("networks/<int:pk>/find-schools/", views.find_schools, name="find_schools"),
    path("schools-like-ours/", views.schools_like_ours, name="schools_like_ours"),
]
