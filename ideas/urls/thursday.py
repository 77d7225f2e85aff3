from django.urls import path

from ideas.views import thursday

urlpatterns = [
    path("", thursday.thursday, name="thursday"),
]
