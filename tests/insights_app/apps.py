"""A test-only app standing in for the feature apps (ideas, events) that register with hub."""

from django.apps import AppConfig


class InsightsAppConfig(AppConfig):
    name = "tests.insights_app"
    label = "insights_app"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tests.insights_app import registration  # noqa: F401
