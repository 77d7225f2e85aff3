from django.db import models

from hub.models import Contribution


class Note(Contribution):
    text = models.CharField(max_length=500)

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        # Served by tests/leaders_app/urls.py, which browser tests opt into.
        return f"/test-notes/{self.pk}/"

    def moderation_title(self) -> str:
        return f"Note: {self.text[:60]}"

    def moderation_body(self) -> str:
        return self.text
