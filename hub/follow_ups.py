"""The "How did it go?" answer every feature's follow-up shares: tried it (with a
sentence or two) or didn't get to it, which ends the nudges."""

from django import forms
from django.db import models


class FollowUpAnswer(models.TextChoices):
    WAITING = "", "Not answered yet"
    TRIED = "tried", "Tried it"
    NOT_YET = "not_yet", "Didn’t get to it"


class FollowUpForm(forms.Form):
    """One tap either way; a feature adds its own `reflection` field (its label and limit)."""

    answer = forms.ChoiceField(
        choices=[(FollowUpAnswer.TRIED, "I tried it"), (FollowUpAnswer.NOT_YET, "Didn’t get to it")]
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("answer") == FollowUpAnswer.TRIED
            and not cleaned.get("reflection", "").strip()
        ):
            self.add_error("reflection", "Please add a sentence or two about what happened.")
        return cleaned
