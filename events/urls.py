from django.urls import include, path

from events.views import lunches

app_name = "events"

lunch_patterns = [
    path("", lunches.lunches, name="lunches"),
    path("<int:pk>/", lunches.lunches, name="lunch_detail"),
]

urlpatterns = [
    path("lunches/", include(lunch_patterns)),
]
