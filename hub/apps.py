from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Staffroom hub"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hub.tasks import watch_running_tasks

        watch_running_tasks()
        # What hub's own parts add to the registry (the features add theirs in theirs).
        from hub.leaders import hooks as leaders_hooks  # noqa: F401
        from hub.learning import hooks as learning_hooks  # noqa: F401
        from hub.networks import hooks as networks_hooks  # noqa: F401
        from hub.ops import hooks as ops_hooks  # noqa: F401
        from hub.people import hooks as people_hooks  # noqa: F401
        from hub.placements import hooks as placements_hooks  # noqa: F401
