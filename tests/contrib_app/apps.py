from django.apps import AppConfig


class ContribAppConfig(AppConfig):
    """A test-only app with one concrete Contribution, to test the shared machinery."""

    name = "tests.contrib_app"
    label = "contrib_app"
    default_auto_field = "django.db.models.BigAutoField"
