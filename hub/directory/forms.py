from django import forms

from hub.models import Phase


class DirectorySearchForm(forms.Form):
    q = forms.CharField(
        label="School name or URN",
        required=False,
        max_length=100,
        error_messages={"max_length": "Keep the name to 100 characters."},
    )
    phase = forms.ChoiceField(
        label="Phase", required=False, choices=[("", "Any phase")] + Phase.choices
    )
    area = forms.CharField(
        label="Local authority or region",
        required=False,
        max_length=100,
        help_text="For example Lancashire, or North West.",
        error_messages={"max_length": "Keep the area to 100 characters."},
    )
    trust = forms.CharField(
        label="Trust",
        required=False,
        max_length=150,
        error_messages={"max_length": "Keep the trust's name to 150 characters."},
    )

    def filters(self) -> dict[str, str] | None:
        """The filters asked for, or None when nothing is asked yet (or it is invalid)."""
        if not self.is_valid():
            return None
        filters = {
            "query": self.cleaned_data["q"].strip(),
            "phase": self.cleaned_data["phase"],
            "area": self.cleaned_data["area"].strip(),
            "trust": self.cleaned_data["trust"].strip(),
        }
        return filters if any(filters.values()) else None
