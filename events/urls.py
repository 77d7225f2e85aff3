from django.urls import include, path

from events.views import lunches

app_name = "events"

lunch_patterns = [
    path("", lunches.lunches, name="lunches"),
]

urlpatterns = [
    path("lunches/", include(lunch_patterns)),
]
