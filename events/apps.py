from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Learning lunches"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Each feature registers its kinds, panels, jobs and demo data with hub.
        from events.lunches import hooks as lunches_hooks  # noqa: F401
        from events.twilights import hooks as twilights_hooks  # noqa: F401
