"""Who may host and run a twilight. Seeing one is the network's rule
(hub/networks/access.py): staff of its member schools and its leads; anyone else 404."""

from django.db.models import Q, QuerySet

from hub.models import Network
from hub.networks.access import leads_network, networks_of


def _organiser(staff) -> bool:
    return bool(staff.is_authenticated) and (staff.is_moderator or staff.is_school_admin)


def may_host_in(staff, network: Network, school) -> bool:
    """A member school's moderators and admins host at their own school; a network lead
    hosts at any member school."""
    if not network.schools.filter(pk=school.pk).exists():
        return False
    if leads_network(staff, network):
        return True
    return _organiser(staff) and staff.school_id == school.pk


def hostable_networks(staff) -> QuerySet:
    """The networks in which this person may schedule a twilight (one query when read)."""
    mine = networks_of(staff)
    if _organiser(staff):
        return mine.filter(Q(schools=staff.school_id) | Q(leads=staff.pk)).distinct()
    return mine.filter(leads=staff.pk).distinct()


def may_manage(staff, twilight) -> bool:
    """The host school's moderators and admins, and the network's leads, run the night:
    the draw, the table plan, the big screen."""
    if _organiser(staff) and staff.school_id == twilight.host_school_id:
        return True
    return leads_network(staff, twilight.network)
