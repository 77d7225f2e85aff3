from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Staffroom hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hub.content_versions import watch_every_connection

        watch_every_connection()
        from hub import (
            hooks,  # noqa: F401  (hub's own home panel and demo content)
            insights_hooks,  # noqa: F401  (digest job, celebrations, demo)
        )
