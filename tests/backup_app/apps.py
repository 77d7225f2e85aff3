from django.apps import AppConfig


class BackupAppConfig(AppConfig):
    """A test-only app shaped like a feature export_school has never heard of (the
    scrapbook: articles with images, editions of articles, generated PDF files)."""

    name = "tests.backup_app"
    label = "backup_app"
    default_auto_field = "django.db.models.BigAutoField"
