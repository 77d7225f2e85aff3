"""Forms for the leaders' insight pages: the dashboard's period, email preferences."""

from datetime import date, timedelta

from django import forms

from hub.lib.terms import previous_term, term_containing
from hub.models import Staff

MAX_RANGE_DAYS = 400


class PeriodForm(forms.Form):
    """Which days the participation dashboard counts: a term, 12 weeks, or chosen dates."""

    period = forms.ChoiceField(
        label="Period",
        choices=[
            ("this_term", "This term"),
            ("last_term", "Last term"),
            ("last_12_weeks", "Last 12 weeks"),
            ("custom", "Dates I choose"),
        ],
        required=False,
    )
    start = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict:
        data = super().clean()
        period = data.get("period") or "this_term"
        data["period"] = period
        if period == "custom":
            start, end = data.get("start"), data.get("end")
            if start is None and "start" not in self.errors:
                self.add_error("start", "Choose the first day to count.")
            if end is None and "end" not in self.errors:
                self.add_error("end", "Choose the last day to count.")
            if start and end and end < start:
                self.add_error("end", "The last day must be on or after the first day.")
            elif start and end and (end - start).days > MAX_RANGE_DAYS:
                self.add_error("end", "Choose at most 400 days; a school year fits.")
        return data

    def days(self) -> tuple[date, date, str]:
        """First and last day (inclusive) and a label for the heading; call after is_valid()."""
        period = self.cleaned_data["period"] if self.is_valid() else "this_term"
        if period == "custom" and self.is_valid():
            start, end = self.cleaned_data["start"], self.cleaned_data["end"]
            return start, end, f"{start:%-d %b %Y} to {end:%-d %b %Y}"
        if period == "last_term":
            term = previous_term(self.today)
            return term.first_day, term.last_day, term.label
        term = term_containing(self.today)
        if period == "last_12_weeks" or term is None:
            return self.today - timedelta(weeks=12) + timedelta(days=1), self.today, "Last 12 weeks"
        # Weeks still to come would only add empty points to the trend.
        return term.first_day, min(term.last_day, self.today), f"This term ({term.label})"


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = Staff
        fields = ["email_preference"]
        widgets = {"email_preference": forms.RadioSelect}
        labels = {"email_preference": "Emails from Staffroom"}
