from django.apps import AppConfig


class IdeasConfig(AppConfig):
    name = "ideas"
    verbose_name = "Ideas, Thinking Thursday and the Scrapbook"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Each feature registers its kinds, panels, jobs and demo data with hub.
        from ideas.board import hooks as board_hooks  # noqa: F401
        from ideas.network import hooks as network_hooks  # noqa: F401
        from ideas.scrapbook import hooks as scrapbook_hooks  # noqa: F401
        from ideas.thursday import hooks as thursday_hooks  # noqa: F401
