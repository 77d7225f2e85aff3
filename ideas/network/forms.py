"""The feed's filters (a GET form that works without JavaScript) and the leads' forms."""

from django import forms

from hub.models import Phase, RoleGroup
from ideas.network.models import CELEBRATION_NOTE_MAX, PICK_REASON_MAX


class FeedFilterForm(forms.Form):
    school = forms.TypedChoiceField(label="School", required=False, coerce=int, empty_value=None)
    phase = forms.ChoiceField(
        label="Phase", required=False, choices=[("", "Any phase"), *Phase.choices]
    )
    group = forms.ChoiceField(
        label="Shared by", required=False, choices=[("", "Anyone"), *RoleGroup.choices]
    )
    tag = forms.ChoiceField(label="Tag", required=False)

    def __init__(self, data, *, schools, tags):
        super().__init__(data)
        self.fields["school"].choices = [("", "Any school")] + [
            (school.pk, school.name) for school in schools
        ]
        self.fields["tag"].choices = [("", "Any tag")] + [(tag.slug, tag.name) for tag in tags]

    def filters(self) -> dict:
        """What to narrow the feed by; a forged or stale value is simply left out."""
        if self.is_valid():
            data = self.cleaned_data
        else:
            data = {
                name: value for name, value in self.cleaned_data.items() if name not in self.errors
            }
        return {
            "school_id": data.get("school"),
            "phase": data.get("phase", ""),
            "group": data.get("group", ""),
            "tag": data.get("tag", ""),
        }

    @property
    def is_filtered(self) -> bool:
        return any(self.filters().values())


class NetworkPickForm(forms.Form):
    reason = forms.CharField(
        label="Why this idea? (optional)",
        required=False,
        max_length=PICK_REASON_MAX,
        widget=forms.TextInput(attrs={"data-counter": ""}),
        error_messages={"max_length": f"Keep the reason under {PICK_REASON_MAX} characters."},
    )


class NetworkCelebrationForm(forms.Form):
    note = forms.CharField(
        label="A short note of thanks",
        max_length=CELEBRATION_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 2, "data-counter": ""}),
        error_messages={
            "required": "Write a short note of thanks.",
            "max_length": f"Keep the note under {CELEBRATION_NOTE_MAX} characters.",
        },
    )
