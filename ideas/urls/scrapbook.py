from django.urls import path

from ideas.views import scrapbook

urlpatterns = [
    path("", scrapbook.scrapbook, name="scrapbook"),
]
