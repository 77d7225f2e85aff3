"""Who may do what with placements, in one place.

A school's "head" for placements is whoever may change the school's settings
(`hub.access.may_change_school_settings`): the headteacher (the school settings flag)
and the school's admins, who in most schools keep the cover and visitors' diary.
Either may approve for their school; a deputy who only moderates may not.
"""

from django.db.models import Q
from django.http import Http404

from hub.access import may_change_school_settings
from hub.models import Network, Placement, PlacementAsk, PlacementOffer, Staff
from hub.networks.access import network_or_404


def approves_for(staff, school_id: int) -> bool:
    return may_change_school_settings(staff) and staff.school_id == school_id


def heads_of(school_id: int) -> list:
    """Who is asked to approve for a school: its heads (the settings flag), else its
    admins. One query."""
    people = list(
        Staff.objects.filter(
            Q(manages_settings=True) | Q(is_school_admin=True), school_id=school_id, is_active=True
        )
    )
    heads = [person for person in people if person.manages_settings]
    return heads or people


def member_network_or_404(staff, pk) -> Network:
    """A network whose asks and offers this person may see: one their school belongs to.
    A lead from beyond its schools runs the network but arranges no placement in it."""
    network = network_or_404(staff, pk)
    if not network.schools.filter(pk=staff.school_id).exists():
        raise Http404("No network found.")
    return network


def placement_or_404(staff, pk) -> Placement:
    try:
        return (
            Placement.objects.visible_to(staff)
            .select_related(
                "ask", "offer", "visitor", "host", "visitor_school", "host_school", "network"
            )
            .get(pk=pk)
        )
    except (Placement.DoesNotExist, ValueError, TypeError):
        raise Http404("No placement found.") from None


def ask_or_404(staff, network_pk, pk) -> PlacementAsk:
    network = member_network_or_404(staff, network_pk)
    try:
        return (
            PlacementAsk.objects.in_network(network)
            .select_related("staff", "school", "network")
            .prefetch_related("tags")
            .get(pk=pk)
        )
    except (PlacementAsk.DoesNotExist, ValueError, TypeError):
        raise Http404("No placement ask found.") from None


def offer_or_404(staff, network_pk, pk) -> PlacementOffer:
    network = member_network_or_404(staff, network_pk)
    try:
        return (
            PlacementOffer.objects.in_network(network)
            .select_related("host", "school", "network")
            .prefetch_related("tags")
            .get(pk=pk)
        )
    except (PlacementOffer.DoesNotExist, ValueError, TypeError):
        raise Http404("No placement offer found.") from None
