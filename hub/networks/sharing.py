"""Share wider, by choice: the visibility chooser every kind of contribution offers.

Staff choose for each thing they write who may see it: their school, the schools of
their networks, or anyone signed in. The chooser appears only when the school is in
a network (otherwise everything stays in the school), starting at the school's own
default (School.default_visibility, on the settings page). A forged value is refused
by the form and again by `checked_visibility` in the services.
"""

from django import forms
from django.core.exceptions import ValidationError

from hub.models import Network, Visibility

CHOOSER_LABEL = "Who can see this?"
CHOOSER_HELP = (
    "Sharing wider lets colleagues in other schools learn from you. "
    "Your school’s moderators and the network’s leads can still hide it."
)
FORGED_CHOICE = "Choose one of the options for who can see this."
NO_NETWORK = "Your school is not in a network yet, so this can only be shared in school."


def school_in_a_network(school) -> bool:
    """Whether the school belongs to any network (one query)."""
    if school is None:
        return False
    return Network.objects.filter(schools=school.pk).exists()


def visibility_field(*, initial: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=CHOOSER_LABEL,
        choices=Visibility.choices,
        initial=initial,
        help_text=CHOOSER_HELP,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": FORGED_CHOICE, "required": FORGED_CHOICE},
    )


def networks_of_school(school) -> list[Network]:
    """The networks the school belongs to, by name (one query)."""
    if school is None:
        return []
    return list(Network.objects.filter(schools=school.pk).order_by("name"))


def offer_visibility(
    form: forms.Form, school, *, current: str | None = None, in_a_network: bool | None = None
) -> forms.Form:
    """Add the chooser to `form` when the school is in a network; starts at `current`
    (editing) or the school's default. One query, unless the caller already knows
    `in_a_network`. Returns the form."""
    if in_a_network is None:
        in_a_network = school_in_a_network(school)
    if in_a_network:
        form.fields["visibility"] = visibility_field(
            initial=current or school.default_visibility or Visibility.SCHOOL
        )
    return form


def checked_visibility(school, visibility: str | None) -> str:
    """The visibility a service may store for something written at `school`: a known
    choice, and wider than the school only when the school is in a network."""
    visibility = visibility or Visibility.SCHOOL
    if visibility not in Visibility.values:
        raise ValidationError({"visibility": FORGED_CHOICE})
    if visibility != Visibility.SCHOOL and not school_in_a_network(school):
        raise ValidationError({"visibility": NO_NETWORK})
    return visibility


def visibility_note(visibility: str) -> str:
    """A few words saying who will see something, for success messages."""
    if visibility == Visibility.NETWORK:
        return " Colleagues in your network’s schools can see it too."
    if visibility == Visibility.PUBLIC:
        return " Anyone signed in to Staffroom can see it."
    return ""
