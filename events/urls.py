from django.urls import include, path

from events.lunches import urls as lunches

app_name = "events"

urlpatterns = [
    path("lunches/", include(lunches.urlpatterns)),
]
