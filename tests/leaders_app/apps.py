"""A test-only contribution kind, so hub's leaders' tools are tested on a real model
without depending on the feature apps. Installed only by hub/test_settings.py."""

from django.apps import AppConfig


class LeadersAppConfig(AppConfig):
    name = "tests.leaders_app"
    label = "leaders_app"
    verbose_name = "Leaders' tools test notes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from hub.registry import register_contribution
        from tests.leaders_app.models import Note

        register_contribution(Note, label="Note", label_plural="Notes")
