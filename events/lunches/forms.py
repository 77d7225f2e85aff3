"""Forms for lunches: every text field capped here as in the model."""

import datetime as dt

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from events.lunches.models import (
    DietaryLabel,
    DietaryNeeds,
    Input,
    InputKind,
    PlateKind,
    SignUp,
    Takeaway,
)
from events.lunches.uploads import HELP, check_resource_file
from hub.follow_ups import FollowUpForm as SharedFollowUpForm
from hub.lib.dates import DayField


class LunchForm(forms.Form):
    date = DayField(widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        initial=dt.time(12, 15), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        initial=dt.time(13, 0), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    room = forms.CharField(max_length=100, initial="Staffroom")
    capacity = forms.IntegerField(
        min_value=1, max_value=500, initial=12, help_text="How many people fit round the table."
    )
    theme = forms.CharField(
        max_length=150,
        required=False,
        help_text="Optional, e.g. “Retrieval practice” or “Oracy across the curriculum”.",
    )

    # Offered only once another lunch is found at the same time (ask_to_confirm_same_time).
    same_time_confirmed = forms.BooleanField(
        required=False,
        widget=forms.HiddenInput,
        label="Yes, schedule it: two lunches at the same time is what I want",
    )

    def __init__(self, *args, school=None, **kwargs):
        self.school = school
        super().__init__(*args, **kwargs)

    def ask_to_confirm_same_time(self, message: str) -> None:
        field = self.fields["same_time_confirmed"]
        field.widget = forms.CheckboxInput()
        self.add_error("same_time_confirmed", message)

    def clean(self):
        data = super().clean()
        start, end, date = data.get("start_time"), data.get("end_time"), data.get("date")
        if start and end and end <= start:
            self.add_error("end_time", "The lunch must end after it starts.")
        # Only a newly chosen date must be in the future: a past lunch's room can be fixed.
        moved = date != self.initial.get("date")
        today = timezone.now().astimezone(self.school.zone).date() if self.school else None
        if date and today and moved and date < today:
            self.add_error("date", "This date has already passed. Choose a date in the future.")
        return data

    @classmethod
    def initial_from(cls, lunch) -> dict:
        zone = lunch.school.zone
        return {
            "date": lunch.date,
            "start_time": lunch.starts_at.astimezone(zone).time(),
            "end_time": lunch.ends_at.astimezone(zone).time(),
            "room": lunch.room,
            "capacity": lunch.capacity,
            "theme": lunch.theme,
        }


class ResourceFileField(forms.FileField):
    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            return check_resource_file(upload)
        return upload


def link_field() -> forms.URLField:
    return forms.URLField(
        assume_scheme="https", required=False, max_length=500, label="Link (optional)"
    )


class InputForm(forms.ModelForm):
    link = link_field()
    file = ResourceFileField(required=False, label="Slides or handout", help_text=HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Radio buttons for a required choice: no "---------" button to pick.
        self.fields["kind"].choices = InputKind.choices

    class Meta:
        model = Input
        fields = ["title", "kind", "summary", "link", "file"]
        labels = {"kind": "What kind of input?", "link": "Link (optional)"}
        help_texts = {"summary": "What will you share in five minutes? Up to 600 characters."}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5, "data-counter": ""}),
            "kind": forms.RadioSelect,
        }


class ResourcesForm(forms.ModelForm):
    link = link_field()
    file = ResourceFileField(required=False, label="Slides or handout", help_text=HELP)

    class Meta:
        model = Input
        fields = ["link", "file", "notes"]
        labels = {"notes": "Notes for colleagues who missed it", "link": "Link (optional)"}
        widgets = {"notes": forms.Textarea(attrs={"rows": 6, "data-counter": ""})}


class SignUpForm(forms.ModelForm):
    dietary_labels = forms.MultipleChoiceField(
        choices=DietaryLabel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Your plate is…",
    )

    class Meta:
        model = SignUp
        fields = ["plate", "plate_kind", "dietary_labels", "allergens"]
        labels = {"plate_kind": "Kind of plate"}
        help_texts = {
            "plate": "Optional, e.g. “Homemade flapjacks”.",
            "allergens": "Optional, e.g. “contains sesame”.",
        }
        widgets = {"plate": forms.TextInput(attrs={"placeholder": ""})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plate_kind"].choices = [("", "Not sure yet")] + list(PlateKind.choices)


class TakeawayForm(forms.ModelForm):
    class Meta:
        model = Takeaway
        fields = ["text"]
        labels = {"text": "One thing you took away"}
        widgets = {"text": forms.TextInput(attrs={"data-counter": ""})}


class DietaryNeedsForm(forms.ModelForm):
    class Meta:
        model = DietaryNeeds
        fields = ["text"]
        labels = {"text": "Your dietary needs"}
        help_texts = {
            "text": "Allergies, intolerances or what you don't eat. Only you and your "
            "school's moderators (who organise the lunches) can see this."
        }
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "data-counter": ""})}


class TakeawayFollowUpForm(SharedFollowUpForm):
    """ "How did it go?" after a lunch: one tap either way; words only if you tried it."""

    reflection = forms.CharField(
        label="What happened?",
        required=False,
        max_length=300,
        help_text="One or two sentences; colleagues see it under your takeaway.",
        widget=forms.Textarea(attrs={"rows": 3, "data-counter": ""}),
    )
