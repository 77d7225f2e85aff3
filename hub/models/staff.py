import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from taggit.managers import TaggableManager

from hub.models.school import Phase, School, SchoolScopedQuerySet


class Role(models.TextChoices):
    TEACHER = "teacher", "Teacher"
    TEACHING_ASSISTANT = "teaching_assistant", "Teaching assistant"
    SUPPORT = "support", "Support staff"
    OFFICE = "office", "Office or admin staff"
    SENIOR_LEADER = "senior_leader", "Senior leader"
    HEADTEACHER = "headteacher", "Headteacher"


class RoleGroup(models.TextChoices):
    """The groups a board filters by ("from our TAs") and a dashboard counts by."""

    TEACHERS = "teachers", "Teachers"
    TEACHING_ASSISTANTS = "tas", "Teaching assistants"
    SUPPORT = "support", "Support staff"
    OFFICE = "office", "Office staff"
    LEADERS = "leaders", "Leaders"

    @classmethod
    def roles_in(cls, group: str) -> list[str]:
        return [role for role, role_group in ROLE_GROUP_OF.items() if role_group == group]


ROLE_GROUP_OF = {
    Role.TEACHER: RoleGroup.TEACHERS,
    Role.TEACHING_ASSISTANT: RoleGroup.TEACHING_ASSISTANTS,
    Role.SUPPORT: RoleGroup.SUPPORT,
    Role.OFFICE: RoleGroup.OFFICE,
    Role.SENIOR_LEADER: RoleGroup.LEADERS,
    Role.HEADTEACHER: RoleGroup.LEADERS,
}

# Role groups that try ideas in a class; everyone else is asked without "in class".
# The board's post-it asks with these words too (templates/ideas/board/_idea_card.html).
CLASS_QUESTION = "What happened in class?"
OTHER_QUESTION = "What happened when you tried it?"
TRIED_IT_QUESTION = {
    RoleGroup.TEACHERS: CLASS_QUESTION,
    RoleGroup.TEACHING_ASSISTANTS: CLASS_QUESTION,
}


class EmailPreference(models.TextChoices):
    """How a person hears from Staffroom by email; the in-app list always fills."""

    INSTANT = "instant", "Instant: an email each time, and the Friday digest"
    WEEKLY = "weekly", "Weekly digest only: one email on Friday afternoon"
    OFF = "off", "Off: no emails, I will look in Staffroom"


class StaffQuerySet(SchoolScopedQuerySet):
    def active(self) -> "StaffQuerySet":
        return self.filter(is_active=True)


class StaffManager(BaseUserManager.from_queryset(StaffQuerySet)):
    use_in_migrations = True

    def get_by_natural_key(self, email: str) -> "Staff":
        # Emails are stored lower-case, so "Alice@School" signs in as alice@school.
        return self.get(email=email.lower())

    def create_user(self, email: str, password: str | None = None, **fields):
        if not email:
            raise ValueError("Staff need an email address.")
        email = self.normalize_email(email).lower()
        fields.setdefault("full_name", email.split("@")[0])
        user = self.model(email=email, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class Staff(AbstractBaseUser, PermissionsMixin):
    """A member of a school's staff: the user who signs in."""

    email = models.EmailField(unique=True)
    full_name = models.CharField(max_length=120)
    display_name = models.CharField(
        max_length=60, blank=True, help_text="How colleagues see your name, e.g. “Mrs Patel”."
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="staff", null=True, blank=True
    )
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.TEACHER)
    is_moderator = models.BooleanField(
        "moderator", default=False, help_text="May approve, hide, celebrate and run rotas."
    )
    is_school_admin = models.BooleanField(
        "school admin", default=False, help_text="May invite, import and deactivate staff."
    )
    # Heads have it (given to every headteacher when it was introduced); a deputy who
    # moderates does not, unless a school admin gives it. School admins need no flag.
    manages_settings = models.BooleanField(
        "school settings",
        default=False,
        help_text="May change the school's settings: moderation, follow-ups, time zone, "
        "logo and term dates.",
    )
    job_title = models.CharField(max_length=100, blank=True)
    phase = models.CharField(max_length=20, choices=Phase.choices, blank=True)
    subjects = models.CharField(
        "subjects or areas", max_length=200, blank=True, help_text="Separate with commas."
    )
    learning_focus = TaggableManager(
        "learning focus",
        blank=True,
        help_text="What you are working on this year, e.g. questioning, phonics.",
    )
    email_preference = models.CharField(
        "emails from Staffroom",
        max_length=10,
        choices=EmailPreference.choices,
        default=EmailPreference.INSTANT,
    )
    # Unticked by the digest's one-click unsubscribe (hub.unsubscribe) or on the preferences
    # page: no Friday digest, whatever email_preference says about the other emails.
    gets_weekly_digest = models.BooleanField(
        "send me the weekly digest",
        default=True,
        help_text="One email on Friday afternoon with the week’s highlights.",
    )
    # {notice kind: "instant" | "digest" | "off"} (hub.models.notifications.NoticeHow);
    # a kind left out follows email_preference. On the row, so notify() reads it for free.
    notice_preferences = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField("Django admin access", default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    deactivated_at = models.DateTimeField(null=True, blank=True)

    objects = StaffManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = "staff member"
        verbose_name_plural = "staff"
        ordering = ["full_name"]
        indexes = [
            # Staff list and dashboard: a school's staff by name.
            models.Index(fields=["school", "full_name"], name="staff_school_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.email = self.email.lower()
        super().save(*args, **kwargs)

    @property
    def name(self) -> str:
        return self.display_name or self.full_name

    @property
    def role_title(self) -> str:
        """What they do, as colleagues would say it: their job title, else their role."""
        return self.job_title.strip() or self.get_role_display()

    @property
    def credit(self) -> str:
        """Their name with what they do, as every byline prints it: "Mr Reid (Year 5 teacher)"."""
        return f"{self.name} ({self.role_title})"

    @property
    def role_group(self) -> str:
        return ROLE_GROUP_OF[self.role]

    @property
    def tried_it_question(self) -> str:
        """What "I tried it" asks: a cook or an office colleague who tried an idea did not
        try it in a class."""
        return TRIED_IT_QUESTION.get(self.role_group, OTHER_QUESTION)

    @property
    def asked_about_class(self) -> bool:
        return self.tried_it_question == CLASS_QUESTION

    @property
    def has_signed_in(self) -> bool:
        return self.last_login is not None


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


INVITATION_LIFETIME = timedelta(days=7)


class InvitationQuerySet(models.QuerySet):
    def usable(self) -> "InvitationQuerySet":
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """A one-time link that lets an invited colleague set their password.

    Only a hash of the token is stored, so a database leak gives no working links.
    """

    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(Staff, on_delete=models.SET_NULL, null=True, related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.staff.email}"

    @classmethod
    def issue(cls, *, staff: Staff, invited_by: Staff | None) -> tuple["Invitation", str]:
        token = secrets.token_urlsafe(32)
        invitation = cls.objects.create(
            staff=staff,
            invited_by=invited_by,
            token_hash=_hash_token(token),
            expires_at=timezone.now() + INVITATION_LIFETIME,
        )
        return invitation, token

    @classmethod
    def find_usable(cls, token: str) -> "Invitation | None":
        return (
            cls.objects.usable()
            .select_related("staff", "staff__school")
            .filter(token_hash=_hash_token(token), staff__is_active=True)
            .first()
        )
