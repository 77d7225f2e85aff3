from django.db import models

from hub.models import Contribution


class Note(Contribution):
    """The smallest concrete contribution: enough to test scoping and moderation."""

    text = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.text

    def moderation_title(self) -> str:
        return self.text

    def moderation_body(self) -> str:
        return self.text
