from django.urls import path

from events.lunches.views import calendar, inputs, lunches, signups

urlpatterns = [
    path("", lunches.lunches, name="lunches"),
    path("archive/", lunches.lunch_archive, name="lunch_archive"),
    path("schedule/", lunches.schedule_lunch, name="schedule_lunch"),
    path("<int:pk>/", lunches.lunch_detail, name="lunch_detail"),
    path("<int:pk>/edit/", lunches.edit_lunch, name="edit_lunch"),
    path("<int:pk>/lunch.ics", lunches.lunch_ics, name="lunch_ics"),
    path("<int:pk>/sign-up/", signups.sign_up, name="sign_up"),
    path("<int:pk>/cancel/", signups.cancel_sign_up, name="cancel_sign_up"),
    path("<int:pk>/volunteer/", inputs.volunteer_input, name="volunteer_input"),
    path("offer-an-input/", inputs.offer_input, name="offer_input"),
    path("<int:pk>/takeaway/", inputs.add_takeaway, name="add_takeaway"),
    path(
        "takeaways/<int:pk>/how-did-it-go/",
        inputs.takeaway_follow_up,
        name="takeaway_follow_up",
    ),
    path("inputs/<int:pk>/resources/", inputs.add_resources, name="add_resources"),
    path("inputs/<int:pk>/file/", inputs.download_input_file, name="download_input_file"),
    path("dietary-needs/", signups.dietary_needs, name="dietary_needs"),
    path("calendar/", calendar.my_calendar, name="my_calendar"),
    path("calendar/reset/", calendar.reset_calendar_feed, name="reset_calendar_feed"),
    path("calendar/revoke/", calendar.revoke_calendar_feed, name="revoke_calendar_feed"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]
