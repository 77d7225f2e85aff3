from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from hub.learning.forms import DATE_INPUT, _clean_tags, _required_text
from hub.lib.dates import DayField
from hub.models import Phase
from hub.models.placements import (
    DAYS_NOTE_MAX,
    FOCUS_MAX,
    MAX_CAPACITY,
    MAX_DAYS,
    WHY_MAX,
)

FOCUS_HELP = (
    "In a few words. Colleagues often ask for: leading a phase, SEND provision, "
    "cross-phase transition, behaviour and routines."
)
TAGS_HELP = "Up to 5, separated with commas, e.g. transition, reading. They help find a match."
MESSAGE_MAX = 300


def _too_long(limit: int) -> dict:
    return {"max_length": f"Keep it to {limit} characters or fewer."}


class _Dated(forms.Form):
    """A first and last day, both after today in the school's time zone."""

    first_name, last_name = "earliest", "latest"

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = timezone.localdate(timezone=school.zone)

    def clean(self):
        data = super().clean()
        first, last = data.get(self.first_name), data.get(self.last_name)
        if first and first <= self.today:
            self.add_error(self.first_name, "Choose a day after today.")
        if first and last and last < first:
            self.add_error(self.last_name, "Choose a day on or after the first one.")
        return data


class AskForm(_Dated):
    focus = forms.CharField(
        max_length=FOCUS_MAX,
        help_text=FOCUS_HELP,
        error_messages={"required": "Say what you would like to see.", **_too_long(FOCUS_MAX)},
        widget=forms.TextInput(attrs={"list": "focus-suggestions", "autocomplete": "off"}),
    )
    tags_text = forms.CharField(label="Tags", required=False, help_text=TAGS_HELP)
    phases = forms.MultipleChoiceField(
        label="Phases you would like to see",
        choices=Phase.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one phase."},
    )
    cross_phase = forms.BooleanField(
        label="Open to other phases too (cross-phase)", required=False, initial=True
    )
    earliest = DayField(label="From", widget=DATE_INPUT)
    latest = DayField(label="Until", widget=DATE_INPUT, help_text="Rough dates are fine.")
    days = forms.IntegerField(
        label="How many days",
        initial=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DAYS)],
        help_text=f"From 1 to {MAX_DAYS}.",
    )
    why = forms.CharField(
        label="Why",
        max_length=WHY_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="A sentence or two for the host: what you hope to bring back.",
        error_messages={"required": "Say in a sentence why.", **_too_long(WHY_MAX)},
    )

    def clean_focus(self) -> str:
        return _required_text(self.cleaned_data["focus"], "Say what you would like to see.")

    def clean_why(self) -> str:
        return _required_text(self.cleaned_data["why"], "Say in a sentence why.")

    def clean_tags_text(self) -> list[str]:
        return _clean_tags(self.cleaned_data["tags_text"])

    def clean(self):
        data = super().clean()
        first, last, days = data.get("earliest"), data.get("latest"), data.get("days")
        if first and last and days and last >= first and (last - first).days + 1 < days:
            self.add_error("latest", f"Leave room for all {days} days between the two dates.")
        return data


class OfferForm(_Dated):
    first_name, last_name = "available_from", "available_until"

    focus = forms.CharField(
        max_length=FOCUS_MAX,
        help_text="What a visitor would see, e.g. “SEND provision” or “leading a phase”.",
        error_messages={"required": "Say what a visitor would see.", **_too_long(FOCUS_MAX)},
        widget=forms.TextInput(attrs={"list": "focus-suggestions", "autocomplete": "off"}),
    )
    tags_text = forms.CharField(label="Tags", required=False, help_text=TAGS_HELP)
    phase = forms.ChoiceField(label="Phase", choices=Phase.choices)
    available_from = DayField(label="Free from", widget=DATE_INPUT)
    available_until = DayField(label="Free until", widget=DATE_INPUT)
    days_note = forms.CharField(
        label="Days that suit (optional)",
        required=False,
        max_length=DAYS_NOTE_MAX,
        help_text="For example “Tuesdays and Thursdays”.",
        error_messages=_too_long(DAYS_NOTE_MAX),
    )
    capacity = forms.IntegerField(
        label="Colleagues you can host",
        initial=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
        help_text=f"From 1 to {MAX_CAPACITY}, one at a time over these dates.",
    )

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, school=school, **kwargs)
        self.fields["phase"].initial = school.phase

    def clean_focus(self) -> str:
        return _required_text(self.cleaned_data["focus"], "Say what a visitor would see.")

    def clean_days_note(self) -> str:
        return self.cleaned_data["days_note"].strip()

    def clean_tags_text(self) -> list[str]:
        return _clean_tags(self.cleaned_data["tags_text"])


class ProposeForm(forms.Form):
    starts_on = DayField(label="First day", widget=DATE_INPUT)
    message = forms.CharField(
        label="A note (optional)",
        required=False,
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_too_long(MESSAGE_MAX),
    )

    def clean_message(self) -> str:
        return self.cleaned_data["message"].strip()
