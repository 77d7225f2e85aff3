"""Forms for writing articles, adding photos and assembling editions."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone

from hub.lib.images import MAX_UPLOAD_BYTES, ImageRejected, clean_image
from hub.lib.terms import day_bounds
from hub.lib.text import clean_plain_text
from hub.models import Staff, Visibility
from ideas.scrapbook.export.markdown import count_words
from ideas.scrapbook.models import (
    Article,
    ArticleImage,
    ArticlePhase,
    Edition,
    ExportFormat,
    word_budget,
)
from ideas.scrapbook.services import (
    PHOTO_NEEDS_WIDER_CONSENT,
    PUPILS_STAY_IN_SCHOOL,
    pupils_kept_in_school,
)

MARKDOWN_HELP = "**bold**, _italics_, lists starting with “- ” and [links](https://…)."
ACCEPT_IMAGES = "image/jpeg,image/png,image/webp"


class ArticleForm(forms.ModelForm):
    """The article's text; the word budget depends on how many photos it has."""

    class Meta:
        model = Article
        # The writing first; the (possibly long) list of colleagues after it.
        fields = [
            "title",
            "phase",
            "year_group",
            "subject_or_area",
            "what_i_did",
            "what_happened",
            "try_it_yourself",
            "co_authors",
            "tags",
        ]
        widgets = {"co_authors": forms.CheckboxSelectMultiple}
        help_texts = {
            "what_i_did": "What you tried in your classroom or area. " + MARKDOWN_HELP,
            "what_happened": "The difference it made: to pupils, colleagues or you.",
            "try_it_yourself": "Tips for a colleague who wants to try it tomorrow.",
            "co_authors": "Colleagues who did this with you (optional). Tick each one.",
            "tags": "Separate with commas, e.g. oracy, phonics, behaviour.",
        }

    def __init__(self, *args, author: Staff, image_count: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", "Choose a phase (optional)"), *ArticlePhase.choices]
        self.image_count = image_count
        self.fields["co_authors"].queryset = (
            Staff.objects.filter(school_id=author.school_id, is_active=True)
            .exclude(pk=author.pk)
            .order_by("full_name")
        )
        self.fields["co_authors"].widget.attrs["data-picker"] = ""
        self.fields["title"].widget.attrs.update({"data-counter": "", "data-preview": "title"})
        for name in ("what_i_did", "what_happened", "try_it_yourself"):
            self.fields[name].widget.attrs.update(
                {"rows": 6, "data-preview": name, "data-words": ""}
            )
        for name in ("phase", "year_group", "subject_or_area"):
            self.fields[name].widget.attrs["data-preview"] = "context"

    def clean(self) -> dict:
        data = super().clean()
        wider = data.get("visibility", Visibility.SCHOOL) != Visibility.SCHOOL
        if wider and pupils_kept_in_school(self.instance):
            self.add_error("visibility", PUPILS_STAY_IN_SCHOOL)
        for name in ("title", "year_group", "subject_or_area"):
            if data.get(name):
                data[name] = " ".join(data[name].split())
        for name in ("what_i_did", "what_happened", "try_it_yourself"):
            if data.get(name):
                data[name] = clean_plain_text(data[name])
        words = sum(
            count_words(data.get(name, ""))
            for name in ("what_i_did", "what_happened", "try_it_yourself")
        )
        budget = word_budget(self.image_count)
        if words > budget:
            photos = f"{self.image_count} photo{'s' if self.image_count != 1 else ''}"
            raise ValidationError(
                f"This is {words} words, but one printed page holds about {budget} with "
                f"{photos}. Please cut about {words - budget} words so it fits on one page.",
                code="too_long",
            )
        return data


class ArticleImageForm(forms.ModelForm):
    upload = forms.FileField(
        label="Photo",
        help_text="A JPEG, PNG or WebP photo up to 10 MB. Location and camera details are removed.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_IMAGES}),
    )
    consent_confirmed = forms.BooleanField(
        label="I confirm the school's photo consent covers every pupil shown",
        required=False,
    )
    consent_beyond_school = forms.BooleanField(
        label="The consent also covers sharing this photo with other schools",
        required=False,
        help_text="Needed only when the article is shared beyond your school.",
    )

    class Meta:
        model = ArticleImage
        fields = ["alt_text", "caption", "shows_pupils"]
        error_messages = {
            "alt_text": {"required": "Please describe the photo for colleagues who can't see it."}
        }
        help_texts = {
            "alt_text": "What the photo shows, for colleagues who use a screen reader.",
            "caption": "Printed under the photo (optional).",
        }

    field_order = [
        "upload",
        "alt_text",
        "caption",
        "shows_pupils",
        "consent_confirmed",
        "consent_beyond_school",
    ]

    def __init__(self, *args, shared_beyond_school: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.shared_beyond_school = shared_beyond_school

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError("That file is larger than 10 MB. Please choose a smaller photo.")
        try:
            self.cleaned_image = clean_image(upload)
        except ImageRejected as rejection:
            raise ValidationError(str(rejection)) from None
        return upload

    def clean_alt_text(self) -> str:
        alt_text = " ".join(self.cleaned_data.get("alt_text", "").split())
        if not alt_text:
            raise ValidationError("Please describe the photo for colleagues who can't see it.")
        return alt_text

    def clean(self) -> dict:
        data = super().clean()
        if data.get("shows_pupils") and not data.get("consent_confirmed"):
            self.add_error(
                "consent_confirmed",
                "Photos of pupils need the school's photo consent. Please confirm it covers "
                "everyone shown, or choose another photo.",
            )
        elif (
            data.get("shows_pupils")
            and self.shared_beyond_school
            and not data.get("consent_beyond_school")
        ):
            self.add_error("consent_beyond_school", PHOTO_NEEDS_WIDER_CONSENT)
        return data


class EditionForm(forms.ModelForm):
    cover = forms.FileField(
        label="Cover photo",
        required=False,
        help_text="Optional. A JPEG, PNG or WebP up to 10 MB; printed across the whole cover.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_IMAGES}),
    )

    class Meta:
        model = Edition
        fields = ["title", "foreword", "cover_alt_text", "is_published"]
        labels = {"cover_alt_text": "Cover photo description"}
        help_texts = {"foreword": "A few words from the head to open the edition (optional)."}
        widgets = {"foreword": forms.Textarea(attrs={"rows": 5})}

    field_order = ["title", "foreword", "cover", "cover_alt_text", "is_published"]

    def clean_cover(self):
        upload = self.cleaned_data.get("cover")
        self.cleaned_cover = None
        if upload:
            try:
                self.cleaned_cover = clean_image(upload)
            except ImageRejected as rejection:
                raise ValidationError(str(rejection)) from None
        return upload

    def clean(self) -> dict:
        data = super().clean()
        has_cover = self.cleaned_cover is not None if hasattr(self, "cleaned_cover") else False
        if (has_cover or self.instance.cover_image) and not data.get("cover_alt_text", "").strip():
            self.add_error("cover_alt_text", "Please describe the cover photo.")
        return data


class ExportForm(forms.Form):
    format = forms.ChoiceField(choices=ExportFormat.choices)


class ArticleFilterForm(forms.Form):
    """Narrow the approved articles an editor adds: by school term and by words."""

    term = forms.ChoiceField(label="Written in", required=False)
    q = forms.CharField(label="Title, author or subject contains", max_length=100, required=False)

    def __init__(self, data, *, school, **kwargs):
        # Only the filter's own keys: the same POST also carries an arrange action.
        data = {key: data.get(key, "") for key in ("term", "q")}
        super().__init__(data, **kwargs)
        today = timezone.now().astimezone(school.zone).date()
        self.zone = school.zone
        self.terms = {term.first_day.isoformat(): term for term in school.recent_terms(today)}
        self.fields["term"].choices = [("", "Any term")] + [
            (key, term.label) for key, term in self.terms.items()
        ]

    def apply(self, articles):
        if not self.is_valid():
            return articles
        term = self.terms.get(self.cleaned_data["term"])
        if term:
            start, end = day_bounds(term.first_day, term.last_day, self.zone)
            articles = articles.filter(created_at__gte=start, created_at__lt=end)
        if words := self.cleaned_data["q"].strip():
            articles = articles.filter(
                Q(title__icontains=words)
                | Q(author__full_name__icontains=words)
                | Q(subject_or_area__icontains=words)
            )
        return articles

    @property
    def is_filtered(self) -> bool:
        return self.is_valid() and any(self.cleaned_data.values())

    def query_string(self) -> str:
        if not self.is_valid():
            return ""
        return urlencode({key: value for key, value in self.cleaned_data.items() if value})
