from django import forms

from hub.lib.text import drop_control_characters
from hub.models import JOIN_NOTE_MAX, Staff


def _note_field(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=JOIN_NOTE_MAX,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": f"Keep the note to {JOIN_NOTE_MAX} characters."},
    )


class NoteForm(forms.Form):
    """The optional note sent with an ask or an invitation."""

    message = _note_field(
        "A note with it (optional)",
        "What you hope to share, or who the leads should talk to.",
    )

    def clean_message(self) -> str:
        return drop_control_characters(self.cleaned_data["message"]).strip()


class AnswerForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your answer",
        choices=[("accept", "Accept"), ("decline", "Decline")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose accept or decline."},
    )
    note = _note_field(
        "A note for them (optional)",
        "For example a welcome, or why not now. They see it with your answer.",
    )

    def clean_note(self) -> str:
        return drop_control_characters(self.cleaned_data["note"]).strip()

    @property
    def accepted(self) -> bool:
        return self.cleaned_data["decision"] == "accept"


class NetworkSearchForm(forms.Form):
    q = forms.CharField(label="Network name", required=False, max_length=100)


class AddLeadForm(forms.Form):
    email = forms.EmailField(
        label="Their email address",
        help_text="A colleague at one of the network’s schools who uses Staffroom.",
        error_messages={
            "required": "Enter the email address they sign in with.",
            "invalid": "Enter an email address, such as name@school.example.",
        },
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = candidates

    def clean_email(self) -> Staff:
        email = self.cleaned_data["email"].strip().lower()
        person = self.candidates.filter(email=email).first()
        if person is None:
            raise forms.ValidationError(
                "Nobody at the network’s schools signs in with that address."
            )
        return person
