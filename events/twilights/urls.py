from django.urls import path

from events.twilights.views import night, places, twilights

urlpatterns = [
    path("", twilights.twilights, name="twilights"),
    path("new/", twilights.schedule_twilight, name="schedule_twilight"),
    path("<int:pk>/", twilights.twilight_detail, name="twilight_detail"),
    path("<int:pk>/twilight.ics", twilights.twilight_ics, name="twilight_ics"),
    path("<int:pk>/sign-up/", places.sign_up, name="twilight_sign_up"),
    path("<int:pk>/cancel/", places.cancel_sign_up, name="twilight_cancel"),
    path("<int:pk>/which-idea/", places.twilight_follow_up, name="twilight_follow_up"),
    path("<int:pk>/draw/", night.draw_running_order, name="twilight_draw"),
    path("<int:pk>/screen/", night.running_order_screen, name="twilight_screen"),
    path("<int:pk>/tables/", night.table_plan, name="twilight_table_plan"),
    path("<int:pk>/tables/make/", night.make_table_plan, name="make_table_plan"),
]
