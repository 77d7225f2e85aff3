from django.urls import include, path

from events.lunches import urls as lunches
from events.twilights import urls as twilights

app_name = "events"

urlpatterns = [
    path("lunches/", include(lunches.urlpatterns)),
    path("twilights/", include(twilights.urlpatterns)),
]
