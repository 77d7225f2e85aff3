from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm

from hub.emails import queue_email
from hub.models import NoticeHow, NoticeKind, Phase, Role, Staff
from hub.people.staff_import import MAX_IMPORT_BYTES

MAX_FOCUS_TAGS = 10
# Tags are stored in a 100-character column; shorter reads better on a profile.
MAX_FOCUS_TAG_LENGTH = 50


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": "That email address and password do not match. "
        "After 5 wrong tries the account is locked for 15 minutes.",
        "inactive": "This account has been deactivated. Ask your school office.",
    }

    def clean_username(self) -> str:
        # Lower-case before authenticating, so the lockout counts one account once.
        return self.cleaned_data["username"].lower()


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, its email sent by the task worker like every other.

    Sent from the request, a slow mail server made resets for real addresses
    slower than for unknown ones (telling who has an account) and tied up web workers.
    """

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        queue_email(to=[context["email"]], template="password_reset", context=context)


class InviteStaffForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    full_name = forms.CharField(label="Full name", max_length=120)
    role = forms.ChoiceField(choices=Role.choices, initial=Role.TEACHER)

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.school = school

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        # Only this school's own staff: an admin learns nothing about other schools'
        # accounts (staff_invite tells that person by email instead).
        if Staff.objects.filter(email=email, school=self.school).exists():
            raise forms.ValidationError("Someone with this email already has an account.")
        return email

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"].strip()
        if not name:
            raise forms.ValidationError("Enter their full name.")
        return name


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label="Staff list (CSV)",
        help_text="Columns: email, full name, role. Up to 1 MB. Nothing is imported "
        "unless every row is right.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is larger than 1 MB.")
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError("Choose a .csv file (in Excel: Save as, CSV UTF-8).")
        return upload


class StaffRoleForm(forms.ModelForm):
    class Meta:
        model = Staff
        fields = ["role", "is_moderator", "is_school_admin", "manages_settings"]


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Staff
        fields = ["full_name", "display_name", "job_title", "phase", "subjects", "learning_focus"]
        help_texts = {
            "learning_focus": f"Up to {MAX_FOCUS_TAGS}, separated with commas, "
            "e.g. questioning, phonics."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", "Not set"), *Phase.choices]

    def clean_full_name(self) -> str:
        name = self.cleaned_data["full_name"].strip()
        if not name:
            raise forms.ValidationError("Enter your full name.")
        return name

    def clean_learning_focus(self) -> list[str]:
        tags = self.cleaned_data["learning_focus"]
        if len(tags) > MAX_FOCUS_TAGS:
            raise forms.ValidationError(f"Choose at most {MAX_FOCUS_TAGS} areas of focus.")
        too_long = [tag for tag in tags if len(tag) > MAX_FOCUS_TAG_LENGTH]
        if too_long:
            raise forms.ValidationError(
                f"Keep each focus to {MAX_FOCUS_TAG_LENGTH} characters or fewer."
            )
        return tags


class AcceptInvitationForm(forms.Form):
    # One field with a show/hide toggle rather than "type it again": on a phone a second
    # blind field is where people give up, and showing it catches the typo instead.
    password = forms.CharField(
        label="Choose a password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 10 characters; not only numbers; not a common password.",
    )

    def __init__(self, *args, staff: Staff, **kwargs):
        self.staff = staff
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, self.staff)
        return password


class EmailPreferenceForm(forms.ModelForm):
    class Meta:
        model = Staff
        fields = ["email_preference", "gets_weekly_digest"]
        widgets = {"email_preference": forms.RadioSelect}
        labels = {"email_preference": "Emails from Staffroom"}


class NoticePreferencesForm(forms.Form):
    """Per kind of notice: email each time, only in Staffroom and the digest, or off."""

    FOLLOW = ""

    def __init__(self, *args, staff: Staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.staff = staff
        choices = [(self.FOLLOW, "Like my email setting"), *NoticeHow.choices]
        for kind, label in NoticeKind.choices:
            self.fields[kind] = forms.ChoiceField(
                label=label,
                choices=choices,
                required=False,
                initial=(staff.notice_preferences or {}).get(kind, self.FOLLOW),
            )

    def save(self) -> None:
        self.staff.notice_preferences = {
            kind: how for kind, how in self.cleaned_data.items() if how != self.FOLLOW
        }
        self.staff.save(update_fields=["notice_preferences"])
