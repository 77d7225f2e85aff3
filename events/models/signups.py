"""Who comes to a lunch, what they bring, what they can eat, and their calendar feed."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q

__all__ = [
    "CalendarFeed",
    "DietaryLabel",
    "DietaryNeeds",
    "PlateKind",
    "SignUp",
    "SignUpState",
]


class SignUpState(models.TextChoices):
    CONFIRMED = "confirmed", "Coming"
    WAITLISTED = "waitlisted", "On the waitlist"
    CANCELLED = "cancelled", "Cancelled"


class PlateKind(models.TextChoices):
    SAVOURY = "savoury", "Savoury"
    SWEET = "sweet", "Sweet"
    FRUIT_VEG = "fruit_veg", "Fruit or veg"
    DRINKS = "drinks", "Drinks"


class DietaryLabel(models.TextChoices):
    VEGETARIAN = "vegetarian", "Vegetarian"
    VEGAN = "vegan", "Vegan"
    GLUTEN_FREE = "gluten_free", "Gluten-free"
    DAIRY_FREE = "dairy_free", "Dairy-free"
    NUT_FREE = "nut_free", "Nut-free"
    HALAL = "halal", "Halal"


class SignUp(models.Model):
    lunch = models.ForeignKey("events.Lunch", on_delete=models.CASCADE, related_name="sign_ups")
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lunch_sign_ups"
    )
    state = models.CharField(max_length=10, choices=SignUpState.choices)
    # Set under the lunch's row lock, so it orders the waitlist fairly.
    created_at = models.DateTimeField()
    promoted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    plate = models.CharField("What you'll bring", max_length=80, blank=True)
    plate_kind = models.CharField(max_length=10, choices=PlateKind.choices, blank=True)
    dietary_labels = models.JSONField(default=list, blank=True)
    allergens = models.CharField("Allergens note", max_length=200, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # Nobody holds two live places at one lunch, however many requests race.
            models.UniqueConstraint(
                fields=["lunch", "staff"],
                condition=~Q(state="cancelled"),
                name="signup_one_live_per_person",
            ),
        ]
        # The lunch page: attendees and waitlist of one lunch, in order.
        indexes = [models.Index(fields=["lunch", "state", "created_at"], name="signup_lunch_q")]

    def __str__(self) -> str:
        return f"{self.staff} at {self.lunch}: {self.get_state_display()}"

    @property
    def dietary_label_names(self) -> list[str]:
        names = dict(DietaryLabel.choices)
        return [names[label] for label in self.dietary_labels if label in names]


class DietaryNeeds(models.Model):
    """What one person can't eat: seen only by them and their school's moderators."""

    staff = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="dietary_needs"
    )
    text = models.CharField(max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "dietary needs"

    def __str__(self) -> str:
        return f"Dietary needs of {self.staff}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeed(models.Model):
    """A personal calendar feed; only the token's hash is stored, so a leak of the
    database does not leak working feed URLs."""

    staff = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lunch_calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Calendar feed of {self.staff}"

    @staticmethod
    def new_token() -> tuple[str, str]:
        token = secrets.token_urlsafe(32)
        return token, hash_token(token)
