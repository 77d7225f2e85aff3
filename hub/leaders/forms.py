"""Forms for the leaders' tools: flags, celebrations, audit filters, the dashboard's period."""

from datetime import date, timedelta

from django import forms

from hub.lib.dates import DayField
from hub.lib.terms import Term, previous_term, term_containing
from hub.models import Staff
from hub.models.encouragement import SHARE_INVITATION_MAX

REASON_MAX = 500
CELEBRATION_MAX = 280


class FlagForm(forms.Form):
    reason = forms.CharField(
        label="What is the problem?",
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "data-counter": True}),
        help_text="Only your school's moderators see this.",
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Say briefly what a moderator should look at.")
        return reason


class CelebrateForm(forms.Form):
    note = forms.CharField(
        label="A short note of thanks",
        max_length=CELEBRATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "data-counter": True}),
        help_text="Shown on the Celebration wall and emailed to the author.",
    )

    def clean_note(self) -> str:
        note = self.cleaned_data["note"].strip()
        if not note:
            raise forms.ValidationError("Write a few words saying what you appreciated.")
        return note


AUDIT_ACTIONS = [
    ("", "Any action"),
    ("approve", "Approved"),
    ("hide", "Hid"),
    ("return", "Returned"),
    ("dismiss_flags", "Dismissed flags"),
    ("celebrate", "Celebrated"),
    ("undo", "Undid"),
    ("create_display_link", "Made a screen link"),
    ("revoke_display_link", "Switched off a screen link"),
    ("settings", "Changed school settings"),
    ("network_pick", "Picked as the network’s Idea of the Week"),
    ("network_celebrate", "Celebrated across the network"),
    ("network_ask", "Asked to join a network"),
    ("network_invite", "Invited to a network"),
    ("network_accepted", "Accepted into a network"),
    ("network_declined", "Declined joining a network"),
    ("network_leave", "Left a network"),
    ("network_add_lead", "Made a network lead"),
    ("network_remove_lead", "Took a network lead off"),
]


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(choices=AUDIT_ACTIONS, required=False)
    moderator = forms.ModelChoiceField(
        queryset=Staff.objects.none(), required=False, empty_label="Any moderator"
    )
    date_from = DayField(
        label="From",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = DayField(
        label="To",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        # Anyone who ever acted, including moderators who have since stepped down.
        self.fields["moderator"].queryset = Staff.objects.filter(
            school=school, audit_actions__isnull=False
        ).distinct()

    def clean(self) -> dict:
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", "The end date is before the start date.")
        return data


class DateRangeForm(forms.Form):
    start = DayField(
        label="From", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = DayField(label="To", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    @classmethod
    def for_term(cls, data, term: Term) -> "DateRangeForm":
        return cls(
            data if "start" in data else None,
            initial={"start": term.first_day, "end": term.last_day},
        )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end date is before the start date.")
        elif start and end and end - start > timedelta(days=400):
            self.add_error("end", "Choose a range of a school year or less.")
        return data

    def dates(self) -> tuple[date, date]:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return self.initial["start"], self.initial["end"]


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
    start = DayField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = DayField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, today: date, this_term: Term | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        # The school's own term dates when it entered them (School.term_on).
        self.this_term = this_term

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
        term = self.this_term or term_containing(self.today)
        if period == "last_12_weeks" or term is None:
            return self.today - timedelta(weeks=12) + timedelta(days=1), self.today, "Last 12 weeks"
        # Weeks still to come would only add empty points to the trend.
        return term.first_day, min(term.last_day, self.today), f"This term ({term.label})"


class ShareInvitationForm(forms.Form):
    message = forms.CharField(
        label="Your message",
        max_length=SHARE_INVITATION_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "data-counter": True}),
        help_text="A suggestion: make it your own. Only they see it.",
        error_messages={"required": "Write a few kind words: they will read them."},
    )
    buddy = forms.ModelChoiceField(
        label="Suggest a colleague to post with (optional)",
        queryset=Staff.objects.none(),
        required=False,
        empty_label="No one",
        help_text="Colleagues who have shared this term.",
    )

    def __init__(self, *args, buddies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buddy"].queryset = buddies

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError("Write a few kind words: they will read them.")
        return message
