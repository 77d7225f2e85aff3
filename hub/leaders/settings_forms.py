"""The school settings page's forms: how the school is set up, and its own term dates."""

import zoneinfo
from datetime import date
from itertools import pairwise

from django import forms
from django.core.exceptions import ValidationError

from hub.lib.dates import DayField
from hub.lib.images import ImageRejected, clean_image
from hub.models import School, SchoolTerm

LOGO_MAX_BYTES = 2 * 1024 * 1024
# Printed about 3 cm wide on the PDF's cover: 800 px is sharp at print resolution.
LOGO_MAX_SIDE = 800
ACCEPT_IMAGES = "image/jpeg,image/png,image/webp"
MAX_TERMS = 9
EARLIEST_TERM_YEAR, LATEST_TERM_YEAR = 2000, 2100


def time_zone_choices() -> list[tuple[str, str]]:
    # Only "Area/City" names: the legacy aliases (GB, Etc/GMT+1, posixrules) mislead.
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/"))
    )
    return [(name, name.replace("_", " ")) for name in names]


class SchoolSettingsForm(forms.ModelForm):
    logo = forms.FileField(
        label="School logo",
        required=False,
        help_text="A JPEG, PNG or WebP up to 2 MB. Printed on the cover of the scrapbook.",
        widget=forms.FileInput(attrs={"accept": ACCEPT_IMAGES}),
    )
    remove_logo = forms.BooleanField(label="Remove the current logo", required=False)
    time_zone = forms.ChoiceField(
        label="Time zone",
        help_text="Reminders, “this week” and dates on every page follow it.",
    )

    class Meta:
        model = School
        fields = ["moderation_mode", "follow_up_days", "time_zone", "default_visibility"]
        labels = {
            "moderation_mode": "Moderation",
            "follow_up_days": "Days before asking “How did it go?”",
            "default_visibility": "Who sees what staff share, unless they choose otherwise",
        }
        help_texts = {
            "default_visibility": "Once the school is in a network, staff choose for each "
            "thing they write; this is the choice they start from.",
        }
        widgets = {"moderation_mode": forms.RadioSelect, "default_visibility": forms.RadioSelect}
        error_messages = {
            "default_visibility": {"invalid_choice": "Choose one of the options shown."}
        }

    field_order = [
        "moderation_mode",
        "follow_up_days",
        "time_zone",
        "default_visibility",
        "logo",
        "remove_logo",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = time_zone_choices()
        if self.instance.time_zone not in dict(choices):
            choices.insert(0, (self.instance.time_zone, self.instance.time_zone))
        self.fields["time_zone"].choices = choices
        self.fields["follow_up_days"].error_messages.update(
            {
                "min_value": "Choose at least 1 day.",
                "max_value": "Choose 90 days or fewer.",
                "invalid": "Enter a whole number of days, such as 14.",
                "required": "Enter a number of days, such as 14.",
            }
        )
        if not self.instance.logo:
            del self.fields["remove_logo"]

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        self.cleaned_logo = None
        if upload:
            try:
                self.cleaned_logo = clean_image(
                    upload, max_bytes=LOGO_MAX_BYTES, max_side=LOGO_MAX_SIDE
                )
            except ImageRejected as rejection:
                raise ValidationError(str(rejection).replace("photo", "logo")) from None
        return upload

    def clean(self) -> dict:
        data = super().clean()
        if data.get("remove_logo") and self.files.get("logo"):
            self.add_error("remove_logo", "Either upload a new logo or remove it, not both.")
        return data


class SchoolTermForm(forms.ModelForm):
    class Meta:
        model = SchoolTerm
        fields = ["name", "first_day", "last_day"]
        field_classes = {"first_day": DayField, "last_day": DayField}
        labels = {"name": "Term"}
        help_texts = {"name": ""}
        widgets = {
            "name": forms.TextInput(attrs={"placeholder": "e.g. Autumn 2026"}),
            "first_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "last_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "name": {"required": "Name the term, for example “Autumn 2026”."},
            "first_day": {"invalid": "Enter a date such as 2026-09-02."},
            "last_day": {"invalid": "Enter a date such as 2026-12-18."},
        }

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError("Name the term, for example “Autumn 2026”.")
        return name

    def clean(self) -> dict:
        data = super().clean()
        first, last = data.get("first_day"), data.get("last_day")
        for field, day in (("first_day", first), ("last_day", last)):
            if day and not (EARLIEST_TERM_YEAR <= day.year <= LATEST_TERM_YEAR):
                self.add_error(field, "Enter a date in this century.")
        if first and last and last < first:
            self.add_error("last_day", "The last day is before the first day.")
        elif first and last and (last - first).days > 200:
            self.add_error("last_day", "A term is at most about four months long.")
        return data


class BaseSchoolTermFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index) -> None:
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove this term"

    def clean(self) -> None:
        super().clean()
        spans: list[tuple[date, date, forms.Form]] = []
        for form in self.forms:
            if not form.has_changed() and not form.instance.pk:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            first, last = form.cleaned_data.get("first_day"), form.cleaned_data.get("last_day")
            if first and last:
                spans.append((first, last, form))
        spans.sort(key=lambda span: span[0])
        for (_, earlier_last, earlier), (later_first, _, later) in pairwise(spans):
            if later_first <= earlier_last:
                later.add_error(
                    "first_day",
                    f"This term overlaps “{earlier.cleaned_data['name']}”. "
                    "Terms cannot share days.",
                )


SchoolTermFormSet = forms.inlineformset_factory(
    School,
    SchoolTerm,
    form=SchoolTermForm,
    formset=BaseSchoolTermFormSet,
    extra=3,
    max_num=MAX_TERMS,
    validate_max=True,
    can_delete=True,
)
