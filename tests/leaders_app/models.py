from django.conf import settings
from django.db import models

from hub.models import Contribution


class Note(Contribution):
    """A stand-in for a feature's contribution, such as a board idea."""

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


class Reply(Contribution):
    """A stand-in for a reply to a Thinking Thursday question."""

    body = models.CharField(max_length=500)

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        # Notifications link to what they are about; these replies have no page of their own.
        return f"/test-notes/replies/{self.pk}/"


class Attendance(models.Model):
    """A stand-in for lunch attendance: counted, but not "sharing"."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    attended_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.staff_id} at {self.attended_at:%Y-%m-%d}"
