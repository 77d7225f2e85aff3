from django import forms

from hub.lib.text import drop_control_characters
from hub.models import DisplayLink
from hub.models.display import DISPLAY_NAME_MAX


class DisplayLinkForm(forms.ModelForm):
    class Meta:
        model = DisplayLink
        fields = ["name"]
        labels = {"name": "Where is the screen?"}
        help_texts = {
            "name": "A name you will recognise later, e.g. “Staffroom TV” or "
            "“Reprographics corridor”."
        }
        error_messages = {
            "name": {
                "required": "Give the screen a name, e.g. “Staffroom TV”.",
                "max_length": f"Keep the name to {DISPLAY_NAME_MAX} characters.",
            }
        }

    def clean_name(self) -> str:
        name = drop_control_characters(self.cleaned_data["name"]).strip()
        if not name:
            raise forms.ValidationError("Give the screen a name, e.g. “Staffroom TV”.")
        return name
