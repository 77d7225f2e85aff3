"""Forms for Thinking Thursday. Every text limit is the model's, enforced here too."""

from django import forms
from taggit.forms import TagField

from hub.lib.dates import DayField
from hub.models import Staff
from ideas.thursday.models import (
    CONTEXT_MAX,
    QUESTION_MAX,
    REPLY_MAX,
    SUMMARY_MAX,
    RotaTurn,
    TurnState,
)

REASON_MAX = 200
MAX_TAGS = 5
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _counted(limit: int, rows: int, **attrs) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "maxlength": limit, "data-counter": "", **attrs})


class QuestionForm(forms.Form):
    text = forms.CharField(
        label="Your question",
        max_length=QUESTION_MAX,
        widget=_counted(QUESTION_MAX, 3),
        help_text="One challenging, open question about teaching, learning or school life.",
    )
    context = forms.CharField(
        label="Context (optional)",
        max_length=CONTEXT_MAX,
        required=False,
        widget=_counted(CONTEXT_MAX, 5),
        help_text="Why you are asking, or what prompted it.",
    )
    link = forms.URLField(
        label="Link (optional)",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="An article, blog post or piece of research to read first.",
    )
    tags = TagField(
        label="Tags (optional)",
        required=False,
        max_length=200,
        help_text="Separate with commas, e.g. feedback, behaviour.",
    )
    allow_anonymous = forms.BooleanField(
        label="Allow anonymous replies",
        required=False,
        help_text="Colleagues then see “a colleague”; moderators can still see who wrote it.",
    )

    def clean_tags(self) -> list[str]:
        tags = self.cleaned_data["tags"]
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(f"Use up to {MAX_TAGS} tags.")
        if any(len(tag) > 50 for tag in tags):
            raise forms.ValidationError("Keep each tag under 50 characters.")
        return tags


class ReplyForm(forms.Form):
    text = forms.CharField(label="Your reply", max_length=REPLY_MAX, widget=_counted(REPLY_MAX, 4))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    is_anonymous = forms.BooleanField(
        label="Reply anonymously",
        required=False,
        help_text="Colleagues see “a colleague”; moderators can still see it was you.",
    )

    def __init__(self, *args, allow_anonymous: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_anonymous:
            del self.fields["is_anonymous"]


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label="What we concluded / what we’ll try",
        max_length=SUMMARY_MAX,
        widget=_counted(SUMMARY_MAX, 6),
        help_text="A few lines after the weekend: the main ideas, and what colleagues will try.",
    )


ROTA_MAX_DAYS = 400


class RotaRangeForm(forms.Form):
    start = DayField(label="From", widget=DATE_INPUT)
    end = DayField(label="To", widget=DATE_INPUT, help_text="Usually the end of term.")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The end must be on or after the start.")
        elif start and end and (end - start).days > ROTA_MAX_DAYS:
            # A preview of centuries of Thursdays would tie up the page for minutes.
            self.add_error("end", "Plan a school year or less at a time.")
        return cleaned


class ClosureForm(forms.Form):
    start = DayField(label="First day closed", widget=DATE_INPUT)
    end = DayField(
        label="Last day closed (optional)",
        widget=DATE_INPUT,
        required=False,
        help_text="For a holiday, its last day (weekends included); empty for a single day.",
    )
    reason = forms.CharField(
        max_length=REASON_MAX, help_text="E.g. Christmas holiday, October half-term, INSET day."
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", "The last day must be on or after the first day.")
        return cleaned


class _StaffChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Staff) -> str:
        return f"{obj.name} ({obj.get_role_display()})"


class TurnEditForm(forms.Form):
    # Always someone: the turn being edited has a poser already.
    staff = _StaffChoice(label="Poser", queryset=Staff.objects.none(), empty_label=None)
    state = forms.ChoiceField(choices=TurnState.choices)
    skip_reason = forms.CharField(
        label="Reason for skipping",
        max_length=REASON_MAX,
        required=False,
        help_text="Needed when the turn is skipped, e.g. “on a school trip that week”.",
    )

    def __init__(self, *args, school_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = Staff.objects.filter(
            school_id=school_id, is_active=True
        ).order_by("full_name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("state") == TurnState.SKIPPED and not cleaned.get("skip_reason", "").strip():
            self.add_error("skip_reason", "Say why this turn is skipped.")
        return cleaned


class _TurnChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: RotaTurn) -> str:
        return f"{obj.date:%a %-d %b %Y} — {obj.staff.name}"


class SwapForm(forms.Form):
    other = _TurnChoice(
        label="Swap with", queryset=RotaTurn.objects.none(), empty_label="Choose a turn"
    )

    def __init__(self, *args, turns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = turns


class SelfOptOutForm(forms.Form):
    reason = forms.CharField(
        label="Why (optional)",
        max_length=REASON_MAX,
        required=False,
        help_text="Only moderators see it. E.g. “back from leave after Easter”.",
    )


class OptOutForm(forms.Form):
    staff = _StaffChoice(
        label="Colleague", queryset=Staff.objects.none(), empty_label="Choose a colleague"
    )
    reason = forms.CharField(
        max_length=REASON_MAX, help_text="E.g. “on maternity leave until Easter”."
    )

    def __init__(self, *args, school_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = Staff.objects.filter(
            school_id=school_id, is_active=True
        ).order_by("full_name")
