"""Forms for twilights: every text field capped here as in the model."""

import datetime as dt

from django import forms
from django.utils import timezone

from events.twilights.models import (
    DESCRIPTION_MAX,
    IDEA_SUMMARY_MAX,
    IDEA_TITLE_MAX,
    TITLE_MAX,
    SlotLength,
    TwilightKind,
    TwilightRole,
)
from hub.lib.dates import DayField
from hub.models import School


class TwilightForm(forms.Form):
    network = forms.ModelChoiceField(queryset=None, empty_label=None)
    host_school = forms.ModelChoiceField(
        queryset=School.objects.none(),
        empty_label=None,
        label="Hosted by",
        help_text="A network lead may host at any member school.",
    )
    kind = forms.ChoiceField(
        choices=TwilightKind.choices,
        widget=forms.RadioSelect,
        label="What kind of twilight?",
        help_text="Speed Learning: presenters at tables, everyone else moves round in rounds. "
        "TeachMeet: short talks, one after another, in an order drawn at random.",
    )
    title = forms.CharField(max_length=TITLE_MAX, initial="Speed Learning twilight")
    date = DayField(widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        initial=dt.time(16, 0), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end_time = forms.TimeField(
        initial=dt.time(17, 30), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    place = forms.CharField(
        max_length=150,
        required=False,
        help_text="The room and school, e.g. “Library, Oakfield Primary”. Or give a link below.",
    )
    online_link = forms.URLField(
        max_length=500,
        required=False,
        assume_scheme="https",
        label="Online link",
        help_text="For a twilight online: the meeting’s web address, starting https://",
        # Text with a web-address keyboard, not type="url": a mistyped address shown
        # back with its error must still be valid HTML (a url input's value must be one).
        widget=forms.TextInput(attrs={"inputmode": "url", "autocomplete": "url"}),
        error_messages={"invalid": "Enter the meeting’s full web address, starting https://"},
    )
    capacity = forms.IntegerField(
        min_value=1, max_value=500, initial=30, help_text="Places for colleagues taking part."
    )
    presenter_cap = forms.IntegerField(
        min_value=1,
        max_value=60,
        initial=8,
        label="Presenter slots",
        help_text="How many colleagues may present an idea.",
    )
    description = forms.CharField(
        max_length=DESCRIPTION_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What to expect, and anything to bring.",
    )

    def __init__(self, *args, networks, schools, **kwargs):
        self.zone = kwargs.pop("zone", None)
        super().__init__(*args, **kwargs)
        self.fields["network"].queryset = networks
        self.fields["host_school"].queryset = schools

    def clean(self):
        data = super().clean()
        start, end, date = data.get("start_time"), data.get("end_time"), data.get("date")
        if start and end and end <= start:
            self.add_error("end_time", "The twilight must end after it starts.")
        today = timezone.localdate(timezone=self.zone) if self.zone else timezone.localdate()
        if date and date < today:
            self.add_error("date", "This date has already passed. Choose a date in the future.")
        if not data.get("place", "").strip() and not data.get("online_link"):
            self.add_error("place", "Say where it is, or give an online link.")
        network, school = data.get("network"), data.get("host_school")
        if network and school and not network.schools.filter(pk=school.pk).exists():
            self.add_error("host_school", f"{school} is not a member of {network}.")
        return data


class SignUpForm(forms.Form):
    role = forms.ChoiceField(
        choices=TwilightRole.choices, widget=forms.RadioSelect, label="How will you join in?"
    )
    idea_title = forms.CharField(
        max_length=IDEA_TITLE_MAX,
        required=False,
        label="Your idea",
        help_text="A practical idea colleagues can try next week, e.g. “Mini whiteboards for "
        "every hinge question”.",
    )
    idea_summary = forms.CharField(
        max_length=IDEA_SUMMARY_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="In a few sentences",
        help_text="What you do and why it works. After the evening it becomes a post-it "
        "for the whole network, credited to you.",
    )
    slot = forms.ChoiceField(
        choices=SlotLength.choices,
        required=False,
        widget=forms.RadioSelect,
        label="How long do you need?",
    )

    def clean(self):
        data = super().clean()
        if data.get("role") == TwilightRole.PRESENTER:
            if not data.get("idea_title", "").strip():
                self.add_error("idea_title", "Give your idea a short title.")
            if not data.get("slot"):
                self.add_error("slot", "Choose a nano (2 minutes) or micro (5 minutes) slot.")
        return data


class TablePlanForm(forms.Form):
    rounds = forms.IntegerField(
        min_value=1,
        max_value=60,
        label="Rounds",
        help_text="How many times colleagues move table. At most one per presenter.",
    )


class ChooseIdeaForm(forms.Form):
    idea = forms.TypedChoiceField(
        coerce=int, widget=forms.RadioSelect, label="Which idea will you try?"
    )

    def __init__(self, *args, presenters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idea"].choices = [
            (entry.pk, f"{entry.idea_title}, from {entry.staff.name} ({entry.staff.school})")
            for entry in presenters
        ]
        self.fields["idea"].error_messages["invalid_choice"] = (
            "Choose one of the ideas presented that evening."
        )
        self.fields["idea"].error_messages["required"] = "Choose the idea you will try."
