from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Staffroom hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hub import digest  # noqa: F401  (registers the Friday digest job and section)
