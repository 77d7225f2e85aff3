"""A staffroom screen's link: the long random token in it is the only key."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

DISPLAY_NAME_MAX = 80


def hash_display_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class DisplayLinkQuerySet(models.QuerySet):
    def active(self) -> "DisplayLinkQuerySet":
        return self.filter(revoked_at__isnull=True)


class DisplayLink(models.Model):
    """A link a moderator or admin made for a screen in their school ("Staffroom TV").

    Only the SHA-256 of the token is kept, so neither a database copy nor the admin
    can open a screen; the full link is shown once, when it is made.
    """

    school = models.ForeignKey("hub.School", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=DISPLAY_NAME_MAX)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    objects = DisplayLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The screens page: a school's links, newest first.
            models.Index(fields=["school", "-created_at"], name="displaylink_school_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | Q(revoked_by__isnull=False),
                name="displaylink_revoked_by_someone",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @classmethod
    def new_token(cls) -> str:
        return secrets.token_urlsafe(32)
