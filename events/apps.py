from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Learning lunches"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from events import registration  # noqa: F401  (registers with hub)
