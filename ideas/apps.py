from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "ideas"
    verbose_name = "Ideas, Thinking Thursday and the Scrapbook"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ideas import registration  # noqa: F401  (registers with hub)
