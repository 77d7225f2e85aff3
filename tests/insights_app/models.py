from django.conf import settings
from django.db import models

from hub.models import Contribution


class Note(Contribution):
    """A stand-in for a board idea."""

    title = models.CharField(max_length=120)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/notes/{self.pk}/"


class Reply(Contribution):
    """A stand-in for a reply to a Thinking Thursday question."""

    body = models.CharField(max_length=500)

    def __str__(self) -> str:
        return self.body[:60]


class Attendance(models.Model):
    """A stand-in for lunch attendance: counted, but not "sharing"."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    attended_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.staff_id} at {self.attended_at:%Y-%m-%d}"
