"""A test-only app standing in for the feature apps (ideas, events): concrete
contributions and a participation metric, registered with hub the way a feature
registers, so hub's leaders' tools (scoping, moderation, flags, celebrations,
dashboard, digest, profiles) are tested without depending on the feature apps.
Installed only by hub/test_settings.py."""

from django.apps import AppConfig


class LeadersAppConfig(AppConfig):
    name = "tests.leaders_app"
    label = "leaders_app"
    verbose_name = "Leaders' tools test contributions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tests.leaders_app import registration  # noqa: F401
