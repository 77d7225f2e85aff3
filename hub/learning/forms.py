from django import forms
from django.utils import timezone

from hub.lib.dates import DayField
from hub.lib.tags import parse_tags
from hub.models import LearningExportFormat, LearningFocus, LearningNote, Pulse
from hub.models.learning import (
    PULSE_ANSWER_MAX,
    PULSE_OUTCOME_MAX,
    PULSE_TOPIC_MAX,
    PULSE_TOPICS_MAX,
)

# A browser's date picker reads and sends ISO dates whatever the locale.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_TAGS = 5
MAX_TAG_LENGTH = 50


def _clean_tags(text: str) -> list[str]:
    tags = parse_tags(text)
    if len(tags) > MAX_TAGS:
        raise forms.ValidationError(f"Choose at most {MAX_TAGS} tags.")
    if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
        raise forms.ValidationError(f"Keep each tag to {MAX_TAG_LENGTH} characters or fewer.")
    return tags


def _required_text(value: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise forms.ValidationError(message)
    return value


class FocusForm(forms.ModelForm):
    tags_text = forms.CharField(
        label="Tags",
        required=False,
        help_text="Up to 5, separated with commas, e.g. questioning, oracy. Colleagues’ "
        "ideas tagged with these are suggested to you.",
    )

    class Meta:
        model = LearningFocus
        fields = ["text", "tags_text", "show_on_profile"]
        help_texts = {"text": "One sentence, e.g. “Better questions in maths lessons”."}
        error_messages = {"text": {"required": "Write your focus in a few words."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["tags_text"].initial = ", ".join(self.instance.tags.names())

    def clean_text(self) -> str:
        return _required_text(self.cleaned_data["text"], "Write your focus in a few words.")

    def clean_tags_text(self) -> list[str]:
        return _clean_tags(self.cleaned_data["tags_text"])


class NoteForm(forms.ModelForm):
    tags_text = forms.CharField(
        label="Tags", required=False, help_text="Optional, separated with commas."
    )

    class Meta:
        model = LearningNote
        fields = ["text", "tags_text", "is_private"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": "Write a sentence or two."}}

    def clean_text(self) -> str:
        return _required_text(self.cleaned_data["text"], "Write a sentence or two.")

    def clean_tags_text(self) -> list[str]:
        return _clean_tags(self.cleaned_data["tags_text"])


class ExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=LearningExportFormat.choices, widget=forms.RadioSelect, label="File"
    )
    start = DayField(label="From", widget=DATE_INPUT)
    end = DayField(label="To", widget=DATE_INPUT)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and start > timezone.localdate():
            self.add_error("start", "The start cannot be in the future.")
        if start and end and end < start:
            self.add_error("end", "The end must be on or after the start.")
        return cleaned


class PulseForm(forms.ModelForm):
    topics_text = forms.CharField(
        label="Suggested topics",
        error_messages={"required": "Suggest at least two topics, one a line."},
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"One a line, at most {PULSE_TOPICS_MAX}, e.g. Behaviour at lunchtime. "
        "Colleagues can also write their own.",
    )

    class Meta:
        model = Pulse
        fields = ["question", "topics_text", "is_anonymous"]
        error_messages = {"question": {"required": "Write the question staff answer."}}

    def clean_question(self) -> str:
        return _required_text(self.cleaned_data["question"], "Write the question staff answer.")

    def clean_topics_text(self) -> list[str]:
        lines = [" ".join(line.split()) for line in self.cleaned_data["topics_text"].splitlines()]
        topics = list(dict.fromkeys(line for line in lines if line))
        if len(topics) < 2:
            raise forms.ValidationError("Suggest at least two topics, one a line.")
        if len(topics) > PULSE_TOPICS_MAX:
            raise forms.ValidationError(f"Suggest at most {PULSE_TOPICS_MAX} topics.")
        if any(len(topic) > PULSE_TOPIC_MAX for topic in topics):
            raise forms.ValidationError(f"Keep each topic to {PULSE_TOPIC_MAX} characters.")
        return topics


class PulseAnswerForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label="Suggested topics",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Tick any that apply.",
    )
    text = forms.CharField(
        label="Anything else (optional)",
        required=False,
        max_length=PULSE_ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, pulse: Pulse, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(topic, topic) for topic in pulse.topics]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("topics") and not cleaned.get("text", "").strip():
            self.add_error("topics", "Please tick a topic or write a few words.")
        return cleaned


class CloseForm(forms.Form):
    outcome = forms.CharField(
        label="What did you choose because of it?",
        error_messages={"required": "Say what was chosen."},
        max_length=PULSE_OUTCOME_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Everyone is told, e.g. “A learning lunch on behaviour at lunchtime "
        "on 14 January”.",
    )

    def clean_outcome(self) -> str:
        return _required_text(self.cleaned_data["outcome"], "Say what was chosen.")
