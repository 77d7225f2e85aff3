from django import forms
from django.urls import reverse_lazy
from taggit.forms import TagField
from taggit.utils import parse_tags

from hub.follow_ups import FollowUpForm as SharedFollowUpForm
from ideas.board.models import (
    COMMENT_MAX,
    NOTE_MAX,
    PICK_REASON_MAX,
    REFLECTION_MAX,
    TITLE_MAX,
    Idea,
    PostItColour,
    ReactionKind,
)

MAX_TAGS = 6
TAG_MAX = 40
TAG_SUGGESTIONS_ID = "idea-tag-suggestions"


class IdeaForm(forms.Form):
    title = forms.CharField(
        max_length=TITLE_MAX,
        help_text="A short headline colleagues will read first.",
        widget=forms.TextInput(attrs={"data-counter": "", "autocomplete": "off"}),
    )
    note = forms.CharField(
        max_length=NOTE_MAX,
        help_text="What you did and why it worked. Links become clickable.",
        widget=forms.Textarea(attrs={"rows": 4, "data-counter": ""}),
    )
    tags = TagField(
        required=False,
        max_length=200,
        help_text="Optional, separated by commas, e.g. phonics, behaviour, lunchtime.",
        widget=forms.TextInput(
            attrs={
                "list": TAG_SUGGESTIONS_ID,
                "autocomplete": "off",
                "data-hx-get": reverse_lazy("ideas:tag_suggestions"),
                "data-hx-trigger": "input changed delay:250ms",
                "data-hx-target": f"#{TAG_SUGGESTIONS_ID}",
                "data-hx-swap": "innerHTML",
            }
        ),
    )
    colour = forms.ChoiceField(
        label="Post-it colour",
        choices=PostItColour.choices,
        initial=PostItColour.YELLOW,
        widget=forms.RadioSelect(attrs={"class": "colour-choice"}),
    )

    def clean_tags(self) -> list[str]:
        tags = [tag.strip() for tag in self.cleaned_data["tags"] if tag.strip()]
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(f"Use at most {MAX_TAGS} tags.")
        too_long = [tag for tag in tags if len(tag) > TAG_MAX]
        if too_long:
            raise forms.ValidationError(f"Keep each tag under {TAG_MAX} characters.")
        return tags

    @classmethod
    def initial_from(cls, params) -> dict:
        """Prefill from a link such as /board/?note=...#post (a lunch takeaway, say)."""
        initial = {}
        for name, limit in (("title", TITLE_MAX), ("note", NOTE_MAX), ("tags", 200)):
            if params.get(name):
                initial[name] = params[name][:limit]
        if initial.get("tags"):
            initial["tags"] = ", ".join(parse_tags(initial["tags"]))
        return initial

    @classmethod
    def for_idea(cls, idea: Idea, data=None) -> "IdeaForm":
        """Costs a query for the tags."""
        initial = {
            "title": idea.title,
            "note": idea.note,
            "colour": idea.colour,
            "tags": ", ".join(sorted(tag.name for tag in idea.tags.all())),
        }
        return cls(data, initial=initial)


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices, widget=forms.HiddenInput)
    reflection = forms.CharField(
        label="What happened when you tried it?",
        required=False,
        max_length=REFLECTION_MAX,
        help_text="One or two sentences, so colleagues know how it went.",
        widget=forms.Textarea(attrs={"rows": 2, "data-counter": ""}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == ReactionKind.TRIED and not cleaned.get("reflection", "").strip():
            self.add_error(
                "reflection",
                "Please add a sentence or two about what happened when you tried it.",
            )
        return cleaned


class CommentForm(forms.Form):
    text = forms.CharField(
        label="Add a comment",
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "data-counter": ""}),
    )


class PickForm(forms.Form):
    reason = forms.CharField(
        label="Why this idea? (optional)",
        required=False,
        max_length=PICK_REASON_MAX,
        help_text="One line the whole staff will see, e.g. “So simple, and three classes tried it.”",  # noqa: E501
        widget=forms.TextInput(attrs={"data-counter": ""}),
    )


class FollowUpForm(SharedFollowUpForm):
    """ "How did it go?": one tap on either button; a reflection only when you tried it."""

    reflection = forms.CharField(
        label="What happened when you tried it?",
        required=False,
        max_length=REFLECTION_MAX,
        help_text="One or two sentences, so the author and colleagues know how it went.",
        widget=forms.Textarea(attrs={"rows": 3, "data-counter": ""}),
    )

    def __init__(self, *args, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        if person is not None:  # asked in words that fit their job (hub Staff.tried_it_question)
            self.fields["reflection"].label = person.tried_it_question
